//! How someone showed they agree (P17, P21, P23), as data, the same
//! wherever agreement is asked: directly, spoken through an interpreter,
//! through an advocate, through pictures, symbols or objects of reference,
//! or by a gesture or sign; each with an optional witness. The person's own
//! supports (P18) suggest the way. Plain data and pure functions: no view.

use crate::base::DomainError;
use crate::review::Review;
use crate::setup::people::{CommunicationMethod, Participant};
use crate::tr;

pub mod types;
pub use types::{AgreedWay, HowAgreed};

/// The interpreters or advocates taking part whom `way` can go through.
pub fn helpers(review: &Review, way: AgreedWay) -> Vec<&Participant> {
    match way.through_role() {
        Some(role) => review
            .participants
            .iter()
            .filter(|p| p.role == role && p.is_present())
            .collect(),
        None => Vec::new(),
    }
}

/// The ways someone can show agreement in this review: directly, by
/// pictures and by a sign always; through an interpreter or advocate only
/// when one is taking part.
pub fn ways_for(review: &Review) -> Vec<AgreedWay> {
    AgreedWay::ALL
        .into_iter()
        .filter(|w| w.through_role().is_none() || !helpers(review, *w).is_empty())
        .collect()
}

/// The way `person`'s own supports (P18) suggest: pictures, symbols or
/// objects of reference; signs; an interpreter; an advocate; else directly.
pub fn suggested(review: &Review, person: &Participant) -> HowAgreed {
    use CommunicationMethod::*;
    let s = &person.support;
    let uses = |m: &[CommunicationMethod]| s.communication.iter().any(|c| m.contains(c));
    let way = if uses(&[Pictures, Symbols, ObjectsOfReference]) {
        AgreedWay::Pictures
    } else if uses(&[Signs]) {
        AgreedWay::GestureOrSign
    } else if s.interpreter.is_some() && !helpers(review, AgreedWay::Interpreter).is_empty() {
        AgreedWay::Interpreter
    } else if s.advocate.is_some() && !helpers(review, AgreedWay::Advocate).is_empty() {
        AgreedWay::Advocate
    } else {
        AgreedWay::Directly
    };
    HowAgreed {
        way,
        through: helpers(review, way).first().map(|p| p.id.clone()),
        witness: None,
    }
}

/// `how`, checked for `person`: a way through someone names an interpreter
/// or advocate (as the way asks) taking part, and any other way names
/// nobody; a witness is someone else taking part.
pub fn checked(review: &Review, person: &str, how: HowAgreed) -> Result<HowAgreed, DomainError> {
    let through_ok = match (how.way.through_role(), how.through.as_deref()) {
        (Some(_), Some(id)) => helpers(review, how.way).iter().any(|p| p.id == id),
        (None, None) => true,
        _ => false,
    };
    if !through_ok {
        return Err(DomainError::NoSuchHelper);
    }
    if let Some(w) = how.witness.as_deref() {
        let present = review.participant(w).is_some_and(|p| p.is_present());
        if w == person || !present {
            return Err(DomainError::NoSuchWitness);
        }
    }
    Ok(how)
}

/// `how` in words: "through pictures, symbols or objects of reference,
/// seen by Sam Patel", "spoken through Farah Ali, interpreter".
pub fn in_words(review: &Review, how: &HowAgreed) -> String {
    let name = |id: &str| {
        review
            .participant(id)
            .map(Participant::display_name)
            .unwrap_or_else(|| tr!("someone no longer in this review"))
    };
    let mut words = match (how.way, how.through.as_deref()) {
        (AgreedWay::Interpreter, Some(id)) => tr!("spoken through {name}", name = name(id)),
        (AgreedWay::Advocate, Some(id)) => tr!("through {name}", name = name(id)),
        (way, _) => {
            let label = way.label();
            crate::words::lower_first(&label)
        }
    };
    if let Some(w) = how.witness.as_deref() {
        words.push_str(&tr!(", seen by {name}", name = name(w)));
    }
    words
}
