//! The changes to how it is going (P19): ratings, "not discussed", and
//! what people said.

use crate::base::{entries, entry_mut, DomainError, Id};
use crate::command::Command;
use crate::ratings::types::*;
use crate::review::Review;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_ratings(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            SetRating {
                criterion,
                participant,
                point,
                through,
            } => {
                let scale = self.criterion_mut(&criterion)?.scale;
                if !self.person(&participant)?.rates() {
                    return Err(DomainError::DoesNotRate);
                }
                let through = through.map(|c| self.checked_channel(c)).transpose()?;
                if let Some(point) = point {
                    if point.scale() != scale {
                        return Err(DomainError::NotOnScale);
                    }
                    let not_discussed = self
                        .criterion_review(&criterion)
                        .is_some_and(|cr| cr.not_discussed.is_some());
                    if not_discussed {
                        return Err(DomainError::MarkedNotDiscussed);
                    }
                }
                let entry = self.criterion_reviews.entry(criterion.clone()).or_default();
                match point {
                    None => entry.ratings.retain(|r| r.participant != participant),
                    Some(point) => {
                        let rating = Rating {
                            participant,
                            point,
                            through,
                        };
                        match entry
                            .ratings
                            .iter_mut()
                            .find(|r| r.participant == rating.participant)
                        {
                            Some(r) => *r = rating,
                            None => entry.ratings.push(rating),
                        }
                    }
                }
                self.tidy_criterion_review(&criterion);
            }
            SetNotDiscussed { criterion, reason } => {
                self.criterion_mut(&criterion)?;
                let entry = self.criterion_reviews.entry(criterion.clone()).or_default();
                match reason {
                    Some(_) if !entry.ratings.is_empty() => {
                        return Err(DomainError::AlreadyRated);
                    }
                    Some(reason) => entry.not_discussed = Some(clean(&reason)),
                    None => entry.not_discussed = None,
                }
                self.tidy_criterion_review(&criterion);
            }
            AddEvidence { id, criterion } => {
                self.fresh(&id)?;
                self.criterion_mut(&criterion)?;
                self.criterion_reviews
                    .entry(criterion)
                    .or_default()
                    .evidence
                    .push(EvidenceNote {
                        id,
                        said_by: None,
                        text: String::new(),
                    });
            }
            SetEvidence { id, said_by, text } => {
                let said_by = said_by.map(|p| self.checked_person(p)).transpose()?;
                let note = self.evidence_mut(&id)?;
                note.said_by = said_by;
                note.text = clean(&text);
            }
            RemoveEvidence { id } => {
                self.evidence_mut(&id)?;
                for cr in self.criterion_reviews.values_mut() {
                    cr.evidence.retain(|e| e.id != id);
                }
                self.criterion_reviews.retain(|_, cr| !cr.is_empty());
            }

            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    /// Ratings belong to people who rate: when someone stops rating (their
    /// role or attendance changed, or they were removed) their ratings go.
    pub(crate) fn drop_ratings_of_non_raters(&mut self) {
        let raters: Vec<Id> = self.raters().map(|p| p.id.clone()).collect();
        for cr in self.criterion_reviews.values_mut() {
            cr.ratings.retain(|r| raters.contains(&r.participant));
        }
        self.criterion_reviews.retain(|_, cr| !cr.is_empty());
    }

    pub(crate) fn evidence_mut(&mut self, id: &str) -> Result<&mut EvidenceNote, DomainError> {
        let notes = self
            .criterion_reviews
            .values_mut()
            .flat_map(|c| &mut c.evidence);
        entry_mut(notes, id, DomainError::UnknownNote)
    }

    /// An entry with nothing left in it goes, so the stored review stays as
    /// small as what was said.
    pub(crate) fn tidy_criterion_review(&mut self, criterion: &str) {
        if self
            .criterion_reviews
            .get(criterion)
            .is_some_and(CriterionReview::is_empty)
        {
            self.criterion_reviews.remove(criterion);
        }
    }
}

entries!(EvidenceNote);
