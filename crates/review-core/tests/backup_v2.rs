//! Backup format 2: the review with its signed files (the summary), plain or
//! sealed with the device's PIN. Every attack in `backup.rs`'s module doc is
//! tried here: each is refused with its own words, or opens only in the way
//! the doc says (read-only, or naming who signed), and the file read is never
//! changed.

mod common;

use common::amended_and_signed_again as amended_here;
use common::*;
use common::{backup_time as now, device_vault as device_key};
use proptest::prelude::*;
use review_core::backup::{self, BackupError, Restore, Restored, SignedCopy, SUMMARY};
use review_core::summary::{finalise, grouped, Finalise, SignedFile, SigningKey};
use review_core::vault::{KdfError, Vault};
use review_core::*;
use serde_json::{json, Value};

fn summary_by(review: &Review, key: &SigningKey) -> SignedFile {
    signed_by(review, key, DOC, SIGNED_AT)
}

fn summary_of(review: &Review) -> SignedFile {
    summary_by(review, &SigningKey::from_seed([42; 32]))
}

/// A signed-off review, its summary, and a plain backup of both.
fn signed_off_backup() -> (Review, SignedFile, String) {
    let review = signed_off_review();
    let summary = summary_of(&review);
    let text = backup::plain_with(&review, &[SignedCopy::summary(&summary)], &now());
    (review, summary, text)
}

fn ready(result: Result<Restore, BackupError>) -> Restored {
    match result {
        Ok(Restore::Ready(r)) => *r,
        other => panic!("expected a review, found {other:?}"),
    }
}

/// Read the backup; the bytes read are the same afterwards.
fn restore(text: &str) -> Result<Restore, BackupError> {
    let bytes = text.as_bytes().to_vec();
    let result = backup::restore(&bytes);
    assert_eq!(bytes, text.as_bytes(), "reading changed its input");
    result
}

/// The backup's JSON with one change made to it.
fn changed(text: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    change(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn a_plain_backup_carries_the_summary_byte_for_byte_and_opens_it_checked() {
    let (review, summary, text) = signed_off_backup();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 2);
    assert_eq!(
        v["signedFiles"],
        json!([{"kind": "summary", "text": summary.text}])
    );
    assert!(v.get("keySlots").is_none(), "reserved, not yet written");
    let r = ready(restore(&text));
    assert_eq!(r.review, review);
    assert_eq!(
        r.summary.as_ref(),
        Some(&summary),
        "the file as the device kept it"
    );
    assert!(!r.signed_off_without_summary());
    assert_eq!(r.format_version, 2);
    let signed = r.signed.as_ref().unwrap();
    assert_eq!(signed.kid, SigningKey::from_seed([42; 32]).fingerprint());
    assert_eq!(r.signed_files(), [SignedCopy::summary(&summary)]);
    // A backup of the restored review carries the same bytes again.
    let again = ready(restore(&backup::plain_with(
        &r.review,
        &r.signed_files(),
        &now(),
    )));
    assert_eq!(again, r);
}

/// The signed-off review and its summary in a backup sealed under the test
/// device's key: (review, summary, key, the backup's text).
fn sealed_signed_off() -> (Review, SignedFile, Vault, String) {
    let (review, summary, _) = signed_off_backup();
    let (key, record) = device_key();
    let text = backup::sealed_with(
        &review,
        &[SignedCopy::summary(&summary)],
        &now(),
        &key,
        &record,
        [14; 12],
    );
    (review, summary, key, text)
}

#[test]
fn a_sealed_backup_keeps_the_summary_inside_the_seal() {
    let (review, summary, key, text) = sealed_signed_off();
    // Nothing of the review or its summary is readable without the PIN.
    for p in &review.participants {
        assert!(!text.contains(p.name.trim()), "{} readable", p.name);
    }
    for part in [DOC, &summary.text[..40], SUMMARY] {
        assert!(!text.contains(part), "{part} readable");
    }
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut names: Vec<&String> = v.as_object().unwrap().keys().collect();
    names.sort();
    assert_eq!(names, ["createdAt", "format", "sealed", "version"]);
    let Ok(Restore::NeedsPin(sealed)) = restore(&text) else {
        panic!("a sealed backup asks for the PIN")
    };
    let r = backup::restore_sealed(&sealed, &key).unwrap();
    assert_eq!((r.review, r.summary), (review, Some(summary)));
    assert_eq!(
        backup::restore_sealed(&sealed, &Vault::from_key([99; 32])),
        Err(BackupError::WrongPin)
    );
}

/// Without its summary a signed-off review opens read-only, never to be
/// signed here: from format 2 with the summary left out, from the first
/// readers' writers, and from the last build's format 1 backup.
#[test]
fn a_signed_off_review_without_its_summary_opens_flagged_read_only() {
    let (review, _, text) = signed_off_backup();
    let left_out = changed(&text, |v| {
        v["signedFiles"] = json!([]);
    });
    let no_list = changed(&text, |v| {
        v.as_object_mut().unwrap().remove("signedFiles");
    });
    let format_1 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/backups-v1/plain-signed-off.json"),
    )
    .unwrap();
    for text in [left_out, no_list, backup::plain(&review, &now()), format_1] {
        let r = ready(restore(&text));
        assert!(r.signed_off_without_summary(), "{text:.80}");
        assert_eq!(r.summary, None);
        assert!(r.notes()[0].starts_with("The review was signed off, but the backup holds no signed summary of it: it opens read-only"));
    }
    // A review still being recorded is just that.
    let draft = ready(restore(&backup::plain(&part_two_complete(), &now())));
    assert!(!draft.signed_off_without_summary());
    assert!(draft.notes().is_empty());
}

/// Each attack on a plain backup, and the words that refuse it.
#[test]
fn each_attack_on_a_plain_backup_is_refused_with_its_reason() {
    let (review, summary, text) = signed_off_backup();
    let mut other = review.clone();
    other.id = "review-other".into();
    let other_summary = summary_of(&other).text;
    // The header of another key's signature over the same review, put in
    // front of this signature: the signature no longer holds.
    let swapped_key = {
        let jws = |text: &str| {
            let v: Value = serde_json::from_str(text).unwrap();
            v["signature"].as_str().unwrap().to_string()
        };
        let ours = jws(&summary.text);
        let theirs = jws(&summary_by(&review, &SigningKey::from_seed([7; 32])).text);
        let (their_header, _) = theirs.split_once("..").unwrap();
        let (_, our_signature) = ours.split_once("..").unwrap();
        summary
            .text
            .replace(&ours, &format!("{their_header}..{our_signature}"))
    };
    assert_ne!(swapped_key, summary.text);
    let cut = summary.text[..summary.text.len() / 2].to_string();
    let with_files = |files: Value| changed(&text, |v| v["signedFiles"] = files);
    let cases: Vec<(&str, String, BackupError, &str)> = vec![
        (
            "the review edited",
            changed(&text, |v| {
                v["draft"]["data"]["organisation"] = json!("Another council");
            }),
            BackupError::SummaryDoesNotMatch {
                differences: vec!["/organisation".into()],
                unlisted: 0,
            },
            "The review in the backup is not what its signed summary records, so it was changed after it was signed and the backup is not opened. It differs at organisation",
        ),
        (
            "a summary of another review",
            with_files(json!([{"kind": "summary", "text": other_summary}])),
            BackupError::SummaryOfAnotherReview("review-other".into()),
            "The signed summary in the backup is of another review (\"review-other\"), not of the review beside it, so the backup is not opened",
        ),
        (
            "another key in the header",
            with_files(json!([{"kind": "summary", "text": swapped_key}])),
            BackupError::SummaryNotIntact(vec![]),
            "The signed summary in the backup is damaged or was changed after it was signed, so the backup is not opened: ",
        ),
        (
            "the summary cut short",
            with_files(json!([{"kind": "summary", "text": cut}])),
            BackupError::SummaryNotIntact(vec![]),
            "The signed summary in the backup is damaged or was changed after it was signed, so the backup is not opened: The file is not valid JSON",
        ),
        (
            "two summaries",
            with_files(json!([
                {"kind": "summary", "text": summary.text},
                {"kind": "summary", "text": summary.text}
            ])),
            BackupError::MoreThanOneSummary(2),
            "The backup carries 2 signed summaries for one review, which Review Together never does, so the backup is not opened",
        ),
        (
            "the review unlocked",
            changed(&text, |v| {
                v["draft"]["data"]["state"] = json!("draft");
            }),
            BackupError::SummaryOfUnlockedReview,
            "The backup carries a signed summary, but the review beside it is not signed off, so the backup is not opened",
        ),
        (
            "a signed file that is not a kind and a text",
            with_files(json!([{"kind": "summary", "text": summary.text, "trust": true}])),
            BackupError::NotABackup,
            "The file is not a Review Together backup",
        ),
        (
            "signed files in a format 1 backup",
            changed(&text, |v| v["version"] = json!(1)),
            BackupError::NotABackup,
            "The file is not a Review Together backup",
        ),
        (
            "deeply nested",
            with_files(json!([{"kind": "addendum", "text": "x"}]))
                .replacen("\"x\"", &format!("{}1{}", "[".repeat(5000), "]".repeat(5000)), 1),
            BackupError::NotABackup,
            "The file is not a Review Together backup",
        ),
        (
            "huge",
            with_files(json!([{"kind": "addendum", "text": "x".repeat(backup::MAX_BYTES)}])),
            BackupError::TooBig,
            "The file is far bigger than any backup, so it is not one",
        ),
    ];
    for (attack, text, expected, words) in cases {
        let found = restore(&text).expect_err(attack);
        match (&found, &expected) {
            // The verifier's own reasons follow the words.
            (BackupError::SummaryNotIntact(errors), BackupError::SummaryNotIntact(_)) => {
                assert!(!errors.is_empty(), "{attack}")
            }
            _ => assert_eq!(found, expected, "{attack}"),
        }
        assert!(found.to_string().starts_with(words), "{attack}: {found}");
    }
}

/// A rating changed in the backup's JSON (the issue's own attack).
#[test]
fn a_changed_rating_refuses_the_backup_naming_the_rating() {
    let (_, _, text) = signed_off_backup();
    let edited = changed(&text, |v| {
        let reviews = v["draft"]["data"]["criterionReviews"]
            .as_object_mut()
            .unwrap();
        let rating = reviews
            .values_mut()
            .find_map(|cr| cr["ratings"].get_mut(0))
            .expect("a rating");
        let to = if rating["point"] == "very-poor" {
            "very-good"
        } else {
            "very-poor"
        };
        rating["point"] = json!(to);
    });
    let Err(BackupError::SummaryDoesNotMatch { differences, .. }) = restore(&edited) else {
        panic!("refused")
    };
    assert!(
        differences
            .iter()
            .all(|d| d.starts_with("/criteria/") && d.contains("/ratings/")),
        "{differences:?}"
    );
}

/// Someone who edits the review and signs it afresh with their own key
/// makes an intact file: it opens, saying whose key signed it, so the
/// person opening it (and the records team's key list) can tell.
#[test]
fn a_summary_re_signed_by_another_key_opens_naming_that_key() {
    let (review, _, text) = signed_off_backup();
    let mut edited = review.clone();
    edited.organisation = "Another council".into();
    let theirs = SigningKey::from_seed([7; 32]);
    let forged = summary_by(&edited, &theirs);
    let text = changed(&text, |v| {
        v["draft"]["data"]["organisation"] = json!("Another council");
        v["signedFiles"] = json!([{"kind": "summary", "text": forged.text}]);
    });
    let r = ready(restore(&text));
    let signed = r.signed.as_ref().unwrap();
    assert_eq!(signed.kid, theirs.fingerprint());
    assert_ne!(signed.kid, SigningKey::from_seed([42; 32]).fingerprint());
    assert!(
        r.notes()
            .iter()
            .any(|n| n.contains(&grouped(&theirs.fingerprint()))),
        "{:?}",
        r.notes()
    );
}

/// Order means nothing; files of kinds this build does not know are kept
/// exactly, in order, and reported.
#[test]
fn unknown_kinds_are_kept_as_they_came_and_order_does_not_matter() {
    let (review, summary, _) = signed_off_backup();
    // (An addendum was this test's example of a later kind until this
    // build came to know addenda: `tests/addendum.rs` checks those.)
    let addendum = SignedCopy {
        kind: "interpreter-statement".into(),
        text: "{\"any\": \"text\",  \"kept\": [1, 2]}".into(),
    };
    let copy = SignedCopy {
        kind: "witness-statement".into(),
        text: "not even JSON".into(),
    };
    let s = SignedCopy::summary(&summary);
    let first = ready(restore(&backup::plain_with(
        &review,
        &[addendum.clone(), s.clone(), copy.clone()],
        &now(),
    )));
    let second = ready(restore(&backup::plain_with(
        &review,
        &[s, addendum.clone(), copy.clone()],
        &now(),
    )));
    assert_eq!(first, second);
    assert_eq!(first.unknown, [addendum, copy]);
    assert_eq!(first.summary.as_ref(), Some(&summary));
    assert!(first.notes().iter().any(|n| n.starts_with(
        "The backup also holds 2 signed files of a kind this version of the app does not know (“interpreter-statement”, “witness-statement”): they are kept"
    )));
    // Whose key signed the summary, and when, in words.
    assert!(first.notes().iter().any(|n| n
        .starts_with("Its signed summary was checked: it is unchanged since it was signed on ")
        && n.contains(&review_core::summary::grouped(
            &first.signed.as_ref().unwrap().kid
        ))));
}

/// Key slots beside a plain backup lock nothing: it opens as one without.
#[test]
fn key_slots_beside_a_plain_backup_are_read_past() {
    let (review, summary, text) = signed_off_backup();
    let with_slots = changed(&text, |v| {
        v["keySlots"] = json!([{"kind": "recovery-code", "wrapped": "abc"}]);
    });
    let r = ready(restore(&with_slots));
    assert_eq!((r.review, r.summary), (review, Some(summary)));
    let not_a_list = changed(&text, |v| v["keySlots"] = json!("slot"));
    assert_eq!(restore(&not_a_list), Err(BackupError::NotABackup));
}

/// Sealed backups: what is inside is checked as in a plain one; signed
/// files outside the seal are refused; the seal binds the format.
#[test]
fn each_attack_on_a_sealed_backup_is_refused() {
    let (review, summary, _) = signed_off_backup();
    let (key, record) = device_key();
    let seal = |review: &Review, files: &[SignedCopy]| {
        backup::sealed_with(review, files, &now(), &key, &record, [14; 12])
    };
    let good = seal(&review, &[SignedCopy::summary(&summary)]);
    let outside = changed(&good, |v| {
        v["signedFiles"] = json!([{"kind": "summary", "text": summary.text}]);
    });
    assert_eq!(restore(&outside), Err(BackupError::SignedFilesOutsideSeal));
    assert!(BackupError::SignedFilesOutsideSeal
        .to_string()
        .starts_with("The backup is locked but carries signed files outside the lock"));
    // As format 1 the sealed part no longer opens.
    let as_v1 = changed(&good, |v| v["version"] = json!(1));
    let Ok(Restore::NeedsPin(sealed)) = restore(&as_v1) else {
        panic!("asks for the PIN")
    };
    assert_eq!(
        backup::restore_sealed(&sealed, &key),
        Err(BackupError::WrongPin)
    );
    // Someone who knows the PIN and seals an edited review with the summary.
    let mut edited = review.clone();
    edited.organisation = "Another council".into();
    let forged = seal(&edited, &[SignedCopy::summary(&summary)]);
    let Ok(Restore::NeedsPin(sealed)) = restore(&forged) else {
        panic!("asks for the PIN")
    };
    assert!(matches!(
        backup::restore_sealed(&sealed, &key),
        Err(BackupError::SummaryDoesNotMatch { .. })
    ));
}

/// Someone holding a sealed backup changes what the PIN is to be worked
/// through with: a count of 0, 99,999 or 4e9 (hours of work on a tablet),
/// a short salt, or a damaged locked part. Each is refused before the PIN
/// is asked for, so no key is worked out (issue 18, point 3); in both
/// formats.
#[test]
fn a_sealed_backup_asking_for_a_bad_salt_or_count_is_refused_before_the_pin() {
    let (_, _, _, good) = sealed_signed_off();
    for version in [1, 2] {
        let good = changed(&good, |v| v["version"] = json!(version));
        assert!(matches!(restore(&good), Ok(Restore::NeedsPin(_))));
        for iterations in [0u64, 99_999, 10_000_001, 4_000_000_000] {
            let bad = changed(&good, |v| v["sealed"]["iterations"] = json!(iterations));
            let refused = restore(&bad);
            assert_eq!(
                refused,
                Err(BackupError::BadLock(KdfError::Iterations(
                    iterations as u32
                ))),
                "{iterations}"
            );
            assert!(refused.unwrap_err().to_string().starts_with(&format!(
                "The backup's PIN lock cannot be used: it asks for the PIN to be worked through {iterations} times"
            )));
        }
        let short_salt = changed(&good, |v| v["sealed"]["salt"] = json!("AAAAAAAAAAA"));
        assert_eq!(
            restore(&short_salt),
            Err(BackupError::BadLock(KdfError::Salt))
        );
        let damaged = changed(&good, |v| {
            let data = v["sealed"]["data"].as_str().unwrap().replacen('.', "", 1);
            v["sealed"]["data"] = json!(data);
        });
        assert_eq!(restore(&damaged), Err(BackupError::SealDamaged));
    }
}

/// A format 1 sealed backup (the envelope's text sealed on its own) still
/// opens, as the review with no signed files.
#[test]
fn a_format_1_sealed_backup_still_opens() {
    let review = signed_off_review();
    let (key, record) = device_key();
    let data = key.seal(
        "review-together/backup",
        [3; 12],
        &review_core::draft::encode_review(&review),
    );
    let text = json!({
        "format": "review-together/backup",
        "version": 1,
        "createdAt": "2026-11-25T10:00:00+00:00",
        "sealed": {"salt": record.salt, "iterations": record.iterations, "data": data}
    })
    .to_string();
    let Ok(Restore::NeedsPin(sealed)) = restore(&text) else {
        panic!("asks for the PIN")
    };
    let r = backup::restore_sealed(&sealed, &key).unwrap();
    assert_eq!(r.review, review);
    assert_eq!(r.format_version, 1);
    assert!(r.signed_off_without_summary());
    assert_eq!(backup::open_sealed(&sealed, &key), Ok(review));
}

/// Pieces of JSON spliced into a backup.
const TOKENS: &[&str] = JSON_TOKENS;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 160,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x0b_ac_ca_02),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever is spliced into a format 2 backup, reading it never panics,
    /// and whenever it opens with a summary, that summary says exactly what
    /// the review beside it says.
    #[test]
    fn a_changed_format_2_backup_never_panics_nor_opens_unmatched(
        at in 0usize..20_000,
        cut in 0usize..8,
        token in 0usize..TOKENS.len(),
    ) {
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let text = TEXT.get_or_init(|| signed_off_backup().2);
        let mut chars: Vec<char> = text.chars().collect();
        let i = at % chars.len();
        let end = (i + cut).min(chars.len());
        chars.splice(i..end, TOKENS[token].chars());
        let changed: String = chars.into_iter().collect();
        if let Ok(Restore::Ready(r)) = backup::restore(changed.as_bytes()) {
            if let Some(s) = &r.summary {
                prop_assert!(review_core::summary::compare(s.text.as_bytes(), &r.review).matches());
            }
        }
    }

    /// Any JSON as a format 2 backup's signed files never panics.
    #[test]
    fn any_signed_files_never_panic(files in any_json(&["summary", "addendum"], "kind|text|[a-z]{1,6}")) {
        let review = part_one_complete();
        let text = changed(&backup::plain(&review, &now()), |v| v["signedFiles"] = files);
        let _ = backup::restore(text.as_bytes());
    }
}

/// An imported review is amended as any other: the new version is signed at
/// its own sign-off, names the version it amends, and links the exact bytes
/// of the summary that came in the backup (none when none came).
#[test]
fn an_imported_review_is_amended_and_the_amendment_links_the_imported_summary() {
    let (_, summary, text) = signed_off_backup();
    let r = ready(restore(&text));
    let new = amended_here(&r.review);
    let here = SigningKey::from_seed([5; 32]);
    let sign = |previous: Option<&SignedFile>| {
        finalise(
            &new,
            Finalise {
                document_id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
                app_version: "0.2.0",
                language: "en-GB",
                jwk: &here.public_jwk(),
                signed_at: &at("2026-12-01T10:00:05+00:00"),
                previous,
            },
            &here,
        )
        .unwrap()
    };
    let with_link = sign(r.summary.as_ref());
    let v = review_core::summary::verify(
        with_link.text.as_bytes(),
        &review_core::summary::VerifyOptions::default(),
    );
    let s = v.summary.expect("intact");
    let amends = s.amends.expect("it names what it amends");
    assert_eq!(amends.previous_review_id, r.review.id);
    assert_eq!(
        s.previous,
        summary.as_previous(),
        "the exact bytes that came in"
    );
    // Without the summary (a read-only import), the amendment still signs,
    // with no link to bytes this device never had.
    let without = ready(restore(&changed(&text, |v| v["signedFiles"] = json!([]))));
    assert!(without.signed_off_without_summary());
    let unlinked = sign(without.summary.as_ref());
    assert!(review_core::summary::compare(unlinked.text.as_bytes(), &new).matches());
}
