//! What changes a review's answers (Add, Remove, Clear, Use the suggested
//! date) is shown only where the review can be changed here. A signed-off
//! review, or one being changed in another tab (`state::read_only`), shows
//! its answers and no control that would do nothing; its banner says what
//! can be done instead.

use leptos::prelude::*;
use review_core::tr;

/// `children`, only while the answers here can be changed.
#[component]
pub fn Editable(children: ChildrenFn) -> impl IntoView {
    let locked = crate::state::read_only();
    view! { <Show when=move || !locked.get()>{children()}</Show> }
}

/// The word on a link or button that opens an answer: "Change" where it can
/// be changed, "View" where it cannot.
pub fn change_word() -> Signal<String> {
    let locked = crate::state::read_only();
    Signal::derive(move || {
        if locked.get() {
            tr!("View")
        } else {
            tr!("Change")
        }
    })
}
