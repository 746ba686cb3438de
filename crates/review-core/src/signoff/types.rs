//! Sign-off (P23) as data: what each person said when they signed and how,
//! and what an amendment replaces.

use crate::base::Id;
use crate::setup::sharing::{Shown, Visibility};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// What someone says when they sign.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum SignOffDecision {
    Agrees,
    AgreesWithComment {
        comment: String,
        /// Who may see the comment (`None` in reviews whose agreement never
        /// decided who may see what; the sign-off fills in the default).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
    },
    Disagrees {
        reason: String,
        /// Who may see the reason, as for a comment.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
    },
}
impl SignOffDecision {
    /// Their words, when they gave any, and who may see them.
    pub fn words(&self) -> Option<(&str, Option<Visibility>)> {
        match self {
            SignOffDecision::Agrees => None,
            SignOffDecision::AgreesWithComment {
                comment: words,
                visibility,
            }
            | SignOffDecision::Disagrees {
                reason: words,
                visibility,
            } => Some((words, *visibility)),
        }
    }
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
