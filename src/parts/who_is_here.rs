//! Who is here (P18): everyone taking part, one card each, and each
//! person's name, role, relationship and how they take part today (and,
//! in `about_them`, what else the review records about them).

mod about_them;
mod numbers;

use crate::browser::clock;
use crate::components::{
    change_word, Choice, Editable, FieldMessages, NotInReview, Page, PartPage, Problem, Radios,
    TextInput,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use review_core::progress::Part;
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::{Attendance, Command, Role};

/// Roles offered by the "Add" buttons.
const ADDABLE: [Role; 6] = [
    Role::Carer,
    Role::Advocate,
    Role::Interpreter,
    Role::KeyPerson,
    Role::OtherProfessional,
    Role::Worker,
];

/// An "Add" button's words.
fn add_words(role: Role) -> String {
    match role {
        Role::Carer => tr!("Add a carer"),
        Role::Advocate => tr!("Add an advocate"),
        Role::Interpreter => tr!("Add an interpreter"),
        Role::KeyPerson => tr!("Add a family member or friend"),
        Role::OtherProfessional => tr!("Add another professional"),
        _ => tr!("Add another social care worker"),
    }
}

/// Everyone taking part in the review (P18), one card each.
#[component]
pub fn WhoIsHere() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::who_is_here));
    let people = ctx.select(|r| {
        r.participants
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    });
    // Someone the review needs (the carer) is not added yet, once asked to go on.
    let missing_someone = move || {
        errors.visible().with(|e| {
            e.iter()
                .any(|e| ADDABLE.iter().any(|role| e.field == ids::add_role(*role)))
        })
    };
    let nav = use_navigate();
    let add = move |role: Role| {
        let id = clock::new_id();
        if ctx
            .dispatch(Command::AddParticipant {
                id: id.clone(),
                role,
            })
            .is_ok()
        {
            nav(&ctx.path(&format!("who/{id}")), Default::default());
        }
    };
    view! {
        <PartPage part=Part::WhoIsHere errors=errors>
            <p class="app-body">
                {tr!("Add everyone taking part. The person being cared for is always part of the review, even if they are not here today.")}
            </p>
            <ul class="app-list app-stack">
                <For each=move || people.get() key=|id| id.clone() children=move |id| view! { <PersonCard id=id errors=errors /> } />
            </ul>
            <Editable>
                <h2 class="app-heading-m">{tr!("Add someone")}</h2>
                <div class=move || if missing_someone() { "app-form-group app-form-group--error" } else { "app-form-group" }>
                {ADDABLE.into_iter().map(|role| view! { <FieldMessages errors=errors field=ids::add_role(role) /> }).collect_view()}
                <div class="app-cluster">
                    {ADDABLE
                        .into_iter()
                        .map(|role| {
                            let text = add_words(role);
                            let add = add.clone();
                            view! {
                                <button type="button" class="app-button app-button--secondary" id=ids::add_role(role)
                                    on:click=move |_| add(role)>
                                    {text}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                </div>
            </Editable>
        </PartPage>
    }
}

#[component]
fn PersonCard(
    /// The participant's id.
    id: String,
    /// The page's errors (what is missing about this person).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let person = ctx.select_by(&id, move |r, pid| r.participant(pid).cloned());
    let href = ctx.path(&format!("who/{id}"));
    move || {
        person.get().map(|p| {
            // An interpreter's name may not be known: they are "the interpreter".
            let (name, called) = if !p.name.trim().is_empty() {
                (p.name.trim().to_string(), p.name.trim().to_string())
            } else if p.role.name_is_optional() {
                (tr!("Name not known"), review_core::words::called(&p))
            } else {
                (tr!("Name not given yet"), tr!("Name not given yet"))
            };
            let attendance = p
                .attendance
                .map(|a| a.label().to_string())
                .unwrap_or_else(|| tr!("Not said yet whether they are here"));
            let relationship = (!p.relationship.trim().is_empty())
                .then(|| tr!("Relationship: {relationship}", relationship = p.relationship.trim()));
            // What else the review records about them, on one line.
            let more = [
                p.job_title_given().map(str::to_string),
                p.age_given().map(|a| tr!("Aged {age}", age = a)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
            let more = (!more.is_empty()).then(|| more.join(" · "));
            view! {
                <li class="app-card">
                    <div class="app-card__header">
                        <h3 class="app-card__title app-heading-s">{name.clone()}</h3>
                        <p class="app-body app-u-mb-0">{p.role.label()}</p>
                    </div>
                    <div class="app-card__body">
                        <FieldMessages errors=errors field=ids::participant_card(&p.id) />
                        {relationship.map(|r| view! { <p class="app-body">{r}</p> })}
                        {more.map(|m| view! { <p class="app-body">{m}</p> })}
                        <p class="app-body">{attendance}</p>
                    </div>
                    <div class="app-card__actions">
                        <A exact=true href=crate::href(href.clone()) attr:id=ids::participant_card(&p.id) attr:class="app-link">
                            {change_word()} <span class="app-visually-hidden">" "{tr!("details of {name}", name = called)}</span>
                        </A>
                    </div>
                </li>
            }
        })
    }
}

/// One person's name, role, relationship and attendance.
#[component]
pub fn PersonDetails() -> impl IntoView {
    let params = use_params_map();
    let pid = Memo::new(move |_| params.with(|p| p.get("pid").unwrap_or_default()));
    // The router keeps this view when only `:pid` changes, so the screen is
    // built afresh for each person.
    move || view! { <PersonDetailsScreen pid=pid.get() /> }
}

#[component]
fn PersonDetailsScreen(
    /// The person's id, from the address.
    pid: String,
) -> impl IntoView {
    let ctx = use_review();
    let id = pid.clone();
    let person = ctx.select(move |r| r.participant(&id).cloned());
    let back = ctx.part_path(Part::WhoIsHere);
    if person.get_untracked().is_none() {
        return view! {
            <NotInReview title={tr!("This person is not in the review")} why={tr!("They may have been removed.")}
                back=back back_text={tr!("Back to who is here")} />
        }
        .into_any();
    }
    let age_wrong = RwSignal::new(false);
    let errors = PageErrors::new(Memo::new(move |_| {
        let mut errors = person.with(|p| p.as_ref().map(validate::participant).unwrap_or_default());
        errors.extend(person.with(|p| {
            p.as_ref()
                .map(|p| ctx.review.with(|r| validate::participant_records(r, p)))
                .unwrap_or_default()
        }));
        errors.extend(about_them::age_problem(age_wrong.get()));
        // In the order the page asks them: the numbers come before how
        // someone takes part.
        if let Some(i) = errors.iter().position(|e| e.field == "attendance") {
            let attendance = errors.remove(i);
            errors.push(attendance);
        }
        errors
    }));
    let role = Signal::derive(move || person.with(|p| p.as_ref().map(|p| p.role)));
    let refused = RwSignal::new(None::<String>);
    let send = move |cmd: Command| {
        refused.set(ctx.dispatch(cmd).err().map(|e| e.to_string()));
    };
    let p1 = pid.clone();
    let set_role = Callback::new(move |role: Role| {
        send(Command::SetParticipantRole {
            id: p1.clone(),
            role,
        })
    });
    let p2 = pid.clone();
    let set_name = Callback::new(move |name: String| {
        send(Command::SetParticipantName {
            id: p2.clone(),
            name,
        })
    });
    let p3 = pid.clone();
    let set_rel = Callback::new(move |relationship: String| {
        send(Command::SetRelationship {
            id: p3.clone(),
            relationship,
        })
    });
    let p4 = pid.clone();
    let set_att = Callback::new(move |attendance: Attendance| {
        send(Command::SetAttendance {
            id: p4.clone(),
            attendance,
        })
    });
    let navigate = use_navigate();
    let nav = navigate.clone();
    let back_to = back.clone();
    let done = move |_| {
        if errors.submit() {
            nav(&back_to, Default::default());
        }
    };
    let confirming = RwSignal::new(false);
    let p5 = pid.clone();
    let back_after = back.clone();
    let remove = move |_| {
        let what = person.with_untracked(|p| {
            p.as_ref()
                .map(review_core::words::called)
                .unwrap_or_default()
        });
        match ctx.remove(Command::RemoveParticipant { id: p5.clone() }, what) {
            Ok(()) => navigate(&back_after, Default::default()),
            Err(e) => {
                confirming.set(false);
                refused.set(Some(e.to_string()));
            }
        }
    };
    let text = move |f: fn(&review_core::Participant) -> String| {
        Signal::derive(move || person.with(|p| p.as_ref().map(f).unwrap_or_default()))
    };
    let title = Signal::derive(move || {
        role.get()
            .map(|r| tr!("{role} details", role = r.label()))
            .unwrap_or_default()
    });
    view! {
        <Page back=back back_text={tr!("Back to who is here")} title=title caption={tr!("Who is here")} about=&["P18"]
            errors=errors>
            <Problem message=refused />
            <TextInput easy="who.name" id="name" label={tr!("Name")} value=text(|p| p.name.clone())
                hint=Signal::derive(move || role.get().is_some_and(Role::name_is_optional).then(|| {
                    tr!("Optional for an interpreter, whose name is often not known before the meeting: without one, the review calls them “the interpreter”.")
                }))
                error=errors.for_field("name") on_input=set_name width="app-input--width-30" />
            <Radios easy="who.role" id="role" legend={tr!("Role in the review")} choices=Choice::list(&Role::ALL, Role::key, Role::label)
                value=role on_change=set_role />
            <Show when=move || role.get().is_some_and(Role::has_relationship)>
                <TextInput easy="who.relationship" id="relationship" label={tr!("Relationship to the person being cared for")}
                    hint={tr!("For example: daughter, husband, neighbour, friend")}
                    value=text(|p| p.relationship.clone()) error=errors.for_field("relationship")
                    on_input=set_rel width="app-input--width-20" />
            </Show>
            <about_them::AboutThem pid=pid.clone() errors=errors age_wrong=age_wrong />
            <numbers::ForTheRecords pid=pid.clone() errors=errors />
            <Radios easy="who.attendance" id="attendance" legend={tr!("How are they taking part today?")}
                choices=Choice::list(&Attendance::ALL, Attendance::key, Attendance::label)
                value=Signal::derive(move || person.with(|p| p.as_ref().and_then(|p| p.attendance)))
                error=errors.for_field("attendance") on_change=set_att />
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=done>{tr!("Continue")}</button>
                <Editable>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| confirming.set(true)>
                        {tr!("Remove this person")}
                    </button>
                </Editable>
            </div>
            <Show when=move || confirming.get()>
                <div class="app-notification-banner app-notification-banner--warning" role="alert">
                    <div class="app-notification-banner__content">
                        <p class="app-body">{tr!("Remove this person from the review? What they need to take part, and anything they agreed, is removed too.")}</p>
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--warning" on:click=remove.clone()>{tr!("Yes, remove them")}</button>
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| confirming.set(false)>{tr!("No, keep them")}</button>
                        </div>
                    </div>
                </div>
            </Show>
        </Page>
    }
    .into_any()
}
