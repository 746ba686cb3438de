//! Does a signed summary still say what its review says? Used when a backup
//! is opened (a summary that does not match the review beside it is
//! refused) and when a signed-off review is loaded from the device's storage
//! (a draft edited in storage no longer matches the summary signed from it).
//!
//! [`compare`] verifies the file (intact: canonical bytes, a signature that
//! holds against the key embedded in it; whose key it is is not asked
//! here), then builds the document the review gives now and compares the
//! two member by member, leaving out only what the signing adds and the
//! review cannot give: `documentId`, `signedAt`, `previous` (the version it
//! amends), `app.version`, `language`, `recipientCopies` (the hashes of the
//! copies signed with it) and `signature`. Everything else (the review's
//! own id, version, times, every person, rating, word and sign-off, and
//! since issue 27 `continues`, the last review it follows on from, and the
//! follow-up of that review) must be equal.
//!
//! Format 1 files are compared in format 2's shape, as every verifier reads
//! them ([`super::v1::Summary::upgrade`]): each of a service's three texts
//! becomes one point whose speaker is not recorded, exactly as a format 1
//! draft is migrated. A format 1 summary and the migrated draft it was
//! signed from therefore compare equal, and any edit since shows as a
//! difference. Where a review cannot be turned into a summary at all (not
//! signed off, or missing what a signed-off review has), the answer is
//! [`Comparison::CannotCompare`], never a match.

use super::document::Summary;
use super::errors::{Verification, VerifyError, VerifyOptions};
use super::from_review::SummaryError;
use super::strings::FormatVersion;
use super::verify::verify;
use crate::model::{Review, ReviewState};
use crate::tr;
use serde_json::Value;
use std::fmt;

/// At most this many differing places are listed; the rest are counted.
pub const MAX_DIFFERENCES: usize = 12;

/// The top-level members only the signing gives, left out of the comparison.
pub const SIGNING_ONLY: [&str; 6] = [
    "documentId",
    "signedAt",
    "previous",
    "language",
    "signature",
    // The recipients' copies' hashes, known only once each copy is signed
    // (each copy is checked on its own: `copies::check_copy`).
    "recipientCopies",
];

/// What an intact summary says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedSummary {
    pub format_version: FormatVersion,
    pub document_id: String,
    /// The review it summarises.
    pub review_id: String,
    /// When it was signed, by the signing device's clock (RFC 3339).
    pub signed_at: String,
    /// The fingerprint (RFC 7638 thumbprint) of the key that signed it.
    pub kid: String,
    /// SHA-256 of the file's bytes, base64url.
    pub sha256: String,
}

/// What comparing a summary file with a review found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// The file is intact and says exactly what the review gives now.
    Matches(SignedSummary),
    /// The file is intact, but the review now gives something else. The
    /// places are JSON Pointers (RFC 6901) into the summary, such as
    /// `/criteria/0/ratings/1/point`, at most [`MAX_DIFFERENCES`].
    Differs {
        signed: SignedSummary,
        differences: Vec<String>,
        /// Differing places beyond those listed.
        unlisted: usize,
    },
    /// The file is not an intact signed summary: the verifier's reasons.
    NotIntact(Vec<VerifyError>),
    /// The file is intact, but the review cannot be compared with it.
    CannotCompare {
        signed: SignedSummary,
        reason: CannotCompare,
    },
}

/// Why an intact summary and a review cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CannotCompare {
    /// The review is not signed off, so it gives no summary to compare.
    NotSignedOff,
    /// The review lacks something a signed-off review always has.
    Incomplete(String),
}

impl fmt::Display for CannotCompare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CannotCompare::NotSignedOff => f.write_str(&tr!(
                "the review is not signed off, so it has no summary to compare"
            )),
            CannotCompare::Incomplete(what) => f.write_str(&tr!(
                "the review has no {what}, so it cannot be compared with its summary",
                what = what
            )),
        }
    }
}

impl Comparison {
    /// Only an intact file that says what the review says.
    pub fn matches(&self) -> bool {
        matches!(self, Comparison::Matches(_))
    }

    /// What the file says about itself, when it is intact.
    pub fn signed(&self) -> Option<&SignedSummary> {
        match self {
            Comparison::Matches(s)
            | Comparison::Differs { signed: s, .. }
            | Comparison::CannotCompare { signed: s, .. } => Some(s),
            Comparison::NotIntact(_) => None,
        }
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Comparison::Matches(_) => f.write_str(&tr!("The signed summary matches the review")),
            Comparison::Differs {
                differences,
                unlisted,
                ..
            } => {
                write!(
                    f,
                    "The review is not what its signed summary records: it differs at {}",
                    crate::words::places(differences, *unlisted)
                )
            }
            Comparison::NotIntact(errors) => {
                let first = errors.first().map(|e| e.message.as_str()).unwrap_or("");
                f.write_str(&tr!(
                    "The signed summary is damaged or was changed: {first}",
                    first = first
                ))
            }
            Comparison::CannotCompare { reason, .. } => f.write_str(&tr!(
                "The signed summary cannot be checked against the review: {reason}",
                reason = reason
            )),
        }
    }
}

/// Whether the summary file `bytes` is intact and says exactly what
/// `review` gives now (see the module doc for what is left out).
pub fn compare(bytes: &[u8], review: &Review) -> Comparison {
    let check = verify(bytes, &VerifyOptions::default());
    let (signed, summary) = match intact(check) {
        Ok(found) => found,
        Err(errors) => return Comparison::NotIntact(errors),
    };
    match differences(&summary, review) {
        Ok(differences) if differences.is_empty() => Comparison::Matches(signed),
        Ok(mut differences) => {
            let unlisted = differences.len().saturating_sub(MAX_DIFFERENCES);
            differences.truncate(MAX_DIFFERENCES);
            Comparison::Differs {
                signed,
                differences,
                unlisted,
            }
        }
        Err(reason) => Comparison::CannotCompare { signed, reason },
    }
}

fn intact(check: Verification) -> Result<(SignedSummary, Summary), Vec<VerifyError>> {
    if !check.is_intact() {
        return Err(check.errors);
    }
    let (Some(summary), Some(format_version), Some(kid), Some(signed_at)) = (
        check.summary,
        check.format_version,
        check.kid,
        check.signed_at,
    ) else {
        // An intact file always has these; say so rather than guess.
        return Err(vec![VerifyError::new(
            super::errors::ErrorCode::Schema,
            tr!("The summary could not be read after its signature was checked."),
        )]);
    };
    let signed = SignedSummary {
        format_version,
        document_id: summary.document_id.as_str().to_string(),
        review_id: summary.review_id.clone(),
        signed_at,
        kid,
        sha256: check.sha256,
    };
    Ok((signed, summary))
}

/// Every place where the summary the review gives now differs from
/// `signed`, in document order (all of them: the caller caps the list).
fn differences(signed: &Summary, review: &Review) -> Result<Vec<String>, CannotCompare> {
    if review.state != ReviewState::SignedOff || review.finalised_at.is_none() {
        return Err(CannotCompare::NotSignedOff);
    }
    let now = Summary::from_review(
        review,
        signed.document_id.as_str(),
        &signed.app.version,
        signed.language.as_str(),
        // Replaced below by the signed file's own time.
        &review.finalised_at.unwrap_or(review.updated_at),
    )
    .map_err(|e| match e {
        SummaryError::NotSignedOff => CannotCompare::NotSignedOff,
        SummaryError::Incomplete(what) => CannotCompare::Incomplete(what),
        // The id and language come from an intact file, so they are valid.
        other => CannotCompare::Incomplete(other.to_string()),
    })?;
    let mut a = comparable(signed);
    let mut b = comparable(&now);
    // The app's version is what the signing device ran, not the review's.
    for v in [&mut a, &mut b] {
        if let Some(app) = v.get_mut("app").and_then(Value::as_object_mut) {
            app.remove("version");
        }
    }
    let mut out = Vec::new();
    diff(&a, &b, &mut String::new(), &mut out);
    Ok(out)
}

/// The document as JSON without the members only the signing gives.
fn comparable(summary: &Summary) -> Value {
    let mut value = serde_json::to_value(summary).unwrap_or(Value::Null);
    if let Value::Object(members) = &mut value {
        for name in SIGNING_ONLY {
            members.remove(name);
        }
    }
    value
}

/// Every place two documents differ, as JSON Pointers, at most
/// [`MAX_DIFFERENCES`] of them.
pub(crate) fn differing_places(a: &Value, b: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff(a, b, &mut String::new(), &mut out);
    out.truncate(MAX_DIFFERENCES);
    out
}

/// RFC 6901: `~` as `~0`, `/` as `~1`.
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// Push the JSON Pointer of every place `a` and `b` differ (a member or
/// item present in one only counts as one place).
fn diff(a: &Value, b: &Value, at: &mut String, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut names: Vec<&String> = x.keys().chain(y.keys()).collect();
            names.sort();
            names.dedup();
            for name in names {
                let len = at.len();
                at.push('/');
                at.push_str(&escape(name));
                match (x.get(name), y.get(name)) {
                    (Some(p), Some(q)) => diff(p, q, at, out),
                    _ => out.push(at.clone()),
                }
                at.truncate(len);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let len = at.len();
                at.push('/');
                at.push_str(&i.to_string());
                match (x.get(i), y.get(i)) {
                    (Some(p), Some(q)) => diff(p, q, at, out),
                    _ => out.push(at.clone()),
                }
                at.truncate(len);
            }
        }
        _ if a != b => out.push(if at.is_empty() {
            "/".into()
        } else {
            at.clone()
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The places two documents differ, as JSON Pointers.
    #[test]
    fn differences_are_json_pointers_to_each_changed_place() {
        let cases = [
            (json!({"a": 1}), json!({"a": 1}), vec![]),
            (json!({"a": 1}), json!({"a": 2}), vec!["/a"]),
            (json!({"a": 1}), json!({}), vec!["/a"]),
            (json!({"a/b~": 1}), json!({"a/b~": 2}), vec!["/a~1b~0"]),
            (
                json!({"l": [1, 2]}),
                json!({"l": [1, 3, 4]}),
                vec!["/l/1", "/l/2"],
            ),
            (
                json!({"o": {"x": [{"y": "p"}]}}),
                json!({"o": {"x": [{"y": "q"}]}}),
                vec!["/o/x/0/y"],
            ),
            (json!(1), json!("1"), vec!["/"]),
        ];
        for (a, b, expected) in cases {
            let mut out = Vec::new();
            diff(&a, &b, &mut String::new(), &mut out);
            assert_eq!(out, expected, "{a} vs {b}");
        }
    }
}
