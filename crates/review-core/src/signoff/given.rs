//! The copies given (P23): to whom each recipient's signed copy went, how
//! and when. The log is kept with the signed-off review on the device, and
//! so in its backups; it is never written into a signed file, which stays
//! as it was signed. Marks are made once the review is signed off (there is
//! nothing to give before), and a mark made by mistake can be taken back.
//! The log's types are in `types`, with the review's other sign-off data.

use super::types::CopyGiven;
use crate::base::DomainError;
use crate::review::{Review, ReviewState};

impl Review {
    /// Log a copy as given. Only a signed-off review has copies to give;
    /// the log is not part of what was signed, so it may grow after the
    /// lock. The same copy may be given more than once (printed, then
    /// shared): each time is logged.
    pub fn mark_copy_given(&mut self, given: CopyGiven) -> Result<(), DomainError> {
        if self.state != ReviewState::SignedOff {
            return Err(DomainError::NotSignedOff);
        }
        if given.recipient.trim().is_empty() || given.document_id.trim().is_empty() {
            return Err(DomainError::UnknownCopy);
        }
        if self.copies_given.iter().any(|g| g.id == given.id) {
            return Err(DomainError::DuplicateId);
        }
        self.copies_given.push(given);
        Ok(())
    }

    /// Take back a mark made by mistake.
    pub fn unmark_copy_given(&mut self, id: &str) -> Result<CopyGiven, DomainError> {
        if self.state != ReviewState::SignedOff {
            return Err(DomainError::NotSignedOff);
        }
        let at = self
            .copies_given
            .iter()
            .position(|g| g.id == id)
            .ok_or(DomainError::UnknownCopy)?;
        Ok(self.copies_given.remove(at))
    }

    /// Each time the signed copy `document_id` was given, oldest first.
    pub fn times_given<'a>(&'a self, document_id: &'a str) -> impl Iterator<Item = &'a CopyGiven> {
        self.copies_given
            .iter()
            .filter(move |g| g.document_id == document_id)
    }

    /// Whether the signed copy `document_id` has been given at least once.
    pub fn is_given(&self, document_id: &str) -> bool {
        self.times_given(document_id).next().is_some()
    }
}

impl Review {
    /// The copies of `copies` (this review's signed copies, each with its
    /// document id) not given yet, in their order. None for a review not
    /// signed off, or replaced by an amendment among `all` (its copies are
    /// not the ones to give: the new version's are).
    pub fn still_to_give<'c, C>(
        &self,
        copies: &'c [C],
        document_id: impl Fn(&C) -> &str,
        all: &[Review],
    ) -> Vec<&'c C> {
        if self.state != ReviewState::SignedOff || self.is_amended_in(all) {
            return Vec::new();
        }
        copies
            .iter()
            .filter(|c| !self.is_given(document_id(c)))
            .collect()
    }

    /// Whether one of `all` is an amendment of this review.
    pub fn is_amended_in(&self, all: &[Review]) -> bool {
        all.iter()
            .any(|r| r.amends.as_ref().is_some_and(|a| a.previous_id == self.id))
    }
}
