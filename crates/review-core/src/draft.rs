//! Drafts on the device: a versioned envelope around each stored value, and
//! the migrations that bring older envelopes up to date. What cannot be read
//! is reported, never guessed at, so the caller can keep it aside untouched.

use crate::display::DisplaySettings;
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
/// How the screen looks on this device (text size, colours, easy read).
pub fn display_key() -> String {
    format!("{NAMESPACE}/display")
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
    Display,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Review => "review",
            Kind::Settings => "settings",
            Kind::Index => "index",
            Kind::Summary => "summary",
            Kind::Display => "display",
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
    let (version, value) = open_envelope(kind, raw)?;
    let data = migrate(kind, version, value)?;
    serde_json::from_value(data).map_err(|e| DraftError::Damaged(e.to_string()))
}

/// Parse an envelope and check its version and kind, without reading its data.
fn open_envelope(kind: Kind, raw: &str) -> Result<(u64, Value), DraftError> {
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
    Ok((version, value))
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

// ---- Revisions: one tab's write never silently replaces another's ----------
//
// A stored review carries a revision beside its data: each write stores one
// more than the revision the writer last read or wrote. A tab that started
// from an older revision than the stored one has missed someone else's write,
// and its write is refused (see [`plan_write`]). The revision is an extra key
// of the version 1 envelope: drafts stored before it existed read as revision
// 0, and a reader that does not know it ignores it, so the version stays 1.

/// The stored text of a review at `revision` (0 writes no revision at all).
pub fn encode_review_at(review: &Review, revision: u64) -> String {
    if revision == 0 {
        return encode_review(review);
    }
    json!({
        "version": CURRENT_VERSION,
        "kind": Kind::Review.name(),
        "revision": revision,
        "data": review,
    })
    .to_string()
}

/// A stored review and the revision it was written at.
pub fn decode_review_at(raw: &str) -> Result<(Review, u64), DraftError> {
    let (version, envelope) = open_envelope(Kind::Review, raw)?;
    let revision = revision_of(&envelope)?;
    let data = migrate(Kind::Review, version, envelope)?;
    let review = serde_json::from_value(data).map_err(|e| DraftError::Damaged(e.to_string()))?;
    Ok((review, revision))
}

/// The revision of a stored review, reading only its envelope.
pub fn stored_revision(raw: &str) -> Result<u64, DraftError> {
    let (_, envelope) = open_envelope(Kind::Review, raw)?;
    revision_of(&envelope)
}

fn revision_of(envelope: &Value) -> Result<u64, DraftError> {
    match envelope.get("revision") {
        None => Ok(0),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| DraftError::Damaged("its revision is not a whole number".into())),
    }
}

/// How to store a review that this tab last read or wrote at revision `base`,
/// given what is stored under its key now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WritePlan {
    /// Write it at this revision.
    Write(u64),
    /// What is stored cannot be read (and is not from a newer version): copy
    /// it aside first, so nothing is lost, then write at this revision.
    KeepAsideThenWrite(u64),
}

/// Why a write of a review is refused. The review stays as it is in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteRefused {
    /// Another tab or window stored a later revision than this tab has seen.
    ChangedElsewhere { stored: u64, base: u64 },
    /// The review was stored once but is gone now (deleted elsewhere).
    Removed,
    /// A newer version of the app stored it, in a format this one cannot read.
    FromNewerVersion(u64),
}

impl fmt::Display for WriteRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteRefused::ChangedElsewhere { .. } => f.write_str(
                "this review was changed in another tab or window after it was opened here",
            ),
            WriteRefused::Removed => {
                f.write_str("this review was removed from this device after it was opened here")
            }
            WriteRefused::FromNewerVersion(_) => f.write_str(
                "a newer version of Review Together has saved this review since it was opened here",
            ),
        }
    }
}

impl std::error::Error for WriteRefused {}

/// Decide how (and whether) to store a review read or last written at
/// revision `base` over `stored`, the text under its key now (if any).
pub fn plan_write(stored: Option<&str>, base: u64) -> Result<WritePlan, WriteRefused> {
    let Some(raw) = stored else {
        return if base == 0 {
            Ok(WritePlan::Write(1))
        } else {
            Err(WriteRefused::Removed)
        };
    };
    // The whole review is read, not only its revision: a write must never
    // replace something that cannot be read without keeping it first.
    match decode_review_at(raw) {
        Ok((_, stored)) if stored > base => Err(WriteRefused::ChangedElsewhere { stored, base }),
        Ok(_) => Ok(WritePlan::Write(base.saturating_add(1))),
        Err(DraftError::FromNewerVersion(v)) => Err(WriteRefused::FromNewerVersion(v)),
        Err(_) => Ok(WritePlan::KeepAsideThenWrite(base.saturating_add(1))),
    }
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
pub fn encode_display(settings: &DisplaySettings) -> String {
    encode(Kind::Display, settings)
}
pub fn decode_display(raw: &str) -> Result<DisplaySettings, DraftError> {
    decode(Kind::Display, raw)
}
/// The display settings to use from what is stored (or nothing): anything
/// that cannot be read gives the standard display, never a failure, since a
/// tablet that cannot start is worse than one in the standard look.
pub fn display_or_default(raw: Option<&str>) -> DisplaySettings {
    raw.and_then(|raw| decode_display(raw).ok())
        .unwrap_or_default()
}
