//! The numbers a records system matches the review by (issue 27), on a
//! person's details page: for the carer and the person cared for, the
//! team's references (as its configuration names and shapes them), the NHS
//! number and the date of birth; for the worker, their staff ID. Folded
//! while nothing is given and nothing is required (the page stays short);
//! each is checked by the core (`validate::participant_records`) with a
//! message that says what is wrong, and kept as typed meanwhile.

use crate::components::TextInput;
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::team::IdentifierRule;
use review_core::tr;
use review_core::{Command, Participant, Role};

/// The numbers for the records that fit the person's role; none for the
/// others.
#[component]
pub fn ForTheRecords(
    /// The person's id.
    pid: String,
    /// The page's errors (the numbers', once someone asked to go on).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let team = crate::team::use_team();
    let id = pid.clone();
    let person = ctx.select(move |r| r.participant(&id).cloned());
    let role = Signal::derive(move || person.with(|p| p.as_ref().map(|p| p.role)));
    let rules = ctx.select(|r| r.reference_rules.clone());
    // A review started before the team's configuration named its
    // references takes them when they are first asked, while none is
    // given (the core refuses a change under a reference given).
    let team_rules = team
        .in_force
        .with_untracked(|f| f.as_ref().map(|f| f.profile.identifiers.clone()))
        .unwrap_or_default();
    if rules.with_untracked(Vec::is_empty)
        && !team_rules.is_empty()
        && !crate::state::read_only().get_untracked()
    {
        let _ = ctx.dispatch(Command::UseReferenceRules { rules: team_rules });
    }
    let text = move |f: fn(&Participant) -> String| {
        Signal::derive(move || person.with(|p| p.as_ref().map(f).unwrap_or_default()))
    };
    let send = move |make: fn(String, String) -> Command, pid: String| {
        Callback::new(move |value: String| ctx.send(make(pid.clone(), value)))
    };
    let set_nhs = send(|id, text| Command::SetNhsNumber { id, text }, pid.clone());
    let set_born = send(|id, text| Command::SetDateOfBirth { id, text }, pid.clone());
    let set_staff = send(|id, text| Command::SetStaffId { id, text }, pid.clone());
    // Open while anything is given, required or wrong: never a question
    // with an answer or a message folded away.
    let visible = errors.visible();
    let open = Memo::new(move |_| {
        let given = person.with(|p| {
            p.as_ref().is_some_and(|p| {
                p.references_given().next().is_some()
                    || !p.nhs_number.trim().is_empty()
                    || !p.date_of_birth.trim().is_empty()
            })
        });
        let required = rules.with(|r| r.iter().any(|r| r.required));
        let wrong = visible.with(|v| {
            v.iter().any(|e| {
                e.field == "nhs-number"
                    || e.field == "date-of-birth"
                    || e.field.starts_with("reference-")
            })
        });
        given || required || wrong
    });
    view! {
        <Show when=move || role.get() == Some(Role::Worker)>
            <TextInput easy="who.staff-id" id="staff-id" label={tr!("Staff ID (optional)")}
                hint={tr!("As your organisation's records know you. It goes into the signed summary.")}
                value=text(|p| p.staff_id.clone()) on_input=set_staff width="app-input--width-10" />
        </Show>
        <Show when=move || role.get().is_some_and(Role::has_age)>
            <details class="app-details" prop:open=move || open.get()>
                <summary class="app-details__summary">
                    <span class="app-details__summary-text">{tr!("Numbers for the records")}</span>
                </summary>
                <div class="app-details__text">
                    <p class="app-body">{tr!("So that the records team can match this review to the right person. They go into the signed summary and its copies, beside the person's name.")}</p>
                    <For each=move || rules.get() key=|r| r.id.clone()
                        children={
                            let pid = pid.clone();
                            move |rule| view! { <Reference pid=pid.clone() rule=rule errors=errors /> }
                        } />
                    <TextInput easy="who.nhs-number" id="nhs-number" label={tr!("NHS number (optional)")}
                        hint={tr!("10 digits, for example 943 476 5919. Spaces are fine.")}
                        value=text(|p| p.nhs_number.clone()) error=errors.for_field("nhs-number")
                        inputmode="numeric" on_input=set_nhs width="app-input--width-10" />
                    <TextInput easy="who.date-of-birth" id="date-of-birth" label={tr!("Date of birth (optional)")}
                        value=text(|p| p.date_of_birth.clone()) error=errors.for_field("date-of-birth")
                        on_input=set_born width="app-input--width-10" kind="date" on_change_only=true />
                </div>
            </details>
        </Show>
    }
}

/// One of the team's references, asked as its configuration says.
#[component]
fn Reference(
    /// The person's id.
    pid: String,
    /// The team's rule for it.
    rule: IdentifierRule,
    /// The page's errors.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let (id, rule_id) = (pid.clone(), rule.id.clone());
    let value = ctx.select(move |r| {
        r.participant(&id)
            .and_then(|p| p.references.get(&rule_id).cloned())
            .unwrap_or_default()
    });
    let rule_id = rule.id.clone();
    let set = Callback::new(move |value: String| {
        ctx.send(Command::SetReference {
            id: pid.clone(),
            rule: rule_id.clone(),
            value,
        })
    });
    let field = format!("reference-{}", rule.id);
    let label = if rule.required {
        rule.label.clone()
    } else {
        tr!("{label} (optional)", label = rule.label)
    };
    let shape = tr!("Like {shape}.", shape = rule.shape_in_words());
    let hint = match rule.hint.as_deref().map(|h| h.trim().trim_end_matches('.')) {
        Some(h) if !h.is_empty() => tr!("{hint}. {shape}", hint = h, shape = shape),
        _ => shape,
    };
    view! {
        <TextInput easy=("who.reference", rule.label.clone()) id=field.clone() label=label hint=hint value=value error=errors.for_field(field)
            on_input=set width="app-input--width-20" />
    }
}
