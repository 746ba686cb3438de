//! The worker's reflection through the records teams' CLI: an addendum
//! verifies on its own and says which summary it adds to; beside that
//! summary it is checked against it, and beside another summary, or
//! re-signed with another key, it is invalid (`addendum_mismatch`).

mod common;

use assert_cmd::Command;
use common::{addendum, key, records, team_list, write};
use review_core::summary::SigningKey;
use std::path::Path;
use tempfile::TempDir;

fn verify(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("review-summary")
        .unwrap()
        .current_dir(dir)
        .args([&["verify", "--trusted-keys", "team.keys"], args].concat())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn an_addendum_verifies_alone_and_beside_its_summary() {
    let dir = TempDir::new().unwrap();
    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let summary = records(&key(), "2026-11-24T12:05:00+00:00");
    write(dir.path(), "summary.json", summary.text.as_bytes());
    write(dir.path(), "reflection.json", &addendum(&summary, &key()));

    let (out, code) = verify(dir.path(), &["reflection.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("The worker's reflection, added to summary"),
        "{out}"
    );
    assert!(out.contains("Give that summary's file too"), "{out}");

    let (out, code) = verify(dir.path(), &["summary.json", "reflection.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("checked beside it: for the records only."),
        "{out}"
    );
    assert!(out.contains("2 files checked: 2 valid"), "{out}");
}

#[test]
fn beside_another_signing_of_the_summary_or_from_another_key_it_is_invalid() {
    let dir = TempDir::new().unwrap();
    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let first = records(&key(), "2026-11-24T12:05:00+00:00");
    let again = records(&key(), "2026-11-24T12:06:00+00:00");
    write(dir.path(), "again.json", again.text.as_bytes());
    write(dir.path(), "reflection.json", &addendum(&first, &key()));
    let (out, code) = verify(dir.path(), &["again.json", "reflection.json", "--json"]);
    assert_eq!(code, 1, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["files"][1]["verdict"], "invalid");
    assert_eq!(report["files"][1]["errors"][0]["code"], "addendum_mismatch");

    // Another key's summary and addendum: the list does not know the key.
    let other = SigningKey::from_seed([9; 32]);
    let theirs = records(&other, "2026-11-24T12:05:00+00:00");
    write(dir.path(), "theirs.json", &addendum(&theirs, &other));
    let (out, code) = verify(dir.path(), &["theirs.json"]);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("UNTRUSTED"), "{out}");
}

#[test]
fn the_addendum_schema_is_printed() {
    let out = Command::cargo_bin("review-summary")
        .unwrap()
        .args(["schema", "--format", "addendum"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["$id"], "urn:review-together:schema:addendum-v1");
}
