//! Last time's actions or escalations to follow up (issue 27): one
//! question each, under one heading. An item kept last time from whoever
//! holds the tablet now is not shown to them: only that it is there, for
//! the worker.

use super::choices::{Choice, Radios};
use crate::state::PageErrors;
use leptos::prelude::*;
use review_core::continuity::Question;

/// The questions about last time's items (nothing when there are none).
#[component]
pub fn FollowUps<T>(
    /// The section's heading.
    #[prop(into)]
    heading: String,
    /// What to do, under the heading.
    #[prop(into)]
    intro: String,
    /// What stands in for an item kept from the person holding the tablet.
    #[prop(into)]
    kept: String,
    rows: Memo<Vec<Question<T>>>,
    /// The answers, in order.
    choices: fn() -> Vec<Choice<T>>,
    errors: PageErrors,
    /// Receives (the item's id, the answer).
    on_answer: Callback<(String, T)>,
    /// Each question's easy read (`review_core::easy`).
    easy: &'static str,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let ids = Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    let row = move |id: String| {
        let this = id.clone();
        let kept = kept.clone();
        let at = Memo::new(move |_| rows.with(|r| r.iter().find(|r| r.id == this).cloned()));
        move || {
            at.get().map(|r| {
                if !r.shown {
                    return view! { <p class="app-inset-text" id=r.field>{kept.clone()}</p> }.into_any();
                }
                let item = r.id.clone();
                let easy_key = (easy, r.legend.clone());
                view! {
                    <Radios easy=easy_key id=r.field.clone() legend=r.legend hint=r.hint choices=choices()
                        value=Signal::derive(move || at.with(|r| r.as_ref().and_then(|r| r.answer.clone())))
                        error=errors.for_field(r.field)
                        on_change=Callback::new(move |answer| on_answer.run((item.clone(), answer))) />
                }
                .into_any()
            })
        }
    };
    view! {
        <Show when=move || !ids.with(Vec::is_empty)>
            <section aria-labelledby="follow-up-heading">
                <h2 class="app-heading-m" id="follow-up-heading">{heading.clone()}</h2>
                <p class="app-body">{intro.clone()}</p>
                <For each=move || ids.get() key=|id| id.clone() children=row.clone() />
            </section>
        </Show>
    }
}
