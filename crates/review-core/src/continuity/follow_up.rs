//! Following up the last review in this one (issue 27, point 3): what
//! became of each of last time's actions (one carried forward becomes an
//! action of this review), whether each escalation is resolved, and each
//! rating beside last time's.

use super::types::*;
use crate::actions::types::Action;
use crate::base::{DomainError, Id};
use crate::command::Command;
use crate::criteria::types::ScalePoint;
use crate::field_errors::FieldError;
use crate::review::Review;
use crate::setup::sharing::Visibility;
use crate::tr;

/// Last time's rating beside this time's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LastTime {
    pub point: ScalePoint,
    /// `None` until rated this time (or when the scale has changed).
    pub trend: Option<Trend>,
}
impl LastTime {
    /// "Last time: Good", and how this time compares, in words.
    pub fn words(self) -> String {
        match self.trend {
            Some(t) => tr!(
                "Last time: {what}. {trend}",
                what = self.point.label(),
                trend = t.words()
            ),
            None => tr!("Last time: {what}", what = self.point.label()),
        }
    }
}

impl Review {
    /// `participant`'s rating of `criterion` in the last review, beside
    /// their rating now (`None` when they did not rate it then).
    pub fn last_time(&self, criterion: &str, participant: &str) -> Option<LastTime> {
        let then = self
            .last
            .as_ref()?
            .ratings
            .iter()
            .find(|r| r.criterion == criterion && r.participant == participant)?
            .point;
        let now = self.rating(criterion, participant).map(|r| r.point);
        Some(LastTime {
            point: then,
            trend: now.and_then(|now| Trend::of(then, now)),
        })
    }

    /// Last time's actions to follow up (none when this review does not
    /// follow on from one).
    pub fn last_actions(&self) -> &[LastAction] {
        self.last.as_ref().map_or(&[][..], |l| &l.actions)
    }

    /// Last time's escalations to ask about.
    pub fn last_escalations(&self) -> &[LastEscalation] {
        self.last.as_ref().map_or(&[][..], |l| &l.escalations)
    }

    /// Apply a follow-up command (routed here by [`Review::apply`]).
    pub(crate) fn apply_follow_up(&mut self, command: Command) -> Result<(), DomainError> {
        match command {
            Command::FollowUpAction {
                id,
                answer,
                carried_id,
            } => self.follow_up_action(id, answer, carried_id),
            Command::FollowUpEscalation { id, answer } => {
                let e = self
                    .last
                    .as_mut()
                    .and_then(|l| l.escalations.iter_mut().find(|e| e.id == id))
                    .ok_or(DomainError::UnknownFollowUp)?;
                e.answer = Some(answer);
                Ok(())
            }
            _ => Err(DomainError::Misrouted),
        }
    }

    /// Say what became of one of last time's actions. Carried forward, it
    /// becomes an action of this review (`carried_id`) with the same words
    /// and owner and a new date to be agreed; answered otherwise after that,
    /// the action it became goes.
    fn follow_up_action(
        &mut self,
        id: Id,
        answer: ActionFollowUp,
        carried_id: Id,
    ) -> Result<(), DomainError> {
        let last = self
            .last_actions()
            .iter()
            .find(|a| a.id == id)
            .cloned()
            .ok_or(DomainError::UnknownFollowUp)?;
        let mut carried_as = last.carried_as.clone();
        match (answer, &carried_as) {
            (ActionFollowUp::CarriedForward, None) => {
                self.fresh(&carried_id)?;
                let mut action = Action::new(carried_id.clone());
                action.what = last.what.clone();
                action.owner = last.owner.clone().and_then(|p| self.checked_person(p).ok());
                self.actions.push(action);
                if let Some(v) = last.visibility {
                    self.visibility.insert(carried_id.clone(), v);
                }
                carried_as = Some(carried_id);
            }
            (ActionFollowUp::CarriedForward, Some(_)) => {}
            (_, Some(made)) => {
                self.actions.retain(|a| a.id != *made);
                carried_as = None;
            }
            (_, None) => {}
        }
        let entry = self
            .last
            .as_mut()
            .and_then(|l| l.actions.iter_mut().find(|a| a.id == id))
            .ok_or(DomainError::UnknownFollowUp)?;
        entry.answer = Some(answer);
        entry.carried_as = carried_as;
        Ok(())
    }
}

/// The element id of the question about one of last time's actions.
pub fn last_action_field(id: &str) -> String {
    format!("last-action-{id}")
}

/// The element id of the question about one of last time's escalations.
pub fn last_escalation_field(id: &str) -> String {
    format!("last-escalation-{id}")
}

/// `what` in curly quotes when everyone may see it; otherwise only its
/// place in the list, so that an error summary never shows a kept item.
fn named(what: &str, visibility: Option<Visibility>, kind: &str, n: usize) -> String {
    match visibility {
        None | Some(Visibility::Everyone) => crate::tr!("“{text}”", text = what.trim()),
        Some(_) => tr!("last time's {kind} number {n}", kind = kind, n = n),
    }
}

/// A question about last time's actions not yet answered (the actions part).
pub fn action_follow_ups(review: &Review) -> Vec<FieldError> {
    review
        .last_actions()
        .iter()
        .enumerate()
        .filter(|(_, a)| a.answer.is_none())
        .map(|(i, a)| {
            FieldError::missing(
                last_action_field(&a.id),
                tr!(
                    "Select what became of {when}",
                    when = named(&a.what, a.visibility, "action", i + 1)
                ),
            )
        })
        .collect()
}

/// A question about last time's escalations not yet answered (P22).
pub fn escalation_follow_ups(review: &Review) -> Vec<FieldError> {
    review
        .last_escalations()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.answer.is_none())
        .map(|(i, e)| {
            FieldError::missing(
                last_escalation_field(&e.id),
                tr!(
                    "Select whether {i} is resolved",
                    i = named(&e.matter, e.visibility, "matter", i + 1)
                ),
            )
        })
        .collect()
}
