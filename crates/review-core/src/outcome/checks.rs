//! The checks of the outcome (P23).

use crate::field_errors::{FieldError, Missing};
use crate::review::Review;
use crate::text::is_blank;
use crate::tr;
use crate::words::long_date;

/// Errors for the outcome (P23). Field ids: `outcome-decision`,
/// `outcome-rationale`, `outcome-carer-view`, `outcome-individual-view`,
/// `next-review`.
pub fn outcome(review: &Review) -> Vec<FieldError> {
    let o = &review.outcome;
    let mut errors = Vec::new();
    let decision = tr!("Select the outcome of the review");
    errors.missing_if(o.decision.is_none(), "outcome-decision", decision);
    let rationale = tr!("Enter why this is the outcome");
    errors.missing_if(is_blank(&o.rationale), "outcome-rationale", rationale);
    let view_of = |who: String| tr!("Enter what {who} thinks of the outcome", who = who);
    let carer_view = view_of(review.carer_called());
    errors.missing_if(is_blank(&o.carer_view), "outcome-carer-view", carer_view);
    let individual_view = view_of(review.individual_called());
    errors.missing_if(
        is_blank(&o.individual_view),
        "outcome-individual-view",
        individual_view,
    );
    // The suggested date is offered, never set for the people in the room:
    // the date in the record is one someone chose.
    errors.missing_if(
        o.next_review.is_none(),
        "next-review",
        tr!(
            "Choose the date of the next review: use the suggested date, {when}, or enter another",
            when = long_date(crate::outcome::dates::default_next_review(review))
        ),
    );
    if let Some(next) = o.next_review {
        if next <= review.date() {
            errors.push(FieldError::attention(
                "next-review",
                tr!(
                    "The next review must be after the day of this review, {when}",
                    when = long_date(review.date())
                ),
            ));
        }
    }
    errors
}
