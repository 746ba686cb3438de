//! The changes to what the review looks at (P17): adding, rewording,
//! rescaling and removing criteria, and who agreed to each.

use crate::base::{entries, entry_mut, remove_entry, set_member, DomainError};
use crate::command::Command;
use crate::criteria::types::*;
use crate::review::Review;
use crate::text::{clean, is_blank};

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_criteria(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            AddLibraryCriterion { id, criterion } => {
                self.fresh(&id)?;
                let already = self.criteria.iter().any(|c| {
                    matches!(&c.source, CriterionSource::Library { key } if *key == criterion.key)
                });
                if already {
                    return Err(DomainError::AlreadyInReview);
                }
                self.criteria.push(Criterion {
                    id,
                    source: CriterionSource::Library { key: criterion.key },
                    group: criterion.group,
                    wording: criterion.wording,
                    easy_read: criterion.easy_read,
                    serves: criterion.serves,
                    scale: Scale::ThreePoint,
                    agreed_by: Vec::new(),
                });
            }
            AddCustomCriterion { id, group, wording } => {
                if self.has_id(&id) {
                    return Err(DomainError::DuplicateId);
                }
                let wording = clean(&wording);
                if is_blank(&wording) {
                    return Err(DomainError::EmptyWording);
                }
                self.criteria.push(Criterion {
                    id,
                    source: CriterionSource::Custom,
                    group,
                    easy_read: String::new(),
                    wording,
                    serves: vec!["P19".into()],
                    scale: Scale::ThreePoint,
                    agreed_by: Vec::new(),
                });
            }
            SetCriterionWording { id, wording } => {
                let wording = clean(&wording);
                if is_blank(&wording) {
                    return Err(DomainError::EmptyWording);
                }
                let c = self.criterion_mut(&id)?;
                if c.wording != wording {
                    c.wording = wording;
                    // Agreement was to the old words.
                    c.agreed_by.clear();
                }
            }
            SetCriterionScale { id, scale } => {
                let rated = self
                    .criterion_review(&id)
                    .is_some_and(|cr| !cr.ratings.is_empty());
                let c = self.criterion_mut(&id)?;
                if c.scale != scale && rated {
                    // Points of one scale do not translate into the other.
                    return Err(DomainError::AlreadyRated);
                }
                if c.scale != scale {
                    c.scale = scale;
                    c.agreed_by.clear();
                }
            }
            RemoveCriterion { id } => {
                remove_entry(&mut self.criteria, &id, DomainError::UnknownCriterion)?;
                self.criterion_reviews.remove(&id);
                // The action still stands; only its link goes.
                for a in &mut self.actions {
                    if a.criterion.as_deref() == Some(id.as_str()) {
                        a.criterion = None;
                    }
                }
            }
            SetCriterionAgreement {
                criterion,
                participant,
                agreed,
            } => {
                if self.person(&participant)?.role.is_supporter() && agreed {
                    return Err(DomainError::SupporterNotAParty);
                }
                set_member(
                    &mut self.criterion_mut(&criterion)?.agreed_by,
                    participant,
                    agreed,
                );
            }

            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    pub(crate) fn criterion_mut(&mut self, id: &str) -> Result<&mut Criterion, DomainError> {
        entry_mut(&mut self.criteria, id, DomainError::UnknownCriterion)
    }
}

entries!(Criterion);
