//! Validation with the words the error summary shows. Each [`FieldError`]
//! names the id of the element it links to on the page that shows it.

use crate::model::*;
use crate::readiness::{checks, need_label};
use crate::text::is_blank;
use crate::words::{called, long_date, possessive};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the field (or control) the message links to.
    pub field: String,
    pub message: String,
    /// True when something already entered is now in conflict or was left
    /// unresolved, rather than simply not filled in yet.
    pub attention: bool,
}

impl FieldError {
    fn missing(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            attention: false,
        }
    }
    fn attention(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            attention: true,
        }
    }
}

/// Element ids on the "Who is here" pages.
pub mod ids {
    pub fn participant_card(id: &str) -> String {
        format!("participant-{id}")
    }
    pub fn add_role(role: crate::model::Role) -> String {
        format!("add-{}", role.key())
    }
    pub fn need(participant: &str, need: crate::model::Need) -> String {
        format!("need-{participant}-{}", need.key())
    }
    pub fn need_action(participant: &str, need: crate::model::Need) -> String {
        format!("need-{participant}-{}-action", need.key())
    }
    pub fn need_reason(participant: &str, need: crate::model::Need) -> String {
        format!("need-{participant}-{}-reason", need.key())
    }
    pub fn criterion_agreement(criterion: &str) -> String {
        format!("criterion-{criterion}-agreement")
    }
    pub fn restriction_what(id: &str) -> String {
        format!("restriction-{id}-what")
    }
    pub fn restriction_not_with(id: &str) -> String {
        format!("restriction-{id}-not-with")
    }

    // The review proper. `field` is one of the names listed on each
    // validator below ("kind", "name", "owner-name"...).
    pub fn rating(criterion: &str, participant: &str) -> String {
        format!("rating-{criterion}-{participant}")
    }
    pub fn not_discussed_reason(criterion: &str) -> String {
        format!("criterion-{criterion}-not-discussed-reason")
    }
    pub fn evidence(id: &str, field: &str) -> String {
        format!("evidence-{id}-{field}")
    }
    pub fn resource(id: &str, field: &str) -> String {
        format!("resource-{id}-{field}")
    }
    pub fn gap(id: &str, field: &str) -> String {
        format!("gap-{id}-{field}")
    }
    pub fn cover(id: &str, field: &str) -> String {
        format!("cover-{id}-{field}")
    }
    pub fn cover_risk(id: &str, field: &str) -> String {
        format!("risk-{id}-{field}")
    }
    pub fn escalation(id: &str, field: &str) -> String {
        format!("escalation-{id}-{field}")
    }
    pub fn action(id: &str, field: &str) -> String {
        format!("action-{id}-{field}")
    }
}

/// Errors for one participant, with field ids of their own page
/// (`name`, `relationship`, `attendance`).
pub fn participant(p: &Participant) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if is_blank(&p.name) {
        let message = match p.role {
            Role::Individual => "Enter the name of the person being cared for".to_string(),
            Role::Worker => "Enter the social care worker's name".to_string(),
            r => format!("Enter the {}'s name", r.noun()),
        };
        errors.push(FieldError::missing("name", message));
    }
    if p.role.has_relationship() && is_blank(&p.relationship) {
        errors.push(FieldError::missing(
            "relationship",
            format!(
                "Enter how {} is related to the person being cared for",
                called(p)
            ),
        ));
    }
    if p.attendance.is_none() {
        errors.push(FieldError::missing(
            "attendance",
            format!(
                "Select whether {} is in the room, joining remotely or not here",
                called(p)
            ),
        ));
    }
    errors
}

/// Errors for the "Who is here" list: one per person who needs details, and
/// the people the meeting cannot go ahead without.
pub fn who_is_here(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (role, message) in [
        (
            Role::Worker,
            "Add the social care worker running the review",
        ),
        (Role::Carer, "Add the carer"),
    ] {
        if review.participants_with(role).next().is_none() {
            errors.push(FieldError::missing(ids::add_role(role), message));
        }
    }
    for p in &review.participants {
        if let Some(first) = participant(p).into_iter().next() {
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
            "The review is with the carer: at least one carer must take part, in the room or remotely",
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
            format!("Enter {} preferred language", possessive(p)),
        ));
    }
    if let Some(i) = &s.interpreter {
        match i.mode {
            None => errors.push(FieldError::missing(
                "interpreter-mode",
                format!("Select the kind of interpreter {} needs", called(p)),
            )),
            Some(InterpreterMode::Spoken) if is_blank(&i.language) => {
                errors.push(FieldError::missing(
                    "interpreter-language",
                    format!("Enter the language {} needs interpreting", called(p)),
                ))
            }
            _ => {}
        }
    }
    if s.communication.contains(&CommunicationMethod::Aids) && is_blank(&s.communication_detail) {
        errors.push(FieldError::missing(
            "communication-detail",
            format!("Describe the communication aid {} uses", called(p)),
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
                format!("Select whether everything is ready for {who}: {label}"),
            )),
            Some(NeedStatus::Met) => {}
            Some(NeedStatus::NotMet {
                action,
                reason_to_continue,
            }) => {
                if is_blank(action) {
                    errors.push(FieldError::attention(
                        ids::need_action(&c.participant.id, c.need),
                        format!("Enter what was done about {label} for {who}"),
                    ));
                }
                if is_blank(reason_to_continue) {
                    errors.push(FieldError::attention(
                        ids::need_reason(&c.participant.id, c.need),
                        format!("Enter why the review can go on without {label} for {who}"),
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
    if p.reason.is_none() {
        errors.push(FieldError::missing(
            "reason",
            "Select why this review is happening",
        ));
    }
    if p.depth.is_none() {
        errors.push(FieldError::missing(
            "depth",
            "Select whether this is a light touch or a full review",
        ));
    }
    if p.agenda.is_empty() {
        errors.push(FieldError::missing(
            "agenda",
            "Select at least one thing the review will cover",
        ));
    }
    if p.carer_private_time.is_none() {
        errors.push(FieldError::missing(
            "private-time",
            "Select whether the carer would like time with the worker on their own",
        ));
    }
    if is_blank(&p.confidentiality.recipients) {
        errors.push(FieldError::missing(
            "recipients",
            "Enter who will receive the summary of this review",
        ));
    }
    for r in &p.confidentiality.restrictions {
        if is_blank(&r.what) {
            errors.push(FieldError::missing(
                ids::restriction_what(&r.id),
                "Enter what must not be shared",
            ));
        }
        if is_blank(&r.not_with) {
            errors.push(FieldError::missing(
                ids::restriction_not_with(&r.id),
                "Enter who it must not be shared with",
            ));
        }
    }
    for carer in review
        .participants_with(Role::Carer)
        .filter(|c| c.is_present())
    {
        if !p.agreed_by.contains(&carer.id) {
            errors.push(FieldError::missing(
                "process-agreement",
                format!("Ask {} to agree how the review will run", called(carer)),
            ));
        }
    }
    errors
}

/// Errors for the criteria the review will use (P17).
pub fn criteria(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if review.criteria.is_empty() {
        errors.push(FieldError::missing(
            "add-criteria",
            "Choose at least one thing to review against",
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
                let message = format!(
                    "Ask {} to agree to review against \u{201c}{}\u{201d}",
                    called(carer),
                    c.wording.trim()
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

// ---- The review proper (P19–P23) --------------------------------------------

/// A criterion's wording in curly quotes, as part 1's messages show it.
fn quoted(c: &Criterion) -> String {
    format!("\u{201c}{}\u{201d}", c.wording.trim())
}

/// The error, if any, of someone the record must name: `field` for the
/// choice of person, `field-name` for a name typed in.
fn person_error(
    person: Option<&Person>,
    field: String,
    select: &str,
    enter_name: &str,
) -> Option<FieldError> {
    match person {
        None => Some(FieldError::missing(field, select)),
        Some(Person::Named { name }) if is_blank(name) => {
            Some(FieldError::missing(format!("{field}-name"), enter_name))
        }
        _ => None,
    }
}

/// Like [`person_error`], for someone who takes something on: a removed
/// participant cannot be held to it, so that needs attention.
fn owner_error(
    owner: Option<&Person>,
    field: String,
    select: &str,
    enter_name: &str,
) -> Option<FieldError> {
    match owner {
        Some(Person::Removed { name }) => Some(FieldError::attention(
            field,
            format!("{select}: {} is no longer part of this review", name.trim()),
        )),
        _ => person_error(owner, field, select, enter_name),
    }
}

/// A due date must not be before the day of the review.
fn due_error(
    review: &Review,
    due: Option<NaiveDate>,
    field: String,
    missing: &str,
    too_early: &str,
) -> Option<FieldError> {
    match due {
        None => Some(FieldError::missing(field, missing)),
        Some(d) if d < review.date() => Some(FieldError::attention(
            field,
            format!("{too_early}, {}", long_date(review.date())),
        )),
        Some(_) => None,
    }
}

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
                    format!("Enter why {} was not discussed", quoted(criterion)),
                ));
            }
        }
        None => {
            for p in review.raters() {
                if review.rating(&criterion.id, &p.id).is_none() {
                    errors.push(FieldError::missing(
                        ids::rating(&criterion.id, &p.id),
                        format!("Select {} rating for {}", possessive(p), quoted(criterion)),
                    ));
                }
            }
        }
    }
    for note in cr.map(|c| c.evidence.as_slice()).unwrap_or_default() {
        if is_blank(&note.text) {
            errors.push(FieldError::missing(
                ids::evidence(&note.id, "text"),
                "Enter what was said",
            ));
        }
        errors.extend(person_error(
            note.said_by.as_ref(),
            ids::evidence(&note.id, "said-by"),
            "Select who said this",
            "Enter the name of the person who said this",
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

/// Errors for one service or support (P20). Field ids: [`ids::resource`]
/// with `kind`, `name`, `benefits`, `needs-met`, `decision`, `changes`.
pub fn resource(review: &Review, r: &Resource) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::resource(&r.id, f);
    let thing = if is_blank(&r.name) {
        "this service or support".to_string()
    } else {
        r.name.trim().to_string()
    };
    let carers = review.carer_possessive();
    if r.kind.is_none() {
        errors.push(FieldError::missing(
            field("kind"),
            "Select what kind of service or support this is",
        ));
    }
    if is_blank(&r.name) {
        errors.push(FieldError::missing(
            field("name"),
            "Enter the name of the service or support",
        ));
    }
    // Nothing can have helped yet if it has not been used.
    if !says_something(&r.benefits) && r.needs_met != Some(NeedsMet::NotUsedYet) {
        errors.push(FieldError::missing(
            field("benefits"),
            format!("Enter how {thing} has helped {carers} health and wellbeing"),
        ));
    }
    if r.needs_met.is_none() {
        errors.push(FieldError::missing(
            field("needs-met"),
            format!("Select how well {thing} met {carers} needs"),
        ));
    }
    match r.decision {
        None => errors.push(FieldError::missing(
            field("decision"),
            format!("Select whether to keep, change or stop {thing}"),
        )),
        Some(ResourceDecision::Change) if !says_something(&r.changes) => {
            errors.push(FieldError::missing(
                field("changes"),
                format!("Enter what needs to change about {thing}"),
            ))
        }
        Some(ResourceDecision::Stop) if !says_something(&r.changes) => {
            errors.push(FieldError::missing(
                field("changes"),
                format!("Enter what needs to happen when {thing} stops"),
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
    if is_blank(&g.what) {
        errors.push(FieldError::missing(
            ids::gap(&g.id, "what"),
            "Enter the gap in support",
        ));
    }
    errors.extend(person_error(
        g.noticed_by.as_ref(),
        ids::gap(&g.id, "noticed-by"),
        "Select who noticed this gap",
        "Enter the name of the person who noticed this gap",
    ));
    errors
}

/// Errors for "Services and support" (P20). Field ids: `services-in-use`,
/// `add-resource`, then each resource's and gap's.
pub fn services(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match review.services_in_use {
        None => errors.push(FieldError::missing(
            "services-in-use",
            format!(
                "Select whether {} uses any services or support",
                review.carer_called()
            ),
        )),
        Some(true) if review.resources.is_empty() => errors.push(FieldError::missing(
            "add-resource",
            format!("Add a service or support {} uses", review.carer_called()),
        )),
        _ => {}
    }
    for r in &review.resources {
        errors.extend(resource(review, r));
    }
    for g in &review.gaps {
        errors.extend(gap(g));
    }
    errors
}

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

/// Errors for one matter beyond the worker's scope (P22). Field ids:
/// [`ids::escalation`] with `matter`, `why`, `route`, `route-detail`,
/// `to-whom`, `urgency`, `owner`, `owner-name`, `due`, `consent`,
/// `consent-reason`.
pub fn escalation(review: &Review, e: &Escalation) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::escalation(&e.id, f);
    if is_blank(&e.matter) {
        errors.push(FieldError::missing(
            field("matter"),
            "Enter what the matter is",
        ));
    }
    if is_blank(&e.why_beyond_scope) {
        errors.push(FieldError::missing(
            field("why"),
            "Enter why this is beyond the worker's scope",
        ));
    }
    match e.route {
        None => errors.push(FieldError::missing(
            field("route"),
            "Select where this needs to go",
        )),
        Some(EscalationRoute::Other) if is_blank(&e.route_detail) => errors.push(
            FieldError::missing(field("route-detail"), "Enter where this needs to go"),
        ),
        _ => {}
    }
    if is_blank(&e.to_whom) {
        errors.push(FieldError::missing(
            field("to-whom"),
            "Enter who it will go to",
        ));
    }
    if e.urgency.is_none() {
        errors.push(FieldError::missing(
            field("urgency"),
            "Select how urgent this is",
        ));
    }
    errors.extend(owner_error(
        e.owner.as_ref(),
        field("owner"),
        "Select who will take this forward",
        "Enter the name of the person who will take this forward",
    ));
    errors.extend(due_error(
        review,
        e.due,
        field("due"),
        "Enter the date this is due by",
        "The due date must be on or after the day of the review",
    ));
    match &e.consent {
        None => errors.push(FieldError::missing(
            field("consent"),
            "Select whether there is consent to share this",
        )),
        Some(ConsentToShare::NotNeededBecauseOfRisk { reason }) if is_blank(reason) => {
            errors.push(FieldError::missing(
                field("consent-reason"),
                "Enter the risk that means this is shared without consent",
            ))
        }
        _ => {}
    }
    errors
}

/// Errors for "Things that need someone else's help" (P22). Field ids:
/// `escalation-needed`, `add-escalation`, then each matter's.
pub fn escalations(review: &Review) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match review.escalation_needed {
        None => errors.push(FieldError::missing(
            "escalation-needed",
            "Select whether anything needs someone else's help",
        )),
        Some(true) if review.escalations.is_empty() => errors.push(FieldError::missing(
            "add-escalation",
            "Add what needs someone else's help",
        )),
        _ => {}
    }
    for e in &review.escalations {
        errors.extend(escalation(review, e));
    }
    errors
}

/// Errors for one action (P23). Field ids: [`ids::action`] with `what`,
/// `owner`, `owner-name`, `due`.
pub fn action(review: &Review, a: &Action) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |f: &str| ids::action(&a.id, f);
    if is_blank(&a.what) {
        errors.push(FieldError::missing(
            field("what"),
            "Enter what will be done",
        ));
    }
    errors.extend(owner_error(
        a.owner.as_ref(),
        field("owner"),
        "Select who will do this",
        "Enter the name of the person who will do this",
    ));
    errors.extend(due_error(
        review,
        a.due,
        field("due"),
        "Enter the date this will be done by",
        "The date must be on or after the day of the review",
    ));
    errors
}

/// Errors for every action, in order.
pub fn actions(review: &Review) -> Vec<FieldError> {
    review
        .actions
        .iter()
        .flat_map(|a| action(review, a))
        .collect()
}

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
