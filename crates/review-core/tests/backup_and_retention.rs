//! Backups (a review as a file, sealed when the device has a PIN) and how
//! long signed-off reviews stay on the device.

mod common;

use common::*;
use common::{backup_time as now, device_vault as device_key};
use proptest::prelude::*;
use review_core::backup::{self, BackupError, Opened};
use review_core::retention;
use review_core::vault::Vault;

#[test]
fn a_plain_backup_opens_as_the_same_review() {
    let review = part_two_complete();
    let text = backup::plain(&review, &now());
    assert_eq!(
        backup::read(text.as_bytes()),
        Ok(Opened::Review(Box::new(review.clone())))
    );
    let name = backup::file_name(&review, &now());
    assert!(
        name.starts_with("review-together-backup-2026-11-25-"),
        "{name}"
    );
    assert!(name.ends_with(".json"));
    for p in &review.participants {
        for word in p.name.split_whitespace() {
            assert!(!name.contains(word), "{word} in {name}");
        }
    }
}

#[test]
fn a_sealed_backup_opens_with_the_devices_pin_only_and_shows_no_names() {
    let review = signed_off_review();
    let (key, record) = device_key();
    let text = backup::sealed(&review, &now(), &key, &record, [14; 12]);
    for p in &review.participants {
        assert!(!text.contains(p.name.trim()), "{} readable", p.name);
    }
    let Ok(Opened::NeedsPin(sealed)) = backup::read(text.as_bytes()) else {
        panic!("a sealed backup asks for the PIN");
    };
    assert_eq!(
        (sealed.salt.as_str(), sealed.iterations),
        (record.salt.as_str(), 600_000)
    );
    assert_eq!(backup::open_sealed(&sealed, &key), Ok(review));
    assert_eq!(
        backup::open_sealed(&sealed, &Vault::from_key([99; 32])),
        Err(BackupError::WrongPin)
    );
}

#[test]
fn other_files_are_refused_with_a_reason() {
    let review = part_one_complete();
    let good = backup::plain(&review, &now());
    let cases: Vec<(String, BackupError)> = vec![
        ("not json".into(), BackupError::NotABackup),
        ("{\"hello\":1}".into(), BackupError::NotABackup),
        (
            // Backup format 2 is this build's: 3 is newer.
            good.replace(
                "\"version\": 2,\n  \"createdAt\"",
                "\"version\": 3,\n  \"createdAt\"",
            ),
            BackupError::FromNewerVersion(3),
        ),
        (
            good.replace("\"kind\": \"review\"", "\"kind\": \"settings\""),
            BackupError::Draft(review_core::draft::DraftError::WrongKind {
                expected: "review",
                found: "settings".into(),
            }),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(backup::read(text.as_bytes()), Err(expected), "{text:.60}");
    }
    assert_eq!(
        backup::read(&vec![b' '; backup::MAX_BYTES + 1]),
        Err(BackupError::TooBig)
    );
    assert_words(
        &BackupError::WrongPin,
        "The PIN does not open this backup: use the PIN of the device it was made on",
    );
}

#[test]
fn signed_off_reviews_leave_the_device_after_the_chosen_days_drafts_never() {
    let signed = signed_off_review();
    let finalised = signed.finalised_at.unwrap();
    let due = retention::removal_due(&signed, retention::DEFAULT_DAYS).unwrap();
    assert_eq!(due, finalised + chrono::Duration::days(30));
    assert!(!retention::is_due(
        &signed,
        30,
        &(due - chrono::Duration::seconds(1))
    ));
    assert!(retention::is_due(&signed, 30, &due));
    assert!(retention::is_due(
        &signed,
        7,
        &(finalised + chrono::Duration::days(8))
    ));
    let draft_review = part_two_complete();
    assert_eq!(retention::removal_due(&draft_review, 30), None);
    assert!(!retention::is_due(
        &draft_review,
        1,
        &at("2099-01-01T00:00:00+00:00")
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Reading any file as a backup never panics.
    #[test]
    fn reading_any_file_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = backup::read(&bytes);
    }

    /// Nor does a backup with any one byte changed, and a sealed review
    /// whose sealed text changed never opens.
    #[test]
    fn a_changed_backup_never_panics(at in 0usize..4000, byte in any::<u8>()) {
        let (key, record) = device_key();
        let text = backup::sealed(&part_one_complete(), &now(), &key, &record, [1; 12]);
        let Ok(Opened::NeedsPin(original)) = backup::read(text.as_bytes()) else {
            panic!("the unchanged backup reads");
        };
        let mut bytes = text.into_bytes();
        let i = at % bytes.len();
        bytes[i] = byte;
        if let Ok(Opened::NeedsPin(sealed)) = backup::read(&bytes) {
            let opened = backup::open_sealed(&sealed, &key);
            if sealed.data != original.data {
                prop_assert!(opened.is_err());
            }
        }
    }
}
