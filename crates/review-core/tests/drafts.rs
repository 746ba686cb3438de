//! Drafts on the device: the versioned envelope, what cannot be read, the v1
//! fixture that later migrations are tested against, and text kept in NFC.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use review_core::draft::{self, DraftError};
use review_core::*;
use serde_json::{json, Value};

/// A complete review as format v1 stored it. Written once from the encoder
/// (pretty-printed); never regenerate it: a format change needs a new version,
/// a migration, and a new fixture beside this one.
const REVIEW_V1: &str = include_str!("fixtures/review-v1.json");

fn json(raw: &str) -> Value {
    serde_json::from_str(raw).expect("valid JSON")
}

// ---- Round trips ----------------------------------------------------------

#[test]
fn a_review_survives_encode_and_decode() {
    for review in [new_review(), part_one_complete(), signed_off()] {
        assert_eq!(
            draft::decode_review(&draft::encode_review(&review)),
            Ok(review)
        );
    }
}

#[test]
fn settings_survive_encode_and_decode() {
    for settings in [DeviceSettings::default(), settings()] {
        assert_eq!(
            draft::decode_settings(&draft::encode_settings(&settings)),
            Ok(settings)
        );
    }
}

#[test]
fn the_index_survives_encode_and_decode_in_order() {
    let cases: [Vec<String>; 3] = [
        vec![],
        vec!["review-1".into()],
        vec!["b".into(), "a".into(), "c".into()],
    ];
    for ids in cases {
        assert_eq!(draft::decode_index(&draft::encode_index(&ids)), Ok(ids));
    }
}

#[test]
fn the_envelope_names_its_version_and_kind() {
    let cases = [
        (draft::encode_review(&new_review()), "review"),
        (draft::encode_settings(&settings()), "settings"),
        (draft::encode_index(&["r".into()]), "index"),
    ];
    for (raw, kind) in cases {
        let v = json(&raw);
        // Reviews are at version 8 (lists of points, visibility, the
        // copies given, the points of a disagreement, why now, ages, job
        // titles and what matters, the numbers for the records, then the
        // last review followed on from); the rest never changed.
        let version = if kind == "review" { 9 } else { 1 };
        assert_eq!(v["version"], json!(version), "{kind}");
        assert_eq!(v["kind"], json!(kind));
        assert!(
            v["data"].is_object() || v["data"].is_array(),
            "{kind} has data"
        );
        assert_eq!(
            v.as_object().map(|m| m.len()),
            Some(3),
            "nothing else in the envelope"
        );
    }
    assert_eq!(draft::CURRENT_VERSION, 9);
}

#[test]
fn storage_keys_share_one_namespace() {
    assert_eq!(draft::review_key("abc"), "review-together/review/abc");
    assert_eq!(draft::index_key(), "review-together/index");
    assert_eq!(draft::settings_key(), "review-together/settings");
}

#[test]
fn a_review_id_is_read_back_only_from_a_review_key() {
    let cases = [
        ("review-together/review/abc", Some("abc")),
        (draft::review_key("a/b").as_str(), Some("a/b")),
        ("review-together/review/", None),
        ("review-together/index", None),
        ("review-together/settings", None),
        ("other-app/review/abc", None),
        ("review-togetherx/review/abc", None),
        ("", None),
    ]
    .map(|(k, id)| (k.to_string(), id));
    for (key, id) in cases {
        assert_eq!(draft::review_id_of_key(&key), id, "{key:?}");
    }
}

// ---- What cannot be read ----------------------------------------------------

#[test]
fn text_that_is_not_json_is_reported_as_not_json() {
    for raw in [
        "",
        "   ",
        "not json",
        "{",
        "{\"version\":1,",
        "\u{feff}{}",
        "'x'",
    ] {
        assert_eq!(
            draft::decode_review(raw),
            Err(DraftError::NotJson),
            "{raw:?}"
        );
    }
    assert_words(
        &DraftError::NotJson,
        "the saved data is damaged (it is not readable text data)",
    );
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let raw = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(draft::decode_review(&raw), Err(DraftError::NotJson));
}

#[test]
fn json_without_our_envelope_is_reported_as_not_ours() {
    let cases = [
        "[]",
        "[1,\"review\",{}]",
        "null",
        "42",
        "\"review\"",
        "{}",
        r#"{"kind":"review","data":{}}"#,
        r#"{"version":"1","kind":"review","data":{}}"#,
        r#"{"version":-1,"kind":"review","data":{}}"#,
        r#"{"version":null,"kind":"review","data":{}}"#,
        r#"{"version":1,"data":{}}"#,
        r#"{"version":1,"kind":7,"data":{}}"#,
    ];
    for raw in cases {
        assert_eq!(draft::decode_review(raw), Err(DraftError::NotOurs), "{raw}");
    }
    assert_words(
        &DraftError::NotOurs,
        "the saved data was not written by Review Together",
    );
}

#[test]
fn an_envelope_from_a_newer_version_is_reported_with_its_version() {
    let cases = [
        (10, r#"{"version":10,"kind":"review","data":{}}"#),
        (17, r#"{"version":17}"#),
    ];
    for (version, raw) in cases {
        assert_eq!(
            draft::decode_review(raw),
            Err(DraftError::FromNewerVersion(version))
        );
    }
    assert_eq!(
        DraftError::FromNewerVersion(3).to_string(),
        "it was saved by a newer version of Review Together (format 3, newer than this version reads)"
    );
}

/// What decoding gives for an envelope of the kind `found` where `expected`
/// was asked for.
fn wrong_kind<T>(expected: &'static str, found: impl Into<String>) -> Result<T, DraftError> {
    Err(DraftError::WrongKind {
        expected,
        found: found.into(),
    })
}

#[test]
fn an_envelope_of_another_kind_is_reported_as_the_wrong_kind() {
    let settings = draft::encode_settings(&settings());
    assert_eq!(
        draft::decode_review(&settings),
        wrong_kind("review", "settings")
    );
    let review = draft::encode_review(&new_review());
    assert_eq!(draft::decode_index(&review), wrong_kind("index", "review"));
    assert_eq!(
        draft::decode_review(&settings).unwrap_err().to_string(),
        "expected a saved review but found a saved settings"
    );
}

#[test]
fn a_long_unknown_kind_is_cut_to_40_characters_in_the_message() {
    let raw = json!({ "version": 1, "kind": "é".repeat(100), "data": {} }).to_string();
    assert_eq!(
        draft::decode_review(&raw),
        wrong_kind("review", "é".repeat(40))
    );
}

#[test]
fn data_of_the_wrong_shape_is_reported_as_damaged() {
    let mut bad_role = json(REVIEW_V1);
    bad_role["data"]["participants"][0]["role"] = json!("manager");
    let mut bad_time = json(REVIEW_V1);
    bad_time["data"]["createdAt"] = json!("yesterday");
    let mut bad_time_box = json(REVIEW_V1);
    bad_time_box["data"]["process"]["timeBoxes"]["partnership"] = json!(-5);
    let mut no_id = json(REVIEW_V1);
    no_id["data"].as_object_mut().unwrap().remove("id");
    let cases = [
        (
            "data is a list",
            json!({ "version": 1, "kind": "review", "data": [] }),
        ),
        ("data is missing", json!({ "version": 1, "kind": "review" })),
        (
            "data is empty",
            json!({ "version": 1, "kind": "review", "data": {} }),
        ),
        ("an unknown role", bad_role),
        ("a time that is not a time", bad_time),
        ("a negative time box", bad_time_box),
        ("no review id", no_id),
    ];
    for (behaviour, envelope) in cases {
        let result = draft::decode_review(&envelope.to_string());
        assert!(
            matches!(result, Err(DraftError::Damaged(_))),
            "{behaviour}: {result:?}"
        );
    }
}

#[test]
fn damaged_settings_and_index_are_reported_as_damaged() {
    let settings = r#"{"version":1,"kind":"settings","data":{"organisation":7}}"#;
    assert!(matches!(
        draft::decode_settings(settings),
        Err(DraftError::Damaged(_))
    ));
    let index = r#"{"version":1,"kind":"index","data":["a",2]}"#;
    assert!(matches!(
        draft::decode_index(index),
        Err(DraftError::Damaged(_))
    ));
}

#[test]
fn a_version_older_than_any_format_is_reported_as_damaged() {
    let raw = r#"{"version":0,"kind":"review","data":{}}"#;
    let err = draft::decode_review(raw).unwrap_err();
    assert_eq!(err, DraftError::Damaged("unknown format 0".into()));
    assert_eq!(
        err.to_string(),
        "part of the saved data is damaged (unknown format 0)"
    );
}

#[test]
fn settings_saved_with_fields_missing_read_as_empty() {
    // DeviceSettings fills in what is missing, so older settings still load.
    let raw = r#"{"version":1,"kind":"settings","data":{"workerName":"Sam"}}"#;
    assert_eq!(
        draft::decode_settings(raw),
        Ok(DeviceSettings {
            worker_name: "Sam".into(),
            ..Default::default()
        })
    );
}

// ---- The v1 fixture -----------------------------------------------------------

#[test]
fn the_v1_fixture_decodes_to_the_complete_review() {
    assert_eq!(
        draft::decode_review(REVIEW_V1),
        Ok(part_one_before_visibility())
    );
}

#[test]
fn the_v1_fixture_is_written_again_as_the_current_version_with_the_same_data() {
    // Part one has no services, so version 2 changes nothing in it but the
    // version. If the data differs, the stored format changed: bump the
    // version, add a migration and keep a fixture to test it.
    let decoded = draft::decode_review(REVIEW_V1).expect("the fixture decodes");
    let written = json(&draft::encode_review(&decoded));
    assert_eq!(written["version"], json!(draft::CURRENT_VERSION));
    assert_eq!(written["data"], json(REVIEW_V1)["data"]);
}

/// Version 1 kept a service's benefits, difficulties and changes as one
/// text each: each becomes one point, speaker not recorded, with an id
/// made from the service's; blank or absent text becomes no point.
#[test]
fn version_1_services_become_lists_of_points_and_nothing_is_invented() {
    let mut v1 = json(REVIEW_V1);
    v1["data"]["servicesInUse"] = json!(true);
    v1["data"]["resources"] = json!([
        {
            "id": "cafe", "kind": "support-group", "name": "Carers' café",
            "benefits": "Meets other carers", "difficulties": "",
            "needsMet": "partly", "decision": "change", "changes": "Nearer home"
        },
        { "id": "allowance", "name": "Carer's Allowance" }
    ]);
    let review = draft::decode_review(&v1.to_string()).expect("a version 1 draft decodes");
    let cafe = &review.resources[0];
    assert_eq!(
        cafe.benefits,
        [Remark {
            id: "cafe-benefits".into(),
            text: "Meets other carers".into(),
            said_by: Speaker::NotRecorded,
        }]
    );
    assert!(cafe.difficulties.is_empty());
    assert_eq!(cafe.changes[0].id, "cafe-changes");
    assert_eq!(cafe.changes[0].text, "Nearer home");
    assert_eq!(cafe.needs_met, Some(NeedsMet::Partly));
    let allowance = &review.resources[1];
    assert!(allowance.benefits.is_empty() && allowance.changes.is_empty());
    // Migrating twice is migrating once: the stored version 2 reads back the same.
    let again = draft::decode_review(&draft::encode_review(&review)).unwrap();
    assert_eq!(again, review);
    // A shape version 1 never wrote is damage, reported, never guessed at.
    let mut odd = v1.clone();
    odd["data"]["resources"][0]["benefits"] = json!(42);
    assert!(matches!(
        draft::decode_review(&odd.to_string()),
        Err(DraftError::Damaged(_))
    ));
}

/// Only reviews changed at version 2: the other kinds are still version 1,
/// so a build from before reads them, and version 2 of them is "newer".
#[test]
fn each_kind_has_its_own_version() {
    let settings = draft::encode_settings(&settings());
    assert_eq!(json(&settings)["version"], json!(1));
    let as_v2 = settings.replace("\"version\":1", "\"version\":2");
    assert_eq!(
        draft::decode_settings(&as_v2),
        Err(DraftError::FromNewerVersion(2))
    );
    let review = draft::encode_review(&new_review()).replace("\"version\":9", "\"version\":10");
    assert_eq!(
        draft::decode_review(&review),
        Err(DraftError::FromNewerVersion(10))
    );
}

#[test]
fn the_v1_fixture_keeps_what_was_typed_and_decided() {
    let review = draft::decode_review(REVIEW_V1).expect("the fixture decodes");
    assert_eq!(review.updated_at, at("2026-11-24T10:25:00+00:00"));
    assert_eq!(
        review.carer().map(|c| c.display_name()),
        Some("Ayesha Hughes, carer".into())
    );
    assert_eq!(
        review.readiness.get("individual/advocate"),
        Some(&joan_advocate_not_met())
    );
    assert_eq!(
        review.process.time_boxes.get(&AgendaItem::Partnership),
        Some(&20)
    );
    // Part 1 done but for what was asked after it was saved (who may see
    // what by default: "How we'll review" asks for it, and nothing else);
    // of the review proper, escalation is off the agenda, so four parts (not
    // started) remain.
    assert_eq!(review_core::progress::parts_done(&review), (4, 9));
    let asked: Vec<String> = review_core::setup::checks::process(&review)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(asked, ["default-visibility"]);
}

// ---- Text is stored in NFC ----------------------------------------------------

#[test]
fn a_decomposed_name_is_stored_composed() {
    let review = review_with([name(INDIVIDUAL, "Rene\u{301}e")]);
    let stored = &review.participant(INDIVIDUAL).unwrap().name;
    assert_eq!(stored, "Ren\u{e9}e");
    assert_eq!(stored.chars().count(), 5);
}

#[test]
fn a_composed_name_survives_the_round_trip() {
    let review = review_with([name(INDIVIDUAL, "Rene\u{301}e")]);
    let decoded = draft::decode_review(&draft::encode_review(&review)).unwrap();
    assert_eq!(decoded.participant(INDIVIDUAL).unwrap().name, "Ren\u{e9}e");
}

#[test]
fn cleaned_text_is_nfc_even_around_dropped_control_characters() {
    // NFC keeps "e", NUL, U+0301 apart; dropping the NUL afterwards leaves "e\u{301}".
    let cleaned = text::clean("e\u{0}\u{301}");
    assert!(unicode_normalization::is_nfc(&cleaned), "{cleaned:?}");
    assert_eq!(cleaned, "\u{e9}");
}

// ---- Decoding never panics ----------------------------------------------------

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        // Fixed, so a failure is the same on every machine (a flaky test is a bug).
        rng_seed: RngSeed::Fixed(0x5c_d4_5c_03_87),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings the review's own data uses, so mutations reach deep into decoding.
const DOMAIN_WORDS: &[&str] = &[
    "review",
    "settings",
    "index",
    "in-person",
    "remote",
    "absent-views-gathered",
    "carer",
    "individual",
    "worker",
    "met",
    "not-met",
    "library",
    "custom",
    "partnership",
    "five-step",
    "signed-off",
    "spoken",
    "bsl",
    "interpreter",
    "communication",
    "2026-11-24T10:00:00Z",
    "2026-11-24T10:00:00+01:00",
    "",
];

/// Any JSON, a few levels deep, with the words our drafts use.
fn json_value() -> impl Strategy<Value = Value> {
    any_json(
        DOMAIN_WORDS,
        "[a-zA-Z]{1,8}|status|kind|method|version|data|id|role",
    )
}

/// One change somewhere in the fixture's tree: replace a node, or drop it.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(Value),
    Remove,
}

fn mutate(node: &mut Value, path: &[usize], mutation: Mutation) {
    let (step, rest) = match path.split_first() {
        Some(split) => split,
        None => {
            *node = match mutation {
                Mutation::Replace(v) => v,
                Mutation::Remove => Value::Null,
            };
            return;
        }
    };
    match node {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap();
            if rest.is_empty() && matches!(mutation, Mutation::Remove) {
                map.remove(&key);
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, mutation);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            if rest.is_empty() && matches!(mutation, Mutation::Remove) {
                items.remove(i);
            } else {
                mutate(&mut items[i], rest, mutation);
            }
        }
        _ => mutate(node, &[], mutation),
    }
}

/// A decoded review must re-encode to the same review: what loads can be saved.
fn check_decodes_safely(raw: &str) -> Result<(), TestCaseError> {
    if let Ok(review) = draft::decode_review(raw) {
        let again = draft::decode_review(&draft::encode_review(&review));
        prop_assert_eq!(again, Ok(review));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoding_any_text_never_panics(raw in any::<String>()) {
        check_decodes_safely(&raw)?;
    }

    #[test]
    fn decoding_json_ish_text_never_panics(raw in r#"[\[\]{}:,"0-9a-z \-.]{0,64}"#) {
        check_decodes_safely(&raw)?;
    }

    #[test]
    fn decoding_any_data_in_a_v1_envelope_never_panics(data in json_value()) {
        let raw = json!({ "version": 1, "kind": "review", "data": data }).to_string();
        check_decodes_safely(&raw)?;
    }

    #[test]
    fn decoding_a_structurally_mutated_fixture_never_panics(
        path in prop::collection::vec(any::<usize>(), 0..7),
        // Domain words keep many mutants readable, so the round trip is exercised too.
        mutation in prop_oneof![
            2 => json_value().prop_map(Mutation::Replace),
            2 => prop::sample::select(DOMAIN_WORDS).prop_map(|w| Mutation::Replace(w.into())),
            1 => Just(Mutation::Remove),
        ],
    ) {
        let mut envelope = json(REVIEW_V1);
        mutate(&mut envelope, &path, mutation);
        check_decodes_safely(&envelope.to_string())?;
    }

    #[test]
    fn decoding_a_textually_mutated_fixture_never_panics(
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..4usize, prop::sample::select(&[
                "", "\"", "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "0.5",
                "\"x\"", "true", "\\u0000", "\\ud800", "é", "\u{301}",
            ][..])),
            1..4,
        ),
    ) {
        let raw = with_edits(REVIEW_V1, &edits);
        check_decodes_safely(&raw)?;
    }
}

#[test]
fn the_team_key_list_is_kept_in_its_own_envelope_and_read_strictly() {
    use review_core::summary::SigningKey;
    let list = team_list_of(SigningKey::from_seed([42; 32]).public_jwk(), "Sam's tablet");
    let imported = draft::ImportedTeamKeys {
        list: list.to_json(),
        file_name: "team.keys".into(),
        imported_at: "2026-12-03T10:00:00+00:00".into(),
    };
    let raw = draft::encode_team_keys(&imported);
    assert_eq!(draft::decode_team_keys(&raw), Ok((imported.clone(), list)));
    // A list inside that no longer reads is damaged, with the list's reason.
    let bad = draft::ImportedTeamKeys {
        list: imported
            .list
            .replace("\"revoked\":false", "\"revoked\":\"false\""),
        ..imported
    };
    match draft::decode_team_keys(&draft::encode_team_keys(&bad)) {
        Err(draft::DraftError::Damaged(why)) => assert!(why.contains("revoked"), "{why}"),
        other => panic!("{other:?}"),
    }
    // Another kind's envelope is not a key list.
    assert!(matches!(
        draft::decode_team_keys(&draft::encode_index(&[])),
        Err(draft::DraftError::WrongKind { .. })
    ));
    assert!(draft::team_keys_key().ends_with("/team-keys"));
}

#[test]
fn signed_files_of_unknown_kinds_are_kept_exactly_in_their_own_envelope() {
    use review_core::backup::SignedCopy;
    let files = vec![
        SignedCopy {
            kind: "recipient-copy".into(),
            text: "{\"b\":1,\"a\":\"ü\"}".into(),
        },
        SignedCopy {
            kind: "addendum".into(),
            text: "not even JSON".into(),
        },
    ];
    let raw = backup::encode_other_signed_files(&files);
    assert_eq!(json(&raw)["kind"], "signed-files");
    assert_eq!(backup::decode_other_signed_files(&raw), Ok(files));
    assert!(matches!(
        backup::decode_other_signed_files(&draft::encode_index(&[])),
        Err(draft::DraftError::WrongKind { .. })
    ));
    assert_eq!(
        draft::other_signed_files_key("abc"),
        "review-together/signed-files/abc"
    );
}

/// Deployments on one origin (issue 20): the root keeps the namespace drafts
/// were always kept under; each folder has its own, and no deployment's keys
/// start with another's namespace and `/`.
#[test]
fn each_deployment_has_a_namespace_of_its_own() {
    use review_core::draft::{namespace_for, NAMESPACE};
    assert_eq!(namespace_for("/"), NAMESPACE);
    assert_eq!(namespace_for(""), NAMESPACE);
    assert_eq!(namespace_for("/test/"), "review-together@%2Ftest%2F");
    assert_eq!(namespace_for("/test"), namespace_for("/test/"));
    assert_eq!(namespace_for("/a%2Fb/"), "review-together@%2Fa%252Fb%2F");
    let folders = [
        "/",
        "/test/",
        "/live/",
        "/test/sub/",
        "/test/sub/deeper/",
        "/a/b/",
        "/a%2Fb/",
        "/te/",
    ];
    for a in folders {
        for b in folders {
            let (ns_a, ns_b) = (namespace_for(a), namespace_for(b));
            let key_of_b = format!("{ns_b}/review/x");
            let a_claims_it = key_of_b.starts_with(&format!("{ns_a}/"));
            assert_eq!(a_claims_it, a == b, "{a} and {b}");
            assert!(!ns_a[NAMESPACE.len()..].contains('/'), "{ns_a}");
        }
    }
    // With nothing set, keys are the root's: what every earlier build wrote.
    assert_eq!(
        review_core::draft::review_key("r1"),
        "review-together/review/r1"
    );
    assert!(review_core::draft::is_ours("review-together/review/r1"));
    assert!(!review_core::draft::is_ours(
        "review-together@%2Ftest%2F/review/r1"
    ));
    assert!(!review_core::draft::is_ours("review-togetherness/x"));
}
