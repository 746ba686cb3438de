//! The checks of cover (P21).

use crate::cover::types::*;
use crate::field_errors::{list_part_errors, FieldError, Missing};
use crate::ids;
use crate::review::Review;
use crate::text::is_blank;
use crate::tr;

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
            tr!("Select what the carer needs the time for"),
        )),
        Some(CarerNeed::Other) if is_blank(&a.makes_room_for_detail) => {
            errors.push(FieldError::missing(
                field("makes-room-for-detail"),
                tr!("Enter what the carer needs the time for"),
            ))
        }
        _ => {}
    }
    errors.missing_if(
        a.kind.is_none(),
        field("kind"),
        tr!(
            "Select the kind of support {individual} will have",
            individual = individual
        ),
    );
    errors.missing_if(
        is_blank(&a.when),
        field("when"),
        tr!("Enter when and how often"),
    );
    let provider = tr!("Enter who will provide the support");
    errors.missing_if(is_blank(&a.provider), field("provider"), provider);
    let funding = tr!("Select how the support will be paid for");
    errors.missing_if(a.funding.is_none(), field("funding"), funding);
    for r in &a.risks {
        let risk = |f: &str| ids::cover_risk(&r.id, f);
        errors.missing_if(is_blank(&r.risk), risk("risk"), tr!("Enter the risk"));
        let management = tr!("Enter how the risk will be managed");
        errors.missing_if(is_blank(&r.management), risk("management"), management);
    }
    match &a.agreement {
        None => errors.push(FieldError::missing(
            field("agreement"),
            tr!(
                "Select whether {individual} agreed to this support",
                individual = individual
            ),
        )),
        // Their wishes count (P21): a "no" with nothing to follow is unresolved.
        Some(IndividualAgreement::NotAgreed { what_happens_next })
            if is_blank(what_happens_next) =>
        {
            errors.push(FieldError::attention(
                field("what-happens-next"),
                tr!(
                    "Enter what happens now that {individual} has not agreed",
                    individual = individual
                ),
            ))
        }
        _ => {}
    }
    errors
}

/// Errors for "Support while the carer has time for themselves" (P21).
/// Field ids: `cover-needed`, `add-cover-arrangement`, then each arrangement's.
pub fn cover(review: &Review) -> Vec<FieldError> {
    list_part_errors(
        review.cover_needed,
        &review.cover_arrangements,
        FieldError::missing(
            "cover-needed",
            tr!("Select whether {whose} support needs to change while the carer has time for themselves", whose = review.individual_possessive()),
        ),
        FieldError::missing(
            "add-cover-arrangement",
            tr!("Add the support {name} will have while the carer has time for themselves", name = review.individual_called()),
        ),
        |a| cover_arrangement(review, a),
    )
}
