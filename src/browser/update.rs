//! A new build of the app waiting to take over. `public/boot.js` watches the
//! service worker: when a new build has installed and waits, it keeps
//! `window.reviewTogetherUpdate` and sends the window the event
//! [`READY_EVENT`]. This module only reads that and asks for it to be
//! applied; when to offer it is the home screen's business.

use wasm_bindgen::{JsCast, JsValue};

/// The window event `boot.js` sends when a new build is waiting.
pub const READY_EVENT: &str = "review-together:update-ready";

fn waiting() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("reviewTogetherUpdate"))
        .ok()
        .filter(JsValue::is_object)
}

/// Whether a new build is waiting to take over.
pub fn is_ready() -> bool {
    waiting().is_some()
}

/// Let the waiting build take over; `boot.js` then reloads the page into it.
/// Stored drafts are untouched (every build opens the last one's).
pub fn apply() {
    let Some(update) = waiting() else {
        return;
    };
    if let Ok(apply) = js_sys::Reflect::get(&update, &JsValue::from_str("apply")) {
        if let Some(apply) = apply.dyn_ref::<js_sys::Function>() {
            let _ = apply.call0(&update);
        }
    }
}

/// Whether this browser has service workers here, which keep every file of
/// the build for offline use (`public/sw.js`); without them, only what the
/// page itself has fetched stays available when the network goes.
pub fn has_service_worker() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false)
    })
}
