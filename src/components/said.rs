//! What an action just did, said politely: a line of text, or a problem in
//! the error style (a save, a download, a share).

use leptos::prelude::*;

/// The outcome of the last action, in a polite live region.
#[component]
pub fn Said(
    /// `Ok` what was done, `Err` what went wrong; `None` before anything.
    said: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    view! {
        <div role="status" aria-live="polite">
            {move || said.get().map(|r| match r {
                Ok(text) => view! { <p class="app-body">{text}</p> }.into_any(),
                Err(text) => view! { <p class="app-error-message">{text}</p> }.into_any(),
            })}
        </div>
    }
}
