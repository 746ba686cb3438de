//! Form buttons: a submit button that says what it is doing while it works,
//! and a secondary action on its own line.

use leptos::prelude::*;

/// The submit button of a form that works for a moment (a PIN worked
/// through, a file opened): it says `working` and cannot be pressed again
/// until it is done. It goes inside the form's button group.
#[component]
pub fn SubmitButton(
    /// What it says.
    #[prop(into)]
    label: String,
    /// What it says while the form works, e.g. "Opening…".
    #[prop(into)]
    working: String,
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
            {move || if busy.get() { working.clone() } else { label.clone() }}
        </button>
    }
}

/// A secondary action on its own line: one secondary button in its group
/// (add another point, download a copy, change an answer).
#[component]
pub fn SecondaryAction(
    /// The button's id, where focus or a link needs one.
    #[prop(optional, into)]
    id: Option<String>,
    /// What pressing it does.
    on_press: Callback<()>,
    /// What the button says.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="app-button-group">
            <button type="button" class="app-button app-button--secondary" id=id on:click=move |_| on_press.run(())>
                {children()}
            </button>
        </div>
    }
}
