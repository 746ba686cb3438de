//! `review-summary export` run as a program: only files valid against the
//! team's key list reach the output (tampered, unknown-signer, duplicate-id
//! and recipient's-copy files are listed in `rejected` instead), the output
//! is the same whatever the order of the files and the number of cores, a
//! format 2 summary's NDJSON line is its file, and nothing is overwritten.
//! (That the CSV tables hold every member is proven in `src/export_tests.rs`.)

mod common;

use assert_cmd::Command;
use common::team_list;
use review_core::summary::{read_unsigned, sign_with_copies, SigningKey};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const SIGNED_AT: &str = "2026-11-24T12:05:00+00:00";

/// The test review's unsigned summary, with `documentId` and
/// `organisation` as given, signed by `key`.
fn signed(key: &SigningKey, document_id: &str, organisation: &str) -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    );
    let mut v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v["documentId"] = document_id.into();
    v["organisation"] = organisation.into();
    read_unsigned(&serde_json::to_vec(&v).unwrap(), Some(SIGNED_AT))
        .unwrap()
        .sign(key)
        .unwrap()
}

fn trusted() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

fn stranger() -> SigningKey {
    SigningKey::from_seed([9; 32])
}

const A: &str = "0a000000-0000-4000-8000-000000000001";
const B: &str = "0b000000-0000-4000-8000-000000000002";
const C: &str = "0c000000-0000-4000-8000-000000000003";
const D: &str = "0d000000-0000-4000-8000-000000000004";

/// A folder of files to export, beside the team's key list (`team.keys`,
/// trusting the key seeded 7 only):
/// - `a.json`, `b.json`: valid; `b.json` given twice (`b-again.json`);
/// - `a-tampered.json`: `a.json` with one letter changed;
/// - `c-stranger.json`: intact, signed by a key the list does not hold;
/// - `d-1.json`, `d-2.json`: two different files under one document id;
/// - `copy-carer.json`: a recipient's copy of `records.json` (valid).
fn folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let a = signed(&trusted(), A, "Northshire Council");
    put("a.json", &a);
    let tampered = String::from_utf8(a)
        .unwrap()
        .replace("Northshire Council", "Northshire Counci1");
    put("a-tampered.json", tampered.as_bytes());
    put("b.json", &signed(&trusted(), B, "Northshire Council"));
    put("b-again.json", &signed(&trusted(), B, "Northshire Council"));
    put("c-stranger.json", &signed(&stranger(), C, "Stranger Ltd"));
    put("d-1.json", &signed(&trusted(), D, "Northshire Council"));
    put("d-2.json", &signed(&trusted(), D, "Southshire Council"));
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    );
    let (records, copies) = sign_with_copies(
        read_unsigned(&std::fs::read(path).unwrap(), Some(SIGNED_AT)).unwrap(),
        &trusted(),
    )
    .unwrap();
    put("records.json", &records);
    put("copy-carer.json", &copies[0]);
    team_list(
        dir.path(),
        "team.keys",
        &[(&trusted(), "Sam Patel's tablet")],
    );
    dir
}

/// Run `export` in `dir` over `inputs` into `out`, with `threads` cores.
fn export(
    dir: &Path,
    format: &str,
    out: &str,
    inputs: &[&str],
    threads: &str,
) -> std::process::Output {
    Command::cargo_bin("review-summary")
        .unwrap()
        .current_dir(dir)
        .env("RAYON_NUM_THREADS", threads)
        .args([
            "export",
            "--format",
            format,
            "--out",
            out,
            "--trusted-keys",
            "team.keys",
        ])
        .args(inputs)
        .output()
        .unwrap()
}

/// Every file an export wrote, by name.
fn written(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path: PathBuf = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

const ALL: [&str; 9] = [
    "a.json",
    "a-tampered.json",
    "b.json",
    "b-again.json",
    "c-stranger.json",
    "d-1.json",
    "d-2.json",
    "records.json",
    "copy-carer.json",
];

#[test]
fn only_files_valid_against_the_key_list_are_exported() {
    let dir = folder();
    let run = export(dir.path(), "csv", "out", &ALL, "2");
    // Some files were rejected, the worst invalid: exit 1, the export written.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert!(
        stdout.contains("4 files exported: 3 summaries and 0 reflections, written to out in 37 CSV files. 5 files left out"),
        "{stdout}"
    );
    let out = written(&dir.path().join("out"));
    let summaries = &out["summaries.csv"];
    let ids: Vec<&str> = summaries.lines().skip(1).map(|l| &l[..36]).collect();
    let records_id = {
        let v: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("records.json")).unwrap())
                .unwrap();
        v["documentId"].as_str().unwrap().to_string()
    };
    let mut expected = vec![A, B, records_id.as_str()];
    expected.sort();
    assert_eq!(ids, expected, "in document id order, b once");
    // Nothing from a rejected file reaches any table.
    for (name, text) in &out {
        if name != "rejected.csv" {
            for never in ["Counci1", "Stranger Ltd", "Southshire", C, D] {
                assert!(!text.contains(never), "{never} is in {name}");
            }
        }
    }
    let rejected = &out["rejected.csv"];
    for (file, verdict) in [
        ("a-tampered.json", "invalid"),
        ("c-stranger.json", "untrusted_signer"),
        ("d-1.json", "duplicate_id"),
        ("d-2.json", "duplicate_id"),
        ("copy-carer.json", "recipient_copy"),
    ] {
        assert!(
            rejected
                .lines()
                .any(|l| l.starts_with(file) && l.contains(verdict)),
            "{file} is not listed as {verdict}:\n{rejected}"
        );
        assert!(stdout.contains(file), "{file} is not named on the terminal");
    }
    assert!(
        stdout.contains("key list") || stdout.contains("not on"),
        "{stdout}"
    );
    assert_eq!(
        rejected.lines().filter(|l| l.starts_with("a.json")).count(),
        0
    );
    // Each exported file, with its signer, in `files`.
    let files = &out["files.csv"];
    assert_eq!(
        files.lines().count(),
        1 + 4,
        "b.json and b-again.json both listed"
    );
    assert!(files
        .lines()
        .all(|l| l.starts_with("documentId") || l.contains("Sam Patel's tablet")));
}

#[test]
fn the_output_is_the_same_whatever_the_order_and_the_cores() {
    let dir = folder();
    let mut reversed = ALL;
    reversed.reverse();
    for format in ["csv", "ndjson"] {
        let one = format!("{format}-one-core");
        let two = format!("{format}-two-cores");
        export(dir.path(), format, &one, &ALL, "1");
        export(dir.path(), format, &two, &reversed, "2");
        let (first, second) = (
            written(&dir.path().join(&one)),
            written(&dir.path().join(&two)),
        );
        assert!(first.len() >= 4);
        assert_eq!(first, second, "{format}");
    }
}

#[test]
fn a_format_2_summary_line_is_its_file_and_verifies_as_it_stands() {
    let dir = folder();
    export(dir.path(), "ndjson", "out", &["a.json", "b.json"], "2");
    let out = written(&dir.path().join("out"));
    let a = std::fs::read_to_string(dir.path().join("a.json")).unwrap();
    let b = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert_eq!(out["summaries.ndjson"], format!("{a}\n{b}\n"));
    assert_eq!(out["addenda.ndjson"], "");
    assert_eq!(out["rejected.ndjson"], "");
    let files: Vec<Value> = out["files.ndjson"]
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(files[0]["documentId"], A);
    assert_eq!(files[0]["signer"], "Sam Patel's tablet");
    assert_eq!(files[0]["formatVersion"], "2");
}

#[test]
fn nothing_is_overwritten_and_a_key_list_is_required() {
    let dir = folder();
    let first = export(dir.path(), "csv", "out", &["a.json"], "1");
    assert_eq!(first.status.code(), Some(0));
    let before = written(&dir.path().join("out"));
    let again = export(dir.path(), "csv", "out", &["b.json"], "1");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(written(&dir.path().join("out")), before, "left as it was");
    let no_list = Command::cargo_bin("review-summary")
        .unwrap()
        .current_dir(dir.path())
        .args(["export", "--format", "csv", "--out", "other", "a.json"])
        .output()
        .unwrap();
    assert_eq!(no_list.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_list.stderr).contains("--trusted-keys"));
    assert!(!dir.path().join("other").exists());
}
