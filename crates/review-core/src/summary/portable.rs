//! The format's portable rules: only integers within ±2^53, no `null`, all
//! text in Unicode NFC; and whether bytes are exactly their RFC 8785 form.

use crate::tr;
use serde_json::Value;
use std::fmt::Write;

/// Whether text is in NFC: ASCII always is, and is found so at once.
fn is_nfc(text: &str) -> bool {
    text.is_ascii() || unicode_normalization::is_nfc(text)
}

/// Whether `bytes` are exactly the RFC 8785 canonical form of a JSON value
/// (with no member named twice).
pub fn is_canonical(bytes: &[u8]) -> bool {
    super::canonical::scan_canonical(bytes).is_some()
}

/// The largest integer every JSON reader holds exactly (2^53 − 1).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// Where a value breaks the portable rules: the first few, and how many in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issues {
    /// At most the limit asked for, in document order.
    pub listed: Vec<String>,
    /// Every one found, listed or not.
    pub total: usize,
}

impl Issues {
    fn push(&mut self, limit: usize, issue: impl FnOnce() -> String) {
        if self.listed.len() < limit {
            self.listed.push(issue());
        }
        self.total += 1;
    }
}

/// Where `value` breaks the format's portable rules: any number that is not
/// an integer, any integer beyond ±(2^53 − 1), any `null`, any text not in
/// Unicode NFC. Each issue names its place as a JSON Pointer; at most
/// `limit` are written out (a hostile file can hold millions), all are counted.
pub fn portable_issues(value: &Value, limit: usize) -> Issues {
    let mut issues = Issues::default();
    // Nearly every file keeps the rules: a quick look first, and the walk
    // that names each place only when there is something to name.
    if !is_portable(value) {
        walk(value, &mut String::new(), limit, &mut issues);
    }
    issues
}

/// Whether `value` keeps every rule [`walk`] checks.
fn is_portable(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(_) => true,
        Value::Number(n) => n
            .as_i64()
            .is_some_and(|i| i.unsigned_abs() <= MAX_SAFE_INTEGER as u64),
        Value::String(s) => is_nfc(s),
        Value::Array(items) => items.iter().all(is_portable),
        Value::Object(members) => members
            .iter()
            .all(|(name, member)| is_nfc(name) && is_portable(member)),
    }
}

fn walk(value: &Value, at: &mut String, limit: usize, issues: &mut Issues) {
    let here = |at: &str| {
        if at.is_empty() {
            "/".to_string()
        } else {
            at.to_string()
        }
    };
    match value {
        Value::Null => issues.push(limit, || {
            tr!(
                "There is a null at {when}: a summary leaves out what it does not have.",
                when = here(at)
            )
        }),
        Value::Number(n) => {
            let in_range = n
                .as_i64()
                .map(|i| i.unsigned_abs() <= MAX_SAFE_INTEGER as u64)
                .or_else(|| n.as_u64().map(|u| u <= MAX_SAFE_INTEGER as u64));
            match in_range {
                Some(true) => {}
                Some(false) => issues.push(limit, || {
                    tr!("The number at {when} is beyond ±2^53, which not every program can read exactly.", when = here(at))
                }),
                None => issues.push(limit, || {
                    tr!("The number at {when} is not a whole number: a summary holds whole numbers only.", when = here(at))
                }),
            }
        }
        Value::String(s) => {
            if !is_nfc(s) {
                issues.push(limit, || {
                    tr!(
                        "The text at {when} is not in Unicode NFC form.",
                        when = here(at)
                    )
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = at.len();
                let _ = write!(at, "/{i}");
                walk(item, at, limit, issues);
                at.truncate(len);
            }
        }
        Value::Object(members) => {
            for (name, member) in members {
                if !is_nfc(name) {
                    issues.push(limit, || {
                        tr!(
                            "The name {name} is not in Unicode NFC form.",
                            name = format!("{name:?}")
                        )
                    });
                }
                let len = at.len();
                at.push('/');
                // JSON Pointer escaping (RFC 6901), made only when needed.
                if name.contains(['~', '/']) {
                    at.push_str(&name.replace('~', "~0").replace('/', "~1"));
                } else {
                    at.push_str(name);
                }
                walk(member, at, limit, issues);
                at.truncate(len);
            }
        }
        Value::Bool(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The quick look says yes exactly when the walk finds nothing.
    #[test]
    fn the_quick_look_agrees_with_the_walk() {
        for v in [
            json!({"a": [1, "x", true, {"b": "é"}]}),
            json!({"a": null}),
            json!([9007199254740991_i64, -9007199254740991_i64]),
            json!([9007199254740992_i64]),
            json!([-9007199254740992_i64]),
            json!([u64::MAX]),
            json!([0.5]),
            json!(["e\u{301}"]),
            json!({"e\u{301}": 1}),
            json!({"a/b~": {"c": [null]}}),
        ] {
            let mut walked = Issues::default();
            walk(&v, &mut String::new(), 10, &mut walked);
            assert_eq!(is_portable(&v), walked.total == 0, "{v}");
            assert_eq!(portable_issues(&v, 10), walked, "{v}");
        }
    }
}
