//! What the screens say about their language (issue 30), under the header:
//! that a language just chosen has not yet been checked by a qualified
//! translator (in that language), or that its words could not be loaded
//! (in English, since they are what is missing).

use crate::browser::language;
use leptos::prelude::*;
use review_core::i18n;
use review_core::tr;

/// The notice, when there is something to say; closed with its button.
#[component]
pub fn LanguageNotice() -> impl IntoView {
    let problem = language::problem();
    let unreviewed = language::take_just_chosen()
        && i18n::current().is_some_and(|c| !c.reviewed && !c.is_pseudo());
    let text = match problem {
        Some(why) => Some(why),
        None if unreviewed => Some(tr!(
            "These words in {language} have not yet been checked by a qualified translator. If anything is unclear, ask the worker to say it another way.",
            language = i18n::current_lang().own_name()
        )),
        None => None,
    }?;
    let shown = RwSignal::new(true);
    Some(view! {
        <Show when=move || shown.get()>
            <div class="app-width-container">
                <div class="app-inset-text app-language-notice" role="status">
                    <p class="app-body">{text.clone()}</p>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| shown.set(false)>
                        {tr!("[notice] Close")}
                    </button>
                </div>
            </div>
        </Show>
    })
}
