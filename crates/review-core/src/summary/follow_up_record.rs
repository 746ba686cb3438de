//! The summary's record of how the review followed up the last one
//! (issue 27): what became of each of its actions, and whether each of
//! its escalations is resolved. Part of the document (`document.rs`); the
//! last review itself is named by `continues`.

use super::people_record::PersonRef;
use super::strings::DateText;
use crate::base::Person;
use crate::continuity::types::{ActionFollowUp, EscalationFollowUp};
use crate::review::Review;
use crate::setup::sharing::Visibility;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What became of the last review's actions and escalations.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FollowUpRecord {
    /// Each of last time's actions brought forward, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionFollowUpRecord>,
    /// Each of last time's open escalations brought forward, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalations: Vec<EscalationFollowUpRecord>,
}

/// One of last time's actions, and what became of it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionFollowUpRecord {
    /// Its id in the summary `continues` names.
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonRef>,
    /// When it was due by, last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateText>,
    pub answer: ActionFollowUp,
    /// The id of this review's action it was carried forward as (with
    /// `carried-forward` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_as: Option<String>,
    /// Who may see it: as it was last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// One of last time's escalations, and whether it is resolved.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationFollowUpRecord {
    /// Its id in the summary `continues` names.
    pub id: String,
    pub matter: String,
    pub answer: EscalationFollowUp,
    /// Who may see it: as it was last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

impl FollowUpRecord {
    /// The record of a review that followed up the last one (`None` when
    /// it brought no actions or escalations; unanswered ones, which a
    /// signed-off review never has, are left out).
    /// `person` gives a person as the summary names them.
    pub(crate) fn of_review(
        review: &Review,
        person: fn(&Person) -> PersonRef,
    ) -> Option<FollowUpRecord> {
        let actions: Vec<_> = review
            .last_actions()
            .iter()
            .filter_map(|a| {
                Some(ActionFollowUpRecord {
                    id: a.id.clone(),
                    what: a.what.trim().to_string(),
                    owner: a.owner.as_ref().map(person),
                    due: a.due.as_deref().and_then(|d| DateText::try_from(d).ok()),
                    answer: a.answer?,
                    carried_as: a.carried_as.clone(),
                    visibility: a.visibility,
                })
            })
            .collect();
        let escalations: Vec<_> = review
            .last_escalations()
            .iter()
            .filter_map(|e| {
                Some(EscalationFollowUpRecord {
                    id: e.id.clone(),
                    matter: e.matter.trim().to_string(),
                    answer: e.answer?,
                    visibility: e.visibility,
                })
            })
            .collect();
        (!actions.is_empty() || !escalations.is_empty()).then_some(FollowUpRecord {
            actions,
            escalations,
        })
    }
}
