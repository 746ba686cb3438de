//! Pause (issue 23): one button on every screen of an open review hides the
//! meeting behind a calm screen, for when someone is upset or someone walks
//! in, and resumes in place. The meeting stays in the page behind it,
//! hidden and inert, so what was typed, where the page was scrolled and
//! what had focus come back as they were; changes waiting to be stored are
//! stored as it pauses; and the device's automatic lock waits while it is
//! paused, so no timer runs out (`privacy::hold_auto_lock`).

use super::privacy::{hold_auto_lock, use_lock};
use leptos::prelude::*;
use review_core::tr;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The id of the Pause button, which focus goes back to when nothing else
/// in the meeting had it.
const BUTTON_ID: &str = "pause-the-review";
/// The id of the paused screen's heading, which takes focus when it shows.
const HEADING_ID: &str = "paused-title";

thread_local! {
    /// What had focus in the meeting last, and where the page was scrolled
    /// when it paused.
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

#[derive(Default)]
struct Kept {
    focus: Option<web_sys::HtmlElement>,
    scroll: (f64, f64),
}

/// Remember the element focused in the meeting (not the Pause button).
pub fn remember_focus(ev: &web_sys::FocusEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if el.id() != BUTTON_ID {
        KEPT.with_borrow_mut(|k| k.focus = Some(el));
    }
}

/// Whether the meeting is paused, for the review's shell.
#[derive(Clone, Copy)]
pub struct Paused(pub RwSignal<bool>);

impl Paused {
    pub fn new() -> Self {
        Paused(RwSignal::new(false))
    }

    /// Pause: store what is waiting, note the scroll, hide the meeting.
    pub fn pause(self) {
        crate::saving::flush();
        if let Some(w) = web_sys::window() {
            let at = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
            KEPT.with_borrow_mut(|k| k.scroll = at);
        }
        hold_auto_lock(true);
        self.0.set(true);
    }

    /// Resume: show the meeting as it was, scrolled where it was, with
    /// focus where it was (or on the Pause button).
    pub fn resume(self) {
        hold_auto_lock(false);
        self.0.set(false);
        // Once the meeting is drawn again (the frame after it is shown).
        request_animation_frame(|| {
            request_animation_frame(|| {
                let (focus, (x, y)) = KEPT.with_borrow(|k| (k.focus.clone(), k.scroll));
                let target = focus.filter(|el| el.is_connected()).or_else(|| {
                    web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(BUTTON_ID))
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                });
                if let Some(el) = target {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&options);
                }
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(x, y);
                }
            })
        });
    }
}

impl Default for Paused {
    fn default() -> Self {
        Self::new()
    }
}

/// The Pause button, at the top of every screen of an open review.
#[component]
pub fn PauseButton(paused: Paused) -> impl IntoView {
    view! {
        <div class="app-pause-bar">
            <crate::components::SaveStatus />
            <button type="button" class="app-button app-button--secondary app-pause-bar__button" id=BUTTON_ID
                on:click=move |_| paused.pause()>
                {tr!("Pause")}<span class="app-visually-hidden">" "{tr!("the review")}</span>
            </button>
        </div>
    }
}

/// The calm screen shown while the meeting is paused: nothing of the
/// review on it, a way back, and (with a device PIN) a way to lock.
#[component]
pub fn PausedScreen(paused: Paused) -> impl IntoView {
    let lock = use_lock().filter(|_| crate::browser::pin::is_set());
    request_animation_frame(|| crate::components::focus_by_id(HEADING_ID));
    // Leaving the review while paused (Device settings, Back) lets the
    // lock's timer run again.
    on_cleanup(|| hold_auto_lock(false));
    view! {
        <div class="app-pause">
            <h1 class="app-heading-l app-pause__title" id=HEADING_ID tabindex="-1">{tr!("Paused")}</h1>
            <p class="app-body-l">{tr!("The review is paused. Everything is kept as it was, and nothing moves on until you come back to it.")}</p>
            <p class="app-body-l">{tr!("Take the time you need.")}</p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| paused.resume()>{tr!("Go back to the review")}</button>
                {lock.map(|lock| view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| lock.lock_now()>
                        {tr!("Lock the tablet")}
                    </button>
                })}
            </div>
        </div>
    }
}
