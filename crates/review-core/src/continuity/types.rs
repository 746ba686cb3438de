//! What a review keeps of the last signed review it follows on from
//! (issue 27): which summary it was (for the `continues` link), last
//! time's ratings (to show beside this time's), and last time's actions
//! and escalations with what this meeting says became of them.

use crate::base::{choices, Id, Person};
use crate::criteria::types::ScalePoint;
use crate::setup::sharing::Visibility;
use crate::tr;
use serde::{Deserialize, Serialize};

/// The last signed review, as this one carries it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LastReview {
    /// Its summary's `documentId`.
    pub document_id: String,
    /// SHA-256 of its summary file's bytes, base64url, exactly as checked.
    pub sha256: String,
    /// Its review's id in the app that recorded it.
    pub review_id: String,
    /// When it was signed off (RFC 3339, the summary's `finalisedAt`).
    pub finalised_at: String,
    /// Last time's ratings of the criteria brought forward, by this
    /// review's criterion and participant ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<LastRating>,
    /// Last time's actions brought forward to be followed up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<LastAction>,
    /// Last time's escalations brought forward to be asked about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalations: Vec<LastEscalation>,
}

/// One person's rating of one criterion last time.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LastRating {
    pub criterion: Id,
    pub participant: Id,
    pub point: ScalePoint,
}

/// Something someone was to do after the last review, and what became of it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LastAction {
    /// Its id in the last summary.
    pub id: Id,
    pub what: String,
    /// Who was to do it: someone taking part now, or their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Person>,
    /// When by (YYYY-MM-DD), when it had a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Who could see it last time (`None`: nothing was decided then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// What this meeting says became of it; `None` until asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<ActionFollowUp>,
    /// The action of this review it was carried forward as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_as: Option<Id>,
}

/// A matter taken beyond the worker last time, and whether it is settled.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LastEscalation {
    /// Its id in the last summary.
    pub id: Id,
    pub matter: String,
    /// Who it went to, in words (empty when not recorded).
    #[serde(default)]
    pub to_whom: String,
    /// Who could see it last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Whether it is resolved; `None` until asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<EscalationFollowUp>,
}

choices! {
    /// What became of one of last time's actions (revision criterion 8).
    pub enum ActionFollowUp {
        Done => "done", "Done";
        Partly => "partly", "Partly done";
        NotDone => "not-done", "Not done";
        CarriedForward => "carried-forward", "Carry it forward into this review";
        NoLongerNeeded => "no-longer-needed", "No longer needed";
    }
}

impl ActionFollowUp {
    /// What became of it, as the check page and the copies say it (the
    /// choice's own words ask; these tell).
    pub fn told(self) -> String {
        match self {
            ActionFollowUp::CarriedForward => tr!("Carried forward into this review"),
            other => other.label(),
        }
    }
}

choices! {
    /// Whether one of last time's escalations is settled.
    pub enum EscalationFollowUp {
        Resolved => "resolved", "Resolved";
        StillOpen => "still-open", "Still open";
    }
}

/// How a rating compares with the same person's last time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Better,
    Same,
    Worse,
}
impl Trend {
    /// In words.
    pub fn words(self) -> String {
        match self {
            Trend::Better => tr!("Better than last time"),
            Trend::Same => tr!("The same as last time"),
            Trend::Worse => tr!("Worse than last time"),
        }
    }

    /// As a symbol, shown beside the words (never instead of them).
    pub fn symbol(self) -> &'static str {
        match self {
            Trend::Better => "▲",
            Trend::Same => "=",
            Trend::Worse => "▼",
        }
    }

    /// Its key, for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            Trend::Better => "better",
            Trend::Same => "same",
            Trend::Worse => "worse",
        }
    }

    /// `now` against `then` on one scale (points are listed best first);
    /// `None` when they are on different scales.
    pub fn of(then: ScalePoint, now: ScalePoint) -> Option<Trend> {
        if then.scale() != now.scale() {
            return None;
        }
        // Each scale's points are listed together, best first.
        let rank = |p| ScalePoint::ALL.iter().position(|q| *q == p);
        Some(match rank(now)?.cmp(&rank(then)?) {
            std::cmp::Ordering::Less => Trend::Better,
            std::cmp::Ordering::Equal => Trend::Same,
            std::cmp::Ordering::Greater => Trend::Worse,
        })
    }
}
