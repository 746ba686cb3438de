//! Finalising: what the app does when the worker signs off. The summary is
//! built, linked to the summary it amends, signed, and kept with its file
//! name; the kept file is what every download gives.

mod common;

use common::amended_and_signed_again as amended;
use common::*;
use review_core::draft;
use review_core::summary::*;
use review_core::*;

const DOC: &str = "0f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
const AMENDED_DOC: &str = "1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9";

fn key() -> SigningKey {
    SigningKey::from_seed([42; 32])
}

/// The records team's list, holding this tablet's key.
fn team_list() -> TeamKeys {
    team_list_of(key().public_jwk(), "Sam's tablet")
}

/// Verify as a records team does, with its list.
fn verified(file: &SignedFile) -> Verification {
    let list = team_list();
    let options = VerifyOptions {
        trusted_keys: Some(&list),
        receipts: None,
    };
    verify(file.text.as_bytes(), &options)
}

fn signed_at() -> Timestamp {
    at("2026-11-24T11:58:00+00:00")
}

fn finalised(review: &Review, document_id: &str, previous: Option<&SignedFile>) -> SignedFile {
    let jwk = key().public_jwk();
    let when = signed_at();
    finalise(
        review,
        finalise_input(document_id, &jwk, &when, previous),
        &key(),
    )
    .expect("a signed-off review can be finalised")
}

#[test]
fn the_finalised_file_verifies_and_names_no_one() {
    let review = signed_off_review();
    let file = finalised(&review, DOC, None);
    let check = verified(&file);
    assert!(check.is_valid(), "{:?}", check.errors);
    assert_eq!(check.document_id.as_deref(), Some(DOC));
    assert_eq!(check.kid, Some(key().fingerprint()));
    assert_eq!(file.document_id, DOC);
    assert_eq!(file.review_id, review.id);
    // The day it was signed off and a short id: nobody's name.
    assert_eq!(file.file_name, "review-summary-2026-11-24-0f6b1c2d.json");
    for p in &review.participants {
        for word in p.name.split_whitespace() {
            assert!(!file.file_name.contains(word), "{word} in the file name");
        }
    }
}

/// The app signs in two steps (the key is WebCrypto's): the bytes to sign,
/// then the signature; a signature by another key never makes a file.
#[test]
fn prepared_then_signed_is_the_same_file_and_checks_the_signature() {
    let review = signed_off_review();
    let jwk = key().public_jwk();
    let at = signed_at();
    let make = || Finalise {
        document_id: DOC,
        app_version: "0.1.0",
        language: "en-GB",
        jwk: &jwk,
        signed_at: &at,
        previous: None,
    };
    let prepared = prepare(&review, make()).unwrap();
    let signed = prepared.sign_with(&key()).unwrap().summary;
    assert_eq!(signed, finalised(&review, DOC, None));
    let wrong = prepare(&review, make())
        .unwrap()
        .sign_with(&SigningKey::from_seed([1; 32]));
    assert_eq!(
        wrong,
        Err(FinaliseError::Sign(SignError::SignatureDoesNotMatch))
    );
    // The signing time is inside the signed document.
    let check = verify(signed.text.as_bytes(), &VerifyOptions::default());
    assert_eq!(
        check.summary.unwrap().signed_at.as_str(),
        "2026-11-24T11:58:00+00:00"
    );
}

#[test]
fn the_same_review_key_and_moment_give_the_same_bytes() {
    let review = signed_off_review();
    assert_eq!(finalised(&review, DOC, None), finalised(&review, DOC, None));
}

#[test]
fn a_draft_has_no_summary() {
    let draft_review = part_two_complete();
    let e = finalise(
        &draft_review,
        Finalise {
            document_id: DOC,
            app_version: "0.1.0",
            language: "en-GB",
            jwk: &key().public_jwk(),
            signed_at: &signed_at(),
            previous: None,
        },
        &key(),
    )
    .unwrap_err();
    assert_eq!(e, FinaliseError::Summary(SummaryError::NotSignedOff));
    assert_eq!(
        e.to_string(),
        "Only a review that everyone has signed off has a summary"
    );
}

#[test]
fn an_amendment_points_at_the_exact_bytes_of_the_summary_it_replaces() {
    let old = signed_off_review();
    let old_file = finalised(&old, DOC, None);
    let new = amended(&old);
    let new_file = finalised(&new, AMENDED_DOC, Some(&old_file));
    let check = verified(&new_file);
    assert!(check.is_valid(), "{:?}", check.errors);
    let previous = check
        .summary
        .unwrap()
        .previous
        .expect("a previous document");
    assert_eq!(previous.id.as_str(), DOC);
    assert_eq!(
        previous.sha256.as_str(),
        sha256_base64url(old_file.text.as_bytes())
    );
}

#[test]
fn a_stored_summary_of_another_review_is_never_taken_as_previous() {
    let old = signed_off_review();
    let mut unrelated = finalised(&old, DOC, None);
    unrelated.review_id = "some-other-review".into();
    let new = amended(&old);
    let file = finalised(&new, AMENDED_DOC, Some(&unrelated));
    let check = verify(file.text.as_bytes(), &VerifyOptions::default());
    assert!(check.summary.unwrap().previous.is_none());
    // A first version has no previous, whatever is passed.
    let first = finalised(&old, DOC, Some(&unrelated));
    let check = verify(first.text.as_bytes(), &VerifyOptions::default());
    assert!(check.summary.unwrap().previous.is_none());
}

#[test]
fn the_stored_summary_keeps_its_exact_text() {
    let file = finalised(&signed_off_review(), DOC, None);
    let stored = draft::encode_summary(&file);
    assert_eq!(draft::decode_summary(&stored).unwrap(), file);
    // Its key is not a review's key, so the review list never trips on it.
    let key = draft::summary_key(&file.review_id);
    assert_eq!(draft::review_id_of_key(&key), None);
    assert_eq!(draft::review_id_of_key(&draft::signing_key_key()), None);
    // A review's envelope is not a summary.
    let review = draft::encode_review(&signed_off_review());
    assert!(matches!(
        draft::decode_summary(&review),
        Err(draft::DraftError::WrongKind { .. })
    ));
}

#[test]
fn the_public_key_a_team_registers_trusts_the_devices_summaries() {
    let jwk = key().public_jwk_for_team();
    assert!(review_core::summary::is_canonical(jwk.as_bytes()));
    let value: serde_json::Value = serde_json::from_str(&jwk).unwrap();
    assert_eq!(value["kid"], key().fingerprint());
    assert_eq!(value["alg"], "Ed25519");
    assert!(value.get("d").is_none(), "the private part never leaves");
    // The file the device offers is what the team adds to its list.
    let added =
        |jwk_text: &str| team_list_of(device_key_from_json(jwk_text).unwrap(), "Sam's tablet");
    let trusted = added(&jwk);
    let file = finalised(&signed_off_review(), DOC, None);
    let options = VerifyOptions {
        trusted_keys: Some(&trusted),
        receipts: None,
    };
    assert!(verify(file.text.as_bytes(), &options).is_valid());
    // Another device's key is not trusted by that list.
    let other = added(&SigningKey::from_seed([9; 32]).public_jwk_for_team());
    let options = VerifyOptions {
        trusted_keys: Some(&other),
        receipts: None,
    };
    let check = verify(file.text.as_bytes(), &options);
    assert!(check.is_intact());
    assert_eq!(check.verdict(), Verdict::UntrustedSigner);
}
