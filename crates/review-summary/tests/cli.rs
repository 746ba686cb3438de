//! The records teams' CLI, run as a program: valid, tampered, malformed and
//! wrong-version files, exit codes, messages, `--json`, trusted keys.

use assert_cmd::Command;
use predicates::prelude::*;
use review_core::summary::{read_unsigned, to_canonical_vec, SigningKey};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn fixture() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    );
    std::fs::read(path).expect("the unsigned fixture")
}

/// A file from `tests/fixtures`, by its path there.
fn fixture_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

/// The fixture signed in-process (the CLI's own signing is tested below).
fn signed() -> Vec<u8> {
    read_unsigned(&fixture(), Some("2026-11-24T12:05:00+00:00"))
        .unwrap()
        .sign(&key())
        .unwrap()
}

/// The fixture's document id.
fn document_id() -> String {
    let v: Value = serde_json::from_slice(&fixture()).unwrap();
    v["documentId"].as_str().unwrap().to_string()
}

fn cli() -> Command {
    Command::cargo_bin("review-summary").unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn json_report(dir: &Path, args: &[&str]) -> (Value, i32) {
    let out = cli()
        .current_dir(dir)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    (report, out.status.code().unwrap())
}

fn no_panic(output: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// ---- keygen -----------------------------------------------------------------

#[test]
fn keygen_writes_a_private_key_only_its_owner_can_read_and_prints_the_public_key() {
    let dir = TempDir::new().unwrap();
    let key_path = dir.path().join("device.jwk");
    let out = cli()
        .arg("keygen")
        .arg("--out")
        .arg(&key_path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let public: Value = serde_json::from_slice(&out.stdout).unwrap();
    let private = std::fs::read_to_string(&key_path).unwrap();
    let key = SigningKey::from_private_jwk_json(private.trim()).unwrap();
    assert_eq!(public["x"], key.public_jwk().x);
    assert_eq!(public["kid"], key.fingerprint());
    assert_eq!(public["kty"], "OKP");
    assert!(
        public.get("d").is_none(),
        "the public key has no private part"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Never overwritten.
    cli()
        .arg("keygen")
        .arg("--out")
        .arg(&key_path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&key_path).unwrap(), private);
}

// ---- sign -------------------------------------------------------------------

#[test]
fn sign_then_verify_round_trips() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "key.jwk", key().private_jwk_json().as_bytes());
    write(dir.path(), "unsigned.json", &fixture());
    cli()
        .current_dir(dir.path())
        .args([
            "sign",
            "--key",
            "key.jwk",
            "unsigned.json",
            "--out",
            "signed.json",
        ])
        .args(["--signed-at", "2026-11-24T12:05:00+00:00"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Signed unsigned.json as signed.json",
        ));
    assert_eq!(
        std::fs::read(dir.path().join("signed.json")).unwrap(),
        signed(),
        "the CLI writes the same bytes as the app"
    );
    cli()
        .current_dir(dir.path())
        .args(["verify", "signed.json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "valid    signed.json  document {}, key {}",
            document_id(),
            key().fingerprint()
        )))
        .stdout(predicate::str::contains(
            "1 file checked: 1 valid, 0 invalid",
        ));
}

#[test]
fn sign_refuses_a_signed_file_an_invalid_file_a_bad_key_and_a_bad_time() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "key.jwk", key().private_jwk_json().as_bytes());
    write(dir.path(), "signed.json", &signed());
    write(
        dir.path(),
        "other.json",
        br#"{"format":"review-together/summary","formatVersion":"2"}"#,
    );
    write(dir.path(), "bad.jwk", br#"{"kty":"OKP"}"#);
    let v1 = std::fs::read(fixture_file("summary-unsigned-v1.json")).unwrap();
    write(dir.path(), "format-1.json", &v1);
    write(dir.path(), "unsigned.json", &fixture());
    let run = |args: &[&str]| cli().current_dir(dir.path()).args(args).assert();
    run(&[
        "sign",
        "--key",
        "key.jwk",
        "signed.json",
        "--out",
        "again.json",
    ])
    .code(1)
    .stderr(predicate::str::contains("already signed"));
    run(&["sign", "--key", "key.jwk", "other.json", "--out", "o.json"])
        .code(1)
        .stderr(predicate::str::contains("schema"));
    // Format 1 is read forever but never written again.
    run(&[
        "sign",
        "--key",
        "key.jwk",
        "format-1.json",
        "--out",
        "o.json",
    ])
    .code(1)
    .stderr(predicate::str::contains("no longer signed"));
    run(&[
        "sign",
        "--key",
        "bad.jwk",
        "unsigned.json",
        "--out",
        "o.json",
    ])
    .code(2)
    .stderr(predicate::str::contains("not a private key"));
    run(&[
        "sign",
        "--key",
        "key.jwk",
        "unsigned.json",
        "--out",
        "o.json",
        "--signed-at",
        "noon",
    ])
    .code(2)
    .stderr(predicate::str::contains("RFC 3339"));
    run(&[
        "sign",
        "--key",
        "key.jwk",
        "missing.json",
        "--out",
        "o.json",
    ])
    .code(2);
    // Nothing was written by a refused signing.
    assert!(!dir.path().join("again.json").exists() && !dir.path().join("o.json").exists());
    // Without --signed-at it signs now, and that verifies too.
    run(&[
        "sign",
        "--key",
        "key.jwk",
        "unsigned.json",
        "--out",
        "now.json",
    ])
    .success();
    run(&["verify", "now.json"]).success();
    run(&[
        "sign",
        "--key",
        "key.jwk",
        "unsigned.json",
        "--out",
        "now.json",
    ])
    .code(2)
    .stderr(predicate::str::contains("already exists"));
}

// ---- verify -----------------------------------------------------------------

#[test]
fn tampered_malformed_and_wrong_version_files_are_each_reported() {
    let dir = TempDir::new().unwrap();
    let good = String::from_utf8(signed()).unwrap();
    write(dir.path(), "a-valid.json", good.as_bytes());
    write(
        dir.path(),
        "b-tampered.json",
        good.replacen("Northshire County Council", "Northshire County Counsel", 1)
            .as_bytes(),
    );
    write(
        dir.path(),
        "c-malformed.json",
        &good.as_bytes()[..good.len() / 2],
    );
    write(
        dir.path(),
        "d-version.json",
        good.replacen(r#""formatVersion":"2""#, r#""formatVersion":"3""#, 1)
            .as_bytes(),
    );
    let mut not_utf8 = good.clone().into_bytes();
    not_utf8[100] = 0xfe;
    write(dir.path(), "e-binary.json", &not_utf8);
    let value: Value = serde_json::from_str(&good).unwrap();
    write(
        dir.path(),
        "f-pretty.json",
        &serde_json::to_vec_pretty(&value).unwrap(),
    );
    write(dir.path(), "notes.txt", b"not a summary, and not looked at");

    let out = cli()
        .current_dir(dir.path())
        .args(["verify", "."])
        .output()
        .unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{stdout}");
    assert!(lines[0].starts_with("valid    ./a-valid.json"), "{stdout}");
    for (line, code) in lines[1..6].iter().zip([
        "bad_signature",
        "not_json",
        "wrong_format_version",
        "not_utf8",
        "not_canonical",
    ]) {
        assert!(line.starts_with("INVALID  "), "{line}");
        assert!(
            line.contains(&format!("  {code}: ")),
            "{line} should report {code}"
        );
    }
    assert!(
        lines[1].contains("changed after it was signed"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[6], "6 files checked: 1 valid, 5 invalid");
}

#[test]
fn json_output_has_the_agreed_shape() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good.json", &signed());
    write(dir.path(), "bad.json", b"{\"format\":");
    let (report, code) = json_report(dir.path(), &["verify", "good.json", "bad.json"]);
    assert_eq!(code, 1);
    assert_eq!(report["valid"], 1);
    assert_eq!(report["invalid"], 1);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let keys: Vec<&str> = files[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["path", "valid", "documentId", "kid", "errors"];
    expected.sort();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    assert_eq!(keys_sorted, expected);
    assert_eq!(files[0]["path"], "good.json");
    assert_eq!(files[0]["valid"], true);
    assert_eq!(
        files[0]["documentId"],
        "4f1c2b8e-6d3a-4c5e-9b7f-2a1d0e8c6b54"
    );
    assert_eq!(files[0]["kid"], key().fingerprint());
    assert_eq!(files[0]["errors"], json!([]));
    assert_eq!(files[1]["valid"], false);
    assert_eq!(files[1]["documentId"], Value::Null);
    assert_eq!(files[1]["kid"], Value::Null);
    assert_eq!(files[1]["errors"][0]["code"], "not_json");
    assert!(files[1]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("The file is not valid JSON"));
    let (report, code) = json_report(dir.path(), &["verify", "good.json"]);
    assert_eq!(
        (code, report["valid"].as_u64(), report["invalid"].as_u64()),
        (0, Some(1), Some(0))
    );
}

/// A directory of one-bit mutations, spread over the whole file: every one
/// is reported invalid (the in-process test covers every bit of every byte).
#[test]
fn a_directory_of_mutated_files_is_all_invalid() {
    let dir = TempDir::new().unwrap();
    let good = signed();
    let count = 100;
    for n in 0..count {
        let mut bytes = good.clone();
        let i = n * (good.len() - 1) / (count - 1);
        bytes[i] ^= 1 << (n % 8);
        write(dir.path(), &format!("mutated-{n:03}.json"), &bytes);
    }
    let (report, code) = json_report(dir.path(), &["verify", "."]);
    assert_eq!(code, 1);
    assert_eq!(report["invalid"], count);
    assert_eq!(report["valid"], 0);
    for f in report["files"].as_array().unwrap() {
        assert_eq!(f["valid"], false, "{f}");
        assert!(!f["errors"].as_array().unwrap().is_empty());
    }
}

#[test]
fn trusted_keys_accept_reject_and_revoke() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "s.json", &signed());
    let jwk = serde_json::to_value(key().public_jwk()).unwrap();
    let other = serde_json::to_value(SigningKey::from_seed([8; 32]).public_jwk()).unwrap();
    write(
        dir.path(),
        "trusted.jwks",
        json!({"keys": [other.clone(), jwk.clone()]})
            .to_string()
            .as_bytes(),
    );
    write(
        dir.path(),
        "others.jwks",
        json!({"keys": [other]}).to_string().as_bytes(),
    );
    let mut revoked = jwk.clone();
    revoked["revoked"] = true.into();
    write(
        dir.path(),
        "revoked.jwks",
        json!({"keys": [revoked]}).to_string().as_bytes(),
    );
    write(dir.path(), "broken.jwks", b"{\"keys\": 3}");
    write(
        dir.path(),
        "rsa-only.jwks",
        br#"{"keys": [{"kty": "RSA", "n": "0vx7", "e": "AQAB"}]}"#,
    );
    let run = |jwks: &str| {
        cli()
            .current_dir(dir.path())
            .args(["verify", "s.json", "--trusted-keys", jwks])
            .assert()
    };
    run("trusted.jwks").code(0);
    run("others.jwks")
        .code(1)
        .stdout(predicate::str::contains("untrusted_key"));
    run("revoked.jwks")
        .code(1)
        .stdout(predicate::str::contains("revoked_key"));
    run("broken.jwks")
        .code(2)
        .stderr(predicate::str::contains("JWK Set"));
    run("missing.jwks").code(2);
    run("rsa-only.jwks")
        .code(2)
        .stderr(predicate::str::contains("no Ed25519 keys"));
}

#[test]
fn bad_usage_exits_2() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::create_dir(dir.path().join("no-json")).unwrap();
    write(&dir.path().join("no-json"), "readme.txt", b"hello");
    write(dir.path(), "s.json", &signed());
    let run = |args: &[&str]| cli().current_dir(dir.path()).args(args).assert();
    run(&["verify", "empty"])
        .code(2)
        .stderr(predicate::str::contains("has no .json files"));
    run(&["verify", "no-json"]).code(2);
    run(&["verify", "missing.json"])
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    // A missing path is bad usage even beside a good file.
    run(&["verify", "s.json", "missing.json"]).code(2);
    run(&["verify"]).code(2);
    run(&[]).code(2);
    run(&["frobnicate"]).code(2);
    run(&["sign", "s.json"]).code(2);
    run(&["--help"])
        .code(0)
        .stdout(predicate::str::contains("verify"));
}

/// Nothing a file holds makes the verifier panic.
#[test]
fn odd_inputs_are_reported_not_panicked_on() {
    let dir = TempDir::new().unwrap();
    let deep = "[".repeat(200_000);
    let long_number = "9".repeat(5_000);
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("empty.json", Vec::new()),
        ("deep.json", deep.into_bytes()),
        ("number.json", long_number.into_bytes()),
        ("nul.json", vec![0; 100]),
        ("bom.json", [&[0xef, 0xbb, 0xbf][..], &signed()].concat()),
        ("sig-not-string.json", br#"{"format":"review-together/summary","formatVersion":"1","signature":{}}"#.to_vec()),
        ("header-garbage.json", br#"{"format":"review-together/summary","formatVersion":"1","signature":"____..AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#.to_vec()),
        ("surrogate.json", br#"{"format":"review-together/summary","formatVersion":"1","x":"\ud800"}"#.to_vec()),
        ("array.json", b"[]".to_vec()),
        ("big-int.json", to_canonical_vec(&json!({"format": "review-together/summary", "formatVersion": "1", "n": u64::MAX})).unwrap()),
    ];
    for (name, bytes) in &inputs {
        write(dir.path(), name, bytes);
    }
    let out = cli()
        .current_dir(dir.path())
        .args(["verify", ".", "--json"])
        .output()
        .unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["invalid"], inputs.len());
}

// ---- formats ----------------------------------------------------------------

/// The frozen files of format 1 give, through the CLI, the verdicts the
/// build that made them gave.
#[test]
fn frozen_format_1_files_keep_their_verdicts() {
    let dir = fixture_file("signed-v1");
    let team = dir.join("team.jwks");
    let run = |file: &str| {
        let out = cli()
            .args(["verify", "--json", "--trusted-keys"])
            .arg(&team)
            .arg(dir.join(file))
            .output()
            .unwrap();
        no_panic(&out);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<String> = report["files"][0]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap().to_string())
            .collect();
        (out.status.code().unwrap(), codes)
    };
    assert_eq!(run("valid.json"), (0, vec![]));
    assert_eq!(run("tampered.json"), (1, vec!["bad_signature".to_string()]));
    assert_eq!(
        run("other-key.json"),
        (1, vec!["untrusted_key".to_string()])
    );
}

#[test]
fn schema_prints_each_formats_published_schema() {
    for (format, file) in [("2", "summary-v2.json"), ("1", "summary-v1.json")] {
        let shipped = std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../public/schema")
                .join(file),
        )
        .unwrap();
        let out = cli().args(["schema", "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(out.stdout, shipped, "{file}");
    }
    let out = cli().arg("schema").output().unwrap();
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["$id"], "urn:review-together:schema:summary-v2");
    cli()
        .args(["schema", "--format", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("formats are 1 and 2"));
}
