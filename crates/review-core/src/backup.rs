//! Backups: one review as a file, to open again on this device or another.
//! A backup holds the review's stored envelope (so an older backup goes
//! through the same migrations as an older draft). When the device has a
//! PIN the envelope is sealed under the device's key, with the salt and
//! iteration count beside it, so the same PIN opens it on another device.

use crate::draft::{self, DraftError};
use crate::model::{Review, Timestamp};
use crate::vault::{Vault, VaultError, VaultRecord};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

pub const FORMAT: &str = "review-together/backup";
pub const VERSION: u32 = 1;
/// What sealed backups bind in as associated data.
const PLACE: &str = "review-together/backup";
/// The largest backup read: a review is tens of kilobytes.
pub const MAX_BYTES: usize = 5_000_000;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BackupFile {
    format: String,
    version: u32,
    created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    draft: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<Sealed>,
}

/// A sealed backup's lock: what is needed to derive the key from the PIN.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sealed {
    pub salt: String,
    pub iterations: u32,
    pub data: String,
}

/// What a backup file holds, once read.
#[derive(Debug, PartialEq)]
pub enum Opened {
    Review(Box<Review>),
    /// Locked with a PIN: derive the key from `salt` and `iterations`, then
    /// call [`open_sealed`].
    NeedsPin(Sealed),
}

/// Why a backup could not be opened, in words for the person at the tablet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    TooBig,
    NotABackup,
    FromNewerVersion(u32),
    WrongPin,
    Draft(DraftError),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooBig => f.write_str("The file is far bigger than any backup, so it is not one"),
            BackupError::NotABackup => f.write_str("The file is not a Review Together backup"),
            BackupError::FromNewerVersion(v) => write!(
                f,
                "The backup was made by a newer version of Review Together (backup format {v}); update the app to open it"
            ),
            BackupError::WrongPin => f.write_str(
                "The PIN does not open this backup: use the PIN of the device it was made on",
            ),
            BackupError::Draft(e) => write!(f, "The review in the backup cannot be read: {e}"),
        }
    }
}

impl std::error::Error for BackupError {}

fn file(now: &Timestamp, draft: Option<Value>, sealed: Option<Sealed>) -> String {
    let file = BackupFile {
        format: FORMAT.into(),
        version: VERSION,
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        draft,
        sealed,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A backup anyone with the file can open (the device has no PIN).
pub fn plain(review: &Review, now: &Timestamp) -> String {
    let envelope = serde_json::from_str(&draft::encode_review(review)).ok();
    file(now, envelope, None)
}

/// A backup sealed under the device's key; `record` is the device's PIN
/// record (for its salt and iteration count), `nonce` fresh random bytes.
pub fn sealed(
    review: &Review,
    now: &Timestamp,
    key: &Vault,
    record: &VaultRecord,
    nonce: [u8; 12],
) -> String {
    let data = key.seal(PLACE, nonce, &draft::encode_review(review));
    file(
        now,
        None,
        Some(Sealed {
            salt: record.salt.clone(),
            iterations: record.iterations,
            data,
        }),
    )
}

/// The file name for a backup: the day and a short id, never a name.
pub fn file_name(review: &Review, now: &Timestamp) -> String {
    let short: String = review
        .id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    format!(
        "review-together-backup-{}-{short}.json",
        now.format("%Y-%m-%d")
    )
}

/// Read a backup file.
pub fn read(bytes: &[u8]) -> Result<Opened, BackupError> {
    if bytes.len() > MAX_BYTES {
        return Err(BackupError::TooBig);
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|_| BackupError::NotABackup)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(BackupError::NotABackup)?;
    if version > u64::from(VERSION) {
        return Err(BackupError::FromNewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let file: BackupFile = serde_json::from_value(value).map_err(|_| BackupError::NotABackup)?;
    match (file.draft, file.sealed) {
        (Some(envelope), None) => draft::decode_review(&envelope.to_string())
            .map(|r| Opened::Review(Box::new(r)))
            .map_err(BackupError::Draft),
        (None, Some(sealed)) if sealed.iterations > 0 => Ok(Opened::NeedsPin(sealed)),
        _ => Err(BackupError::NotABackup),
    }
}

/// Open a sealed backup with the key derived from the PIN someone typed.
pub fn open_sealed(sealed: &Sealed, key: &Vault) -> Result<Review, BackupError> {
    let envelope = key.open(PLACE, &sealed.data).map_err(|e| match e {
        VaultError::NotSealed => BackupError::NotABackup,
        _ => BackupError::WrongPin,
    })?;
    draft::decode_review(&envelope).map_err(BackupError::Draft)
}
