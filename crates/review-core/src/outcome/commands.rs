//! The changes to the outcome (P23).

use crate::base::{DomainError, Speaker};
use crate::command::Command;
use crate::outcome::types::*;
use crate::review::Review;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_outcome(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            SetOutcome(field) => {
                let field = match field {
                    OutcomeField::IndividualViewThrough(through) => {
                        OutcomeField::IndividualViewThrough(
                            through.map(|c| self.checked_channel(c)).transpose()?,
                        )
                    }
                    OutcomeField::OtherViewsSaidBy(Speaker::Person(p)) => {
                        OutcomeField::OtherViewsSaidBy(Speaker::Person(self.checked_person(p)?))
                    }
                    f => f,
                };
                let o = &mut self.outcome;
                match field {
                    OutcomeField::Decision(decision) => o.decision = Some(decision),
                    OutcomeField::Rationale(text) => o.rationale = clean(&text),
                    OutcomeField::CarerView(text) => o.carer_view = clean(&text),
                    OutcomeField::IndividualView(text) => o.individual_view = clean(&text),
                    OutcomeField::IndividualViewThrough(through) => {
                        o.individual_view_through = through
                    }
                    OutcomeField::OtherViews(text) => o.other_views = clean(&text),
                    OutcomeField::OtherViewsSaidBy(speaker) => o.other_views_said_by = speaker,
                    OutcomeField::NextReview(date) => o.next_review = date,
                }
            }
            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }
}
