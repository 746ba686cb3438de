//! Easy read for the meeting's questions and answers (P18): for each, a
//! short sentence in everyday words and a symbol that stands for one
//! meaning. The screens show them when easy read is on and read them aloud;
//! the words are kept here, beside the meeting, so every screen finds the
//! same ones.
//!
//! A question's key is `<part>.<question>`; an answer's is the question's
//! key and the answer's own key (`process.depth.full`), or `any.<answer>`
//! for an answer that means the same wherever it is asked ("Yes", "No",
//! "Someone else"). `{carer}`, `{individual}` and `{name}` are filled in
//! with names. Short sentences, everyday words, at most 12 words each
//! (tested).

mod getting_ready;
mod symbols;
mod the_review;

pub use symbols::Sym;

/// A question or answer in easy read: its short sentence (with `{carer}`,
/// `{individual}` or `{name}` still to fill in) and its symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Easy {
    pub words: &'static str,
    pub symbol: Sym,
}

/// The easy read of a question (`process.depth`) or of an answer
/// (`process.depth.full`).
pub fn find(key: &str) -> Option<Easy> {
    entries().find(|(k, _)| *k == key).map(|(_, easy)| easy)
}

/// The easy read of answer `answer` to question `question`: its own, or
/// the one it has wherever it is asked (`any.yes`).
pub fn answer(question: &str, answer: &str) -> Option<Easy> {
    find(&format!("{question}.{answer}")).or_else(|| find(&format!("any.{answer}")))
}

/// The symbol of a way of communicating.
pub fn method_symbol(method: crate::model::CommunicationMethod) -> Sym {
    use crate::model::CommunicationMethod as M;
    match method {
        M::Spoken => Sym::Talk,
        M::Signs => Sym::SignLanguage,
        M::Symbols => Sym::Symbols,
        M::Pictures => Sym::Picture,
        M::Writing => Sym::Note,
        M::ObjectsOfReference => Sym::Object,
        M::CommunicationPassport => Sym::Passport,
        M::Aids => Sym::Device,
    }
}

/// The symbol of a way a view reached the meeting.
pub fn channel_symbol(channel: &crate::model::RatingChannel) -> Sym {
    use crate::model::RatingChannel as C;
    match channel {
        C::Directly => Sym::Talk,
        C::Advocate { .. } => Sym::Advocate,
        C::Interpreter { .. } => Sym::Interpreter,
        C::CommunicationMethod { method } => method_symbol(*method),
    }
}

/// The names an easy-read sentence may mention.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names<'a> {
    pub carer: &'a str,
    pub individual: &'a str,
    /// The person the question is about (whose turn, whose details).
    pub name: &'a str,
}

/// `words` in the language in use (each entry's words are a message of the
/// catalogue: `tests/catalogue.rs` reads [`entries`]), with its names
/// filled in.
pub fn fill(words: &str, names: &Names) -> String {
    // The name first: it may be words with names of their own to fill.
    crate::i18n::text(words, &[])
        .replace("{name}", names.name)
        .replace("{carer}", names.carer)
        .replace("{individual}", names.individual)
}

/// Every entry, as (key, easy read), for checks and documents.
pub fn entries() -> impl Iterator<Item = (&'static str, Easy)> {
    getting_ready::ENTRIES
        .iter()
        .chain(the_review::ENTRIES)
        .map(|(k, words, symbol)| {
            (
                *k,
                Easy {
                    words,
                    symbol: *symbol,
                },
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn symbols_dir() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/symbols")
    }

    #[test]
    fn no_symbol_stands_for_two_meanings_and_every_file_is_one_of_ours() {
        let files: BTreeSet<_> = Sym::ALL.iter().map(|s| s.file()).collect();
        assert_eq!(files.len(), Sym::ALL.len(), "two meanings share a file");
        let meanings: BTreeSet<_> = Sym::ALL.iter().map(|s| s.meaning()).collect();
        assert_eq!(
            meanings.len(),
            Sym::ALL.len(),
            "two symbols share a meaning"
        );
        let on_disk: BTreeSet<String> = std::fs::read_dir(symbols_dir())
            .unwrap()
            .flatten()
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".svg")
                    .map(String::from)
            })
            .collect();
        let ours: BTreeSet<String> = files.iter().map(|f| f.to_string()).collect();
        assert_eq!(on_disk, ours, "public/symbols and Sym disagree");
        for s in Sym::ALL {
            let svg =
                std::fs::read_to_string(symbols_dir().join(format!("{}.svg", s.file()))).unwrap();
            // Drawn for this app (the licence: ours), one colour on a white card.
            assert!(
                svg.contains(&format!(
                    "Review Together symbol \"{}\": drawn for this app",
                    s.file()
                )),
                "{}",
                s.file()
            );
            assert!(
                svg.contains("viewBox=\"0 0 64 64\"")
                    && !svg.contains("<text")
                    && !svg.contains("href"),
                "{}",
                s.file()
            );
        }
    }

    /// Every key the app's screens name (`easy="…"`, `easy=("…", name)`,
    /// `"ready.…"` and the like in `src/`) is in the table, so a misspelt key
    /// cannot leave a question without its easy read.
    #[test]
    fn every_key_the_screens_name_is_here() {
        fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((
                        path.display().to_string(),
                        std::fs::read_to_string(&path).unwrap(),
                    ));
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../src"),
            &mut files,
        );
        let parts = [
            "who",
            "taking-part",
            "ready",
            "process",
            "sharing",
            "criteria",
            "rate",
            "services",
            "cover",
            "escalations",
            "outcome",
            "private",
            "pass",
            "sign",
            "agreed",
            "reflection",
            "amend",
            "copy",
            "person",
        ];
        let mut named = 0;
        for (file, text) in &files {
            for literal in text.split('"').skip(1).step_by(2) {
                let Some((part, rest)) = literal.split_once('.') else {
                    continue;
                };
                let keyish = !rest.is_empty()
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c == '.');
                if keyish && parts.contains(&part) {
                    named += 1;
                    assert!(
                        find(literal).is_some(),
                        "{file} names \"{literal}\", which has no easy read"
                    );
                }
            }
        }
        assert!(named > 100, "the scan found only {named} keys");
    }

    #[test]
    fn docs_symbols_lists_every_symbol_with_its_meaning() {
        let doc = std::fs::read_to_string(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/symbols.md"),
        )
        .unwrap();
        for s in Sym::ALL {
            let row = format!("| `{}.svg` | {} |", s.file(), s.meaning());
            assert!(doc.contains(&row), "docs/symbols.md has no row {row}");
        }
    }

    #[test]
    fn every_criterion_symbol_is_a_meaning() {
        for c in &crate::library::criteria_library().criteria {
            assert!(
                Sym::from_file(&c.symbol).is_some(),
                "{}: {}",
                c.key,
                c.symbol
            );
        }
        assert!(Sym::from_file(crate::library::OWN_WORDS_SYMBOL).is_some());
    }

    #[test]
    fn every_entry_is_short_plain_and_named_once() {
        let mut seen = BTreeMap::new();
        for (key, easy) in entries() {
            assert!(seen.insert(key, easy).is_none(), "{key} twice");
            let words = easy.words.split_whitespace().count();
            assert!((1..=12).contains(&words), "{key}: {words} words");
            assert!(
                !easy.words.contains("  ") && easy.words.trim() == easy.words,
                "{key}"
            );
            for part in easy.words.split('{').skip(1) {
                let name = part.split('}').next().unwrap();
                assert!(
                    ["carer", "individual", "name"].contains(&name),
                    "{key}: {{{name}}}"
                );
            }
            assert!(!key.ends_with('.') && key.split('.').count() >= 2, "{key}");
        }
    }

    #[test]
    fn answers_of_one_question_have_different_symbols() {
        let mut by_question: BTreeMap<String, Vec<Sym>> = BTreeMap::new();
        for (key, easy) in entries() {
            let parts: Vec<_> = key.split('.').collect();
            if parts.len() == 3 {
                by_question
                    .entry(format!("{}.{}", parts[0], parts[1]))
                    .or_default()
                    .push(easy.symbol);
            }
        }
        for (question, symbols) in by_question {
            let distinct: BTreeSet<_> = symbols.iter().collect();
            assert_eq!(
                distinct.len(),
                symbols.len(),
                "{question}: two answers share a symbol"
            );
        }
    }

    #[test]
    fn answers_fall_back_to_the_common_ones_and_names_are_filled() {
        assert_eq!(answer("services.uses", "yes").unwrap().symbol, Sym::Yes);
        assert_eq!(answer("process.depth", "full").unwrap().symbol, Sym::List);
        assert_eq!(answer("process.depth", "sideways"), None);
        let names = Names {
            carer: "Ayesha",
            individual: "Tom",
            name: "Joan",
        };
        assert_eq!(
            fill(find("cover.needed").unwrap().words, &names),
            "Does Tom need other help when Ayesha has a break?"
        );
        assert_eq!(fill("Does {name} agree?", &names), "Does Joan agree?");
    }
}
