//! Moving focus where a screen reader and a keyboard user should be next,
//! as the error summary's links do.

/// Focus (and scroll to) the element with `id`, as the error summary's links do.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
