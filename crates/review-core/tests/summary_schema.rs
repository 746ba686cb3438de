//! The summary's JSON Schemas: format 2's generated from the Rust types and
//! shipped at `public/schema/summary-v2.json`; format 1's frozen at
//! `public/schema/summary-v1.json`. Both valid draft 2020-12, closed
//! everywhere, with a stable `$id`, and in agreement with the Rust types of
//! their format on what they accept.

mod common;

use common::assert_file_is_generated;
use review_core::summary::{schema, v1, Summary};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

#[derive(Clone, Copy, Debug)]
enum Format {
    V1,
    V2,
}

const FORMATS: [Format; 2] = [Format::V1, Format::V2];

fn shipped_of(format: Format) -> Value {
    let path = match format {
        Format::V1 => schema::SHIPPED_V1_PATH,
        Format::V2 => schema::SHIPPED_PATH,
    };
    let text = std::fs::read_to_string(repo(path)).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn fixture_of(format: Format) -> Value {
    let path = match format {
        Format::V1 => "tests/fixtures/summary-unsigned-v1.json",
        Format::V2 => "tests/fixtures/summary-unsigned-v2.json",
    };
    let text = std::fs::read_to_string(repo(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator_of(format: Format) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&shipped_of(format))
        .expect("the shipped schema compiles")
}

/// Whether the Rust types of `format` take the document.
fn typed(format: Format, doc: &Value) -> bool {
    match format {
        Format::V1 => serde_json::from_value::<v1::Summary>(doc.clone()).is_ok(),
        Format::V2 => serde_json::from_value::<Summary>(doc.clone()).is_ok(),
    }
}

/// Format 1's schema never changes again: files of format 1 are checked
/// against exactly this file forever.
const FROZEN_V1_SHA256: &str = "8be23a76996568be86be28af47228484eb939067bce8d1dcd24edb81531ddb82";

#[test]
fn format_1_schema_is_frozen() {
    let bytes = std::fs::read(repo(schema::SHIPPED_V1_PATH)).unwrap();
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        digest, FROZEN_V1_SHA256,
        "summary-v1.json changed: format 1's schema is frozen (see docs/formats.md)"
    );
    assert_eq!(shipped_of(Format::V1)["$id"], schema::ID_V1);
}

/// Fails when the types changed and the shipped schema did not follow.
#[test]
fn format_2_schema_is_the_generated_one() {
    let generated = schema::generate_json();
    assert_file_is_generated(
        &repo(schema::SHIPPED_PATH),
        &generated,
        "UPDATE_SCHEMA",
        "differs from the schema generated from the Rust types: regenerate it with \
         UPDATE_SCHEMA=1 cargo test -p review-core --test summary_schema \
         (format 2 only gains optional members: see docs/formats.md)",
    );
    assert_eq!(shipped_of(Format::V2)["$id"], schema::ID_V2);
}

/// The addendum's schema, like format 2's, follows its Rust types.
#[test]
fn addendum_schema_is_the_generated_one() {
    let generated = schema::pretty(&schema::generate_addendum());
    assert_file_is_generated(
        &repo(schema::ADDENDUM_SHIPPED_PATH),
        &generated,
        "UPDATE_SCHEMA",
        "differs from the addendum schema generated from the Rust types: regenerate it with \
         UPDATE_SCHEMA=1 cargo test -p review-core --test summary_schema \
         (the addendum format only gains optional members: see docs/formats.md)",
    );
    let shipped: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo(schema::ADDENDUM_SHIPPED_PATH)).unwrap(),
    )
    .unwrap();
    assert_eq!(shipped["$id"], schema::ID_ADDENDUM_V1);
    jsonschema::draft202012::meta::validate(&shipped)
        .unwrap_or_else(|e| panic!("addendum schema against the 2020-12 meta-schema: {e}"));
}

#[test]
fn the_schemas_are_valid_draft_2020_12() {
    for format in FORMATS {
        let schema = shipped_of(format);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{format:?}"
        );
        jsonschema::draft202012::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{format:?} against the 2020-12 meta-schema: {e}"));
    }
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
    for format in FORMATS {
        let mut objects = 0;
        walk(&shipped_of(format), "#", &mut objects);
        assert!(objects > 30, "{format:?}: saw {objects} object schemas");
        assert!(shipped_of(format)["required"]
            .as_array()
            .unwrap()
            .contains(&json!("formatVersion")));
    }
}

#[test]
fn the_fixtures_and_signed_summaries_match_their_schema() {
    for format in FORMATS {
        let v = validator_of(format);
        let unsigned = fixture_of(format);
        let errors: Vec<String> = v.iter_errors(&unsigned).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{format:?}: {errors:#?}");
        let mut signed = unsigned.clone();
        signed["signature"] = format!("eyJhbGciOiJFZDI1NTE5In0..{}Q", "A".repeat(85)).into();
        assert!(v.is_valid(&signed), "{format:?}");
        // Each format's schema refuses the other's files.
        let other = match format {
            Format::V1 => Format::V2,
            Format::V2 => Format::V1,
        };
        assert!(!v.is_valid(&fixture_of(other)), "{format:?} took {other:?}");
    }
}

/// What format 2 changed: its schema says it, and format 1's says the old.
#[test]
fn format_2_holds_lists_of_points_the_signing_time_and_both_links() {
    let v2 = validator_of(Format::V2);
    let doc = fixture_of(Format::V2);
    assert!(v2.is_valid(&doc));
    let mut d = doc.clone();
    d.as_object_mut().unwrap().remove("signedAt");
    assert!(!v2.is_valid(&d), "signedAt is required");
    let mut d = doc.clone();
    d["services"]["resources"][0]["benefits"] = "one text".into();
    assert!(!v2.is_valid(&d), "benefits are a list of points");
    let mut d = doc.clone();
    d["services"]["resources"][0]["benefits"][0]["saidBy"] = json!({"kind": "someone"});
    assert!(!v2.is_valid(&d), "speakers are one of five kinds");
    let mut d = doc.clone();
    d["previous"] = d["continues"].clone();
    assert!(v2.is_valid(&d), "previous and continues side by side");
}

/// The app checks summaries with the Rust types alone (no `jsonschema` in
/// the browser); the CLI checks them with the schema too. Both must agree.
#[test]
fn the_schema_and_the_rust_types_agree_on_what_is_a_summary() {
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
        (
            "a person's own language the app does not have (issue 30)",
            |d| d["participants"][0]["support"]["screenLanguage"] = "fr".into(),
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
    for format in FORMATS {
        let v = validator_of(format);
        for (name, change, valid) in &changes {
            let mut doc = fixture_of(format);
            // The fixtures name their earlier summary differently.
            if doc.get("previous").is_none() {
                doc["previous"] = doc["continues"].clone();
            }
            change(&mut doc);
            let by_schema = v.is_valid(&doc);
            let by_types = typed(format, &doc)
                && review_core::summary::portable_issues(&doc, 1).total == 0
                && doc.get("signature").is_none_or(|s| {
                    s.as_str()
                        .and_then(|s| s.split_once(".."))
                        .is_some_and(|(_, sig)| sig.len() == 86)
                });
            assert_eq!(by_schema, *valid, "{format:?}: schema on {name}");
            assert_eq!(by_types, *valid, "{format:?}: types on {name}");
        }
    }
}

/// Format 2 only grows: the schema of today takes the format 2 file the
/// build before the first new member signed (`signed-v2/valid.json`).
#[test]
fn todays_schema_takes_format_2_files_from_before_it_grew() {
    let text = std::fs::read_to_string(repo("tests/fixtures/signed-v2/valid.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let v2 = validator_of(Format::V2);
    let problems: Vec<String> = v2.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(typed(Format::V2, &doc));
}
