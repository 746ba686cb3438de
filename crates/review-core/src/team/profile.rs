//! The team configuration as data: what `team.json` holds (the types the
//! schema is generated from), the format's name and version, and why a file
//! was refused ([`TeamError`]). Reading a file is `read`'s; deciding which
//! configuration is in force is the parent's.

use crate::summary::TeamKeys;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a team configuration says it is.
pub const FORMAT: &str = "review-together/team";
/// The version of the format this build reads and documents.
pub const VERSION: u32 = 1;
/// The file's name beside the app.
pub const FILE_NAME: &str = "team.json";
/// Where the schema is published, relative to the repository root.
pub const SCHEMA_PATH: &str = "docs/team-v1.schema.json";
/// The schema's stable identifier (its `$id`).
pub const SCHEMA_ID: &str = "urn:review-together:schema:team-v1";
/// A configuration is a few kilobytes; far larger is not one.
pub const MAX_BYTES: usize = 256 * 1024;

/// A team's configuration, as `team.json` holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(title = "Review Together team configuration, version 1")]
pub struct TeamProfile {
    /// Where an editor finds the schema (optional, not read).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always "review-together/team".
    #[schemars(regex(pattern = r"^review-together/team$"))]
    pub format: String,
    /// Always 1 for this format.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The day the team last changed this file (YYYY-MM-DD): the app shows
    /// it beside the configuration in force.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub updated: String,
    /// The team, as a carer contacts it.
    pub team: TeamContacts,
    /// How a carer or the person cared for can complain.
    pub complaints: Complaints,
    /// The records team's key list: the tablets whose summaries it trusts,
    /// in the format `review-summary keys` writes (a JWK Set). "Check a
    /// summary file" uses it on every tablet of the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<KeyListShape>")]
    pub keys: Option<serde_json::Value>,
    /// The identifiers the team's records use for a carer or a case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<IdentifierRule>,
    /// The languages the team offers a meeting in (BCP 47 tags, e.g.
    /// "en-GB", "cy", "pl"), the first being the team's own.
    #[schemars(length(min = 1))]
    pub languages: Vec<String>,
}

/// The outline of a key list for the schema; the app reads it strictly with
/// the same reader as the records teams' CLI.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct KeyListShape {
    keys: Vec<serde_json::Map<String, serde_json::Value>>,
    updated: Option<String>,
}

/// How to reach the team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TeamContacts {
    /// The team's name as carers know it.
    #[schemars(length(min = 1))]
    pub name: String,
    /// The organisation it belongs to, if it helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// A phone number: digits, spaces, "+", "(", ")" and "-".
    #[schemars(regex(pattern = r"^[0-9 +()-]+$"))]
    pub phone: String,
    pub email: String,
    /// A postal address, its lines separated by commas or new lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// When the phone is answered ("Monday to Friday, 9am to 5pm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
}

/// The complaints route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Complaints {
    /// In plain words: how to complain, and what happens next.
    #[schemars(length(min = 1))]
    pub how: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9 +()-]+$"))]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A web page about complaints (https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^https://"))]
    pub web: Option<String>,
}

pub use crate::identifiers::IdentifierRule;

/// Why a configuration was refused: the member (as a path, `team.email`,
/// `identifiers[2].format`) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamError {
    pub field: String,
    pub why: String,
}

impl fmt::Display for TeamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.why)
        } else {
            write!(f, "{}: {}", self.field, self.why)
        }
    }
}

pub(super) fn wrong(field: impl Into<String>, why: impl Into<String>) -> TeamError {
    TeamError {
        field: field.into(),
        why: why.into(),
    }
}

impl TeamProfile {
    /// The key list in the file, if it has one (read when the file was).
    pub fn key_list(&self) -> Option<TeamKeys> {
        let keys = self.keys.as_ref()?;
        TeamKeys::from_json(&keys.to_string()).ok()
    }
}
