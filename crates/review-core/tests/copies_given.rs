//! The log of copies given (P23, issue 22): marks only once the review is
//! signed off, each time a copy is given, a mark taken back, never part of
//! what was signed, stored with the review and emptied for an amendment.

mod common;

use common::*;
use review_core::signoff::{still_to_sign, SignOffDecision as D, SignOffMethod as M};
use review_core::*;

fn signed_at() -> Timestamp {
    at("2026-11-24T12:00:00+00:00")
}

fn given(id: &str, document: &str, how: GivenHow) -> CopyGiven {
    CopyGiven {
        id: id.into(),
        recipient: "carer".into(),
        document_id: document.into(),
        how,
        at: at("2026-11-24T12:30:00+00:00"),
    }
}

fn locked() -> Review {
    let mut r = part_two_complete();
    for p in still_to_sign(&r.clone()) {
        r.sign_off(&p.id, D::Agrees, M::Tap, signed_at()).unwrap();
    }
    assert_eq!(r.state, ReviewState::SignedOff);
    r
}

#[test]
fn nothing_is_given_before_the_review_is_signed_off() {
    let mut r = part_two_complete();
    let before = r.clone();
    assert_eq!(
        r.mark_copy_given(given("g1", "doc-1", GivenHow::Printed)),
        Err(DomainError::NotSignedOff)
    );
    assert_eq!(r.unmark_copy_given("g1"), Err(DomainError::NotSignedOff));
    assert_eq!(r, before);
    assert_words(
        &DomainError::NotSignedOff,
        "This review is not signed off yet, so it has no copies to give",
    );
}

#[test]
fn each_time_a_copy_is_given_is_logged_and_a_mistake_can_be_taken_back() {
    let mut r = locked();
    let updated = r.updated_at;
    assert!(!r.is_given("doc-1"));
    r.mark_copy_given(given("g1", "doc-1", GivenHow::Printed))
        .unwrap();
    r.mark_copy_given(given("g2", "doc-1", GivenHow::Shared))
        .unwrap();
    assert!(r.is_given("doc-1"));
    assert!(!r.is_given("doc-2"), "another copy is still to give");
    let hows: Vec<_> = r.times_given("doc-1").map(|g| g.how).collect();
    assert_eq!(hows, [GivenHow::Printed, GivenHow::Shared]);
    // Giving a copy is not a change to what the review says.
    assert_eq!(r.updated_at, updated);
    assert_eq!(r.state, ReviewState::SignedOff);

    assert_eq!(
        r.mark_copy_given(given("g1", "doc-1", GivenHow::Posted)),
        Err(DomainError::DuplicateId)
    );
    assert_eq!(
        r.mark_copy_given(given("g3", " ", GivenHow::Posted)),
        Err(DomainError::UnknownCopy)
    );
    let taken = r.unmark_copy_given("g1").unwrap();
    assert_eq!(taken.how, GivenHow::Printed);
    assert!(r.is_given("doc-1"), "shared still stands");
    r.unmark_copy_given("g2").unwrap();
    assert!(!r.is_given("doc-1"));
    assert_eq!(r.unmark_copy_given("g2"), Err(DomainError::UnknownCopy));
}

#[test]
fn the_log_is_stored_with_the_review_never_in_its_summary_and_not_carried_into_an_amendment() {
    let mut r = locked();
    let empty = draft::encode_review(&r);
    assert!(!empty.contains("copiesGiven"), "left out while empty");
    r.mark_copy_given(given("g1", "doc-1", GivenHow::Saved))
        .unwrap();
    let stored = draft::encode_review(&r);
    assert!(stored.contains(r#""copiesGiven":[{"id":"g1","recipient":"carer","documentId":"doc-1","how":"saved","at":"2026-11-24T12:30:00Z"}]"#), "{stored}");
    assert_eq!(draft::decode_review(&stored).unwrap(), r);

    let summary = summary::Summary::from_review(
        &r,
        "8c2b6f4e-1d3a-4b5c-9e7f-0a1b2c3d4e5f",
        "0.1.0",
        "en-GB",
        &signed_at(),
    )
    .unwrap();
    let json = serde_json::to_string(&summary).unwrap();
    assert!(!json.contains("doc-1") && !json.contains("g1"), "{json}");

    let next = r
        .amend("review-2".into(), "why", "what", signed_at())
        .unwrap();
    assert!(
        next.copies_given.is_empty(),
        "the new version's copies are new files"
    );
    assert_eq!(r.copies_given.len(), 1, "the signed version keeps its log");
}

#[test]
fn each_way_has_a_code_read_back_and_its_own_words() {
    let mut labels = std::collections::BTreeSet::new();
    for how in GivenHow::ALL {
        assert_eq!(GivenHow::from_code(how.code()), Some(how));
        assert_eq!(
            serde_json::to_value(how).unwrap(),
            serde_json::json!(how.code())
        );
        assert!(labels.insert(how.label()));
        assert!(how.label().to_lowercase().starts_with(&how.said()[..4]));
    }
    assert_eq!(GivenHow::from_code("faxed"), None);
}

#[test]
fn the_copies_still_to_give_are_those_of_a_signed_off_version_not_yet_given() {
    let copies = ["doc-carer", "doc-individual", "doc-provider"];
    fn id<'a>(c: &'a &str) -> &'a str {
        c
    }
    let draft = part_two_complete();
    assert!(
        draft.still_to_give(&copies, id, &[]).is_empty(),
        "nothing before the lock"
    );

    let mut r = locked();
    assert_eq!(
        r.still_to_give(&copies, id, &[]),
        [&"doc-carer", &"doc-individual", &"doc-provider"]
    );
    r.mark_copy_given(given("g1", "doc-individual", GivenHow::Posted))
        .unwrap();
    assert_eq!(
        r.still_to_give(&copies, id, &[]),
        [&"doc-carer", &"doc-provider"]
    );

    // Once amended, the new version's copies are the ones to give.
    let next = r
        .amend("review-2".into(), "why", "what", signed_at())
        .unwrap();
    let all = [r.clone(), next.clone()];
    assert!(r.is_amended_in(&all));
    assert!(r.still_to_give(&copies, id, &all).is_empty());
    assert!(!next.is_amended_in(&all));
    assert!(
        next.still_to_give(&copies, id, &all).is_empty(),
        "not signed off yet"
    );
}
