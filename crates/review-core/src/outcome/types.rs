//! What the review decided and why, everyone's view of it, and the next
//! review (P23).

use crate::base::{choices, Speaker};
use crate::ratings::types::RatingChannel;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

choices! {
    /// What the review decided about the carer's support plan (P23).
    pub enum OutcomeDecision {
        NoChange => "no-change", "No change: the plan stays as it is";
        ChangeToPlan => "change-to-plan", "Change the plan";
        ChangeToPlanAndBudget => "change-to-plan-and-budget", "Change the plan and the budget: a reassessment is needed";
    }
}
impl OutcomeDecision {
    /// A changed plan is reviewed again sooner (6 to 8 weeks).
    pub fn changes_plan(self) -> bool {
        !matches!(self, OutcomeDecision::NoChange)
    }
    pub fn needs_reassessment(self) -> bool {
        matches!(self, OutcomeDecision::ChangeToPlanAndBudget)
    }
}
/// The outcome of the review and everyone's view of it (P23).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct Outcome {
    pub decision: Option<OutcomeDecision>,
    pub rationale: String,
    pub carer_view: String,
    pub individual_view: String,
    /// How the individual's view reached the meeting, when not directly.
    pub individual_view_through: Option<RatingChannel>,
    /// Other views, and any disagreements, in the words of those who hold them.
    pub other_views: String,
    /// Whose views they are (left out of the stored JSON until someone is
    /// chosen, so outcomes stored before it read as they were).
    #[serde(skip_serializing_if = "Speaker::is_not_recorded")]
    pub other_views_said_by: Speaker,
    /// A next review date chosen instead of the default; `None` uses
    /// [`crate::outcome::default_next_review`].
    pub next_review: Option<NaiveDate>,
}
impl Outcome {
    pub fn is_empty(&self) -> bool {
        *self == Outcome::default()
    }
}

/// One answer about the [`Outcome`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeField {
    Decision(OutcomeDecision),
    Rationale(String),
    CarerView(String),
    IndividualView(String),
    IndividualViewThrough(Option<RatingChannel>),
    OtherViews(String),
    /// Whose the other views are.
    OtherViewsSaidBy(Speaker),
    /// `None` goes back to the default date.
    NextReview(Option<NaiveDate>),
}
