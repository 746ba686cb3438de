//! The device's share sheet (Web Share with files: a tablet's email,
//! messages, nearby sharing or files), where the browser has one. Without
//! it (most desktop browsers) nothing is offered, and saving or printing
//! remain.

use js_sys::{Array, Function, Object, Promise, Reflect};
use review_core::tr;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// One file to share: its name, type and text.
pub struct ShareFile {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// How a share ended.
pub enum Shared {
    Done,
    /// The person closed the share sheet without choosing.
    Cancelled,
}

fn navigator_method(name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let method = Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    Some((navigator, method.dyn_into().ok()?))
}

/// `{title, files}` as Web Share takes it.
fn data(title: &str, files: &[ShareFile]) -> Option<JsValue> {
    let list = Array::new();
    for f in files {
        let options = web_sys::FilePropertyBag::new();
        options.set_type(f.mime);
        let parts = Array::of1(&JsValue::from_str(&f.text));
        let file =
            web_sys::File::new_with_str_sequence_and_options(&parts, &f.name, &options).ok()?;
        list.push(&file);
    }
    let data = Object::new();
    Reflect::set(&data, &"title".into(), &JsValue::from_str(title)).ok()?;
    Reflect::set(&data, &"files".into(), &list).ok()?;
    Some(data.into())
}

/// Whether this browser can share these files.
pub fn can_share(files: &[ShareFile]) -> bool {
    let (Some((navigator, can)), Some(_)) =
        (navigator_method("canShare"), navigator_method("share"))
    else {
        return false;
    };
    data("", files)
        .and_then(|d| can.call1(&navigator, &d).ok())
        .is_some_and(|ok| ok.is_truthy())
}

/// Open the share sheet with `files`.
pub async fn share(title: &str, files: &[ShareFile]) -> Result<Shared, String> {
    let (navigator, share) = navigator_method("share").ok_or("this browser cannot share files")?;
    let data = data(title, files).ok_or("the files could not be made ready to share")?;
    let promise: Promise = share
        .call1(&navigator, &data)
        .map_err(|_| tr!("the browser would not share the files"))?
        .dyn_into()
        .map_err(|_| tr!("the browser would not share the files"))?;
    match JsFuture::from(promise).await {
        Ok(_) => Ok(Shared::Done),
        Err(e) => {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "AbortError" {
                Ok(Shared::Cancelled)
            } else {
                let message = Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or(name);
                Err(tr!(
                    "the files could not be shared ({message})",
                    message = message
                ))
            }
        }
    }
}
