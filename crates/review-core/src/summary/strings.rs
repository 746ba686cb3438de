//! The strings of a summary with a fixed shape (ids, times, dates, language
//! tags, digests, drawn marks, and the constant values), each checked when it
//! is read with the same rule its schema pattern states, so serde and the
//! schema accept exactly the same values.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

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

/// The `typ` of our protected header.
pub const JWS_TYPE: &str = "review-together-summary+jws";
/// The value of an addendum's `"format"` (see `addendum.rs`).
pub const ADDENDUM_FORMAT: &str = "review-together/addendum";
/// The value of an addendum's `"formatVersion"` this build writes.
pub const ADDENDUM_FORMAT_VERSION: &str = "1";
/// The `typ` of an addendum's protected header: never a summary's, so a
/// signature made over one cannot pass as the other's.
pub const ADDENDUM_JWS_TYPE: &str = "review-together-addendum+jws";
/// The algorithm we write: the fully specified name of RFC 9864.
pub const ALG: &str = "Ed25519";
/// The older name (RFC 8037) that verification accepts too.
pub const ALG_LEGACY: &str = "EdDSA";

/// The summary formats this build reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatVersion {
    V1,
    V2,
}

impl FormatVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            FormatVersion::V1 => FORMAT_VERSION_1,
            FormatVersion::V2 => FORMAT_VERSION,
        }
    }
}

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
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

pub(crate) fn is_digits(b: &[u8]) -> bool {
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
    pub struct FormatVersionText = FORMAT_VERSION;
}

fixed_string! {
    /// Always `1` in a format 1 summary.
    pub struct FormatVersion1Text = FORMAT_VERSION_1;
}

fixed_string! {
    /// Always `review-together/addendum`.
    pub struct AddendumFormat = ADDENDUM_FORMAT;
}

fixed_string! {
    /// Always `1` for this version of the addendum format.
    pub struct AddendumFormatVersionText = ADDENDUM_FORMAT_VERSION;
}

fixed_string! {
    /// Always `SCDHSC0387`.
    pub struct StandardCode = STANDARD_CODE;
}

/// Whether RFC 3339 moment `a` is strictly before `b` (offsets counted).
pub(super) fn before(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a < b,
        _ => false,
    }
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
