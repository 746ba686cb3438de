//! The checks of how it is going (P19): everyone's rating, or why it was
//! not discussed, and what was said and by whom.

use crate::criteria::types::Criterion;
use crate::field_errors::{person_error, quoted, FieldError, Missing};
use crate::ids;
use crate::review::Review;
use crate::text::is_blank;
use crate::tr;
use crate::words::possessive;

/// Errors for one criterion of "How it is going" (P19). Field ids:
/// [`ids::rating`] for each person who has not rated yet,
/// [`ids::not_discussed_reason`], and [`ids::evidence`] with `text`,
/// `said-by`, `said-by-name`.
pub fn criterion_review(review: &Review, criterion: &Criterion) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let cr = review.criterion_review(&criterion.id);
    match cr.and_then(|c| c.not_discussed.as_deref()) {
        Some(reason) => {
            if is_blank(reason) {
                errors.push(FieldError::missing(
                    ids::not_discussed_reason(&criterion.id),
                    tr!(
                        "Enter why {criterion} was not discussed",
                        criterion = quoted(criterion)
                    ),
                ));
            }
        }
        None => {
            for p in review.raters() {
                if review.rating(&criterion.id, &p.id).is_none() {
                    errors.push(FieldError::missing(
                        ids::rating(&criterion.id, &p.id),
                        tr!(
                            "Select {whose} rating for {criterion}",
                            whose = possessive(p),
                            criterion = quoted(criterion)
                        ),
                    ));
                }
            }
        }
    }
    for note in cr.map(|c| c.evidence.as_slice()).unwrap_or_default() {
        let text = ids::evidence(&note.id, "text");
        errors.missing_if(is_blank(&note.text), text, tr!("Enter what was said"));
        errors.extend(person_error(
            note.said_by.as_ref(),
            ids::evidence(&note.id, "said-by"),
            &tr!("Select who said this"),
            &tr!("Enter the name of the person who said this"),
        ));
    }
    errors
}

/// Errors for "How it is going" (P19): every criterion, in order.
pub fn ratings(review: &Review) -> Vec<FieldError> {
    review
        .criteria
        .iter()
        .flat_map(|c| criterion_review(review, c))
        .collect()
}
