//! The checks of matters for someone else's help (P22).

use crate::escalations::types::*;
use crate::field_errors::{due_error, list_part_errors, owner_error, FieldError, Missing};
use crate::ids;
use crate::review::Review;
use crate::text::is_blank;
use crate::tr;

/// Errors for one matter beyond the worker's scope (P22). Field ids:
/// [`ids::escalation`] with `matter`, `why`, `route`, `route-detail`,
/// `to-whom`, `urgency`, `owner`, `owner-name`, `due`, `consent`,
/// `consent-reason`.
pub fn escalation(review: &Review, e: &Escalation) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::escalation(&e.id, f);
    errors.missing_if(
        is_blank(&e.matter),
        field("matter"),
        tr!("Enter what the matter is"),
    );
    let why = tr!("Enter why this is beyond the worker's scope");
    errors.missing_if(is_blank(&e.why_beyond_scope), field("why"), why);
    match e.route {
        None => errors.push(FieldError::missing(
            field("route"),
            tr!("Select where this needs to go"),
        )),
        Some(EscalationRoute::Other) if is_blank(&e.route_detail) => errors.push(
            FieldError::missing(field("route-detail"), tr!("Enter where this needs to go")),
        ),
        _ => {}
    }
    errors.missing_if(
        is_blank(&e.to_whom),
        field("to-whom"),
        tr!("Enter who it will go to"),
    );
    errors.missing_if(
        e.urgency.is_none(),
        field("urgency"),
        tr!("Select how urgent this is"),
    );
    errors.extend(owner_error(
        e.owner.as_ref(),
        field("owner"),
        &tr!("Select who will take this forward"),
        &tr!("Enter the name of the person who will take this forward"),
    ));
    errors.extend(due_error(
        review,
        e.due,
        field("due"),
        &tr!("Enter the date this is due by"),
        &tr!("The due date must be on or after the day of the review"),
    ));
    match &e.consent {
        None => errors.push(FieldError::missing(
            field("consent"),
            tr!("Select whether there is consent to share this"),
        )),
        Some(ConsentToShare::NotNeededBecauseOfRisk { reason }) if is_blank(reason) => {
            errors.push(FieldError::missing(
                field("consent-reason"),
                tr!("Enter the risk that means this is shared without consent"),
            ))
        }
        _ => {}
    }
    errors
}

/// Errors for "Things that need someone else's help" (P22). Field ids:
/// `escalation-needed`, `add-escalation`, then each matter's.
pub fn escalations(review: &Review) -> Vec<FieldError> {
    let follow_up = crate::continuity::follow_up::escalation_follow_ups(review);
    let errors = list_part_errors(
        review.escalation_needed,
        &review.escalations,
        FieldError::missing(
            "escalation-needed",
            tr!("Select whether anything needs someone else's help"),
        ),
        FieldError::missing("add-escalation", tr!("Add what needs someone else's help")),
        |e| escalation(review, e),
    );
    [follow_up, errors].concat()
}
