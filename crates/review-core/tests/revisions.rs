//! Revisions of a stored review: the second guard (after the Web Lock) that
//! stops one tab's save from silently replacing another's. Drafts stored
//! before revisions existed still load, at revision 0.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use review_core::draft::{self, DraftError, WritePlan, WriteRefused};
use serde_json::{json, Value};

/// Format v1 before revisions existed (the same fixture `drafts.rs` pins).
const REVIEW_V1: &str = include_str!("fixtures/review-v1.json");
/// Format v1 with a revision, as this build stores a review it has saved
/// three times. Never regenerate it (see `REVIEW_V1`).
const REVIEW_V1_AT_3: &str = include_str!("fixtures/review-v1-revision-3.json");

fn json(raw: &str) -> Value {
    serde_json::from_str(raw).expect("valid JSON")
}

// ---- Loading what earlier builds stored --------------------------------------

#[test]
fn a_draft_stored_before_revisions_existed_loads_at_revision_0() {
    assert_eq!(
        draft::decode_review_at(REVIEW_V1),
        Ok((part_one_before_visibility(), 0))
    );
    assert_eq!(draft::stored_revision(REVIEW_V1), Ok(0));
}

#[test]
fn the_fixture_with_a_revision_loads_with_its_revision() {
    assert_eq!(
        draft::decode_review_at(REVIEW_V1_AT_3),
        Ok((part_one_before_visibility(), 3))
    );
    // The revision is beside the data, so the review itself is unchanged.
    assert_eq!(
        draft::decode_review(REVIEW_V1_AT_3),
        draft::decode_review(REVIEW_V1)
    );
}

#[test]
fn the_fixture_with_a_revision_is_written_again_at_the_current_version_with_its_revision() {
    let (review, revision) = draft::decode_review_at(REVIEW_V1_AT_3).unwrap();
    let mut expected = json(REVIEW_V1_AT_3);
    expected["version"] = json!(draft::CURRENT_VERSION);
    assert_eq!(json(&draft::encode_review_at(&review, revision)), expected);
}

// ---- Writing ------------------------------------------------------------------

#[test]
fn the_revision_survives_encode_and_decode_and_is_no_new_format() {
    for revision in [1, 2, 41, u64::MAX] {
        let raw = draft::encode_review_at(&part_one_complete(), revision);
        assert_eq!(
            draft::decode_review_at(&raw),
            Ok((part_one_complete(), revision))
        );
        let v = json(&raw);
        assert_eq!(
            v["version"],
            json!(draft::CURRENT_VERSION),
            "an additive key, not a new format"
        );
        assert_eq!(v["revision"], json!(revision));
        let mut keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["data", "kind", "revision", "version"]);
    }
}

#[test]
fn revision_0_is_written_exactly_as_before_revisions_existed() {
    let review = part_one_complete();
    assert_eq!(
        draft::encode_review_at(&review, 0),
        draft::encode_review(&review)
    );
}

#[test]
fn a_revision_that_is_not_a_whole_number_is_damaged() {
    for bad in [json!("3"), json!(-1), json!(1.5), json!(null), json!([3])] {
        let mut v = json(REVIEW_V1);
        v["revision"] = bad.clone();
        let raw = v.to_string();
        let expected = Err(DraftError::Damaged(
            "its revision is not a whole number".into(),
        ));
        assert_eq!(draft::stored_revision(&raw), expected, "{bad}");
        assert!(draft::decode_review_at(&raw).is_err(), "{bad}");
    }
}

#[test]
fn the_revision_of_something_that_is_not_a_review_is_not_read() {
    assert_eq!(draft::stored_revision("nope"), Err(DraftError::NotJson));
    assert_eq!(
        draft::stored_revision(r#"{"version":10,"kind":"review","revision":3}"#),
        Err(DraftError::FromNewerVersion(10))
    );
    assert!(matches!(
        draft::stored_revision(&draft::encode_settings(&settings())),
        Err(DraftError::WrongKind { .. })
    ));
}

// ---- The guard on every write ------------------------------------------------

/// A review as the last build (envelope format 1) stored it, at revision 3.
const V1_AT_REVISION_3: &str = include_str!("fixtures/review-v1-revision-3.json");

/// What is stored, the revision the tab saw, and the plan expected.
type Case<'a> = (
    &'a str,
    Option<String>,
    u64,
    Result<WritePlan, WriteRefused>,
);

#[test]
fn a_write_is_planned_from_what_is_stored_and_the_revision_this_tab_saw() {
    let at = |revision| draft::encode_review_at(&new_review(), revision);
    let newer = json!({ "version": 10, "kind": "review", "data": {} }).to_string();
    let mut damaged = json(&at(2));
    damaged["data"]["participants"] = json!("everyone");
    let damaged = damaged.to_string();
    let cases: Vec<Case> = vec![
        ("a new review", None, 0, Ok(WritePlan::Write(1))),
        ("the next write", Some(at(3)), 3, Ok(WritePlan::Write(4))),
        (
            "a draft from before revisions",
            Some(at(0)),
            0,
            Ok(WritePlan::Write(1)),
        ),
        (
            // An older build wrote it without a revision: nothing this tab has not seen.
            "stored by an older build after this tab's write",
            Some(at(0)),
            5,
            Ok(WritePlan::Write(6)),
        ),
        (
            "another tab wrote after this tab read",
            Some(at(4)),
            3,
            Err(WriteRefused::ChangedElsewhere { stored: 4, base: 3 }),
        ),
        (
            "deleted after it was opened",
            None,
            2,
            Err(WriteRefused::Removed),
        ),
        (
            "a newer app version stored it",
            Some(newer),
            2,
            Err(WriteRefused::FromNewerVersion(10)),
        ),
        (
            "what is stored is not JSON",
            Some("{\"version\": 1, \"kind\": \"rev".into()),
            2,
            Ok(WritePlan::KeepAsideThenWrite(3)),
        ),
        (
            "what is stored is damaged",
            Some(damaged),
            2,
            Ok(WritePlan::KeepAsideThenWrite(3)),
        ),
        (
            // The last build's format: kept as it is before the first write.
            "stored by the last build, in format 1",
            Some(V1_AT_REVISION_3.to_string()),
            3,
            Ok(WritePlan::KeepOlderFormatThenWrite {
                revision: 4,
                version: 1,
            }),
        ),
        (
            "what is stored is another kind",
            Some(draft::encode_settings(&settings())),
            0,
            Ok(WritePlan::KeepAsideThenWrite(1)),
        ),
    ];
    for (behaviour, stored, base, expected) in cases {
        assert_eq!(
            draft::plan_write(stored.as_deref(), base),
            expected,
            "{behaviour}"
        );
    }
}

#[test]
fn a_refused_write_says_why_in_plain_words() {
    let cases = [
        (
            WriteRefused::ChangedElsewhere { stored: 4, base: 3 },
            "this review was changed in another tab or window after it was opened here",
        ),
        (
            WriteRefused::Removed,
            "this review was removed from this device after it was opened here",
        ),
        (
            WriteRefused::FromNewerVersion(2),
            "a newer version of Review Together has saved this review since it was opened here",
        ),
    ];
    for (refused, words) in cases {
        assert_eq!(refused.to_string(), words);
    }
}

// ---- No lost update, whatever the interleaving ---------------------------------

/// What one of several tabs does next.
#[derive(Clone, Debug)]
enum Step {
    /// Read the stored review (opening it, or following another tab's save).
    Read(usize),
    /// Save its own copy.
    Write(usize),
}

const TABS: usize = 3;

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => (0..TABS).prop_map(Step::Read),
        2 => (0..TABS).prop_map(Step::Write),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        // Fixed, so a failure is the same on every machine.
        rng_seed: RngSeed::Fixed(0x7e_71_51_0a),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A tab's write is stored exactly when no other tab has stored anything
    /// since this tab last read or wrote; a refused write changes nothing.
    #[test]
    fn a_write_never_replaces_one_its_tab_has_not_seen(
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut stored: Option<String> = None;
        // Per tab: the revision it saw, and whether it has seen the latest write.
        let mut base = [0u64; TABS];
        let mut up_to_date = [true; TABS];
        for (n, step) in steps.into_iter().enumerate() {
            match step {
                Step::Read(tab) => {
                    if let Some(raw) = &stored {
                        base[tab] = draft::stored_revision(raw).unwrap();
                    }
                    up_to_date[tab] = true;
                }
                Step::Write(tab) => {
                    let before = stored.clone();
                    match draft::plan_write(stored.as_deref(), base[tab]) {
                        Ok(WritePlan::Write(revision)) => {
                            prop_assert!(up_to_date[tab], "step {}: tab {} replaced a write it had not seen", n, tab);
                            let mut review = new_review();
                            review.team = format!("written by tab {tab} at step {n}");
                            stored = Some(draft::encode_review_at(&review, revision));
                            base[tab] = revision;
                            for (other, seen) in up_to_date.iter_mut().enumerate() {
                                *seen = other == tab;
                            }
                        }
                        Ok(WritePlan::KeepAsideThenWrite(_) | WritePlan::KeepOlderFormatThenWrite { .. }) => {
                            prop_assert!(false, "only readable reviews of this format are stored here");
                        }
                        Err(refused) => {
                            prop_assert!(!up_to_date[tab], "step {}: tab {} was refused for no reason: {}", n, tab, refused);
                            prop_assert_eq!(&stored, &before);
                        }
                    }
                }
            }
        }
    }
}
