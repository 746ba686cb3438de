//! The only places the app reads the clock, waits, or makes random ids; the
//! core gets time and ids passed in. Everything here goes through the
//! browser's `Date` and `setTimeout`, so a test can drive time with
//! Playwright's `page.clock`.

use chrono::{DateTime, FixedOffset, TimeZone};
use review_core::{Id, Timestamp};

/// Now, to the second, with this device's UTC offset.
pub fn now() -> Timestamp {
    let date = js_sys::Date::new_0();
    let millis = date.get_time() as i64;
    // getTimezoneOffset is minutes *behind* UTC.
    let offset_secs = (-date.get_timezone_offset() as i32) * 60;
    let offset =
        FixedOffset::east_opt(offset_secs).unwrap_or_else(|| FixedOffset::east_opt(0).unwrap());
    let utc = DateTime::from_timestamp(millis.div_euclid(1000), 0).unwrap_or_default();
    offset.from_utc_datetime(&utc.naive_utc())
}

/// Run `f` once, `delay` from now (a browser timer: it does not keep the
/// page alive, and a closed page never runs it).
pub fn after(delay: std::time::Duration, f: impl FnOnce() + 'static) {
    leptos::prelude::set_timeout(f, delay);
}

/// A future that is ready `delay` from now (a browser timer).
pub async fn sleep(delay: std::time::Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after(delay, move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A fresh random (version 4) UUID. Uses `crypto.getRandomValues`, which, unlike
/// `crypto.randomUUID`, also works when the page is not a secure context.
pub fn new_id() -> Id {
    let mut bytes = [0u8; 16];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("this browser offers crypto.getRandomValues");
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// "24 November 2026" for people to read.
pub fn long_date(t: &Timestamp) -> String {
    review_core::i18n::long_date(t.date_naive())
}
