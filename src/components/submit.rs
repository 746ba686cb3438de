//! A form's submit button that says what it is doing while it works.

use leptos::prelude::*;

/// The submit button of a form that works for a moment (a PIN worked
/// through, a file opened): it says `working` and cannot be pressed again
/// until it is done. It goes inside the form's button group.
#[component]
pub fn SubmitButton(
    /// What it says.
    label: &'static str,
    /// What it says while the form works, e.g. "Opening…".
    working: &'static str,
    /// Whether the form is working.
    #[prop(into)]
    busy: Signal<bool>,
    /// Also not to be pressed while this is true (e.g. the wait after wrong PINs).
    #[prop(optional, into)]
    held: Option<Signal<bool>>,
    /// A secondary button rather than the page's main one.
    #[prop(optional)]
    secondary: bool,
) -> impl IntoView {
    let class = if secondary {
        "app-button app-button--secondary"
    } else {
        "app-button"
    };
    view! {
        <button type="submit" class=class disabled=move || busy.get() || held.is_some_and(|h| h.get())>
            {move || if busy.get() { working } else { label }}
        </button>
    }
}
