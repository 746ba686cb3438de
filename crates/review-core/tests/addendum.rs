//! The worker's reflection as a signed addendum to the records copy
//! (revision criterion 10), and what each attacker in `addendum.rs`'s
//! module notes could do with it: someone holding the file, someone with
//! another key, someone moving it onto another summary, and someone with
//! the tablet's storage before it is signed.

mod common;

use common::*;
use review_core::backup;
use review_core::reflection::{Feeling, Reflection};
use review_core::summary::*;
use review_core::*;

const ADDENDUM_DOC: &str = "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

fn key() -> SigningKey {
    SigningKey::from_seed([42; 32])
}

fn other_key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

fn list() -> TeamKeys {
    team_list_of(key().public_jwk(), "Sam's tablet")
}

fn verified(bytes: &[u8]) -> Verification {
    let list = list();
    verify(
        bytes,
        &VerifyOptions {
            trusted_keys: Some(&list),
            receipts: None,
        },
    )
}

fn records(review: &Review, by: &SigningKey, signed_at: &str) -> Signed {
    let jwk = by.public_jwk();
    let when = at(signed_at);
    finalise_all(review, finalise_input(DOC, &jwk, &when, None), by).unwrap()
}

fn reflection() -> Reflection {
    let mut r = Reflection {
        went_well: "  Time to talk about the evenings \n".into(),
        do_differently: "Book the interpreter earlier".into(),
        ..Reflection::default()
    };
    r.how_it_was.insert(CARER.into(), Feeling::Mixed);
    r.how_it_was.insert(INDIVIDUAL.into(), Feeling::Good);
    r
}

fn prepared(
    review_id: &str,
    file: &SignedFile,
    reflection: &Reflection,
    by: &SigningKey,
) -> Result<PreparedAddendum, AddendumError> {
    let jwk = by.public_jwk();
    let when = at("2026-11-24T12:30:00+00:00");
    prepare_addendum(
        review_id,
        file,
        reflection,
        Making {
            document_id: ADDENDUM_DOC,
            app_version: "0.1.0",
            language: "en-GB",
            jwk: &jwk,
            signed_at: &when,
        },
    )
}

fn signed_addendum(file: &SignedFile) -> AddendumFile {
    prepared(REVIEW, file, &reflection(), &key())
        .unwrap()
        .sign_with(&key())
        .unwrap()
}

#[test]
fn a_reflection_verifies_as_an_addendum_to_its_records_copy() {
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let file = signed_addendum(&signed.summary);
    assert_eq!(file.review_id, REVIEW);
    assert_eq!(file.document_id, ADDENDUM_DOC);
    assert_eq!(
        file.file_name,
        signed
            .summary
            .file_name
            .replace(".json", "-reflection.json")
    );

    let checked = verified(file.text.as_bytes());
    assert!(checked.is_valid(), "{:?}", checked.issues());
    assert!(checked.summary.is_none(), "an addendum is not a summary");
    assert_eq!(checked.format_version, None);
    assert_eq!(checked.document_id.as_deref(), Some(ADDENDUM_DOC));
    assert_eq!(
        checked.signed_at.as_deref(),
        Some("2026-11-24T12:30:00+00:00")
    );
    let addendum = checked.addendum.clone().unwrap();
    assert_eq!(addendum.addendum_to.id.as_str(), DOC);
    assert_eq!(
        addendum.addendum_to.sha256.as_str(),
        sha256_base64url(signed.summary.text.as_bytes())
    );
    let r = &addendum.reflection;
    assert_eq!(r.went_well, "Time to talk about the evenings");
    assert_eq!(r.do_differently, "Book the interpreter earlier");
    let answers: Vec<(&str, Feeling)> = r
        .how_it_was
        .iter()
        .map(|h| (h.participant_id.as_str(), h.answer))
        .collect();
    assert_eq!(
        answers,
        [(CARER, Feeling::Mixed), (INDIVIDUAL, Feeling::Good)]
    );
    assert_eq!(r.how_it_was[0].role, Role::Carer);
    assert_eq!(addendum.worker.participant_id, WORKER);

    // Beside the records copy it names, it belongs.
    let summary = verified(signed.summary.text.as_bytes());
    assert_eq!(addendum_against_records(&checked, &summary), None);
    // Signing is deterministic: the same reflection gives the same bytes.
    assert_eq!(signed_addendum(&signed.summary).text, file.text);
}

#[test]
fn the_summary_and_its_copies_stay_as_signed_and_hold_none_of_it() {
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let before = signed.clone();
    let file = signed_addendum(&signed.summary);
    assert_eq!(signed, before);
    assert!(!signed.copies.is_empty(), "the review sends copies");
    for text in std::iter::once(&signed.summary.text).chain(signed.copies.iter().map(|c| &c.text)) {
        assert!(!text.contains("Time to talk about the evenings"));
        assert!(!text.contains(ADDENDUM_DOC));
    }
    assert!(file.text.contains("Time to talk about the evenings"));
}

#[test]
fn someone_holding_the_file_cannot_change_a_word() {
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let file = signed_addendum(&signed.summary);
    for (from, to) in [
        ("Time to talk", "Time to walk"),
        ("\"mixed\"", "\"good\""),
        (DOC, "0f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2e"),
        ("2026-11-24T12:30:00", "2026-11-24T12:31:00"),
    ] {
        assert!(file.text.contains(from), "{from}");
        let changed = file.text.replacen(from, to, 1);
        let checked = verified(changed.as_bytes());
        assert!(
            checked.has(ErrorCode::BadSignature),
            "{from}: {:?}",
            checked.errors
        );
        assert!(checked.addendum.is_none());
    }
    // A byte changed anywhere (a sample of places across the file) never
    // leaves an intact addendum.
    let bytes = file.text.as_bytes();
    for at in (0..bytes.len()).step_by(19) {
        let mut changed = bytes.to_vec();
        changed[at] ^= 0x01;
        assert!(!verified(&changed).is_intact(), "byte {at}");
    }
}

#[test]
fn another_key_is_not_trusted_and_does_not_belong_beside_the_summary() {
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let ours: serde_json::Value =
        serde_json::from_str(&signed_addendum(&signed.summary).text).unwrap();
    let mut header = header_for(&other_key());
    header["typ"] = ADDENDUM_JWS_TYPE.into();
    let forged = sign_raw(&ours, &header, &other_key());
    let checked = verified(&forged);
    assert!(checked.is_intact(), "{:?}", checked.errors);
    assert_eq!(checked.verdict(), Verdict::UntrustedSigner);
    let summary = verified(signed.summary.text.as_bytes());
    let why = addendum_against_records(&checked, &summary).unwrap();
    assert_eq!(why.code, ErrorCode::AddendumMismatch);
    assert!(
        why.message
            .contains("not signed with the key that signed the summary"),
        "{why}"
    );
    // Nor does this device add to a summary another key signed.
    let theirs = records(&review, &other_key(), SIGNED_AT);
    assert_eq!(
        prepared(REVIEW, &theirs.summary, &reflection(), &key()).unwrap_err(),
        AddendumError::NotThisDevice
    );
}

#[test]
fn a_summary_signature_cannot_pass_as_an_addendum_nor_the_other_way() {
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let ours: serde_json::Value =
        serde_json::from_str(&signed_addendum(&signed.summary).text).unwrap();
    // Signed under the summary's header type.
    let as_summary = sign_raw(&ours, &header_for(&key()), &key());
    let checked = verified(&as_summary);
    assert!(checked.has(ErrorCode::BadHeader), "{:?}", checked.errors);
    // A summary signed under the addendum's type.
    let summary: serde_json::Value = serde_json::from_str(&signed.summary.text).unwrap();
    let mut header = header_for(&key());
    header["typ"] = ADDENDUM_JWS_TYPE.into();
    let checked = verified(&sign_raw(&summary, &header, &key()));
    assert!(checked.has(ErrorCode::BadHeader), "{:?}", checked.errors);
    // An addendum of a newer version is named as such.
    let mut newer = ours.clone();
    newer["formatVersion"] = "2".into();
    let checked = verified(&sign_raw(&newer, &header, &key()));
    assert!(
        checked.has(ErrorCode::WrongFormatVersion),
        "{:?}",
        checked.errors
    );
    // Members it does not have are refused, though signed.
    let mut more = ours;
    more["reflection"]["extra"] = "x".into();
    let checked = verified(&sign_raw(&more, &header, &key()));
    assert!(checked.has(ErrorCode::Schema), "{:?}", checked.errors);
}

#[test]
fn moved_onto_another_summary_it_does_not_belong() {
    let review = signed_off_review();
    let first = records(&review, &key(), SIGNED_AT);
    let file = signed_addendum(&first.summary);
    let checked = verified(file.text.as_bytes());
    // The same review signed again later: same document id, other bytes.
    let again = records(&review, &key(), "2026-11-24T12:10:00+00:00");
    assert_eq!(again.summary.document_id, first.summary.document_id);
    let why = addendum_against_records(&checked, &verified(again.summary.text.as_bytes())).unwrap();
    assert!(why.message.contains("SHA-256"), "{why}");
    // Another summary altogether.
    let jwk = key().public_jwk();
    let when = at(SIGNED_AT);
    let other = finalise_all(
        &review,
        finalise_input("3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d", &jwk, &when, None),
        &key(),
    )
    .unwrap();
    let why = addendum_against_records(&checked, &verified(other.summary.text.as_bytes())).unwrap();
    assert!(why.message.contains("adds to summary"), "{why}");
    // A recipient's copy is never what it adds to.
    let copy = verified(first.copies[0].text.as_bytes());
    let why = addendum_against_records(&checked, &copy).unwrap();
    assert!(why.message.contains("recipient's copy"), "{why}");
}

#[test]
fn the_device_adds_only_to_an_intact_records_copy_of_this_review() {
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    // Edited in storage between sign-off and reflection.
    let mut edited = signed.summary.clone();
    edited.text = edited.text.replacen("Priya Shah", "Priya Shaw", 1);
    assert!(matches!(
        prepared(REVIEW, &edited, &reflection(), &key()),
        Err(AddendumError::RecordsNotIntact(_))
    ));
    // A recipient's copy put where the records copy was.
    let mut copy = signed.summary.clone();
    copy.text = signed.copies[0].text.clone();
    assert_eq!(
        prepared(REVIEW, &copy, &reflection(), &key()).unwrap_err(),
        AddendumError::NotTheRecords
    );
    // Another review's summary.
    assert_eq!(
        prepared("review-9", &signed.summary, &reflection(), &key()).unwrap_err(),
        AddendumError::NotTheRecords
    );
    // Nothing left unanswered.
    let mut half = reflection();
    half.how_it_was.remove(INDIVIDUAL);
    half.do_differently.clear();
    match prepared(REVIEW, &signed.summary, &half, &key()) {
        Err(AddendumError::Unanswered(what)) => assert_eq!(what.len(), 2, "{what:?}"),
        other => panic!("{other:?}"),
    }
    // A signature that is not this key's is never attached.
    let p = prepared(REVIEW, &signed.summary, &reflection(), &key()).unwrap();
    assert!(matches!(
        p.sign_with(&other_key()),
        Err(AddendumError::Sign(_))
    ));
}

// ---- In a backup ----------------------------------------------------------------

fn restore(
    review: &Review,
    signed: &[backup::SignedCopy],
) -> Result<backup::Restored, backup::BackupError> {
    match backup::restore(backup::plain_with(review, signed, &backup_time()).as_bytes())? {
        backup::Restore::Ready(r) => Ok(*r),
        other => panic!("a plain backup needs nothing more: {other:?}"),
    }
}

#[test]
fn a_backup_carries_the_addendum_checked_against_its_summary() {
    use backup::SignedCopy;
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let addendum = signed_addendum(&signed.summary);
    let mut files = vec![SignedCopy::summary(&signed.summary)];
    files.extend(signed.copies.iter().map(SignedCopy::recipient_copy));
    files.push(SignedCopy::addendum(&addendum));
    let restored = restore(&review, &files).unwrap();
    assert_eq!(restored.addendum.as_ref(), Some(&addendum));
    assert!(restored.unknown.is_empty());
    assert_eq!(restored.signed_files(), files);
    assert!(restored
        .notes()
        .iter()
        .any(|n| n.contains("reflection, signed after the sign-off, was checked")));

    let refused = |files: &[SignedCopy]| restore(&review, files).unwrap_err().to_string();
    // Words changed.
    let mut changed = files.clone();
    let last = changed.last_mut().unwrap();
    last.text = last.text.replacen("Time to talk", "Time to walk", 1);
    assert!(refused(&changed)
        .contains("reflection in the backup cannot be used: it is damaged or was changed"));
    // Made for another signing of the summary.
    let again = records(&review, &key(), "2026-11-24T12:10:00+00:00");
    let mut moved = vec![SignedCopy::summary(&again.summary)];
    moved.extend(again.copies.iter().map(SignedCopy::recipient_copy));
    moved.push(SignedCopy::addendum(&addendum));
    assert!(refused(&moved).contains("SHA-256"), "{}", refused(&moved));
    // Twice, or with no summary.
    let mut twice = files.clone();
    twice.push(SignedCopy::addendum(&addendum));
    assert!(refused(&twice).contains("more than one"));
    let alone = [SignedCopy::addendum(&addendum)];
    assert!(refused(&alone).contains("no signed summary"));
}

/// The summary and addendum this build signs, kept so later builds prove
/// they still verify together: `addendum-v1/` (listed in `FROZEN.sha256`;
/// made with `UPDATE_FIXTURES=1`, never again).
#[test]
fn the_frozen_addendum_verifies_beside_its_summary() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/addendum-v1");
    let review = signed_off_review();
    let signed = records(&review, &key(), SIGNED_AT);
    let addendum = signed_addendum(&signed.summary);
    let read = |name: &str, generated: &str| freeze_once(&dir.join(name), generated);
    let summary = verified(&read("summary.json", &signed.summary.text));
    let reflection = verified(&read("reflection.json", &addendum.text));
    assert!(reflection.is_valid(), "{:?}", reflection.issues());
    assert_eq!(addendum_against_records(&reflection, &summary), None);
}
