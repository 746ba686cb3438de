//! Whether the latest change is stored (issue 31, point 3): a pill that is
//! always in view — in the sticky bar at the top of an open review, in the
//! header elsewhere — and one polite announcement when saving starts to
//! fail or works again, never on every keystroke's "Saving…" and "Saved".

use crate::saving::SaveState;
use crate::state::use_app;
use leptos::prelude::*;
use review_core::tr;

/// The pill's words and class for a state (nothing while nothing changed).
fn pill(state: &SaveState) -> Option<(String, &'static str)> {
    match state {
        SaveState::Unchanged => None,
        SaveState::Saving => Some((tr!("Saving…"), "app-save-status app-save-status--saving")),
        SaveState::Saved => Some((
            tr!("Saved on this device"),
            "app-save-status app-save-status--saved",
        )),
        SaveState::NotSaved(why) => Some((
            tr!("Not saved: {why}", why = why),
            "app-save-status app-save-status--error",
        )),
    }
}

/// What to say aloud when the state becomes `now`, after `failing` (the
/// problem said last, if saving was failing): the problem when one starts
/// or changes, that it is saved again once it is, and nothing otherwise.
pub fn announcement(failing: Option<&str>, now: &SaveState) -> Option<String> {
    match (failing, now) {
        (before, SaveState::NotSaved(why)) if before != Some(why.as_str()) => {
            Some(tr!("Not saved: {why}", why = why))
        }
        (Some(_), SaveState::Saved) => Some(tr!("Saved on this device again")),
        _ => None,
    }
}

/// The pill: `role="status"` for what it is, but not live (the
/// announcements are made by [`SaveAnnouncer`]).
#[component]
pub fn SaveStatus() -> impl IntoView {
    let app = use_app();
    move || {
        app.save.with(pill).map(|(text, class)| {
            view! { <p id="save-status" role="status" aria-live="off" class=class>{text}</p> }
        })
    }
}

/// The one live region that says when saving fails or works again.
#[component]
pub fn SaveAnnouncer() -> impl IntoView {
    let app = use_app();
    let said = RwSignal::new(String::new());
    // The problem said last, while saving is failing.
    let failing = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        app.save.with(|now| {
            let before = failing.get_value();
            if let Some(words) = announcement(before.as_deref(), now) {
                said.set(words);
            }
            match now {
                SaveState::NotSaved(why) => failing.set_value(Some(why.clone())),
                SaveState::Saved => failing.set_value(None),
                _ => {}
            }
        })
    });
    view! { <div id="save-announcer" class="app-visually-hidden" aria-live="polite" aria-atomic="true">{move || said.get()}</div> }
}
