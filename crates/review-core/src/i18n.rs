//! The message catalogue (issue 30): every word the screens and the copies
//! show, in the language of the person who reads it.
//!
//! The English words stay where they are used, inside [`tr!`] and [`trn!`]
//! (gettext's way: the English is the key), so a screen that loads on demand
//! keeps its words with its code and the first load does not grow. Another
//! language is a [`Catalogue`], read from a JSON file that maps each English
//! message to its translation, fetched only when that language is chosen.
//! While one is in use (`use_catalogue`), every `tr!` looks its English up
//! there; with none, the English is used as it is.
//!
//! One implementation for the screens and the copies made here: plural
//! forms ([`plural`]), dates ([`long_date`]) and the filling of `{names}`.
//! Numbers are written in Latin digits in all three languages, as CLDR's
//! default numbering for Urdu is.
//!
//! A message may carry a context, for two meanings of the same English:
//! `tr!("[month] May")` is shown as "May", and is its own key.
//!
//! The pseudo-locale ([`Catalogue::pseudo`]) marks where every message
//! starts and ends, so a test can find any words on a screen that did not
//! come through here (`pseudo`).

mod lang;
mod plural;
mod pseudo;

pub use lang::Lang;
pub use plural::{category, Category};

use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;
use std::rc::Rc;

/// One message of a catalogue: plain, or one text per plural category.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Text(String),
    Plural(Vec<(Category, String)>),
}

/// A language's translations, keyed by the English message.
#[derive(Clone, Debug)]
pub struct Catalogue {
    pub lang: Lang,
    /// A qualified translator has reviewed every message.
    pub reviewed: bool,
    messages: HashMap<String, Message>,
    pseudo: bool,
}

/// Why a language file could not be used.
#[derive(Debug, PartialEq)]
pub enum CatalogueError {
    NotJson,
    UnknownLanguage(String),
    BadMessage(String),
}

impl Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogueError::NotJson => f.write_str("the language file is not JSON"),
            CatalogueError::UnknownLanguage(l) => write!(
                f,
                "the language file is for \"{l}\", which this app does not know"
            ),
            CatalogueError::BadMessage(k) => write!(
                f,
                "the language file's message \"{k}\" is neither text nor plural forms"
            ),
        }
    }
}

impl Catalogue {
    /// Reads a language file: `{"language": "cy", "reviewed": false,
    /// "messages": {"English": "Cymraeg", "one|other": {"one": …, "other": …}}}`.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let value: Value = serde_json::from_str(text).map_err(|_| CatalogueError::NotJson)?;
        let tag = value
            .get("language")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let lang =
            Lang::from_tag(tag).ok_or_else(|| CatalogueError::UnknownLanguage(tag.into()))?;
        let reviewed = value
            .get("reviewed")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let mut messages = HashMap::new();
        if let Some(Value::Object(all)) = value.get("messages") {
            for (key, v) in all {
                let message = match v {
                    Value::String(s) => Message::Text(s.clone()),
                    Value::Object(forms) => Message::Plural(
                        forms
                            .iter()
                            .filter_map(|(c, t)| {
                                Some((Category::from_name(c)?, t.as_str()?.to_string()))
                            })
                            .collect(),
                    ),
                    _ => return Err(CatalogueError::BadMessage(key.clone())),
                };
                messages.insert(key.clone(), message);
            }
        }
        Ok(Catalogue {
            lang,
            reviewed,
            messages,
            pseudo: false,
        })
    }

    /// The pseudo-locale: English with each message marked, for the test
    /// that every word on a screen comes from the catalogue.
    pub fn pseudo() -> Catalogue {
        Catalogue {
            lang: Lang::Pseudo,
            reviewed: true,
            messages: HashMap::new(),
            pseudo: true,
        }
    }

    pub fn is_pseudo(&self) -> bool {
        self.pseudo
    }

    /// The message for an English key, if this catalogue has it.
    pub fn get(&self, key: &str) -> Option<&Message> {
        self.messages.get(key)
    }

    /// Every English key this catalogue translates.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Catalogue>>> = const { RefCell::new(None) };
}

/// Uses `catalogue` for every message from now on (`None`: English).
pub fn use_catalogue(catalogue: Option<Rc<Catalogue>>) {
    CURRENT.with(|c| *c.borrow_mut() = catalogue);
}

/// The catalogue in use, if any.
pub fn current() -> Option<Rc<Catalogue>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// The language of the messages now.
pub fn current_lang() -> Lang {
    current().map_or(Lang::EnGb, |c| c.lang)
}

/// Runs `f` with `catalogue` in use, then puts back the one before: a copy
/// made in a person's language while the screens stay in another.
pub fn with_catalogue<T>(catalogue: Option<Rc<Catalogue>>, f: impl FnOnce() -> T) -> T {
    let before = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), catalogue));
    let out = f();
    CURRENT.with(|c| *c.borrow_mut() = before);
    out
}

/// The English a key shows: the key without its `[context] `.
pub fn english(key: &str) -> &str {
    match key.strip_prefix('[').and_then(|rest| rest.split_once("] ")) {
        Some((_, text)) => text,
        None => key,
    }
}

/// How the catalogue in use gives a message.
enum Found {
    /// The template to fill: a translation, or the English.
    Template(String),
    /// The pseudo-locale: the English, filled, then marked as one message
    /// (a value that is itself a message loses its own marks inside it).
    Pseudo,
}

fn found(key: &str, translated: impl FnOnce(&Catalogue) -> Option<String>) -> Found {
    CURRENT.with(|c| match &*c.borrow() {
        Some(cat) if cat.pseudo => Found::Pseudo,
        Some(cat) => Found::Template(translated(cat).unwrap_or_else(|| english(key).to_string())),
        None => Found::Template(english(key).to_string()),
    })
}

fn finish(found: Found, english: &str, args: &[(&str, &dyn Display)]) -> String {
    match found {
        Found::Template(t) => fill(&t, args),
        Found::Pseudo => pseudo::transform(&fill(english, args).replace(pseudo::MARK, "")),
    }
}

/// A message in the language in use, `{names}` filled from `args`.
pub fn text(key: &str, args: &[(&str, &dyn Display)]) -> String {
    let found = found(key, |cat| match cat.messages.get(key) {
        Some(Message::Text(t)) => Some(t.clone()),
        _ => None,
    });
    finish(found, english(key), args)
}

/// Words from our seed data (`seeds/`: the standard's title, each
/// criterion's paraphrase) in the language in use: looked up by their
/// English like any message; the catalogue test reads the seeds for them.
pub fn seed(english: &str) -> String {
    text(english, &[])
}

/// A message whose words depend on a number `n`: the English gives the
/// `one` and `other` forms; a catalogue gives every form its language has.
/// `{n}` is filled with the number.
pub fn plural_text(n: u64, one: &str, other: &str, args: &[(&str, &dyn Display)]) -> String {
    let english_form = english(if n == 1 { one } else { other });
    let found = found(english_form, |cat| {
        match cat.messages.get(&format!("{one}|{other}")) {
            Some(Message::Plural(forms)) => {
                let want = category(cat.lang, n);
                forms
                    .iter()
                    .find(|(c, _)| *c == want)
                    .or_else(|| forms.iter().find(|(c, _)| *c == Category::Other))
                    .map(|(_, t)| t.clone())
            }
            _ => None,
        }
    });
    let mut all: Vec<(&str, &dyn Display)> = vec![("n", &n)];
    all.extend_from_slice(args);
    finish(found, english_form, &all)
}

/// `change` applied to a message's words, past the pseudo-locale's mark at
/// its start if it has one, so that a first letter made capital or small
/// is the first letter of the words.
pub fn past_mark(s: &str, change: impl FnOnce(&str) -> String) -> String {
    match s.strip_prefix(pseudo::MARK) {
        Some(rest) => format!("{}{}", pseudo::MARK, change(rest)),
        None => change(s),
    }
}

/// Fills each `{name}` in `template` from `args`; an unknown name stays as
/// it is written, so a mistake shows rather than vanishes.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    if args.is_empty() || !template.contains('{') {
        return template.to_string();
    }
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').map(|end| (&after[..end], end)) {
            Some((name, end)) if !name.is_empty() && !name.contains(' ') => {
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => {
                        use std::fmt::Write;
                        let _ = write!(out, "{v}");
                    }
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{names}` a message uses, in order, once each.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if end > 0 && !after[..end].contains(' ') => {
                if !names.contains(&&after[..end]) {
                    names.push(&after[..end]);
                }
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

/// A piece of a message whose `{names}` are filled by something other than
/// text (a link inside a sentence): see [`pieces`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// A message cut at its `{names}`, so a screen can put a link where the
/// translation puts it: "Check {services} and {outcome}." gives the text,
/// the slot `services`, the text, the slot `outcome` and the full stop.
pub fn pieces(message: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = message;
    let mut text_start = 0;
    let mut at = 0;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if end > 0 && !after[..end].contains(' ') => {
                let open = at + start;
                if open > text_start {
                    out.push(Piece::Text(&message[text_start..open]));
                }
                out.push(Piece::Slot(&after[..end]));
                at = open + end + 2;
                text_start = at;
                rest = &message[at..];
            }
            _ => {
                at += start + 1;
                rest = after;
            }
        }
    }
    if text_start < message.len() {
        out.push(Piece::Text(&message[text_start..]));
    }
    out
}

/// A message in the language in use: `tr!("Saved at {time}", time = t)`.
/// The first argument must be a string literal: the catalogue test finds
/// every message by reading the source for it.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

/// A message that depends on a number: `trn!(n, "{n} review", "{n} reviews")`.
#[macro_export]
macro_rules! trn {
    ($n:expr, $one:literal, $other:literal) => {
        $crate::i18n::plural_text(($n) as u64, $one, $other, &[])
    };
    ($n:expr, $one:literal, $other:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::plural_text(($n) as u64, $one, $other, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

/// A month's name in the language in use.
pub fn month_name(month: u32) -> String {
    match month {
        1 => tr!("[month] January"),
        2 => tr!("[month] February"),
        3 => tr!("[month] March"),
        4 => tr!("[month] April"),
        5 => tr!("[month] May"),
        6 => tr!("[month] June"),
        7 => tr!("[month] July"),
        8 => tr!("[month] August"),
        9 => tr!("[month] September"),
        10 => tr!("[month] October"),
        11 => tr!("[month] November"),
        _ => tr!("[month] December"),
    }
}

/// "24 November 2026" in the language in use ("24 Tachwedd 2026").
pub fn long_date(date: NaiveDate) -> String {
    tr!(
        "[date] {day} {month} {year}",
        day = date.day(),
        month = month_name(date.month()),
        year = date.year()
    )
}

#[cfg(test)]
mod tests;
