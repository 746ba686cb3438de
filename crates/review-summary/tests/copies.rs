//! Recipients' copies through the records teams' CLI: each verifies on its
//! own and says whose copy it is and how much it leaves out; checked beside
//! its summary, a copy that is not the one the summary names (more than its
//! recipient may see, another key's) is invalid (`copy_mismatch`).

mod common;

use assert_cmd::Command;
use common::{team_list, write};
use review_core::summary::{read_unsigned, sign_with_copies, SigningKey, Summary};
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

const SIGNED_AT: &str = "2026-11-24T12:05:00+00:00";

fn unsigned_records() -> Summary {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    );
    read_unsigned(&std::fs::read(path).unwrap(), Some(SIGNED_AT)).unwrap()
}

fn key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

/// The records copy and each recipient's copy, signed by `key` as the app
/// signs them: the copies first, then the records copy naming each.
fn signed(key: &SigningKey) -> (Vec<u8>, Vec<Vec<u8>>) {
    sign_with_copies(unsigned_records(), key).unwrap()
}

fn verify(dir: &Path, files: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("review-summary")
        .unwrap()
        .current_dir(dir)
        .args([&["verify", "--trusted-keys", "team.keys"], files].concat())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// A signed copy with `edit` made to it, signed again by `key`.
fn edited(copy: &[u8], key: &SigningKey, edit: impl Fn(&mut Summary)) -> Vec<u8> {
    let mut document: Summary = serde_json::from_slice::<Value>(copy)
        .map(|v| serde_json::from_value(v).unwrap())
        .unwrap();
    document.signature = None;
    edit(&mut document);
    document.sign(key).unwrap()
}

#[test]
fn the_summary_and_its_copies_verify_together_and_each_says_what_it_is() {
    let dir = TempDir::new().unwrap();
    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let (records, copies) = signed(&key());
    write(dir.path(), "summary.json", &records);
    for (i, copy) in copies.iter().enumerate() {
        write(dir.path(), &format!("copy-{i}.json"), copy);
    }
    let (out, code) = verify(
        dir.path(),
        &["summary.json", "copy-0.json", "copy-1.json", "copy-2.json"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("4 files checked: 4 valid"), "{out}");
    let id = records_id(&records);
    for whose in [
        "The carer’s copy",
        "The copy for the person cared for",
        "Crossroads Care’s copy",
    ] {
        assert!(
            out.contains(&format!(
                "    {whose} (made from summary {id}): leaves out "
            )),
            "{whose}: {out}"
        );
    }
    assert!(out.contains("Import the summary, not this copy."));
}

fn records_id(records: &[u8]) -> String {
    let v: Value = serde_json::from_slice(records).unwrap();
    v["documentId"].as_str().unwrap().to_string()
}

#[test]
fn a_copy_that_is_not_the_one_its_summary_names_is_invalid_beside_it() {
    let dir = TempDir::new().unwrap();
    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let (records, copies) = signed(&key());
    write(dir.path(), "summary.json", &records);
    let everything = unsigned_records();
    // The provider's copy with every service put back, signed again by the
    // tablet's own key: intact, but not the copy the summary names.
    let more = edited(&copies[2], &key(), |c| {
        c.services.resources = everything.services.resources.clone();
    });
    write(dir.path(), "more.json", &more);
    let (out, code) = verify(dir.path(), &["summary.json", "more.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "- copy_mismatch: This is not the copy its summary ({}) names: the summary does not name this file.",
            records_id(&records)
        )),
        "{out}"
    );
    // On its own, nothing says what it should hold: it verifies, and says
    // it is a copy to check beside its summary.
    let (alone, code) = verify(dir.path(), &["more.json"]);
    assert_eq!(code, 0, "{alone}");
    assert!(
        alone.contains("Crossroads Care’s copy (made from summary"),
        "{alone}"
    );
}

#[test]
fn a_copy_signed_by_another_key_is_invalid_beside_its_summary() {
    let dir = TempDir::new().unwrap();
    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let (records, copies) = signed(&key());
    write(dir.path(), "summary.json", &records);
    let other = edited(&copies[0], &SigningKey::from_seed([9; 32]), |_| {});
    write(dir.path(), "other.json", &other);
    let (out, code) = verify(dir.path(), &["summary.json", "other.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("names: it was signed by another key."),
        "{out}"
    );
}
