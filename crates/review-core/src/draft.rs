//! Drafts on the device: a versioned envelope around each stored value, and
//! the migrations that bring older envelopes up to date. What cannot be read
//! is reported, never guessed at, so the caller can keep it aside untouched.

use crate::display::DisplaySettings;
use crate::model::{migrated_remark, DeviceSettings, Remark, ResourceList, Review};
use crate::summary::SignedFile;
use crate::tr;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The envelope version this build writes for a review. Version 2: a
/// resource's benefits, difficulties and changes are lists of points;
/// version 3: the sharing agreement's copies and default visibility, and
/// each item's visibility; version 4: the log of copies given after
/// sign-off and the plan of the carer's private time; version 5: the points
/// someone who does not agree chose at sign-off (see [`migrate`]). Each
/// kind has its own version, so a change to one kind
/// never makes the others unreadable to an older build (see
/// [`Kind::current_version`]).
pub const CURRENT_VERSION: u64 = 9;

mod keys;
pub use keys::*;

/// What is inside an envelope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Review,
    Settings,
    Index,
    Summary,
    Display,
    TeamKeys,
    SignedFiles,
    /// The device's recovery-code file key and slot (`crate::recovery`).
    Recovery,
    /// A team configuration kept on the device (`crate::team::KeptTeam`).
    Team,
    /// When a review's signed summary was saved as a file ([`SummarySaved`]).
    SummarySaved,
    /// The recipients' copies signed with a review's summary.
    Copies,
    /// The private turn on this device now (`crate::private_turn`).
    PrivateTurn,
    Reflection,
    Addendum,
}

impl Kind {
    /// The envelope version this build writes for this kind.
    pub fn current_version(self) -> u64 {
        match self {
            Kind::Review => CURRENT_VERSION,
            Kind::Settings
            | Kind::Index
            | Kind::Summary
            | Kind::Display
            | Kind::TeamKeys
            | Kind::SignedFiles
            | Kind::Recovery
            | Kind::Team
            | Kind::SummarySaved
            | Kind::Copies
            | Kind::PrivateTurn
            | Kind::Reflection
            | Kind::Addendum => 1,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Review => "review",
            Kind::Settings => "settings",
            Kind::Index => "index",
            Kind::Summary => "summary",
            Kind::Display => "display",
            Kind::TeamKeys => "team-keys",
            Kind::SignedFiles => "signed-files",
            Kind::Recovery => "recovery",
            Kind::Team => "team",
            Kind::SummarySaved => "summary-saved",
            Kind::Copies => "copies",
            Kind::PrivateTurn => "private-turn",
            Kind::Reflection => "reflection",
            Kind::Addendum => "addendum",
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
            DraftError::NotJson => f.write_str(&tr!(
                "the saved data is damaged (it is not readable text data)"
            )),
            DraftError::NotOurs => {
                f.write_str(&tr!("the saved data was not written by Review Together"))
            }
            DraftError::WrongKind { expected, found } => f.write_str(&tr!(
                "expected a saved {expected} but found a saved {found}",
                expected = expected,
                found = found
            )),
            DraftError::FromNewerVersion(v) => f.write_str(&tr!(
                "it was saved by a newer version of Review Together (format {format}, newer than this version reads)",
                format = v
            )),
            DraftError::Damaged(detail) => f.write_str(&tr!(
                "part of the saved data is damaged ({detail})",
                detail = detail
            )),
        }
    }
}

impl std::error::Error for DraftError {}

/// The stored text of a value in the current envelope.
pub fn encode<T: Serialize>(kind: Kind, value: &T) -> String {
    write_envelope(kind, None, value)
}

/// The envelope as it is written: serialized in one pass, straight from the
/// value (not through a `serde_json::Value`), since every autosave writes
/// one. Readers look keys up by name, so their order is free.
#[derive(Serialize)]
struct Envelope<'a, T> {
    version: u64,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    data: &'a T,
}

fn write_envelope<T: Serialize>(kind: Kind, revision: Option<u64>, data: &T) -> String {
    let envelope = Envelope {
        version: kind.current_version(),
        kind: kind.name(),
        revision,
        data,
    };
    // Only a map with non-string keys can fail, and no stored type has one.
    serde_json::to_string(&envelope).expect("a stored value serializes")
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
    // Another kind is reported as such whatever its version (each kind
    // has its own); a newer version of this kind, or of an envelope a newer
    // version may have shaped differently, as newer.
    let found = map.get("kind").and_then(Value::as_str);
    if let Some(found) = found.filter(|f| *f != kind.name()) {
        return Err(DraftError::WrongKind {
            expected: kind.name(),
            found: found.chars().take(40).collect(),
        });
    }
    if version > kind.current_version() {
        return Err(DraftError::FromNewerVersion(version));
    }
    found.ok_or(DraftError::NotOurs)?;
    Ok((version, value))
}

/// Bring an envelope of `version` up to its kind's current version and
/// return its data, one step per version (see `docs/formats.md`). Each
/// format change adds one step here, and a fixture of the old version to
/// the tests.
fn migrate(kind: Kind, version: u64, mut envelope: Value) -> Result<Value, DraftError> {
    let mut data = envelope["data"].take();
    let mut at = version;
    while at < kind.current_version() {
        match (kind, at) {
            (Kind::Review, 1) => v1_to_v2_review(&mut data)?,
            // Version 3 only gained members (copies, default visibility, each
            // item's visibility), absent until someone chooses them: a version 2
            // review reads as it is. The version guards the new members from
            // an older build, which would drop them when it saved.
            (Kind::Review, 2) => {}
            // Version 4 only gained the log of copies given, empty until a
            // copy is marked given, and the private time's plan, left out
            // while nothing is planned: a version 3 review reads as it is.
            (Kind::Review, 3) => {}
            // Version 5 only gained the points of a disagreement at sign-off,
            // left out while there are none: a version 4 review reads as it is.
            (Kind::Review, 4) => {}
            // Version 6 only gained what issue 26 asks in words (why now,
            // each person's job title, age and what matters about them),
            // left out while empty, and new answers in the lists of service,
            // cover and escalation kinds: a version 5 review reads as it is.
            (Kind::Review, 5) => {}
            // Version 7 only gained the numbers the records match a review
            // by (issue 27: the organisation's ODS code, the team's
            // reference rules, each person's references, NHS number, date
            // of birth and staff ID), left out while empty: a version 6
            // review reads as it is.
            (Kind::Review, 6) => {}
            // Version 8 only gained the last review a review follows on
            // from (issue 27: its summary's id and hash, last time's
            // ratings, the follow-up of its actions and escalations), left
            // out while there is none: a version 7 review reads as it is.
            (Kind::Review, 7) => {}
            // Version 9 only gained the language each person's screens and
            // copy come in (issue 30, `support.screenLanguage`), left out
            // while none is chosen: a version 8 review reads as it is.
            (Kind::Review, 8) => {}
            (_, v) => return Err(DraftError::Damaged(tr!("unknown format {v}", v = v))),
        }
        at += 1;
    }
    if at == kind.current_version() {
        Ok(data)
    } else {
        Err(DraftError::Damaged(tr!(
            "unknown format {version}",
            version = version
        )))
    }
}

/// Version 1 → 2: a resource's `benefits`, `difficulties` and `changes`
/// were one text each; each becomes a list holding that text as one point
/// whose speaker is not recorded (nobody is guessed at), or an empty list.
fn v1_to_v2_review(data: &mut Value) -> Result<(), DraftError> {
    let Some(resources) = data.get_mut("resources") else {
        return Ok(());
    };
    let resources = resources
        .as_array_mut()
        .ok_or_else(|| DraftError::Damaged(tr!("its services are not a list")))?;
    for resource in resources {
        let id = resource
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        for list in ResourceList::ALL {
            let Some(slot) = resource.get_mut(list.key()) else {
                continue;
            };
            let text = match slot {
                Value::String(text) => std::mem::take(text),
                Value::Null => String::new(),
                _ => {
                    return Err(DraftError::Damaged(tr!(
                        "a service's {key} is neither text nor a list",
                        key = list.key()
                    )))
                }
            };
            let remarks: Vec<Remark> = migrated_remark(&id, *list, &text).into_iter().collect();
            *slot = serde_json::to_value(remarks).unwrap_or_default();
        }
    }
    Ok(())
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
    write_envelope(Kind::Review, (revision != 0).then_some(revision), review)
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
            .ok_or_else(|| DraftError::Damaged(tr!("its revision is not a whole number"))),
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
    /// What is stored is in an older format (`version`): keep a copy of it
    /// as it is (under [`older_format_key`]) before the first write in the
    /// current format replaces it, then write at `revision`.
    KeepOlderFormatThenWrite { revision: u64, version: u64 },
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
            WriteRefused::ChangedElsewhere { .. } => f.write_str(&tr!(
                "this review was changed in another tab or window after it was opened here"
            )),
            WriteRefused::Removed => f.write_str(&tr!(
                "this review was removed from this device after it was opened here"
            )),
            WriteRefused::FromNewerVersion(_) => f.write_str(&tr!(
                "a newer version of Review Together has saved this review since it was opened here"
            )),
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
        Ok(_) => {
            let revision = base.saturating_add(1);
            match open_envelope(Kind::Review, raw) {
                Ok((version, _)) if version < Kind::Review.current_version() => {
                    Ok(WritePlan::KeepOlderFormatThenWrite { revision, version })
                }
                _ => Ok(WritePlan::Write(revision)),
            }
        }
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
/// A review's recipients' copies keep their exact texts inside the envelope.
pub fn encode_copies(files: &[crate::summary::CopyFile]) -> String {
    encode(Kind::Copies, &files)
}
pub fn decode_copies(raw: &str) -> Result<Vec<crate::summary::CopyFile>, DraftError> {
    decode(Kind::Copies, raw)
}
pub fn encode_reflection(reflection: &crate::reflection::Reflection) -> String {
    encode(Kind::Reflection, reflection)
}
pub fn decode_reflection(raw: &str) -> Result<crate::reflection::Reflection, DraftError> {
    decode(Kind::Reflection, raw)
}
/// The worker's signed reflection keeps its exact text inside the envelope.
pub fn encode_addendum(file: &crate::summary::AddendumFile) -> String {
    encode(Kind::Addendum, file)
}
pub fn decode_addendum(raw: &str) -> Result<crate::summary::AddendumFile, DraftError> {
    decode(Kind::Addendum, raw)
}
/// The team's key list as this device keeps it: the list's own text (read
/// by [`crate::summary::TeamKeys::from_json`], the one model of a list),
/// the file it came from, and when it was imported here.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportedTeamKeys {
    pub list: String,
    pub file_name: String,
    pub imported_at: String,
}

impl ImportedTeamKeys {
    /// The list it holds; an envelope whose list no longer reads is damaged.
    pub fn keys(&self) -> Result<crate::summary::TeamKeys, DraftError> {
        crate::summary::TeamKeys::from_json(&self.list)
            .map_err(|e| DraftError::Damaged(e.to_string()))
    }
}

pub fn encode_team_keys(imported: &ImportedTeamKeys) -> String {
    encode(Kind::TeamKeys, imported)
}
/// Read a kept list: the envelope, then the list inside it, strictly.
pub fn decode_team_keys(
    raw: &str,
) -> Result<(ImportedTeamKeys, crate::summary::TeamKeys), DraftError> {
    let imported: ImportedTeamKeys = decode(Kind::TeamKeys, raw)?;
    let keys = imported.keys()?;
    Ok((imported, keys))
}

pub fn encode_team(kept: &crate::team::KeptTeam) -> String {
    encode(Kind::Team, kept)
}
/// Read a kept team configuration: the envelope only (its text is read, as
/// strictly as ever, by [`crate::team::KeptTeam::profile`]).
pub fn decode_team(raw: &str) -> Result<crate::team::KeptTeam, DraftError> {
    decode(Kind::Team, raw)
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

/// A review's signed summary saved as a file from this device: when, and as
/// what. The device cannot know that the file reached the records team, only
/// that it left the app; "Hand this tablet on" says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SummarySaved {
    /// When (RFC 3339).
    pub saved_at: String,
    pub file_name: String,
}

pub fn encode_summary_saved(saved: &SummarySaved) -> String {
    encode(Kind::SummarySaved, saved)
}
pub fn decode_summary_saved(raw: &str) -> Result<SummarySaved, DraftError> {
    decode(Kind::SummarySaved, raw)
}
