//! The error summary (GOV.UK pattern): at the top of a page once someone
//! tries to go on, focused so it is read out, each message a link to its
//! field.

use leptos::html;
use leptos::prelude::*;
use review_core::tr;
use review_core::validate::FieldError;

/// The GOV.UK error summary: shown at the top of the page when it has errors,
/// takes focus so it is read out, and links each message to its field.
#[component]
pub fn ErrorSummary(
    /// The errors to list; the summary is hidden while this is empty.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Counts attempts to move on; each one moves focus to the summary again.
    #[prop(optional, into)]
    attempts: Signal<u32>,
) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    let showing = Memo::new(move |_| !errors.with(Vec::is_empty));
    // Focus the summary when it appears and on each new attempt, but not as
    // its messages change while someone types (that would steal their focus).
    Effect::new(move |_| {
        attempts.track();
        if showing.get() {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="app-error-summary" tabindex="-1" node_ref=summary>
                <div role="alert">
                    <h2 class="app-error-summary__title" id="error-summary-title">{tr!("There is a problem")}</h2>
                    <div class="app-error-summary__body">
                        <ul class="app-error-summary__list">
                            {move || {
                                errors
                                    .get()
                                    .into_iter()
                                    .map(|e| {
                                        let field = e.field.clone();
                                        view! {
                                            <li>
                                                <a
                                                    href=format!("#{}", e.field)
                                                    on:click=move |ev| {
                                                        ev.prevent_default();
                                                        super::focus::focus_by_id(&field);
                                                    }
                                                >
                                                    {e.message}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// The messages the error summary links to `field` with, shown where that
/// field is when it is not a form field of its own (a card, a link to the
/// page that asks, a heading above a list): every link of the summary lands
/// on its message.
#[component]
pub fn FieldMessages(
    /// The page's errors.
    errors: crate::state::PageErrors,
    /// The id the summary links to.
    #[prop(into)]
    field: String,
) -> impl IntoView {
    let messages = errors.all_for(field);
    move || {
        messages
            .get()
            .into_iter()
            .map(|m| {
                view! {
                    <p class="app-error-message">
                        <span class="app-visually-hidden">{tr!("Error:")}" "</span>{m}
                    </p>
                }
            })
            .collect_view()
    }
}

/// A problem with what was just tried (a file that would not save, a PIN
/// that was refused), said at once to screen readers; nothing while there
/// is none.
#[component]
pub fn Problem(
    /// The problem, in words.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message
            .get()
            .map(|text| view! { <p class="app-error-message" role="alert">{text}</p> })
    }
}
