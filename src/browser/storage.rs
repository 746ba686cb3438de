//! The device's localStorage, behind plain functions. The encoding and the
//! rules (envelopes, versions, keys) live in `review_core::draft`; this file
//! only moves strings in and out, and never overwrites what it could not read.

use gloo_storage::{LocalStorage, Storage};
use review_core::backup::{self, SignedCopy};
use review_core::draft::{self, DraftError, ImportedTeamKeys, WritePlan, WriteRefused};
use review_core::private_turn::{still_holds, PrivateTurn};
use review_core::summary::{CopyFile, SignedFile, TeamKeys};
use review_core::team::{KeptTeam, Source};
use review_core::tr;
use review_core::{DeviceSettings, Review, Timestamp};
use std::fmt;

/// Why something could not be saved, in words for the person at the tablet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    Unavailable,
    Full,
    /// The device is locked with its PIN.
    Locked,
    Failed(String),
    /// The review's revision guard refused the write (another tab saved it).
    Refused(WriteRefused),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(&tr!("this browser does not let the app keep anything on this device (is it in private browsing?)")),
            StorageError::Full => f.write_str(&tr!("this device's storage for the app is full")),
            StorageError::Locked => f.write_str(&tr!("the device is locked: enter the PIN first")),
            StorageError::Failed(why) => f.write_str(&tr!("the browser refused to save ({why})", why = why)),
            StorageError::Refused(why) => why.fmt(f),
        }
    }
}

/// A stored value that exists but could not be read. It stays where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub error: DraftError,
}

/// gloo's `raw()` panics when localStorage is missing, so probe first.
pub(super) fn local() -> Result<web_sys::Storage, StorageError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

/// Every read opens what the device PIN sealed (see `crate::browser::pin`).
pub(super) fn read(key: &str) -> Result<Option<String>, StorageError> {
    local()?
        .get_item(key)
        .map(|stored| stored.map(|s| crate::browser::pin::open_from(key, s)))
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// Every write is sealed under the device PIN when one is set; while the
/// device is locked nothing is written.
pub(super) fn write(key: &str, value: &str) -> Result<(), StorageError> {
    write_sealed(key, value).map(drop)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage` as these two calls see it.
    type RawStorage;
    /// `localStorage.getItem`, the text left a JS string: comparing it
    /// with one kept from a write (`===`) costs no copy into the wasm.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(
        this: &RawStorage,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    /// `localStorage.setItem` of a JS string already made.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(
        this: &RawStorage,
        key: &str,
        value: &wasm_bindgen::JsValue,
    ) -> Result<(), wasm_bindgen::JsValue>;
}

/// [`write`], giving back the text as stored (sealed, where there is a PIN),
/// as the JS string that was stored.
fn write_sealed(key: &str, value: &str) -> Result<wasm_bindgen::JsValue, StorageError> {
    let stored = crate::browser::pin::seal_for(key, value).map_err(|_| StorageError::Locked)?;
    let stored = wasm_bindgen::JsValue::from_str(&stored);
    local()?
        .unchecked_ref::<RawStorage>()
        .set_item_js(key, &stored)
        .map(|()| stored)
        .map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StorageError::Full
            } else {
                StorageError::Failed(describe(&e))
            }
        })
}

use wasm_bindgen::JsCast;

pub(super) fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_else(|| tr!("unknown error"))
}

/// Every key in our namespace that names a review.
fn review_keys() -> Vec<String> {
    let Ok(storage) = local() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| draft::review_id_of_key(k).is_some())
        .collect()
}

pub fn load_settings() -> Result<DeviceSettings, Unreadable> {
    let key = draft::settings_key();
    match read(&key) {
        Ok(Some(raw)) => draft::decode_settings(&raw).map_err(|error| Unreadable { key, error }),
        _ => Ok(DeviceSettings::default()),
    }
}

/// Save the settings. Stored settings this version cannot read are first
/// copied aside (never lost), under a key of their own.
pub fn save_settings(settings: &DeviceSettings) -> Result<(), StorageError> {
    let key = draft::settings_key();
    if let Some(existing) = read(&key)? {
        if draft::decode_settings(&existing).is_err() {
            write(&draft::kept_aside_key("settings"), &existing)?;
        }
    }
    write(&key, &draft::encode_settings(settings))
}

/// Review ids in the index (newest first), then any review stored without
/// an index entry (for example if the tablet died between the two writes).
fn known_review_ids() -> Vec<String> {
    let mut ids = read(&draft::index_key())
        .ok()
        .flatten()
        .and_then(|raw| draft::decode_index(&raw).ok())
        .unwrap_or_default();
    for key in review_keys() {
        let id = draft::review_id_of_key(&key)
            .unwrap_or_default()
            .to_string();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Every review on this device, readable or not.
pub fn list_reviews() -> Vec<Result<Review, Unreadable>> {
    known_review_ids()
        .into_iter()
        .filter_map(|id| match load_review(&id) {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        })
        .collect()
}

/// The last time this device saved a review, as far as it knows: the latest
/// "last changed" of the reviews it holds (`None` when it holds none). The
/// sign-off's clock check compares the clock with it.
pub fn last_saved() -> Option<Timestamp> {
    list_reviews()
        .into_iter()
        .filter_map(Result::ok)
        .map(|r| r.updated_at)
        .max()
}

pub fn load_review(id: &str) -> Result<Option<Review>, Unreadable> {
    load_review_at(id).map(|found| found.map(|(review, _)| review))
}

/// A stored review and the revision it was stored at (see `store_review`).
pub fn load_review_at(id: &str) -> Result<Option<(Review, u64)>, Unreadable> {
    let key = draft::review_key(id);
    match read(&key) {
        Ok(Some(raw)) => draft::decode_review_at(&raw)
            .map(Some)
            .map_err(|error| Unreadable { key, error }),
        _ => Ok(None),
    }
}

/// The raw stored text of a key, for downloading what could not be read.
pub fn raw(key: &str) -> Option<String> {
    read(key).ok().flatten()
}

/// Save a review made here (a new one, or a new version) and add it to the
/// index. Anything already stored under its key is replaced at the next
/// revision, without the guard of [`store_review`]; something stored there
/// that cannot be read is kept aside first.
pub fn save_review(review: &Review) -> Result<(), StorageError> {
    let base = read(&draft::review_key(&review.id))?
        .and_then(|raw| draft::stored_revision(&raw).ok())
        .unwrap_or(0);
    store_review(review, base).map(|_| ())
}

/// Store the open review, which this tab last read or wrote at revision
/// `base`, and return the revision it is stored at now. The revision guard
/// (`draft::plan_write`) refuses, writing nothing, when another tab or
/// window stored it since; what is stored but cannot be read is kept aside
/// under a key of its own before it is replaced.
pub fn store_review(review: &Review, base: u64) -> Result<u64, StorageError> {
    let key = draft::review_key(&review.id);
    // What is stored is, to the letter, what this tab last wrote there at
    // `base`: nobody else has written since, so the plan is a plain write,
    // and the stored review need not be opened and read again (the cost of
    // every autosave on a large review). Anything else takes the full path.
    let unchanged = local()?
        .unchecked_ref::<RawStorage>()
        .get_item_js(&key)
        .is_ok_and(|raw| {
            LAST_WRITTEN.with_borrow(|last| {
                last.as_ref()
                    .is_some_and(|l| l.key == key && l.revision == base && l.stored == raw)
            })
        });
    let revision = if unchanged {
        base.saturating_add(1)
    } else {
        plan_revision(review, &key, base)?
    };
    let stored = write_sealed(&key, &draft::encode_review_at(review, revision))?;
    LAST_WRITTEN.set(Some(LastWrite {
        key,
        revision,
        stored,
    }));
    // The last write put it in the index already (and a review missing from
    // the index is still listed: see `known_review_ids`).
    if !unchanged {
        add_to_index(&review.id)?;
    }
    Ok(revision)
}

/// The last review this tab stored, as it stored it.
struct LastWrite {
    key: String,
    revision: u64,
    /// The text set in localStorage (sealed, where there is a PIN), as the
    /// JS string it was set as: compared there, never copied back.
    stored: wasm_bindgen::JsValue,
}

thread_local! {
    static LAST_WRITTEN: std::cell::RefCell<Option<LastWrite>> = const { std::cell::RefCell::new(None) };
}

/// The revision to store a review at, from what is stored under `key` now
/// ([`draft::plan_write`]): what cannot be read, or is in an older format,
/// is kept aside first.
fn plan_revision(review: &Review, key: &str, base: u64) -> Result<u64, StorageError> {
    let stored = read(key)?;
    let revision = match draft::plan_write(stored.as_deref(), base) {
        Ok(WritePlan::Write(revision)) => revision,
        Ok(WritePlan::KeepAsideThenWrite(revision)) => {
            let aside = format!("review/{}/{revision}", review.id);
            write(
                &draft::kept_aside_key(&aside),
                stored.as_deref().unwrap_or_default(),
            )?;
            revision
        }
        // The first write in the current format: the older text is kept as
        // it was (once), so a migration never loses what was stored.
        Ok(WritePlan::KeepOlderFormatThenWrite { revision, version }) => {
            let copy = draft::older_format_key(&review.id, version);
            if read(&copy)?.is_none() {
                write(&copy, stored.as_deref().unwrap_or_default())?;
            }
            revision
        }
        Err(refused) => return Err(StorageError::Refused(refused)),
    };
    Ok(revision)
}

/// Add a review to the index the first time it is stored.
fn add_to_index(id: &str) -> Result<(), StorageError> {
    let stored = read(&draft::index_key())?;
    let listed = match stored.as_deref().map(draft::decode_index) {
        Some(Ok(ids)) => ids.iter().any(|i| i == id),
        // An index this version cannot read is kept before it is replaced.
        Some(Err(_)) => {
            keep_aside("index", stored.as_deref().unwrap_or_default())?;
            false
        }
        None => false,
    };
    if listed {
        return Ok(());
    }
    let mut ids = known_review_ids();
    if !ids.iter().any(|i| i == id) {
        ids.insert(0, id.to_string());
    }
    write(&draft::index_key(), &draft::encode_index(&ids))
}

pub fn delete_review(id: &str) -> Result<(), StorageError> {
    let storage = local()?;
    storage
        .remove_item(&draft::review_key(id))
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    for key in [
        draft::summary_key(id),
        draft::copies_key(id),
        draft::other_signed_files_key(id),
        draft::summary_saved_key(id),
        draft::reflection_key(id),
        draft::addendum_key(id),
    ] {
        storage
            .remove_item(&key)
            .map_err(|e| StorageError::Failed(describe(&e)))?;
    }
    // Copies kept when it was first written in a newer format go with it.
    let prefix = draft::older_format_prefix(id);
    let copies: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for key in copies {
        storage
            .remove_item(&key)
            .map_err(|e| StorageError::Failed(describe(&e)))?;
    }
    let ids: Vec<String> = known_review_ids().into_iter().filter(|i| i != id).collect();
    write(&draft::index_key(), &draft::encode_index(&ids))
}

// ---- The signing key and signed summaries -------------------------------------

/// The stored text of this device's signing key, if there is one.
pub fn load_signing_key() -> Result<Option<String>, StorageError> {
    read(&draft::signing_key_key())
}

pub fn save_signing_key(stored: &str) -> Result<(), StorageError> {
    write(&draft::signing_key_key(), stored)
}

/// The storage key of every copy of the signing key as text: the key as an
/// earlier version kept it, and every copy kept aside.
pub fn signing_key_copies() -> Vec<String> {
    let Ok(storage) = local() else {
        return Vec::new();
    };
    let aside = draft::kept_aside_key("signing-key");
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| *k == draft::signing_key_key() || k.starts_with(&aside))
        .collect()
}

/// The text of one of [`signing_key_copies`], opened with the PIN where it
/// was sealed under it.
pub fn signing_key_copy(key: &str) -> Option<String> {
    read(key).ok().flatten()
}

/// Remove one of [`signing_key_copies`] (the browser now keeps the key).
pub fn remove_signing_key_copy(key: &str) -> Result<(), StorageError> {
    if !signing_key_copies().iter().any(|k| k == key) {
        return Ok(());
    }
    local()?
        .remove_item(key)
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// Copy a stored value this version cannot read to a key of its own, so
/// that its key can be written again and nothing is lost.
pub fn keep_aside(what: &str, raw: &str) -> Result<(), StorageError> {
    write(&draft::kept_aside_key(what), raw)
}

/// The signed summary of a review, if the device keeps one.
/// What the device keeps about its recovery code (`None` when it has
/// none yet; `Err` when what is kept cannot be read: it is left as it is).
pub fn load_recovery() -> Result<Option<review_core::recovery::DeviceRecovery>, String> {
    match read(&draft::recovery_key()) {
        Ok(Some(raw)) => review_core::recovery::DeviceRecovery::decode(&raw)
            .map(Some)
            .map_err(|e| e.to_string()),
        Ok(None) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

pub fn save_recovery(found: &review_core::recovery::DeviceRecovery) -> Result<(), StorageError> {
    write(&draft::recovery_key(), &found.encode())
}

pub fn load_summary(review_id: &str) -> Result<Option<SignedFile>, Unreadable> {
    let key = draft::summary_key(review_id);
    match read(&key) {
        Ok(Some(raw)) => draft::decode_summary(&raw)
            .map(Some)
            .map_err(|error| Unreadable { key, error }),
        _ => Ok(None),
    }
}

/// Keep a signed summary. A summary is written once and never replaced.
pub fn save_summary(file: &SignedFile) -> Result<(), StorageError> {
    write(
        &draft::summary_key(&file.review_id),
        &draft::encode_summary(file),
    )
}

/// The recipients' copies signed with a review's summary (none when there
/// are none; an unreadable value is an error, and left where it is).
pub fn load_copies(review_id: &str) -> Result<Vec<CopyFile>, Unreadable> {
    let key = draft::copies_key(review_id);
    match read(&key) {
        Ok(Some(raw)) => draft::decode_copies(&raw).map_err(|error| Unreadable { key, error }),
        _ => Ok(Vec::new()),
    }
}

/// Keep the recipients' copies signed with a review's summary. Written
/// once, with the summary, and never replaced.
pub fn save_copies(review_id: &str, files: &[CopyFile]) -> Result<(), StorageError> {
    write(&draft::copies_key(review_id), &draft::encode_copies(files))
}

/// A review's signed files of kinds this build does not know, as a backup
/// brought them (none when there are none, or when they cannot be read: an
/// unreadable value is left where it is).
pub fn other_signed_files(review_id: &str) -> Vec<SignedCopy> {
    read(&draft::other_signed_files_key(review_id))
        .ok()
        .flatten()
        .and_then(|raw| backup::decode_other_signed_files(&raw).ok())
        .unwrap_or_default()
}

/// Keep a review's signed files of kinds this build does not know, exactly.
pub fn save_other_signed_files(review_id: &str, files: &[SignedCopy]) -> Result<(), StorageError> {
    write(
        &draft::other_signed_files_key(review_id),
        &backup::encode_other_signed_files(files),
    )
}

/// Every signed summary this device keeps, for the checker to compare a
/// file against (a different file with the same document id is flagged).
pub fn kept_summaries() -> Vec<SignedFile> {
    known_review_ids()
        .iter()
        .filter_map(|id| load_summary(id).ok().flatten())
        .collect()
}

// ---- The records team's key list ----------------------------------------------

/// The team key list imported on this device, if there is one.
pub fn load_team_keys() -> Result<Option<(ImportedTeamKeys, TeamKeys)>, Unreadable> {
    let key = draft::team_keys_key();
    match read(&key) {
        Ok(Some(raw)) => draft::decode_team_keys(&raw)
            .map(Some)
            .map_err(|error| Unreadable { key, error }),
        _ => Ok(None),
    }
}

/// Keep an imported team key list (sealed under the PIN like everything
/// else). A kept list this version cannot read is copied aside first.
pub fn save_team_keys(imported: &ImportedTeamKeys) -> Result<(), StorageError> {
    let key = draft::team_keys_key();
    if let Some(existing) = read(&key)? {
        if draft::decode_team_keys(&existing).is_err() {
            keep_aside("team-keys", &existing)?;
        }
    }
    write(&key, &draft::encode_team_keys(imported))
}

// ---- The team configuration ---------------------------------------------------

/// The team configuration kept from `source`, if there is one. Kept plain
/// (it holds nothing personal) so it is read at start, locked or not.
pub fn load_team(source: Source) -> Result<Option<KeptTeam>, Unreadable> {
    let key = draft::team_key(source);
    match read(&key) {
        Ok(Some(raw)) => draft::decode_team(&raw)
            .map(Some)
            .map_err(|error| Unreadable { key, error }),
        _ => Ok(None),
    }
}

/// Keep a team configuration; one kept before that this version cannot
/// read is copied aside first.
pub fn save_team(kept: &KeptTeam) -> Result<(), StorageError> {
    let key = draft::team_key(kept.source);
    if let Some(existing) = read(&key)? {
        if draft::decode_team(&existing).is_err() {
            keep_aside(&format!("team-{}", kept.source.name()), &existing)?;
        }
    }
    write(&key, &draft::encode_team(kept))
}

/// Remove the team configuration kept from `source`.
pub fn remove_team(source: Source) -> Result<(), StorageError> {
    local()?
        .remove_item(&draft::team_key(source))
        .map_err(|e| StorageError::Failed(describe(&e)))
}

// ---- When a summary left the device ---------------------------------------------

/// Note that a review's signed summary was saved as a file now.
pub fn mark_summary_saved(review_id: &str, file_name: &str) -> Result<(), StorageError> {
    let saved = draft::SummarySaved {
        saved_at: crate::browser::clock::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        file_name: file_name.to_string(),
    };
    write(
        &draft::summary_saved_key(review_id),
        &draft::encode_summary_saved(&saved),
    )
}

/// When a review's signed summary was last saved as a file from this device.
pub fn summary_saved(review_id: &str) -> Option<draft::SummarySaved> {
    let raw = read(&draft::summary_saved_key(review_id)).ok().flatten()?;
    draft::decode_summary_saved(&raw).ok()
}

// ---- The private turn on this device ---------------------------------------------

/// The private turn on this device, if one is on and still holds for its
/// review (`review_core::private_turn::still_holds`). One that no longer
/// holds, or cannot be read, is let go: it says only whose turn it was.
pub fn private_turn() -> Option<PrivateTurn> {
    let key = draft::private_turn_key();
    let raw = read(&key).ok().flatten()?;
    let turn = review_core::private_turn::PrivateTurn::decode(&raw)
        .ok()
        .filter(|t| {
            load_review(&t.review)
                .ok()
                .flatten()
                .is_some_and(|r| still_holds(t, &r))
        });
    if turn.is_none() {
        let _ = end_private_turn();
    }
    turn
}

/// Keep the private turn on this device (so a reload keeps it).
pub fn save_private_turn(turn: &PrivateTurn) -> Result<(), StorageError> {
    write(&draft::private_turn_key(), &turn.encode())
}

/// The private turn is over.
pub fn end_private_turn() -> Result<(), StorageError> {
    local()?
        .remove_item(&draft::private_turn_key())
        .map_err(|e| StorageError::Failed(describe(&e)))
}
