//! What the last build stored and exported opens in this one with nothing
//! lost: its drafts (review envelope version 1), its plain backups, and the
//! signed summary and key it kept. The files are frozen fixtures the format
//! 1 app made (`tests/fixtures/drafts-v1`, `backups-v1`); the app's own load
//! path is walked by `tests/e2e/specs/formats.spec.js`.

use review_core::backup::{self, Opened};
use review_core::draft;
use review_core::summary::{decode_stored_key, verify, VerifyOptions};
use review_core::{validate, Remark, ResourceList, Review, Speaker};
use serde_json::Value;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A storage dump: the review's id and every stored value.
fn dump(name: &str) -> (String, serde_json::Map<String, Value>) {
    let v: Value = serde_json::from_str(&fixture(name)).unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    let stored = v["stored"].as_object().unwrap().clone();
    (id, stored)
}

fn stored_review(name: &str) -> (String, String) {
    let (id, stored) = dump(name);
    let raw = stored[&draft::review_key(&id)]
        .as_str()
        .unwrap()
        .to_string();
    (id, raw)
}

/// Every member of the version 1 data is in the review as it was, member by
/// member; a service's three texts each became one point with that text,
/// its speaker not recorded.
fn assert_nothing_lost(raw_envelope: &str, review: &Review) {
    let raw: Value = serde_json::from_str(raw_envelope).unwrap();
    assert_eq!(raw["version"], 1, "a version 1 envelope");
    let old = raw["data"].as_object().unwrap();
    let new = serde_json::to_value(review).unwrap();
    let mut compared = 0;
    for (member, value) in old {
        if member == "resources" {
            continue;
        }
        assert_eq!(&new[member], value, "{member}");
        compared += 1;
    }
    assert!(compared >= 15, "compared {compared} members");
    let resources = old["resources"]
        .as_array()
        .expect("the meeting listed services");
    assert_eq!(resources.len(), review.resources.len());
    for (old, new) in resources.iter().zip(&review.resources) {
        for member in ["id", "kind", "name", "needsMet", "decision"] {
            assert_eq!(
                serde_json::to_value(new).unwrap()[member],
                old[member],
                "{member}"
            );
        }
        for list in ResourceList::ALL {
            let text = old[list.key()].as_str().unwrap_or_default();
            let expected: Vec<Remark> = if text.trim().is_empty() {
                vec![]
            } else {
                vec![Remark {
                    id: format!("{}-{}", new.id, list.key()),
                    text: text.into(),
                    said_by: Speaker::NotRecorded,
                }]
            };
            assert_eq!(new.remarks(*list), expected.as_slice(), "{}", list.key());
        }
    }
}

#[test]
fn a_draft_the_last_build_stored_opens_with_nothing_lost() {
    let (_, raw) = stored_review("drafts-v1/storage-complete.json");
    let (review, revision) = draft::decode_review_at(&raw).expect("the last build's draft opens");
    assert!(revision > 0, "it was stored with a revision");
    assert_nothing_lost(&raw, &review);
    assert!(review.resources.iter().any(|r| !r.benefits.is_empty()));
    // The first write keeps the version 1 text aside before replacing it.
    assert_eq!(
        draft::plan_write(Some(&raw), revision),
        Ok(draft::WritePlan::KeepOlderFormatThenWrite {
            revision: revision + 1,
            version: 1
        })
    );
}

#[test]
fn a_signed_off_draft_its_summary_and_its_key_open() {
    let (id, stored) = dump("drafts-v1/storage-signed-off.json");
    let raw = stored[&draft::review_key(&id)].as_str().unwrap();
    let review = draft::decode_review(raw).expect("the review opens");
    assert_nothing_lost(raw, &review);
    let summary =
        draft::decode_summary(stored[&draft::summary_key(&id)].as_str().unwrap()).unwrap();
    assert_eq!(summary.review_id, id);
    let check = verify(summary.text.as_bytes(), &VerifyOptions::default());
    assert!(check.is_intact(), "{:?}", check.errors);
    let key = decode_stored_key(stored[&draft::signing_key_key()].as_str().unwrap()).unwrap();
    assert_eq!(check.kid, Some(key.fingerprint()));
    assert!(draft::decode_settings(stored[&draft::settings_key()].as_str().unwrap()).is_ok());
    assert_eq!(
        draft::decode_index(stored[&draft::index_key()].as_str().unwrap()).unwrap(),
        [id]
    );
}

#[test]
fn the_last_builds_plain_backups_open_as_the_review_they_hold() {
    for (backup_file, storage) in [
        (
            "backups-v1/plain-complete.json",
            "drafts-v1/storage-complete.json",
        ),
        (
            "backups-v1/plain-signed-off.json",
            "drafts-v1/storage-signed-off.json",
        ),
    ] {
        let opened = backup::read(fixture(backup_file).as_bytes()).expect(backup_file);
        let Opened::Review(review) = opened else {
            panic!("{backup_file} is not sealed");
        };
        let (_, raw) = stored_review(storage);
        assert_nothing_lost(&raw, &review);
        assert_eq!(
            *review,
            draft::decode_review(&raw).unwrap(),
            "{backup_file}"
        );
    }
}

#[test]
fn the_last_builds_sealed_backup_asks_for_its_pin() {
    let opened = backup::read(fixture("backups-v1/sealed-signed-off.json").as_bytes()).unwrap();
    let Opened::NeedsPin(sealed) = opened else {
        panic!("a sealed backup")
    };
    assert_eq!(sealed.iterations, 600_000);
    // Opening it needs the PIN derived in the browser: formats.spec.js.
    assert!(!fixture("backups-v1/sealed-signed-off.json").contains("Ayesha"));
}

/// The stored review of dump `name`, an envelope of `version` that only
/// lacked members added since: it opens as the same JSON, member by member,
/// and its first write keeps the old text aside before replacing it.
fn opens_as_stored(name: &str, version: u64) -> Review {
    let (_, raw) = stored_review(name);
    let old: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(old["version"], version, "{name}");
    let (review, revision) = draft::decode_review_at(&raw).expect(name);
    assert_eq!(
        serde_json::to_value(&review).unwrap(),
        old["data"],
        "{name}"
    );
    assert_eq!(
        draft::plan_write(Some(&raw), revision),
        Ok(draft::WritePlan::KeepOlderFormatThenWrite {
            revision: revision + 1,
            version
        }),
        "{name}"
    );
    review
}

// ---- Version 2, the build before visibility -----------------------------------

/// A version 2 review (`tests/fixtures/drafts-v2`, stored by the build
/// before copies and visibility) opens as exactly what it says: version 3
/// only gained members, so its data is the same JSON, member by member, and
/// nothing is made up (no copies, no default, no item's visibility).
#[test]
fn a_version_2_draft_opens_with_nothing_lost_and_nothing_decided_for_it() {
    for name in [
        "drafts-v2/storage-complete.json",
        "drafts-v2/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 2);
        assert!(review.process.confidentiality.copies.is_empty());
        assert_eq!(review.process.confidentiality.default_visibility, None);
        assert!(review.visibility.is_empty());
    }
}

/// The review the build before signed still says what its summary says:
/// nothing this build adds to a summary (copies, visibility) is made up for
/// a review whose agreement never decided it, so it stays "signed" and
/// opens in a backup.
#[test]
fn a_review_the_build_before_signed_still_matches_its_summary() {
    let (id, stored) = dump("drafts-v2/storage-signed-off.json");
    let review = draft::decode_review(stored[&draft::review_key(&id)].as_str().unwrap()).unwrap();
    let file = draft::decode_summary(stored[&draft::summary_key(&id)].as_str().unwrap()).unwrap();
    let check = verify(file.text.as_bytes(), &VerifyOptions::default());
    assert!(check.is_intact(), "{:?}", check.errors);
    let c = review_core::summary::compare(file.text.as_bytes(), &review);
    assert!(c.matches(), "{c}");
}

// ---- Version 3, the build before the copies given -------------------------

/// A version 3 review (`tests/fixtures/drafts-v3`, stored by the build
/// before the log of copies given) opens as exactly what it says: version 4
/// only gained that log, so its data is the same JSON, member by member,
/// and no copy is said to have been given.
#[test]
fn a_version_3_draft_opens_with_nothing_lost_and_no_copy_given() {
    for name in [
        "drafts-v3/storage-complete.json",
        "drafts-v3/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 3);
        assert!(review.copies_given.is_empty());
        assert!(review.process.private_plan.is_empty());
    }
    // The signed-off one holds a default visibility and an agreement
    // sending copies, so members version 3 added are read too.
    let (_, raw) = stored_review("drafts-v3/storage-signed-off.json");
    let review = draft::decode_review(&raw).unwrap();
    assert!(!review.process.confidentiality.copies.is_empty());
    assert!(review.process.confidentiality.default_visibility.is_some());
}

/// The review the build before signed, with its recipients' copies: the
/// summary still says what the review says, every copy verifies and is
/// exactly the copy the summary names, and a copy can be marked given now.
#[test]
fn a_review_and_copies_the_build_before_signed_still_match_and_can_be_given() {
    let (mut review, file, copies) = signed_and_matching("drafts-v3/storage-signed-off.json");
    assert_eq!(copies.len(), review.process.confidentiality.copies.len());
    for copy in &copies {
        assert!(!review.is_given(&copy.document_id));
    }
    let first = &copies[0];
    review
        .mark_copy_given(review_core::CopyGiven {
            id: "given-1".into(),
            recipient: first.recipient.id.clone(),
            document_id: first.document_id.clone(),
            how: review_core::GivenHow::Printed,
            at: review.finalised_at.unwrap(),
        })
        .unwrap();
    assert!(review.is_given(&first.document_id));
    // The log is not what was signed: the summary still matches.
    let c = review_core::summary::compare(file.text.as_bytes(), &review);
    assert!(c.matches(), "{c}");
}

// ---- Version 4, the build before the points of a disagreement --------------

/// A version 4 review (`tests/fixtures/drafts-v4`, stored by the build
/// before a disagreement could point at rows of the check page, with the
/// worker's own ratings) opens as exactly what it says: version 5 only
/// gained those points, so its data is the same JSON, member by member,
/// and nobody is said to disagree with any point.
#[test]
fn a_version_4_draft_opens_with_nothing_lost_and_no_point_disagreed_with() {
    for name in [
        "drafts-v4/storage-complete.json",
        "drafts-v4/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 4);
        assert!(review
            .sign_offs
            .iter()
            .all(|s| s.decision.points().is_empty()));
        let worker = review
            .participants
            .iter()
            .find(|p| p.role == review_core::Role::Worker)
            .unwrap();
        assert!(
            review
                .criterion_reviews
                .values()
                .filter(|c| c.not_discussed.is_none())
                .all(|c| c.ratings.iter().any(|r| r.participant == worker.id)),
            "{name}: the worker rated"
        );
    }
}

/// The review the build before signed still matches its summary, and its
/// copies still verify and match it.
#[test]
fn a_review_and_copies_signed_before_points_of_disagreement_still_match() {
    let (_, _, copies) = signed_and_matching("drafts-v4/storage-signed-off.json");
    assert!(!copies.is_empty());
}

// ---- Version 5, the build before plain words (issue 26) ---------------------

/// A version 5 review (`tests/fixtures/drafts-v5`, stored by the build
/// before the review asked why now in words, ages, job titles and what
/// matters) opens as exactly what it says: version 6 only gained those,
/// left out while empty, so its data is the same JSON, member by member,
/// and none of them is made up for it, not even the worker's job title
/// from the device's settings.
#[test]
fn a_version_5_draft_opens_with_nothing_lost_and_nothing_made_up() {
    for name in [
        "drafts-v5/storage-complete.json",
        "drafts-v5/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 5);
        assert!(review.process.why_now.is_empty(), "{name}");
        for p in &review.participants {
            assert!(
                p.job_title.is_empty() && p.age.is_none() && p.what_matters.is_empty(),
                "{name}: {}",
                p.name
            );
        }
    }
}

/// The review the build before plain words signed still matches its
/// summary (which has no job title, age or why now), and its copies
/// still verify and match it.
#[test]
fn a_review_signed_before_plain_words_still_matches() {
    let (_, file, copies) = signed_and_matching("drafts-v5/storage-signed-off.json");
    for member in ["jobTitle", "whyNow", "whatMatters", "\"age\""] {
        assert!(!file.text.contains(member), "{member}");
    }
    assert!(!copies.is_empty());
}

// ---- Version 6, the build before numbers for the records (issue 27) ------

/// A version 6 review (`tests/fixtures/drafts-v6`, stored by the build
/// before the review asked the numbers a records system matches it by)
/// opens as exactly what it says: version 7 only gained those, left out
/// while empty, so none is made up for it — no ODS code or staff ID from
/// the device's settings, no reference rule from the team's configuration.
#[test]
fn a_version_6_draft_opens_with_nothing_lost_and_nothing_made_up() {
    for name in [
        "drafts-v6/storage-complete.json",
        "drafts-v6/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 6);
        assert!(
            review.ods_code.is_empty() && review.reference_rules.is_empty(),
            "{name}"
        );
        for p in &review.participants {
            assert!(
                p.references.is_empty()
                    && p.nhs_number.is_empty()
                    && p.date_of_birth.is_empty()
                    && p.staff_id.is_empty(),
                "{name}: {}",
                p.name
            );
            assert!(
                validate::participant_records(&review, p).is_empty(),
                "{name}: {}",
                p.name
            );
        }
    }
}

/// The review the build before numbers for the records signed still
/// matches its summary (which has none of them), and its copies still
/// verify and match it.
#[test]
fn a_review_signed_before_numbers_for_the_records_still_matches() {
    let (_, file, copies) = signed_and_matching("drafts-v6/storage-signed-off.json");
    for member in [
        "odsCode",
        "nhsNumber",
        "dateOfBirth",
        "staffId",
        "\"references\"",
    ] {
        assert!(!file.text.contains(member), "{member}");
    }
    assert!(!copies.is_empty());
}

// ---- Version 7, the build before the last review carried forward (issue 27) --

/// A version 7 review (`tests/fixtures/drafts-v7`) opens as exactly what it
/// says: version 8 only gained the last review followed on from, left out
/// while there is none, so none is made up for it — nothing to follow up,
/// nothing beside its ratings, no question added to its parts.
#[test]
fn a_version_7_draft_opens_with_nothing_lost_and_no_last_review() {
    for name in [
        "drafts-v7/storage-complete.json",
        "drafts-v7/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 7);
        assert_eq!(review.last, None, "{name}");
        assert!(review.last_actions().is_empty() && review.last_escalations().is_empty());
        assert!(
            validate::actions(&review).is_empty() && validate::escalations(&review).is_empty(),
            "{name}"
        );
    }
}

/// The review the build before signed still matches its summary (which
/// names no earlier review and follows nothing up), and its copies still
/// verify and match it.
#[test]
fn a_review_signed_before_the_last_review_was_carried_forward_still_matches() {
    let (_, file, copies) = signed_and_matching("drafts-v7/storage-signed-off.json");
    for member in ["continues", "followUp"] {
        assert!(!file.text.contains(member), "{member}");
    }
    assert!(!copies.is_empty());
}

// ---- Version 8, the build before each person's own language (issue 30) ----

/// A version 8 review (`tests/fixtures/drafts-v8`) opens as exactly what it
/// says: version 9 only gained each person's own language, left out while
/// none is chosen, so none is made up: everyone sees the tablet's language.
#[test]
fn a_version_8_draft_opens_with_nobody_given_a_language_of_their_own() {
    for name in [
        "drafts-v8/storage-complete.json",
        "drafts-v8/storage-signed-off.json",
    ] {
        let review = opens_as_stored(name, 8);
        assert!(
            review
                .participants
                .iter()
                .all(|p| p.support.screen_language.is_none()),
            "{name}"
        );
    }
}

/// The review the build before signed still matches its summary (which
/// names no one's language), and its copies still verify and match it.
#[test]
fn a_review_signed_before_each_persons_language_still_matches() {
    let (_, file, copies) = signed_and_matching("drafts-v8/storage-signed-off.json");
    assert!(!file.text.contains("screenLanguage"));
    assert!(!copies.is_empty());
    for copy in &copies {
        let checked = verify(copy.text.as_bytes(), &VerifyOptions::default());
        let summary = checked.summary.unwrap();
        assert_eq!(review_core::readable::reader_language(&summary), None);
    }
}

/// The signed-off review of dump `name`, its summary and its copies: the
/// summary is intact and still says what the review says; each copy is
/// intact, names the records copy, and is exactly the copy made from it.
fn signed_and_matching(
    name: &str,
) -> (
    Review,
    review_core::summary::SignedFile,
    Vec<review_core::summary::CopyFile>,
) {
    let (id, stored) = dump(name);
    let review = draft::decode_review(stored[&draft::review_key(&id)].as_str().unwrap()).unwrap();
    let file = draft::decode_summary(stored[&draft::summary_key(&id)].as_str().unwrap()).unwrap();
    let records = verify(file.text.as_bytes(), &VerifyOptions::default());
    assert!(records.is_intact(), "{name}: {:?}", records.errors);
    let c = review_core::summary::compare(file.text.as_bytes(), &review);
    assert!(c.matches(), "{name}: {c}");
    let copies = draft::decode_copies(stored[&draft::copies_key(&id)].as_str().unwrap()).unwrap();
    for copy in &copies {
        let checked = verify(copy.text.as_bytes(), &VerifyOptions::default());
        assert!(
            checked.is_intact(),
            "{}: {:?}",
            copy.file_name,
            checked.errors
        );
        let of = checked.summary.as_ref().unwrap().copy_for.as_ref().unwrap();
        assert_eq!(
            of.records_copy,
            records.summary.as_ref().unwrap().document_id
        );
        assert_eq!(
            review_core::summary::copy_against_records(&records, &checked),
            None,
            "{}",
            copy.file_name
        );
    }
    (review, file, copies)
}

/// Agreements the build before recorded in its own ways read in the new
/// ones: Joan's agreement to the respite week "through her advocate", and
/// her signature given through her advocate, each read as agreed through
/// Grace, her advocate; the stored review and its summary stay as they were.
#[test]
fn agreements_from_the_build_before_read_as_the_new_ways() {
    use review_core::agreement::AgreedWay;
    let (id, stored) = dump("drafts-v4/storage-signed-off.json");
    let review = draft::decode_review(stored[&draft::review_key(&id)].as_str().unwrap()).unwrap();
    let grace = review
        .participants
        .iter()
        .find(|p| p.role == review_core::Role::Advocate)
        .unwrap();
    let cover = review.cover_arrangements[0]
        .agreement
        .as_ref()
        .and_then(|a| a.how_agreed())
        .expect("Joan agreed to the arrangement");
    assert_eq!(
        (cover.way, cover.through.as_deref()),
        (AgreedWay::Advocate, Some(grace.id.as_str()))
    );
    let role_of = |id: &str| review.participant(id).map(|p| p.role);
    let joan = review.individual().unwrap();
    let signed = review
        .sign_offs
        .iter()
        .find(|s| s.participant == joan.id)
        .and_then(|s| s.how_agreed(role_of))
        .expect("Joan signed through her advocate");
    assert_eq!(
        (signed.way, signed.through.as_deref()),
        (AgreedWay::Advocate, Some(grace.id.as_str()))
    );
    // Nobody else's way is made up.
    assert!(review
        .sign_offs
        .iter()
        .filter(|s| s.participant != joan.id)
        .all(|s| s.how_agreed(role_of).is_none()));
}
