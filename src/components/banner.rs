//! A notification banner with a title bar: news about the whole screen (a
//! save that failed, a review open in another tab, an urgent safeguarding
//! matter), labelled by its title so it can be found as a region.

use leptos::prelude::*;

/// A banner with a title bar, a bold first line, then `children`.
#[component]
pub fn Banner(
    /// The id of its title, which labels it.
    id: &'static str,
    /// Its title, in the bar.
    title: &'static str,
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
                <h2 class="app-notification-banner__title" id=id>{title}</h2>
            </div>
            <div class="app-notification-banner__content">
                <p class="app-notification-banner__heading">{heading}</p>
                {children()}
            </div>
        </div>
    }
}
