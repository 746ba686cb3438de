//! What the review records about a person beyond their name and role
//! (issue 26): a professional's job title, and for the carer and the person
//! cared for their age and what matters about them, each in their words.

use crate::components::{TextArea, TextInput};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::tr;
use review_core::{Command, Participant, Role};

/// The job title, age and "what matters" questions that fit the person's
/// role; none for the others.
#[component]
pub fn AboutThem(
    /// The person's id.
    pid: String,
    /// The page's errors (the age's, once someone asked to go on).
    errors: PageErrors,
    /// Set while the age typed is not one: it is not stored, and the page
    /// lists it with its other problems (see [`age_problem`]).
    age_wrong: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_review();
    let id = pid.clone();
    let person = ctx.select(move |r| r.participant(&id).cloned());
    let role = Signal::derive(move || person.with(|p| p.as_ref().map(|p| p.role)));
    let text = move |f: fn(&Participant) -> String| {
        Signal::derive(move || person.with(|p| p.as_ref().map(f).unwrap_or_default()))
    };
    let (p1, p2, p3) = (pid.clone(), pid.clone(), pid);
    let set_job = Callback::new(move |job_title: String| {
        ctx.send(Command::SetJobTitle {
            id: p1.clone(),
            job_title,
        })
    });
    let set_matters = Callback::new(move |text: String| {
        ctx.send(Command::SetWhatMatters {
            id: p2.clone(),
            text,
        })
    });
    // What was typed, kept while it is not (yet) an age.
    let typed = RwSignal::new(
        person
            .get_untracked()
            .and_then(|p| p.age)
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    let set_age = Callback::new(move |text: String| {
        typed.set(text.clone());
        let text = text.trim();
        let age = if text.is_empty() {
            Ok(None)
        } else {
            text.parse::<u8>().map(Some)
        };
        let taken = age.is_ok_and(|age| {
            ctx.dispatch(Command::SetAge {
                id: p3.clone(),
                age,
            })
            .is_ok()
        });
        age_wrong.set(!taken);
    });
    view! {
        <Show when=move || role.get().is_some_and(Role::has_job_title)>
            <TextInput easy="who.job-title" id="job-title" label={tr!("Job title (optional)")}
                hint={tr!("For example: social worker, community nurse. The records copy names it.")}
                value=text(|p| p.job_title.clone()) on_input=set_job width="app-input--width-20" />
        </Show>
        <Show when=move || role.get().is_some_and(Role::has_age)>
            <TextInput easy="who.age" id="age" label={tr!("Age (optional)")}
                hint={tr!("In years. It helps the review fit them, for a young carer or someone much older.")}
                value=typed error=errors.for_field("age") inputmode="numeric" width="app-input--width-3" on_input=set_age />
            <TextArea easy="who.what-matters" id="what-matters" label={tr!("What matters about them (optional)")}
                hint={tr!("In their words: for example, living with dementia or autism, what helps, what to avoid. What they need to take part in this meeting goes under help to take part.")}
                value=text(|p| p.what_matters.clone()) rows=3 on_input=set_matters />
        </Show>
    }
}

/// The page's problem while the age typed is not one: an age is not
/// stored until it is, so going on would lose what was typed.
pub fn age_problem(wrong: bool) -> Option<review_core::validate::FieldError> {
    wrong.then(|| review_core::validate::FieldError {
        field: "age".into(),
        message: review_core::DomainError::AgeOutOfRange.to_string(),
        attention: false,
    })
}
