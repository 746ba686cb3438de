//! One screen's heading (focused when it opens, so a screen reader starts
//! there), its document title, and the "Back" link to a known place.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

/// One screen: its `h1` (which takes focus when the screen opens, so a screen
/// reader starts reading the new screen) and the document title.
#[component]
pub fn Page(
    /// The screen's heading.
    #[prop(into)]
    title: Signal<String>,
    /// The document title when the heading holds a person's name (titles
    /// show in tab lists and history, so they never name anyone).
    #[prop(optional, into)]
    doc_title: Option<Signal<String>>,
    /// Small text above the heading, e.g. "Getting ready · P18".
    #[prop(optional, into)]
    caption: Option<String>,
    /// Whether an error summary is showing, so the title starts "Error:".
    #[prop(optional, into)]
    has_errors: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    // Effects talk to the outside world: focus and the document title.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let doc_title = doc_title.unwrap_or(title);
    Effect::new(move |_| {
        let prefix = if has_errors.get() { "Error: " } else { "" };
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&format!("{prefix}{} – Review Together", doc_title.get()));
        }
    });
    view! {
        {caption.map(|c| view! { <span class="app-caption">{c}</span> })}
        <h1 class="app-heading-l" tabindex="-1" node_ref=heading>{title}</h1>
        {children()}
    }
}

/// A "Back" link to a known place (never `history.back()`, which may leave the app).
#[component]
pub fn BackLink(
    /// Where the link goes.
    #[prop(into)]
    href: String,
    /// The link text; "Back" unless a more specific one helps.
    #[prop(optional, into)]
    text: Option<String>,
) -> impl IntoView {
    view! {
        <A href=href attr:class="app-back-link">{text.unwrap_or_else(|| "Back".into())}</A>
    }
}
