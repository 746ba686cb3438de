//! The records team's receipt log: when each file arrived, by the team's
//! clock (one JSON object a line, appended by `review-summary receive`), so
//! a file signed with a key revoked later can be shown to have come before.

use super::canonical::to_canonical_vec;
use super::strings::{before, is_rfc3339_seconds};
use crate::tr;
use serde_json::{json, Value};

/// One file's arrival at the records team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// SHA-256 of the file's bytes, in base64url.
    pub sha256: String,
    pub document_id: Option<String>,
    /// When it arrived, by the team's clock (RFC 3339).
    pub received_at: String,
}

/// The team's receipt log: one JSON object a line (NDJSON), appended by
/// `review-summary receive`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receipts {
    pub receipts: Vec<Receipt>,
}

impl Receipts {
    /// Read a log; a line that is not a receipt is refused with its number.
    pub fn from_ndjson(text: &str) -> Result<Receipts, String> {
        let mut receipts = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |why: &str| tr!("line {n} of the receipt log {why}", n = i + 1, why = why);
            let v: Value = serde_json::from_str(line).map_err(|_| bad(&tr!("is not JSON")))?;
            let sha256 = v
                .get("sha256")
                .and_then(Value::as_str)
                .filter(|s| super::strings::is_base64url_of_len(s, 32))
                .ok_or_else(|| bad(&tr!("has no SHA-256 (\"sha256\", base64url)")))?;
            let received_at = v
                .get("receivedAt")
                .and_then(Value::as_str)
                .filter(|t| is_rfc3339_seconds(t))
                .ok_or_else(|| bad(&tr!("has no RFC 3339 \"receivedAt\"")))?;
            receipts.push(Receipt {
                sha256: sha256.to_string(),
                document_id: v
                    .get("documentId")
                    .and_then(Value::as_str)
                    .map(String::from),
                received_at: received_at.to_string(),
            });
        }
        Ok(Receipts { receipts })
    }

    /// The line for one arrival, to append to the log.
    pub fn line(receipt: &Receipt) -> String {
        let mut v = json!({ "sha256": receipt.sha256, "receivedAt": receipt.received_at });
        if let Some(id) = &receipt.document_id {
            v["documentId"] = id.clone().into();
        }
        String::from_utf8(to_canonical_vec(&v).unwrap_or_default()).unwrap_or_default()
    }

    /// When a file with this SHA-256 first arrived.
    pub fn first_arrival(&self, sha256: &str) -> Option<&str> {
        self.receipts
            .iter()
            .filter(|r| r.sha256 == sha256)
            .map(|r| r.received_at.as_str())
            .min_by(|a, b| {
                if before(a, b) {
                    std::cmp::Ordering::Less
                } else {
                    std::cmp::Ordering::Greater
                }
            })
    }
}
