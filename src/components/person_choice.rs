//! "Who?": one of the people in the review, or someone else named in words
//! (a GP, a neighbour), for owners of actions, who noticed a gap, who said
//! a note.

use super::choices::{Choice, Radios};
use super::fields::TextInput;
use crate::state::use_review;
use leptos::prelude::*;
use review_core::tr;
use review_core::Person;

/// Which of the radios is chosen: a participant, or "someone else" (typed).
#[derive(Clone, Debug, PartialEq)]
enum Pick {
    Participant(String),
    SomeoneElse,
}

/// "Who?": a radio for each participant plus "Someone else" with a name field.
/// Ids: the group is `id`, the name field `{id}-name` (matching the core's
/// validation ids such as `action-{id}-owner` / `action-{id}-owner-name`).
#[component]
pub fn PersonChoice(
    /// The group's id; the typed-name field is `{id}-name`.
    #[prop(into)]
    id: String,
    /// The question, e.g. "Who will do this?".
    #[prop(into)]
    legend: String,
    /// The person chosen so far.
    #[prop(into)]
    value: Signal<Option<Person>>,
    /// Error for the choice.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Error for the typed name.
    #[prop(optional, into)]
    name_error: Signal<Option<String>>,
    /// Receives the new answer.
    on_change: Callback<Option<Person>>,
    /// Its easy read (`review_core::easy`).
    #[prop(optional, into)]
    easy: super::easy::EasyKey,
) -> impl IntoView {
    // The typed name's easy read, when the question has one.
    let name_easy = if easy.key.is_empty() {
        ""
    } else {
        "person.named"
    };
    let ctx = use_review();
    let people = ctx.select(|r| {
        r.participants
            .iter()
            .map(|p| (p.id.clone(), p.display_name()))
            .collect::<Vec<_>>()
    });
    let pick = Signal::derive(move || {
        value.with(|v| match v {
            Some(Person::Participant { id }) => Some(Pick::Participant(id.clone())),
            Some(Person::Named { .. }) | Some(Person::Removed { .. }) => Some(Pick::SomeoneElse),
            None => None,
        })
    });
    let typed = Signal::derive(move || {
        value.with(|v| match v {
            Some(Person::Named { name }) => name.clone(),
            _ => String::new(),
        })
    });
    let on_pick = Callback::new(move |p: Pick| {
        on_change.run(Some(match p {
            Pick::Participant(id) => Person::participant(id),
            Pick::SomeoneElse => Person::named(typed.get_untracked()),
        }))
    });
    let name_id = format!("{id}-name");
    move || {
        let mut choices: Vec<Choice<Pick>> = people
            .get()
            .into_iter()
            .map(|(pid, name)| {
                Choice::new(Pick::Participant(pid.clone()), &pid, &name)
                    .easy(name, review_core::easy::Sym::Person)
            })
            .collect();
        choices.push(Choice::new(
            Pick::SomeoneElse,
            "someone-else",
            tr!("Someone else"),
        ));
        let name_id = name_id.clone();
        view! {
            <Radios easy=easy.clone() id=id.clone() legend=legend.clone() choices=choices value=pick error=error on_change=on_pick />
            <Show when=move || pick.get() == Some(Pick::SomeoneElse)>
                <TextInput easy=name_easy id=name_id.clone() label={tr!("Their name and role")} hint={tr!("For example: Dr Shah, GP")}
                    value=typed error=name_error width="app-input--width-30"
                    on_input=Callback::new(move |name: String| on_change.run(Some(Person::named(name)))) />
            </Show>
        }
    }
}
