//! `docs/records-mapping.md` (issue 28, point 1) is generated from the
//! summary formats' JSON Schemas (`public/schema/`, themselves generated
//! from the Rust types), so the mapping and the formats cannot drift: every
//! member of every format, its type, whether it is always there, what it
//! means (the schema's description), its code list with each code's words
//! on screen, and an example from the test summary. Regenerate the part
//! between the markers with
//! `UPDATE_DOCS=1 cargo test -p review-core --test records_mapping`.

mod common;

use review_core::continuity::{ActionFollowUp, EscalationFollowUp};
use review_core::summary::ScreenLanguage;
use review_core::*;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// Each code's words on screen, by the schema's name for its list.
fn labels() -> BTreeMap<&'static str, Vec<(String, String)>> {
    fn list<T: Serialize + Copy, L: ToString>(
        all: &[T],
        label: fn(T) -> L,
    ) -> Vec<(String, String)> {
        all.iter()
            .map(|v| {
                let key = serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string();
                (key, label(*v).to_string())
            })
            .collect()
    }
    BTreeMap::from([
        ("Role", list(&Role::ALL, Role::label)),
        ("ScalePoint", list(ScalePoint::ALL, ScalePoint::label)),
        ("NeedsMet", list(NeedsMet::ALL, NeedsMet::label)),
        (
            "ResourceDecision",
            list(ResourceDecision::ALL, ResourceDecision::label),
        ),
        ("ResourceKind", list(ResourceKind::ALL, ResourceKind::label)),
        ("CarerNeed", list(CarerNeed::ALL, CarerNeed::label)),
        ("CoverKind", list(CoverKind::ALL, CoverKind::label)),
        ("Funding", list(Funding::ALL, Funding::label)),
        (
            "OutcomeDecision",
            list(OutcomeDecision::ALL, OutcomeDecision::label),
        ),
        (
            "EscalationRoute",
            list(EscalationRoute::ALL, EscalationRoute::label),
        ),
        (
            "EscalationStatus",
            list(EscalationStatus::ALL, EscalationStatus::label),
        ),
        ("Urgency", list(Urgency::ALL, Urgency::label)),
        (
            "ActionFollowUp",
            list(ActionFollowUp::ALL, ActionFollowUp::label),
        ),
        (
            "EscalationFollowUp",
            list(EscalationFollowUp::ALL, EscalationFollowUp::label),
        ),
        ("Visibility", list(&Visibility::ALL, Visibility::label)),
        (
            "RecipientKind",
            list(&RecipientKind::ALL, RecipientKind::label),
        ),
        ("Attendance", list(&Attendance::ALL, Attendance::label)),
        ("AgendaItem", list(&AgendaItem::ALL, AgendaItem::label)),
        ("Depth", list(&Depth::ALL, Depth::label)),
        (
            "ReviewReason",
            list(&ReviewReason::ALL, ReviewReason::label),
        ),
        ("Scale", list(&Scale::ALL, Scale::label)),
        (
            "CommunicationMethod",
            list(&CommunicationMethod::ALL, CommunicationMethod::label),
        ),
        (
            "AdvocateKind",
            list(&AdvocateKind::ALL, AdvocateKind::label),
        ),
        (
            "InterpreterMode",
            list(&InterpreterMode::ALL, InterpreterMode::label),
        ),
        (
            "ScreenLanguage",
            list(&ScreenLanguage::ALL, ScreenLanguage::label),
        ),
    ])
}

/// One member of a format, as the mapping lists it.
struct Row {
    path: String,
    kind: String,
    always: bool,
    meaning: String,
    codes: String,
    example: String,
}

struct Walk<'a> {
    schema: &'a Value,
    example: &'a Value,
    labels: BTreeMap<&'static str, Vec<(String, String)>>,
    rows: Vec<Row>,
}

/// One line of a description: its sentences joined, no line breaks.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// The value at a dotted path of the example (`[]` takes the first element).
fn example_at<'v>(mut v: &'v Value, path: &str) -> Option<&'v Value> {
    for part in path.split('.') {
        let (name, arrays) = (part.trim_end_matches("[]"), part.matches("[]").count());
        if !name.is_empty() {
            v = v.get(name)?;
        }
        for _ in 0..arrays {
            v = v.get(0)?;
        }
    }
    Some(v)
}

impl<'a> Walk<'a> {
    fn def(&self, reference: &str) -> (&'a Value, String) {
        let name = reference.trim_start_matches("#/$defs/");
        (&self.schema["$defs"][name], name.to_string())
    }

    /// The node with its `$ref` followed, and the name of the definition.
    fn resolved(&self, node: &'a Value) -> (&'a Value, Option<String>) {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let (d, name) = self.def(r);
                (d, Some(name))
            }
            None => (node, None),
        }
    }

    /// A plain code list (`enum`, or `oneOf` of `const` strings), with words.
    fn codes(&self, node: &Value, name: Option<&str>) -> Option<String> {
        let keys: Vec<(String, Option<String>)> = if let Some(e) = node.get("enum") {
            e.as_array()?
                .iter()
                .map(|k| (k.as_str().unwrap_or("").to_string(), None))
                .collect()
        } else {
            // `oneOf` of strings: each a `const` (with its description) or an `enum`.
            let one_of = node.get("oneOf")?.as_array()?;
            let mut keys = Vec::new();
            for o in one_of {
                if let Some(c) = o.get("const").and_then(Value::as_str) {
                    keys.push((
                        c.to_string(),
                        o.get("description").and_then(Value::as_str).map(one_line),
                    ));
                } else if let Some(e) = o.get("enum").and_then(Value::as_array) {
                    keys.extend(
                        e.iter()
                            .filter_map(Value::as_str)
                            .map(|k| (k.to_string(), None)),
                    );
                } else {
                    return None;
                }
            }
            keys
        };
        let words = name.and_then(|n| self.labels.get(n));
        Some(
            keys.iter()
                .map(|(k, described)| {
                    let said = words
                        .and_then(|w| w.iter().find(|(key, _)| key == k).map(|(_, l)| l.clone()))
                        .or(described.clone());
                    match said {
                        Some(s) => format!("`{k}` ({})", s.replace('|', "\\|")),
                        None => format!("`{k}`"),
                    }
                })
                .collect::<Vec<_>>()
                .join(", "),
        )
    }

    fn walk(&mut self, node: &'a Value, path: &str, always: bool, described: Option<&str>) {
        let (node, name) = self.resolved(node);
        let meaning = described
            .or_else(|| node.get("description").and_then(Value::as_str))
            .map(one_line)
            .unwrap_or_default();
        let example = example_at(self.example, path)
            .map(|v| {
                let text = v.to_string();
                if text.chars().count() > 48 {
                    format!("{}…", text.chars().take(47).collect::<String>())
                } else {
                    text
                }
            })
            .unwrap_or_default()
            .replace('|', "\\|");
        let row = |kind: String, codes: String| Row {
            path: path.to_string(),
            kind,
            always,
            meaning: meaning.clone(),
            codes,
            example: example.clone(),
        };
        if let Some(codes) = self.codes(node, name.as_deref()) {
            self.rows.push(row("code".into(), codes));
            return;
        }
        match node.get("type").and_then(Value::as_str) {
            Some("object") if node.get("properties").is_some() => {
                if !path.is_empty() {
                    self.rows.push(row("object".into(), String::new()));
                }
                self.members(node, path);
            }
            Some("array") => {
                self.rows.push(row("list".into(), String::new()));
                let items = &node["items"];
                self.walk(items, &format!("{path}[]"), true, None);
            }
            Some(t) => {
                let mut kind = t.to_string();
                if let Some(f) = node.get("format").and_then(Value::as_str) {
                    kind = format!("{kind} ({f})");
                } else if let Some(p) = node.get("pattern").and_then(Value::as_str) {
                    kind = format!("{kind} `{}`", p.replace('|', "\\|"));
                }
                self.rows.push(row(kind, String::new()));
            }
            None if node.get("oneOf").is_some() => {
                // A tagged union: one row for the choice, then each kind's members.
                let variants = node["oneOf"].as_array().unwrap();
                let tag = variants
                    .iter()
                    .find_map(|v| {
                        v["properties"]
                            .as_object()?
                            .iter()
                            .find(|(_, p)| p.get("const").is_some())
                            .map(|(k, _)| k.clone())
                    })
                    .unwrap_or_default();
                let kinds: Vec<String> = variants
                    .iter()
                    .filter_map(|v| {
                        v["properties"][&tag]["const"]
                            .as_str()
                            .map(|c| format!("`{c}`"))
                    })
                    .collect();
                self.rows
                    .push(row(format!("one of, by `{tag}`"), kinds.join(", ")));
                for v in variants {
                    let Some(c) = v["properties"][&tag]["const"].as_str() else {
                        continue;
                    };
                    let required: Vec<&str> = v["required"]
                        .as_array()
                        .map_or(vec![], |r| r.iter().filter_map(Value::as_str).collect());
                    for (member, schema) in v["properties"].as_object().into_iter().flatten() {
                        if *member == tag {
                            continue;
                        }
                        let at = format!("{path}[{tag}={c}].{member}");
                        self.walk(schema, &at, required.contains(&member.as_str()), None);
                    }
                }
            }
            None => self.rows.push(row("any".into(), String::new())),
        }
    }

    fn members(&mut self, node: &'a Value, path: &str) {
        let required: Vec<&str> = node["required"]
            .as_array()
            .map_or(vec![], |r| r.iter().filter_map(Value::as_str).collect());
        for (member, schema) in node["properties"].as_object().into_iter().flatten() {
            let at = if path.is_empty() {
                member.clone()
            } else {
                format!("{path}.{member}")
            };
            let described = schema.get("description").and_then(Value::as_str);
            self.walk(schema, &at, required.contains(&member.as_str()), described);
        }
    }
}

/// The mapping of one format, as a Markdown table.
fn table(schema_path: &str, example_path: &str) -> String {
    let schema = json(schema_path);
    let example = json(example_path);
    let mut walk = Walk {
        schema: &schema,
        example: &example,
        labels: labels(),
        rows: Vec::new(),
    };
    walk.walk(&schema, "", true, None);
    let mut out = String::from("| member | type | always there | what it means | codes (words on screen) | example |\n|---|---|---|---|---|---|\n");
    for r in &walk.rows {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            r.path,
            r.kind,
            if r.always { "yes" } else { "no" },
            r.meaning,
            r.codes,
            if r.example.is_empty() {
                String::new()
            } else {
                format!("`{}`", r.example)
            },
        ));
    }
    out
}

const BEGIN: &str =
    "<!-- generated by crates/review-core/tests/records_mapping.rs: do not edit by hand -->";
const END: &str = "<!-- end of generated -->";

fn generated() -> String {
    format!(
        "{BEGIN}\n\n## Format 2 (written since November 2026)\n\nSchema: `public/schema/summary-v2.json`. Example values from `tests/fixtures/summary-unsigned-v2.json`.\n\n{}\n## Format 1 (read forever, never written)\n\nSchema: `public/schema/summary-v1.json`. Example values from `tests/fixtures/summary-unsigned-v1.json`.\n\n{}\n{END}\n",
        table("public/schema/summary-v2.json", "tests/fixtures/summary-unsigned-v2.json"),
        table("public/schema/summary-v1.json", "tests/fixtures/summary-unsigned-v1.json"),
    )
}

#[test]
fn the_records_mapping_is_the_one_generated_from_the_schemas() {
    let path = root().join("docs/records-mapping.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let (before, after) = match (on_disk.find(BEGIN), on_disk.find(END)) {
        (Some(b), Some(e)) => (
            on_disk[..b].to_string(),
            on_disk[e + END.len()..]
                .trim_start_matches('\n')
                .to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    let whole = format!(
        "{before}{}{}",
        generated(),
        if after.is_empty() {
            String::new()
        } else {
            format!("\n{after}")
        }
    );
    common::assert_file_is_generated(
        &path,
        &whole,
        "UPDATE_DOCS",
        "differs from the mapping generated from the schemas: regenerate it with UPDATE_DOCS=1 cargo test -p review-core --test records_mapping",
    );
}

#[test]
fn every_member_of_every_format_is_in_the_mapping() {
    for schema in [
        "public/schema/summary-v2.json",
        "public/schema/summary-v1.json",
    ] {
        let text = serde_json::to_string(&json(schema)).unwrap();
        let mapping = generated();
        // Every member name the schema has appears as the last part of a path.
        let names: std::collections::BTreeSet<String> = {
            let v: Value = serde_json::from_str(&text).unwrap();
            let mut names = std::collections::BTreeSet::new();
            fn collect(v: &Value, names: &mut std::collections::BTreeSet<String>) {
                match v {
                    Value::Object(m) => {
                        if let Some(Value::Object(props)) = m.get("properties") {
                            names.extend(props.keys().cloned());
                        }
                        m.values().for_each(|x| collect(x, names));
                    }
                    Value::Array(a) => a.iter().for_each(|x| collect(x, names)),
                    _ => {}
                }
            }
            collect(&v, &mut names);
            names
        };
        for name in names {
            assert!(
                mapping.contains(&format!(".{name}`")) || mapping.contains(&format!("`{name}`")),
                "{schema}: {name} is not in the mapping"
            );
        }
    }
}
