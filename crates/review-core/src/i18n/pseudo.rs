//! The pseudo-locale: every message marked where it starts and ends with
//! U+FEFF, which is drawn as nothing. A test can then tell, on any screen,
//! the words that came through the catalogue from those that did not, and
//! turn each marked message into accented, lengthened, bracketed text in
//! place to look for boxes too tight (`tests/e2e/specs/languages.spec.js`).
//! The marks are white space to the tests' name matching (JavaScript's
//! `trim` and `\s`), so the screens' set-ups still find their controls by
//! their English names.

/// The mark at each end of a message.
pub const MARK: char = '\u{FEFF}';

/// The pseudo form of an English message: the message, marked.
pub fn transform(english: &str) -> String {
    let mut out = String::with_capacity(english.len() + 6);
    out.push(MARK);
    out.push_str(english);
    out.push(MARK);
    out
}
