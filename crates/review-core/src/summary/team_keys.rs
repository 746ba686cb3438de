//! The records team's key list: the tablets whose summaries it trusts, as a
//! JWK Set (RFC 7517) whose Ed25519 keys each carry the device's name, when
//! it was added, and whether (and since when) it is retired or revoked; and
//! the team's receipt log, which says when each file arrived.
//!
//! One model for the CLI (`review-summary keys`, `verify --trusted-keys`),
//! the app's "Check a summary" screen, and the team's configuration file.
//!
//! Retired: the tablet was replaced; summaries it signed before are still
//! accepted, any it claims to have signed since are flagged. Revoked: the
//! tablet was lost or stolen; a device's clock is its own claim and a thief
//! can backdate, so a summary from a revoked key counts only when the
//! receipt log shows it arrived before the revocation.
//!
//! A list is read strictly: an entry with a member of the wrong type, a
//! `retired` without its date, a `kid` that is not the key's thumbprint, or
//! a member nobody knows rejects the whole list, with the reason. Keys of
//! other kinds (a team's set may hold some for other systems) are passed over.

use super::canonical::{parse_strict, to_canonical_vec};
use super::keys::{sha256_base64url, KeyError, PublicJwk};
use super::strings::{is_rfc3339_seconds, ALG};
use crate::tr;
use serde_json::{json, Map, Value};

pub use super::receipts::{Receipt, Receipts};
use super::strings::before;
use std::fmt;

/// One tablet the team trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamKey {
    pub jwk: PublicJwk,
    /// The RFC 7638 thumbprint of `jwk`: the key's id and fingerprint.
    pub kid: String,
    /// The device's name, as the team knows it ("Sam Patel's tablet").
    pub name: String,
    /// When the team added it (RFC 3339).
    pub added: String,
    /// When the team retired it, if it did.
    pub retired: Option<String>,
    /// When the team revoked it, if it did.
    pub revoked: Option<String>,
}

/// What a list says of one key, for one summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Not in the list.
    Unknown,
    /// In the list and in use.
    Trusted,
    /// Retired, and the summary says it was signed before then.
    RetiredSignedBefore,
    /// Retired, and the summary says it was signed after (or cannot say).
    RetiredSignedAfter,
    /// Revoked, and the receipt log shows the file arrived before then.
    RevokedReceivedBefore,
    /// Revoked, and nothing shows the file arrived before then.
    Revoked,
}

impl Standing {
    /// Whether a summary from a key in this standing is to be relied on.
    pub fn counts(&self) -> bool {
        matches!(
            self,
            Standing::Trusted | Standing::RetiredSignedBefore | Standing::RevokedReceivedBefore
        )
    }
}

/// The team's key list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamKeys {
    pub keys: Vec<TeamKey>,
    /// When the list was last changed (RFC 3339), if it says.
    pub updated: Option<String>,
}

/// Why a key list could not be read or changed, in words for the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamKeysError {
    NotJson(String),
    NotAKeySet,
    /// Entry `n` (from 1) is wrong, and why.
    Entry(usize, String),
    Key(usize, KeyError),
    Duplicate(String),
    NotInList(String),
    AlreadyRevoked(String),
    AlreadyRetired(String),
    BadTime(String),
}

impl fmt::Display for TeamKeysError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            TeamKeysError::NotJson(e) => tr!("the key list is not valid JSON ({why})", why = e),
            TeamKeysError::NotAKeySet => {
                tr!("the key list is not a JWK Set (an object with \"keys\": [ ... ])")
            }
            TeamKeysError::Entry(n, why) => tr!("key {n} of the list: {why}", n = n, why = why),
            TeamKeysError::Key(n, e) => tr!("key {n} of the list: {why}", n = n, why = e),
            TeamKeysError::Duplicate(kid) => tr!("the key {kid} is in the list already", kid = kid),
            TeamKeysError::NotInList(kid) => tr!("no key {kid} is in the list", kid = kid),
            TeamKeysError::AlreadyRevoked(kid) => {
                tr!("the key {kid} is revoked already", kid = kid)
            }
            TeamKeysError::AlreadyRetired(kid) => {
                tr!("the key {kid} is retired already", kid = kid)
            }
            TeamKeysError::BadTime(t) => tr!(
                "{time} is not a time in RFC 3339 to the second, e.g. 2026-12-03T10:00:00+00:00",
                time = format!("{t:?}")
            ),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for TeamKeysError {}

/// The members an entry of ours may have.
const MEMBERS: [&str; 12] = [
    "kty",
    "crv",
    "x",
    "kid",
    "alg",
    "use",
    "name",
    "added",
    "retired",
    "retiredAt",
    "revoked",
    "revokedAt",
];

fn entry_error(n: usize, why: impl Into<String>) -> TeamKeysError {
    TeamKeysError::Entry(n, why.into())
}

/// A member that must be text.
fn text<'a>(key: &'a Map<String, Value>, name: &str, n: usize) -> Result<&'a str, TeamKeysError> {
    match key.get(name) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(entry_error(
            n,
            tr!(
                "\"{name}\" must be text, not {other}",
                name = name,
                other = kind_of(other)
            ),
        )),
        None => Err(entry_error(n, tr!("it has no \"{name}\"", name = name))),
    }
}

fn kind_of(v: &Value) -> String {
    match v {
        Value::Null => tr!("null"),
        Value::Bool(_) => tr!("true or false"),
        Value::Number(_) => tr!("a number"),
        Value::String(_) => tr!("text"),
        Value::Array(_) => tr!("a list"),
        Value::Object(_) => tr!("an object"),
    }
}

/// `retired`/`revoked` (true or false, never anything else) and its date.
fn flag(
    key: &Map<String, Value>,
    name: &str,
    at: &str,
    n: usize,
) -> Result<Option<String>, TeamKeysError> {
    match key.get(name) {
        Some(Value::Bool(false)) => {
            if key.contains_key(at) {
                return Err(entry_error(
                    n,
                    tr!(
                        "\"{at}\" is given but \"{name}\" is false",
                        at = at,
                        name = name
                    ),
                ));
            }
            Ok(None)
        }
        Some(Value::Bool(true)) => {
            let when = text(key, at, n).map_err(|_| {
                entry_error(
                    n,
                    tr!(
                        "\"{name}\" is true but \"{at}\" gives no time",
                        name = name,
                        at = at
                    ),
                )
            })?;
            if !is_rfc3339_seconds(when) {
                return Err(entry_error(
                    n,
                    tr!(
                        "\"{at}\" is not an RFC 3339 time: {when}",
                        at = at,
                        when = format!("{when:?}")
                    ),
                ));
            }
            Ok(Some(when.to_string()))
        }
        Some(other) => Err(entry_error(
            n,
            tr!(
                "\"{name}\" must be true or false, not {other}",
                name = name,
                other = describe(other)
            ),
        )),
        None => Err(entry_error(
            n,
            tr!("it has no \"{name}\" (true or false)", name = name),
        )),
    }
}

/// The key an entry (or a device's key file) holds: `x` a valid Ed25519
/// point, `kid` (when given) its thumbprint, `alg` and `use` (when given)
/// ours.
fn key_of(key: &Map<String, Value>, n: usize) -> Result<(PublicJwk, String), TeamKeysError> {
    let jwk = PublicJwk {
        kty: "OKP".into(),
        crv: "Ed25519".into(),
        x: text(key, "x", n)?.into(),
    };
    jwk.verifying_key().map_err(|e| TeamKeysError::Key(n, e))?;
    let kid = jwk.thumbprint();
    if let Some(named) = key.get("kid") {
        if named.as_str() != Some(kid.as_str()) {
            return Err(TeamKeysError::Key(
                n,
                KeyError::KidNotThumbprint(named.to_string()),
            ));
        }
    }
    for (member, wanted) in [("alg", ALG), ("use", "sig")] {
        if let Some(v) = key.get(member) {
            if v.as_str() != Some(wanted) {
                return Err(entry_error(
                    n,
                    tr!(
                        "\"{member}\" must be \"{wanted}\"",
                        member = member,
                        wanted = wanted
                    ),
                ));
            }
        }
    }
    Ok((jwk, kid))
}

/// Read the public key file a tablet offers ("Key for the records team"):
/// one Ed25519 JWK, with at most `kid`, `alg` and `use` besides its key. A
/// private key (`d`) is refused: it must never leave the tablet.
pub fn device_key_from_json(text_in: &str) -> Result<PublicJwk, TeamKeysError> {
    const DEVICE_MEMBERS: [&str; 6] = ["kty", "crv", "x", "kid", "alg", "use"];
    let value =
        parse_strict(text_in.as_bytes()).map_err(|e| TeamKeysError::NotJson(e.to_string()))?;
    let key = value
        .as_object()
        .ok_or_else(|| entry_error(1, "the key file is not a JSON object"))?;
    if key.contains_key("d") {
        return Err(entry_error(
            1,
            "this file holds a PRIVATE key (\"d\"); only the public key may leave the tablet",
        ));
    }
    let kty = key.get("kty").and_then(Value::as_str).unwrap_or("");
    let crv = key.get("crv").and_then(Value::as_str).unwrap_or("");
    if kty != "OKP" || crv != "Ed25519" {
        return Err(TeamKeysError::Key(1, KeyError::NotOkpEd25519));
    }
    if let Some(unknown) = key.keys().find(|k| !DEVICE_MEMBERS.contains(&k.as_str())) {
        return Err(entry_error(
            1,
            tr!(
                "the key file has a member \"{unknown}\" a tablet's key does not have",
                unknown = unknown
            ),
        ));
    }
    Ok(key_of(key, 1)?.0)
}

fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => tr!("the text {s}", s = format!("{s:?}")),
        other => kind_of(other).to_string(),
    }
}

impl TeamKeys {
    /// Read a key list, strictly (see the module's doc).
    pub fn from_json(text_in: &str) -> Result<TeamKeys, TeamKeysError> {
        let value =
            parse_strict(text_in.as_bytes()).map_err(|e| TeamKeysError::NotJson(e.to_string()))?;
        let set = value.as_object().ok_or(TeamKeysError::NotAKeySet)?;
        let entries = set
            .get("keys")
            .and_then(Value::as_array)
            .ok_or(TeamKeysError::NotAKeySet)?;
        let updated = match set.get("updated") {
            None => None,
            Some(Value::String(t)) if is_rfc3339_seconds(t) => Some(t.clone()),
            Some(other) => {
                return Err(TeamKeysError::BadTime(describe(other)));
            }
        };
        let mut keys: Vec<TeamKey> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let n = i + 1;
            let key = entry
                .as_object()
                .ok_or_else(|| entry_error(n, "it is not an object"))?;
            // A team's set may hold keys of other kinds, for other systems.
            let kty = key.get("kty").and_then(Value::as_str).unwrap_or("");
            let crv = key.get("crv").and_then(Value::as_str).unwrap_or("");
            if kty != "OKP" || crv != "Ed25519" {
                continue;
            }
            if let Some(unknown) = key.keys().find(|k| !MEMBERS.contains(&k.as_str())) {
                return Err(entry_error(
                    n,
                    tr!(
                        "it has a member \"{unknown}\" a key list does not use (allowed: {list})",
                        unknown = unknown,
                        list = MEMBERS.join(", ")
                    ),
                ));
            }
            let (jwk, kid) = key_of(key, n)?;
            let name = text(key, "name", n)?.trim().to_string();
            if name.is_empty() {
                return Err(entry_error(
                    n,
                    "its \"name\" is empty: say which device it is",
                ));
            }
            let added = text(key, "added", n)?.to_string();
            if !is_rfc3339_seconds(&added) {
                return Err(entry_error(
                    n,
                    tr!(
                        "\"added\" is not an RFC 3339 time: {added}",
                        added = format!("{added:?}")
                    ),
                ));
            }
            let retired = flag(key, "retired", "retiredAt", n)?;
            let revoked = flag(key, "revoked", "revokedAt", n)?;
            if keys.iter().any(|k| k.kid == kid) {
                return Err(TeamKeysError::Duplicate(kid));
            }
            keys.push(TeamKey {
                jwk,
                kid,
                name,
                added,
                retired,
                revoked,
            });
        }
        Ok(TeamKeys { keys, updated })
    }

    /// The list as JSON in RFC 8785 form (what `review-summary keys` writes).
    pub fn to_json(&self) -> String {
        let keys: Vec<Value> = self
            .keys
            .iter()
            .map(|k| {
                let mut v = json!({
                    "kty": k.jwk.kty, "crv": k.jwk.crv, "x": k.jwk.x, "kid": k.kid,
                    "alg": ALG, "use": "sig", "name": k.name, "added": k.added,
                    "retired": k.retired.is_some(), "revoked": k.revoked.is_some(),
                });
                if let Some(at) = &k.retired {
                    v["retiredAt"] = at.clone().into();
                }
                if let Some(at) = &k.revoked {
                    v["revokedAt"] = at.clone().into();
                }
                v
            })
            .collect();
        let mut set = json!({ "keys": keys });
        if let Some(updated) = &self.updated {
            set["updated"] = updated.clone().into();
        }
        String::from_utf8(to_canonical_vec(&set).unwrap_or_default()).unwrap_or_default()
    }

    /// The list's own fingerprint: the SHA-256 of its RFC 8785 form, so two
    /// people can say over the phone whether they hold the same list.
    pub fn fingerprint(&self) -> String {
        sha256_base64url(self.to_json().as_bytes())
    }

    pub fn get(&self, kid: &str) -> Option<&TeamKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Add a tablet's public key under a name, at `now`.
    pub fn add(
        &mut self,
        jwk: PublicJwk,
        name: &str,
        now: &str,
    ) -> Result<&TeamKey, TeamKeysError> {
        jwk.verifying_key()
            .map_err(|e| TeamKeysError::Key(self.keys.len() + 1, e))?;
        let name = name.trim();
        if name.is_empty() {
            return Err(entry_error(
                self.keys.len() + 1,
                "its name is empty: say which device it is",
            ));
        }
        check_time(now)?;
        let kid = jwk.thumbprint();
        if self.get(&kid).is_some() {
            return Err(TeamKeysError::Duplicate(kid));
        }
        self.keys.push(TeamKey {
            jwk,
            kid,
            name: name.to_string(),
            added: now.to_string(),
            retired: None,
            revoked: None,
        });
        self.updated = Some(now.to_string());
        Ok(self.keys.last().expect("just pushed"))
    }

    /// Retire a key (its tablet was replaced) at `at`.
    pub fn retire(&mut self, kid: &str, at: &str, now: &str) -> Result<(), TeamKeysError> {
        self.mark(
            kid,
            at,
            now,
            |k| &mut k.retired,
            TeamKeysError::AlreadyRetired,
        )
    }

    /// Revoke a key (its tablet was lost or stolen) at `at`.
    pub fn revoke(&mut self, kid: &str, at: &str, now: &str) -> Result<(), TeamKeysError> {
        self.mark(
            kid,
            at,
            now,
            |k| &mut k.revoked,
            TeamKeysError::AlreadyRevoked,
        )
    }

    /// Set a key's `retired` or `revoked` time, once: a key marked already
    /// gives `already` with its id.
    fn mark(
        &mut self,
        kid: &str,
        at: &str,
        now: &str,
        time: fn(&mut TeamKey) -> &mut Option<String>,
        already: fn(String) -> TeamKeysError,
    ) -> Result<(), TeamKeysError> {
        check_time(at)?;
        check_time(now)?;
        let key = self.find_mut(kid)?;
        if time(key).is_some() {
            return Err(already(key.kid.clone()));
        }
        *time(key) = Some(at.to_string());
        self.updated = Some(now.to_string());
        Ok(())
    }

    /// A key by its id, or by its fingerprint as read out in groups
    /// ("pTTN yNPx …"): spaces are ignored.
    fn find_mut(&mut self, kid: &str) -> Result<&mut TeamKey, TeamKeysError> {
        let wanted: String = kid.chars().filter(|c| !c.is_whitespace()).collect();
        self.keys
            .iter_mut()
            .find(|k| k.kid == wanted)
            .ok_or(TeamKeysError::NotInList(wanted))
    }

    /// What the list says of the key `kid` for a summary that claims to be
    /// signed at `signed_at`, whose file's SHA-256 is `sha256`.
    pub fn standing(
        &self,
        kid: &str,
        signed_at: Option<&str>,
        sha256: &str,
        receipts: Option<&Receipts>,
    ) -> Standing {
        let Some(key) = self.get(kid) else {
            return Standing::Unknown;
        };
        if let Some(revoked) = &key.revoked {
            let arrived_before = receipts
                .and_then(|r| r.first_arrival(sha256))
                .is_some_and(|arrived| before(arrived, revoked));
            return if arrived_before {
                Standing::RevokedReceivedBefore
            } else {
                Standing::Revoked
            };
        }
        if let Some(retired) = &key.retired {
            return match signed_at {
                Some(at) if !before(retired, at) => Standing::RetiredSignedBefore,
                _ => Standing::RetiredSignedAfter,
            };
        }
        Standing::Trusted
    }
}

fn check_time(t: &str) -> Result<(), TeamKeysError> {
    if is_rfc3339_seconds(t) {
        Ok(())
    } else {
        Err(TeamKeysError::BadTime(t.to_string()))
    }
}
