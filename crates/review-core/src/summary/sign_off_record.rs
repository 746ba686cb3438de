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
        /// Why, in their words: empty when each of their `points` says why.
        reason: String,
        /// Who may see the reason, and the words of their points (absent in
        /// reviews from before it was asked).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
        /// The points of the review they do not agree with, each beside
        /// what it is about (since December 2026; absent when none was
        /// chosen, and in every summary signed before).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        points: Vec<DisagreedPointRecord>,
    },
}

/// One point of the review someone does not agree with: a row of the check
/// page they were shown while they signed, and why.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DisagreedPointRecord {
    /// The part of the review the row is in.
    pub part: crate::part::Part,
    /// What the row is about, as the check page named it.
    pub about: String,
    /// What the row said, as shown.
    pub said: String,
    /// The item the row tells more of (the id of an evidence note, a point,
    /// a gap, a cover risk, a matter, an action, or `<service id>/needs-met`,
    /// `outcome/rationale` and the like), when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Why they do not agree with it.
    pub why: String,
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

/// What an advocate or interpreter confirmed at sign-off (P18, P23).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfirmationRecord {
    /// The advocate or interpreter (a participant id).
    pub participant: String,
    /// What they were there to confirm: `accurate-interpretation` (an
    /// interpreter) or `own-view-carried` (an advocate: the views they gave
    /// were the person's own).
    pub confirms: crate::signoff::types::Confirms,
    /// Whether they could confirm it.
    pub confirmed: bool,
    /// What they could not confirm, in their words (only when they could not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub confirmed_at: DateTimeText,
}

/// How one person showed they agree.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonAgreedHow {
    pub participant: String,
    pub how: crate::agreement::types::HowAgreed,
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
    /// How they showed what they think (since December 2026; absent when it
    /// was not recorded, and in summaries signed before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<crate::agreement::types::HowAgreed>,
}
