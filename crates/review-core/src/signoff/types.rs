//! Sign-off (P23) as data: what each person said when they signed and how,
//! and what an amendment replaces.

use crate::base::Id;
use crate::setup::sharing::Shown;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// What someone says when they sign.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum SignOffDecision {
    Agrees,
    AgreesWithComment { comment: String },
    Disagrees { reason: String },
}

/// How they showed it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum SignOffMethod {
    /// A tap on "I agree" / "I do not agree".
    Tap,
    /// Their name, typed.
    TypedName { name: String },
    /// A mark drawn with a finger, kept as a small SVG path (`M x y L x y ...`).
    DrawnMark { path: String },
    /// Through their advocate or interpreter: who, and how the person showed it.
    ThroughSupporter { by: Id, how: String },
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SignOff {
    pub participant: Id,
    pub decision: SignOffDecision,
    pub method: SignOffMethod,
    pub signed_at: DateTime<FixedOffset>,
    /// What the check page showed while they signed (`None` in reviews
    /// whose agreement never decided who may see what).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Shown>,
}

/// The earlier version an amended review replaces.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Amendment {
    pub previous_id: Id,
    pub previous_version: u32,
    /// Why the signed-off review is being amended.
    pub reason: String,
    /// What was changed, in the worker's words.
    pub what_changed: String,
    pub amended_at: DateTime<FixedOffset>,
}
