//! "Removed — Undo": after anything is removed from a review, a bar at the
//! foot of the screen says what went and offers Undo, which puts it back
//! with every field and in its place (`ReviewContext::undo_remove`). It
//! stays until the next change (no timer: as long as anyone needs), and is
//! said to screen readers as it appears.

use super::focus::focus_by_id;
use crate::state::{use_review, ReviewContext};
use leptos::prelude::*;
use review_core::tr;
use review_core::words::capitalise;

/// Remove something from the review, pressed at the control `from` (inside
/// the item): Undo is offered, and focus goes where `focus::after_removing`
/// says (the next item, or the list's heading).
pub fn remove_from(ctx: ReviewContext, from: &str, command: review_core::Command, what: String) {
    let refocus = super::focus::after_removing(from);
    if ctx.send_removal(command, what) {
        request_animation_frame(refocus);
    }
}

/// The Undo bar of the open review (one per review, in its shell).
#[component]
pub fn UndoBar() -> impl IntoView {
    let ctx = use_review();
    let back = RwSignal::new(None::<String>);
    let removed = Memo::new(move |_| {
        ctx.can_undo()
            .then(|| ctx.removed.with(|r| r.as_ref().map(|r| r.what.clone())))
            .flatten()
    });
    // The note that something is back lasts until the next removal.
    Effect::new(move |_| {
        if removed.with(Option::is_some) {
            back.set(None);
        }
    });
    let undo = move |_| {
        if let Some(what) = ctx.undo_remove() {
            back.set(Some(what));
            request_animation_frame(|| focus_by_id("undo-done"));
        }
    };
    view! {
        <div class="app-undo" role="status">
            {move || match (removed.get(), back.get()) {
                (Some(what), _) => view! {
                    <div class="app-undo__bar">
                        <p class="app-undo__text">{tr!("Removed {what}.", what = what)}</p>
                        <button type="button" class="app-button app-button--secondary app-u-mb-0" id="undo-remove"
                            aria-label=tr!("Undo: put back {what}", what = what) on:click=undo>
                            {tr!("Undo")}
                        </button>
                    </div>
                }
                .into_any(),
                (None, Some(what)) => view! {
                    <div class="app-undo__bar">
                        <p class="app-undo__text" id="undo-done" tabindex="-1">{tr!("{when} is back.", when = capitalise(&what))}</p>
                    </div>
                }
                .into_any(),
                (None, None) => ().into_any(),
            }}
        </div>
    }
}
