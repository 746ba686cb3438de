//! Check and sign off (P23): each person taking part signs, the worker last;
//! the worker's signature locks the review; an amendment is a new version that
//! says what changed and why, and is signed again. The earlier version stays.

use crate::base::Id;
use crate::progress::{self, Status};
use crate::review::{Review, ReviewState};
use crate::setup::people::{Participant, Role};
use crate::setup::sharing::Visibility;
pub use crate::signoff::types::*;
use crate::text::{clean, is_blank};
use crate::tr;
use chrono::{DateTime, FixedOffset};
use std::fmt;

/// Why a signature or an amendment was refused, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignOffError {
    Locked,
    NotLocked,
    NotReady,
    NotTakingPart,
    WorkerNotLast,
    EmptyComment,
    EmptyReason,
    /// A point they do not agree with (its place in their list, and what it
    /// is about) says nothing of why.
    EmptyPointWhy(usize, String),
    NameDoesNotMatch(String),
    EmptyMark,
    BadMark,
    NotASupporter,
    EmptyHow,
    /// An advocate or interpreter confirms what they were there for; they
    /// do not sign as a party.
    SupporterConfirms,
    /// Whether they can confirm it is not answered yet.
    NotAnswered,
    /// They cannot confirm it, and have not said what.
    EmptyNote,
    /// How they showed what they think names someone it cannot.
    How(crate::base::DomainError),
    EmptyAmendReason,
    EmptyWhatChanged,
}

impl fmt::Display for SignOffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignOffError::Locked => {
                f.write_str(&tr!("This review has been signed off and cannot be changed"))
            }
            SignOffError::NotLocked => f.write_str(&tr!("Only a signed-off review can be amended")),
            SignOffError::NotReady => {
                f.write_str(&tr!("Finish every part of the review before anyone signs it off"))
            }
            SignOffError::NotTakingPart => f.write_str(&tr!("Only people taking part in the review, in the room or remotely, sign it off")),
            SignOffError::WorkerNotLast => f.write_str(&tr!("The worker signs last, after everyone else taking part has signed or confirmed")),
            SignOffError::EmptyComment => f.write_str(&tr!("Enter the comment")),
            SignOffError::EmptyReason => f.write_str(&tr!("Enter why they do not agree, or choose what they do not agree with and say why")),
            SignOffError::EmptyPointWhy(_, about) => f.write_str(&point_why_missing(about)),
            SignOffError::NameDoesNotMatch(name) => {
                f.write_str(&tr!("Type the name as it is in the review: {name}", name = name))
            }
            SignOffError::EmptyMark => {
                f.write_str(&tr!("Draw a mark in the box, or choose another way to sign"))
            }
            SignOffError::BadMark => {
                f.write_str(&tr!("The drawn mark could not be kept: clear it and draw it again"))
            }
            SignOffError::NotASupporter => {
                f.write_str(&tr!("Choose the advocate or interpreter who is taking part in the review"))
            }
            SignOffError::EmptyHow => f.write_str(&tr!("Enter how the person showed what they think")),
            SignOffError::SupporterConfirms => f.write_str(&tr!("An advocate or interpreter confirms what they were here for: they do not sign as themselves")),
            SignOffError::NotAnswered => f.write_str(&tr!("Select whether they can confirm it")),
            SignOffError::EmptyNote => f.write_str(&tr!("Enter what they cannot confirm")),
            SignOffError::How(e) => e.fmt(f),
            SignOffError::EmptyAmendReason => f.write_str(&tr!("Enter why the review is being amended")),
            SignOffError::EmptyWhatChanged => f.write_str(&tr!("Enter what will change")),
        }
    }
}

impl std::error::Error for SignOffError {}

/// The longest drawn mark kept, in characters of SVG path.
pub const MAX_MARK_LEN: usize = 20_000;

/// Whether `path` is a plain SVG path of moves and lines with numbers only.
fn is_simple_path(path: &str) -> bool {
    path.len() <= MAX_MARK_LEN
        && path.starts_with('M')
        && path
            .chars()
            .all(|c| matches!(c, 'M' | 'L' | ' ' | '.' | '-' | '0'..='9'))
}

/// Everyone who must sign: the parties taking part in the room or
/// remotely (not the advocates and interpreters: they confirm).
pub fn signers(review: &Review) -> impl Iterator<Item = &Participant> {
    review
        .participants
        .iter()
        .filter(|p| p.is_present() && !p.role.is_supporter())
}

/// Everyone who confirms what they were there for instead of signing: the
/// advocates and interpreters taking part.
pub fn confirmers(review: &Review) -> impl Iterator<Item = &Participant> {
    review
        .participants
        .iter()
        .filter(|p| p.is_present() && p.role.is_supporter())
}

/// Who still has to confirm what they were there for.
pub fn still_to_confirm(review: &Review) -> Vec<&Participant> {
    confirmers(review)
        .filter(|p| !review.confirmations.iter().any(|c| c.participant == p.id))
        .collect()
}

/// Whose turn it is at sign-off: the parties, then the advocates and
/// interpreters to confirm, then the worker, last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Turn {
    Sign(Participant),
    Confirm(Participant),
}

/// The next turn at sign-off, if anyone is still to sign or confirm.
pub fn next_turn(review: &Review) -> Option<Turn> {
    let waiting = still_to_sign(review);
    if let Some(p) = waiting.iter().find(|p| p.role != Role::Worker) {
        return Some(Turn::Sign((*p).clone()));
    }
    if let Some(p) = still_to_confirm(review).first() {
        return Some(Turn::Confirm((*p).clone()));
    }
    waiting.first().map(|p| Turn::Sign((*p).clone()))
}

/// The people an advocate or interpreter was there for, by name ("Ayesha
/// Khan and Joan Khan"): the parties whose supports ask for one.
pub fn supported_by(review: &Review, supporter: &Participant) -> String {
    let names: Vec<String> = review
        .supported_participants()
        .filter(|p| !p.role.is_supporter())
        .filter(|p| match supporter.role {
            Role::Interpreter => p.support.interpreter.is_some(),
            Role::Advocate => p.support.advocate.is_some(),
            _ => false,
        })
        .map(Participant::short_name)
        .collect();
    if names.is_empty() {
        tr!("the people I was here for")
    } else {
        crate::words::and_list(&names)
    }
}

/// Whether every part of the meeting is done, so signing can begin.
pub fn ready_to_sign(review: &Review) -> bool {
    progress::parts(review)
        .into_iter()
        .all(|p| p.status(review) == Status::Done)
}

/// Who has signed so far, in the order they signed, then who has
/// confirmed what they were there for.
pub fn signed_so_far(review: &Review) -> Vec<&Participant> {
    review
        .sign_offs
        .iter()
        .map(|s| &s.participant)
        .chain(review.confirmations.iter().map(|c| &c.participant))
        .filter_map(|id| review.participant(id))
        .collect()
}

/// Who still has to sign, in the order they should: everyone else, then the worker(s).
pub fn still_to_sign(review: &Review) -> Vec<&Participant> {
    let mut waiting: Vec<&Participant> = signers(review)
        .filter(|p| !review.sign_offs.iter().any(|s| s.participant == p.id))
        .collect();
    waiting.sort_by_key(|p| p.role == Role::Worker);
    waiting
}

/// What a person says, checked and tidied, or why it cannot be kept.
/// What someone says, checked and tidied; their words get the agreement's
/// default visibility (`default`) unless one was chosen for them.
fn checked_decision(
    decision: SignOffDecision,
    default: Option<Visibility>,
) -> Result<SignOffDecision, SignOffError> {
    Ok(match decision {
        SignOffDecision::Agrees => SignOffDecision::Agrees,
        SignOffDecision::AgreesWithComment { comment, .. } if is_blank(&comment) => {
            return Err(SignOffError::EmptyComment)
        }
        SignOffDecision::AgreesWithComment {
            comment,
            visibility,
        } => SignOffDecision::AgreesWithComment {
            comment: clean(&comment),
            visibility: visibility.or(default),
        },
        SignOffDecision::Disagrees { reason, points, .. }
            if is_blank(&reason) && points.is_empty() =>
        {
            return Err(SignOffError::EmptyReason)
        }
        SignOffDecision::Disagrees {
            reason,
            visibility,
            points,
        } => SignOffDecision::Disagrees {
            reason: if is_blank(&reason) {
                String::new()
            } else {
                clean(&reason)
            },
            visibility: visibility.or(default),
            points: points
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    if is_blank(&p.why) {
                        return Err(SignOffError::EmptyPointWhy(i, p.about.trim().to_string()));
                    }
                    Ok(DisagreedPoint {
                        why: clean(&p.why),
                        about: p.about.trim().to_string(),
                        said: p.said.trim().to_string(),
                        ..p
                    })
                })
                .collect::<Result<_, _>>()?,
        },
    })
}

/// How `person` signs, checked and tidied, or why it cannot be kept.
fn checked_method(
    review: &Review,
    person: &Participant,
    method: SignOffMethod,
) -> Result<SignOffMethod, SignOffError> {
    Ok(match method {
        SignOffMethod::Tap => SignOffMethod::Tap,
        SignOffMethod::TypedName { name } => {
            let expected = person.name.trim();
            let typed = clean(&name);
            if expected.is_empty() || !typed.trim().eq_ignore_ascii_case(expected) {
                return Err(SignOffError::NameDoesNotMatch(expected.to_string()));
            }
            SignOffMethod::TypedName {
                name: typed.trim().to_string(),
            }
        }
        SignOffMethod::DrawnMark { path } => {
            let path = path.trim().to_string();
            if path.is_empty() {
                return Err(SignOffError::EmptyMark);
            }
            if !is_simple_path(&path) {
                return Err(SignOffError::BadMark);
            }
            SignOffMethod::DrawnMark { path }
        }
        SignOffMethod::ThroughSupporter { by, how } => {
            let supporter_ok = person.role != Role::Worker
                && review.participant(&by).is_some_and(|s| {
                    s.is_present() && matches!(s.role, Role::Advocate | Role::Interpreter)
                });
            if !supporter_ok {
                return Err(SignOffError::NotASupporter);
            }
            if is_blank(&how) {
                return Err(SignOffError::EmptyHow);
            }
            SignOffMethod::ThroughSupporter {
                by,
                how: clean(&how),
            }
        }
    })
}

/// Field ids of the sign-off form, for errors and the error summary's links.
pub mod form {
    pub const SAYS: &str = "sign-says";
    pub const COMMENT: &str = "sign-comment";
    pub const REASON: &str = "sign-reason";
    /// Where they choose a point they do not agree with.
    pub const POINT: &str = "sign-point";
    pub const WAY: &str = "sign-way";
    pub const TYPED_NAME: &str = "sign-typed-name";
    pub const MARK: &str = "sign-mark";
    pub const SUPPORTER: &str = "sign-supporter";
    pub const HOW: &str = "sign-how";
    pub const CONFIRMED: &str = "confirm-answer";
    pub const CONFIRM_NOTE: &str = "confirm-note";
    pub const AMEND_REASON: &str = "amend-reason";
    pub const AMEND_WHAT: &str = "amend-what";
}

/// The field of why they do not agree with the `i`th point they chose.
/// The message of a point not agreed with that says nothing of why, naming
/// the point `about` (the record's words in its errors; on the screen, the
/// words the person signing was shown).
pub fn point_why_missing(about: &str) -> String {
    tr!("Enter why they do not agree with “{about}”", about = about)
}

pub fn point_why_field(i: usize) -> String {
    format!("{}-{i}-why", form::POINT)
}

/// Every problem with an advocate's or interpreter's answer at once, each
/// on its field: whether they can confirm, and if not, what.
pub fn confirm_errors(confirmed: Option<bool>, note: &str) -> Vec<crate::field_errors::FieldError> {
    use crate::field_errors::FieldError;
    match confirmed {
        None => vec![FieldError::missing(
            form::CONFIRMED,
            SignOffError::NotAnswered.to_string(),
        )],
        Some(false) if is_blank(note) => vec![FieldError::missing(
            form::CONFIRM_NOTE,
            SignOffError::EmptyNote.to_string(),
        )],
        Some(_) => Vec::new(),
    }
}

/// Every problem with the amendment's two questions at once, each on its
/// field; empty when `Review::amend` would take them.
pub fn amend_form_errors(reason: &str, what_changed: &str) -> Vec<crate::field_errors::FieldError> {
    use crate::field_errors::FieldError;
    let mut errors = Vec::new();
    if is_blank(reason) {
        errors.push(FieldError::missing(
            form::AMEND_REASON,
            SignOffError::EmptyAmendReason.to_string(),
        ));
    }
    if is_blank(what_changed) {
        errors.push(FieldError::missing(
            form::AMEND_WHAT,
            SignOffError::EmptyWhatChanged.to_string(),
        ));
    }
    errors
}

/// Every problem with a person's sign-off form at once, each on its field
/// (the ids in [`form`]): what they say, and how they sign. Nothing chosen
/// yet is a problem too. Empty when `Review::sign_off` would take it.
pub fn form_errors(
    review: &Review,
    person: &Participant,
    decision: Option<SignOffDecision>,
    method: Option<SignOffMethod>,
) -> Vec<crate::field_errors::FieldError> {
    use crate::field_errors::FieldError;
    let mut errors = Vec::new();
    match decision.map(|d| checked_decision(d, None)) {
        None => errors.push(FieldError::missing(
            form::SAYS,
            tr!("Select whether they agree with the review"),
        )),
        Some(Err(e)) => {
            let field = match &e {
                SignOffError::EmptyReason => form::REASON.to_string(),
                SignOffError::EmptyPointWhy(i, _) => point_why_field(*i),
                _ => form::COMMENT.to_string(),
            };
            errors.push(FieldError::missing(field, e.to_string()));
        }
        Some(Ok(_)) => {}
    }
    match method.map(|m| checked_method(review, person, m)) {
        None => errors.push(FieldError::missing(
            form::WAY,
            tr!("Select how they will sign"),
        )),
        Some(Err(e)) => {
            let field = match e {
                SignOffError::NameDoesNotMatch(_) => form::TYPED_NAME,
                SignOffError::EmptyMark | SignOffError::BadMark => form::MARK,
                SignOffError::NotASupporter => form::SUPPORTER,
                _ => form::HOW,
            };
            errors.push(FieldError::missing(field, e.to_string()));
        }
        Some(Ok(_)) => {}
    }
    errors
}

impl Review {
    /// Record one person's sign-off, how they showed it not recorded.
    pub fn sign_off(
        &mut self,
        participant: &str,
        decision: SignOffDecision,
        method: SignOffMethod,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SignOffError> {
        self.sign_off_with(participant, decision, method, None, now)
    }

    /// Record one person's sign-off and how they showed what they think
    /// (`crate::agreement`). The last worker's signature locks the review.
    pub fn sign_off_with(
        &mut self,
        participant: &str,
        decision: SignOffDecision,
        method: SignOffMethod,
        how: Option<crate::agreement::HowAgreed>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SignOffError> {
        self.open_for_signing()?;
        let person = self
            .participant(participant)
            .filter(|p| p.is_present())
            .ok_or(SignOffError::NotTakingPart)?;
        if person.role.is_supporter() {
            return Err(SignOffError::SupporterConfirms);
        }
        if person.role == Role::Worker
            && (still_to_sign(self)
                .iter()
                .any(|p| p.role != Role::Worker && p.id != participant)
                || !still_to_confirm(self).is_empty())
        {
            return Err(SignOffError::WorkerNotLast);
        }
        let decision = checked_decision(decision, self.process.confidentiality.default_visibility)?;
        let method = checked_method(self, person, method)?;
        let how = how
            .map(|h| crate::agreement::checked(self, participant, h))
            .transpose()
            .map_err(SignOffError::How)?;
        let shown = self
            .process
            .confidentiality
            .default_visibility
            .map(|_| crate::sharing::shown_now(self));
        self.sign_offs.retain(|s| s.participant != participant);
        self.sign_offs.push(SignOff {
            participant: participant.to_string(),
            decision,
            method,
            signed_at: now,
            shown,
            how,
        });
        self.updated_at = now;
        if still_to_sign(self).is_empty() {
            self.state = ReviewState::SignedOff;
            self.finalised_at = Some(now);
        }
        Ok(())
    }

    /// Whether signing (or confirming) can happen now: not once the review
    /// is locked, and not before every part is done.
    fn open_for_signing(&self) -> Result<(), SignOffError> {
        if self.state == ReviewState::SignedOff {
            return Err(SignOffError::Locked);
        }
        if !ready_to_sign(self) {
            return Err(SignOffError::NotReady);
        }
        Ok(())
    }

    /// Take back a signature before the review is locked.
    pub fn withdraw_sign_off(
        &mut self,
        participant: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SignOffError> {
        if self.state == ReviewState::SignedOff {
            return Err(SignOffError::Locked);
        }
        self.sign_offs.retain(|s| s.participant != participant);
        self.confirmations.retain(|c| c.participant != participant);
        self.updated_at = now;
        Ok(())
    }

    /// Record what an advocate or interpreter confirms (or cannot) at
    /// sign-off; a new answer replaces theirs.
    pub fn confirm(
        &mut self,
        participant: &str,
        confirmed: bool,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SignOffError> {
        self.open_for_signing()?;
        let confirms = self
            .participant(participant)
            .filter(|p| p.is_present())
            .and_then(|p| Confirms::of(p.role))
            .ok_or(SignOffError::NotASupporter)?;
        if let Some(e) = confirm_errors(Some(confirmed), note).first() {
            return Err(if e.field == form::CONFIRM_NOTE {
                SignOffError::EmptyNote
            } else {
                SignOffError::NotAnswered
            });
        }
        self.confirmations.retain(|c| c.participant != participant);
        self.confirmations.push(Confirmation {
            participant: participant.to_string(),
            confirms,
            confirmed,
            note: if confirmed {
                String::new()
            } else {
                clean(note).trim().to_string()
            },
            at: now,
        });
        self.updated_at = now;
        Ok(())
    }

    /// Clear every signature so that answers can be changed, once the people
    /// in the room have been told whose signatures go (`signed_so_far`).
    pub fn clear_sign_offs(&mut self, now: DateTime<FixedOffset>) -> Result<(), SignOffError> {
        if self.state == ReviewState::SignedOff {
            return Err(SignOffError::Locked);
        }
        if self.has_signatures() {
            self.sign_offs.clear();
            self.confirmations.clear();
            self.updated_at = now;
        }
        Ok(())
    }

    /// A new version of a signed-off review, open for changes and to be signed
    /// again. `self` is left as it is (the caller keeps it stored).
    pub fn amend(
        &self,
        new_id: Id,
        reason: &str,
        what_changed: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Review, SignOffError> {
        if self.state != ReviewState::SignedOff {
            return Err(SignOffError::NotLocked);
        }
        if let Some(first) = amend_form_errors(reason, what_changed).first() {
            return Err(if first.field == form::AMEND_REASON {
                SignOffError::EmptyAmendReason
            } else {
                SignOffError::EmptyWhatChanged
            });
        }
        let mut next = self.clone();
        next.id = new_id;
        next.version = self.version + 1;
        next.state = ReviewState::Draft;
        next.sign_offs.clear();
        next.confirmations.clear();
        next.finalised_at = None;
        // The new version's copies are new files, still to give.
        next.copies_given.clear();
        next.updated_at = now;
        next.amends = Some(Amendment {
            previous_id: self.id.clone(),
            previous_version: self.version,
            reason: clean(reason).trim().to_string(),
            what_changed: clean(what_changed).trim().to_string(),
            amended_at: now,
        });
        Ok(next)
    }
}
