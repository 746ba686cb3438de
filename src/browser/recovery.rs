//! The device's recovery code in the browser: made here (the code from
//! `crypto.getRandomValues`, its key from WebCrypto PBKDF2), shown once by
//! the screens, never kept. What is kept is the file key and its slot
//! (`review_core::recovery::DeviceRecovery`), in storage like any value
//! (sealed under the PIN when the device has one). When storage refuses it
//! (full), it is held for this page's life, so the review downloaded to
//! rescue it is still locked, and the screen says the code was not kept.

use super::{clock, pin, storage};
use review_core::recovery::{DeviceRecovery, RecoveryCode, ITERATIONS, RANDOM_BYTES};
use review_core::vault::SALT_BYTES;
use std::cell::RefCell;

thread_local! {
    /// A code made while storage would not keep it.
    static NOT_KEPT: RefCell<Option<DeviceRecovery>> = const { RefCell::new(None) };
}

/// What locks this device's backups now (`Ok(None)`: no code made yet).
pub fn current() -> Result<Option<DeviceRecovery>, String> {
    if let Some(held) = NOT_KEPT.with(|n| n.borrow().clone()) {
        return Ok(Some(held));
    }
    storage::load_recovery()
}

/// A new code made and kept.
pub struct Made {
    /// To show once, now.
    pub code: RecoveryCode,
    /// Why the device could not keep it, when it could not (it locks this
    /// page's downloads until the page is closed).
    pub not_kept: Option<String>,
}

/// Make a new recovery code: later backups are locked with it; earlier ones
/// still open with the code they were locked with.
pub async fn make() -> Result<Made, String> {
    let code = RecoveryCode::from_random(pin::random::<RANDOM_BYTES>());
    let salt = pin::random::<SALT_BYTES>();
    let code_key = pin::derive(code.secret(), &salt, ITERATIONS).await?;
    let made_at = clock::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let found = DeviceRecovery::new(
        &code_key,
        &salt,
        pin::random::<32>(),
        pin::random::<12>(),
        &made_at,
    );
    let not_kept = storage::save_recovery(&found).err().map(|e| e.to_string());
    NOT_KEPT.with(|n| *n.borrow_mut() = not_kept.as_ref().map(|_| found.clone()));
    Ok(Made { code, not_kept })
}
