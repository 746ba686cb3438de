//! Keeping the open review on the device, and one tab changing it at a time.
//!
//! Every change is in memory at once (the review's signal) and stored within
//! [`DEBOUNCE`]: the first unstored change starts the timer and later ones
//! ride it, so none waits longer. `pagehide`, the page being hidden, leaving
//! the review and signing off store at once. Writes go through the revision
//! guard (`storage::store_review`), and a Web Lock per review lets one tab
//! change it while others read it and wait in line for it (`navigator.locks`;
//! without it, the revision guard alone). What cannot be stored stays in
//! memory, and can be downloaded, for as long as the page is open.
//!
//! The state lives outside the reactive graph (the open review's signals
//! belong to a page that may be gone when a timer or a lock callback runs);
//! only the root's signals ([`Signals`]) are set from here. It draws
//! nothing: the banners about saving are `components::save_banners`.

use crate::browser::locks::lock_manager;
use crate::browser::{clock, storage};
use leptos::prelude::*;
use review_core::tr;
use review_core::{draft, Review};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The longest a change waits before it is stored.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Whether the latest change reached the device's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page opened.
    Unchanged,
    /// A change is in memory and will be stored within `DEBOUNCE`.
    Saving,
    Saved,
    NotSaved(String),
}

/// The root's signals that saving sets: whether the latest change is
/// stored, whether this tab may change the review, and why the latest
/// changes could not be stored while that is so.
#[derive(Clone, Copy)]
pub struct Signals {
    pub save: RwSignal<SaveState>,
    pub tab: RwSignal<Tab>,
    pub problem: RwSignal<Option<storage::StorageError>>,
}

/// Whether this tab may change the open review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// This tab changes it (it holds the review's lock, or the browser has
    /// no Web Locks and the revision guard alone protects it).
    #[default]
    Editing,
    /// Another tab or window had it open for changes first.
    OpenElsewhere,
    /// Another tab or window took it over ("Edit here instead" there).
    TakenOver,
}

impl Tab {
    pub fn editing(self) -> bool {
        self == Tab::Editing
    }
}

/// A review as it was loaded for a page.
pub struct Opened {
    pub review: Review,
    /// The revision it was stored at, or last stored at by this tab.
    base: u64,
    /// Changes made in this page's life that are not stored yet.
    unsaved: bool,
}

/// The review open in this tab.
struct Open {
    /// Which opening this is, so late timers and lock callbacks of an
    /// earlier one change nothing.
    generation: u64,
    id: String,
    review: RwSignal<Review>,
    base: u64,
    /// The latest change not stored yet.
    unsaved: Option<Review>,
    /// Resolves the promise that holds the review's Web Lock.
    release: Option<js_sys::Function>,
}

thread_local! {
    static APP: Cell<Option<Signals>> = const { Cell::new(None) };
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
    /// Reviews left with changes that could not be stored, by id: when one is
    /// opened again in this page's life, these changes are what it shows.
    static LEFT: RefCell<HashMap<String, (Review, u64)>> = RefCell::new(HashMap::new());
    static TIMER_SET: Cell<bool> = const { Cell::new(false) };
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Set while this page makes the app afresh: the review it had open is
    /// opened again at once, and its lock (just let go here, and maybe not
    /// yet free) is taken back rather than waited for.
    static REOPENING: RefCell<Option<String>> = const { RefCell::new(None) };
    static ASKED_TO_PERSIST: Cell<bool> = const { Cell::new(false) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// The root's signals. They may be gone (the device locked with its PIN
/// drops the whole app), so only `try_` accessors are used on them here.
fn app() -> Option<Signals> {
    APP.get()
}

/// Listen for the page going away or out of sight (store at once) and for
/// other tabs' saves. Called where the app's state is made (again after each
/// unlock with the device PIN); the listeners are added once.
pub fn install(app: Signals) {
    APP.set(Some(app));
    if LISTENING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let listen = |target: &web_sys::EventTarget, name: &str, f: Box<dyn FnMut(web_sys::Event)>| {
        let f = Closure::wrap(f);
        let _ = target.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        // Listens for the page's whole life.
        f.forget();
    };
    listen(&window, "pagehide", Box::new(|_| flush()));
    if let Some(document) = window.document() {
        let doc = document.clone();
        listen(
            &document,
            "visibilitychange",
            Box::new(move |_| {
                let state = js_sys::Reflect::get(&doc, &"visibilityState".into())
                    .ok()
                    .and_then(|s| s.as_string());
                if state.as_deref() == Some("hidden") {
                    flush();
                }
            }),
        );
    }
    listen(
        &window,
        "storage",
        Box::new(|event| {
            // `key` is null when another tab cleared everything.
            let key = js_sys::Reflect::get(&event, &"key".into())
                .ok()
                .and_then(|k| k.as_string());
            let ours = OPEN.with_borrow(|o| {
                o.as_ref()
                    .is_some_and(|o| key.as_deref().is_none_or(|k| k == draft::review_key(&o.id)))
            });
            if ours {
                catch_up();
            }
        }),
    );
}

/// The review to show for `id`: changes this page could not store yet come
/// first, then what is stored.
pub fn load(id: &str) -> Result<Option<Opened>, storage::Unreadable> {
    if let Some((review, base)) = LEFT.with_borrow(|left| left.get(id).cloned()) {
        return Ok(Some(Opened {
            review,
            base,
            unsaved: true,
        }));
    }
    Ok(storage::load_review_at(id)?.map(|(review, base)| Opened {
        review,
        base,
        unsaved: false,
    }))
}

/// Start keeping the review that a page has just opened (its signal holds
/// `opened.review`); call it under the review's route. Returns what to call
/// when the review's pages close.
pub fn begin(review: RwSignal<Review>, opened: &Opened) -> impl FnOnce() + Send + Sync + 'static {
    let id = opened.review.id.clone();
    let generation = GENERATION.get() + 1;
    GENERATION.set(generation);
    let before = OPEN.with_borrow(|o| o.as_ref().map(|o| o.generation));
    if let Some(before) = before {
        end(before);
    }
    OPEN.set(Some(Open {
        generation,
        id: id.clone(),
        review,
        base: opened.base,
        unsaved: opened.unsaved.then(|| opened.review.clone()),
        release: None,
    }));
    if let Some(app) = app() {
        set_if_changed(app.tab, Tab::Editing);
        set_if_changed(app.problem, None);
    }
    if opened.unsaved {
        // Try again now: storage may have room again.
        flush();
    }
    let again = REOPENING.take().is_some_and(|was| was == id);
    request_lock(
        generation,
        &id,
        if again { Ask::Steal } else { Ask::IfFree },
    );
    // Moving to another page of the review stores at once too: a natural
    // point to be sure, and what someone reading the device then expects.
    let path = leptos_router::hooks::use_location().pathname;
    Effect::new(move |_| {
        path.track();
        flush();
    });
    // Called from the page's cleanup, which must be Send + Sync; the page
    // runs on the one browser thread, so the generation number is enough.
    move || end(generation)
}

/// The app is about to be made afresh in this page (`state::remake_app`):
/// the review open now is opened again as it is, so its lock is this
/// page's to take back.
pub fn reopening() {
    REOPENING.set(OPEN.with_borrow(|o| o.as_ref().map(|o| o.id.clone())));
}

/// The page of a review closed: store what is left, let go of the lock.
fn end(generation: u64) {
    if !OPEN.with_borrow(|o| o.as_ref().is_some_and(|o| o.generation == generation)) {
        return;
    }
    flush();
    let Some(open) = OPEN.take() else {
        return;
    };
    LEFT.with_borrow_mut(|left| match open.unsaved {
        Some(review) => left.insert(open.id.clone(), (review, open.base)),
        None => left.remove(&open.id),
    });
    if let Some(release) = open.release {
        let _ = release.call0(&JsValue::NULL);
    }
    if let Some(app) = app() {
        set_if_changed(app.tab, Tab::Editing);
        set_if_changed(app.problem, None);
    }
}

/// A review was deleted here: nothing of it is to be stored any more.
pub fn forget(id: &str) {
    LEFT.with_borrow_mut(|left| left.remove(id));
    OPEN.with_borrow_mut(|o| {
        if let Some(o) = o.as_mut().filter(|o| o.id == id) {
            o.unsaved = None;
            o.base = 0;
        }
    });
}

/// The open review changed (its signal already holds `review`): store it
/// within [`DEBOUNCE`], or at once when `now`.
pub fn changed(review: &Review, now: bool) {
    let open = OPEN.with_borrow_mut(|o| match o.as_mut().filter(|o| o.id == review.id) {
        Some(o) => {
            o.unsaved = Some(review.clone());
            true
        }
        None => false,
    });
    if !open {
        return;
    }
    if now {
        flush();
        return;
    }
    if let Some(app) = app() {
        // While a problem stands, say so until a save works (no flicker).
        if app
            .problem
            .try_with_untracked(Option::is_none)
            .unwrap_or(false)
        {
            set_if_changed(app.save, SaveState::Saving);
        }
    }
    if !TIMER_SET.replace(true) {
        clock::after(DEBOUNCE, || {
            TIMER_SET.set(false);
            flush();
        });
    }
}

/// Store the open review's latest change now, if there is one.
pub fn flush() {
    let job = OPEN.with_borrow_mut(|o| {
        let o = o.as_mut()?;
        let review = o.unsaved.take()?;
        Some((o.generation, review, o.base))
    });
    let Some((generation, review, base)) = job else {
        return;
    };
    let result = storage::store_review(&review, base);
    OPEN.with_borrow_mut(|o| {
        if let Some(o) = o.as_mut().filter(|o| o.generation == generation) {
            match result {
                Ok(revision) => o.base = revision,
                // Kept for the next try, and for downloading.
                Err(_) => {
                    o.unsaved.get_or_insert(review);
                }
            }
        }
    });
    let Some(app) = app() else {
        return;
    };
    match result {
        Ok(_) => {
            set_if_changed(app.save, SaveState::Saved);
            set_if_changed(app.problem, None);
            ask_to_persist();
        }
        Err(e) => {
            set_if_changed(app.save, SaveState::NotSaved(e.to_string()));
            set_if_changed(app.problem, Some(e));
        }
    }
}

/// Set a root signal only when the value differs, so the live region says
/// nothing new when nothing changed.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.try_with_untracked(|v| *v != value).unwrap_or(false) {
        signal.try_set(value);
    }
}

/// Another tab stored the open review: follow it, unless this tab has
/// changes of its own waiting (then the revision guard speaks up).
fn catch_up() {
    let Some((id, base, signal)) = OPEN.with_borrow(|o| {
        o.as_ref()
            .filter(|o| o.unsaved.is_none())
            .map(|o| (o.id.clone(), o.base, o.review))
    }) else {
        return;
    };
    if let Ok(Some((review, revision))) = storage::load_review_at(&id) {
        if revision > base {
            OPEN.with_borrow_mut(|o| {
                if let Some(o) = o.as_mut().filter(|o| o.id == id) {
                    o.base = revision;
                }
            });
            signal.try_set(review);
        }
    }
}

/// Ask once per visit, quietly, that the browser keep the app's storage
/// when space runs low (the answer changes nothing on screen).
fn ask_to_persist() {
    if ASKED_TO_PERSIST.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(manager) = js_sys::Reflect::get(&window.navigator(), &"storage".into()) else {
        return;
    };
    if manager.is_undefined() || manager.is_null() {
        return;
    }
    let manager: web_sys::StorageManager = manager.unchecked_into();
    if let Ok(asked) = manager.persist() {
        // Handled, so a refusal is not an uncaught error in the console.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(asked).await;
        });
    }
}

// ---- One tab changes a review at a time (Web Locks) ----------------------------

fn lock_name(id: &str) -> String {
    format!("{}/review/{id}", draft::namespace())
}

/// How a tab asks for a review's lock.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// Only if no other tab has it.
    IfFree,
    /// When the tab that has it lets go (closed, crashed or gone to
    /// another page): then this one changes the review, without a click.
    Wait,
    /// Taking it from the tab that has it ("Edit here instead").
    Steal,
}

/// Ask for the review's lock. Refused while another tab has it, this tab
/// reads the review and waits in line for it: a tab closed a moment ago
/// may still hold it while the browser lets go.
fn request_lock(generation: u64, id: &str, ask: Ask) {
    let requested = lock_manager().and_then(|locks| {
        let options = js_sys::Object::new();
        match ask {
            Ask::IfFree => {
                js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE).ok()?
            }
            Ask::Steal => js_sys::Reflect::set(&options, &"steal".into(), &JsValue::TRUE).ok()?,
            Ask::Wait => true,
        };
        let review = id.to_string();
        let granted = Closure::once_into_js(move |lock: JsValue| -> JsValue {
            if lock.is_null() || lock.is_undefined() {
                set_tab(generation, Tab::OpenElsewhere);
                request_lock(generation, &review, Ask::Wait);
                return JsValue::UNDEFINED;
            }
            let current =
                OPEN.with_borrow(|o| o.as_ref().is_some_and(|o| o.generation == generation));
            if ask == Ask::Wait && current {
                // The other tab's last changes first.
                catch_up();
            }
            // Held until `release` resolves this promise.
            let mut resolver = None;
            let held = js_sys::Promise::new(&mut |resolve, _| resolver = Some(resolve));
            if let Some(resolve) = resolver {
                if !hold(generation, resolve.clone()) {
                    // The page closed meanwhile: let go at once.
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
            held.into()
        });
        let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let promise = request
            .call3(&locks, &lock_name(id).into(), &options, &granted)
            .ok()?;
        promise.dyn_into::<js_sys::Promise>().ok()
    });
    let Some(promise) = requested else {
        // No Web Locks here: the revision guard alone keeps tabs apart.
        set_tab(generation, Tab::Editing);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
            taken_over(generation);
        }
    });
}

/// Keep the lock's release for this opening; false if it is gone.
fn hold(generation: u64, release: js_sys::Function) -> bool {
    let held = OPEN.with_borrow_mut(
        |o| match o.as_mut().filter(|o| o.generation == generation) {
            Some(o) => {
                o.release = Some(release);
                true
            }
            None => false,
        },
    );
    if held {
        set_tab(generation, Tab::Editing);
    }
    held
}

fn set_tab(generation: u64, tab: Tab) {
    let current = OPEN.with_borrow(|o| o.as_ref().is_some_and(|o| o.generation == generation));
    if let (true, Some(app)) = (current, app()) {
        set_if_changed(app.tab, tab);
    }
}

/// Another tab took the lock: store what this one has, then only read.
fn taken_over(generation: u64) {
    let current =
        OPEN.with_borrow_mut(
            |o| match o.as_mut().filter(|o| o.generation == generation) {
                Some(o) => {
                    o.release = None;
                    true
                }
                None => false,
            },
        );
    if current {
        flush();
        set_tab(generation, Tab::TakenOver);
    }
}

/// "Edit here instead": catch up with what the other tab stored, then take
/// the lock from it (it stores its last changes and turns read-only).
pub fn take_over() {
    let Some((generation, id)) =
        OPEN.with_borrow(|o| o.as_ref().map(|o| (o.generation, o.id.clone())))
    else {
        return;
    };
    catch_up();
    if lock_manager().is_none() {
        set_tab(generation, Tab::Editing);
        return;
    }
    request_lock(generation, &id, Ask::Steal);
}

// ---- Downloading what could not be stored -------------------------------------

/// The open review as this tab has it (with changes not yet stored), for
/// downloading as a backup when the device's storage would not keep it.
pub fn open_review() -> Result<Review, String> {
    OPEN.with_borrow(|o| {
        o.as_ref()
            .and_then(|o| o.review.try_get_untracked().or_else(|| o.unsaved.clone()))
    })
    .ok_or_else(|| tr!("the review is no longer open"))
}
