//! Privacy on a shared tablet: the lock screen in front of everything when a
//! device PIN is set, automatic locking after a while without use, setting a
//! PIN, and removing all of the app's data from the device.

use crate::browser::pin;
use crate::components::SecondaryAction;
use crate::components::{ErrorSummary, Notice, Page, PinEntry, Problem, SubmitButton};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::validate::FieldError;
use review_core::vault::{check_new_pin, PinError};
use review_core::{tr, trn};
use std::time::Duration;

/// Whether the device is unlocked, for everything under the gate.
#[derive(Clone, Copy)]
pub struct Lock {
    pub unlocked: RwSignal<bool>,
}

impl Lock {
    /// Lock now: forget the key and hide every personal detail.
    pub fn lock_now(&self) {
        // Store what is still waiting for the debounce while the key is here.
        crate::saving::flush();
        pin::lock();
        self.unlocked.set(false);
    }
}

pub fn use_lock() -> Option<Lock> {
    use_context::<Lock>()
}

/// Minutes without use before the device locks itself.
pub const AUTO_LOCK_CHOICES: [u32; 4] = [2, 5, 10, 15];

/// Shows `children` only while the device is unlocked (or has no PIN), and
/// the lock screen otherwise. The children are made afresh at each unlock,
/// so nothing personal stays on the page while it is locked.
#[component]
pub fn LockGate(children: ChildrenFn) -> impl IntoView {
    let unlocked = RwSignal::new(!pin::is_set() || pin::is_unlocked());
    let lock = Lock { unlocked };
    provide_context(lock);
    watch_for_inactivity(lock);
    let remake = use_context::<crate::state::Remake>();
    move || {
        if remake.is_some_and(|crate::state::Remake(remaking)| remaking.get()) {
            ().into_any()
        } else if unlocked.get() {
            children().into_any()
        } else {
            view! { <LockScreen /> }.into_any()
        }
    }
}

thread_local! {
    static LAST_USED_MS: std::cell::Cell<f64> = std::cell::Cell::new(js_sys::Date::now());
    /// While the meeting is paused the automatic lock waits: nothing runs
    /// out during a pause (`parts::pause`).
    static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Hold the automatic lock (`true`, while the meeting is paused), or let
/// it count again from now (`false`). Locking by hand still works.
pub fn hold_auto_lock(held: bool) {
    HELD.with(|h| h.set(held));
    LAST_USED_MS.with(|t| t.set(js_sys::Date::now()));
}

/// Any touch, click or key counts as use; the device locks after the
/// chosen minutes without any (checked every few seconds, so Playwright's
/// fake clock can move time on in tests).
fn watch_for_inactivity(lock: Lock) {
    fn used() {
        LAST_USED_MS.with(|t| t.set(js_sys::Date::now()));
    }
    let _ = window_event_listener(leptos::ev::pointerdown, |_| used());
    let _ = window_event_listener(leptos::ev::keydown, |_| used());
    let _ = window_event_listener(leptos::ev::input, |_| used());
    let _ = set_interval_with_handle(
        move || {
            if !pin::is_set() || !lock.unlocked.get_untracked() || HELD.with(|h| h.get()) {
                LAST_USED_MS.with(|t| t.set(js_sys::Date::now()));
                return;
            }
            let idle = js_sys::Date::now() - LAST_USED_MS.with(|t| t.get());
            if idle >= f64::from(pin::auto_lock_minutes()) * 60_000.0 {
                lock.lock_now();
            }
        },
        Duration::from_secs(5),
    );
}

/// Milliseconds since this page opened (`performance.now`).
fn open_time_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The lock screen: the PIN, or removing everything when it is forgotten.
#[component]
fn LockScreen() -> impl IntoView {
    let lock = use_lock().expect("inside the lock gate");
    let pin_entry = PinEntry::new();
    let PinEntry {
        entered,
        busy,
        problem,
    } = pin_entry;
    let forgotten = RwSignal::new(false);
    // Ticks once a second so the wait after wrong PINs counts down, by the
    // time this screen has been open (`performance.now`, which setting the
    // clock does not move), kept in the PIN record.
    let open_since = RwSignal::new(open_time_ms());
    let ticking = set_interval_with_handle(
        move || {
            let Some(since) = open_since.try_get_untracked() else {
                return;
            };
            let now = open_time_ms();
            pin::count_down((now - since).max(0.0) as u64);
            open_since.set(now);
        },
        Duration::from_secs(1),
    );
    // Unlocked: the screen has gone, and so does its count.
    on_cleanup(move || {
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    let wait = Memo::new(move |_| {
        open_since.track();
        pin::wait_ms()
    });
    let damaged = pin::record().and_then(Result::err);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pin_entry.check(tr!("Enter the device PIN"), String::new(), move || {
            lock.unlocked.set(true)
        });
    };
    let form = move || {
        if forgotten.get() {
            return view! { <RemoveEverything on_cancel=Callback::new(move |()| forgotten.set(false)) /> }
                .into_any();
        }
        if let Some(why) = damaged.clone() {
            return view! {
                <Page title={tr!("This device cannot be unlocked")}>
                    <p class="app-body">{tr!("The record of this device's PIN cannot be read: {why}. Nothing on the device can be opened without it.", why = why)}</p>
                    <div class="app-button-group">
                        <button type="button" class="app-button app-button--warning" on:click=move |_| forgotten.set(true)>
                            {tr!("Remove all data from this device")}
                        </button>
                    </div>
                </Page>
            }
            .into_any();
        }
        view! {
            <Page title={tr!("Review Together is locked")}>
                <p class="app-body">
                    {tr!("Enter the device PIN to carry on. Everything typed so far is kept on this device.")}
                </p>
                <form novalidate on:submit=unlock>
                    <div class=move || if problem.with(Option::is_some) { "app-form-group app-form-group--error" } else { "app-form-group" }>
                        <label class="app-label app-label--s" for="unlock-pin">{tr!("Device PIN")}</label>
                        {move || problem.get().map(|p| view! {
                            <p class="app-error-message" id="unlock-pin-error" role="alert">
                                <span class="app-visually-hidden">{tr!("Error:")}" "</span>{p}
                            </p>
                        })}
                        <input class=move || if problem.with(Option::is_some) { "app-input app-input--width-10 app-input--error" } else { "app-input app-input--width-10" }
                            id="unlock-pin" name="unlock-pin" type="password" inputmode="numeric"
                            autocomplete="off" spellcheck="false"
                            disabled=move || busy.get()
                            aria-describedby=move || problem.with(Option::is_some).then_some("unlock-pin-error")
                            prop:value=entered
                            on:input=move |ev| entered.set(event_target_value(&ev)) />
                    </div>
                    <div class="app-button-group">
                        <SubmitButton label={tr!("Unlock")} working={tr!("Unlocking…")} busy=busy
                            held=Signal::derive(move || wait.get() > 0) />
                    </div>
                    {move || (wait.get() > 0).then(|| view! {
                        <p class="app-body">{tr!("You can try again in {get}.", get = review_core::words::wait_words(wait.get()))}</p>
                    })}
                </form>
                <h2 class="app-heading-m">{tr!("Forgotten the PIN?")}</h2>
                <p class="app-body">
                    {tr!("Nobody can get the PIN back. The only way to use Review Together on this device again is to remove all of its data, including any review not yet sent to your records team.")}
                </p>
                <SecondaryAction on_press=Callback::new(move |_| forgotten.set(true))>{tr!("I have forgotten the PIN")}</SecondaryAction>
            </Page>
        }
        .into_any()
    };
    view! {
        <header class="app-header">
            <div class="app-width-container app-header__container">
                <span class="app-header__title">{tr!("Review Together")}</span>
                <crate::components::DisplayControl />
            </div>
        </header>
        <div class="app-width-container">
            <main class="app-main" id="main-content" tabindex="-1">{form}</main>
        </div>
    }
}

/// How many reviews the device holds, counted from the storage keys alone
/// (they can be counted while locked).
fn reviews_on_device() -> usize {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return 0;
    };
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| review_core::draft::review_id_of_key(k).is_some())
        .count()
}

/// Remove everything this deployment keeps on the device (`pin::wipe`),
/// then start the app again from nothing; what could not be removed is said
/// in `problem`. `busy` holds a second press off.
pub(super) fn remove_all(busy: RwSignal<bool>, problem: RwSignal<Option<String>>) {
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        match pin::wipe().await {
            Ok(()) => {
                // Start again from nothing: no state of the old data survives.
                if let Some(w) = web_sys::window() {
                    let _ = w
                        .location()
                        .replace(crate::browser::deployment::base_path());
                }
            }
            Err(e) => {
                let _ = busy.try_set(false);
                let _ = problem.try_set(Some(tr!(
                    "Not everything could be removed: {why}.",
                    why = e
                )));
            }
        }
    });
}

/// The confirm step before everything is removed.
#[component]
fn RemoveEverything(
    /// Going back without removing anything.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let count = reviews_on_device();
    let remove = move |_| remove_all(busy, problem);
    view! {
        <Page title={tr!("Remove all data from this device")}>
            <div class="app-warning-text">
                <p class="app-warning-text__text">
                    {match count {
                        0 => tr!("This removes the settings, the signing key and the PIN. It cannot be undone."),
                        n => trn!(
                            n,
                            "This removes the {n} review on this device, its summary, the settings, the signing key and the PIN. It cannot be undone.",
                            "This removes all {n} reviews on this device, their summaries, the settings, the signing key and the PIN. It cannot be undone."
                        ),
                    }}
                </p>
            </div>
            <p class="app-body">
                {tr!("Reviews that were not downloaded or sent to your records team will be lost. Summaries already downloaded are not affected.")}
            </p>
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button app-button--warning" disabled=move || busy.get() on:click=remove>
                    {move || if busy.get() { tr!("Removing…") } else { tr!("Remove all data") }}
                </button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| on_cancel.run(())>
                    {tr!("Keep the data")}
                </button>
            </div>
        </Page>
    }
}

/// The page behind "Remove all data from this device" in the settings.
#[component]
pub fn RemoveAllPage() -> impl IntoView {
    let navigate = use_navigate();
    view! {
        <RemoveEverything on_cancel=Callback::new(move |()| navigate("/settings", Default::default())) />
    }
}

fn pin_errors(pin: &str, again: &str) -> Vec<FieldError> {
    let error = |field: &str, message: String| FieldError {
        field: field.into(),
        message,
        attention: false,
    };
    match check_new_pin(pin, again) {
        Ok(()) => Vec::new(),
        Err(PinError::Mismatch) => vec![error("new-pin-again", PinError::Mismatch.to_string())],
        Err(e) => vec![error("new-pin", e.to_string())],
    }
}

/// Set the device PIN, or, when set, lock now and choose when to lock.
#[component]
pub fn PinPage() -> impl IntoView {
    let lock = use_lock();
    let notice = RwSignal::new(None::<String>);
    let has_pin = RwSignal::new(pin::is_set());
    let new_pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let shown = RwSignal::new(Vec::<FieldError>::new());
    let attempts = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let minutes = RwSignal::new(pin::auto_lock_minutes());
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            shown.with(|v| {
                v.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, a) = (new_pin.get_untracked(), again.get_untracked());
        let errors = pin_errors(&p, &a);
        attempts.update(|n| *n += 1);
        shown.set(errors.clone());
        if !errors.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = pin::set_pin(&p).await;
            busy.set(false);
            new_pin.set(String::new());
            again.set(String::new());
            match result {
                Ok(()) => {
                    has_pin.set(true);
                    notice.set(Some(trn!(
                        pin::auto_lock_minutes(),
                        "The PIN is set. Everything on this device is now locked with it, and the app locks itself after {n} minute without use.",
                        "The PIN is set. Everything on this device is now locked with it, and the app locks itself after {n} minutes without use."
                    )));
                }
                Err(e) => problem.set(Some(tr!("The PIN could not be set: {why}.", why = e))),
            }
        });
    };
    let pin_field = move |id: &'static str, label: String, value: RwSignal<String>| {
        let error = error_for(id);
        view! {
            <div class=move || if error.with(Option::is_some) { "app-form-group app-form-group--error" } else { "app-form-group" }>
                <label class="app-label" for=id>{label}</label>
                {move || error.get().map(|e| view! {
                    <p class="app-error-message" id=format!("{id}-error")>
                        <span class="app-visually-hidden">{tr!("Error:")}" "</span>{e}
                    </p>
                })}
                <input class=move || if error.with(Option::is_some) { "app-input app-input--width-10 app-input--error" } else { "app-input app-input--width-10" }
                    id=id name=id type="password" inputmode="numeric" autocomplete="new-password"
                    aria-describedby=move || error.with(Option::is_some).then(|| format!("{id}-error"))
                    prop:value=value
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    // Changing the PIN: the current one, then the new one twice.
    let current = RwSignal::new(String::new());
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (old, p, a) = (
            current.get_untracked(),
            new_pin.get_untracked(),
            again.get_untracked(),
        );
        let mut errors = Vec::new();
        if old.is_empty() {
            errors.push(FieldError {
                field: "current-pin".into(),
                message: tr!("Enter the current PIN"),
                attention: false,
            });
        }
        errors.extend(pin_errors(&p, &a));
        attempts.update(|n| *n += 1);
        shown.set(errors.clone());
        notice.set(None);
        problem.set(None);
        if !errors.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = pin::change_pin(&old, &p).await;
            busy.set(false);
            current.set(String::new());
            new_pin.set(String::new());
            again.set(String::new());
            match result {
                Ok(()) => notice.set(Some(tr!(
                    "The PIN is changed. Everything on this device is now locked with the new PIN. Backups made before keep opening with the PIN they were made with."
                ))),
                Err(e) => problem.set(Some(e.to_string())),
            }
        });
    };
    let minute_choices: Vec<crate::components::Choice<u32>> = AUTO_LOCK_CHOICES
        .iter()
        .map(|m| {
            crate::components::Choice::new(
                *m,
                &m.to_string(),
                trn!(*m, "{n} minute", "{n} minutes"),
            )
        })
        .collect();
    let choose_minutes = move |m: u32| {
        minutes.set(m);
        pin::set_auto_lock_minutes(m);
    };
    view! {
        <Page back="/settings" back_text={tr!("Device settings")} title={tr!("Device PIN")} has_errors=Signal::derive(move || !shown.with(Vec::is_empty))>
            <Show
                when=move || has_pin.get()
                fallback=move || view! {
                    <ErrorSummary errors=shown attempts=attempts />
                    <p class="app-body">
                        {tr!("A PIN keeps the reviews on this tablet private if someone else picks it up. Everything the app keeps is locked with it, and the app locks itself when it is not used for a few minutes.")}
                    </p>
                    <div class="app-inset-text">
                        <p class="app-body">
                            {tr!("Nobody can get a forgotten PIN back: the only way on is to remove all data from the device. A PIN stops a passer-by; it does not stop someone who copies the browser's files and tries every PIN.")}
                        </p>
                    </div>
                    <form novalidate on:submit=set>
                        {pin_field("new-pin", tr!("New PIN (at least 6 numbers)"), new_pin)}
                        {pin_field("new-pin-again", tr!("Enter the PIN again"), again)}
                        <Problem message=problem />
                        <div class="app-button-group">
                            <SubmitButton label={tr!("Set the PIN")} working={tr!("Setting the PIN…")} busy=busy />
                        </div>
                    </form>
                }
            >
                {move || notice.get().map(|text| view! {
                    <Notice><p class="app-body">{text}</p></Notice>
                })}
                <ErrorSummary errors=shown attempts=attempts />
                <p class="app-body">{tr!("This device has a PIN. Everything the app keeps here is locked with it. What leaves the device (backups, and a review downloaded when the device could not save it) is locked with the device’s recovery code instead, which nobody can guess: the PIN does not open it.")}</p>
                <div class="app-button-group">
                    <button type="button" class="app-button" on:click=move |_| {
                        if let Some(l) = lock { l.lock_now() }
                    }>{tr!("Lock now")}</button>
                </div>
                <div class="app-inset-text">
                    <p class="app-body">
                        {tr!("After three wrong PINs the app waits before the next try, longer each time. That slows down someone guessing at the screen; someone who copies the tablet's data can still guess elsewhere. The tablet's own screen lock, and keeping the recovery code apart from the tablet and its backups, are the real protection.")}
                    </p>
                </div>
                <h2 class="app-heading-m">{tr!("Change the PIN")}</h2>
                <form novalidate on:submit=change>
                    {pin_field("current-pin", tr!("Current PIN"), current)}
                    {pin_field("new-pin", tr!("New PIN (at least 6 numbers)"), new_pin)}
                    {pin_field("new-pin-again", tr!("Enter the new PIN again"), again)}
                    <Problem message=problem />
                    <div class="app-button-group">
                        <SubmitButton label={tr!("Change the PIN")} working={tr!("Changing the PIN…")} busy=busy secondary=true />
                    </div>
                </form>
                <crate::components::Radios
                    id="auto-lock"
                    legend={tr!("Lock the app when it is not used for")}
                    choices=minute_choices.clone()
                    value=Signal::derive(move || Some(minutes.get()))
                    on_change=Callback::new(choose_minutes)
                />
                <p class="app-body">
                    <A exact=true href=crate::href("/settings/remove-all") attr:class="app-link app-link--standalone">{tr!("Remove all data from this device")}</A>
                </p>
            </Show>
        </Page>
    }
}
