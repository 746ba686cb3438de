//! The readiness check before the review proper (P18): every need someone
//! has for taking part is either met, or not met with what was done about it
//! and a recorded reason for going on anyway.

use crate::model::*;
use crate::tr;
use crate::words::lower_first;

/// One need of one participant, with its current status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedCheck<'a> {
    pub participant: &'a Participant,
    pub need: Need,
    pub status: Option<&'a NeedStatus>,
}

/// The needs a participant's support calls for, in a stable order.
pub fn needs_of(p: &Participant) -> Vec<Need> {
    let s = &p.support;
    let mut needs = Vec::new();
    if s.interpreter.is_some() {
        needs.push(Need::Interpreter);
    }
    if s.advocate.is_some() {
        needs.push(Need::Advocate);
    }
    needs.extend(
        s.communication
            .iter()
            .filter(|m| m.needs_preparation())
            .map(|m| Need::Communication(*m)),
    );
    if !s.adjustments.trim().is_empty() {
        needs.push(Need::Adjustments);
    }
    needs
}

/// Every need to check before the review proper, participant by participant.
pub fn checks(review: &Review) -> Vec<NeedCheck<'_>> {
    review
        .supported_participants()
        .flat_map(|p| {
            needs_of(p).into_iter().map(move |need| NeedCheck {
                participant: p,
                need,
                status: review.readiness.get(&need_key(&p.id, need)),
            })
        })
        .collect()
}

/// Plain words for a need, e.g. "a BSL interpreter" or "symbols".
pub fn need_label(p: &Participant, need: Need) -> String {
    match need {
        Need::Interpreter => match p.support.interpreter.as_ref().and_then(|i| i.mode) {
            Some(InterpreterMode::Bsl) => tr!("a British Sign Language interpreter"),
            _ => {
                let lang = p
                    .support
                    .interpreter
                    .as_ref()
                    .map(|i| i.language.trim())
                    .unwrap_or("");
                if lang.is_empty() {
                    tr!("an interpreter")
                } else {
                    tr!("an interpreter for {lang}", lang = lang)
                }
            }
        },
        Need::Advocate => match p.support.advocate {
            Some(AdvocateKind::CareAct) => tr!("an independent advocate (Care Act)"),
            Some(AdvocateKind::Imca) => tr!("an Independent Mental Capacity Advocate"),
            _ => tr!("an advocate"),
        },
        Need::Communication(m) => lower_first(&m.label()),
        Need::Adjustments => {
            tr!(
                "the agreed adjustments ({adjustments})",
                adjustments = p.support.adjustments.trim()
            )
        }
    }
}

/// Whether a check lets the meeting go on: met, or not met with both what
/// was done and why going on is right.
pub fn is_resolved(status: Option<&NeedStatus>) -> bool {
    match status {
        Some(NeedStatus::Met) => true,
        Some(NeedStatus::NotMet {
            action,
            reason_to_continue,
        }) => !action.trim().is_empty() && !reason_to_continue.trim().is_empty(),
        None => false,
    }
}

/// The gate before the review proper: every need checked and resolved.
pub fn ready_to_review(review: &Review) -> bool {
    checks(review).iter().all(|c| is_resolved(c.status))
}
