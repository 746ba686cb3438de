//! The questions a page asks about last time's actions and escalations
//! (issue 27, point 3), in words, with whether whoever holds the tablet
//! may see each one (an item kept from them last time stays kept).

use super::follow_up::{last_action_field, last_escalation_field};
use super::types::{ActionFollowUp, EscalationFollowUp};
use crate::review::Review;
use crate::sharing::shown_now;
use crate::tr;
use crate::words::long_date;

/// One of last time's items, as a page asks about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question<T> {
    /// Its id in the last review.
    pub id: String,
    /// The question's element id, which its error links to.
    pub field: String,
    /// The item, in words.
    pub legend: String,
    /// Who and when, in words (may be empty).
    pub hint: String,
    pub answer: Option<T>,
    /// False when it was kept last time from whoever holds the tablet now.
    pub shown: bool,
}

impl Review {
    /// A question for each of last time's actions.
    pub fn action_questions(&self) -> Vec<Question<ActionFollowUp>> {
        let shown = shown_now(self);
        self.last_actions()
            .iter()
            .map(|a| {
                let owner = a.owner.as_ref().map(|o| self.person_name(o));
                let due = a.due.as_deref().and_then(|d| d.parse().ok()).map(long_date);
                let hint = match (owner, due) {
                    (Some(o), Some(d)) => tr!("Due by {d}. Who: {o}.", d = d, o = o),
                    (Some(o), None) => tr!("Who: {o}.", o = o),
                    (None, Some(d)) => tr!("Due by {d}.", d = d),
                    (None, None) => String::new(),
                };
                Question {
                    id: a.id.clone(),
                    field: last_action_field(&a.id),
                    legend: a.what.trim().to_string(),
                    hint,
                    answer: a.answer,
                    shown: shown.shows(a.visibility),
                }
            })
            .collect()
    }

    /// A question for each of last time's open escalations.
    pub fn escalation_questions(&self) -> Vec<Question<EscalationFollowUp>> {
        let shown = shown_now(self);
        self.last_escalations()
            .iter()
            .map(|e| Question {
                id: e.id.clone(),
                field: last_escalation_field(&e.id),
                legend: e.matter.trim().to_string(),
                hint: match e.to_whom.trim() {
                    "" => String::new(),
                    to => tr!("It went to {to}.", to = to),
                },
                answer: e.answer,
                shown: shown.shows(e.visibility),
            })
            .collect()
    }
}
