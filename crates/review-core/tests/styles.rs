//! The stylesheets in `style/` and the app agree on class names: every class
//! a rule names is used by the app, and every class the app uses has a rule,
//! but for the classes listed below, each with its reason. And every file in
//! `style/` is shipped: `style/app.css` imports each exactly once (the Trunk
//! pre-build hook `scripts/bundle-css.mjs` joins what it imports).
//!
//! "Used by the app" means named in a string literal or a `class:name=` of
//! the app's `src/` or of this core's `src/` (the core names the display
//! settings' classes on `<html>`), or anywhere in `index.html` and `public/`'s
//! scripts. Comments do not count. Our classes all start with `app-` (BEM
//! with our prefix), so any `app-…` word in a string is taken for a class.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Classes the app builds at run time, so no string holds them as written.
/// Each must have a rule, must not appear as written, and its block (the
/// part before `__` or `--`) must.
const BUILT_AT_RUN_TIME: &[(&str, &str)] = &[
    // src/components/fields.rs, choice_group: `format!("{block}__item")` and
    // the like, where `block` is "app-radios" or "app-checkboxes".
    ("app-radios__item", "fields.rs: {block}__item"),
    ("app-radios__input", "fields.rs: {block}__input"),
    ("app-radios__label", "fields.rs: {block}__label"),
    ("app-radios__hint", "fields.rs: {block}__hint"),
    ("app-radios--inline", "fields.rs: {block}--inline"),
    ("app-checkboxes__item", "fields.rs: {block}__item"),
    ("app-checkboxes__input", "fields.rs: {block}__input"),
    ("app-checkboxes__label", "fields.rs: {block}__label"),
    ("app-checkboxes__hint", "fields.rs: {block}__hint"),
];

/// Classes the app uses on purpose with no rule of their own. Each must be
/// used and must have no rule (so the list cannot go stale). Empty for now:
/// a class with no rule is usually a typo or a leftover.
const UNSTYLED: &[(&str, &str)] = &[];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir` whose name ends with `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The words `app-…` in `text` (a class name runs on letters, digits, `-`, `_`).
fn app_words(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let mut i = 0;
    while let Some(found) = text[i..].find("app-") {
        let start = i + found;
        let mut end = start + 4;
        while end < bytes.len() && is_name(bytes[end]) {
            end += 1;
        }
        // `--app-space-4` is a custom property, `x-app-y` part of another word.
        if start == 0 || !is_name(bytes[start - 1]) {
            out.insert(text[start..end].to_string());
        }
        i = end;
    }
    out
}

/// The class names a Rust file uses: `app-…` words in its string literals
/// (plain and raw), and the names of `class:name=` in its code. Comments,
/// char literals and lifetimes are skipped.
fn classes_in_rust(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let (mut strings, mut code) = (String::new(), String::new());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
        {
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                code.push(c);
                i += 1;
                continue;
            }
            j += 1;
            let closes = |k: usize| {
                chars.get(k) == Some(&'"') && (1..=hashes).all(|h| chars.get(k + h) == Some(&'#'))
            };
            while j < chars.len() && !closes(j) {
                strings.push(chars[j]);
                j += 1;
            }
            strings.push('\n');
            i = j + 1 + hashes;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                strings.push(chars.get(i).copied().unwrap_or(' '));
                i += 1;
            }
            strings.push('\n');
            i += 1;
        } else if c == '\'' {
            // A char literal ('"', '\'', '\u{..}') or a lifetime ('a).
            let close = if next == Some('\\') {
                (i + 3..chars.len().min(i + 14)).find(|&k| chars[k] == '\'')
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match close {
                Some(k) => i = k + 1,
                None => {
                    code.push(c);
                    i += 1;
                }
            }
        } else {
            code.push(c);
            i += 1;
        }
    }
    let mut out = app_words(&strings);
    for (at, _) in code.match_indices("class:") {
        let name: String = code[at + "class:".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

/// The class names in the selectors of a stylesheet (not in comments,
/// strings or declarations, where `.5em` or `x.svg` are no classes).
fn classes_in_css(text: &str) -> BTreeSet<String> {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |end| &after[end + 2..]);
        } else if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let after = &rest[1..];
            rest = after.find(quote).map_or("", |end| &after[end + 1..]);
            plain.push_str("\"\"");
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    // A selector is what comes just before a `{` since the last `{`, `}` or
    // `;`; at-rule preludes (`@media …`) are not selectors.
    let mut out = BTreeSet::new();
    let mut start = 0;
    for (at, c) in plain.char_indices() {
        match c {
            '}' | ';' => start = at + 1,
            '{' => {
                let prelude = plain[start..at].trim();
                if !prelude.starts_with('@') {
                    let bytes = prelude.as_bytes();
                    for (dot, _) in prelude.match_indices('.') {
                        let name: String = prelude[dot + 1..]
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                            .collect();
                        let starts_well = name
                            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '_');
                        let after_digit = dot > 0 && bytes[dot - 1].is_ascii_digit();
                        if starts_well && !after_digit {
                            out.insert(name);
                        }
                    }
                }
                start = at + 1;
            }
            _ => {}
        }
    }
    out
}

/// Class → the stylesheets (relative to the repository) that have a rule for it.
fn classes_in_style() -> BTreeMap<String, BTreeSet<String>> {
    let root = repo();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in files(&root.join("style"), ".css") {
        let name = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for class in classes_in_css(&read(&path)) {
            out.entry(class).or_default().insert(name.clone());
        }
    }
    out
}

/// Every class the app names, as written.
fn classes_in_app() -> BTreeSet<String> {
    let root = repo();
    let mut out = BTreeSet::new();
    for dir in ["src", "crates/review-core/src"] {
        for path in files(&root.join(dir), ".rs") {
            out.extend(classes_in_rust(&read(&path)));
        }
    }
    out.extend(app_words(&read(&root.join("index.html"))));
    for path in files(&root.join("public"), ".js") {
        out.extend(app_words(&read(&path)));
    }
    out
}

#[test]
fn every_class_in_style_is_used_by_the_app_and_every_class_it_uses_has_a_rule() {
    let styled = classes_in_style();
    let used = classes_in_app();
    let built: BTreeSet<&str> = BUILT_AT_RUN_TIME.iter().map(|(c, _)| *c).collect();
    let unstyled: BTreeSet<&str> = UNSTYLED.iter().map(|(c, _)| *c).collect();

    let unused: Vec<String> = styled
        .iter()
        .filter(|(class, _)| !used.contains(*class) && !built.contains(class.as_str()))
        .map(|(class, files)| {
            format!(
                "{class} ({})",
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    assert!(
        unused.is_empty(),
        "classes with a rule in style/ that the app never uses (remove the rule, or if the app \
         builds the name at run time, list it in BUILT_AT_RUN_TIME): {unused:#?}"
    );

    let missing: Vec<&String> = used
        .iter()
        .filter(|class| !styled.contains_key(*class) && !unstyled.contains(class.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "classes the app uses that no rule in style/ styles (a typo? a leftover? if on purpose, \
         list it in UNSTYLED with the reason): {missing:#?}"
    );
}

#[test]
fn the_allow_lists_are_still_needed() {
    let styled = classes_in_style();
    let used = classes_in_app();
    for (class, why) in BUILT_AT_RUN_TIME {
        assert!(
            styled.contains_key(*class),
            "{class} ({why}) has no rule any more: drop it from BUILT_AT_RUN_TIME"
        );
        assert!(
            !used.contains(*class),
            "{class} is written out in the app now: drop it from BUILT_AT_RUN_TIME"
        );
        let block = class
            .find("__")
            .or_else(|| class.find("--"))
            .map_or(class.to_string(), |at| class[..at].to_string());
        assert!(
            used.contains(&block),
            "{class}: its block {block} is not in the app ({why})"
        );
    }
    for (class, why) in UNSTYLED {
        assert!(
            used.contains(*class),
            "{class} ({why}) is not used any more: drop it from UNSTYLED"
        );
        assert!(
            !styled.contains_key(*class),
            "{class} has a rule now: drop it from UNSTYLED"
        );
    }
}

#[test]
fn every_class_in_style_has_the_app_prefix() {
    let other: Vec<String> = classes_in_style()
        .into_iter()
        .filter(|(class, _)| !class.starts_with("app-"))
        .map(|(class, files)| {
            format!(
                "{class} ({})",
                files.into_iter().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    assert!(
        other.is_empty(),
        "classes without the app- prefix (BEM with our prefix): {other:#?}"
    );
}

#[test]
fn the_bundle_imports_every_stylesheet_once_and_nothing_else() {
    let root = repo();
    let style = root.join("style");
    let entry = read(&style.join("app.css"));
    let mut imported = Vec::new();
    for line in entry.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("@import") {
            let path = rest
                .trim()
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix("\";"));
            let path = path.unwrap_or_else(|| {
                panic!("style/app.css: only `@import \"path\";` is bundled: {line}")
            });
            imported.push(path.to_string());
        }
    }
    let on_disk: BTreeSet<String> = files(&style, ".css")
        .iter()
        .map(|p| {
            p.strip_prefix(&style)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p != "app.css")
        .collect();
    let listed: BTreeSet<String> = imported.iter().cloned().collect();
    assert_eq!(
        listed.len(),
        imported.len(),
        "style/app.css imports a file twice: {imported:#?}"
    );
    let not_listed: Vec<_> = on_disk.difference(&listed).collect();
    let not_there: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        not_listed.is_empty(),
        "stylesheets style/app.css does not import (they would not ship): {not_listed:?}"
    );
    assert!(
        not_there.is_empty(),
        "style/app.css imports files that do not exist: {not_there:?}"
    );
    for path in &imported {
        let text = read(&style.join(path));
        assert!(
            !text.lines().any(|l| l.trim_start().starts_with("@import")),
            "style/{path} imports a file: list it in style/app.css instead"
        );
    }
}

#[test]
fn the_scanners_read_what_they_should() {
    let rust = r##"
        // class="app-in-a-comment"
        /* "app-in-a-block-comment" */
        let a = '"'; let b = '\''; fn f<'a>(x: &'a str) {}
        view! { <div class="app-one app-two--x" class:app-three=move || true style:--app-space="1"> }
        let c = format!("{block}__item"); let d = r#"app-raw"#; let e = "not-app-this";
    "##;
    assert_eq!(
        classes_in_rust(rust),
        ["app-one", "app-raw", "app-three", "app-two--x"]
            .map(String::from)
            .into()
    );
    let css = r#"
        /* .app-comment { } */
        @layer app-x { @media (min-width: 40.0625em) {
          .app-a:has(> .app-b:checked) + .app-c::before { content: ".app-string"; width: 0.5em; }
          .app-d, .app-e { background: url("x.svg"); }
        } }
    "#;
    assert_eq!(
        classes_in_css(css),
        ["app-a", "app-b", "app-c", "app-d", "app-e"]
            .map(String::from)
            .into()
    );
}

#[test]
fn every_side_is_logical_so_right_to_left_mirrors() {
    // Issue 30: Urdu is written right to left. A margin, padding, border or
    // position named by its physical side would stay where it is; one named
    // by where a line starts or ends follows the writing.
    let physical = [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
    ];
    let mut found = Vec::new();
    for path in files(&repo().join("style"), ".css") {
        for (n, line) in read(&path).lines().enumerate() {
            let code = line.split("/*").next().unwrap_or("").trim();
            let side_property = code.starts_with("left:") || code.starts_with("right:");
            if side_property || physical.iter().any(|p| code.contains(p)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    // A margin or padding of four values names its sides: top, right,
    // bottom, left. Right and left must then be the same.
    for path in files(&repo().join("style"), ".css") {
        let text = read(&path);
        let flat: String = text
            .split("*/")
            .map(|part| part.split("/*").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        for declaration in flat.split([';', '{', '}']) {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            if !matches!(property.trim(), "margin" | "padding") {
                continue;
            }
            let values = top_level_words(value);
            if values.len() == 4 && values[1] != values[3] {
                found.push(format!(
                    "{}: {}: {}",
                    path.display(),
                    property.trim(),
                    value.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use logical properties (inline-start / inline-end): {found:#?}"
    );
}

/// A CSS value's words, a function's brackets kept whole:
/// "0 calc(1px + 2px) 3px" → ["0", "calc(1px + 2px)", "3px"].
fn top_level_words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let (mut depth, mut current) = (0, String::new());
    for c in value.trim().chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c.is_whitespace() && depth == 0 {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}
