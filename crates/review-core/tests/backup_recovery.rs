//! Backups locked with the device's recovery code (issue 18, point 2): the
//! review and its signed files sealed under a file key that only the code's
//! slot gives. Tried as `recovery.rs`'s module doc says someone holding the
//! file would: a PIN, the wrong code, a changed slot or count, a slot of
//! another kind, a PIN's salt slipped in beside the slots.

mod common;

use common::backup_time as now;
use common::*;
use review_core::backup::{self, BackupError, CodeLocked, Restore, SignedCopy};
use review_core::recovery::{DeviceRecovery, RecoveryCode, ITERATIONS, SLOT_KIND};
use review_core::summary::SigningKey;
use review_core::vault::{KdfError, Vault};
use review_core::*;
use serde_json::{json, Value};

/// The key a code gives (the app works it out with WebCrypto PBKDF2; any
/// 32 bytes stand for it here: `backup_recovery_frozen` checks the real one).
fn code_key(seed: u8) -> Vault {
    Vault::from_key([seed; 32])
}

fn device() -> DeviceRecovery {
    DeviceRecovery::new(
        &code_key(1),
        &[2; 16],
        [3; 32],
        [4; 12],
        "2026-12-03T10:00:00Z",
    )
}

fn locked_backup() -> (Review, String) {
    let review = signed_off_review();
    let summary = signed_by(&review, &SigningKey::from_seed([42; 32]), DOC, SIGNED_AT);
    let text = backup::locked_with(
        &review,
        &[SignedCopy::summary(&summary)],
        &now(),
        &device(),
        [5; 12],
    )
    .unwrap();
    (review, text)
}

fn changed(text: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    change(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

fn needs_code(text: &str) -> CodeLocked {
    match backup::restore(text.as_bytes()) {
        Ok(Restore::NeedsCode(locked)) => locked,
        other => panic!("expected a code-locked backup, found {other:?}"),
    }
}

#[test]
fn a_locked_backup_opens_with_the_code_and_holds_nothing_readable() {
    let (review, text) = locked_backup();
    let v: Value = serde_json::from_str(&text).unwrap();
    // Nothing of the review outside the seal: no draft, no signed files.
    assert!(v.get("draft").is_none() && v.get("signedFiles").is_none());
    for secret in [
        "Priya Shah",
        "Care Act advocate",
        review.id.as_str(),
        review.organisation.as_str(),
    ] {
        assert!(!secret.is_empty());
        assert!(!text.contains(secret), "{secret} readable in the backup");
    }
    // One slot, the recovery code's, with its salt, count and date.
    let slots = v["keySlots"].as_array().unwrap();
    assert_eq!(slots.len(), 1);
    assert_eq!(slots[0]["kind"], SLOT_KIND);
    assert_eq!(slots[0]["iterations"], ITERATIONS);
    assert_eq!(slots[0]["madeAt"], "2026-12-03T10:00:00Z");
    assert_eq!(
        v["sealed"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["data"]
    );
    let locked = needs_code(&text);
    assert_eq!(locked.code_made_at(), Some("2026-12-03T10:00:00Z"));
    let file_key = locked.file_key(0, &code_key(1)).unwrap();
    let restored = backup::restore_with_code(&locked, &file_key).unwrap();
    assert_eq!(restored.review, review);
    assert!(
        restored.summary.is_some(),
        "the summary comes back, checked"
    );
    assert_eq!(restored.format_version, 2);
}

/// The PIN opens nothing in the file: there is no slot for it, and a key a
/// PIN gives opens neither the slot nor the sealed data.
#[test]
fn no_slot_opens_with_the_pin_or_another_code() {
    let (_, text) = locked_backup();
    let locked = needs_code(&text);
    let (pin_key, _) = device_vault();
    assert_eq!(
        locked.file_key(0, &pin_key).err(),
        Some(BackupError::WrongCode)
    );
    assert_eq!(
        locked.file_key(0, &code_key(9)).err(),
        Some(BackupError::WrongCode)
    );
    assert_eq!(
        locked.file_key(1, &code_key(1)).err(),
        Some(BackupError::WrongCode)
    );
    assert_eq!(
        backup::restore_with_code(&locked, &pin_key).err(),
        Some(BackupError::SealDamaged)
    );
    // Every slot a parsed backup holds is a recovery-code slot.
    assert!(locked.slots.iter().all(|s| s.kind == SLOT_KIND));
    assert!(BackupError::WrongCode
        .to_string()
        .starts_with("That recovery code does not open this backup"));
}

#[test]
fn a_slot_asking_for_a_bad_count_or_salt_is_refused_before_the_code() {
    let (_, text) = locked_backup();
    for iterations in [0u64, 99_999, 10_000_001, 4_000_000_000] {
        let bad = changed(&text, |v| {
            v["keySlots"][0]["iterations"] = json!(iterations)
        });
        let refused = backup::restore(bad.as_bytes());
        assert_eq!(
            refused,
            Err(BackupError::BadCodeLock(KdfError::Iterations(
                iterations as u32
            ))),
            "{iterations}"
        );
        assert!(refused.unwrap_err().to_string().starts_with(&format!(
            "The backup's recovery-code lock cannot be used: it asks for the code to be worked through {iterations} times"
        )));
    }
    let short_salt = changed(&text, |v| v["keySlots"][0]["salt"] = json!("AAAA"));
    assert_eq!(
        backup::restore(short_salt.as_bytes()),
        Err(BackupError::BadCodeLock(KdfError::Salt))
    );
}

#[test]
fn each_attack_on_the_lock_is_refused_with_its_reason() {
    let (_, text) = locked_backup();
    let refused = |change: &dyn Fn(&mut Value)| {
        let bad = changed(&text, |v| change(v));
        backup::restore(bad.as_bytes())
    };
    // A PIN's salt and count slipped in beside the slots.
    assert_eq!(
        refused(&|v| {
            v["sealed"]["salt"] = json!("DAwMDAwMDAwMDAwMDAwMDA");
            v["sealed"]["iterations"] = json!(600_000);
        }),
        Err(BackupError::NotABackup)
    );
    // The slots taken away: a lock with no key.
    assert_eq!(
        refused(&|v| {
            v.as_object_mut().unwrap().remove("keySlots");
        }),
        Err(BackupError::NotABackup)
    );
    // Only slots of a kind this build does not know.
    assert_eq!(
        refused(&|v| v["keySlots"][0]["kind"] = json!("team-key")),
        Err(BackupError::LockedUnknownWay)
    );
    assert_eq!(
        refused(&|v| v["keySlots"] = json!([])),
        Err(BackupError::LockedUnknownWay)
    );
    // A slot with a member no build writes, or a damaged sealed key.
    assert_eq!(
        refused(&|v| v["keySlots"][0]["pin"] = json!("123456")),
        Err(BackupError::SealDamaged)
    );
    assert_eq!(
        refused(&|v| v["keySlots"][0]["key"] = json!("not sealed")),
        Err(BackupError::SealDamaged)
    );
    // Signed files outside the lock.
    assert_eq!(
        refused(&|v| v["signedFiles"] = json!([])),
        Err(BackupError::SignedFilesOutsideSeal)
    );
    // A slot of another kind beside ours is read past.
    let extra = changed(&text, |v| {
        let ours = v["keySlots"][0].clone();
        v["keySlots"] = json!([{"kind": "team-key", "anything": 1}, ours]);
    });
    let locked = needs_code(&extra);
    assert_eq!(locked.slots.len(), 1);
    assert!(locked.file_key(0, &code_key(1)).is_ok());
    // The slot's sealed key swapped for another device's: the code opens
    // nothing.
    let other = DeviceRecovery::new(&code_key(6), &[2; 16], [7; 32], [8; 12], "x");
    let swapped = changed(&text, |v| v["keySlots"][0]["key"] = json!(other.slot.key));
    assert_eq!(
        needs_code(&swapped).file_key(0, &code_key(1)).err(),
        Some(BackupError::WrongCode)
    );
    // The sealed data changed by one character (well inside the text: the
    // last one can hold bits base64 leaves unused, and then it is not even
    // well-formed).
    let data = serde_json::from_str::<Value>(&text).unwrap()["sealed"]["data"]
        .as_str()
        .unwrap()
        .to_string();
    let at = data.len() - 10;
    let was = data.as_bytes()[at];
    let flipped = format!(
        "{}{}{}",
        &data[..at],
        if was == b'A' { 'B' } else { 'A' },
        &data[at + 1..]
    );
    let damaged = changed(&text, |v| v["sealed"]["data"] = json!(flipped));
    let locked = needs_code(&damaged);
    let file_key = locked.file_key(0, &code_key(1)).unwrap();
    assert_eq!(
        backup::restore_with_code(&locked, &file_key).err(),
        Some(BackupError::SealDamaged)
    );
}

/// A code typed as it was written down gives the same secret the device
/// worked through when it made the slot.
#[test]
fn the_code_shown_is_the_code_read_back() {
    let code = RecoveryCode::from_random([200; 15]);
    let typed = code.grouped().to_lowercase().replace('-', " ");
    assert_eq!(RecoveryCode::parse(&typed).unwrap().secret(), code.secret());
}
