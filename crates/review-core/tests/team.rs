//! The team configuration (`team.json`, issue 20): the documented example
//! reads; its schema is generated from the types and shipped in `docs/`; a
//! bad file is refused with the member named, by the reader and (where a
//! schema can say it) by the schema too; a hosted file wins over an imported
//! one; identifier shapes; the envelope it is kept in on the device.

mod common;

use common::assert_file_is_generated;
use review_core::draft::{self, DraftError};
use review_core::team::{self, in_force, IdentifierRule, KeptTeam, Source, TeamProfile};
use serde_json::{json, Value};
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn example_text() -> String {
    std::fs::read_to_string(repo("docs/team.example.json")).expect("docs/team.example.json")
}

fn example() -> Value {
    serde_json::from_str(&example_text()).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&team::schema_json()).unwrap();
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

#[test]
fn the_documented_example_reads_and_its_schema_is_the_shipped_one() {
    let profile = TeamProfile::from_json(&example_text()).expect("the example reads");
    assert_eq!(profile.team.name, "Carers Support Team");
    assert_eq!(profile.languages, ["en-GB", "cy", "pl"]);
    assert_eq!(profile.identifiers.len(), 2);
    let keys = profile.key_list().expect("its key list reads");
    assert_eq!(keys.len(), 1);
    assert_eq!(keys.keys[0].name, "Sam Okafor's tablet");
    assert_file_is_generated(
        &repo(team::SCHEMA_PATH),
        &team::schema_json(),
        "UPDATE_SCHEMA",
        "is out of date: UPDATE_SCHEMA=1 cargo test -p review-core --test team",
    );
    let errors: Vec<String> = validator()
        .iter_errors(&example())
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let schema: Value = serde_json::from_str(&team::schema_json()).unwrap();
    assert_eq!(schema["$id"], team::SCHEMA_ID);
    assert_eq!(schema["additionalProperties"], false);
}

/// Set (or with `None`, remove) the member at `pointer` of the example.
fn changed(pointer: &str, to: Option<Value>) -> Value {
    let mut value = example();
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let holder = value.pointer_mut(parent).unwrap();
    match (holder, to) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.to_string(), v);
        }
        (Value::Object(map), None) => {
            map.remove(last);
        }
        (Value::Array(list), Some(v)) => list[last.parse::<usize>().unwrap()] = v,
        _ => panic!("{pointer}"),
    }
    value
}

#[test]
fn a_bad_file_is_refused_with_the_member_named() {
    // (what is changed, to what, the member the message names, whether the
    // schema refuses it too)
    let cases: Vec<(&str, Option<Value>, &str, bool)> = vec![
        (
            "/team/fone",
            Some(json!("01632 960 123")),
            "team.fone",
            true,
        ),
        ("/team/name", None, "team", true),
        ("/team/name", Some(json!(" ")), "team.name", false),
        ("/team/phone", Some(json!(1632960123)), "team.phone", true),
        ("/team/phone", Some(json!("call us")), "team.phone", true),
        ("/team/phone", Some(json!("123")), "team.phone", false),
        (
            "/team/email",
            Some(json!("carers.northshire.example")),
            "team.email",
            false,
        ),
        (
            "/format",
            Some(json!("review-together/summary")),
            "format",
            true,
        ),
        ("/version", Some(json!(2)), "version", true),
        ("/updated", Some(json!("1 December 2026")), "updated", true),
        ("/updated", Some(json!("2026-13-40")), "updated", false),
        ("/complaints/how", Some(json!("")), "complaints.how", true),
        (
            "/complaints/web",
            Some(json!("http://www.northshire.example")),
            "complaints.web",
            true,
        ),
        (
            "/complaints/email",
            Some(json!("no")),
            "complaints.email",
            false,
        ),
        (
            "/identifiers/0/id",
            Some(json!("Case Ref")),
            "identifiers[0].id",
            true,
        ),
        (
            "/identifiers/1/id",
            Some(json!("case-reference")),
            "identifiers[1].id",
            false,
        ),
        (
            "/identifiers/0/format",
            Some(json!("CR-")),
            "identifiers[0].format",
            false,
        ),
        (
            "/identifiers/0/required",
            Some(json!("yes")),
            "identifiers[0].required",
            true,
        ),
        ("/languages", Some(json!([])), "languages", true),
        (
            "/languages/1",
            Some(json!("Welsh language")),
            "languages[1]",
            false,
        ),
        ("/languages/2", Some(json!("EN-gb")), "languages[2]", false),
        (
            "/keys/keys/0/added",
            Some(json!("yesterday")),
            "keys",
            false,
        ),
        (
            "/keys/keys/0/kid",
            Some(json!("not-the-thumbprint")),
            "keys",
            false,
        ),
        ("/colour", Some(json!("blue")), "colour", true),
    ];
    let schema = validator();
    for (pointer, to, field, schema_refuses) in cases {
        let file = changed(pointer, to.clone());
        let error = TeamProfile::from_json(&file.to_string())
            .expect_err(&format!("{pointer} = {to:?} is refused"));
        assert_eq!(error.field, field, "{pointer}: {error}");
        assert!(!error.why.is_empty());
        let message = error.to_string();
        if !field.is_empty() {
            assert!(message.starts_with(&format!("{field}: ")), "{message}");
        }
        assert!(!message.contains(" at line "), "{message}");
        assert_eq!(
            !schema.is_valid(&file),
            schema_refuses,
            "the schema on {pointer} = {to:?}"
        );
    }
    // The member that is missing or unknown is in the words.
    let missing = TeamProfile::from_json(&changed("/team/name", None).to_string()).unwrap_err();
    assert!(missing.why.contains("`name`"), "{missing}");
    let unknown =
        TeamProfile::from_json(&changed("/team/fone", Some(json!("1"))).to_string()).unwrap_err();
    assert!(unknown.why.contains("`fone`"), "{unknown}");
}

#[test]
fn what_is_not_a_configuration_at_all_says_so() {
    for (text, words) in [
        ("", "not valid JSON"),
        ("{\"format\": ", "not valid JSON"),
        ("<!DOCTYPE html><html></html>", "not valid JSON"),
        ("[1, 2]", "invalid type"),
    ] {
        let error = TeamProfile::from_json(text).unwrap_err();
        assert!(error.to_string().contains(words), "{text:?}: {error}");
    }
    let trailing = format!("{} {{}}", example_text());
    assert!(TeamProfile::from_json(&trailing)
        .unwrap_err()
        .to_string()
        .contains("not valid JSON"));
    let huge = format!("{{\"x\": \"{}\"}}", "a".repeat(team::MAX_BYTES));
    assert!(TeamProfile::from_json(&huge)
        .unwrap_err()
        .to_string()
        .contains("over 256 KB"));
    let newer = changed("/version", Some(json!(2)));
    assert!(TeamProfile::from_json(&newer.to_string())
        .unwrap_err()
        .to_string()
        .contains("update the app"));
}

#[test]
fn identifier_shapes() {
    let rule = |format: &str| IdentifierRule {
        id: "x".into(),
        label: "X".into(),
        format: format.into(),
        required: false,
        hint: None,
    };
    let cases = [
        ("CR-999999", "CR-004512", true),
        ("CR-999999", "CR-04512", false),
        ("CR-999999", "CR 004512", false),
        ("CR-999999", "cr-004512", false),
        ("AA999999", "ab123456", true),
        ("AA999999", "AB12345X", false),
        ("***", "a1Z", true),
        ("***", "a1-", false),
        ("999 999 9999", "943 476 5919", true),
        ("999 999 9999", "9434765919", false),
        ("999", "", false),
        ("999", "1234", false),
    ];
    for (format, value, accepted) in cases {
        assert_eq!(rule(format).accepts(value), accepted, "{format} {value}");
    }
}

fn kept(text: &str, source: Source) -> KeptTeam {
    KeptTeam {
        text: text.into(),
        source,
        received_at: "2026-12-02T09:00:00+00:00".into(),
        file_name: (source == Source::Imported).then(|| "team.json".into()),
    }
}

#[test]
fn a_hosted_configuration_wins_and_an_unreadable_one_never_counts() {
    let ours = example_text();
    let other = changed("/team/name", Some(json!("Another Team"))).to_string();
    let hosted = kept(&ours, Source::Hosted);
    let imported = kept(&other, Source::Imported);
    let (from, profile) = in_force(Some(&hosted), Some(&imported)).unwrap();
    assert_eq!(
        (from.source, profile.team.name.as_str()),
        (Source::Hosted, "Carers Support Team")
    );
    let (from, profile) = in_force(None, Some(&imported)).unwrap();
    assert_eq!(
        (from.source, profile.team.name.as_str()),
        (Source::Imported, "Another Team")
    );
    let damaged = kept("{\"format\": 1}", Source::Hosted);
    assert_eq!(
        in_force(Some(&damaged), Some(&imported)).unwrap().0.source,
        Source::Imported
    );
    assert!(in_force(Some(&damaged), None).is_none());
    assert!(in_force(None, None).is_none());
}

#[test]
fn a_kept_configuration_round_trips_in_its_envelope() {
    let value = kept(&example_text(), Source::Imported);
    let stored = draft::encode_team(&value);
    assert_eq!(draft::decode_team(&stored).unwrap(), value);
    let envelope: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(envelope["kind"], "team");
    assert_eq!(envelope["version"], 1);
    assert_eq!(envelope["data"]["source"], "imported");
    assert_eq!(envelope["data"]["fileName"], "team.json");
    let newer = stored.replace("\"version\":1", "\"version\":2");
    assert_eq!(
        draft::decode_team(&newer),
        Err(DraftError::FromNewerVersion(2))
    );
    assert_eq!(
        draft::team_key(Source::Hosted),
        "review-together/team/hosted"
    );
    assert_eq!(
        draft::team_key(Source::Imported),
        "review-together/team/imported"
    );
}

/// docs/team.md quotes the reader's messages: they are the reader's.
#[test]
fn the_messages_docs_team_md_quotes_are_the_ones_given() {
    let doc = std::fs::read_to_string(repo("docs/team.md")).unwrap();
    let cases = [
        changed("/team/email", Some(json!("carers.northshire.example"))),
        changed("/team/fax", Some(json!("01632 960 000"))),
        changed("/keys/keys/0/added", Some(json!("yesterday"))),
        changed("/version", Some(json!(2))),
    ];
    for file in cases {
        let message = TeamProfile::from_json(&file.to_string())
            .unwrap_err()
            .to_string();
        assert!(
            doc.contains(&message),
            "docs/team.md does not quote: {message}"
        );
    }
}

/// The app's reader walks the file by hand; the types' serde derive (from
/// which the schema is made) reads the same files the same way.
#[test]
fn the_reader_and_the_types_agree() {
    let bare = {
        let mut v = example();
        let object = v.as_object_mut().unwrap();
        for member in ["$schema", "keys", "identifiers"] {
            object.remove(member);
        }
        for member in ["organisation", "address", "hours"] {
            object["team"].as_object_mut().unwrap().remove(member);
        }
        object["complaints"] = json!({ "how": "Ask us." });
        v
    };
    for file in [example(), bare] {
        let text = file.to_string();
        let by_hand = TeamProfile::from_json(&text).unwrap();
        let by_serde: TeamProfile = serde_json::from_str(&text).unwrap();
        assert_eq!(by_hand, by_serde);
        assert_eq!(serde_json::to_value(&by_hand).unwrap(), file);
    }
    // A member given twice is refused (the derive would take the last).
    let twice = example_text().replacen("\"version\": 1,", "\"version\": 1, \"version\": 1,", 1);
    assert!(TeamProfile::from_json(&twice)
        .unwrap_err()
        .to_string()
        .contains("not valid JSON"));
}
