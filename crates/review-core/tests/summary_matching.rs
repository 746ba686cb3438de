//! Does a signed summary still say what its review says (`summary::compare`)?
//! Whoever edits a signed-off review (in a backup file, or in the tablet's
//! storage) makes it differ from its summary, and the places are named;
//! what only the signing adds never counts as a difference.

mod common;

use common::signed_by as signed;
use common::*;
use review_core::draft;
use review_core::summary::*;
use review_core::*;
use serde_json::{json, Value};
use std::path::PathBuf;

fn key() -> SigningKey {
    SigningKey::from_seed([42; 32])
}

fn summary_of(review: &Review) -> SignedFile {
    signed(review, &key(), DOC, SIGNED_AT)
}

/// The review with one member of its stored JSON replaced, as someone with a
/// text editor (or the tablet's storage) would.
fn edited(review: &Review, pointer: &str, value: Value) -> Review {
    let mut json = serde_json::to_value(review).unwrap();
    let (parent, member) = pointer.rsplit_once('/').unwrap();
    match json.pointer_mut(parent) {
        Some(Value::Object(members)) => {
            members.insert(member.to_string(), value);
        }
        Some(Value::Array(items)) => items[member.parse::<usize>().unwrap()] = value,
        _ => panic!("{parent} is not in the review"),
    }
    serde_json::from_value(json).expect("the edited review still reads")
}

fn differences(c: &Comparison) -> Vec<&str> {
    match c {
        Comparison::Differs { differences, .. } => differences.iter().map(String::as_str).collect(),
        other => panic!("expected a difference, found {other:?}"),
    }
}

#[test]
fn a_summary_matches_the_review_it_was_signed_from() {
    let review = signed_off_review();
    let file = summary_of(&review);
    let c = compare(file.text.as_bytes(), &review);
    let Comparison::Matches(s) = &c else {
        panic!("{c:?}")
    };
    assert!(c.matches());
    assert_eq!(s.document_id, DOC);
    assert_eq!(s.review_id, review.id);
    assert_eq!(s.signed_at, "2026-11-24T11:58:00+00:00");
    assert_eq!(s.kid, key().fingerprint());
    assert_eq!(s.format_version, FormatVersion::V2);
    assert_words(&c, "The signed summary matches the review");
}

/// What only the signing adds (document id, time, app version, language,
/// key, the link to the version amended) never makes a difference.
#[test]
fn what_only_the_signing_adds_is_not_compared() {
    let review = signed_off_review();
    let other_key = SigningKey::from_seed([7; 32]);
    let file = finalise(
        &review,
        Finalise {
            document_id: "9f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
            app_version: "9.9.9",
            language: "cy-GB",
            jwk: &other_key.public_jwk(),
            signed_at: &at("2030-01-01T00:00:00+05:00"),
            previous: None,
        },
        &other_key,
    )
    .unwrap();
    assert!(compare(file.text.as_bytes(), &review).matches());
}

/// Each edit an attacker might make to a signed-off review's JSON shows at
/// the place in the summary it changes.
#[test]
fn an_edited_review_differs_from_its_summary_at_the_places_changed() {
    let review = signed_off_review();
    let file = summary_of(&review);
    let json = serde_json::to_value(&review).unwrap();
    let (rating, point) = json["criterionReviews"]
        .as_object()
        .unwrap()
        .iter()
        .find_map(|(id, cr)| Some((id.clone(), cr["ratings"].get(0)?["point"].clone())))
        .expect("a criterion with ratings");
    let other_point = if point == "very-poor" {
        "very-good"
    } else {
        "very-poor"
    };
    let cases: Vec<(String, Value, Vec<&str>)> = vec![
        (
            "/organisation".into(),
            json!("Another council"),
            vec!["/organisation"],
        ),
        ("/version".into(), json!(2), vec!["/version"]),
        (
            "/createdAt".into(),
            json!("2026-11-20T09:00:00+00:00"),
            // The next review's date was chosen: it does not move with the meeting's.
            vec!["/createdAt"],
        ),
        (
            "/finalisedAt".into(),
            json!("2026-11-25T09:00:00+00:00"),
            vec!["/finalisedAt"],
        ),
        (
            "/participants/1/name".into(),
            json!("Someone Else"),
            vec!["/individual/name", "/participants/1/name"],
        ),
        (
            // Someone holding the tablet's storage or a backup gives a
            // person another language after the signing (issue 30).
            "/participants/1/support/screenLanguage".into(),
            json!("ur"),
            vec!["/participants/1/support/screenLanguage"],
        ),
        (
            format!("/criterionReviews/{rating}/ratings/0/point"),
            json!(other_point),
            vec![],
        ),
    ];
    for (pointer, value, expected) in cases {
        let changed = edited(&review, &pointer, value);
        let c = compare(file.text.as_bytes(), &changed);
        let found = differences(&c);
        assert!(!found.is_empty(), "{pointer}: {c:?}");
        if expected.is_empty() {
            // A rating shows where the summary keeps it.
            assert!(
                found.iter().all(|p| p.starts_with("/criteria/")),
                "{found:?}"
            );
        } else {
            assert_eq!(found, expected, "{pointer}");
        }
        assert!(c
            .to_string()
            .starts_with("The review is not what its signed summary records: it differs at "));
    }
}

#[test]
fn a_summary_of_another_review_differs_from_its_review_id() {
    let review = signed_off_review();
    let mut other = review.clone();
    other.id = "review-other".into();
    let file = summary_of(&other);
    let c = compare(file.text.as_bytes(), &review);
    assert_eq!(differences(&c), ["/reviewId"]);
    assert_eq!(c.signed().unwrap().review_id, "review-other");
}

/// However much differs, the list is short and says how many more.
#[test]
fn the_list_of_differences_is_capped_and_counts_the_rest() {
    let review = signed_off_review();
    let file = summary_of(&review);
    let mut changed = review.clone();
    for p in &mut changed.participants {
        p.name = format!("{} X", p.name);
        p.relationship = "changed".into();
    }
    changed.organisation = "Another council".into();
    changed.team = "Another team".into();
    let Comparison::Differs {
        differences,
        unlisted,
        ..
    } = compare(file.text.as_bytes(), &changed)
    else {
        panic!("it differs")
    };
    assert_eq!(differences.len(), MAX_DIFFERENCES);
    assert!(unlisted > 0, "{unlisted}");
    assert!(compare(file.text.as_bytes(), &changed)
        .to_string()
        .ends_with(&format!(" and {unlisted} more")));
}

#[test]
fn a_damaged_or_unsigned_file_is_not_intact_whatever_the_review() {
    let review = signed_off_review();
    let file = summary_of(&review);
    let tampered = file.text.replacen("Hughes", "Hughez", 1);
    let unsigned = {
        let mut v: Value = serde_json::from_str(&file.text).unwrap();
        v.as_object_mut().unwrap().remove("signature");
        String::from_utf8(to_canonical_vec(&v).unwrap()).unwrap()
    };
    for (text, code) in [
        (tampered.as_str(), ErrorCode::BadSignature),
        (unsigned.as_str(), ErrorCode::NoSignature),
        ("{}", ErrorCode::NotASummary),
        ("", ErrorCode::NotJson),
    ] {
        let c = compare(text.as_bytes(), &review);
        let Comparison::NotIntact(errors) = &c else {
            panic!("{text:.40}: {c:?}")
        };
        assert_eq!(errors[0].code, code, "{text:.40}");
        assert!(c.signed().is_none());
        assert!(c
            .to_string()
            .starts_with("The signed summary is damaged or was changed: "));
    }
}

/// A review that is not signed off gives no summary: never a match.
#[test]
fn a_review_that_is_not_signed_off_cannot_be_compared() {
    let review = signed_off_review();
    let file = summary_of(&review);
    let draft = part_two_complete();
    let c = compare(file.text.as_bytes(), &draft);
    assert!(!c.matches());
    assert!(
        matches!(
            &c,
            Comparison::CannotCompare {
                reason: CannotCompare::NotSignedOff,
                ..
            }
        ),
        "{c:?}"
    );
    assert_words(
        &c,
        "The signed summary cannot be checked against the review: the review is not signed off, so it has no summary to compare",
    );
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The format 1 app's signed-off review (a version 1 draft) and the
/// format 1 summary it signed, both frozen.
fn format_1_pair() -> (Review, String) {
    let dump: Value = serde_json::from_str(&fixture("drafts-v1/storage-signed-off.json")).unwrap();
    let id = dump["id"].as_str().unwrap();
    let stored = &dump["stored"];
    let review = draft::decode_review(stored[draft::review_key(id)].as_str().unwrap()).unwrap();
    let file = draft::decode_summary(stored[draft::summary_key(id)].as_str().unwrap()).unwrap();
    (review, file.text)
}

/// Format 1 compares in format 2's shape: the last build's summary matches
/// the draft it was signed from, migrated; an edit to that draft shows.
#[test]
fn a_format_1_summary_matches_its_migrated_draft_and_shows_an_edit() {
    let (review, text) = format_1_pair();
    let c = compare(text.as_bytes(), &review);
    assert!(c.matches(), "{c}");
    assert_eq!(c.signed().unwrap().format_version, FormatVersion::V1);
    let changed = edited(&review, "/organisation", json!("Another council"));
    assert_eq!(
        differences(&compare(text.as_bytes(), &changed)),
        ["/organisation"]
    );
    let resource = review
        .resources
        .iter()
        .position(|r| !r.benefits.is_empty())
        .expect("the meeting recorded a benefit");
    let changed = edited(
        &review,
        &format!("/resources/{resource}/benefits/0/saidBy"),
        json!({"kind": "everyone"}),
    );
    assert_eq!(
        differences(&compare(text.as_bytes(), &changed)),
        [format!(
            "/services/resources/{resource}/benefits/0/saidBy/kind"
        )]
    );
}

/// Someone with the tablet's storage (or a backup) makes an item visible to
/// everyone after it was signed as not for the carer, or drops a copy: the
/// review no longer says what was signed, and the places are named.
#[test]
fn a_visibility_or_a_copy_changed_after_signing_is_a_difference() {
    let review = signed_off_review();
    let file = summary_of(&review);
    let opened = edited(
        &review,
        &format!("/visibility/{EVIDENCE}"),
        json!("everyone"),
    );
    assert_eq!(
        differences(&compare(file.text.as_bytes(), &opened)),
        ["/criteria/1/evidence/0/visibility"]
    );
    let default = edited(
        &review,
        "/process/confidentiality/defaultVisibility",
        json!("worker-and-records"),
    );
    assert!(!compare(file.text.as_bytes(), &default).matches());
    let mut fewer = review.clone();
    fewer.process.confidentiality.copies.pop();
    assert!(differences(&compare(file.text.as_bytes(), &fewer))
        .iter()
        .all(|d| d.starts_with("/confidentiality/copies")));
}
