//! The checks of the outcome (P23).

use crate::field_errors::FieldError;
use crate::review::Review;
use crate::text::is_blank;
use crate::words::long_date;

/// Errors for the outcome (P23). Field ids: `outcome-decision`,
/// `outcome-rationale`, `outcome-carer-view`, `outcome-individual-view`,
/// `next-review`.
pub fn outcome(review: &Review) -> Vec<FieldError> {
    let o = &review.outcome;
    let mut errors = Vec::new();
    if o.decision.is_none() {
        errors.push(FieldError::missing(
            "outcome-decision",
            "Select the outcome of the review",
        ));
    }
    if is_blank(&o.rationale) {
        errors.push(FieldError::missing(
            "outcome-rationale",
            "Enter why this is the outcome",
        ));
    }
    if is_blank(&o.carer_view) {
        errors.push(FieldError::missing(
            "outcome-carer-view",
            format!("Enter what {} thinks of the outcome", review.carer_called()),
        ));
    }
    if is_blank(&o.individual_view) {
        errors.push(FieldError::missing(
            "outcome-individual-view",
            format!(
                "Enter what {} thinks of the outcome",
                review.individual_called()
            ),
        ));
    }
    if let Some(next) = o.next_review {
        if next <= review.date() {
            errors.push(FieldError::attention(
                "next-review",
                format!(
                    "The next review must be after the day of this review, {}",
                    long_date(review.date())
                ),
            ));
        }
    }
    errors
}
