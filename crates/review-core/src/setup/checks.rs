//! Getting ready's checks (P17, P18), with the words the error summary
//! shows: people, what helps them take part, readiness, how the review runs.

use crate::field_errors::{FieldError, Missing};
use crate::ids;
use crate::review::Review;
use crate::setup::people::*;
use crate::setup::readiness::{checks, need_label};
use crate::setup::sharing::RecipientKind;
use crate::text::is_blank;
use crate::tr;
use crate::words::{called, capitalise, possessive};

/// Errors for one participant, with field ids of their own page
/// (`name`, `relationship`, `attendance`).
pub fn participant(p: &Participant) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if is_blank(&p.name) && !p.role.name_is_optional() {
        let message = match p.role {
            Role::Individual => tr!("Enter the name of the person being cared for"),
            Role::Worker => tr!("Enter the social care worker's name"),
            r => tr!("Enter the {role}'s name", role = r.noun()),
        };
        errors.push(FieldError::missing("name", message));
    }
    if p.role.has_relationship() && is_blank(&p.relationship) {
        errors.push(FieldError::missing(
            "relationship",
            tr!(
                "Enter how {name} is related to the person being cared for",
                name = called(p)
            ),
        ));
    }
    if p.attendance.is_none() {
        errors.push(FieldError::missing(
            "attendance",
            tr!(
                "Select whether {name} is in the room, joining remotely or not here",
                name = called(p)
            ),
        ));
    }
    errors
}

/// Errors in the numbers a records system matches the carer and the person
/// cared for by (issue 27), with field ids of their details page: each
/// reference the team requires, in its shape (`reference-<rule id>`); an
/// NHS number with its check digit (`nhs-number`); a date of birth on or
/// before the day the review started, and an age that agrees with it
/// (`date-of-birth`). Nothing for other roles.
pub fn participant_records(review: &Review, p: &Participant) -> Vec<FieldError> {
    use crate::identifiers::{age_on, date_of_birth, NhsNumber};
    let mut errors = Vec::new();
    if !p.role.has_age() {
        return errors;
    }
    let whose = possessive(p);
    for rule in &review.reference_rules {
        let field = format!("reference-{}", rule.id);
        let label = lower_first(&rule.label);
        match p.reference_given(&rule.id) {
            None if rule.required => errors.push(FieldError::missing(
                field,
                tr!("Enter {whose} {label}", whose = whose, label = label),
            )),
            Some(value) if !rule.accepts(value) => errors.push(FieldError::missing(
                field,
                capitalise(&tr!(
                    "{whose} {label} must look like {trend}",
                    whose = whose.clone(),
                    label = label,
                    trend = rule.shape_in_words()
                )),
            )),
            _ => {}
        }
    }
    if !is_blank(&p.nhs_number) {
        if let Err(why) = NhsNumber::parse(&p.nhs_number) {
            errors.push(FieldError::missing(
                "nhs-number",
                capitalise(&tr!(
                    "{whose} NHS number {why}",
                    whose = whose.clone(),
                    why = why
                )),
            ));
        }
    }
    if !is_blank(&p.date_of_birth) {
        let day = review.created_at.date_naive();
        match date_of_birth(&p.date_of_birth, day, MAX_AGE) {
            Err(why) => errors.push(FieldError::missing(
                "date-of-birth",
                capitalise(&tr!(
                    "{whose} date of birth {why}",
                    whose = whose.clone(),
                    why = why
                )),
            )),
            Ok(born) => {
                let age = age_on(born, day);
                if let Some(given) = p.age.filter(|a| u32::from(*a) != age) {
                    errors.push(FieldError::attention(
                        "age",
                        capitalise(&tr!("{whose} age ({given}) does not match their date of birth: on the day of the review they were {age}. Correct one of them", whose = whose.clone(), given = given, age = age)),
                    ));
                }
            }
        }
    }
    errors
}

/// "Case reference" → "case reference"; "NHS ID" stays as it is.
fn lower_first(label: &str) -> String {
    crate::i18n::past_mark(label, |label| {
        let mut chars = label.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
                first.to_lowercase().chain(label.chars().skip(1)).collect()
            }
            _ => label.to_string(),
        }
    })
}

/// Errors for the "Who is here" list: one per person who needs details, and
/// the people the meeting cannot go ahead without.
pub fn who_is_here(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (role, message) in [
        (
            Role::Worker,
            tr!("Add the social care worker running the review"),
        ),
        (Role::Carer, tr!("Add the carer")),
    ] {
        if review.participants_with(role).next().is_none() {
            errors.push(FieldError::missing(ids::add_role(role), message));
        }
    }
    for p in &review.participants {
        let mut theirs = participant(p);
        theirs.extend(participant_records(review, p));
        if let Some(first) = theirs.into_iter().next() {
            errors.push(FieldError {
                field: ids::participant_card(&p.id),
                ..first
            });
        }
    }
    let carers: Vec<_> = review.participants_with(Role::Carer).collect();
    if !carers.is_empty()
        && carers.iter().all(|c| c.attendance.is_some())
        && !carers.iter().any(|c| c.is_present())
    {
        errors.push(FieldError::attention(
            ids::participant_card(&carers[0].id),
            tr!("The review is with the carer: at least one carer must take part, in the room or remotely"),
        ));
    }
    errors
}

/// Errors for one participant's "Taking part" page (field ids of that page).
pub fn taking_part_of(p: &Participant) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let s = &p.support;
    if matches!(p.role, Role::Carer | Role::Individual) && is_blank(&s.preferred_language) {
        errors.push(FieldError::missing(
            "preferred-language",
            tr!("Enter {whose} preferred language", whose = possessive(p)),
        ));
    }
    if let Some(i) = &s.interpreter {
        match i.mode {
            None => errors.push(FieldError::missing(
                "interpreter-mode",
                tr!(
                    "Select the kind of interpreter {name} needs",
                    name = called(p)
                ),
            )),
            Some(InterpreterMode::Spoken) if is_blank(&i.language) => {
                errors.push(FieldError::missing(
                    "interpreter-language",
                    tr!(
                        "Enter the language {name} needs interpreting",
                        name = called(p)
                    ),
                ))
            }
            _ => {}
        }
    }
    if s.communication.contains(&CommunicationMethod::Aids) && is_blank(&s.communication_detail) {
        errors.push(FieldError::missing(
            "communication-detail",
            tr!(
                "Describe the communication aid {name} uses",
                name = called(p)
            ),
        ));
    }
    errors
}

/// Errors for the "Taking part" overview: one per person whose page has errors.
pub fn taking_part(review: &Review) -> Vec<FieldError> {
    review
        .supported_participants()
        .filter_map(|p| {
            taking_part_of(p).into_iter().next().map(|e| FieldError {
                field: ids::participant_card(&p.id),
                ..e
            })
        })
        .collect()
}

/// Errors for the readiness check.
pub fn readiness(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for c in checks(review) {
        let label = need_label(c.participant, c.need);
        let who = called(c.participant);
        match c.status {
            None => errors.push(FieldError::missing(
                ids::need(&c.participant.id, c.need),
                tr!(
                    "Select whether everything is ready for {who}: {label}",
                    who = who,
                    label = label
                ),
            )),
            Some(NeedStatus::Met) => {}
            Some(NeedStatus::NotMet {
                action,
                reason_to_continue,
            }) => {
                if is_blank(action) {
                    errors.push(FieldError::attention(
                        ids::need_action(&c.participant.id, c.need),
                        tr!(
                            "Enter what was done about {label} for {who}",
                            label = label,
                            who = who
                        ),
                    ));
                }
                if is_blank(reason_to_continue) {
                    errors.push(FieldError::attention(
                        ids::need_reason(&c.participant.id, c.need),
                        tr!(
                            "Enter why the review can go on without {label} for {who}",
                            label = label,
                            who = who
                        ),
                    ));
                }
            }
        }
    }
    errors
}

/// Errors for "How we'll review" (P17).
pub fn process(review: &Review) -> Vec<FieldError> {
    let p = &review.process;
    let mut errors = Vec::new();
    let c = &p.confidentiality;
    let reason = tr!("Select why this review is happening");
    errors.missing_if(p.reason.is_none(), "reason", reason);
    let depth = tr!("Select whether this is a light touch or a full review");
    errors.missing_if(p.depth.is_none(), "depth", depth);
    let agenda = tr!("Select at least one thing the review will cover");
    errors.missing_if(p.agenda.is_empty(), "agenda", agenda);
    let private = tr!("Select whether the carer would like time with the worker on their own");
    errors.missing_if(p.carer_private_time.is_none(), "private-time", private);
    for copy in c.copies.iter().filter(|c| c.kind.is_named()) {
        let name = match copy.kind {
            RecipientKind::Provider => tr!("Enter the name of the service that gets a copy"),
            _ => tr!("Enter the name of the person who gets a copy"),
        };
        errors.missing_if(is_blank(&copy.name), ids::copy_name(&copy.id), name);
    }
    // Asked of every review still open; one signed off before it was asked
    // stays as it was signed (an amendment asks it).
    let default = tr!("Select who may see what is said, unless an item says otherwise");
    // (Nor of one already being signed: a change would clear the signatures.)
    let open = review.state == crate::review::ReviewState::Draft && review.sign_offs.is_empty();
    errors.missing_if(
        open && c.default_visibility.is_none(),
        "default-visibility",
        default,
    );
    for r in &c.restrictions {
        let what = tr!("Enter what must not be shared");
        errors.missing_if(is_blank(&r.what), ids::restriction_what(&r.id), what);
        let not_with = tr!("Enter who it must not be shared with");
        errors.missing_if(
            is_blank(&r.not_with),
            ids::restriction_not_with(&r.id),
            not_with,
        );
    }
    for carer in review
        .participants_with(Role::Carer)
        .filter(|c| c.is_present())
    {
        if !p.agreed_by.contains(&carer.id) {
            errors.push(FieldError::missing(
                "process-agreement",
                tr!(
                    "Ask {name} to agree how the review will run",
                    name = called(carer)
                ),
            ));
        }
    }
    errors
}
