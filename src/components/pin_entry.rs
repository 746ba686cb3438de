//! A PIN typed to unlock the device or to confirm a change (the lock
//! screen, taking a team key list): its field's state, and checking it once
//! with the PIN vault, with the problem in words when it is not right.

use crate::browser::pin;
use leptos::prelude::*;

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
    pub fn check(
        self,
        if_empty: &'static str,
        and_then: &'static str,
        right: impl FnOnce() + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        let typed = self.entered.get_untracked();
        if typed.is_empty() {
            self.problem.set(Some(if_empty.into()));
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
                Err(e) => self.problem.set(Some(format!("{e}{and_then}"))),
            }
        });
    }
}

impl Default for PinEntry {
    fn default() -> PinEntry {
        PinEntry::new()
    }
}
