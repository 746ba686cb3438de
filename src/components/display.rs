//! Display settings, one tap away on every screen: text size, high contrast,
//! easy read and less movement (a native `<dialog>` opened from the header),
//! plus read-aloud of a question with the browser's speech synthesis.
//!
//! The settings are the device's, not a review's. They are shown as classes
//! on `<html>` (the tokens in `style/tokens.css` change with them), and kept
//! in localStorage in the draft envelope of `review_core::draft`.

use leptos::html;
use leptos::prelude::*;
use review_core::display::ALL_CLASSES;
use review_core::draft;
use review_core::{DisplaySettings, TextSize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::fields::{Checkboxes, Choice, Radios};

/// The device's display settings and whether the browser can read aloud.
/// Created once at the root, so both outlive every screen.
#[derive(Clone, Copy)]
pub struct DisplayState {
    pub settings: RwSignal<DisplaySettings>,
    /// True when `speechSynthesis.getVoices()` offers at least one voice.
    pub can_read_aloud: RwSignal<bool>,
    /// Why the last change could not be kept on the device, if it could not.
    problem: RwSignal<Option<String>>,
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
        can_read_aloud: RwSignal::new(voices_offered()),
        problem: RwSignal::new(None),
    };
    watch_voices(display.can_read_aloud);
    // An effect talks to the outside world: the page's classes and storage.
    // Not run at first: what is stored is already on the page.
    Effect::watch(
        move || display.settings.get(),
        move |settings, _, _| {
            apply_classes(settings);
            display.problem.set(save(settings).err());
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
    let storage = local_storage().ok_or_else(|| {
        "this browser does not let the app keep anything on this device".to_string()
    })?;
    let key = draft::display_key();
    let refused = |e: JsValue| {
        let full = e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|d| d.name() == "QuotaExceededError");
        if full {
            "this device's storage for the app is full".to_string()
        } else {
            "the browser refused to save".to_string()
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

// ---- Speech ---------------------------------------------------------------

fn speech() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // Some web views have no speech synthesis at all.
    js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis"))
        .ok()
        .filter(|has| *has)?;
    window.speech_synthesis().ok()
}

fn voices_offered() -> bool {
    speech().is_some_and(|s| s.get_voices().length() > 0)
}

/// Voices often arrive after the page has loaded: `voiceschanged` says so.
fn watch_voices(can_read_aloud: RwSignal<bool>) {
    let Some(synth) = speech() else {
        return;
    };
    let on_change = Closure::<dyn Fn()>::new(move || {
        can_read_aloud.try_set(voices_offered());
    });
    let _ =
        synth.add_event_listener_with_callback("voiceschanged", on_change.as_ref().unchecked_ref());
    // Listens for the life of the page, as the signal it sets lives at the root.
    on_change.forget();
}

/// Say `text` in the page's language, stopping anything still being said.
fn speak(text: &str) {
    let Some(synth) = speech() else {
        return;
    };
    synth.cancel();
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    let lang = document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "en-GB".into());
    utterance.set_lang(&lang);
    synth.speak(&utterance);
}

// ---- Components -----------------------------------------------------------

/// The "Display" button for the header, and the panel it opens.
#[component]
pub fn DisplayControl() -> impl IntoView {
    let Some(display) = use_display() else {
        return ().into_any();
    };
    let settings = display.settings;
    let dialog = NodeRef::<html::Dialog>::new();
    let toggle = NodeRef::<html::Button>::new();
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // However the panel closes (its button, Escape), focus goes back to the
    // button that opened it, so nobody loses their place.
    let closed = move |_| {
        if let Some(b) = toggle.get() {
            let _ = b.focus();
        }
    };
    let text_size = Signal::derive(move || Some(settings.with(|s| s.text_size)));
    let set_text_size =
        Callback::new(move |size: TextSize| settings.update(|s| s.text_size = size));
    let contrast = Signal::derive(move || Some(settings.with(|s| s.high_contrast)));
    let set_contrast = Callback::new(move |on: bool| settings.update(|s| s.high_contrast = on));
    let extras = Signal::derive(move || {
        settings.with(|s| {
            let mut on = Vec::new();
            if s.easy_read {
                on.push(Extra::EasyRead);
            }
            if s.reduce_motion {
                on.push(Extra::LessMovement);
            }
            on
        })
    });
    let set_extra = Callback::new(move |(extra, on): (Extra, bool)| {
        settings.update(|s| match extra {
            Extra::EasyRead => s.easy_read = on,
            Extra::LessMovement => s.reduce_motion = on,
        })
    });
    let reset = move |_| settings.set(DisplaySettings::default());
    view! {
        <button type="button" class="app-display-toggle" aria-haspopup="dialog" node_ref=toggle on:click=open>
            <svg class="app-display-toggle__icon" aria-hidden="true" focusable="false" viewBox="0 0 32 24">
                <path d="M1 22 L8 3 H10 L17 22 H13.6 L11.8 17 H6.2 L4.4 22 Z M7.2 14 H10.8 L9 8.6 Z" />
                <path d="M19 22 L24 8.5 H26 L31 22 H28.4 L27.2 18.6 H22.8 L21.6 22 Z M23.6 16.2 H26.4 L25 12 Z" />
            </svg>
            "Display"
        </button>
        <dialog class="app-dialog app-display" aria-labelledby="display-title" node_ref=dialog on:close=closed>
            // The panel may be taller than the screen: opening on its title
            // (not its first control) keeps the top in view and is read first.
            <h2 class="app-dialog__title" id="display-title" tabindex="-1" autofocus>"Display"</h2>
            <div class="app-dialog__body">
                <p class="app-body">"Changes here are for every screen on this device."</p>
                <Radios id="display-text-size" legend="Text size" inline=true
                    choices=Choice::list(&TextSize::ALL, TextSize::key, TextSize::label)
                    value=text_size on_change=set_text_size />
                <Radios id="display-contrast" legend="Colours"
                    choices=vec![
                        Choice::new(false, "standard", "Standard colours"),
                        Choice::new(true, "high", "High contrast: white and yellow on black"),
                    ]
                    value=contrast on_change=set_contrast />
                <Checkboxes id="display-extras" legend="More help" hint="Choose any that help."
                    choices=vec![
                        Choice::new(Extra::EasyRead, "easy-read", "Easy read: short sentences and pictures"),
                        Choice::new(Extra::LessMovement, "less-movement", "Less movement on the screen"),
                    ]
                    value=extras on_toggle=set_extra />
                {move || display.problem.get().map(|why| view! {
                    <p class="app-error-message" role="alert">{format!("This is not kept on the device: {why}.")}</p>
                })}
            </div>
            <div class="app-dialog__actions">
                <button type="button" class="app-button" on:click=close>"Close"</button>
                <button type="button" class="app-button app-button--secondary" on:click=reset>"Go back to the standard display"</button>
            </div>
        </dialog>
    }
    .into_any()
}

/// The choices of "More help" in the panel.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Extra {
    EasyRead,
    LessMovement,
}

/// A "Read aloud" button that says `text` with the browser's speech
/// synthesis, in the page's language. Shown only when the browser offers a
/// voice; each tap starts again from the beginning.
#[component]
pub fn ReadAloud(
    /// What to say: the question on screen and its options, as written there.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let can = use_display().map(|d| d.can_read_aloud);
    let shown = move || can.is_some_and(|c| c.get());
    view! {
        <Show when=shown>
            <div class="app-button-group app-read-aloud">
                <button type="button" class="app-button app-button--secondary" on:click=move |_| speak(&text.get_untracked())>
                    <svg class="app-read-aloud__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">
                        <path d="M3 9 H7 L12 4 V20 L7 15 H3 Z" />
                        <path d="M15.5 8.5 A5 5 0 0 1 15.5 15.5 M18.5 5.5 A9 9 0 0 1 18.5 18.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                    </svg>
                    "Read aloud"
                </button>
            </div>
        </Show>
    }
}

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
        let easy = criterion.easy_read.trim();
        EasyWords {
            symbol: review_core::library::symbol_for(&criterion.source),
            sentence: if easy.is_empty() {
                criterion.wording.trim().to_string()
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
