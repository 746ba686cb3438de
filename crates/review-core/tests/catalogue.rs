//! The message catalogue (issue 30) is complete: every message the source
//! shows (`tr!` and `trn!`, found by reading the source as xgettext reads C)
//! is in every language's file, with the same `{names}` and, for a message
//! that depends on a number, every plural form its language has; no file
//! keeps a message the source no longer has.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use review_core::i18n::{placeholders, Catalogue, Category, Lang, Message};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A message the source uses: plain, or a `one|other` pair.
#[derive(Debug, Clone, PartialEq)]
enum Found {
    Text,
    Plural,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn literal(tokens: &[TokenTree]) -> Option<String> {
    match tokens {
        [TokenTree::Literal(l)] => syn::parse_str::<syn::LitStr>(&l.to_string())
            .ok()
            .map(|s| s.value()),
        _ => None,
    }
}

/// The arguments of a macro call, split at top-level commas.
fn arguments(stream: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut args = vec![Vec::new()];
    for t in stream {
        match &t {
            TokenTree::Punct(p) if p.as_char() == ',' => args.push(Vec::new()),
            _ => args.last_mut().unwrap().push(t),
        }
    }
    args
}

fn walk(stream: TokenStream, file: &Path, out: &mut BTreeMap<String, (Found, String)>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for (i, t) in tokens.iter().enumerate() {
        if let TokenTree::Group(g) = t {
            if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Ident(name))) = (
                i.checked_sub(1).and_then(|j| tokens.get(j)),
                i.checked_sub(2).and_then(|j| tokens.get(j)),
            ) {
                let name = name.to_string();
                if bang.as_char() == '!'
                    && g.delimiter() == Delimiter::Parenthesis
                    && (name == "tr" || name == "trn")
                {
                    let args = arguments(g.stream());
                    let at = format!("{}", file.display());
                    if name == "tr" {
                        let key = literal(&args[0]).unwrap_or_else(|| {
                            panic!("tr! in {at} must start with a string literal")
                        });
                        out.insert(key, (Found::Text, at));
                    } else {
                        let one = args.get(1).and_then(|a| literal(a));
                        let other = args.get(2).and_then(|a| literal(a));
                        let (Some(one), Some(other)) = (one, other) else {
                            panic!(
                                "trn! in {at} must give its one and other forms as string literals"
                            )
                        };
                        out.insert(format!("{one}|{other}"), (Found::Plural, at));
                    }
                    continue;
                }
                if bang.as_char() == '!' && name == "choices" {
                    choice_labels(g.stream(), file, out);
                    continue;
                }
            }
            walk(g.stream(), file, out);
        }
    }
}

/// The labels of a `choices!` list (`Variant => "key", "Label";`): its
/// `label()` looks each up in the catalogue.
fn choice_labels(stream: TokenStream, file: &Path, out: &mut BTreeMap<String, (Found, String)>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for w in tokens.windows(3) {
        if let [TokenTree::Punct(comma), label @ TokenTree::Literal(_), TokenTree::Punct(semi)] = w
        {
            if comma.as_char() == ',' && semi.as_char() == ';' {
                if let Some(text) = literal(std::slice::from_ref(label)) {
                    out.insert(text, (Found::Text, format!("{}", file.display())));
                }
            }
        }
    }
    // Every group, the last one (the enum's body) too.
    for t in &tokens {
        if let TokenTree::Group(g) = t {
            choice_labels(g.stream(), file, out);
        }
    }
}

/// Every message of the source, with the file it was first found in.
fn messages() -> BTreeMap<String, (Found, String)> {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    rust_files(&repo().join("crates/review-core/src"), &mut files);
    files.sort();
    let mut out = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let stream =
            TokenStream::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        walk(stream, &file, &mut out);
    }
    // The macros' own definitions and their tests are not messages.
    out.retain(|_, (_, at)| !at.ends_with("i18n/tests.rs"));
    // Our seed data shown on screen (`i18n::seed`): the standard's title and
    // each criterion's paraphrase.
    let standard: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("seeds/standard.json")).unwrap())
            .unwrap();
    let at = "seeds/standard.json".to_string();
    out.insert(
        standard["title"].as_str().unwrap().to_string(),
        (Found::Text, at.clone()),
    );
    for c in standard["criteria"].as_array().unwrap() {
        out.insert(
            c["summary"].as_str().unwrap().to_string(),
            (Found::Text, at.clone()),
        );
    }
    // Our criteria library (`seeds/criteria.json`): each area's title, easy
    // read and description, each criterion's wording and easy read.
    let library: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("seeds/criteria.json")).unwrap())
            .unwrap();
    let at = "seeds/criteria.json".to_string();
    for g in library["groups"].as_array().unwrap() {
        for field in ["title", "easyRead", "description"] {
            out.insert(
                g[field].as_str().unwrap().to_string(),
                (Found::Text, at.clone()),
            );
        }
    }
    for c in library["criteria"].as_array().unwrap() {
        for field in ["wording", "easyRead"] {
            out.insert(
                c[field].as_str().unwrap().to_string(),
                (Found::Text, at.clone()),
            );
        }
    }
    // The easy read's sentences (`easy::fill` looks each up).
    for (_, easy) in review_core::easy::entries() {
        out.insert(
            easy.words.to_string(),
            (Found::Text, "crates/review-core/src/easy".to_string()),
        );
    }
    out
}

fn catalogue(lang: Lang) -> (Catalogue, serde_json::Value) {
    let path = repo().join("public").join(lang.file().unwrap());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    (Catalogue::from_json(&text).unwrap(), raw)
}

#[test]
fn the_source_has_messages_and_they_are_well_formed() {
    let all = messages();
    assert!(
        all.len() > 20,
        "found only {} messages: is the reader broken?",
        all.len()
    );
    assert!(all.contains_key("[month] November"));
    for (key, (kind, at)) in &all {
        if *kind == Found::Text {
            assert!(
                !key.contains('|'),
                "{at}: a message may not hold '|' ({key})"
            );
        }
        assert_eq!(
            key.trim(),
            key,
            "{at}: a message may not start or end with a space ({key:?})"
        );
        for name in placeholders(key) {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{at}: {{{name}}} in {key:?} is not a name (format it into a value first)"
            );
        }
    }
}

#[test]
fn every_language_has_every_message() {
    let all = messages();
    for lang in [Lang::Cy, Lang::Ur] {
        let (cat, _) = catalogue(lang);
        assert_eq!(cat.lang, lang);
        let missing: Vec<&String> = all.keys().filter(|k| cat.get(k).is_none()).collect();
        let stale: Vec<&str> = cat.keys().filter(|k| !all.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && stale.is_empty(),
            "public/{}: {} missing (first in {}): {:#?}\nno longer in the source: {:#?}",
            lang.file().unwrap(),
            missing.len(),
            missing.first().map_or("", |k| all[*k].1.as_str()),
            missing,
            stale
        );
        for (key, (kind, at)) in &all {
            let english_names = placeholders(key);
            match (kind, cat.get(key).unwrap()) {
                (Found::Text, Message::Text(t)) => {
                    for name in placeholders(t) {
                        assert!(
                            english_names.contains(&name),
                            "{lang:?} {key:?}: {{{name}}} is not in the English ({at})"
                        );
                    }
                    assert!(!t.trim().is_empty(), "{lang:?} {key:?} is empty");
                }
                (Found::Plural, Message::Plural(forms)) => {
                    let mut have: Vec<Category> = forms.iter().map(|(c, _)| *c).collect();
                    have.sort_by_key(|c| c.name());
                    let mut want = Category::of(lang).to_vec();
                    want.sort_by_key(|c| c.name());
                    assert_eq!(have, want, "{lang:?} {key:?}: plural forms ({at})");
                    for (_, t) in forms {
                        for name in placeholders(t) {
                            assert!(
                                name == "n" || english_names.contains(&name),
                                "{lang:?} {key:?}: {{{name}}} ({at})"
                            );
                        }
                    }
                }
                (want, got) => {
                    panic!("{lang:?} {key:?}: the source has {want:?}, the file {got:?} ({at})")
                }
            }
        }
    }
}

#[test]
fn each_file_says_whether_a_translator_reviewed_it() {
    for lang in [Lang::Cy, Lang::Ur] {
        let (_, raw) = catalogue(lang);
        assert!(
            raw.get("reviewed").is_some_and(|r| r.is_boolean()),
            "{lang:?} must say \"reviewed\": true or false"
        );
    }
}
