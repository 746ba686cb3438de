//! The task list: each part of the meeting and its status.

use crate::model::*;
use crate::validate::{self, FieldError};

/// A part of the meeting, in the order the task list shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    WhoIsHere,
    TakingPart,
    HowWeReview,
    Criteria,
    Readiness,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::WhoIsHere,
        Part::TakingPart,
        Part::HowWeReview,
        Part::Criteria,
        Part::Readiness,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Part::WhoIsHere => "Who is here",
            Part::TakingPart => "Help to take part",
            Part::HowWeReview => "How we will review",
            Part::Criteria => "What we will look at",
            Part::Readiness => "Ready to start",
        }
    }

    /// The path segment of the part's page, under `/review/:id/`.
    pub fn slug(self) -> &'static str {
        match self {
            Part::WhoIsHere => "who",
            Part::TakingPart => "taking-part",
            Part::HowWeReview => "process",
            Part::Criteria => "criteria",
            Part::Readiness => "ready",
        }
    }

    /// The criterion of SCDHSC0387 the part serves.
    pub fn code(self) -> &'static str {
        match self {
            Part::WhoIsHere | Part::TakingPart | Part::Readiness => "P18",
            Part::HowWeReview | Part::Criteria => "P17",
        }
    }

    pub fn errors(self, review: &Review) -> Vec<FieldError> {
        match self {
            Part::WhoIsHere => validate::who_is_here(review),
            Part::TakingPart => validate::taking_part(review),
            Part::HowWeReview => validate::process(review),
            Part::Criteria => validate::criteria(review),
            Part::Readiness => validate::readiness(review),
        }
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
                    || !p.confidentiality.restrictions.is_empty()
                    || !p.agreed_by.is_empty()
            }
            Part::Criteria => !review.criteria.is_empty(),
            // With no needs to check, readiness follows from "Help to take part".
            Part::Readiness => !review.readiness.is_empty() || Part::TakingPart.started(review),
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
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::NeedsAttention => "Needs attention",
        }
    }
}

/// How many parts are done, out of how many.
pub fn parts_done(review: &Review) -> (usize, usize) {
    let done = Part::ALL
        .iter()
        .filter(|p| p.status(review) == Status::Done)
        .count();
    (done, Part::ALL.len())
}
