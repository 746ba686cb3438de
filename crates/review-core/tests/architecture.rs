//! The shape of the code, for both crates that make the app (this core and
//! the Leptos app in the repository's `src/`): dependencies between modules
//! run one way (no import cycle), no source file is over 600 lines (but for
//! the named exceptions), and every module says what it is for (`//!`).
//!
//! A module depends on another when it names it in a path: `use crate::a::b`,
//! `crate::a::b::f()`, `super::b`. A `mod.rs` that re-exports its children
//! (`pub use child::X`) depends on them, so a child that wants a sibling names
//! it (`super::sibling::X`), never the parent's re-export: otherwise parent
//! and child would depend on each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, as (module path, text).
fn modules(src: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, src: &Path, out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                out.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, src, &mut out);
    out
}

/// The text without comments, string literals and its `mod tests`, so words
/// in them are not taken for paths.
fn code_only(text: &str) -> String {
    // A file's own tests may use anything of the file (`use super::*`).
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            c => out.push(c),
        }
    }
    out
}

/// Expand `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let path: String = path.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = path.find('{') else {
        return vec![path];
    };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.len().saturating_sub(1)];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|i| !i.is_empty())
        .flat_map(|i| expand(&format!("{prefix}{i}")))
        .collect()
}

/// The modules `module` names, resolved against the known modules.
fn dependencies(module: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let code = code_only(text);
    let mut paths = Vec::new();
    // `use` statements, braces and all.
    for statement in code.split(';') {
        let s = statement.trim_start();
        let s = s.strip_prefix("pub ").unwrap_or(s).trim_start();
        let s = s.strip_prefix("pub(crate) ").unwrap_or(s).trim_start();
        let s = s.strip_prefix("pub(super) ").unwrap_or(s).trim_start();
        if let Some(rest) = s.strip_prefix("use ") {
            // A path that starts with a child's name is relative to here.
            paths.extend(expand(rest).into_iter().map(|p| {
                let first = p.split("::").next().unwrap_or_default();
                let child = if module.is_empty() {
                    first.to_string()
                } else {
                    format!("{module}::{first}")
                };
                if known.contains(&child) {
                    format!("self::{p}")
                } else {
                    p
                }
            }));
        }
    }
    // Paths written inline: `crate::a::b`, `super::a`.
    for prefix in ["crate::", "super::"] {
        let mut at = 0;
        while let Some(found) = code[at..].find(prefix) {
            let start = at + found;
            let before = code[..start].chars().last();
            at = start + prefix.len();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let end = code[start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| start + e);
            paths.push(code[start..end].trim_end_matches(':').to_string());
        }
    }
    let parent = |m: &str| {
        m.rsplit_once("::")
            .map_or(String::new(), |(p, _)| p.to_string())
    };
    let mut deps = BTreeSet::new();
    for path in paths {
        let mut segments: Vec<String> = Vec::new();
        let mut rest = path.as_str();
        let mut base = if let Some(r) = rest.strip_prefix("crate::") {
            rest = r;
            String::new()
        } else if rest.starts_with("super::") || rest.starts_with("self::") {
            let mut base = module.to_string();
            while let Some(r) = rest.strip_prefix("super::") {
                base = parent(&base);
                rest = r;
            }
            if let Some(r) = rest.strip_prefix("self::") {
                rest = r;
            }
            base
        } else {
            continue;
        };
        for s in rest.split("::").filter(|s| !s.is_empty()) {
            segments.push(s.to_string());
        }
        // The longest known module the path goes through.
        let mut target = None;
        for s in segments {
            let next = if base.is_empty() {
                s
            } else {
                format!("{base}::{s}")
            };
            if known.contains(&next) {
                target = Some(next.clone());
                base = next;
            } else {
                break;
            }
        }
        let target = target.unwrap_or(base);
        // Naming itself, or the crate root (which only declares modules), is
        // no dependency. Naming a child is: a parent that re-exports it.
        if target.is_empty() || target == module {
            continue;
        }
        deps.insert(target);
    }
    deps
}

/// A cycle in the graph, if there is one, as the modules along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(node, graph, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

fn graph_of(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules(src);
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(m, text)| (m.clone(), dependencies(m, text, &known)))
        .collect()
}

const CRATES: [&str; 3] = ["crates/review-core/src", "src", "crates/review-summary/src"];

#[test]
fn dependencies_run_one_way() {
    let mut cycles = Vec::new();
    for src in CRATES {
        let graph = graph_of(&repo().join(src));
        assert!(
            graph.len() > 1 || src.contains("summary"),
            "{src}: read no modules"
        );
        if let Some(cycle) = find_cycle(&graph) {
            cycles.push(format!("{src}: {}", cycle.join(" → ")));
        }
    }
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}

#[test]
fn the_cycle_check_finds_a_cycle_and_resolves_paths() {
    let known: BTreeSet<String> = ["a", "b", "c", "c::d"].map(String::from).into();
    assert_eq!(
        dependencies(
            "a",
            "use crate::{b::X, c::d::{Y, Z}};\nfn f() { crate::c::g() }",
            &known
        ),
        ["b", "c", "c::d"].map(String::from).into()
    );
    assert_eq!(
        dependencies(
            "c::d",
            "use super::X; // crate::b in a comment\nconst S: &str = \"crate::a\";",
            &known
        ),
        ["c"].map(String::from).into()
    );
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), ["b".to_string()].into());
    graph.insert("b".to_string(), ["a".to_string()].into());
    assert!(find_cycle(&graph).is_some());
    graph.insert("b".to_string(), BTreeSet::new());
    assert!(find_cycle(&graph).is_none());
}

/// Files allowed over 600 lines, each with its reason.
const LONG_FILES: [(&str, &str); 0] = [];

#[test]
fn no_source_file_is_over_600_lines_and_every_module_says_what_it_is_for() {
    let mut long = Vec::new();
    let mut undocumented = Vec::new();
    for src in CRATES {
        for (module, text) in modules(&repo().join(src)) {
            let name = format!("{src}/{module}");
            if text.lines().count() > 600 && !LONG_FILES.iter().any(|(f, _)| name.ends_with(f)) {
                long.push(format!("{name} ({} lines)", text.lines().count()));
            }
            if !text.trim_start().starts_with("//!") {
                undocumented.push(name);
            }
        }
    }
    assert!(
        long.is_empty() && undocumented.is_empty(),
        "files over 600 lines: {long:#?}\nmodules without a //! doc: {undocumented:#?}"
    );
}

/// Every link of the app (the router's `A`) names its address through
/// `crate::href`, which puts it in the deployment's folder: the router's `A`
/// takes an address starting with `/` as it is, so a link without it would
/// leave an app published in a folder (`/test/`). A value built beforehand
/// counts when its name is bound to `crate::href(` in the same file.
#[test]
fn every_link_goes_through_the_folder() {
    let mut wrong = Vec::new();
    for (module, text) in modules(&repo().join("src")) {
        let mut rest = text.as_str();
        while let Some(at) = rest.find("<A") {
            rest = &rest[at + 2..];
            if !rest.starts_with([' ', '\n']) {
                continue;
            }
            let Some(href) = rest.find("href=") else {
                continue;
            };
            let value = &rest[href + 5..];
            let through = value.starts_with("crate::href(") || {
                let name: String = value
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                !name.is_empty() && text.contains(&format!("let {name} = move || crate::href("))
            };
            if !through {
                let line: String = value.chars().take_while(|c| *c != '\n').collect();
                wrong.push(format!("{module}: href={line}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "links outside the folder:\n{}",
        wrong.join("\n")
    );
}
