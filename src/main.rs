//! Only mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    // Before anything reads storage or the address (see `deployment`).
    review_together::browser::deployment::start();
    leptos::mount::mount_to_body(review_together::app::App);
}
