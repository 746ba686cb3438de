//! The device PIN: what is stored about it, and the sealing of every stored
//! value under the key derived from it.
//!
//! The key itself is derived by the browser (WebCrypto PBKDF2-SHA256, see
//! [`PBKDF2_ITERATIONS`]) once, at unlock; from then on every write is sealed
//! here, synchronously, so saving on `pagehide` still works: the device's
//! stored values with ChaCha20-Poly1305 ([`Vault::seal_stored`], the
//! `rt-sealed-v2:` form; RustCrypto's `chacha20poly1305`, about three times
//! quicker than AES-GCM in wasm, which has no AES instructions: it keeps the
//! autosave of a large review within its 10 ms at 4× slower CPU), under a key
//! HKDF-SHA256 derives from the PIN's key; everything else (the PIN's own
//! check, a key sealed under another, the backups' locks) with AES-256-GCM
//! (the `aes-gcm` crate, the `rt-sealed-v1:` form), as earlier builds sealed
//! the device's values too, which still open. Pure: the caller passes the
//! derived key and a fresh random nonce for every seal.
//!
//! What this protects against: someone who picks up the tablet and opens the
//! app or the browser's storage viewer. What it does not: someone who copies
//! the browser profile and tries every PIN (a 6-digit PIN has a million
//! values; PBKDF2 slows each guess, it does not make guessing impossible), or
//! anything running in the page while it is unlocked.

use crate::summary::{b64, b64_decode};
use crate::tr;
use aes_gcm::aead::consts::U12;
use aes_gcm::aead::{Aead, AeadCore, KeyInit, Nonce, Payload};
use aes_gcm::Aes256Gcm;
use chacha20poly1305::ChaCha20Poly1305;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The fewest digits a PIN may have.
pub const PIN_MIN_DIGITS: usize = 6;
/// The most digits a PIN may have (it has to be typed on a tablet).
pub const PIN_MAX_DIGITS: usize = 12;
/// PBKDF2-SHA256 iterations for a new PIN (OWASP's 2023 advice for SHA-256).
/// The count is stored with the salt, so a later build can raise it.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Bytes of random salt per device.
pub const SALT_BYTES: usize = 16;
/// The fewest PBKDF2 iterations a PIN record or a backup may ask for: fewer
/// would make guessing a PIN from a copied file cheap.
pub const MIN_ITERATIONS: u32 = 100_000;
/// The most a PIN record or a backup may ask for: a file asking for more
/// (up to ~4.3e9) would keep the tablet busy for hours before saying no.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Bytes of an AES-GCM nonce.
const NONCE_BYTES: usize = 12;

/// Why what a PIN record or a backup asks the key to be worked out with is
/// refused, before any key is worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KdfError {
    /// The PBKDF2 iteration count, outside [`MIN_ITERATIONS`]..=[`MAX_ITERATIONS`].
    Iterations(u32),
    /// The salt is not [`SALT_BYTES`] bytes of base64url.
    Salt,
}

impl fmt::Display for KdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KdfError::Iterations(n) => f.write_str(&tr!("it asks for the PIN to be worked through {n} times, and this app accepts only 100,000 to 10,000,000", n = n)),
            KdfError::Salt => f.write_str(&tr!("its salt is not {salt_bytes} bytes", salt_bytes = SALT_BYTES)),
        }
    }
}

/// Check the salt and iteration count a key is to be worked out with (from
/// a PIN record or a sealed backup, both of which anyone holding the device
/// or the file can change), and give the salt's bytes.
pub fn derivation_salt(salt: &str, iterations: u32) -> Result<Vec<u8>, KdfError> {
    let bytes = b64_decode(salt).unwrap_or_default();
    check_derivation(&bytes, iterations)?;
    Ok(bytes)
}

/// The same check on the salt's bytes: the last one before a key is
/// worked out (the app's PBKDF2 runs only when it passes).
pub fn check_derivation(salt: &[u8], iterations: u32) -> Result<(), KdfError> {
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
        return Err(KdfError::Iterations(iterations));
    }
    if salt.len() != SALT_BYTES {
        return Err(KdfError::Salt);
    }
    Ok(())
}

/// What [`Vault::seal`] gives starts with this (files' locks, the PIN's
/// check, and every value earlier builds stored under a PIN); a device value
/// that starts with neither this nor [`STORED_PREFIX`] is plain text (written
/// before a PIN was set, or a value that is never sealed).
const SEALED_PREFIX: &str = "rt-sealed-v1:";
/// A value of the device's storage sealed by [`Vault::seal_stored`] starts
/// with this.
const STORED_PREFIX: &str = "rt-sealed-v2:";
/// The HKDF label of the key [`Vault::seal_stored`] seals with.
pub const STORED_SEAL: &str = "review-together/device-storage-seal";
/// What the vault record seals to let a PIN be checked.
const CHECK_TEXT: &str = "review-together/pin-check";

/// Why a PIN was not accepted as a new PIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PinError {
    NotDigits,
    TooShort,
    TooLong,
    Mismatch,
}

impl fmt::Display for PinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinError::NotDigits => f.write_str(&tr!("The PIN must be numbers only")),
            PinError::TooShort => f.write_str(&tr!(
                "The PIN must be at least {pin_min_digits} numbers",
                pin_min_digits = PIN_MIN_DIGITS
            )),
            PinError::TooLong => f.write_str(&tr!(
                "The PIN must be {pin_max_digits} numbers or fewer",
                pin_max_digits = PIN_MAX_DIGITS
            )),
            PinError::Mismatch => {
                f.write_str(&tr!("The two PINs are different: enter the same PIN twice"))
            }
        }
    }
}

/// Check a new PIN and its confirmation.
pub fn check_new_pin(pin: &str, again: &str) -> Result<(), PinError> {
    if pin.is_empty() || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    if pin.len() < PIN_MIN_DIGITS {
        return Err(PinError::TooShort);
    }
    if pin.len() > PIN_MAX_DIGITS {
        return Err(PinError::TooLong);
    }
    if pin != again {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

/// Why a sealed value could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultError {
    /// Not in the sealed form at all.
    NotSealed,
    /// Sealed, but damaged, or sealed under another key or for another place.
    WrongKeyOrDamaged,
    /// The vault record itself cannot be read.
    BadRecord(String),
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VaultError::NotSealed => f.write_str(&tr!("it is not locked with a PIN")),
            VaultError::WrongKeyOrDamaged => f.write_str(&tr!(
                "it was locked with a different PIN or device, or it is damaged"
            )),
            VaultError::BadRecord(why) => {
                f.write_str(&tr!("the PIN record is damaged ({why})", why = why))
            }
        }
    }
}

impl std::error::Error for VaultError {}

/// What the device keeps about its PIN, in plain text: everything needed to
/// derive the key again and to check a PIN, nothing that reveals it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VaultRecord {
    pub version: u32,
    /// base64url, [`SALT_BYTES`] random bytes.
    pub salt: String,
    pub iterations: u32,
    /// [`CHECK_TEXT`] sealed under the key: opening it proves the PIN.
    pub check: String,
    /// Wrong PINs in a row. Kept in the record itself: removing it removes
    /// the PIN's salt too, and with it every way into the device's data.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub failures: u32,
    /// How much of the wait after wrong PINs is left, in time the lock
    /// screen was open (see [`VaultRecord::waited`]), not by the clock.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub wait_left_ms: u64,
    /// When the wait was last counted down, by the device's clock (only to
    /// stop several tabs counting the same second twice).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub counted_at_ms: i64,
}

fn is_zero<T: Default + PartialEq>(n: &T) -> bool {
    *n == T::default()
}

impl VaultRecord {
    /// The record for a new PIN whose derived key is `key`.
    pub fn new(key: &Vault, salt: &[u8], iterations: u32, nonce: [u8; 12]) -> VaultRecord {
        VaultRecord {
            version: 1,
            salt: b64(salt),
            iterations,
            check: key.seal(CHECK_TEXT, nonce, CHECK_TEXT),
            failures: 0,
            wait_left_ms: 0,
            counted_at_ms: 0,
        }
    }

    /// Milliseconds of waiting left before a PIN may be tried.
    pub fn wait_ms(&self) -> u64 {
        self.wait_left_ms
    }

    /// One more wrong PIN at `now_ms`: the wait starts again, longer.
    pub fn failed(&self, now_ms: i64) -> VaultRecord {
        let failures = self.failures.saturating_add(1);
        VaultRecord {
            failures,
            wait_left_ms: (wait_after(failures).as_millis() as u64).max(self.wait_left_ms),
            counted_at_ms: now_ms,
            ..self.clone()
        }
    }

    /// The right PIN: no more waiting.
    pub fn succeeded(&self) -> VaultRecord {
        VaultRecord {
            failures: 0,
            wait_left_ms: 0,
            counted_at_ms: 0,
            ..self.clone()
        }
    }

    /// Count the wait down by the time a lock screen was open: `open_ms`
    /// as that page measured it (a clock that cannot be set), but never
    /// more than the device's clock says passed since the wait was last
    /// counted (`now_ms`), so several tabs do not count one second each.
    /// A clock set back counts nothing this time and starts again from now.
    pub fn waited(&self, open_ms: u64, now_ms: i64) -> VaultRecord {
        if self.wait_left_ms == 0 {
            return self.clone();
        }
        let by_clock = now_ms.saturating_sub(self.counted_at_ms);
        let counted = if by_clock < 0 {
            0
        } else {
            open_ms.min(by_clock as u64)
        };
        VaultRecord {
            wait_left_ms: self.wait_left_ms.saturating_sub(counted),
            counted_at_ms: now_ms,
            ..self.clone()
        }
    }

    /// Take in the wrong PINs counted by an earlier build beside the record
    /// (`review-together/pin-attempts`), so an update does not end a wait.
    pub fn with_earlier_attempts(&self, earlier: &PinAttempts, now_ms: i64) -> VaultRecord {
        let left = earlier.wait_ms(now_ms).max(0) as u64;
        let left = left.min(wait_after(earlier.failures).as_millis() as u64);
        VaultRecord {
            failures: self.failures.max(earlier.failures),
            wait_left_ms: self.wait_left_ms.max(left),
            counted_at_ms: if left > self.wait_left_ms {
                now_ms
            } else {
                self.counted_at_ms
            },
            ..self.clone()
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(text: &str) -> Result<VaultRecord, VaultError> {
        let record: VaultRecord =
            serde_json::from_str(text).map_err(|e| VaultError::BadRecord(e.to_string()))?;
        if record.version != 1 {
            return Err(VaultError::BadRecord(tr!(
                "version {version} is not one this app reads",
                version = record.version
            )));
        }
        record.salt_bytes()?;
        if !is_sealed(&record.check) || parts(&record.check).is_none() {
            return Err(VaultError::BadRecord(tr!(
                "its check is not a sealed value"
            )));
        }
        Ok(record)
    }

    /// The salt, once the salt and the iteration count are checked
    /// ([`derivation_salt`]): no key is worked out from a record that fails.
    pub fn salt_bytes(&self) -> Result<Vec<u8>, VaultError> {
        derivation_salt(&self.salt, self.iterations)
            .map_err(|e| VaultError::BadRecord(e.to_string()))
    }

    /// Whether `key` (derived from a PIN someone typed) is the right one.
    pub fn accepts(&self, key: &Vault) -> bool {
        key.open(CHECK_TEXT, &self.check).as_deref() == Ok(CHECK_TEXT)
    }
}

/// The key derived from the PIN, ready to seal and open.
#[derive(Clone)]
pub struct Vault(Aes256Gcm, [u8; 32], ChaCha20Poly1305);

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Vault(…)")
    }
}

impl Vault {
    pub fn from_key(key: [u8; 32]) -> Vault {
        let stored = hkdf_of(&key, STORED_SEAL);
        Vault(
            Aes256Gcm::new(&key.into()),
            key,
            ChaCha20Poly1305::new(&stored.into()),
        )
    }

    /// The 32 bytes of the key that wraps the device's signing key while
    /// this PIN is the device's (the app imports them into WebCrypto as a
    /// non-extractable AES-GCM key): HKDF-SHA256 of this key, with no salt
    /// and the label [`SIGNING_KEY_WRAP`]. A new PIN gives a new key, so
    /// the signing key is wrapped again when the PIN changes.
    pub fn signing_key_wrap(&self) -> [u8; 32] {
        hkdf_of(&self.1, SIGNING_KEY_WRAP)
    }

    /// `other`'s key sealed under this one (for a PIN change: see
    /// [`PinChange`]).
    fn seal_key(&self, other: &Vault, nonce: [u8; 12]) -> String {
        self.seal(KEY_PLACE, nonce, &b64(&other.1))
    }

    /// The key [`Vault::seal_key`] sealed under this one.
    fn open_key(&self, sealed: &str) -> Result<Vault, VaultError> {
        let text = self.open(KEY_PLACE, sealed)?;
        let bytes: [u8; 32] = b64_decode(&text)
            .and_then(|b| b.try_into().ok())
            .ok_or(VaultError::WrongKeyOrDamaged)?;
        Ok(Vault::from_key(bytes))
    }

    /// Seal `plaintext` to be stored under `place` (the storage key, bound in
    /// as associated data so a sealed value cannot be moved to another key).
    /// `nonce` must be fresh random bytes for every call.
    pub fn seal(&self, place: &str, nonce: [u8; 12], plaintext: &str) -> String {
        seal_with(&self.0, SEALED_PREFIX, place, nonce, plaintext)
    }

    /// Seal a value to be stored on the device under the key `place` (bound
    /// in as associated data), in the `rt-sealed-v2:` form: ChaCha20-Poly1305
    /// under the key HKDF-SHA256 derives from this one with [`STORED_SEAL`].
    /// `nonce` must be fresh random bytes for every call (96 random bits, as
    /// for AES-GCM: far more values than a tablet ever writes).
    pub fn seal_stored(&self, place: &str, nonce: [u8; 12], plaintext: &str) -> String {
        seal_with(&self.2, STORED_PREFIX, place, nonce, plaintext)
    }

    /// Open a value of the device's storage kept under the key `place`:
    /// sealed by [`Vault::seal_stored`], or by [`Vault::seal`] (as builds
    /// before the `rt-sealed-v2:` form sealed every value).
    pub fn open_stored(&self, place: &str, stored: &str) -> Result<String, VaultError> {
        let Some(rest) = stored.strip_prefix(STORED_PREFIX) else {
            return self.open(place, stored);
        };
        let (nonce, data) = nonce_and_data(rest).ok_or(VaultError::WrongKeyOrDamaged)?;
        open_with(&self.2, place, &nonce, &data)
    }

    /// Open what [`Vault::seal`] sealed for `place`.
    pub fn open(&self, place: &str, stored: &str) -> Result<String, VaultError> {
        if !is_sealed(stored) {
            return Err(VaultError::NotSealed);
        }
        let (nonce, data) = parts(stored).ok_or(VaultError::WrongKeyOrDamaged)?;
        open_with(&self.0, place, &nonce, &data)
    }
}

/// The HKDF label of [`Vault::signing_key_wrap`].
pub const SIGNING_KEY_WRAP: &str = "review-together/signing-key-wrap";

/// Where a key sealed under another is bound to (see [`PinChange`]).
const KEY_PLACE: &str = "review-together/pin-change/key";

/// A PIN change under way, stored (plain) beside the PIN record until every
/// sealed value is sealed again under the new key: the new record, and each
/// key sealed under the other. If the page closes half way, either PIN
/// opens both keys, and the change is finished then: nothing sealed under
/// either key is ever out of reach.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PinChange {
    pub next: VaultRecord,
    old_key_under_new: String,
    new_key_under_old: String,
}

impl PinChange {
    /// A change from the key `old` (of the current record) to `new`, whose
    /// record is `next`. `nonces`: two fresh random nonces.
    pub fn new(old: &Vault, new: &Vault, next: VaultRecord, nonces: [[u8; 12]; 2]) -> PinChange {
        PinChange {
            next,
            old_key_under_new: new.seal_key(old, nonces[0]),
            new_key_under_old: old.seal_key(new, nonces[1]),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(text: &str) -> Result<PinChange, VaultError> {
        let change: PinChange =
            serde_json::from_str(text).map_err(|e| VaultError::BadRecord(e.to_string()))?;
        change.next.salt_bytes()?;
        Ok(change)
    }

    /// Given the key of the current record, both keys: (old, new).
    pub fn keys_from_old(&self, old: &Vault) -> Result<(Vault, Vault), VaultError> {
        Ok((old.clone(), old.open_key(&self.new_key_under_old)?))
    }

    /// Given the key of the new record, both keys: (old, new).
    pub fn keys_from_new(&self, new: &Vault) -> Result<(Vault, Vault), VaultError> {
        Ok((new.open_key(&self.old_key_under_new)?, new.clone()))
    }
}

/// Whether a value of the device's storage is sealed (in either form:
/// [`Vault::seal`]'s or [`Vault::seal_stored`]'s).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_PREFIX) || stored.starts_with(STORED_PREFIX)
}

/// Whether a sealed value has the form [`Vault::seal`] gives, which files
/// carry: the prefix, a nonce of the right length and data, each base64url
/// (so a damaged file is refused before anyone is asked for a PIN).
pub fn is_well_formed(stored: &str) -> bool {
    parts(stored).is_some()
}

/// A sealed value's nonce and data.
fn parts(stored: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    nonce_and_data(stored.strip_prefix(SEALED_PREFIX)?)
}

/// `<nonce>.<data>`, each base64url, the nonce of [`NONCE_BYTES`].
fn nonce_and_data(text: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let (nonce, data) = text.split_once('.')?;
    let nonce = b64_decode(nonce).filter(|n| n.len() == NONCE_BYTES)?;
    Some((nonce, b64_decode(data)?))
}

/// `plaintext` sealed with `cipher` for `place` (its associated data), as
/// `<prefix><nonce>.<ciphertext and tag>`, each base64url.
fn seal_with<C: Aead + AeadCore<NonceSize = U12>>(
    cipher: &C,
    prefix: &str,
    place: &str,
    nonce: [u8; 12],
    plaintext: &str,
) -> String {
    let sealed = cipher
        .encrypt(
            Nonce::<C>::from_slice(&nonce),
            Payload {
                msg: plaintext.as_bytes(),
                aad: place.as_bytes(),
            },
        )
        // Neither cipher fails for a message under 64 GiB.
        .unwrap_or_default();
    format!("{prefix}{}.{}", b64(&nonce), b64(&sealed))
}

/// What [`seal_with`] sealed with `cipher` for `place`, from its nonce and data.
fn open_with<C: Aead + AeadCore<NonceSize = U12>>(
    cipher: &C,
    place: &str,
    nonce: &[u8],
    data: &[u8],
) -> Result<String, VaultError> {
    let plain = cipher
        .decrypt(
            Nonce::<C>::from_slice(nonce),
            Payload {
                msg: data,
                aad: place.as_bytes(),
            },
        )
        .map_err(|_| VaultError::WrongKeyOrDamaged)?;
    String::from_utf8(plain).map_err(|_| VaultError::WrongKeyOrDamaged)
}

/// HKDF-SHA256 of `key`, with no salt, for `label`: 32 bytes.
fn hkdf_of(key: &[u8; 32], label: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    // 32 bytes is well under HKDF-SHA256's limit of 8160: it cannot fail.
    let _ = hkdf::Hkdf::<sha2::Sha256>::new(None, key).expand(label.as_bytes(), &mut out);
    out
}

/// After `failures` wrong PINs in a row, how long before the next try:
/// three tries free, then 30 seconds doubling to at most 15 minutes.
pub fn wait_after(failures: u32) -> std::time::Duration {
    const FREE: u32 = 3;
    if failures < FREE {
        return std::time::Duration::ZERO;
    }
    let doublings = (failures - FREE).min(5);
    std::time::Duration::from_secs(30 << doublings).min(std::time::Duration::from_secs(15 * 60))
}

/// Wrong PINs so far, as an earlier build kept them beside the PIN record
/// (read once, then kept in the record: see
/// [`VaultRecord::with_earlier_attempts`]).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PinAttempts {
    pub failures: u32,
    /// Milliseconds since 1970 before which no PIN is tried.
    pub not_before_ms: i64,
}

impl PinAttempts {
    /// Read the stored attempts; anything unreadable counts as a lock-out
    /// for the longest wait from now (tampering must not reset the count).
    pub fn decode(text: &str, now_ms: i64) -> PinAttempts {
        serde_json::from_str(text).unwrap_or(PinAttempts {
            failures: 8,
            not_before_ms: now_ms + wait_after(8).as_millis() as i64,
        })
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// One more wrong PIN at `now_ms`.
    pub fn failed(self, now_ms: i64) -> PinAttempts {
        let failures = self.failures.saturating_add(1);
        PinAttempts {
            failures,
            not_before_ms: now_ms + wait_after(failures).as_millis() as i64,
        }
    }

    /// Milliseconds still to wait at `now_ms` (0 when a PIN may be tried).
    pub fn wait_ms(&self, now_ms: i64) -> i64 {
        (self.not_before_ms - now_ms).max(0)
    }
}
