//! The words of a language other than English (issue 30): its file beside
//! the app (`lang/cy.json`), fetched when the language is chosen or the app
//! starts in it, and kept for offline use by the service worker like every
//! other file; and the page's `lang` and `dir`, so the browser, screen
//! readers and the stylesheet (`:dir(rtl)`, logical properties) follow.

use super::deployment;
use review_core::i18n::{self, Catalogue, Lang};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Why the chosen language could not be used, in English (its words
    /// are what could not be had).
    static PROBLEM: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The language was chosen just now (not at start): its notice shows.
    static JUST_CHOSEN: Cell<bool> = const { Cell::new(false) };
    /// The language last put in use (or tried: its file may not have
    /// come), English until another is.
    static TRIED: Cell<Lang> = const { Cell::new(Lang::EnGb) };
    /// The language chosen in P18 for the person holding the tablet now,
    /// which the screens follow (`follow`); none while the tablet's own
    /// is in use.
    static HOLDER: Cell<Option<Lang>> = const { Cell::new(None) };
    /// Each language's words once fetched, for a copy in its reader's
    /// language beside screens in another.
    static FETCHED: RefCell<Vec<(Lang, Rc<Catalogue>)>> = const { RefCell::new(Vec::new()) };
    /// What to do when the screens change language, before they are made
    /// afresh (Read aloud asks again for a voice).
    static CHANGED: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
}

/// `hook` runs each time the screens change language, before they are
/// made afresh in it.
pub fn on_change(hook: impl Fn() + 'static) {
    CHANGED.with(|c| *c.borrow_mut() = Some(Box::new(hook)));
}

/// The language the stored display settings ask for.
pub fn stored() -> Lang {
    let raw = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| {
            s.get_item(&review_core::draft::display_key())
                .ok()
                .flatten()
        });
    review_core::draft::display_or_default(raw.as_deref()).language
}

/// Puts `lang`'s words in use: fetches its file (none for English; the
/// pseudo-locale is made here), then sets the page's `lang` and `dir`.
/// Where the file cannot be had, the screens stay in English and say why.
pub async fn load(lang: Lang) {
    TRIED.with(|t| t.set(lang));
    let result = match lang {
        Lang::EnGb => Ok(None),
        Lang::Pseudo => Ok(Some(Catalogue::pseudo())),
        _ => fetch(lang).await.map(Some),
    };
    let problem = match result {
        Ok(catalogue) => {
            i18n::use_catalogue(catalogue.map(Rc::new));
            None
        }
        Err(why) => {
            i18n::use_catalogue(None);
            Some(format!(
                "The {} words could not be loaded ({why}), so the screens are in English.",
                english_name(lang)
            ))
        }
    };
    PROBLEM.with(|p| *p.borrow_mut() = problem);
    set_page(i18n::current_lang());
}

/// Its name in English, for the one message that cannot be in it.
fn english_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Cy => "Welsh",
        Lang::Ur => "Urdu",
        _ => "English",
    }
}

/// `lang`'s words, to make something in it beside the screens' own (a
/// copy in its reader's language): none for English, whose words are in
/// the code; fetched once, as `load` fetches them. Why they could not be
/// had is in English, as for `load`.
pub async fn catalogue(lang: Lang) -> Result<Option<Rc<Catalogue>>, String> {
    match lang {
        Lang::EnGb => return Ok(None),
        Lang::Pseudo => return Ok(Some(Rc::new(Catalogue::pseudo()))),
        _ => {}
    }
    if i18n::current_lang() == lang {
        return Ok(i18n::current());
    }
    if let Some(kept) = FETCHED.with(|f| {
        f.borrow()
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, c)| c.clone())
    }) {
        return Ok(Some(kept));
    }
    let fetched = Rc::new(fetch(lang).await.map_err(|why| {
        format!(
            "The {} words could not be loaded ({why}).",
            english_name(lang)
        )
    })?);
    FETCHED.with(|f| f.borrow_mut().push((lang, fetched.clone())));
    Ok(Some(fetched))
}

async fn fetch(lang: Lang) -> Result<Catalogue, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let url = deployment::file(lang.file().unwrap_or_default());
    let answer = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| "the tablet is offline and has not kept them yet".to_string())?;
    let response: web_sys::Response = answer
        .dyn_into()
        .map_err(|_| "the answer was not a file".to_string())?;
    if !response.ok() {
        return Err(format!("the host answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "the file could not be read")?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or("the file could not be read")?;
    Catalogue::from_json(&text).map_err(|e| e.to_string())
}

/// `<html lang dir>` for the language in use.
pub fn set_page(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
        let _ = root.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
    }
}

/// The screens follow the person holding the tablet (issue 30, P18):
/// `holder` is the language chosen for them, or none for the tablet's own
/// (the display settings'). Another language than the one in use is
/// fetched, and the app made afresh in it (what is waiting is stored
/// first); asking again for the one in use, or for one whose file could
/// not be had, does nothing, so the app is never made afresh in a loop.
pub fn follow(holder: Option<Lang>, remake: Option<crate::state::Remake>) {
    HOLDER.with(|h| h.set(holder));
    let want = holder.unwrap_or_else(stored);
    if want == TRIED.with(Cell::get) {
        return;
    }
    TRIED.with(|t| t.set(want));
    leptos::task::spawn_local(async move {
        load(want).await;
        mark_chosen();
        CHANGED.with(|c| {
            if let Some(hook) = c.borrow().as_ref() {
                hook();
            }
        });
        if let Some(remake) = remake {
            remake.now();
        }
    });
}

/// Outside a review (the home screen, the device's screens), the tablet's
/// own language, whoever held the tablet in the review before.
pub fn outside_reviews() {
    follow(None, leptos::prelude::use_context::<crate::state::Remake>());
}

/// The language chosen for the person holding the tablet, while the
/// screens follow it instead of the tablet's own.
pub fn holder() -> Option<Lang> {
    HOLDER.with(Cell::get)
}

/// Why the chosen language is not on screen, if it is not.
pub fn problem() -> Option<String> {
    PROBLEM.with(|p| p.borrow().clone())
}

/// Marks the language as chosen just now, for its notice.
pub fn mark_chosen() {
    JUST_CHOSEN.with(|c| c.set(true));
}

/// Whether the language was chosen just now; asking forgets it, so the
/// notice shows once.
pub fn take_just_chosen() -> bool {
    JUST_CHOSEN.with(|c| c.replace(false))
}
