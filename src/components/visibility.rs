//! Who may see one item of the review (P23), on the item itself: an icon
//! and words for its visibility, and a choice of another one tap away.
//! The choice is the core's (`review_core::sharing`); a change is said to
//! screen readers once, politely.

use super::fields::Select;
use crate::state::use_review;
use leptos::prelude::*;
use review_core::sharing::visibility_of;
use review_core::tr;
use review_core::{Command, Visibility};

/// An element id made from an item's key (which may hold `/`).
fn dom_id(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("visibility-{safe}")
}

/// The icon of a visibility: an open eye for everyone, an eye with a bar
/// when some copies leave it out, a padlock when only the records keep it.
#[component]
pub fn VisibilityIcon(
    /// The visibility shown (`None`: not decided yet).
    #[prop(into)]
    visibility: Signal<Option<Visibility>>,
) -> impl IntoView {
    move || {
        match visibility.get() {
        Some(Visibility::Everyone) | None => view! {
            <svg class="app-visibility__icon app-visibility__icon--open" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
                <circle cx="12" cy="12" r="3" />
            </svg>
        }
        .into_any(),
        Some(Visibility::WorkerAndRecords) => view! {
            <svg class="app-visibility__icon app-visibility__icon--private" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <rect x="4" y="11" width="16" height="10" rx="2" />
                <path d="M8 11V7a4 4 0 0 1 8 0v4" />
            </svg>
        }
        .into_any(),
        Some(_) => view! {
            <svg class="app-visibility__icon app-visibility__icon--limited" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
                <circle cx="12" cy="12" r="3" />
                <path d="M3 3l18 18" />
            </svg>
        }
        .into_any(),
    }
    }
}

/// "Who may see this?": an icon and words for a visibility, and the choice
/// of another, for any answer (an item of the review, or words about to be
/// said as someone signs).
#[component]
pub fn VisibilityPick(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visibility now (`None`: not agreed yet).
    #[prop(into)]
    value: Signal<Option<Visibility>>,
    /// Receives the visibility chosen.
    on_change: Callback<Visibility>,
) -> impl IntoView {
    let options = Signal::derive(move || {
        let mut options: Vec<(String, String)> = Visibility::ALL
            .iter()
            .map(|v| (v.key().to_string(), v.label().to_string()))
            .collect();
        if value.get().is_none() {
            options.insert(0, (String::new(), tr!("Not agreed yet")));
        }
        options
    });
    let key = Signal::derive(move || value.get().map_or(String::new(), |v| v.key().into()));
    let picked = Callback::new(move |key: String| {
        if let Some(v) = Visibility::from_key(&key) {
            on_change.run(v);
        }
    });
    view! {
        <VisibilityIcon visibility=value />
        <Select easy="sharing.item" id=id label={tr!("Who may see this?")} options=options value=key on_change=picked />
        <p class="app-visibility__hint">{move || value.get().map(|v| v.hint())}</p>
    }
}

/// "Who may see this?" on one item of the review: its visibility in an icon
/// and words, changed with one tap on the choice beside it.
#[component]
pub fn VisibilityChoice(
    /// The item's key (`review_core::sharing`).
    #[prop(into)]
    item: String,
    /// What the item is, for the words said when it changes ("this note").
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let ctx = use_review();
    let id = dom_id(&item);
    let key = item.clone();
    let key_attr = item.clone();
    let current = ctx.select(move |r| visibility_of(r, &key));
    let said = RwSignal::new(String::new());
    let on_change = Callback::new(move |visibility: Visibility| {
        if ctx
            .dispatch(Command::SetVisibility {
                item: item.clone(),
                visibility,
            })
            .is_ok()
        {
            said.set(tr!(
                "Who may see {what}: {what2}. {hint}",
                what = what,
                what2 = visibility.label(),
                hint = visibility.hint()
            ));
        }
    });
    view! {
        <div class="app-visibility" data-item=key_attr>
            <VisibilityPick id=id value=current on_change=on_change />
            <p class="app-visually-hidden" role="status">{move || said.get()}</p>
        </div>
    }
}
