//! Easy read, offered when someone's turn starts and their ways of
//! communicating include symbols or pictures (issue 26): the setting lives
//! under Display, where a person who needs it would never look.

use super::display::{easy_read, use_display};
use leptos::prelude::*;
use review_core::tr;

/// "Easy read for Joan?", with a button that turns it on and one that says
/// not now; nothing when it would not help them or is already on.
#[component]
pub fn EasyReadOffer(
    /// Who the turn is for, by name.
    #[prop(into)]
    name: String,
    /// Whether easy read would help them (`Participant::easy_read_helps`).
    helps: bool,
) -> impl IntoView {
    let display = use_display();
    let on = easy_read();
    let not_now = RwSignal::new(false);
    // Shown once turned on here, so the person knows it worked and how to undo it.
    let turned_on = RwSignal::new(false);
    let turn_on = move |_| {
        if let Some(d) = display {
            d.settings.update(|s| s.easy_read = true);
            turned_on.set(true);
        }
    };
    move || {
        if !helps || display.is_none() {
            return None;
        }
        if on.get() {
            return turned_on.get().then(|| {
                view! {
                    <p class="app-inset-text app-body" role="status">
                        {tr!("Easy read is on. It can be turned off under Display, at the top.")}
                    </p>
                }
                .into_any()
            });
        }
        (!not_now.get()).then(|| {
            view! {
                <div class="app-inset-text" role="group" aria-labelledby="easy-read-offer">
                    <h2 class="app-heading-s" id="easy-read-offer">{tr!("Easy read for {name}?", name = name)}</h2>
                    <p class="app-body">
                        {tr!("{name} uses symbols or pictures. Easy read shows short sentences, with a picture beside each question.", name = name)}
                    </p>
                    <div class="app-button-group app-u-mb-0">
                        <button type="button" class="app-button" on:click=turn_on>{tr!("Turn on easy read")}</button>
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| not_now.set(true)>{tr!("Not now")}</button>
                    </div>
                </div>
            }
            .into_any()
        })
    }
}
