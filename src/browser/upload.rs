//! Reading a file the person chose with a file input, on this device: the
//! chosen file of a change event, and its bytes up to a size cap (a file
//! over the cap is never read). Nothing is sent anywhere.

use review_core::tr;
use wasm_bindgen::JsCast;

/// The file chosen in the input a change event came from, if any.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.unchecked_into();
    input.files().and_then(|f| f.get(0))
}

/// Why a chosen file was not read, in words for the person at the tablet.
#[derive(Clone, Debug, PartialEq)]
pub enum NotRead {
    /// Larger than the cap; the size in bytes.
    TooLarge(f64),
    /// The browser could not read it.
    Failed,
}

impl std::fmt::Display for NotRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotRead::TooLarge(size) => write!(
                f,
                "The file is {:.1} MB, far larger than any file of this kind, so it was not read",
                size / 1_000_000.0
            ),
            NotRead::Failed => f.write_str(&tr!("The browser could not read the file. Choose it again, or copy it to this device first")),
        }
    }
}

/// The file's bytes, if it is no larger than `max_bytes`.
pub async fn read_bytes(file: &web_sys::File, max_bytes: f64) -> Result<Vec<u8>, NotRead> {
    if file.size() > max_bytes {
        return Err(NotRead::TooLarge(file.size()));
    }
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|_| NotRead::Failed)
}
