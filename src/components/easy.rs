//! Easy read beside every question and answer of the meeting (P18): where
//! a question names its easy read (`review_core::easy`), easy-read mode
//! shows the short words and their symbol in place of the standard words,
//! and a "Read aloud" button says the question and its answers in whichever
//! words are shown.

use super::display::{easy_read, read_aloud_beside_questions, Symbol};
use super::read_aloud::{ReadAloud, Spoken};
use crate::state::ReviewContext;
use leptos::prelude::*;
use review_core::easy::{self, Names, Sym};

/// A question or answer in easy read, its names filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EasyText {
    pub words: String,
    pub symbol: Sym,
}

/// Which easy read a question has: its key in `review_core::easy` and the
/// person it is about (for `{name}`), if any. The empty key (the default)
/// is a question with none (the device's settings).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EasyKey {
    pub key: &'static str,
    pub name: String,
}

impl From<&'static str> for EasyKey {
    fn from(key: &'static str) -> Self {
        EasyKey {
            key,
            name: String::new(),
        }
    }
}

impl From<(&'static str, String)> for EasyKey {
    fn from((key, name): (&'static str, String)) -> Self {
        EasyKey { key, name }
    }
}

impl EasyKey {
    /// The key, unless it is the empty one.
    pub fn given(self) -> Option<EasyKey> {
        (!self.key.is_empty()).then_some(self)
    }

    fn filled(&self, found: Option<easy::Easy>) -> Option<EasyText> {
        let found = found?;
        // The review's carer and person cared for, when a review is open.
        let (carer, individual) = use_context::<ReviewContext>()
            .map(|ctx| {
                ctx.review
                    .with_untracked(|r| (r.carer_called(), r.individual_called()))
            })
            .unwrap_or_default();
        let names = Names {
            carer: &carer,
            individual: &individual,
            name: &self.name,
        };
        Some(EasyText {
            words: easy::fill(found.words, &names),
            symbol: found.symbol,
        })
    }

    /// The question's own easy read.
    pub fn question(&self) -> Option<EasyText> {
        self.filled(easy::find(self.key))
    }

    /// The easy read of one of its answers, by the answer's key.
    pub fn answer(&self, answer: &str) -> Option<EasyText> {
        self.filled(easy::answer(self.key, answer))
    }
}

/// Words on screen: the standard ones, or in easy-read mode the symbol and
/// the short words. The words sit in an element with id `words_id`, where
/// Read aloud highlights them.
pub fn shown_words(
    standard: String,
    easy: Option<EasyText>,
    words_id: String,
    answer: bool,
) -> impl IntoView {
    let on = easy_read();
    move || match easy.as_ref().filter(|_| on.get()) {
        Some(e) => view! {
            <span class=if answer { "app-easy app-easy--answer" } else { "app-easy" }>
                <Symbol name=e.symbol.file() />
                <span class="app-easy__words" id=words_id.clone()>{e.words.clone()}</span>
            </span>
        }
        .into_any(),
        None => view! { <span id=words_id.clone()>{standard.clone()}</span> }.into_any(),
    }
}

/// Some words as shown and read: standard, easy read, and where they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub standard: String,
    pub easy: Option<EasyText>,
    pub id: String,
}

/// "Read aloud" for a question and its answers, saying the words on the
/// screen. Beside each question of the meeting in easy read, or when the
/// Display panel asks for it (the rating screen has its own Read aloud for
/// everyone, wherever the device has a voice).
pub fn read_aloud_for(question: Words, answers: Vec<Words>) -> impl IntoView {
    let on = easy_read();
    let shown = read_aloud_beside_questions();
    let about = question.standard.clone();
    let text = Signal::derive(move || {
        let easy = on.get();
        // Each piece ends a sentence, so a voice pauses between answers.
        let said = |w: &Words| {
            let words = match w.easy.as_ref().filter(|_| easy) {
                Some(e) => e.words.trim(),
                None => w.standard.trim(),
            };
            if words.ends_with(['.', '?', '!', ':']) {
                words.to_string()
            } else {
                format!("{words}.")
            }
        };
        let mut parts = vec![Spoken::shown(said(&question), question.id.clone())];
        if !answers.is_empty() {
            parts.push(Spoken::said("The choices are:"));
            parts.extend(answers.iter().map(|a| Spoken::shown(said(a), a.id.clone())));
        }
        parts
    });
    view! {
        <Show when=move || shown.get()>
            <ReadAloud text=text about=about.clone() />
        </Show>
    }
}
