//! Design primitives shared by every page (BEM classes in `style/components.css`).

mod date_input;
mod display;
mod error_summary;
mod fields;
mod list_part;
mod page;
mod part_page;
mod person_choice;
mod remarks;
mod task_list;
mod turn;

pub use date_input::DateInput;
pub use display::{
    easy_read, provide_display_settings, use_display, DisplayControl, DisplayState, EasyReadBox,
    EasyWords, ReadAloud, Symbol,
};
pub use error_summary::ErrorSummary;
pub use fields::{Checkboxes, Choice, Radios, Select, TextArea, TextInput};
pub use list_part::{
    or_not_yet, AddButton, ListCard, ListErrorSummary, ListQuestion, ListState, RemoveWithConfirm,
    ShortAnswers,
};
pub use page::{BackLink, Page};
pub use part_page::PartPage;
pub use person_choice::PersonChoice;
pub use remarks::ResourceRemarks;
pub use task_list::TaskList;
pub use turn::{PassTheTablet, TurnBanner};

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
