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

/// True for the characters that can change how text around them is shown:
/// C0 and C1 controls, DEL, and the bidirectional formatting characters
/// (which can make a file name or key id read backwards on screen).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text taken from a file, made safe to print or show: every
/// [`is_hidden_control`] character becomes a visible `\u{…}` escape (a
/// terminal escape sequence is shown, never obeyed).
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A name as people write it, for comparing two: case, spaces at the ends
/// and runs of spaces do not count ("Crossroads  care " is "crossroads care").
pub fn same_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_from_a_file_are_shown_as_escapes() {
        assert_eq!(escape_controls("plain, é, 😀"), "plain, é, 😀");
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\u{001B}[2Jb");
        assert_eq!(
            escape_controls("x\u{9b}y\u{202E}z\n"),
            "x\\u{009B}y\\u{202E}z\\u{000A}"
        );
        assert_eq!(escape_controls("\u{2066}\u{7f}"), "\\u{2066}\\u{007F}");
    }

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
