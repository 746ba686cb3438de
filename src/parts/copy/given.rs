//! Whether a recipient's copy has been given (P23): each time it was given,
//! how and when, a mark to take back when it was made by mistake, and the
//! way to mark it given. The log is kept with the review on this device and
//! in its backups, never in the signed files (`review_core::signoff::given`).

use crate::components::{Choice, Radios, Said};
use crate::state::{use_review, ReadOnly};
use leptos::prelude::*;
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
                error.set(Some(format!(
                    "Choose how {} was given",
                    whose.to_lowercase()
                )));
                return;
            };
            error.set(None);
            said.set(Some(
                ctx.mark_copy_given(recipient.clone(), document.get_value(), chosen)
                    .map(|()| format!("{whose} is marked as given: {}.", chosen.said()))
                    .map_err(|e| format!("It could not be marked as given: {e}.")),
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
                        "Not marked as given yet. Until it is, it is listed on the home screen as a copy to give."
                    </p>
                }
                .into_any();
            }
            let rows = given
                .into_iter()
                .map(|g| {
                    let words = format!("{} on {}", g.how.label(), long_moment(&g.at));
                    let hidden = format!(" the mark “{}”", words.to_lowercase());
                                let whose = whose.clone();
                    let take_back = move |_| {
                        said.set(Some(
                            ctx.unmark_copy_given(&g.id)
                                .map(|()| format!("The mark was taken back: {whose} is no longer marked given that way."))
                                .map_err(|e| format!("The mark could not be taken back: {e}.")),
                        ));
                    };
                    view! {
                        <li class="app-cluster">
                            <span class="app-body">{words}</span>
                            {can_change.then(|| view! {
                                <button type="button" class="app-button app-button--secondary" on:click=take_back>
                                    "Take back"
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
            <h2 class="app-heading-m" id="copy-given">"Given to them?"</h2>
            {list}
            {can_change.then(|| view! {
                <details class="app-details">
                    <summary class="app-details__summary">
                        <span class="app-details__summary-text">"Mark it as given"</span>
                    </summary>
                    <div class="app-details__text">
                        <Radios easy="copy.given" id="given-how" legend=format!("How was {lower} given?")
                            hint="Mark it once it has reached them, or once it is on its way. This is kept with the review on this device and in its backups, not in the signed files."
                            choices=Choice::list(&GivenHow::ALL, GivenHow::code, GivenHow::label)
                            value=how error=error
                            on_change=Callback::new(move |h| how.set(Some(h))) />
                        <div class="app-button-group">
                            <button type="button" class="app-button" on:click=mark>"Mark as given"</button>
                        </div>
                    </div>
                </details>
            })}
            {(!can_change).then(|| view! {
                <p class="app-body">"This review is open in another tab or window: mark copies as given there."</p>
            })}
            <Said said=said />
        </section>
    }
}
