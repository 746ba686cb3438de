//! Saving a file from the page: a Blob behind a temporary object URL.

use review_core::tr;
use wasm_bindgen::JsCast;

/// Offer `contents` as a download called `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |_| tr!("the browser would not save the file");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoking at once can cancel the download in some browsers; give it time.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Offer what is kept on this device under a key, exactly as it is (a
/// review or key the app cannot read, for someone who can look into it).
pub fn kept_as_it_is(file_name: &str, kept: Option<String>) -> Result<(), String> {
    let kept = kept.ok_or("it is no longer on this device")?;
    download(file_name, "application/json", &kept)
}
