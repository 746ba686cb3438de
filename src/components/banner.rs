//! A notification banner with a title bar: news about the whole screen (a
//! save that failed, a review open in another tab, an urgent safeguarding
//! matter), labelled by its title so it can be found as a region.

use leptos::prelude::*;

/// A banner with a title bar, a bold first line, then `children`. Its
/// title can take focus (`focus_by_id(id)`) when the banner is news about
/// what was just tried.
#[component]
pub fn Banner(
    /// The id of its title, which labels it.
    id: &'static str,
    /// Its title, in the bar.
    #[prop(into)]
    title: String,
    /// The bold first line.
    #[prop(into)]
    heading: Signal<String>,
    /// A warning (orange) rather than news (blue).
    #[prop(optional)]
    warning: bool,
    /// Said at once to screen readers (an alert), not only a landmark.
    #[prop(optional)]
    urgent: bool,
    children: Children,
) -> impl IntoView {
    let class = if warning {
        "app-notification-banner app-notification-banner--warning"
    } else {
        "app-notification-banner"
    };
    view! {
        <div class=class role=if urgent { "alert" } else { "region" } aria-labelledby=id>
            <div class="app-notification-banner__header">
                <h2 class="app-notification-banner__title" id=id tabindex="-1">{title}</h2>
            </div>
            <div class="app-notification-banner__content">
                <p class="app-notification-banner__heading">{heading}</p>
                {children()}
            </div>
        </div>
    }
}

/// The one-off confirmation left for the screen that opens next
/// (`AppState::flash`, e.g. "The review was deleted"): shown once, then gone.
#[component]
pub fn Flash() -> impl IntoView {
    let app = crate::state::use_app();
    let text = app.flash.get_untracked();
    app.flash.set(None);
    text.map(|text| view! { <Notice><p class="app-body">{text}</p></Notice> })
}

/// A short banner about what was just tried: it worked (a status), or,
/// with `warning`, it was refused (an alert, said at once).
#[component]
pub fn Notice(
    /// A refusal rather than a success.
    #[prop(optional)]
    warning: bool,
    children: Children,
) -> impl IntoView {
    let (class, role) = if warning {
        (
            "app-notification-banner app-notification-banner--warning",
            "alert",
        )
    } else {
        (
            "app-notification-banner app-notification-banner--success",
            "status",
        )
    };
    view! {
        <div class=class role=role>
            <div class="app-notification-banner__content">{children()}</div>
        </div>
    }
}
