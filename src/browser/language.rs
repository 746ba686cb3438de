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
