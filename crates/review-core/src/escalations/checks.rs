//! The checks of matters for someone else's help (P22).

use crate::escalations::types::*;
use crate::field_errors::{due_error, owner_error, FieldError};
use crate::ids;
use crate::review::Review;
use crate::text::is_blank;

/// Errors for one matter beyond the worker's scope (P22). Field ids:
/// [`ids::escalation`] with `matter`, `why`, `route`, `route-detail`,
/// `to-whom`, `urgency`, `owner`, `owner-name`, `due`, `consent`,
/// `consent-reason`.
pub fn escalation(review: &Review, e: &Escalation) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::escalation(&e.id, f);
    if is_blank(&e.matter) {
        errors.push(FieldError::missing(
            field("matter"),
            "Enter what the matter is",
        ));
    }
    if is_blank(&e.why_beyond_scope) {
        errors.push(FieldError::missing(
            field("why"),
            "Enter why this is beyond the worker's scope",
        ));
    }
    match e.route {
        None => errors.push(FieldError::missing(
            field("route"),
            "Select where this needs to go",
        )),
        Some(EscalationRoute::Other) if is_blank(&e.route_detail) => errors.push(
            FieldError::missing(field("route-detail"), "Enter where this needs to go"),
        ),
        _ => {}
    }
    if is_blank(&e.to_whom) {
        errors.push(FieldError::missing(
            field("to-whom"),
            "Enter who it will go to",
        ));
    }
    if e.urgency.is_none() {
        errors.push(FieldError::missing(
            field("urgency"),
            "Select how urgent this is",
        ));
    }
    errors.extend(owner_error(
        e.owner.as_ref(),
        field("owner"),
        "Select who will take this forward",
        "Enter the name of the person who will take this forward",
    ));
    errors.extend(due_error(
        review,
        e.due,
        field("due"),
        "Enter the date this is due by",
        "The due date must be on or after the day of the review",
    ));
    match &e.consent {
        None => errors.push(FieldError::missing(
            field("consent"),
            "Select whether there is consent to share this",
        )),
        Some(ConsentToShare::NotNeededBecauseOfRisk { reason }) if is_blank(reason) => {
            errors.push(FieldError::missing(
                field("consent-reason"),
                "Enter the risk that means this is shared without consent",
            ))
        }
        _ => {}
    }
    errors
}

/// Errors for "Things that need someone else's help" (P22). Field ids:
/// `escalation-needed`, `add-escalation`, then each matter's.
pub fn escalations(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match review.escalation_needed {
        None => errors.push(FieldError::missing(
            "escalation-needed",
            "Select whether anything needs someone else's help",
        )),
        Some(true) if review.escalations.is_empty() => errors.push(FieldError::missing(
            "add-escalation",
            "Add what needs someone else's help",
        )),
        _ => {}
    }
    for e in &review.escalations {
        errors.extend(escalation(review, e));
    }
    errors
}
