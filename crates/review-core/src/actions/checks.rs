//! The checks of actions (P23).

use crate::actions::types::*;
use crate::field_errors::{due_error, owner_error, FieldError, Missing};
use crate::ids;
use crate::review::Review;
use crate::text::is_blank;
use crate::tr;

/// Errors for one action (P23). Field ids: [`ids::action`] with `what`,
/// `owner`, `owner-name`, `due`.
pub fn action(review: &Review, a: &Action) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::action(&a.id, f);
    errors.missing_if(
        is_blank(&a.what),
        field("what"),
        tr!("Enter what will be done"),
    );
    errors.extend(owner_error(
        a.owner.as_ref(),
        field("owner"),
        &tr!("Select who will do this"),
        &tr!("Enter the name of the person who will do this"),
    ));
    errors.extend(due_error(
        review,
        a.due,
        field("due"),
        &tr!("Enter the date this will be done by"),
        &tr!("The date must be on or after the day of the review"),
    ));
    errors
}

/// Errors for every action, in order, after any of last time's actions
/// not yet followed up.
pub fn actions(review: &Review) -> Vec<FieldError> {
    let mut errors = crate::continuity::follow_up::action_follow_ups(review);
    errors.extend(review.actions.iter().flat_map(|a| action(review, a)));
    errors
}
