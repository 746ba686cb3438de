//! Display settings, one tap away on every screen: text size, high contrast,
//! easy read and less movement (the panel: `display_panel`), and the
//! pictures easy read shows.
//!
//! The settings are the device's, not a review's. They are shown as classes
//! on `<html>` (the tokens in `style/tokens.css` change with them), and kept
//! in localStorage in the draft envelope of `review_core::draft`.

use leptos::prelude::*;
use review_core::display::ALL_CLASSES;
use review_core::draft;
use review_core::tr;
use review_core::DisplaySettings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The device's display settings. Created once at the root, so they
/// outlive every screen.
#[derive(Clone, Copy)]
pub struct DisplayState {
    pub settings: RwSignal<DisplaySettings>,
    /// Why the last change could not be kept on the device, if it could not.
    pub(super) problem: RwSignal<Option<String>>,
}

/// Load the stored settings, show them on `<html>` straight away (before the
/// first screen is drawn), and keep them applied and saved as they change.
/// Call once, at the top of the root component.
pub fn provide_display_settings() {
    let stored = read_stored();
    let settings = draft::display_or_default(stored.as_deref());
    apply_classes(&settings);
    let display = DisplayState {
        settings: RwSignal::new(settings),
        problem: RwSignal::new(None),
    };
    let remake = use_context::<crate::state::Remake>();
    // An effect talks to the outside world: the page's classes and storage.
    // Not run at first: what is stored is already on the page.
    Effect::watch(
        move || display.settings.get(),
        move |settings, before, _| {
            apply_classes(settings);
            display.problem.set(save(settings).err());
            // Another language: its words are fetched, then every screen is
            // made afresh in it (a draft is saved first, as at a turn).
            // While the screens follow the language chosen for the person
            // holding the tablet, the tablet's own is kept for later.
            let holder = crate::browser::language::holder();
            if before.is_some_and(|b| b.language != settings.language) && holder.is_none() {
                let lang = settings.language;
                leptos::task::spawn_local(async move {
                    crate::browser::language::load(lang).await;
                    crate::browser::language::mark_chosen();
                    if let Some(remake) = remake {
                        remake.now();
                    }
                });
            }
        },
        false,
    );
    provide_context(display);
}

/// The display settings, or the standard ones where none were provided (for
/// a component tested on its own).
pub fn use_display() -> Option<DisplayState> {
    use_context::<DisplayState>()
}

/// Whether each question of the meeting has Read aloud: asked for, or in
/// easy read.
pub fn read_aloud_beside_questions() -> Signal<bool> {
    let display = use_display();
    Signal::derive(move || {
        display.is_some_and(|d| d.settings.with(|s| s.read_aloud || s.easy_read))
    })
}

/// Whether easy read is on: short sentences and symbols.
pub fn easy_read() -> Signal<bool> {
    let display = use_display();
    Signal::derive(move || display.is_some_and(|d| d.settings.with(|s| s.easy_read)))
}

// ---- The page and the device ----------------------------------------------

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn apply_classes(settings: &DisplaySettings) {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let list = root.class_list();
    let on = settings.classes();
    for class in ALL_CLASSES {
        let _ = if on.contains(&class) {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_stored() -> Option<String> {
    local_storage()?
        .get_item(&draft::display_key())
        .ok()
        .flatten()
}

/// Save the settings. What is stored but cannot be read (say, from a newer
/// version of the app) is copied aside first, as the other settings are.
fn save(settings: &DisplaySettings) -> Result<(), String> {
    let storage = local_storage()
        .ok_or_else(|| tr!("this browser does not let the app keep anything on this device"))?;
    let key = draft::display_key();
    let refused = |e: JsValue| {
        let full = e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|d| d.name() == "QuotaExceededError");
        if full {
            tr!("this device's storage for the app is full")
        } else {
            tr!("the browser refused to save")
        }
    };
    if let Ok(Some(existing)) = storage.get_item(&key) {
        if draft::decode_display(&existing).is_err() {
            storage
                .set_item(&draft::kept_aside_key("display"), &existing)
                .map_err(refused)?;
        }
    }
    storage
        .set_item(&key, &draft::encode_display(settings))
        .map_err(refused)
}

// ---- Components -----------------------------------------------------------

/// A face (a rating's point, or how a review was for someone), drawn in the
/// text colour only (no fills of colour) so it follows high-contrast and
/// forced-colours themes; `mouth` is its mouth's path, the same drawing the
/// readable copies use (`review_core::readable`). Each shape says
/// `fill="none"` itself: base.css gives every `svg` a `fill: currentColor`,
/// which beats the attribute on the `svg`.
#[component]
pub fn Face(
    /// The mouth's SVG path.
    mouth: &'static str,
) -> impl IntoView {
    view! {
        <svg class="app-rating__symbol" aria-hidden="true" focusable="false" viewBox="0 0 48 48"
            fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
            <circle cx="24" cy="24" r="21" fill="none" />
            <circle cx="17" cy="18" r="1.5" fill="none" />
            <circle cx="31" cy="18" r="1.5" fill="none" />
            <path d=mouth fill="none" />
        </svg>
    }
}

/// One of our symbols from `public/symbols/` (see `review_core::library::symbol_for`).
/// Decorative: the words it stands for are always written beside it.
#[component]
pub fn Symbol(
    /// The symbol's name, the file name without `.svg`.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    view! {
        <img class="app-symbol" src=crate::browser::deployment::file(&format!("symbols/{name}.svg")) alt="" width="64" height="64" />
    }
}

/// A criterion in easy read: its symbol and its short sentence (or, for one
/// written at the meeting, its own words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EasyWords {
    pub symbol: &'static str,
    pub sentence: String,
}

impl EasyWords {
    pub fn of(criterion: &review_core::Criterion) -> Self {
        let easy = review_core::i18n::seed(criterion.easy_read.trim());
        let easy = easy.as_str();
        EasyWords {
            symbol: review_core::library::symbol_for(&criterion.source),
            sentence: if easy.is_empty() {
                review_core::i18n::seed(criterion.wording.trim())
            } else {
                easy.to_string()
            },
        }
    }
}

/// A criterion's symbol with its easy-read sentence beside it.
#[component]
pub fn EasyReadBox(
    /// The symbol and sentence to show.
    words: EasyWords,
) -> impl IntoView {
    view! {
        <div class="app-easy-read-box">
            <Symbol name=words.symbol />
            <p class="app-easy-read-box__text">{words.sentence}</p>
        </div>
    }
}
