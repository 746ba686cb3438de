//! Only mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    // Before anything reads storage or the address (see `deployment`).
    review_together::browser::deployment::start();
    // The first screen comes in the language chosen: its words are fetched
    // first (from the service worker's copy when offline).
    let language = review_together::browser::language::stored();
    if language == review_core::i18n::Lang::EnGb {
        leptos::mount::mount_to_body(review_together::app::App);
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            review_together::browser::language::load(language).await;
            leptos::mount::mount_to_body(review_together::app::App);
        });
    }
}
