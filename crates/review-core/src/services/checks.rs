//! The checks of services and support (P20).

use crate::base::{written, Remark};
use crate::field_errors::{list_part_errors, person_error, FieldError, Missing};
use crate::ids;
use crate::review::Review;
use crate::services::types::*;
use crate::text::is_blank;
use crate::tr;

/// Errors for one service or support (P20). Field ids: [`ids::resource`]
/// with `kind`, `name`, `benefits`, `needs-met`, `decision`, `changes`.
pub fn resource(review: &Review, r: &Resource) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::resource(&r.id, f);
    let thing = if is_blank(&r.name) {
        tr!("this service or support")
    } else {
        r.name.trim().to_string()
    };
    let carers = review.carer_possessive();
    let kind = tr!("Select what kind of service or support this is");
    errors.missing_if(r.kind.is_none(), field("kind"), kind);
    let name = tr!("Enter the name of the service or support");
    errors.missing_if(is_blank(&r.name), field("name"), name);
    errors.missing_if(
        // Nothing can have helped yet if it has not been used.
        !says_something(&r.benefits) && r.needs_met != Some(NeedsMet::NotUsedYet),
        field("benefits"),
        tr!(
            "Enter how {thing} has helped {carers} health and wellbeing",
            thing = thing,
            carers = carers
        ),
    );
    errors.missing_if(
        r.needs_met.is_none(),
        field("needs-met"),
        tr!(
            "Select how well {thing} met {carers} needs",
            thing = thing,
            carers = carers
        ),
    );
    match r.decision {
        None => errors.push(FieldError::missing(
            field("decision"),
            tr!(
                "Select whether to keep, change or stop {thing}",
                thing = thing
            ),
        )),
        Some(ResourceDecision::Change) if !says_something(&r.changes) => {
            errors.push(FieldError::missing(
                field("changes"),
                tr!("Enter what needs to change about {thing}", thing = thing),
            ))
        }
        Some(ResourceDecision::Stop) if !says_something(&r.changes) => {
            errors.push(FieldError::missing(
                field("changes"),
                tr!(
                    "Enter what needs to happen when {thing} stops",
                    thing = thing
                ),
            ))
        }
        _ => {}
    }
    errors
}

/// Whether a list of points has at least one with words in it.
fn says_something(remarks: &[Remark]) -> bool {
    written(remarks).next().is_some()
}

/// Errors for one gap in provision. Field ids: [`ids::gap`] with `what`,
/// `noticed-by`, `noticed-by-name`.
pub fn gap(g: &Gap) -> Vec<FieldError> {
    let mut errors = Vec::new();
    errors.missing_if(
        is_blank(&g.what),
        ids::gap(&g.id, "what"),
        tr!("Enter the gap in support"),
    );
    errors.extend(person_error(
        g.noticed_by.as_ref(),
        ids::gap(&g.id, "noticed-by"),
        &tr!("Select who noticed this gap"),
        &tr!("Enter the name of the person who noticed this gap"),
    ));
    errors
}

/// Errors for "Services and support" (P20). Field ids: `services-in-use`,
/// `add-resource`, then each resource's and gap's.
pub fn services(review: &Review) -> Vec<FieldError> {
    let carer = review.carer_called();
    let mut errors = list_part_errors(
        review.services_in_use,
        &review.resources,
        FieldError::missing(
            "services-in-use",
            tr!(
                "Select whether {carer} uses any services or support",
                carer = carer
            ),
        ),
        FieldError::missing(
            "add-resource",
            tr!("Add a service or support {carer} uses", carer = carer),
        ),
        |r| resource(review, r),
    );
    for g in &review.gaps {
        errors.extend(gap(g));
    }
    errors
}
