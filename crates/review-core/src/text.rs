//! Text as it is entered: normalised to Unicode NFC so that what is stored,
//! shown and later signed is exactly what was typed.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalise `s` and drop control characters other than line breaks and tabs.
///
/// Leading and trailing spaces are kept: this runs on every keystroke, and
/// trimming would swallow the space someone is about to type a word after.
pub fn clean(s: &str) -> String {
    // Drop first, then compose: dropping after composing could leave an
    // accent next to the letter it belongs to, uncomposed.
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .nfc()
        .collect()
}

/// True when `s` holds nothing but white space.
pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_decomposed_accents() {
        // "e" + COMBINING ACUTE ACCENT becomes the single code point U+00E9.
        assert_eq!(clean("Rene\u{301}e"), "Ren\u{e9}e");
    }

    #[test]
    fn keeps_trailing_space_while_typing() {
        assert_eq!(clean("Ann "), "Ann ");
    }

    #[test]
    fn drops_control_characters_but_keeps_line_breaks() {
        assert_eq!(clean("a\u{0}b\u{7}\nc\td"), "ab\nc\td");
    }
}
