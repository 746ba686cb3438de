//! A sentence with links inside it, from one catalogue message: the
//! translation decides where each link goes, so no sentence is built from
//! pieces in English order.

use leptos::prelude::*;
use review_core::i18n::{pieces, Piece};

/// The message's text with each `{slot}` replaced by `slot(name)`; a slot
/// the closure does not know stays as written, so a mistake shows.
pub fn linked(message: &str, mut slot: impl FnMut(&str) -> Option<AnyView>) -> Vec<AnyView> {
    // The pseudo-locale marks a message where it starts and ends; cut into
    // pieces, each piece of text is marked on its own.
    const MARK: char = '\u{FEFF}';
    let marked = message.starts_with(MARK);
    pieces(message.trim_matches(MARK))
        .into_iter()
        .map(|piece| match piece {
            // (Punctuation between two slots, ", ", needs no mark.)
            Piece::Text(text) if marked && text.chars().any(char::is_alphabetic) => {
                format!("{MARK}{text}{MARK}").into_any()
            }
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot(name) => slot(name).unwrap_or_else(|| format!("{{{name}}}").into_any()),
        })
        .collect()
}
