//! The exported summary of a signed-off review: the document records teams
//! import, whose JSON Schema is derived from these types. Built from a
//! [`crate::model::Review`] in `from_review.rs`.
//!
//! These are the types of format 2, the format this build writes. Format 1
//! (read forever, never written) is in `v1.rs`; it shares every record type
//! here that it had in the same shape. How formats change is written down in
//! `docs/formats.md`: format 2 only ever gains optional members.
//!
//! Portable by rule: ids, enumerations and dates are strings; the only
//! numbers are small integers; no `null`; text is Unicode NFC. Every object
//! is closed (`deny_unknown_fields`), so the schema closes every object too.

use crate::model::*;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU32;

/// The value of `"format"`.
pub const FORMAT: &str = "review-together/summary";
/// The value of `"formatVersion"` this build writes.
pub const FORMAT_VERSION: &str = "2";
/// The first format, still read (see `v1.rs`).
pub const FORMAT_VERSION_1: &str = "1";
/// The name in `"app"`.
pub const APP_NAME: &str = "Review Together";
/// The standard a review works to.
pub const STANDARD_CODE: &str = "SCDHSC0387";
/// The criteria of the standard the meeting covers.
pub const STANDARD_CRITERIA: [&str; 7] = ["P17", "P18", "P19", "P20", "P21", "P22", "P23"];

// ---- Strings with a fixed shape ---------------------------------------------

/// A string type whose shape is checked when it is read, with the same rule
/// written as a pattern in the schema, so that serde and the schema accept
/// exactly the same values.
macro_rules! checked_string {
    (
        $(#[$meta:meta])*
        pub struct $name:ident;
        what = $what:literal,
        check = $check:expr,
        schema = $schema:tt $(,)?
    ) => {
        $(#[$meta])*
        #[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(pub(crate) String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                let check: fn(&str) -> bool = $check;
                if check(&s) {
                    Ok($name(s))
                } else {
                    Err(format!("{:?} is not {}", shorten(&s), $what))
                }
            }
        }

        impl TryFrom<&str> for $name {
            type Error = String;
            fn try_from(s: &str) -> Result<Self, String> {
                $name::try_from(s.to_string())
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

/// At most 40 characters of `s`, for messages about a bad value.
fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn is_digits(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_digit)
}

fn is_lower_hex(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `8-4-4-4-12` lower-case hexadecimal digits.
pub(crate) fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && is_lower_hex(p))
}

/// `YYYY-MM-DD` at the start of `b` (bytes, so no input can split a character).
fn is_date_shape(b: &[u8]) -> bool {
    b.len() >= 10
        && is_digits(&b[0..4])
        && b[4] == b'-'
        && is_digits(&b[5..7])
        && b[7] == b'-'
        && is_digits(&b[8..10])
}

/// `YYYY-MM-DDThh:mm:ss` then `Z` or `±hh:mm`, and a real moment.
pub(crate) fn is_rfc3339_seconds(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() >= 20
        && is_date_shape(b)
        && b[10] == b'T'
        && is_digits(&b[11..13])
        && b[13] == b':'
        && is_digits(&b[14..16])
        && b[16] == b':'
        && is_digits(&b[17..19])
        && match &b[19..] {
            b"Z" => true,
            [b'+' | b'-', h1, h2, b':', m1, m2] => is_digits(&[*h1, *h2, *m1, *m2]),
            _ => false,
        };
    shape && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

/// `YYYY-MM-DD`, and a real day.
fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && is_date_shape(s.as_bytes()) && s.parse::<chrono::NaiveDate>().is_ok()
}

/// A simple BCP 47 tag such as `en-GB` or `cy`.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Base64url without padding whose last character carries no stray bits,
/// so each value has exactly one spelling.
pub(crate) fn is_base64url_of_len(s: &str, bytes: usize) -> bool {
    let chars = (bytes * 8).div_ceil(6);
    let spare_bits = chars * 6 - bytes * 8;
    s.len() == chars
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && s.bytes().last().is_none_or(|last| {
            let v = base64url_value(last);
            v & ((1 << spare_bits) - 1) == 0
        })
}

fn base64url_value(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        _ => 63,
    }
}

checked_string! {
    /// A document id: a UUID in lower case, e.g. `0b6f3c1e-5d2a-4e8f-9a41-7c3d2e1f0a9b`.
    pub struct DocumentId;
    what = "a UUID in lower case",
    check = is_uuid,
    schema = {
        "type": "string",
        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    },
}

checked_string! {
    /// A moment: RFC 3339 to the second, with its offset, e.g. `2026-11-24T10:00:00+00:00`.
    pub struct DateTimeText;
    what = "an RFC 3339 time to the second with an offset",
    check = is_rfc3339_seconds,
    schema = {
        "type": "string",
        "format": "date-time",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$"
    },
}

checked_string! {
    /// A calendar day, e.g. `2026-12-31`.
    pub struct DateText;
    what = "a date (YYYY-MM-DD)",
    check = is_iso_date,
    schema = {
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    },
}

checked_string! {
    /// The language the summary is written in, as a BCP 47 tag, e.g. `en-GB`.
    pub struct LanguageTag;
    what = "a language tag such as en-GB",
    check = is_language_tag,
    schema = {
        "type": "string",
        "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
    },
}

checked_string! {
    /// A SHA-256 digest in base64url without padding (43 characters).
    pub struct Sha256Base64Url;
    what = "a SHA-256 digest in base64url (43 characters)",
    check = |s| is_base64url_of_len(s, 32),
    schema = {
        "type": "string",
        "pattern": "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$"
    },
}

/// Moves and lines only, numbers only: what the app keeps of a drawn mark.
fn is_svg_path(s: &str) -> bool {
    s.len() <= crate::signoff::MAX_MARK_LEN
        && s.starts_with('M')
        && s.bytes()
            .all(|b| matches!(b, b'M' | b'L' | b' ' | b'.' | b'-' | b'0'..=b'9'))
}

checked_string! {
    /// A mark drawn with a finger: an SVG path of moves and lines
    /// (`M x y L x y …`), at most 20,000 characters.
    pub struct SvgPath;
    what = "an SVG path of moves and lines (M x y L x y ...)",
    check = is_svg_path,
    schema = {
        "type": "string",
        "maxLength": 20000,
        "pattern": "^M[ML .0-9-]*$"
    },
}

/// A string that must be exactly one value.
macro_rules! fixed_string {
    ($(#[$meta:meta])* pub struct $name:ident = $value:expr;) => {
        $(#[$meta])*
        #[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
        #[serde(try_from = "String", into = "&'static str")]
        pub struct $name;

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                if s == $value {
                    Ok($name)
                } else {
                    Err(format!("expected {:?}, found {:?}", $value, shorten(&s)))
                }
            }
        }

        impl From<$name> for &'static str {
            fn from(_: $name) -> &'static str {
                $value
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "const": $value })
            }
        }
    };
}

fixed_string! {
    /// Always `review-together/summary`.
    pub struct Format = FORMAT;
}

fixed_string! {
    /// Always `2` for this version of the format (a string, not a number).
    pub struct FormatVersion = FORMAT_VERSION;
}

fixed_string! {
    /// Always `1` in a format 1 summary.
    pub struct FormatVersion1 = FORMAT_VERSION_1;
}

fixed_string! {
    /// Always `SCDHSC0387`.
    pub struct StandardCode = STANDARD_CODE;
}

// ---- The document -----------------------------------------------------------

/// The summary of one signed-off carer review (SCDHSC0387 P17–P23), as a
/// records team receives it. Signed with Ed25519 as a detached JWS over the
/// RFC 8785 canonical form of the document without `signature`; the JWS
/// protected header holds only `alg`, `typ`, `kid` and `jwk`.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Review Together summary, format version 2")]
pub struct Summary {
    pub format: Format,
    pub format_version: FormatVersion,
    /// This document's own id; a new one for every summary, amendments included.
    pub document_id: DocumentId,
    /// The review's id in the app that recorded it.
    pub review_id: String,
    /// 1 for the first signed version of the review, one more for each amendment.
    pub version: NonZeroU32,
    /// Set when this version amends an earlier one: which, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<AmendmentRecord>,
    /// The summary of the version this one amends (only with `amends`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousDocument>,
    /// The summary of the earlier review this one follows on from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<PreviousDocument>,
    /// When the review meeting was started.
    pub created_at: DateTimeText,
    /// When the last signature locked the review.
    pub finalised_at: DateTimeText,
    /// When the device signed this document: the device's own clock.
    pub signed_at: DateTimeText,
    /// The language the summary's text is in.
    pub language: LanguageTag,
    pub app: AppInfo,
    pub standard: StandardInfo,
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The social care worker who ran the review.
    pub worker: PersonSummary,
    /// The carer whose review this is.
    pub carer: PersonSummary,
    /// The person the carer looks after.
    pub individual: PersonSummary,
    /// Everyone taking part, with the help they needed to take part (P18).
    pub participants: Vec<ParticipantRecord>,
    /// How the review was run, as agreed with the carer (P17).
    pub process: ProcessRecord,
    /// Who receives this summary and what stays private (P17, P23).
    pub confidentiality: ConfidentialityRecord,
    /// What the review looked at (P17), and everyone's own rating and words on it (P19).
    pub criteria: Vec<CriterionRecord>,
    /// Services, support and gaps (P20).
    pub services: ServicesRecord,
    /// Support for the individual while the carer meets their own needs (P21).
    pub cover: CoverRecord,
    /// Matters beyond the worker's scope and who takes them on (P22).
    pub escalations: EscalationsRecord,
    /// What will be done, by whom and when (P23).
    pub actions: Vec<ActionRecord>,
    /// What the review decided, everyone's view of it, and the next review (P23).
    pub outcome: OutcomeRecord,
    /// Everyone's sign-off, in the order they signed (P23).
    pub sign_offs: Vec<SignOffRecord>,
    /// A detached compact JWS (RFC 7515 appendix F): `BASE64URL(header)..BASE64URL(signature)`.
    /// Absent until the summary is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]{85}[AQgw]$"))]
    pub signature: Option<String>,
}

/// Another summary, by its document id and the SHA-256 of its file.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviousDocument {
    /// Its `documentId`.
    pub id: DocumentId,
    /// SHA-256 of its file's bytes, exactly as stored.
    pub sha256: Sha256Base64Url,
}

impl PreviousDocument {
    /// The reference to a stored summary file: its id and the hash of its bytes.
    pub fn of_file(id: DocumentId, file_bytes: &[u8]) -> PreviousDocument {
        PreviousDocument {
            id,
            sha256: Sha256Base64Url(crate::summary::sha256_base64url(file_bytes)),
        }
    }
}

/// The earlier version an amendment replaces.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmendmentRecord {
    /// The review id of the version replaced.
    pub previous_review_id: String,
    pub previous_version: NonZeroU32,
    pub reason: String,
    pub what_changed: String,
    pub amended_at: DateTimeText,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandardInfo {
    pub code: StandardCode,
    /// The criteria of the standard the review covers.
    pub criteria: Vec<String>,
}

/// One person, by their participant id and name.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonSummary {
    pub participant_id: String,
    pub name: String,
    /// Their relationship to the individual, where it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
}

// Variants without data are written `Name {}`, not `Name`: serde ignores
// `deny_unknown_fields` on unit variants of internally tagged enums, and the
// schema says these objects are closed.

/// Someone the record names: a participant, someone named in words, or a
/// participant who was removed from the review (kept by name).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PersonRef {
    Participant { id: String },
    Named { name: String },
    Removed { name: String },
}

/// A participant and what they needed to take a full part (P18).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParticipantRecord {
    pub id: String,
    pub role: Role,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
    pub attendance: Attendance,
    pub support: SupportRecord,
    /// Each need checked before the review proper started (P18).
    pub readiness: Vec<ReadinessRecord>,
}

/// What someone needs to take a full part in the review (P18).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupportRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<InterpreterRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advocate: Option<AdvocateKind>,
    pub communication: Vec<CommunicationMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communication_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustments: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InterpreterRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<InterpreterMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// The kind of a need checked before the review proper.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum NeedKind {
    Interpreter,
    Advocate,
    Communication,
    Adjustments,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum NeedResult {
    Met,
    NotMet,
}

/// One need and whether it was met; a need not met records what was done
/// and why the meeting went on.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReadinessRecord {
    pub need: NeedKind,
    /// The way of communicating, for a communication need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<CommunicationMethod>,
    /// Absent if the need was never checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<NeedResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_to_continue: Option<String>,
}

/// How the review ran (P17).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProcessRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReviewReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    /// The optional parts of the review proper the carer chose, in agenda order.
    pub agenda: Vec<AgendaItem>,
    pub time_boxes: Vec<TimeBox>,
    /// Whether the carer wanted time with the worker without the individual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_private_time: Option<bool>,
    /// Participant ids of those who agreed how the review runs.
    pub agreed_by: Vec<String>,
}

/// Minutes set aside for an agenda item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeBox {
    pub item: AgendaItem,
    pub minutes: u32,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfidentialityRecord {
    /// Who receives this summary, in the carer's words.
    pub recipients: String,
    pub restrictions: Vec<RestrictionRecord>,
}

/// Something that must not be shared, and with whom.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestrictionRecord {
    pub id: String,
    pub what: String,
    pub not_with: String,
}

/// Where a criterion came from.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum CriterionOrigin {
    /// From Review Together's criteria library, by its key.
    Library { key: String },
    /// Written at the meeting.
    Custom {},
}

/// A criterion agreed with the carer (P17) and how it went (P19).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriterionRecord {
    pub id: String,
    pub source: CriterionOrigin,
    pub group: CriterionGroup,
    pub wording: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<String>,
    /// Codes of the standard's criteria it serves, e.g. `P19`.
    pub serves: Vec<String>,
    pub scale: Scale,
    /// The points of its scale, best first. Ratings are points, never numbers:
    /// they are not averaged.
    pub scale_points: Vec<ScalePoint>,
    /// Participant ids of those who agreed to use it.
    pub agreed_by: Vec<String>,
    /// Everyone's own rating, in participant order.
    pub ratings: Vec<RatingRecord>,
    /// What was said about it, and who said it.
    pub evidence: Vec<EvidenceRecord>,
    /// Why it was not discussed, when it was not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_discussed: Option<String>,
}

/// How someone's view reached the meeting.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ChannelRecord {
    Directly {},
    Advocate { by: PersonRef },
    Interpreter { by: PersonRef },
    CommunicationMethod { method: CommunicationMethod },
}

/// One participant's own rating of one criterion (P19).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RatingRecord {
    pub participant: String,
    pub point: ScalePoint,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<ChannelRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<PersonRef>,
    pub text: String,
}

/// Services and support (P20).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServicesRecord {
    /// Whether the carer uses any services or support; absent if not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use: Option<bool>,
    pub resources: Vec<ResourceRecord>,
    /// Needs no service meets.
    pub gaps: Vec<GapRecord>,
}

/// A resource, service or facility, with its benefits, difficulties and changes (P20).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourceRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    pub name: String,
    /// How it helped the carer's health and wellbeing, point by point.
    pub benefits: Vec<RemarkRecord>,
    /// What has been difficult about it.
    pub difficulties: Vec<RemarkRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_met: Option<NeedsMet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<ResourceDecision>,
    /// What needs to change (or happen when it stops).
    pub changes: Vec<RemarkRecord>,
}

/// One point someone made, in their words, with an id of its own.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemarkRecord {
    pub id: String,
    pub text: String,
    pub said_by: SpeakerRecord,
}

/// Who made a point: a participant, someone named, a removed participant,
/// everyone at the meeting, or not recorded (never guessed).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum SpeakerRecord {
    Participant { id: String },
    Named { name: String },
    Removed { name: String },
    Everyone {},
    NotRecorded {},
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GapRecord {
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noticed_by: Option<PersonRef>,
}

/// Support for the individual while the carer has time for themselves (P21).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverRecord {
    /// Whether the individual's support must change; absent if not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<bool>,
    pub arrangements: Vec<CoverArrangementRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverArrangementRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makes_room_for: Option<CarerNeed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makes_room_for_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CoverKind>,
    /// When and how often, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    pub risks: Vec<CoverRiskRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverRiskRecord {
    pub id: String,
    pub risk: String,
    pub management: String,
}

/// Whether and how the individual agreed to an arrangement made for them.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(
    tag = "status",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum AgreementRecord {
    Agreed {},
    AgreedThroughAdvocate { by: PersonRef },
    NotAgreed { what_happens_next: String },
    NotAskedYet {},
}

/// Matters beyond the worker's scope (P22).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationsRecord {
    /// Whether anything needed someone else's help; absent if not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<bool>,
    pub matters: Vec<EscalationRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationRecord {
    pub id: String,
    pub matter: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why_beyond_scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<EscalationRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_whom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentRecord>,
    pub status: EscalationStatus,
}

/// Whether information about the matter may be shared.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "answer", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ConsentRecord {
    Yes {},
    No {},
    /// Shared without consent because of a risk of harm.
    NotNeededBecauseOfRisk {
        reason: String,
    },
}

/// Something someone will do after the review (P23).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionRecord {
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateText>,
    /// The id of the criterion it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
}

/// The outcome of the review (P23).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutcomeRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<OutcomeDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_view_through: Option<ChannelRecord>,
    /// Other views and any disagreements, in the words of those who hold them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_views: Option<String>,
    pub next_review: DateText,
    /// True when the meeting chose the date; false when it is the default
    /// (12 months on, or 8 weeks when the plan changes).
    pub next_review_chosen: bool,
}

/// What someone said when they signed.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum DecisionRecord {
    Agrees {},
    AgreesWithComment { comment: String },
    Disagrees { reason: String },
}

/// How they showed it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum MethodRecord {
    /// A tap on "I agree" or "I do not agree".
    Tap {},
    /// Their name, typed.
    TypedName { name: String },
    /// A mark drawn with a finger, as an SVG path of moves and lines.
    DrawnMark { path: SvgPath },
    /// Through their advocate or interpreter (a participant id), and how the person showed it.
    ThroughSupporter { by: String, how: String },
}

/// One person's sign-off (P23).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignOffRecord {
    pub participant: String,
    pub decision: DecisionRecord,
    pub method: MethodRecord,
    pub signed_at: DateTimeText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_dates_have_one_shape_and_are_real() {
        assert!(is_rfc3339_seconds("2026-11-24T10:00:00+00:00"));
        assert!(is_rfc3339_seconds("2026-11-24T10:00:00Z"));
        assert!(is_rfc3339_seconds("2026-06-01T09:30:00+01:00"));
        for bad in [
            "2026-11-24T10:00:00",
            "2026-11-24T10:00:00.5Z",
            "2026-11-24 10:00:00Z",
            "2026-11-24t10:00:00z",
            "2026-13-24T10:00:00Z",
            "2026-11-24T10:00:00+0000",
            // Multi-byte characters where digits belong: refused, never a panic.
            "2026é11-24T10:00:00+00:00",
            "20€-11-24T10:00:00+00:00",
            "2026-11-24T10:00:00+0é:00",
        ] {
            assert!(!is_rfc3339_seconds(bad), "{bad}");
        }
        assert!(is_iso_date("2028-02-29"));
        for bad in [
            "2027-02-29",
            "2027-2-28",
            "20é7-02-2",
            "2027-02-28T",
            "２０２７-02-28",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn ids_languages_and_digests() {
        assert!(is_uuid("4f1c2b8e-6d3a-4c5e-9b7f-2a1d0e8c6b54"));
        assert!(!is_uuid("4F1C2B8E-6D3A-4C5E-9B7F-2A1D0E8C6B54"));
        assert!(!is_uuid("4f1c2b8e6d3a4c5e9b7f2a1d0e8c6b54"));
        assert!(is_language_tag("en-GB") && is_language_tag("cy") && is_language_tag("sgn-GB"));
        assert!(!is_language_tag("English") && !is_language_tag("en_GB") && !is_language_tag(""));
        let digest = crate::summary::sha256_base64url(b"x");
        assert!(is_base64url_of_len(&digest, 32));
        // The same bytes with a stray bit in the last character.
        const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let last = digest.chars().last().unwrap();
        let v = ALPHABET.find(last).unwrap();
        let stray = format!("{}{}", &digest[..42], &ALPHABET[v + 1..v + 2]);
        assert!(!is_base64url_of_len(&stray, 32), "{stray}");
        assert!(!is_base64url_of_len(&format!("{digest}="), 32));
    }
}
