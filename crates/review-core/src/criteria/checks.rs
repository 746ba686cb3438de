//! The checks of what the review looks at (P17).

use crate::field_errors::FieldError;
use crate::ids;
use crate::review::Review;
use crate::setup::people::Role;
use crate::tr;
use crate::words::called;

/// Errors for the criteria the review will use (P17).
pub fn criteria(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if review.criteria.is_empty() {
        errors.push(FieldError::missing(
            "add-criteria",
            tr!("Choose at least one thing to review against"),
        ));
    }
    let carers: Vec<_> = review
        .participants_with(Role::Carer)
        .filter(|c| c.is_present())
        .collect();
    for c in &review.criteria {
        for carer in &carers {
            if !c.agreed_by.contains(&carer.id) {
                let field = ids::criterion_agreement(&c.id);
                let message = tr!(
                    "Ask {name} to agree to review against “{wording}”",
                    name = called(carer),
                    wording = c.wording.trim()
                );
                // Others agreed but the carer has not: the carer's view is the
                // one that counts (P17), so this is flagged, not just missing.
                errors.push(if c.agreed_by.is_empty() {
                    FieldError::missing(field, message)
                } else {
                    FieldError::attention(field, message)
                });
            }
        }
    }
    errors
}
