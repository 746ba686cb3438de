//! A PIN typed to unlock the device or to confirm a change (the lock
//! screen, taking a team key list): its field's state, and checking it once
//! with the PIN vault, with the problem in words when it is not right.

use crate::browser::pin;
use leptos::prelude::*;
use review_core::tr;

/// What the PIN field holds and shows.
#[derive(Clone, Copy)]
pub struct PinEntry {
    pub entered: RwSignal<String>,
    pub busy: RwSignal<bool>,
    pub problem: RwSignal<Option<String>>,
}

impl PinEntry {
    pub fn new() -> PinEntry {
        PinEntry {
            entered: RwSignal::new(String::new()),
            busy: RwSignal::new(false),
            problem: RwSignal::new(None),
        }
    }

    /// Check the typed PIN (unless a check is running). `if_empty` is said
    /// when nothing was typed, `and_then` is added to a problem's words, and
    /// `right` runs once the PIN is right. The field is emptied either way.
    pub fn check(self, if_empty: String, and_then: String, right: impl FnOnce() + 'static) {
        if self.busy.get_untracked() {
            return;
        }
        let typed = self.entered.get_untracked();
        if typed.is_empty() {
            self.problem.set(Some(if_empty));
            return;
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let result = pin::unlock(&typed).await;
            self.busy.set(false);
            self.entered.set(String::new());
            match result {
                Ok(()) => {
                    self.problem.set(None);
                    right();
                }
                Err(e) if and_then.is_empty() => self.problem.set(Some(e.to_string())),
                Err(e) => self.problem.set(Some(format!("{e} {and_then}"))),
            }
        });
    }
}

impl Default for PinEntry {
    fn default() -> PinEntry {
        PinEntry::new()
    }
}

/// The PIN asked again before something that changes whom the device
/// trusts is taken (a team key list, a team configuration): shown only on a
/// device with a PIN, its problem (if any) under the label.
#[component]
pub fn PinAgain(
    entry: PinEntry,
    /// The field's id (its hint and error take it as their start).
    id: &'static str,
    /// Why the PIN is asked again.
    #[prop(into)]
    hint: String,
) -> impl IntoView {
    let PinEntry {
        entered,
        busy,
        problem,
    } = entry;
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    pin::is_set().then(move || {
        let error = Signal::from(problem);
        let error_class = super::fields::group_class(error);
        let described = super::fields::described_by(id, true, error);
        view! {
            <div class=error_class>
                <label class="app-label app-label--s" for=id>{tr!("Device PIN")}</label>
                <p class="app-hint" id=hint_id>{hint}</p>
                {move || problem.get().map(|p| view! {
                    <p class="app-error-message" id=error_id.clone() role="alert">
                        <span class="app-visually-hidden">{tr!("Error:")}" "</span>{p}
                    </p>
                })}
                <input class="app-input app-input--width-10" id=id name=id
                    type="password" inputmode="numeric" autocomplete="off" spellcheck="false"
                    aria-describedby=described
                    disabled=move || busy.get()
                    prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev)) />
            </div>
        }
    })
}
