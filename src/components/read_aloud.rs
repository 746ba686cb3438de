//! Read aloud (P18): a button beside a question that says it, and its
//! choices, with the browser's speech synthesis in a voice of the page's
//! language. Where the device has no such voice, the button says so in
//! plain words instead of doing nothing. While a voice reads, the words are
//! highlighted on screen where the browser allows (the CSS Custom
//! Highlight API, `::highlight(read-aloud)` in the stylesheet).

use leptos::prelude::*;
use review_core::tr;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One piece of what is read: its words, and the element on screen that
/// shows them (highlighted as they are read), if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spoken {
    pub text: String,
    pub shown_in: Option<String>,
}

impl Spoken {
    /// Words that are not shown in one element of their own.
    pub fn said(text: impl Into<String>) -> Self {
        Spoken {
            text: text.into(),
            shown_in: None,
        }
    }
    /// Words shown in the element with id `id`.
    pub fn shown(text: impl Into<String>, id: impl Into<String>) -> Self {
        Spoken {
            text: text.into(),
            shown_in: Some(id.into()),
        }
    }
}

fn speech() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // Some web views have no speech synthesis at all.
    js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis"))
        .ok()
        .filter(|has| *has)?;
    window.speech_synthesis().ok()
}

/// The page's language ("en-GB" unless `<html lang>` says otherwise).
fn page_language() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "en-GB".into())
}

/// A language's name for the message, from its primary subtag.
fn language_name(lang: &str) -> String {
    match lang
        .split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "en" => tr!("English"),
        "cy" => tr!("Welsh"),
        "ur" => tr!("Urdu"),
        other => other.to_string(),
    }
}

/// The best voice for `lang`: one of exactly that language, else one of the
/// same primary language ("en-US" for "en-GB"), as (voice, its language).
fn voice_for(synth: &web_sys::SpeechSynthesis, lang: &str) -> Option<(JsValue, String)> {
    let primary = |l: &str| {
        l.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let voices: Vec<(JsValue, String)> = synth
        .get_voices()
        .iter()
        .filter_map(|v| {
            let l = js_sys::Reflect::get(&v, &JsValue::from_str("lang"))
                .ok()?
                .as_string()?;
            Some((v, l))
        })
        .collect();
    let wanted = lang.replace('_', "-").to_ascii_lowercase();
    voices
        .iter()
        .find(|(_, l)| l.replace('_', "-").to_ascii_lowercase() == wanted)
        .or_else(|| voices.iter().find(|(_, l)| primary(l) == primary(lang)))
        .cloned()
}

/// A handler of the speech's events.
type Handler = Closure<dyn FnMut(JsValue)>;

/// Whether the device has a voice for the page's language (a context).
#[derive(Clone, Copy)]
struct Voices(RwSignal<bool>);

/// Whether the device has a voice for the page's language, kept up to date
/// (voices often arrive after the page has loaded: `voiceschanged`). Call
/// once, at the root.
pub fn provide_voices() {
    let has = || speech().is_some_and(|s| voice_for(&s, &page_language()).is_some());
    let can = RwSignal::new(has());
    if let Some(synth) = speech() {
        let on_change = Closure::<dyn Fn()>::new(move || {
            can.try_set(has());
        });
        let _ = synth
            .add_event_listener_with_callback("voiceschanged", on_change.as_ref().unchecked_ref());
        // Listens for the life of the page, as the signal it sets lives at the root.
        on_change.forget();
    }
    // The page's language changed (issue 30: a person with their own
    // language took the tablet): asked again for that language.
    crate::browser::language::on_change(move || {
        can.try_set(has());
    });
    provide_context(Voices(can));
}

thread_local! {
    /// The handlers of what is being read now (each word; the end), dropped
    /// when the next reading starts.
    static READING: RefCell<Option<(Handler, Handler)>> = const { RefCell::new(None) };
}

const HIGHLIGHT: &str = "read-aloud";

/// The highlight registry (`CSS.highlights`) and the `Highlight` type, where
/// the browser has them.
fn highlights() -> Option<(JsValue, js_sys::Function)> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &JsValue::from_str("CSS")).ok()?;
    let registry = js_sys::Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
    let class = js_sys::Reflect::get(&global, &JsValue::from_str("Highlight")).ok()?;
    (!registry.is_undefined() && class.is_function()).then(|| (registry, class.unchecked_into()))
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) {
    if let Ok(f) = js_sys::Reflect::get(target, &JsValue::from_str(method)) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let list: js_sys::Array = args.iter().copied().collect();
            let _ = f.apply(target, &list);
        }
    }
}

fn clear_highlight() {
    if let Some((registry, _)) = highlights() {
        call(&registry, "delete", &[&JsValue::from_str(HIGHLIGHT)]);
    }
}

/// Highlight characters `start..end` of the text of the element `id`.
fn highlight(id: &str, start: u32, end: u32) -> Option<()> {
    let (registry, class) = highlights()?;
    let document = web_sys::window()?.document()?;
    let element = document.get_element_by_id(id)?;
    // The words are in the element's first text node (a span of words).
    let text = element
        .first_child()
        .filter(|n| n.node_type() == web_sys::Node::TEXT_NODE)?;
    let length = text
        .text_content()
        .map(|t| t.encode_utf16().count() as u32)
        .unwrap_or(0);
    let range = document.create_range().ok()?;
    range.set_start(&text, start.min(length)).ok()?;
    range.set_end(&text, end.min(length)).ok()?;
    let args: js_sys::Array = [JsValue::from(range)].iter().collect();
    let mark = js_sys::Reflect::construct(&class, &args).ok()?;
    call(&registry, "set", &[&JsValue::from_str(HIGHLIGHT), &mark]);
    Some(())
}

/// Say `parts` in a voice of the page's language, stopping anything still
/// being said; the reason in plain words when it cannot.
fn speak(parts: &[Spoken]) -> Result<(), String> {
    let synth = speech().ok_or_else(|| {
        tr!("This browser cannot read aloud. The words can be read out by someone in the room.")
    })?;
    let lang = page_language();
    let (voice, voice_lang) = voice_for(&synth, &lang).ok_or_else(|| {
        tr!("This tablet has no {lang} voice to read aloud. One can be added in the tablet’s settings, under text-to-speech.", lang = language_name(&lang))
    })?;
    synth.cancel();
    clear_highlight();
    // Where each piece starts in the whole text (in UTF-16 units, as the
    // browser counts the place being read).
    let mut text = String::new();
    let mut starts = Vec::new();
    for part in parts {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push((text.encode_utf16().count() as u32, part.clone()));
        text.push_str(&part.text);
    }
    let utterance = web_sys::SpeechSynthesisUtterance::new_with_text(&text)
        .map_err(|_| tr!("The words could not be read aloud."))?;
    utterance.set_lang(&voice_lang);
    // A voice the browser gave is set as it is; a value it refuses leaves
    // the browser to choose by the language.
    let _ = js_sys::Reflect::set(&utterance, &JsValue::from_str("voice"), &voice);
    let on_word = Handler::new(move |event: JsValue| {
        let number = |key: &str| {
            js_sys::Reflect::get(&event, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_f64())
                .map(|n| n as u32)
        };
        let Some(at) = number("charIndex") else {
            return;
        };
        let length = number("charLength").filter(|n| *n > 0).unwrap_or(1);
        clear_highlight();
        if let Some((
            start,
            Spoken {
                shown_in: Some(id), ..
            },
        )) = starts.iter().rev().find(|(start, _)| *start <= at)
        {
            highlight(id, at - start, at - start + length);
        }
    });
    let on_end = Handler::new(|_| clear_highlight());
    let _ = js_sys::Reflect::set(
        &utterance,
        &JsValue::from_str("onboundary"),
        on_word.as_ref(),
    );
    let _ = js_sys::Reflect::set(&utterance, &JsValue::from_str("onend"), on_end.as_ref());
    let _ = js_sys::Reflect::set(&utterance, &JsValue::from_str("onerror"), on_end.as_ref());
    READING.with(|r| *r.borrow_mut() = Some((on_word, on_end)));
    synth.speak(&utterance);
    Ok(())
}

/// The button's speaker, drawn in the text colour.
const SPEAKER: &str = r#"<path d="M3 9 H7 L12 4 V20 L7 15 H3 Z"/><path d="M15.5 8.5 A5 5 0 0 1 15.5 15.5 M18.5 5.5 A9 9 0 0 1 18.5 18.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>"#;

/// A "Read aloud" button that says `text`; each tap starts again from the
/// beginning. Where the device cannot read aloud, a tap says why, in a
/// polite live region beside it.
#[component]
pub fn ReadAloud(
    /// What to say, piece by piece, as written on the screen.
    #[prop(into)]
    text: Signal<Vec<Spoken>>,
    /// What it reads, for the button's name ("Read aloud: Who gets a copy?";
    /// its visible words start it, as a voice user says them).
    #[prop(optional, into)]
    about: Option<String>,
    /// Offer it only where the device has a voice (a screen's extra Read
    /// aloud in the standard display); otherwise it is always there and a
    /// tap says why it cannot read.
    #[prop(optional)]
    only_with_voice: bool,
) -> impl IntoView {
    let can = use_context::<Voices>();
    let offered = move || !only_with_voice || can.is_some_and(|c| c.0.get());
    let problem = RwSignal::new(None::<String>);
    let label = about.map(|a| tr!("Read aloud: {a}", a = a));
    let press = move |_| problem.set(speak(&text.get_untracked()).err());
    view! {
        <Show when=offered>
        <div class="app-button-group app-read-aloud">
            <button type="button" class="app-button app-button--secondary" on:click=press
                aria-label=label.clone()>
                <svg class="app-read-aloud__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" inner_html=SPEAKER></svg>
                {tr!("Read aloud")}
            </button>
        </div>
        <p class="app-read-aloud__message" class:app-read-aloud__message--shown=move || problem.with(Option::is_some)
            role="status">{move || problem.get()}</p>
        </Show>
    }
}
