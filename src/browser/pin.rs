//! The device PIN in the browser: the key derived once at unlock with
//! WebCrypto's PBKDF2, held in memory while unlocked, and used by
//! `storage` to seal every write and open every read (see
//! `review_core::vault` for the sealing and what it protects against).

use super::device_key::{Opener, Trouble, Wrap};
use js_sys::{Array, Uint8Array};
use review_core::draft::namespace;
use review_core::tr;
use review_core::vault::{
    is_sealed, PinAttempts, PinChange, Vault, VaultRecord, PBKDF2_ITERATIONS, SALT_BYTES,
};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The key while the device is unlocked; `None` when locked or no PIN.
    static OPEN: RefCell<Option<Vault>> = const { RefCell::new(None) };
    /// While a PIN change is being finished: the old key, to open what is
    /// not yet sealed again under the new one.
    static PREVIOUS: RefCell<Option<Vault>> = const { RefCell::new(None) };
    /// The salt of the record `OPEN`'s key belongs to.
    static OPEN_SALT: RefCell<String> = const { RefCell::new(String::new()) };
    /// The salt of the record `PREVIOUS`'s key belongs to.
    static PREVIOUS_SALT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keep `vault`, the key of the record with `salt`, while unlocked.
fn hold(vault: Vault, salt: &str) {
    OPEN.with(|o| *o.borrow_mut() = Some(vault));
    OPEN_SALT.with(|s| *s.borrow_mut() = salt.to_string());
}

/// Whether the key this tab holds is still the device's: another tab may
/// have changed the PIN since (then this tab locks rather than seal with a
/// key nobody can get back).
fn key_still_current() -> bool {
    let ours = OPEN_SALT.with(|s| s.borrow().clone());
    let record_salt = record().and_then(Result::ok).map(|r| r.salt);
    let next_salt = pending_change().map(|c| c.next.salt);
    record_salt.as_deref() == Some(ours.as_str()) || next_salt.as_deref() == Some(ours.as_str())
}

/// Where the PIN record lives (plain text: the salt, the iteration count and
/// a sealed check value; never the PIN).
pub fn record_key() -> String {
    format!("{}/pin", namespace())
}
/// Wrong PINs as an earlier build counted them, beside the record (taken
/// into the record when next read, then removed).
pub fn attempts_key() -> String {
    format!("{}/pin-attempts", namespace())
}

/// A PIN change under way (see `review_core::vault::PinChange`): plain,
/// beside the record, until every value is sealed under the new key.
pub fn change_key() -> String {
    format!("{}/pin-change", namespace())
}

/// Values that are never sealed: what the lock screen itself needs, and the
/// team configuration (read at start, locked or not). They hold nothing
/// personal.
fn stays_plain(key: &str) -> bool {
    key == record_key()
        || key == change_key()
        || key == attempts_key()
        || key == auto_lock_key()
        || key == retention_key()
        || key == review_core::draft::display_key()
        || key == review_core::draft::signing_key_public_key()
        || key == review_core::draft::team_key(review_core::team::Source::Hosted)
        || key == review_core::draft::team_key(review_core::team::Source::Imported)
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The PIN record, if a PIN is set.
pub fn record() -> Option<Result<VaultRecord, String>> {
    let text = local()?.get_item(&record_key()).ok().flatten()?;
    Some(VaultRecord::decode(&text).map_err(|e| e.to_string()))
}

pub fn is_set() -> bool {
    record().is_some()
}

pub fn is_unlocked() -> bool {
    OPEN.with(|o| o.borrow().is_some())
}

/// Forget the key: everything sealed is unreadable until the PIN is entered.
pub fn lock() {
    OPEN.with(|o| *o.borrow_mut() = None);
    PREVIOUS.with(|o| *o.borrow_mut() = None);
}

/// `N` bytes from the browser's `crypto.getRandomValues`.
pub(crate) fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("this browser offers crypto.getRandomValues");
    bytes
}

/// What the device's signing key is to be wrapped under now (its own key
/// without a PIN, the PIN's while unlocked), and the PIN keys this tab
/// holds to open it as it is. `None` while locked, or while this tab holds
/// a key the device no longer uses (another tab changed the PIN).
pub fn key_wrap() -> Option<(Wrap, Vec<Opener>)> {
    if !is_set() {
        return Some((Wrap::Device, Vec::new()));
    }
    if !key_still_current() {
        return None;
    }
    let vault = OPEN.with(|o| o.borrow().clone())?;
    let salt = OPEN_SALT.with(|s| s.borrow().clone());
    let mut openers = vec![(salt.clone(), vault.clone())];
    if let Some(previous) = PREVIOUS.with(|o| o.borrow().clone()) {
        openers.push((PREVIOUS_SALT.with(|s| s.borrow().clone()), previous));
    }
    Some((
        Wrap::Pin {
            vault: Box::new(vault),
            salt,
        },
        openers,
    ))
}

/// Why storage would not seal a value.
#[derive(Debug)]
pub struct Locked;

/// The text to store for `plain` under `key`: sealed when a PIN is set.
pub fn seal_for(key: &str, plain: &str) -> Result<String, Locked> {
    if stays_plain(key) || !is_set() {
        return Ok(plain.to_string());
    }
    if !key_still_current() {
        lock();
        return Err(Locked);
    }
    OPEN.with(|o| match o.borrow().as_ref() {
        Some(vault) => Ok(vault.seal_stored(key, random::<12>(), plain)),
        None => Err(Locked),
    })
}

/// The plain text of what is stored under `key`. What cannot be opened is
/// returned as it is, so the reader reports it as unreadable and keeps it.
pub fn open_from(key: &str, stored: String) -> String {
    if !is_sealed(&stored) {
        return stored;
    }
    let open = |cell: &'static std::thread::LocalKey<RefCell<Option<Vault>>>| {
        cell.with(|o| {
            o.borrow()
                .as_ref()
                .and_then(|vault| vault.open_stored(key, &stored).ok())
        })
    };
    open(&OPEN).or_else(|| open(&PREVIOUS)).unwrap_or(stored)
}

/// Derive the 256-bit key from a PIN with WebCrypto PBKDF2-SHA256.
pub async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Result<Vault, String> {
    // Never work a PIN through a salt or a count this app would not write.
    review_core::vault::check_derivation(salt, iterations).map_err(|e| e.to_string())?;
    let fail = |_| tr!("this browser could not work out the key from the PIN");
    let subtle = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("this browser has no Web Crypto")?
        .subtle();
    let material = JsFuture::from(
        subtle
            .import_key_with_str(
                "raw",
                &Uint8Array::from(pin.as_bytes()),
                "PBKDF2",
                false,
                &Array::of1(&"deriveBits".into()),
            )
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &material.unchecked_into(), 256)
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    let bytes = Uint8Array::new(&bits).to_vec();
    let key: [u8; 32] = bytes.try_into().map_err(|_| "the key was the wrong size")?;
    Ok(Vault::from_key(key))
}

/// The PIN record as it stands, with any wrong PINs an earlier build
/// counted beside it taken in (and that old counter removed).
fn current_record() -> Result<Option<VaultRecord>, String> {
    let Some(found) = record() else {
        return Ok(None);
    };
    let mut record = found?;
    let storage = local().ok_or("this browser does not let the app keep anything")?;
    if let Some(text) = storage.get_item(&attempts_key()).ok().flatten() {
        record = record.with_earlier_attempts(&PinAttempts::decode(&text, now_ms()), now_ms());
        save_record(&record)?;
        let _ = storage.remove_item(&attempts_key());
    }
    Ok(Some(record))
}

fn save_record(record: &VaultRecord) -> Result<(), String> {
    local()
        .and_then(|s| s.set_item(&record_key(), &record.encode()).ok())
        .ok_or_else(|| tr!("the device's storage refused the PIN record"))
}

/// Milliseconds before another PIN may be tried.
pub fn wait_ms() -> i64 {
    record()
        .and_then(Result::ok)
        .map_or(0, |r| r.wait_ms() as i64)
}

/// Count the wait after wrong PINs down by `open_ms`, the time this lock
/// screen was open since it last counted (measured with `performance.now`,
/// which no clock setting moves). See `VaultRecord::waited`.
pub fn count_down(open_ms: u64) {
    if let Ok(Some(record)) = current_record() {
        let counted = record.waited(open_ms, now_ms());
        if counted != record {
            let _ = save_record(&counted);
        }
    }
}

/// The lock every tab takes to try a PIN, so tries never overlap.
/// The lock one unlock holds (this deployment's).
fn unlock_lock() -> String {
    format!("{}/pin-unlock", namespace())
}

/// Why the device did not unlock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The PIN was wrong; wait this long before the next try.
    Wrong {
        wait_ms: i64,
    },
    /// Still waiting after earlier wrong PINs.
    Waiting {
        wait_ms: i64,
    },
    Failed(String),
}

impl std::fmt::Display for UnlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use review_core::words::wait_words;
        match self {
            UnlockError::Wrong { wait_ms: 0 } => {
                f.write_str(&tr!("That PIN is not right. Check it and try again."))
            }
            UnlockError::Wrong { wait_ms } => f.write_str(&tr!(
                "That PIN is not right. To keep the reviews safe, you can try again in {wait}.",
                wait = wait_words(*wait_ms)
            )),
            UnlockError::Waiting { wait_ms } => f.write_str(&tr!(
                "Please wait {wait} before trying again.",
                wait = wait_words(*wait_ms)
            )),
            UnlockError::Failed(why) => {
                f.write_str(&tr!("The PIN could not be checked: {why}.", why = why))
            }
        }
    }
}

/// Try a PIN: the key is derived once and kept in memory if it is right.
/// One try at a time across every tab (Web Locks): each reads the record
/// afresh, so a try from another tab is counted and its wait applies.
pub async fn unlock(pin: &str) -> Result<(), UnlockError> {
    let pin = pin.to_string();
    super::locks::exclusively(&unlock_lock(), async move { try_pin(&pin).await }).await
}

async fn try_pin(pin: &str) -> Result<(), UnlockError> {
    let record = match current_record() {
        Ok(Some(r)) => r,
        Err(e) => return Err(UnlockError::Failed(e)),
        Ok(None) => return Ok(()),
    };
    if record.wait_ms() > 0 {
        return Err(UnlockError::Waiting {
            wait_ms: record.wait_ms() as i64,
        });
    }
    let vault = key_of(&record, pin).await.map_err(UnlockError::Failed)?;
    if record.accepts(&vault) {
        save_record(&record.succeeded()).map_err(UnlockError::Failed)?;
        // A change cut short: the old PIN opens both keys; finish it. (A
        // change whose keys do not open is damaged: the old key still opens
        // everything not yet sealed again.)
        let both = pending_change().and_then(|c| c.keys_from_old(&vault).ok().map(|k| (k, c)));
        match both {
            // Not finished: it stays written down for a later unlock.
            Some(((old, new), change)) => drop(finish_change(old, new, change).await),
            None => hold(vault, &record.salt),
        }
        return Ok(());
    }
    // A change cut short: the new PIN opens both keys too.
    if let Some(change) = pending_change() {
        let new = key_of(&change.next, pin)
            .await
            .map_err(UnlockError::Failed)?;
        if change.next.accepts(&new) {
            let (old, new) = change
                .keys_from_new(&new)
                .map_err(|e| UnlockError::Failed(e.to_string()))?;
            let _ = finish_change(old, new, change).await;
            return Ok(());
        }
    }
    let failed = record.failed(now_ms());
    save_record(&failed).map_err(UnlockError::Failed)?;
    // Another tab sees this write a moment later (local storage reaches
    // other tabs asynchronously): keep the lock until it has.
    super::clock::sleep(std::time::Duration::from_millis(300)).await;
    Err(UnlockError::Wrong {
        wait_ms: failed.wait_ms() as i64,
    })
}

/// The key a PIN gives with `record`'s salt and count.
async fn key_of(record: &VaultRecord, pin: &str) -> Result<Vault, String> {
    let salt = record.salt_bytes().map_err(|e| e.to_string())?;
    derive(pin, &salt, record.iterations).await
}

/// The PIN change under way, if one was cut short (an unreadable one is
/// left where it is: the current record still opens what it sealed).
fn pending_change() -> Option<PinChange> {
    let text = local()?.get_item(&change_key()).ok().flatten()?;
    PinChange::decode(&text).ok()
}

/// Why the PIN was not changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// The current PIN typed was wrong (counted as a wrong PIN).
    Wrong(UnlockError),
    Failed(String),
    /// The signing key could not be wrapped under the new PIN: the change
    /// stays written down.
    Unfinished(String),
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::Wrong(UnlockError::Wrong { .. }) => f.write_str(&tr!("The current PIN is not right, so the PIN was not changed. Nothing has changed.")),
            ChangeError::Wrong(e) => f.write_str(&tr!("The PIN was not changed. {why}", why = e)),
            ChangeError::Failed(why) => f.write_str(&tr!("The PIN could not be changed: {why}. Nothing has changed.", why = why)),
            ChangeError::Unfinished(why) => f.write_str(&tr!("The PIN change could not be finished: the signing key could not be locked with the new PIN ({why}). Until it is, both the old and the new PIN unlock this device; the change is finished the next time the device is unlocked.", why = why)),
        }
    }
}

/// Change the PIN: the current one first (a wrong one counts, as at the
/// lock screen), then everything sealed again under the new one. The change
/// is written down first (each key sealed under the other), so a page
/// closed half way loses nothing: either PIN finishes it at the next unlock.
pub async fn change_pin(current: &str, new_pin: &str) -> Result<(), ChangeError> {
    let (current, new_pin) = (current.to_string(), new_pin.to_string());
    super::locks::exclusively(&unlock_lock(), async move {
        let record = match current_record() {
            Ok(Some(r)) => r,
            Ok(None) => return Err(ChangeError::Failed(tr!("this device has no PIN"))),
            Err(e) => return Err(ChangeError::Failed(e)),
        };
        if record.wait_ms() > 0 {
            return Err(ChangeError::Wrong(UnlockError::Waiting {
                wait_ms: record.wait_ms() as i64,
            }));
        }
        let old = key_of(&record, &current)
            .await
            .map_err(ChangeError::Failed)?;
        if !record.accepts(&old) {
            let failed = record.failed(now_ms());
            save_record(&failed).map_err(ChangeError::Failed)?;
            return Err(ChangeError::Wrong(UnlockError::Wrong {
                wait_ms: failed.wait_ms() as i64,
            }));
        }
        save_record(&record.succeeded()).map_err(ChangeError::Failed)?;
        let salt = random::<SALT_BYTES>();
        let new = derive(&new_pin, &salt, PBKDF2_ITERATIONS)
            .await
            .map_err(ChangeError::Failed)?;
        let next = VaultRecord::new(&new, &salt, PBKDF2_ITERATIONS, random::<12>());
        let change = PinChange::new(&old, &new, next, [random::<12>(), random::<12>()]);
        local()
            .and_then(|s| s.set_item(&change_key(), &change.encode()).ok())
            .ok_or_else(|| ChangeError::Failed(tr!("the device's storage refused the change")))?;
        finish_change(old, new, change)
            .await
            .map_err(ChangeError::Unfinished)
    })
    .await
}

/// Seal every stored value again under `new` (opening with `new`, else
/// `old`), one at a time, letting the page breathe; wrap the signing key
/// under the new PIN; then make the new record the record and drop the
/// change (kept, with the old key, if the key could not be wrapped).
/// Values neither key opens are left as they are.
async fn finish_change(old: Vault, new: Vault, change: PinChange) -> Result<(), String> {
    // The record is still the old PIN's until the end.
    let old_salt = record()
        .and_then(Result::ok)
        .map(|r| r.salt)
        .unwrap_or_default();
    hold(new.clone(), &change.next.salt);
    PREVIOUS.with(|o| *o.borrow_mut() = Some(old.clone()));
    PREVIOUS_SALT.with(|s| *s.borrow_mut() = old_salt.clone());
    let Some(storage) = local() else {
        return Err(tr!("this browser does not let the app keep anything"));
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| review_core::draft::is_ours(k) && !stays_plain(k))
        .collect();
    for key in keys {
        if let Some(value) = storage.get_item(&key).ok().flatten() {
            if is_sealed(&value) && new.open_stored(&key, &value).is_err() {
                if let Ok(plain) = old.open_stored(&key, &value) {
                    let _ = storage.set_item(&key, &new.seal_stored(&key, random::<12>(), &plain));
                }
            }
        }
        super::clock::sleep(std::time::Duration::ZERO).await;
    }
    let to = Wrap::Pin {
        vault: Box::new(new),
        salt: change.next.salt.clone(),
    };
    // Only a browser that fails stops the change (a key neither PIN opens is no worse for it).
    if let Err(Trouble::Failed(why)) = super::device_key::rewrap(to, vec![(old_salt, old)]).await {
        return Err(why);
    }
    if save_record(&change.next).is_ok() {
        let _ = storage.remove_item(&change_key());
        PREVIOUS.with(|o| *o.borrow_mut() = None);
    }
    Ok(())
}

/// Set a PIN on a device that has none: a random salt, the key derived
/// once, the record stored, then every stored value sealed in place.
pub async fn set_pin(pin: &str) -> Result<(), String> {
    if is_set() {
        return Err(tr!("this device already has a PIN"));
    }
    let storage = local().ok_or("this browser does not let the app keep anything")?;
    let salt = random::<SALT_BYTES>();
    let vault = derive(pin, &salt, PBKDF2_ITERATIONS).await?;
    let record = VaultRecord::new(&vault, &salt, PBKDF2_ITERATIONS, random::<12>());
    // Plain values are still read as they are, so a tablet that dies half
    // way through loses nothing: the rest are sealed on their next write.
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| review_core::draft::is_ours(k) && !stays_plain(k))
        .collect();
    storage
        .set_item(&record_key(), &record.encode())
        .map_err(|_| "the PIN could not be kept: the device's storage refused it")?;
    hold(vault.clone(), &record.salt);
    for key in keys {
        if let Some(value) = storage.get_item(&key).ok().flatten() {
            if !is_sealed(&value) {
                let _ = storage.set_item(&key, &vault.seal_stored(&key, random::<12>(), &value));
            }
        }
    }
    // The signing key, wrapped under the PIN's key in WebCrypto (if that
    // fails, the next start or unlock does it; the key page says so).
    let _ = super::device_key::rewrap(
        Wrap::Pin {
            vault: Box::new(vault),
            salt: record.salt.clone(),
        },
        Vec::new(),
    )
    .await;
    Ok(())
}

/// Remove everything the app keeps on this device: reviews, summaries,
/// settings, the PIN, and the signing key with the browser's database.
pub async fn wipe() -> Result<(), String> {
    lock();
    let storage = local().ok_or("this browser does not let the app keep anything")?;
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| review_core::draft::is_ours(k))
        .collect();
    for key in keys {
        storage
            .remove_item(&key)
            .map_err(|_| "the browser would not remove it all")?;
    }
    super::device_key::forget().await.map_err(|e| {
        tr!("everything else was removed, but the browser would not remove the signing key it keeps ({why})", why = e)
    })
}

/// Where the auto-lock minutes are kept (plain: the timer runs while locked).
fn auto_lock_key() -> String {
    format!("{}/auto-lock", namespace())
}

/// Minutes without use before the app locks itself (default 5).
pub fn auto_lock_minutes() -> u32 {
    local()
        .and_then(|s| s.get_item(&auto_lock_key()).ok().flatten())
        .and_then(|t| t.parse::<u32>().ok())
        .filter(|m| (1..=60).contains(m))
        .unwrap_or(5)
}

pub fn set_auto_lock_minutes(minutes: u32) {
    if let Some(s) = local() {
        let _ = s.set_item(&auto_lock_key(), &minutes.to_string());
    }
}

/// Where the retention days are kept (plain: a number, nothing personal).
fn retention_key() -> String {
    format!("{}/retention-days", namespace())
}

/// Days signed-off reviews stay on this device.
pub fn retention_days() -> u32 {
    local()
        .and_then(|s| s.get_item(&retention_key()).ok().flatten())
        .and_then(|t| t.parse::<u32>().ok())
        .filter(|d| review_core::retention::CHOICES.contains(d))
        .unwrap_or(review_core::retention::DEFAULT_DAYS)
}

pub fn set_retention_days(days: u32) {
    if let Some(s) = local() {
        let _ = s.set_item(&retention_key(), &days.to_string());
    }
}
