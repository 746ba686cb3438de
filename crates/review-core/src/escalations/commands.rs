//! The changes to matters for someone else's help (P22).

use crate::base::{
    add_listed, answer_list_question, entries, entry_mut, remove_entry, DomainError,
};
use crate::command::Command;
use crate::escalations::types::*;
use crate::review::Review;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_escalations(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            SetEscalationNeeded(needed) => {
                answer_list_question(&mut self.escalation_needed, &self.escalations, needed)?
            }
            AddEscalation { id } => {
                self.fresh(&id)?;
                let matter = Escalation::new(id);
                add_listed(self.escalation_needed, &mut self.escalations, matter)?;
            }
            SetEscalation { id, field } => {
                let field = match field {
                    EscalationField::Owner(owner) => {
                        EscalationField::Owner(owner.map(|p| self.checked_person(p)).transpose()?)
                    }
                    f => f,
                };
                let e = self.escalation_mut(&id)?;
                match field {
                    EscalationField::Matter(text) => e.matter = clean(&text),
                    EscalationField::WhyBeyondScope(text) => e.why_beyond_scope = clean(&text),
                    EscalationField::Route(route) => e.route = Some(route),
                    EscalationField::RouteDetail(text) => e.route_detail = clean(&text),
                    EscalationField::ToWhom(text) => e.to_whom = clean(&text),
                    EscalationField::Urgency(urgency) => e.urgency = Some(urgency),
                    EscalationField::Owner(owner) => e.owner = owner,
                    EscalationField::Due(due) => e.due = due,
                    EscalationField::Consent(consent) => {
                        e.consent = consent.map(|c| match c {
                            ConsentToShare::NotNeededBecauseOfRisk { reason } => {
                                ConsentToShare::NotNeededBecauseOfRisk {
                                    reason: clean(&reason),
                                }
                            }
                            other => other,
                        })
                    }
                    EscalationField::Status(status) => e.status = status,
                }
            }
            RemoveEscalation { id } => {
                remove_entry(&mut self.escalations, &id, DomainError::UnknownEscalation)?
            }

            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    pub(crate) fn escalation_mut(&mut self, id: &str) -> Result<&mut Escalation, DomainError> {
        entry_mut(&mut self.escalations, id, DomainError::UnknownEscalation)
    }
}

entries!(Escalation);
