//! The summary's record of each person's sign-off (P23): what they said and
//! how they showed it. Part of the document (`document.rs`).

use super::strings::*;
use crate::setup::sharing::{Shown, Visibility};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What someone said when they signed.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum DecisionRecord {
    Agrees {},
    AgreesWithComment {
        comment: String,
        /// Who may see the comment (absent in reviews from before it was asked).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
    },
    Disagrees {
        reason: String,
        /// Who may see the reason (absent in reviews from before it was asked).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
    },
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
    /// What the check page showed while they signed: `everything`, or only
    /// what the `carer-copy`, the `individual-copy` or `everyone-only` holds
    /// (absent in reviews from before who may see what was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Shown>,
}
