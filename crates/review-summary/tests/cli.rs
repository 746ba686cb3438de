//! The records teams' CLI, run as a program: valid, tampered, malformed and
//! wrong-version files, exit codes, messages, `--json`, the team's key list
//! and receipt log, and files made to attack the tool.

mod common;

use assert_cmd::assert::Assert;
use assert_cmd::Command;
use common::{team_list, write};
use predicates::prelude::*;
use review_core::summary::{grouped, read_unsigned, to_canonical_vec, SigningKey, TeamKeys};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;
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

/// Run the CLI in `dir` with `args`, to assert on.
fn run_in(dir: &Path, args: &[&str]) -> Assert {
    cli().current_dir(dir).args(args).assert()
}

fn json_report(dir: &Path, args: &[&str]) -> (Value, i32) {
    let out = output_in(dir, &[args, &["--json"]].concat());
    let report = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    (report, out.status.code().unwrap())
}

/// Run the CLI in `dir` with `args`, for its output.
fn output_in(dir: &Path, args: &[&str]) -> Output {
    cli().current_dir(dir).args(args).output().unwrap()
}

/// `keys add` to `team.keys` in `dir`: the public key in `file`, named
/// `name`, checked against the `fingerprint` read over the phone.
fn keys_add(dir: &Path, name: &str, fingerprint: &str, file: &str) -> Command {
    let mut command = cli();
    command
        .current_dir(dir)
        .args(["keys", "add", "--keys", "team.keys"]);
    command.args(["--name", name, "--fingerprint", fingerprint, file]);
    command
}

/// What a run ended with, said in one line of a test.
trait Ends {
    /// Exits with `code` and prints `text` on standard output.
    fn exits_saying(self, code: i32, text: &str) -> Self;
    /// Exits with `code` and prints `text` on standard error.
    fn exits_complaining(self, code: i32, text: &str) -> Self;
}

impl Ends for Assert {
    fn exits_saying(self, code: i32, text: &str) -> Self {
        self.code(code).stdout(predicate::str::contains(text))
    }
    fn exits_complaining(self, code: i32, text: &str) -> Self {
        self.code(code).stderr(predicate::str::contains(text))
    }
}

/// Standard output holds no hidden control character but line ends.
fn assert_no_hidden_controls(stdout: &str) {
    assert!(
        !stdout
            .chars()
            .any(|c| c != '\n' && review_core::text::is_hidden_control(c)),
        "{stdout:?}"
    );
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
        .exits_complaining(2, "already exists");
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
    team_list(dir.path(), "team.jwks", &[(&key(), "Sam's tablet")]);
    run_in(
        dir.path(),
        &["verify", "signed.json", "--trusted-keys", "team.jwks"],
    )
    .code(0)
    .stdout(predicate::str::contains(format!(
        "valid       signed.json  document {}, signed by \"Sam's tablet\", key {}",
        document_id(),
        grouped(&key().fingerprint())
    )))
    .stdout(predicate::str::contains(
        "1 file checked: 1 valid, 0 signer not trusted, 0 invalid, 0 unreadable",
    ));
}

/// Anyone can make a key and sign a file: without the team's list, no file
/// is ever reported valid, unless the caller says so explicitly.
#[test]
fn without_a_key_list_no_file_is_valid() {
    let dir = TempDir::new().unwrap();
    let stranger = SigningKey::from_seed([99; 32]);
    let forged = read_unsigned(&fixture(), Some("2026-11-24T12:05:00+00:00"))
        .unwrap()
        .sign(&stranger)
        .unwrap();
    write(dir.path(), "forged.json", &forged);
    let out = output_in(dir.path(), &["verify", "forged.json"]);
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("UNTRUSTED   forged.json"), "{stdout}");
    assert!(stdout.contains("signer_not_checked: "), "{stdout}");
    assert!(stdout.contains("no signer was checked"), "{stdout}");
    let (report, code) = json_report(dir.path(), &["verify", "forged.json"]);
    assert_eq!(code, 3);
    assert_eq!(report["files"][0]["verdict"], "untrusted_signer");
    assert_eq!(report["files"][0]["valid"], false);
    assert_eq!(report["verdict"], "untrusted_signer");
    // Only an explicit flag lets it pass, and the words still say so.
    run_in(
        dir.path(),
        &["verify", "forged.json", "--allow-unknown-signer"],
    )
    .exits_saying(0, "signers were NOT checked");
    // The flag means nothing beside a list: the list decides.
    team_list(dir.path(), "team.jwks", &[(&key(), "Sam's tablet")]);
    cli()
        .current_dir(dir.path())
        .args(["verify", "forged.json", "--allow-unknown-signer"])
        .args(["--trusted-keys", "team.jwks"])
        .assert()
        .exits_complaining(2, "the list decides");
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
    // `sign --key KEY FILE --out OUT`, to which more arguments can be added.
    let sign = |key: &str, file: &str, out: &str| {
        let mut command = cli();
        command
            .current_dir(dir.path())
            .args(["sign", "--key", key, file, "--out", out]);
        command
    };
    let refused = |key: &str, file: &str, code: i32, message: &str| {
        sign(key, file, "o.json")
            .assert()
            .exits_complaining(code, message);
    };
    refused("key.jwk", "signed.json", 1, "already signed");
    refused("key.jwk", "other.json", 1, "schema");
    // Format 1 is read forever but never written again.
    refused("key.jwk", "format-1.json", 1, "no longer signed");
    refused("bad.jwk", "unsigned.json", 2, "not a private key");
    sign("key.jwk", "unsigned.json", "o.json")
        .args(["--signed-at", "noon"])
        .assert()
        .exits_complaining(2, "RFC 3339");
    sign("key.jwk", "missing.json", "o.json").assert().code(2);
    // Nothing was written by a refused signing.
    assert!(!dir.path().join("o.json").exists());
    // Without --signed-at it signs now, and that verifies too.
    sign("key.jwk", "unsigned.json", "now.json")
        .assert()
        .success();
    run_in(
        dir.path(),
        &["verify", "now.json", "--allow-unknown-signer"],
    )
    .success();
    sign("key.jwk", "unsigned.json", "now.json")
        .assert()
        .exits_complaining(2, "already exists");
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

    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let out = output_in(dir.path(), &["verify", ".", "--trusted-keys", "team.keys"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 12, "{stdout}");
    assert!(
        lines[0].starts_with("valid       ./a-valid.json"),
        "{stdout}"
    );
    for (pair, (name, code)) in lines[1..11].chunks(2).zip([
        ("b-tampered", "bad_signature"),
        ("c-malformed", "not_json"),
        ("d-version", "wrong_format_version"),
        ("e-binary", "not_utf8"),
        ("f-pretty", "not_canonical"),
    ]) {
        assert_eq!(pair[0], format!("INVALID     ./{name}.json"));
        assert!(
            pair[1].starts_with(&format!("    - {code}: ")),
            "{} should report {code}",
            pair[1]
        );
    }
    assert!(
        lines[2].contains("changed after it was signed"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[11],
        "6 files checked: 1 valid, 0 signer not trusted, 5 invalid, 0 unreadable"
    );
}

#[test]
fn json_output_has_the_agreed_shape() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good.json", &signed());
    write(dir.path(), "bad.json", b"{\"format\":");
    team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let with_list = |files: &[&str]| {
        let mut args = vec!["verify", "--trusted-keys", "team.keys"];
        args.extend(files);
        json_report(dir.path(), &args)
    };
    let (report, code) = with_list(&["good.json", "bad.json"]);
    assert_eq!(code, 1);
    assert_eq!(report["verdict"], "invalid");
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
    // Today's shape, plus each file's verdict and count of problems.
    let mut expected = vec![
        "path",
        "valid",
        "documentId",
        "kid",
        "errors",
        "verdict",
        "errorCount",
    ];
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
    assert_eq!(files[0]["verdict"], "valid");
    assert_eq!(files[0]["errorCount"], 0);
    assert_eq!(files[1]["valid"], false);
    assert_eq!(files[1]["verdict"], "invalid");
    assert_eq!(files[1]["errorCount"], 1);
    assert_eq!(files[1]["documentId"], Value::Null);
    assert_eq!(files[1]["kid"], Value::Null);
    assert_eq!(files[1]["errors"][0]["code"], "not_json");
    assert!(files[1]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("The file is not valid JSON"));
    let (report, code) = with_list(&["good.json"]);
    assert_eq!(
        (code, report["valid"].as_u64(), report["invalid"].as_u64()),
        (0, Some(1), Some(0))
    );
    assert_eq!(report["verdict"], "valid");
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
fn the_team_key_list_trusts_retires_and_revokes() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "s.json", &signed());
    let other = SigningKey::from_seed([8; 32]);
    team_list(
        dir.path(),
        "trusted.keys",
        &[(&other, "Old tablet"), (&key(), "Sam's tablet")],
    );
    team_list(dir.path(), "others.keys", &[(&other, "Old tablet")]);
    let run = |keys: &str| run_in(dir.path(), &["verify", "s.json", "--trusted-keys", keys]);
    run("trusted.keys").code(0);
    run("others.keys").exits_saying(3, "untrusted_key: ");
    // Retired after signing: old summaries still count; one signed after is flagged.
    let kid = key().fingerprint();
    // A copy of the trusted list with the key retired or revoked at `at`.
    let changed = |name: &str, action: &str, kid: &str, at: &str| {
        std::fs::copy(dir.path().join("trusted.keys"), dir.path().join(name)).unwrap();
        run_in(
            dir.path(),
            &["keys", action, "--keys", name, kid, "--at", at],
        )
        .code(0)
    };
    changed(
        "retired.keys",
        "retire",
        &grouped(&kid),
        "2026-11-30T00:00:00+00:00",
    )
    .stdout(predicate::str::contains("Retired"));
    run("retired.keys").exits_saying(0, "before its key was retired");
    changed("early.keys", "retire", &kid, "2026-11-24T12:00:00+00:00");
    run("early.keys").exits_saying(3, "retired_key: ");
    // Revoked: not valid, whatever the file says of its own time...
    changed("revoked.keys", "revoke", &kid, "2026-12-01T08:00:00+00:00");
    run("revoked.keys").exits_saying(3, "revoked_key: ");
    // ...unless the receipt log shows it arrived before the revocation.
    run_in(
        dir.path(),
        &[
            "receive",
            "s.json",
            "--log",
            "early.log",
            "--at",
            "2026-11-25T09:00:00+00:00",
        ],
    )
    .exits_saying(0, "received   s.json");
    run_in(
        dir.path(),
        &[
            "receive",
            "s.json",
            "--log",
            "late.log",
            "--at",
            "2026-12-02T09:00:00+00:00",
        ],
    )
    .code(0);
    let with_log = |log: &str| {
        run_in(
            dir.path(),
            &[
                "verify",
                "s.json",
                "--trusted-keys",
                "revoked.keys",
                "--received",
                log,
            ],
        )
    };
    with_log("early.log").exits_saying(0, "arrived before then");
    with_log("late.log").code(3);
    // The first arrival is kept; a second receive does not add a line.
    run_in(dir.path(), &["receive", "s.json", "--log", "early.log"])
        .exits_saying(0, "first received at 2026-11-25T09:00:00+00:00");
    let log = std::fs::read_to_string(dir.path().join("early.log")).unwrap();
    assert_eq!(log.lines().count(), 1, "{log}");
    let line: Value = serde_json::from_str(log.trim()).unwrap();
    assert_eq!(line["documentId"], document_id());
    assert_eq!(line["receivedAt"], "2026-11-25T09:00:00+00:00");
    // A file that is not an intact summary is not noted.
    write(dir.path(), "junk.json", b"{}");
    run_in(dir.path(), &["receive", "junk.json", "--log", "early.log"])
        .exits_saying(1, "not noted");
    write(dir.path(), "broken.log", b"{\"sha256\": 1}\n");
    with_log("broken.log").exits_complaining(2, "line 1 of the receipt log");
}

#[test]
fn a_list_that_is_wrong_anywhere_is_refused_whole() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "s.json", &signed());
    let good = team_list(dir.path(), "team.keys", &[(&key(), "Sam's tablet")]);
    let list: Value = serde_json::from_slice(&std::fs::read(good).unwrap()).unwrap();
    let variant = |name: &str, change: &dyn Fn(&mut Value)| {
        let mut v = list.clone();
        change(&mut v["keys"][0]);
        write(dir.path(), name, v.to_string().as_bytes());
    };
    variant("string-revoked.keys", &|k| {
        k["revoked"] = "true".into();
    });
    variant("no-date.keys", &|k| {
        k["revoked"] = true.into();
    });
    variant("no-name.keys", &|k| {
        k.as_object_mut().unwrap().remove("name");
    });
    let jwk = serde_json::to_value(key().public_jwk()).unwrap();
    write(
        dir.path(),
        "plain.jwks",
        json!({ "keys": [jwk] }).to_string().as_bytes(),
    );
    write(dir.path(), "broken.keys", b"{\"keys\": 3}");
    write(
        dir.path(),
        "rsa-only.keys",
        br#"{"keys": [{"kty": "RSA", "n": "0vx7", "e": "AQAB"}]}"#,
    );
    let run = |keys: &str| run_in(dir.path(), &["verify", "s.json", "--trusted-keys", keys]);
    run("string-revoked.keys").exits_complaining(
        2,
        "\"revoked\" must be true or false, not the text \"true\"",
    );
    run("no-date.keys").exits_complaining(2, "gives no time");
    run("no-name.keys").exits_complaining(2, "no \"name\"");
    run("plain.jwks").exits_complaining(2, "keys add");
    run("broken.keys").exits_complaining(2, "JWK Set");
    run("missing.keys").code(2);
    run("rsa-only.keys").exits_complaining(2, "holds no tablet keys");
}

#[test]
fn keys_add_checks_the_fingerprint_read_over_the_phone() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "s.json", &signed());
    write(
        dir.path(),
        "sam.jwk",
        key().public_jwk_for_team().as_bytes(),
    );
    let add = |fingerprint: &str| {
        keys_add(dir.path(), "Sam's tablet", fingerprint, "sam.jwk")
            .args(["--at", "2026-11-01T09:00:00+00:00"])
            .assert()
    };
    let wrong = grouped(&SigningKey::from_seed([5; 32]).fingerprint());
    add(&wrong).exits_complaining(1, "is not this key's");
    assert!(!dir.path().join("team.keys").exists(), "nothing written");
    add(&grouped(&key().fingerprint())).exits_saying(0, "Added \"Sam's tablet\"");
    add(&key().fingerprint()).exits_complaining(2, "in the list already");
    // A private key file is refused: it must never leave the tablet.
    write(
        dir.path(),
        "private.jwk",
        key().private_jwk_json().as_bytes(),
    );
    keys_add(dir.path(), "x", &key().fingerprint(), "private.jwk")
        .assert()
        .exits_complaining(2, "PRIVATE key");
    run_in(dir.path(), &["keys", "list", "--keys", "team.keys"])
        .code(0)
        .stdout(predicate::str::contains(format!(
            "in use   \"Sam's tablet\"  {}  added 2026-11-01T09:00:00+00:00",
            grouped(&key().fingerprint())
        )));
    let out = output_in(
        dir.path(),
        &["keys", "list", "--keys", "team.keys", "--json"],
    );
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed["keys"][0]["status"], "in use");
    assert_eq!(listed["updated"], "2026-11-01T09:00:00+00:00");
    let text = std::fs::read_to_string(dir.path().join("team.keys")).unwrap();
    assert_eq!(
        listed["fingerprint"],
        TeamKeys::from_json(&text).unwrap().fingerprint()
    );
    run_in(
        dir.path(),
        &["verify", "s.json", "--trusted-keys", "team.keys"],
    )
    .code(0);
    run_in(
        dir.path(),
        &["keys", "revoke", "--keys", "team.keys", "nothere"],
    )
    .exits_complaining(2, "no key nothere");
}

// ---- hostile files ----------------------------------------------------------

#[test]
fn control_characters_from_a_file_are_printed_escaped() {
    let dir = TempDir::new().unwrap();
    // A kid holding a terminal escape (clear screen) and a right-to-left override.
    let file = json!({
        "format": "review-together/summary",
        "formatVersion": "2",
        "signature": "eyJhbGciOiJFZERTQSIsImtpZCI6IlxcdTAwMWJbMkoifQ..AAAA",
    });
    let mut bytes = to_canonical_vec(&file).unwrap();
    write(dir.path(), "plain.json", &bytes);
    let header = r#"{"alg":"EdDSA","kid":"\u001b[2J\u202eevil","typ":"x"}"#;
    let b64 = review_core::summary::b64(header.as_bytes());
    bytes = to_canonical_vec(&json!({
        "format": "review-together/summary",
        "formatVersion": "2",
        "signature": format!("{b64}..AAAA"),
        "\u{1b}]0;pwned\u{7}": 1,
    }))
    .unwrap();
    write(dir.path(), "evil\u{1b}[31m.json", &bytes);
    let out = output_in(dir.path(), &["verify", "."]);
    no_panic(&out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_no_hidden_controls(&stdout);
    assert!(stdout.contains("evil\\u{001B}[31m.json"), "{stdout}");
    let out = output_in(dir.path(), &["verify", ".", "--json"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_no_hidden_controls(&stdout);
    let _: Value = serde_json::from_str(&stdout).expect("still JSON");
}

#[test]
fn a_kid_holding_an_escape_sequence_is_printed_escaped() {
    let dir = TempDir::new().unwrap();
    // An intact file (signed by a stranger) is not needed: the header is read
    // before the signature, and its kid is printed on every verdict line.
    let good = String::from_utf8(signed()).unwrap();
    let v: Value = serde_json::from_str(&good).unwrap();
    let signature = v["signature"].as_str().unwrap();
    let payload_end = signature.find("..").unwrap();
    let header = review_core::summary::b64_decode(&signature[..payload_end]).unwrap();
    let mut header: Value = serde_json::from_slice(&header).unwrap();
    header["kid"] = "\u{1b}[2J\u{202e}kid".into();
    let forged = good.replacen(
        &signature[..payload_end],
        &review_core::summary::b64(&to_canonical_vec(&header).unwrap()),
        1,
    );
    write(dir.path(), "kid.json", forged.as_bytes());
    let out = output_in(dir.path(), &["verify", "kid.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{001B}[2J\\u{202E}kid"), "{stdout}");
}

#[test]
fn reading_stops_at_the_size_cap() {
    let out = cli().args(["verify", "/dev/zero"]).output().unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("UNREADABLE  /dev/zero"), "{stdout}");
    assert!(stdout.contains("reading stopped there"), "{stdout}");
}

#[test]
fn a_file_full_of_problems_lists_at_most_a_hundred() {
    let dir = TempDir::new().unwrap();
    let nulls = vec![Value::Null; 2_500_000];
    let stranger = SigningKey::from_seed([3; 32]);
    let document = json!({
        "format": "review-together/summary",
        "formatVersion": "2",
        "nulls": nulls,
    });
    // Genuinely signed, so every later check runs and objects.
    let payload = to_canonical_vec(&document).unwrap();
    let jwk = stranger.public_jwk();
    let header = json!({
        "alg": "Ed25519",
        "typ": review_core::summary::JWS_TYPE,
        "kid": jwk.thumbprint(),
        "jwk": jwk,
    });
    let jws = review_core::summary::detached_jws(
        &to_canonical_vec(&header).unwrap(),
        &payload,
        &stranger,
    );
    let mut document = document;
    document["signature"] = jws.into();
    let bytes = to_canonical_vec(&document).unwrap();
    assert!(bytes.len() > 5_000_000);
    write(dir.path(), "nulls.json", &bytes);
    let out = output_in(
        dir.path(),
        &["verify", "nulls.json", "--allow-unknown-signer"],
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let listed = stdout.lines().filter(|l| l.starts_with("    - ")).count();
    assert_eq!(listed, 100, "{stdout}");
    assert!(stdout.contains("… and 2,499,9"), "{stdout}");
    let (report, _) = json_report(
        dir.path(),
        &["verify", "nulls.json", "--allow-unknown-signer"],
    );
    assert_eq!(report["files"][0]["errors"].as_array().unwrap().len(), 100);
    assert!(report["files"][0]["errorCount"].as_u64().unwrap() > 2_500_000);
}

#[test]
fn bad_usage_exits_2() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::create_dir(dir.path().join("no-json")).unwrap();
    write(&dir.path().join("no-json"), "readme.txt", b"hello");
    write(dir.path(), "s.json", &signed());
    let run = |args: &[&str]| cli().current_dir(dir.path()).args(args).assert();
    run(&["verify", "empty"]).exits_complaining(2, "has no .json files");
    run(&["verify", "no-json"]).code(2);
    run(&["verify", "missing.json"]).exits_complaining(2, "does not exist");
    // A missing path is bad usage even beside a good file.
    run(&["verify", "s.json", "missing.json"]).code(2);
    run(&["verify"]).code(2);
    run(&[]).code(2);
    run(&["frobnicate"]).code(2);
    run(&["sign", "s.json"]).code(2);
    run(&["--help"]).exits_saying(0, "verify");
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
    let out = output_in(dir.path(), &["verify", ".", "--json"]);
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
    // The team's list, made with `keys add` from the frozen plain JWK Set's key.
    let work = TempDir::new().unwrap();
    let frozen: Value =
        serde_json::from_slice(&std::fs::read(dir.join("team.jwks")).unwrap()).unwrap();
    let entry = &frozen["keys"][0];
    write(work.path(), "old.jwk", entry.to_string().as_bytes());
    keys_add(
        work.path(),
        "Test tablet",
        entry["kid"].as_str().unwrap(),
        "old.jwk",
    )
    .assert()
    .code(0);
    let team = work.path().join("team.keys");
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
        (3, vec!["untrusted_key".to_string()])
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
        .exits_complaining(2, "formats are 1 and 2");
}
