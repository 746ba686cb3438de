//! `review-summary fhir` run as a program: the records copy becomes a FHIR
//! R4 Bundle (on stdout, or into a file never overwritten); a recipient's
//! copy and an addendum are refused, as is a file of a signer the list does
//! not trust, and nothing is written for them. (The Bundle's content is
//! tested in review-core's `tests/fhir.rs`, and against FHIR R4 by FHIR.js
//! in `tests/interop/interop.mjs`.)

mod common;

use assert_cmd::Command;
use common::{addendum, key, records, team_list, write};
use review_core::summary::{read_unsigned, sign_with_copies, SigningKey};
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

fn fhir(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("review-summary")
        .unwrap()
        .current_dir(dir)
        .arg("fhir")
        .args(["--trusted-keys", "team.keys"])
        .args(args)
        .output()
        .unwrap()
}

fn folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    team_list(dir.path(), "team.keys", &[(&key(), "Sam Patel's tablet")]);
    dir
}

#[test]
fn the_records_copy_becomes_a_bundle_on_stdout_or_in_a_new_file() {
    let dir = folder();
    let signed = records(&key(), "2026-11-24T12:05:00+00:00");
    write(dir.path(), "records.json", signed.text.as_bytes());
    let out = fhir(dir.path(), &["records.json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let bundle: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let document = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "DocumentReference")
        .unwrap();
    assert_eq!(
        document["resource"]["masterIdentifier"]["value"],
        format!("urn:uuid:{}", signed.document_id)
    );
    // Into a file: the same Bundle; a second run does not overwrite it.
    let made = fhir(dir.path(), &["--out", "bundle.json", "records.json"]);
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let file = std::fs::read(dir.path().join("bundle.json")).unwrap();
    assert_eq!(serde_json::from_slice::<Value>(&file).unwrap(), bundle);
    let again = fhir(dir.path(), &["--out", "bundle.json", "records.json"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not overwritten"));
    assert_eq!(std::fs::read(dir.path().join("bundle.json")).unwrap(), file);
}

#[test]
fn a_recipients_copy_an_addendum_and_a_strangers_file_are_refused() {
    let dir = folder();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    );
    let unsigned = read_unsigned(
        &std::fs::read(path).unwrap(),
        Some("2026-11-24T12:05:00+00:00"),
    )
    .unwrap();
    let (_, copies) = sign_with_copies(unsigned.clone(), &key()).unwrap();
    write(dir.path(), "copy.json", &copies[0]);
    let signed = records(&key(), "2026-11-24T12:05:00+00:00");
    write(dir.path(), "addendum.json", &addendum(&signed, &key()));
    let (stranger, _) = sign_with_copies(unsigned, &SigningKey::from_seed([9; 32])).unwrap();
    write(dir.path(), "stranger.json", &stranger);
    for (file, status, says) in [
        ("copy.json", 2, "a recipient's copy"),
        ("addendum.json", 2, "is an addendum"),
        (
            "stranger.json",
            3,
            "does not verify against your team's key list",
        ),
    ] {
        let out = fhir(dir.path(), &["--out", "bundle.json", file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{file}: {stderr}");
        assert!(stderr.contains(says), "{file}: {stderr}");
        assert!(out.stdout.is_empty(), "{file}");
        assert!(!dir.path().join("bundle.json").exists(), "{file}");
    }
}
