//! What the app's "Check a summary file" screen says of a file: one verdict
//! per file, the signer by the team's list, what the summary is about, at
//! most a hundred problems, and a warning when this device holds another
//! signed version of the same document.

mod common;

use common::*;
use review_core::summary::*;
use serde_json::{json, Value};

fn unsigned() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    ))
    .unwrap()
}

fn sam() -> SigningKey {
    SigningKey::from_seed([42; 32])
}

fn signed_by(key: &SigningKey) -> Vec<u8> {
    read_unsigned(&unsigned(), Some("2026-11-24T12:05:00+00:00"))
        .unwrap()
        .sign(key)
        .unwrap()
}

fn list() -> TeamKeys {
    team_list_of(sam().public_jwk(), "Sam Patel's tablet")
}

fn result_for(bytes: &[u8], list: Option<&TeamKeys>, kept: &[Kept]) -> CheckResult {
    let options = VerifyOptions {
        trusted_keys: list,
        receipts: None,
    };
    check_result("file.json", &verify(bytes, &options), list, None, kept)
}

fn row(rows: &[Row], key: &str) -> String {
    rows.iter()
        .find(|r| r.label == key)
        .map(Row::value)
        .unwrap_or_else(|| panic!("no row {key} in {rows:?}"))
}

#[test]
fn a_file_from_a_listed_device_is_valid_and_says_who_and_what() {
    let r = result_for(&signed_by(&sam()), Some(&list()), &[]);
    assert_eq!(r.verdict, Verdict::Valid);
    assert_eq!(r.heading, "The summary is valid");
    assert_eq!(row(&r.signer, "Signed by"), "Sam Patel's tablet");
    assert_eq!(row(&r.signer, "Signing key"), grouped(&sam().fingerprint()));
    let doc: Value = serde_json::from_slice(&unsigned()).unwrap();
    assert!(row(&r.about, "Carer").starts_with(doc["carer"]["name"].as_str().unwrap()));
    assert!(
        row(&r.about, "Cared-for person").starts_with(doc["individual"]["name"].as_str().unwrap())
    );
    assert!(!row(&r.about, "Outcome").is_empty());
    assert!(!row(&r.about, "Next review").is_empty());
    assert!(r.issues.is_empty() && r.other_version.is_none());
}

#[test]
fn an_intact_file_from_anyone_else_is_a_warning_never_a_success() {
    let stranger = signed_by(&SigningKey::from_seed([9; 32]));
    let none = result_for(&stranger, None, &[]);
    assert_eq!(none.verdict, Verdict::UntrustedSigner);
    assert_eq!(none.heading, "Signed, but the signer could not be checked");
    let unknown = result_for(&stranger, Some(&list()), &[]);
    assert_eq!(
        unknown.heading,
        "Signed by a device your team does not know"
    );
    // What it is about is still shown, so the person can ask about it.
    assert!(!unknown.about.is_empty());
    let mut revoked = list();
    revoked
        .revoke(
            &sam().fingerprint(),
            "2026-12-01T08:00:00+00:00",
            "2026-12-01T08:00:00+00:00",
        )
        .unwrap();
    let r = result_for(&signed_by(&sam()), Some(&revoked), &[]);
    assert_eq!(r.verdict, Verdict::UntrustedSigner);
    assert_eq!(r.heading, "Signed with a revoked key");
    assert!(r.lead[0].contains("Sam Patel's tablet"), "{:?}", r.lead);
}

#[test]
fn a_broken_file_lists_at_most_a_hundred_problems_and_counts_the_rest() {
    let key = SigningKey::from_seed([3; 32]);
    let document = json!({
        "format": "review-together/summary",
        "formatVersion": "2",
        "nulls": vec![Value::Null; 9_973],
    });
    let bytes = sign_raw(&document, &header_for(&key), &key);
    let r = result_for(&bytes, Some(&list()), &[]);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(r.heading, "Do not rely on this file");
    assert_eq!(r.issues.len(), MAX_LISTED);
    assert!(r.more >= 9_873, "{}", r.more);
    assert!(r.about.is_empty() && r.signer.is_empty());
}

#[test]
fn another_signed_version_of_the_same_document_on_this_device_is_flagged() {
    let file = signed_by(&sam());
    let text = String::from_utf8(file.clone()).unwrap();
    let id = serde_json::from_str::<Value>(&text).unwrap()["documentId"]
        .as_str()
        .unwrap()
        .to_string();
    let same = [Kept {
        document_id: &id,
        text: &text,
    }];
    assert_eq!(result_for(&file, Some(&list()), &same).other_version, None);
    // The same document signed again at another time: other bytes, same id.
    let again = String::from_utf8(
        read_unsigned(&unsigned(), Some("2026-11-25T09:00:00+00:00"))
            .unwrap()
            .sign(&sam())
            .unwrap(),
    )
    .unwrap();
    let other = [Kept {
        document_id: &id,
        text: &again,
    }];
    let r = result_for(&file, Some(&list()), &other);
    assert!(r.other_version.unwrap().contains(&id));
    let unrelated = [Kept {
        document_id: "another-id",
        text: &again,
    }];
    assert_eq!(
        result_for(&file, Some(&list()), &unrelated).other_version,
        None
    );
}

#[test]
fn words_from_the_file_cannot_hide_or_reorder_text() {
    let file = signed_by(&SigningKey::from_seed([9; 32]));
    let v = verify(&file, &VerifyOptions::default());
    let r = check_result("evil\u{202e}nosj.exe", &v, None, None, &[]);
    assert!(!r.lead.iter().any(|l| l.contains('\u{202e}')));
    let r = check_result(
        "evil\u{202e}nosj.exe",
        &verify(b"{", &VerifyOptions::default()),
        None,
        None,
        &[],
    );
    assert!(r.lead[0].contains("evil\\u{202E}nosj.exe"), "{:?}", r.lead);
}

/// The records copy and its recipients' copies, signed by `key` as the app
/// signs them (the copies first, the records copy naming each).
fn with_copies(key: &SigningKey) -> (Vec<u8>, Vec<Vec<u8>>) {
    let records = read_unsigned(&unsigned(), Some("2026-11-24T12:05:00+00:00")).unwrap();
    sign_with_copies(records, key).unwrap()
}

#[test]
fn a_recipients_copy_says_whose_it_is_and_is_checked_against_the_summary_kept_here() {
    let (records, copies) = with_copies(&sam());
    let id: Value = serde_json::from_slice(&records).unwrap();
    let id = id["documentId"].as_str().unwrap().to_string();
    let text = String::from_utf8(records).unwrap();
    let kept = [Kept {
        document_id: &id,
        text: &text,
    }];
    let r = result_for(&copies[1], Some(&list()), &kept);
    assert_eq!(r.verdict, Verdict::Valid);
    assert_eq!(
        r.lead[1],
        format!("This is the copy for the person cared for. It was made from summary {id} and holds only what its reader may see: it leaves out 2 items. Records keep the summary, not this copy.")
    );
    assert_eq!(r.other_version, None);
    let r = result_for(&copies[2], Some(&list()), &[]);
    assert!(r.lead[1].starts_with("This is Crossroads Care’s copy. It was made from summary"));

    // The carer's copy with more in it, signed again by the same key: on
    // its own it is intact; beside the summary this device keeps, it is
    // found out.
    let mut more: Summary =
        serde_json::from_value(serde_json::from_slice::<Value>(&copies[0]).unwrap()).unwrap();
    more.signature = None;
    more.confidentiality.restrictions = read_unsigned(&unsigned(), None)
        .unwrap()
        .confidentiality
        .restrictions;
    let more = more.sign(&sam()).unwrap();
    assert_eq!(result_for(&more, Some(&list()), &[]).other_version, None);
    let r = result_for(&more, Some(&list()), &kept);
    assert_eq!(
        r.other_version.as_deref(),
        Some(format!("This device keeps the summary this copy was made from, and this file is not the copy it names. This is not the copy its summary ({id}) names: the summary does not name this file. Do not rely on this copy.").as_str())
    );
}
