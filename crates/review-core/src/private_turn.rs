//! A private turn (issue 23; P19, P20): the carer, or the person cared for
//! with their advocate, holds the tablet on their own and answers only their
//! own questions, while the worker steps back. Which turn is on is about this
//! tablet's screen, not about what the review says, so the app keeps it in the
//! device's storage as a [`PrivateTurn`] (`crate::draft::private_turn_key`),
//! never in the review or any file made from it.
//!
//! This module says who can have one, what it asks them (their own words on
//! each criterion still discussed), who may see those words unless they say
//! otherwise, and whether a stored turn still holds.

use crate::base::{DomainError, Id, Person};
use crate::ratings::types::EvidenceNote;
use crate::review::{Review, ReviewState};
use crate::setup::people::{Participant, Role};
use crate::setup::process::PrivatePlan;
use crate::setup::sharing::Visibility;
use serde::{Deserialize, Serialize};

/// The private turn on this tablet now.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PrivateTurn {
    /// The review it is for.
    pub review: Id,
    /// The participant whose turn it is.
    pub who: Id,
    /// Set once they have finished: until the worker takes the tablet back,
    /// the screen says only that, with nothing they wrote on it.
    #[serde(default)]
    pub handing_back: bool,
}

/// Whether someone can have a private turn: the carer or the person cared
/// for (their advocate, if they have one, stays beside them), in the room.
pub fn can_have_one(p: &Participant) -> bool {
    matches!(p.role, Role::Carer | Role::Individual) && p.in_the_room()
}

/// Everyone who can have a private turn in this review, in its order.
pub fn takers(review: &Review) -> impl Iterator<Item = &Participant> {
    review.participants.iter().filter(|p| can_have_one(p))
}

/// Who stays beside `who` during their turn: the person cared for keeps
/// their advocates in the room; the carer has the tablet alone.
pub fn beside<'a>(review: &'a Review, who: &str) -> Vec<&'a Participant> {
    let individual = review
        .participant(who)
        .is_some_and(|p| p.role == Role::Individual);
    review
        .participants
        .iter()
        .filter(|p| individual && p.role == Role::Advocate && p.in_the_room())
        .collect()
}

/// Why a turn cannot start, or the turn.
pub fn start(review: &Review, who: &str) -> Result<PrivateTurn, DomainError> {
    if review.state == ReviewState::SignedOff {
        return Err(DomainError::Locked);
    }
    if review.has_signatures() {
        return Err(DomainError::Signed);
    }
    let person = review
        .participant(who)
        .ok_or(DomainError::UnknownParticipant)?;
    if !can_have_one(person) {
        return Err(DomainError::NotInTheRoom);
    }
    Ok(PrivateTurn {
        review: review.id.clone(),
        who: who.to_string(),
        handing_back: false,
    })
}

/// Whether a stored turn still holds for the review as it is now (it may
/// have been signed off, or the person removed, in another tab). One that
/// no longer holds is let go: the review opens as usual.
pub fn still_holds(turn: &PrivateTurn, review: &Review) -> bool {
    review.id == turn.review && start(review, &turn.who).is_ok()
}

/// Who may see what someone says on their own, unless they choose
/// otherwise: everyone but the other one at the table (the carer's words
/// stay out of the copy of the person they care for, and theirs out of the
/// carer's).
pub fn visibility_for(role: Role) -> Visibility {
    match role {
        Role::Individual => Visibility::NotCarer,
        _ => Visibility::NotIndividual,
    }
}

/// One question of a private turn: a criterion still discussed, and the
/// ids of what this person has said about it so far (theirs alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub criterion: Id,
    pub wording: String,
    /// The criterion in easy read, when it has it (empty otherwise).
    pub easy_read: String,
    pub notes: Vec<Id>,
}

/// What a private turn asks `who`, in the review's order: every criterion
/// not marked "not discussed", with their own notes on it (and no one
/// else's).
pub fn questions(review: &Review, who: &str) -> Vec<Question> {
    review
        .criteria
        .iter()
        .filter(|c| {
            review
                .criterion_review(&c.id)
                .is_none_or(|cr| cr.not_discussed.is_none())
        })
        .map(|c| Question {
            criterion: c.id.clone(),
            wording: crate::i18n::seed(c.wording.trim()),
            easy_read: crate::i18n::seed(c.easy_read.trim()),
            notes: own_notes(review, &c.id, who),
        })
        .collect()
}

/// The ids of what `who` has said about one criterion, in its order.
pub fn own_notes(review: &Review, criterion: &str, who: &str) -> Vec<Id> {
    review
        .criterion_review(criterion)
        .map(|cr| {
            cr.evidence
                .iter()
                .filter(|e| is_theirs(e, who))
                .map(|e| e.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a note is in `who`'s own words.
pub fn is_theirs(note: &EvidenceNote, who: &str) -> bool {
    note.said_by
        .as_ref()
        .and_then(Person::participant_id)
        .is_some_and(|id| id == who)
}

/// The carer's planned time on their own in words, or `None` while nothing
/// is planned: "15 minutes, after support and services (P20)".
pub fn plan_in_words(plan: &PrivatePlan) -> Option<String> {
    let minutes = plan
        .minutes
        .map(|m| crate::trn!(m, "{n} minute", "{n} minutes"));
    let slot = plan.slot.map(|s| s.label());
    match (minutes, slot) {
        (None, None) => None,
        (Some(m), None) => Some(m),
        (None, Some(s)) => Some(s.to_string()),
        (Some(m), Some(s)) => Some(crate::tr!(
            "{minutes}, {when}",
            minutes = m,
            when = crate::words::lower_first(&s)
        )),
    }
}

impl PrivateTurn {
    /// The turn as the device stores it (an envelope of kind `private-turn`).
    pub fn encode(&self) -> String {
        crate::draft::encode(crate::draft::Kind::PrivateTurn, self)
    }

    pub fn decode(raw: &str) -> Result<PrivateTurn, crate::draft::DraftError> {
        crate::draft::decode(crate::draft::Kind::PrivateTurn, raw)
    }
}

impl Review {
    /// [`crate::Command::AddOwnNote`]: a note on `criterion` in `by`'s own
    /// words, with the visibility their private turn gives it.
    pub(crate) fn add_own_note(
        &mut self,
        id: Id,
        criterion: Id,
        by: Id,
    ) -> Result<(), DomainError> {
        let role = self
            .participant(&by)
            .ok_or(DomainError::UnknownParticipant)?
            .role;
        self.fresh(&id)?;
        if self.criterion(&criterion).is_none() {
            return Err(DomainError::UnknownCriterion);
        }
        let review = self.criterion_reviews.entry(criterion).or_default();
        if review.not_discussed.is_some() {
            return Err(DomainError::MarkedNotDiscussed);
        }
        review.evidence.push(EvidenceNote {
            id: id.clone(),
            said_by: Some(Person::participant(by)),
            text: String::new(),
        });
        self.visibility.insert(id, visibility_for(role));
        Ok(())
    }
}
