//! Drafts on the device: a versioned envelope around each stored value, and
//! the migrations that bring older envelopes up to date. What cannot be read
//! is reported, never guessed at, so the caller can keep it aside untouched.

use crate::model::{DeviceSettings, Review};
use crate::summary::SignedFile;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt;

/// The envelope version this build writes.
pub const CURRENT_VERSION: u64 = 1;

/// Every storage key starts with this, so the app never reads another app's data.
pub const NAMESPACE: &str = "review-together";

pub fn review_key(id: &str) -> String {
    format!("{NAMESPACE}/review/{id}")
}
pub fn index_key() -> String {
    format!("{NAMESPACE}/index")
}
pub fn settings_key() -> String {
    format!("{NAMESPACE}/settings")
}
/// The signed summary of a review (see [`crate::summary::SignedFile`]).
pub fn summary_key(review_id: &str) -> String {
    format!("{NAMESPACE}/summary/{review_id}")
}
/// This device's signing key (see [`crate::summary::device_key`]).
pub fn signing_key_key() -> String {
    format!("{NAMESPACE}/signing-key")
}
/// Where an unreadable value is copied before its key is written again.
pub fn kept_aside_key(what: &str) -> String {
    format!("{NAMESPACE}/kept-aside/{what}")
}
/// The review id of a review key, if it is one.
pub fn review_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(NAMESPACE)?
        .strip_prefix("/review/")
        .filter(|id| !id.is_empty())
}

/// What is inside an envelope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Review,
    Settings,
    Index,
    Summary,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Review => "review",
            Kind::Settings => "settings",
            Kind::Index => "index",
            Kind::Summary => "summary",
        }
    }
}

/// Why a stored value could not be read. Shown to the user in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    NotJson,
    NotOurs,
    WrongKind {
        expected: &'static str,
        found: String,
    },
    FromNewerVersion(u64),
    Damaged(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::NotJson => f.write_str("the saved data is damaged (it is not readable text data)"),
            DraftError::NotOurs => f.write_str("the saved data was not written by Review Together"),
            DraftError::WrongKind { expected, found } => {
                write!(f, "expected a saved {expected} but found a saved {found}")
            }
            DraftError::FromNewerVersion(v) => write!(
                f,
                "it was saved by a newer version of Review Together (format {v}; this version reads up to {CURRENT_VERSION})"
            ),
            DraftError::Damaged(detail) => write!(f, "part of the saved data is damaged ({detail})"),
        }
    }
}

impl std::error::Error for DraftError {}

/// The stored text of a value in the current envelope.
pub fn encode<T: Serialize>(kind: Kind, value: &T) -> String {
    json!({
        "version": CURRENT_VERSION,
        "kind": kind.name(),
        "data": value,
    })
    .to_string()
}

/// Read a stored envelope of `kind`, migrating it from older versions.
pub fn decode<T: DeserializeOwned>(kind: Kind, raw: &str) -> Result<T, DraftError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| DraftError::NotJson)?;
    let Value::Object(map) = &value else {
        return Err(DraftError::NotOurs);
    };
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(DraftError::NotOurs)?;
    if version > CURRENT_VERSION {
        return Err(DraftError::FromNewerVersion(version));
    }
    let found = map
        .get("kind")
        .and_then(Value::as_str)
        .ok_or(DraftError::NotOurs)?;
    if found != kind.name() {
        return Err(DraftError::WrongKind {
            expected: kind.name(),
            found: found.chars().take(40).collect(),
        });
    }
    let data = migrate(kind, version, value)?;
    serde_json::from_value(data).map_err(|e| DraftError::Damaged(e.to_string()))
}

/// Bring an envelope of `version` up to [`CURRENT_VERSION`] and return its data.
/// Each future format change adds one step here, and a fixture of the old
/// version to the tests.
fn migrate(_kind: Kind, version: u64, mut envelope: Value) -> Result<Value, DraftError> {
    match version {
        CURRENT_VERSION => Ok(envelope["data"].take()),
        v => Err(DraftError::Damaged(format!("unknown format {v}"))),
    }
}

pub fn encode_review(review: &Review) -> String {
    encode(Kind::Review, review)
}
pub fn decode_review(raw: &str) -> Result<Review, DraftError> {
    decode(Kind::Review, raw)
}
pub fn encode_settings(settings: &DeviceSettings) -> String {
    encode(Kind::Settings, settings)
}
pub fn decode_settings(raw: &str) -> Result<DeviceSettings, DraftError> {
    decode(Kind::Settings, raw)
}
/// The index lists review ids, newest first.
pub fn encode_index(ids: &[String]) -> String {
    encode(Kind::Index, &ids)
}
pub fn decode_index(raw: &str) -> Result<Vec<String>, DraftError> {
    decode(Kind::Index, raw)
}
/// A signed summary keeps its exact text inside the envelope.
pub fn encode_summary(file: &SignedFile) -> String {
    encode(Kind::Summary, file)
}
pub fn decode_summary(raw: &str) -> Result<SignedFile, DraftError> {
    decode(Kind::Summary, raw)
}
