//! The summary's JSON Schema: generated from the Rust types, shipped at
//! `public/schema/summary-v1.json`, valid draft 2020-12, closed everywhere,
//! and in agreement with the Rust types on what it accepts.

use review_core::summary::{schema, Summary};
use serde_json::{json, Value};
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn shipped() -> Value {
    let text = std::fs::read_to_string(repo(schema::SHIPPED_PATH)).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn fixture() -> Value {
    let text = std::fs::read_to_string(repo("tests/fixtures/summary-unsigned.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&shipped())
        .expect("the shipped schema compiles")
}

/// Fails when the types changed and the shipped schema did not follow.
#[test]
fn the_shipped_schema_is_the_generated_one() {
    let generated = schema::generate_json();
    let path = repo(schema::SHIPPED_PATH);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{} differs from the schema generated from the Rust types: regenerate it with \
         UPDATE_SCHEMA=1 cargo test -p review-core --test summary_schema \
         (and if a change breaks old files, it needs a new formatVersion)",
        path.display()
    );
}

#[test]
fn the_schema_is_valid_draft_2020_12() {
    let schema = shipped();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::meta::validate(&schema)
        .expect("valid against the 2020-12 meta-schema");
}

/// Every object is closed, nothing is null, every integer is bounded within
/// ±2^53, and only standard formats are named (so ajv's strict mode compiles it).
#[test]
fn the_schema_closes_every_object_and_keeps_to_portable_values() {
    fn walk(s: &Value, at: &str, objects: &mut usize) {
        match s {
            Value::Object(o) => {
                if o.get("type") == Some(&json!("object")) {
                    *objects += 1;
                    assert_eq!(
                        o.get("additionalProperties"),
                        Some(&json!(false)),
                        "{at} is open"
                    );
                }
                if o.get("type") == Some(&json!("integer")) {
                    let max = o["maximum"].as_i64().unwrap();
                    let min = o["minimum"].as_i64().unwrap();
                    assert!(max < 1 << 53 && min > -(1 << 53), "{at}");
                }
                assert_ne!(o.get("type"), Some(&json!("number")), "{at}: a float");
                if let Some(f) = o.get("format") {
                    assert!(
                        ["date", "date-time"].contains(&f.as_str().unwrap()),
                        "{at}: {f}"
                    );
                }
                for (k, v) in o {
                    match (k.as_str(), v) {
                        // Maps of names to schemas: walk the schemas, not the map.
                        ("properties" | "$defs", Value::Object(map)) => {
                            for (name, sub) in map {
                                walk(sub, &format!("{at}/{k}/{name}"), objects);
                            }
                        }
                        _ => walk(v, &format!("{at}/{k}"), objects),
                    }
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), objects);
                }
            }
            Value::String(t) => assert_ne!(t, "null", "{at}: null allowed"),
            _ => {}
        }
    }
    let mut objects = 0;
    walk(&shipped(), "#", &mut objects);
    assert!(objects > 30, "saw {objects} object schemas");
    assert!(shipped()["required"]
        .as_array()
        .unwrap()
        .contains(&json!("formatVersion")));
}

#[test]
fn the_fixture_and_a_signed_summary_match_the_schema() {
    let v = validator();
    let unsigned = fixture();
    let errors: Vec<String> = v.iter_errors(&unsigned).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut signed = unsigned.clone();
    signed["signature"] = format!("eyJhbGciOiJFZDI1NTE5In0..{}Q", "A".repeat(85)).into();
    assert!(v.is_valid(&signed));
}

/// The app checks summaries with the Rust types alone (no `jsonschema` in
/// the browser); the CLI checks them with the schema too. Both must agree.
#[test]
fn the_schema_and_the_rust_types_agree_on_what_is_a_summary() {
    let v = validator();
    type Change = fn(&mut Value);
    let changes: Vec<(&str, Change, bool)> = vec![
        ("as is", |_| {}, true),
        ("extra member", |d| d["app"]["build"] = "x".into(), false),
        ("extra top-level", |d| d["notes"] = "x".into(), false),
        (
            "missing required",
            |d| drop(d.as_object_mut().unwrap().remove("carer")),
            false,
        ),
        (
            "optional left out",
            |d| drop(d.as_object_mut().unwrap().remove("team")),
            true,
        ),
        ("null optional", |d| d["team"] = Value::Null, false),
        (
            "wrong enum",
            |d| d["participants"][0]["role"] = "boss".into(),
            false,
        ),
        ("number as string", |d| d["version"] = "1".into(), false),
        ("version zero", |d| d["version"] = 0.into(), false),
        ("float", |d| d["version"] = json!(1.5), false),
        ("huge", |d| d["version"] = json!(1_u64 << 40), false),
        (
            "bad date",
            |d| d["outcome"]["nextReview"] = "2027-13-01".into(),
            false,
        ),
        (
            "date with time",
            |d| d["outcome"]["nextReview"] = "2027-01-19T00:00:00Z".into(),
            false,
        ),
        (
            "Z time",
            |d| d["createdAt"] = "2026-11-24T10:00:00Z".into(),
            true,
        ),
        (
            "time with fraction",
            |d| d["createdAt"] = "2026-11-24T10:00:00.5+00:00".into(),
            false,
        ),
        (
            "upper-case uuid",
            |d| d["documentId"] = "4F1C2B8E-6D3A-4C5E-9B7F-2A1D0E8C6B54".into(),
            false,
        ),
        (
            "bad sha",
            |d| d["previous"]["sha256"] = "ufTukFWHGSRtwBT6PhRpKl2GZ2Cu6hfYo8y7RQ64ABJ".into(),
            false,
        ),
        ("bad format", |d| d["format"] = "other".into(), false),
        (
            "numeric formatVersion",
            |d| d["formatVersion"] = 1.into(),
            false,
        ),
        (
            "bad mark",
            |d| d["signOffs"][2]["method"]["path"] = "M1 1 C 2 2".into(),
            false,
        ),
        (
            "bad tag",
            |d| d["signOffs"][0]["decision"] = json!({"kind": "maybe"}),
            false,
        ),
        (
            "tag with extra",
            |d| d["signOffs"][1]["decision"] = json!({"kind": "agrees", "why": "x"}),
            false,
        ),
        (
            "channel with extra",
            |d| d["outcome"]["individualViewThrough"] = json!({"kind": "directly", "x": 1}),
            false,
        ),
        (
            "consent with extra",
            |d| d["escalations"]["matters"][1]["consent"] = json!({"answer": "yes", "x": 1}),
            false,
        ),
        (
            "custom with extra",
            |d| d["criteria"][1]["source"] = json!({"kind": "custom", "key": "k"}),
            false,
        ),
        (
            "tap with extra",
            |d| d["signOffs"][3]["method"] = json!({"kind": "tap", "at": 1}),
            false,
        ),
        ("bad language", |d| d["language"] = "English".into(), false),
        (
            "bad standard",
            |d| d["standard"]["code"] = "X".into(),
            false,
        ),
        ("bad signature", |d| d["signature"] = "abc".into(), false),
    ];
    for (name, change, valid) in changes {
        let mut doc = fixture();
        change(&mut doc);
        let by_schema = v.is_valid(&doc);
        let by_types = serde_json::from_value::<Summary>(doc.clone()).is_ok()
            && review_core::summary::portable_issues(&doc).is_empty()
            && doc.get("signature").is_none_or(|s| {
                s.as_str()
                    .and_then(|s| s.split_once(".."))
                    .is_some_and(|(_, sig)| sig.len() == 86)
            });
        assert_eq!(by_schema, valid, "schema on {name}");
        assert_eq!(by_types, valid, "types on {name}");
    }
}
