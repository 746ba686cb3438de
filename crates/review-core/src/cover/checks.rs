//! The checks of cover (P21).

use crate::cover::types::*;
use crate::field_errors::FieldError;
use crate::ids;
use crate::review::Review;
use crate::text::is_blank;

/// Errors for one cover arrangement (P21). Field ids: [`ids::cover`] with
/// `makes-room-for`, `makes-room-for-detail`, `kind`, `when`, `provider`,
/// `funding`, `agreement`, `what-happens-next`; each risk's [`ids::cover_risk`]
/// with `risk`, `management`.
pub fn cover_arrangement(review: &Review, a: &CoverArrangement) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::cover(&a.id, f);
    let individual = review.individual_called();
    match a.makes_room_for {
        None => errors.push(FieldError::missing(
            field("makes-room-for"),
            "Select what the carer needs the time for",
        )),
        Some(CarerNeed::Other) if is_blank(&a.makes_room_for_detail) => {
            errors.push(FieldError::missing(
                field("makes-room-for-detail"),
                "Enter what the carer needs the time for",
            ))
        }
        _ => {}
    }
    if a.kind.is_none() {
        errors.push(FieldError::missing(
            field("kind"),
            format!("Select the kind of support {individual} will have"),
        ));
    }
    if is_blank(&a.when) {
        errors.push(FieldError::missing(
            field("when"),
            "Enter when and how often",
        ));
    }
    if is_blank(&a.provider) {
        errors.push(FieldError::missing(
            field("provider"),
            "Enter who will provide the support",
        ));
    }
    if a.funding.is_none() {
        errors.push(FieldError::missing(
            field("funding"),
            "Select how the support will be paid for",
        ));
    }
    for r in &a.risks {
        if is_blank(&r.risk) {
            errors.push(FieldError::missing(
                ids::cover_risk(&r.id, "risk"),
                "Enter the risk",
            ));
        }
        if is_blank(&r.management) {
            errors.push(FieldError::missing(
                ids::cover_risk(&r.id, "management"),
                "Enter how the risk will be managed",
            ));
        }
    }
    match &a.agreement {
        None => errors.push(FieldError::missing(
            field("agreement"),
            format!("Select whether {individual} agreed to this support"),
        )),
        // Their wishes count (P21): a "no" with nothing to follow is unresolved.
        Some(IndividualAgreement::NotAgreed { what_happens_next })
            if is_blank(what_happens_next) =>
        {
            errors.push(FieldError::attention(
                field("what-happens-next"),
                format!("Enter what happens now that {individual} has not agreed"),
            ))
        }
        _ => {}
    }
    errors
}

/// Errors for "Support while the carer has time for themselves" (P21).
/// Field ids: `cover-needed`, `add-cover-arrangement`, then each arrangement's.
pub fn cover(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match review.cover_needed {
        None => errors.push(FieldError::missing(
            "cover-needed",
            format!(
                "Select whether {} support needs to change while the carer has time for themselves",
                review.individual_possessive()
            ),
        )),
        Some(true) if review.cover_arrangements.is_empty() => errors.push(FieldError::missing(
            "add-cover-arrangement",
            format!(
                "Add the support {} will have while the carer has time for themselves",
                review.individual_called()
            ),
        )),
        _ => {}
    }
    for a in &review.cover_arrangements {
        errors.extend(cover_arrangement(review, a));
    }
    errors
}
