//! "How did they show they agree?": one picker for every place agreement is
//! asked (how we will review, an arrangement for the person cared for,
//! sign-off), over `review_core::agreement`. The way their own supports
//! suggest is marked; an interpreter or advocate is chosen when there is
//! more than one; a witness is optional.

use super::choices::{Choice, Radios};
use super::fields::Select;
use crate::state::use_review;
use leptos::prelude::*;
use review_core::agreement::{helpers, suggested, ways_for, AgreedWay, HowAgreed};
use review_core::tr;
use review_core::words::called;

/// The way, through whom and the witness of one person's agreement.
#[component]
pub fn HowAgreedPick(
    /// The id the group's fields start with (unique on the page).
    #[prop(into)]
    id: String,
    /// Whose agreement it is (a participant id).
    #[prop(into)]
    person: String,
    /// How they agreed, as recorded so far.
    #[prop(into)]
    value: Signal<Option<HowAgreed>>,
    /// Why the answer cannot be kept, if it cannot.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives the answer whenever a part of it changes.
    on_change: Callback<HowAgreed>,
) -> impl IntoView {
    let ctx = use_review();
    let (name, ways, witnesses) = ctx.review.with_untracked(|r| {
        let p = r.participant(&person);
        let name = p.map(called).unwrap_or_default();
        let suggestion = p.map(|p| suggested(r, p));
        let ways: Vec<Choice<AgreedWay>> = ways_for(r)
            .into_iter()
            .map(|w| {
                let choice = Choice::new(w, w.key(), w.label());
                if suggestion.as_ref().is_some_and(|s| s.way == w) {
                    choice.hint(tr!("Suggested by what helps them take part"))
                } else {
                    choice
                }
            })
            .collect();
        let witnesses: Vec<(String, String)> = std::iter::once((String::new(), tr!("Nobody else")))
            .chain(
                r.participants
                    .iter()
                    .filter(|w| w.id != person && w.is_present())
                    .map(|w| (w.id.clone(), w.display_name())),
            )
            .collect();
        (name, ways, witnesses)
    });
    // Through whom and the witness change the way chosen (they are only
    // asked once there is one): the suggestion is never recorded unasked.
    let set = move |change: &dyn Fn(&mut HowAgreed)| {
        if let Some(mut how) = value.get_untracked() {
            change(&mut how);
            on_change.run(how);
        }
    };
    let pick_way = Callback::new(move |way: AgreedWay| {
        let through = ctx
            .review
            .with_untracked(|r| helpers(r, way).first().map(|p| p.id.clone()));
        let witness = value.with_untracked(|v| v.as_ref().and_then(|v| v.witness.clone()));
        on_change.run(HowAgreed {
            way,
            through,
            witness,
        });
    });
    let way = Signal::derive(move || value.with(|v| v.as_ref().map(|v| v.way)));
    // Through whom, when the way goes through someone and more than one
    // could carry it.
    let through_choices = Memo::new(move |_| {
        let way = way.get()?;
        let people: Vec<(String, String)> = ctx.review.with(|r| {
            helpers(r, way)
                .into_iter()
                .map(|p| (p.id.clone(), p.display_name()))
                .collect()
        });
        (people.len() > 1).then_some(people)
    });
    let set_through =
        Callback::new(move |id: String| set(&|h: &mut HowAgreed| h.through = Some(id.clone())));
    let set_witness = Callback::new(move |id: String| {
        set(&|h: &mut HowAgreed| h.witness = (!id.is_empty()).then(|| id.clone()))
    });
    let through_id = format!("{id}-through");
    let witness_id = format!("{id}-witness");
    view! {
        <Radios easy=("agreed.way", name.clone()) id=id.clone() legend=tr!("How did {name} show they agree?", name = name) choices=ways value=way
            error=error on_change=pick_way />
        {move || through_choices.get().map(|people| {
            let value = Signal::derive(move || value.with(|v| v.as_ref().and_then(|v| v.through.clone())));
            let choices = people.iter().map(|(id, n)| Choice::new(id.clone(), id, n).easy(n.clone(), review_core::easy::Sym::Person)).collect();
            view! {
                <Radios easy="agreed.through" id=through_id.clone() legend={tr!("Through whom?")} choices=choices value=value on_change=set_through />
            }
        })}
        <Show when=move || way.with(Option::is_some)>
            <Select easy="agreed.witness" id=witness_id.clone() label={tr!("Who saw them agree? (optional)")}
                options=witnesses.clone()
                value=Signal::derive(move || value.with(|v| v.as_ref().and_then(|v| v.witness.clone()).unwrap_or_default()))
                on_change=set_witness />
        </Show>
    }
}
