//! The format 2 backups this build made, frozen (`tests/fixtures/backups-v2`,
//! pinned in `FROZEN.sha256`): every later build must open them, plain and
//! PIN-sealed, with the signed summary they carry checked. They were written
//! once, by `UPDATE_FIXTURES=1 cargo test -p review-core --test
//! backup_v2_frozen` (which never overwrites a file that exists).

mod common;

use common::*;
use review_core::backup::{self, BackupError, Restore, SignedCopy};
use review_core::recovery::{self, DeviceRecovery, RecoveryCode};
use review_core::summary::{compare, SigningKey};
use review_core::vault::{KdfError, Vault, VaultRecord};
use review_core::ReviewState;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// The PIN of the device that sealed `sealed-signed-off.json`.
const PIN: &str = "482913";
/// `sealed-signed-off.json` was written with few iterations, so the native
/// test could derive its key quickly. No app build ever wrote so few, and
/// since issue 18 a lock asking for fewer than 100,000 is refused before
/// any key is worked out: that file now stands for such a lock.
const ITERATIONS: u32 = 1_000;
const SALT: [u8; 16] = [0x5a; 16];
/// `sealed-600000-signed-off.json`: the app's own count
/// (`vault::PBKDF2_ITERATIONS`), opened with its PIN in the browser
/// (`tests/e2e/specs/formats.spec.js`), where WebCrypto derives it quickly.
const APP_ITERATIONS: u32 = 600_000;
const APP_SALT: [u8; 16] = [0x5b; 16];
const DOC: &str = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
/// `code-locked-signed-off.json` (issue 18, point 2): locked with the
/// recovery code these bytes make, as the app writes every backup since.
const CODE_BYTES: [u8; 15] = [0x5c; 15];
const CODE_SALT: [u8; 16] = [0x5d; 16];

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/backups-v2")
        .join(name)
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..key.len()].copy_from_slice(key);
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// PBKDF2-HMAC-SHA256 for one 32-byte block (RFC 8018), as the app's
/// WebCrypto `deriveBits(…, 256)` does it.
fn pbkdf2(pin: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut first = salt.to_vec();
    first.extend_from_slice(&1u32.to_be_bytes());
    let mut u = hmac_sha256(pin.as_bytes(), &first);
    let mut out = u;
    for _ in 1..iterations {
        u = hmac_sha256(pin.as_bytes(), &u);
        out.iter_mut().zip(u).for_each(|(o, b)| *o ^= b);
    }
    out
}

/// RFC 6070's PBKDF2-HMAC-SHA1 vectors have SHA-256 twins (RFC 7914 §11).
#[test]
fn the_pin_derivation_used_here_is_pbkdf2_sha256() {
    let key = pbkdf2("passwd", b"salt", 1);
    assert_eq!(
        key.iter().map(|b| format!("{b:02x}")).collect::<String>(),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
}

/// Write the fixtures with this build's writers, once.
fn make_if_asked() {
    if std::env::var_os("UPDATE_FIXTURES").is_none() {
        return;
    }
    let review = signed_off_review();
    let key = SigningKey::from_seed([42; 32]);
    let summary = signed_by(&review, &key, DOC, SIGNED_AT);
    let files = [SignedCopy::summary(&summary)];
    let now = backup_time();
    let sealed = |iterations: u32, salt: &[u8; 16], nonce: u8| {
        let vault = Vault::from_key(pbkdf2(PIN, salt, iterations));
        let record = VaultRecord::new(&vault, salt, iterations, [nonce; 12]);
        backup::sealed_with(&review, &files, &now, &vault, &record, [nonce + 1; 12])
    };
    for (name, text) in [
        (
            "plain-signed-off.json",
            Some(backup::plain_with(&review, &files, &now)),
        ),
        ("sealed-signed-off.json", None),
        ("sealed-600000-signed-off.json", None),
        ("code-locked-signed-off.json", None),
    ] {
        if !path(name).exists() {
            let text = text.unwrap_or_else(|| match name {
                "sealed-signed-off.json" => sealed(ITERATIONS, &SALT, 0x21),
                "code-locked-signed-off.json" => {
                    let code = RecoveryCode::from_random(CODE_BYTES);
                    let code_key =
                        Vault::from_key(pbkdf2(code.secret(), &CODE_SALT, recovery::ITERATIONS));
                    let device = DeviceRecovery::new(
                        &code_key,
                        &CODE_SALT,
                        [0x5e; 32],
                        [0x25; 12],
                        "2026-12-03T10:00:00Z",
                    );
                    backup::locked_with(&review, &files, &now, &device, [0x26; 12]).unwrap()
                }
                _ => sealed(APP_ITERATIONS, &APP_SALT, 0x23),
            });
            std::fs::write(path(name), text).unwrap();
        }
    }
}

#[test]
fn the_format_2_backups_this_build_made_open_with_their_summary_checked() {
    make_if_asked();
    let plain = std::fs::read(path("plain-signed-off.json")).unwrap();
    let Ok(Restore::Ready(r)) = backup::restore(&plain) else {
        panic!("the plain format 2 backup opens")
    };
    assert_eq!(r.format_version, 2);
    assert_eq!(r.review.state, ReviewState::SignedOff);
    let summary = r.summary.clone().expect("it carries its summary");
    assert_eq!(summary.document_id, DOC);
    assert!(compare(summary.text.as_bytes(), &r.review).matches());
    assert!(!r.signed_off_without_summary());

    // The app's count: accepted, and the PIN is asked for (the browser
    // test opens it with the PIN). Nothing in it is readable.
    let app_text = std::fs::read(path("sealed-600000-signed-off.json")).unwrap();
    let Ok(Restore::NeedsPin(sealed)) = backup::restore(&app_text) else {
        panic!("the sealed format 2 backup asks for its PIN")
    };
    assert_eq!(sealed.iterations, APP_ITERATIONS);
    assert_eq!(sealed.salt_bytes(), Ok(APP_SALT.to_vec()));
    let text = String::from_utf8(app_text).unwrap();
    assert!(
        !text.contains("Ayesha") && !text.contains(DOC),
        "nothing readable"
    );

    // Locked with a recovery code: the code, worked through with real
    // PBKDF2 as the browser does, opens it; the PIN of the other fixtures
    // does not; nothing is readable.
    let code_text = std::fs::read(path("code-locked-signed-off.json")).unwrap();
    let Ok(Restore::NeedsCode(locked)) = backup::restore(&code_text) else {
        panic!("the code-locked backup asks for its recovery code")
    };
    let code = RecoveryCode::parse(&RecoveryCode::from_random(CODE_BYTES).grouped()).unwrap();
    let slot = &locked.slots[0];
    let derive = |secret: &str| {
        Vault::from_key(pbkdf2(secret, &slot.salt_bytes().unwrap(), slot.iterations))
    };
    let file_key = locked.file_key(0, &derive(code.secret())).unwrap();
    let r = backup::restore_with_code(&locked, &file_key).unwrap();
    assert_eq!(r.summary.map(|s| s.document_id), Some(DOC.to_string()));
    assert_eq!(
        locked.file_key(0, &derive(PIN)).err(),
        Some(BackupError::WrongCode)
    );
    let text = String::from_utf8(code_text).unwrap();
    assert!(
        !text.contains("Ayesha") && !text.contains(DOC),
        "nothing readable"
    );

    // The file sealed with 1,000 rounds: its lock is now refused, before
    // any PIN is asked for or any key worked out.
    let weak_text = std::fs::read(path("sealed-signed-off.json")).unwrap();
    assert_eq!(
        backup::restore(&weak_text),
        Err(BackupError::BadLock(KdfError::Iterations(ITERATIONS)))
    );
}

/// Every file in the folder is pinned, so none escapes the frozen check.
#[test]
fn every_format_2_backup_fixture_is_pinned() {
    let sums = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/FROZEN.sha256"),
    )
    .unwrap();
    let mut pinned = 0;
    for entry in std::fs::read_dir(path("")).unwrap() {
        let name = format!(
            "backups-v2/{}",
            entry.unwrap().file_name().to_string_lossy()
        );
        assert!(
            sums.contains(&format!("  {name}\n")),
            "{name} is not in FROZEN.sha256"
        );
        pinned += 1;
    }
    assert_eq!(pinned, 4);
}
