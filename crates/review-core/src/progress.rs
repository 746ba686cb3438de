//! The task list: each part of the meeting and its status. Parts of the
//! review proper whose agenda item the carer left out (P17) are not part of
//! the meeting, unless something was already recorded in them.

use crate::model::*;
use crate::tr;
use crate::validate::{self, FieldError};

pub use crate::part::Part;

impl Part {
    /// The agenda item that switches this part on or off, if it is optional.
    pub fn agenda_item(self) -> Option<AgendaItem> {
        match self {
            Part::Ratings => Some(AgendaItem::Partnership),
            Part::Services => Some(AgendaItem::Services),
            Part::Cover => Some(AgendaItem::Cover),
            Part::Escalations => Some(AgendaItem::Escalation),
            _ => None,
        }
    }

    /// Whether this part is part of this review's meeting: always, unless its
    /// agenda item is off. Something already recorded keeps its part in the
    /// meeting, so taking an item off the agenda never hides what was said
    /// (above all an urgent safeguarding matter).
    pub fn applies(self, review: &Review) -> bool {
        match self.agenda_item() {
            None => true,
            Some(item) => review.process.agenda.contains(&item) || self.started(review),
        }
    }

    /// Where "Continue" goes from this part: the next part of the same stage
    /// that is part of this meeting, or `None` for the task list (at the end
    /// of getting ready, and of the review proper).
    pub fn next(self, review: &Review) -> Option<Part> {
        let (stage, at) = self.place_in_stage()?;
        stage[at + 1..].iter().copied().find(|p| p.applies(review))
    }

    /// The part before this one in the same stage that is part of this
    /// meeting, if any.
    pub fn previous(self, review: &Review) -> Option<Part> {
        let (stage, at) = self.place_in_stage()?;
        stage[..at]
            .iter()
            .rev()
            .copied()
            .find(|p| p.applies(review))
    }

    /// The parts of this part's stage, in order, and where this one stands.
    fn place_in_stage(self) -> Option<(&'static [Part], usize)> {
        let stage: &'static [Part] = if self.is_getting_ready() {
            &Part::GETTING_READY
        } else {
            &Part::REVIEW_PROPER
        };
        Some((stage, stage.iter().position(|p| *p == self)?))
    }

    pub fn errors(self, review: &Review) -> Vec<FieldError> {
        match self {
            Part::WhoIsHere => validate::who_is_here(review),
            Part::TakingPart => validate::taking_part(review),
            Part::HowWeReview => validate::process(review),
            Part::Criteria => validate::criteria(review),
            Part::Readiness => validate::readiness(review),
            Part::Ratings => validate::ratings(review),
            Part::Services => validate::services(review),
            Part::Cover => validate::cover(review),
            Part::Escalations => validate::escalations(review),
            Part::Outcome => [validate::actions(review), validate::outcome(review)].concat(),
        }
    }

    /// The errors of its page `page` (`Part::page_of`): what that page's
    /// Continue checks.
    pub fn errors_on_page(self, review: &Review, page: usize) -> Vec<FieldError> {
        self.errors(review)
            .into_iter()
            .filter(|e| self.page_of(&e.field) == page)
            .collect()
    }

    /// Whether anyone has entered anything in this part yet.
    fn started(self, review: &Review) -> bool {
        match self {
            Part::WhoIsHere => {
                review.participants.len() > 2
                    || review.participants.iter().any(|p| {
                        p.role != Role::Worker && (!p.name.is_empty() || p.attendance.is_some())
                    })
            }
            Part::TakingPart => review
                .supported_participants()
                .any(|p| p.support != ParticipationSupport::default()),
            Part::HowWeReview => {
                let p = &review.process;
                p.reason.is_some()
                    || p.depth.is_some()
                    || !p.time_boxes.is_empty()
                    || p.agenda != AgendaItem::ALL
                    || p.carer_private_time.is_some()
                    || !p.confidentiality.recipients.is_empty()
                    || !p.confidentiality.copies.is_empty()
                    || p.confidentiality.default_visibility.is_some()
                    || !p.confidentiality.restrictions.is_empty()
                    || !p.agreed_by.is_empty()
            }
            Part::Criteria => !review.criteria.is_empty(),
            // With no needs to check, readiness follows from "Help to take part".
            Part::Readiness => !review.readiness.is_empty() || Part::TakingPart.started(review),
            Part::Ratings => !review.criterion_reviews.is_empty(),
            Part::Services => {
                review.services_in_use.is_some()
                    || !review.resources.is_empty()
                    || !review.gaps.is_empty()
            }
            Part::Cover => review.cover_needed.is_some() || !review.cover_arrangements.is_empty(),
            Part::Escalations => {
                review.escalation_needed.is_some() || !review.escalations.is_empty()
            }
            Part::Outcome => !review.actions.is_empty() || !review.outcome.is_empty(),
        }
    }

    pub fn status(self, review: &Review) -> Status {
        if !self.started(review) {
            return Status::NotStarted;
        }
        let errors = self.errors(review);
        if errors.is_empty() {
            Status::Done
        } else if errors.iter().any(|e| e.attention) {
            Status::NeedsAttention
        } else {
            Status::InProgress
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
    NeedsAttention,
}

impl Status {
    pub fn label(self) -> String {
        match self {
            Status::NotStarted => tr!("Not started"),
            Status::InProgress => tr!("In progress"),
            Status::Done => tr!("[status] Done"),
            Status::NeedsAttention => tr!("Needs attention"),
        }
    }
}

/// The parts of this review's meeting, in order.
pub fn parts(review: &Review) -> Vec<Part> {
    Part::ALL
        .into_iter()
        .filter(|p| p.applies(review))
        .collect()
}

/// How many of this review's parts are done, out of how many.
pub fn parts_done(review: &Review) -> (usize, usize) {
    let parts = parts(review);
    let done = parts
        .iter()
        .filter(|p| p.status(review) == Status::Done)
        .count();
    (done, parts.len())
}

/// Whether getting ready is finished, so the review proper can start: the
/// readiness check (P18) and the agreed process and criteria (P17) all done.
pub fn ready_for_review_proper(review: &Review) -> bool {
    Part::GETTING_READY
        .iter()
        .all(|p| p.status(review) == Status::Done)
}
