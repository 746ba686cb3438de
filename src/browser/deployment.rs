//! Where this copy of the app is published: the folder its files are served
//! from (`/`, or `/test/` when a team hosts it in a folder). One build works
//! in any folder (its `index.html` names its files relative to itself), and
//! two folders on one origin are two deployments that share nothing: each
//! has its own storage keys, database, locks (`review_core::draft::
//! namespace_for`) and service-worker caches (`public/sw.js`).
//!
//! An address inside the app (`/test/review/…`) that a host cannot answer
//! with the app's files comes back as the folder with that address after a
//! `#` (`/test/#/test/review/…`: docs/deploy.md asks hosts for this redirect,
//! and the service worker does the same offline); [`start`] puts the address
//! back before the router reads it.

use std::sync::OnceLock;
use wasm_bindgen::JsCast;

static BASE: OnceLock<String> = OnceLock::new();

/// The folder the app is published in, from the address of the script that
/// started it (Trunk's loader tag), with a `/` at each end: `/`, `/test/`.
pub fn base_path() -> &'static str {
    BASE.get_or_init(|| {
        let script = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("script[data-wasm]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlScriptElement>().ok())
            .map(|s| s.src())
            .unwrap_or_default();
        web_sys::Url::new(&script)
            .map(|url| folder_of(&url.pathname()))
            .unwrap_or_else(|_| "/".into())
    })
}

/// The folder of a path: everything up to and including its last `/`.
pub fn folder_of(path: &str) -> String {
    match path.rfind('/') {
        Some(end) => path[..=end].to_string(),
        None => "/".into(),
    }
}

/// The router's base: the folder without its last `/` (empty at the root).
pub fn router_base() -> String {
    base_path().trim_end_matches('/').to_string()
}

/// A path of the browser's address as the router's routes name it: without
/// the folder (`/test/review/a` is `/review/a`).
pub fn in_app(pathname: &str) -> &str {
    let base = base_path().trim_end_matches('/');
    match pathname.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => pathname,
    }
}

/// The address of one of the app's own files (`symbols/heart.svg`).
pub fn file(path: &str) -> String {
    format!("{}{}", base_path(), path.trim_start_matches('/'))
}

/// The address a redirect to the folder carried after `#`, if it is one of
/// this deployment's: a path in the folder, never another origin's or
/// another folder's.
pub fn carried_address(folder: &str, pathname: &str, hash: &str) -> Option<String> {
    let at_folder = pathname == folder || pathname == format!("{folder}index.html");
    let address = hash.strip_prefix('#')?;
    (at_folder && address.starts_with(folder) && !address.starts_with("//"))
        .then(|| address.to_string())
}

/// Set up this deployment before anything reads storage or the address:
/// its storage namespace, and the address a redirect carried put back.
pub fn start() {
    let folder = base_path();
    review_core::draft::set_deployment(folder);
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(pathname), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    if let Some(address) = carried_address(folder, &pathname, &hash) {
        // The page's links (icon, manifest) name their files relative to
        // the folder, and the browser may fetch them after the address
        // changes: fix each to the address it has now.
        if let Some(links) = window
            .document()
            .and_then(|d| d.query_selector_all("link[href]").ok())
        {
            for i in 0..links.length() {
                if let Some(link) = links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlLinkElement>().ok())
                {
                    let _ = link.set_attribute("href", &link.href());
                }
            }
        }
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    }
}

/// The `href` of a link to one of the app's addresses (`/settings`), in this
/// deployment's folder (`/test/settings`). The router's `A` takes an address
/// starting with `/` as it is (its navigate adds the folder itself): every
/// `A` of the app goes through this, so the rest of the app names its
/// addresses without the folder.
pub fn href(path: impl AsRef<str>) -> String {
    format!("{}{}", router_base(), path.as_ref())
}
