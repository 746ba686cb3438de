//! One screen's frame: the "Back" link to a known place, its heading
//! (focused when it opens, so a screen reader starts there), its document
//! title, the error summary and the lead paragraph; then the screen's own
//! content.

use super::about::AboutThisPart;
use super::error_summary::ErrorSummary;
use crate::state::PageErrors;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::tr;

/// One screen: a "Back" link, its `h1` (which takes focus when the screen
/// opens, so a screen reader starts reading the new screen) and the document
/// title, the error summary, the lead paragraph, then `children`.
#[component]
pub fn Page(
    /// Where "Back" goes, if the screen has one.
    #[prop(optional, into)]
    back: Option<String>,
    /// The "Back" link's words, when more specific than "Back".
    #[prop(optional, into)]
    back_text: Option<String>,
    /// The screen's heading.
    #[prop(into)]
    title: Signal<String>,
    /// The document title when the heading holds a person's name (titles
    /// show in tab lists and history, so they never name anyone).
    #[prop(optional, into)]
    doc_title: Option<Signal<String>>,
    /// Small text above the heading, e.g. "Getting ready" (plain words:
    /// codes of the standard go in `about`).
    #[prop(optional, into)]
    caption: Option<String>,
    /// The criteria of the standard the screen serves, for the worker's
    /// folded "About this part" note at its foot; none, no note.
    #[prop(optional)]
    about: &'static [&'static str],
    /// The screen's errors: the summary under the heading, shown once
    /// someone tries to go on (and the title then starts "Error:").
    #[prop(optional)]
    errors: Option<PageErrors>,
    /// Whether a problem of the screen's own is showing (for screens whose
    /// errors are not [`PageErrors`]), so the title starts "Error:".
    #[prop(optional, into)]
    has_errors: Option<Signal<bool>>,
    /// The lead paragraph under the heading.
    #[prop(optional, into)]
    intro: Option<String>,
    /// `"auto"` where the heading is what someone wrote (a criterion of
    /// their own), which may be in another script than the screens: it
    /// then reads in its own direction (English on Urdu screens).
    #[prop(optional)]
    title_dir: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let has_errors = has_errors.unwrap_or_else(|| match errors {
        Some(errors) => {
            let visible = errors.visible();
            Signal::derive(move || !visible.with(Vec::is_empty))
        }
        None => Signal::stored(false),
    });
    let heading = NodeRef::<html::H1>::new();
    // Effects talk to the outside world: focus and the document title.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let doc_title = doc_title.unwrap_or(title);
    Effect::new(move |_| {
        let title = if has_errors.get() {
            tr!("Error: {title} – Review Together", title = doc_title.get())
        } else {
            tr!("{title} – Review Together", title = doc_title.get())
        };
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&title);
        }
    });
    view! {
        {back.map(|href| view! { <BackLink href=href text=back_text.unwrap_or_else(|| tr!("Back")) /> })}
        {caption.map(|c| view! { <span class="app-caption">{c}</span> })}
        <h1 class="app-heading-l" tabindex="-1" node_ref=heading dir=title_dir>{title}</h1>
        {errors.map(|e| view! { <ErrorSummary errors=e.visible() attempts=e.attempts /> })}
        {intro.map(|text| view! { <p class="app-body">{text}</p> })}
        {children()}
        {(!about.is_empty()).then(|| view! { <AboutThisPart codes=about /> })}
    }
}

/// A "Back" link to a known place (never `history.back()`, which may leave the app).
#[component]
fn BackLink(
    /// Where the link goes.
    #[prop(into)]
    href: String,
    /// The link text; "Back" unless a more specific one helps.
    #[prop(optional, into)]
    text: Option<String>,
) -> impl IntoView {
    view! {
        <A exact=true href=crate::href(href) attr:class="app-back-link">{text.unwrap_or_else(|| tr!("Back"))}</A>
    }
}

/// The screen for something the address names that is not (or no longer)
/// in the review: it says so, maybe why, and links back.
#[component]
pub fn NotInReview(
    /// The heading, e.g. "This person is not in the review".
    #[prop(into)]
    title: String,
    /// Why it may be missing.
    #[prop(optional, into)]
    why: Option<String>,
    /// Where to go back to.
    back: String,
    /// The words of the link back, e.g. "Back to who is here".
    #[prop(into)]
    back_text: String,
) -> impl IntoView {
    view! {
        <Page back=back.clone() title=title>
            {why.map(|why| view! { <p class="app-body">{why}</p> })}
            <p class="app-body"><A exact=true href=crate::href(back) attr:class="app-link app-link--standalone">{back_text}</A></p>
        </Page>
    }
}
