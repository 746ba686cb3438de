//! This device's signing key, and the signed summary of each signed-off
//! review. The rules live in `review_core::summary`; this file supplies the
//! storage, the clock and the randomness.

use crate::browser::{clock, storage};
use review_core::backup::SignedCopy;
use review_core::summary::{
    self, decode_stored_key, device_key, encode_stored_key, DeviceKeyError, Finalise, KeyStore,
    SignedFile, SigningKey,
};
use review_core::{Review, Timestamp};
use std::cell::RefCell;
use std::collections::HashMap;

/// The language the app's summaries are written in.
pub const LANGUAGE: &str = "en-GB";

struct DeviceStore;

impl KeyStore for DeviceStore {
    type Error = storage::StorageError;
    fn load(&self) -> Result<Option<String>, Self::Error> {
        storage::load_signing_key()
    }
    fn save(&mut self, stored: &str) -> Result<(), Self::Error> {
        storage::save_signing_key(stored)
    }
}

/// 32 random bytes from the browser's `crypto.getRandomValues`.
fn random_seed() -> [u8; 32] {
    let mut seed = [0u8; 32];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut seed).ok())
        .expect("this browser offers crypto.getRandomValues");
    seed
}

/// The device's key as it stands, without making one.
pub enum KeyState {
    /// No key yet: one is made when the first review is started.
    None,
    Ready(Box<SigningKey>),
    /// Something is stored but cannot be read. It is left as it is.
    Unreadable(String),
    /// The device's storage cannot be used.
    Unavailable(String),
}

pub fn key_state() -> KeyState {
    match storage::load_signing_key() {
        Ok(None) => KeyState::None,
        Ok(Some(text)) => match decode_stored_key(&text) {
            Ok(key) => KeyState::Ready(Box::new(key)),
            Err(e) => KeyState::Unreadable(e.to_string()),
        },
        Err(e) => KeyState::Unavailable(e.to_string()),
    }
}

/// The device's key, made and stored on first use.
pub fn key_or_make() -> Result<SigningKey, String> {
    device_key(&mut DeviceStore, random_seed).map_err(|e| match e {
        DeviceKeyError::Store(e) => format!("this device's signing key could not be kept: {e}"),
        DeviceKeyError::Unreadable(e) => format!(
            "this device's signing key cannot be read ({e}); see “This device’s signing key” in Device settings"
        ),
    })
}

/// Put an unreadable key aside (kept, never deleted) and make a new one.
pub fn replace_unreadable_key() -> Result<SigningKey, String> {
    if let Ok(Some(old)) = storage::load_signing_key() {
        if decode_stored_key(&old).is_ok() {
            return Err("this device's signing key can be read, so it is not replaced".into());
        }
        storage::keep_aside("signing-key", &old)
            .map_err(|e| format!("the unreadable key could not be kept aside: {e}"))?;
    }
    let key = SigningKey::from_seed(random_seed());
    storage::save_signing_key(&encode_stored_key(&key))
        .map_err(|e| format!("the new key could not be kept: {e}"))?;
    Ok(key)
}

thread_local! {
    /// Summaries signed while the device's storage refused them: they stay
    /// here, so every download in this session gives the same bytes.
    static NOT_KEPT: RefCell<HashMap<String, SignedFile>> = RefCell::new(HashMap::new());
}

/// A signed-off review's summary, and whether the device keeps it.
pub struct Made {
    pub file: SignedFile,
    /// Why the device could not keep it, when it could not.
    pub not_kept: Option<String>,
}

/// The signed summary this device keeps for a signed-off review (`None`
/// when it has none: the review was not signed off here). It never signs:
/// only [`sign_at_sign_off`] does.
pub fn stored_summary(review: &Review) -> Result<Option<Made>, String> {
    if let Some(file) = NOT_KEPT.with(|m| m.borrow().get(&review.id).cloned()) {
        let not_kept = Some("the device's storage refused it".to_string());
        return Ok(Some(Made { file, not_kept }));
    }
    match storage::load_summary(&review.id) {
        Ok(found) => Ok(found.map(|file| Made {
            file,
            not_kept: None,
        })),
        Err(u) => Err(format!(
            "the summary kept on this device cannot be read because {}. It has been left as it is",
            u.error
        )),
    }
}

/// Sign the summary of a review the worker's sign-off is locking at `now`
/// (this device's clock), with this device's key, and keep it. Called only from the live
/// sign-off (`state::ReviewContext::sign_off`), before the locked review is
/// stored: when it fails, the sign-off does not happen. A summary already
/// kept for the review (from a sign-off whose lock was never stored, since
/// the review is not locked) may have left the device: it is kept aside,
/// never overwritten, and the review signed as it is now.
pub fn sign_at_sign_off(review: &Review, now: Timestamp) -> Result<Made, String> {
    let key = key_or_make()?;
    if let Some(earlier) = storage::raw(&review_core::draft::summary_key(&review.id)) {
        let aside = format!("earlier-summary/{}/{}", review.id, clock::new_id());
        storage::keep_aside(&aside, &earlier)
            .map_err(|e| format!("an earlier summary of it could not be kept aside: {e}"))?;
    }
    let previous = review
        .amends
        .as_ref()
        .and_then(|a| storage::load_summary(&a.previous_id).ok().flatten());
    let signed_at = now;
    let document_id = clock::new_id();
    let file = summary::finalise(
        review,
        Finalise {
            document_id: &document_id,
            app_version: env!("CARGO_PKG_VERSION"),
            language: LANGUAGE,
            jwk: &key.public_jwk(),
            signed_at: &signed_at,
            previous: previous.as_ref(),
        },
        &key,
    )
    .map_err(|e| format!("the summary could not be signed: {e}"))?;
    let not_kept = storage::save_summary(&file).err().map(|e| e.to_string());
    if not_kept.is_some() {
        NOT_KEPT.with(|m| m.borrow_mut().insert(review.id.clone(), file.clone()));
    }
    Ok(Made { file, not_kept })
}

/// A backup of `review` as it is now, with its signed files (its summary
/// byte for byte, and files of kinds this build does not know as they came),
/// locked with the device's recovery code (`recovery`, the device's as
/// `browser::recovery::current` gives it). (file name, text).
pub fn backup_file(
    review: &Review,
    recovery: &review_core::recovery::DeviceRecovery,
) -> Result<(String, String), String> {
    let now = clock::now();
    let mut signed: Vec<SignedCopy> = match stored_summary(review) {
        Ok(Some(made)) => vec![SignedCopy::summary(&made.file)],
        _ => Vec::new(),
    };
    signed.extend(storage::other_signed_files(&review.id));
    let text = review_core::backup::locked_with(
        review,
        &signed,
        &now,
        recovery,
        crate::browser::pin::random::<12>(),
    )
    .map_err(|e| format!("the recovery code’s key kept on this device cannot be used ({e}); make a new recovery code in Device settings"))?;
    Ok((review_core::backup::file_name(review, &now), text))
}

/// A fingerprint split into groups of four, for reading aloud over the phone.
pub use review_core::summary::grouped;
