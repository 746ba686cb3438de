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

/// Where focus should go once the item holding the element `id` (a card of
/// a list: the nearest `li` or `.app-card`) is removed: the next item's
/// heading, or else the heading above the list; never the page's body.
/// Found before the removal, while the item is still there; run the result
/// after it, once the page is redrawn.
pub fn after_removing(id: &str) -> impl FnOnce() + 'static {
    use wasm_bindgen::JsCast;
    let item = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.closest("li, .app-card").ok().flatten());
    let heading_in = |el: &web_sys::Element| {
        if el.matches("h2, h3, h4").unwrap_or(false) {
            Some(el.clone())
        } else {
            el.query_selector("h2, h3, h4").ok().flatten()
        }
    };
    let target = item.and_then(|item| {
        if let Some(next) = item.next_element_sibling().and_then(|n| heading_in(&n)) {
            return Some(next);
        }
        // The heading above the list: before the item, or before its list.
        let mut at = if item.tag_name() == "LI" {
            item.parent_element()?
        } else {
            item
        };
        loop {
            at = at.previous_element_sibling()?;
            if at.matches("h2, h3, h4").unwrap_or(false) {
                return Some(at);
            }
        }
    });
    move || {
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
}
