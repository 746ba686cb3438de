//! The one way a screen asks for a file from the tablet: a labelled file
//! input, with a hint when the label alone does not say which file. Reading
//! and checking the file is the screen's (`browser::upload`); this only asks.

use leptos::prelude::*;

/// A file input in its form group; `on_change` receives the input's change
/// (read it with `upload::chosen_file`).
#[component]
pub fn FileChoice(
    /// The input's id, which its label points at.
    id: &'static str,
    /// Which file, in a few words ("Backup file").
    #[prop(into)]
    label: String,
    /// Where the file comes from, when the label does not say.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The file types offered first (the input's `accept`).
    accept: &'static str,
    #[prop(into)] on_change: Callback<leptos::ev::Event>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.as_ref().map(|_| hint_id.clone());
    view! {
        <div class="app-form-group">
            <label class="app-label app-label--s" for=id>{label}</label>
            {hint.map(|text| view! { <p class="app-hint" id=hint_id>{text}</p> })}
            <input type="file" id=id class="app-file-upload" aria-describedby=described
                accept=accept on:change=move |ev| on_change.run(ev) />
        </div>
    }
}
