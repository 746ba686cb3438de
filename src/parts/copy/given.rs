//! Whether a recipient's copy has been given (P23): each time it was given,
//! how and when, a mark to take back when it was made by mistake, and the
//! way to mark it given. The log is kept with the review on this device and
//! in its backups, never in the signed files (`review_core::signoff::given`).

use crate::components::{Choice, Radios, Said};
use crate::state::{use_review, ReadOnly};
use leptos::prelude::*;
use review_core::tr;
use review_core::words::long_moment;
use review_core::GivenHow;

/// The log of one copy, and the form to mark it given. `said` is the copy
/// page's status line, which also says what a share logged.
#[component]
pub fn GivenLog(
    /// The recipient's id, as the sharing agreement names them.
    recipient: String,
    /// The signed copy's document id.
    document: String,
    /// "Carer’s copy", for the words around it.
    whose: String,
) -> impl IntoView {
    let ctx = use_review();
    // The review is locked, so its answers read only; the log is not an
    // answer and stays open to marks.
    provide_context(ReadOnly(Signal::from(false)));
    let document = StoredValue::new(document);
    let times =
        ctx.select(move |r| document.with_value(|d| r.times_given(d).cloned().collect::<Vec<_>>()));
    let how = RwSignal::new(None::<GivenHow>);
    let error = RwSignal::new(None::<String>);
    let said = RwSignal::new(None::<Result<String, String>>);
    let can_change = ctx.editing_here();
    let lower = whose.to_lowercase();
    let mark = {
        let (recipient, whose) = (recipient.clone(), whose.clone());
        move |_| {
            let Some(chosen) = how.get_untracked() else {
                error.set(Some(tr!(
                    "Choose how {to_lowercase} was given",
                    to_lowercase = whose.to_lowercase()
                )));
                return;
            };
            error.set(None);
            said.set(Some(
                ctx.mark_copy_given(recipient.clone(), document.get_value(), chosen)
                    .map(|()| {
                        tr!(
                            "{whose} is marked as given: {said}.",
                            whose = whose,
                            said = chosen.said()
                        )
                    })
                    .map_err(|e| tr!("It could not be marked as given: {why}.", why = e)),
            ));
            how.set(None);
        }
    };
    let list = {
        let whose = whose.clone();
        move || {
            let given = times.get();
            if given.is_empty() {
                return view! {
                    <p class="app-body">
                        {tr!("Not marked as given yet. Until it is, it is listed on the home screen as a copy to give.")}
                    </p>
                }
                .into_any();
            }
            let rows = given
                .into_iter()
                .map(|g| {
                    let words = tr!("{how} on {when}", how = g.how.label(), when = long_moment(&g.at));
                    let hidden = format!(" {}", tr!("the mark “{mark}”", mark = review_core::words::lower_first(&words)));
                                let whose = whose.clone();
                    let take_back = move |_| {
                        said.set(Some(
                            ctx.unmark_copy_given(&g.id)
                                .map(|()| tr!("The mark was taken back: {whose} is no longer marked given that way.", whose = whose))
                                .map_err(|e| tr!("The mark could not be taken back: {why}.", why = e)),
                        ));
                    };
                    view! {
                        <li class="app-cluster">
                            <span class="app-body">{words}</span>
                            {can_change.then(|| view! {
                                <button type="button" class="app-button app-button--secondary" on:click=take_back>
                                    {tr!("Take back")}
                                    <span class="app-visually-hidden">{hidden}</span>
                                </button>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="app-list app-stack">{rows}</ul> }.into_any()
        }
    };
    view! {
        <section aria-labelledby="copy-given">
            <h2 class="app-heading-m" id="copy-given">{tr!("Given to them?")}</h2>
            {list}
            {can_change.then(|| view! {
                <details class="app-details">
                    <summary class="app-details__summary">
                        <span class="app-details__summary-text">{tr!("Mark it as given")}</span>
                    </summary>
                    <div class="app-details__text">
                        <Radios easy="copy.given" id="given-how" legend=tr!("How was {lower} given?", lower = lower)
                            hint={tr!("Mark it once it has reached them, or once it is on its way. This is kept with the review on this device and in its backups, not in the signed files.")}
                            choices=Choice::list(&GivenHow::ALL, GivenHow::code, GivenHow::label)
                            value=how error=error
                            on_change=Callback::new(move |h| how.set(Some(h))) />
                        <div class="app-button-group">
                            <button type="button" class="app-button" on:click=mark>{tr!("Mark as given")}</button>
                        </div>
                    </div>
                </details>
            })}
            {(!can_change).then(|| view! {
                <p class="app-body">{tr!("This review is open in another tab or window: mark copies as given there.")}</p>
            })}
            <Said said=said />
        </section>
    }
}
