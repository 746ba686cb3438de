//! A property-test harness over everything the app reads from outside:
//! stored values (every `draft::decode_*`, revisions, the write guard) and
//! summary files (`summary::verify`). Whatever is stored or chosen, none of
//! them panics: on the tablet a panic aborts the page, and the review in it.
//!
//! Fixed case counts and a fixed seed, so it runs the same in `cargo test`
//! on every machine (`cargo fuzz` needs nightly; this needs nothing).

mod common;

#[allow(unused_imports)]
use common::*;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use review_core::summary::{read_unsigned, verify, SigningKey, VerifyOptions};
use review_core::{backup, draft};
use serde_json::{json, Value};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_seed: RngSeed::Fixed(0x0d_ec_0d_e5),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every way the app reads a stored value, on the same text.
fn decode_everything(raw: &str) {
    let _ = draft::decode_review(raw);
    let _ = draft::decode_review_at(raw);
    let _ = draft::stored_revision(raw);
    let _ = draft::decode_settings(raw);
    let _ = draft::decode_index(raw);
    let _ = draft::decode_summary(raw);
    let _ = backup::decode_other_signed_files(raw);
    let _ = draft::decode_display(raw);
    let _ = draft::display_or_default(Some(raw));
    for base in [0, 1, u64::MAX] {
        let _ = draft::plan_write(Some(raw), base);
    }
}

const KINDS: &[&str] = &["review", "settings", "index", "summary", "display", "other"];

/// Any JSON, a few levels deep, with the words our envelopes use.
fn json_value() -> impl Strategy<Value = Value> {
    any_json(
        KINDS,
        "[a-zA-Z]{1,8}|version|kind|data|revision|id|text|fileName",
    )
}

/// A signed summary, as records teams receive one: format 2 signed by a
/// fixed key (once: signing is slow unoptimised), or the frozen format 1
/// file the last build made.
fn signed_summary(format_1: bool) -> Vec<u8> {
    static SIGNED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    if format_1 {
        return include_bytes!("../../../tests/fixtures/signed-v1/valid.json").to_vec();
    }
    SIGNED.get_or_init(sign_fixture).clone()
}

fn sign_fixture() -> Vec<u8> {
    let text = include_bytes!("../../../tests/fixtures/summary-unsigned-v2.json");
    let summary = read_unsigned(text, None).expect("the fixture is a valid unsigned summary");
    summary
        .sign(&SigningKey::from_seed([9; 32]))
        .expect("the fixture signs")
}

/// Pieces of JSON that mutations splice into a signed file.
const TOKENS: &[&str] = JSON_TOKENS;

/// One change to a JSON tree: replace a node found by `path`, or drop it.
fn mutate(node: &mut Value, path: &[usize], replacement: Option<Value>) {
    let Some((step, rest)) = path.split_first() else {
        *node = replacement.unwrap_or(Value::Null);
        return;
    };
    match node {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap();
            if rest.is_empty() && replacement.is_none() {
                map.remove(&key);
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, replacement);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            if rest.is_empty() && replacement.is_none() {
                items.remove(i);
            } else {
                mutate(&mut items[i], rest, replacement);
            }
        }
        _ => *node = replacement.unwrap_or(Value::Null),
    }
}

#[test]
fn the_signed_summary_used_below_verifies() {
    // Otherwise the mutations below would start from a file that fails anyway.
    assert!(verify(&signed_summary(false), &VerifyOptions::default()).is_intact());
    assert!(verify(&signed_summary(true), &VerifyOptions::default()).is_intact());
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn decoding_any_stored_text_never_panics(raw in any::<String>()) {
        decode_everything(&raw);
    }

    #[test]
    fn decoding_json_ish_text_never_panics(raw in r#"[\[\]{}:,"0-9a-z \-.]{0,80}"#) {
        decode_everything(&raw);
    }

    #[test]
    fn decoding_any_envelope_never_panics(
        version in prop_oneof![Just(json!(1)), json_value()],
        kind in prop_oneof![prop::sample::select(KINDS).prop_map(Value::from), json_value()],
        revision in prop::option::of(json_value()),
        data in json_value(),
    ) {
        let mut envelope = json!({ "version": version, "kind": kind, "data": data });
        if let Some(revision) = revision {
            envelope["revision"] = revision;
        }
        decode_everything(&envelope.to_string());
    }
}

proptest! {
    // Each case may reach the Ed25519 check (~12 ms unoptimised).
    #![proptest_config(config(128))]

    #[test]
    fn verifying_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let v = verify(&bytes, &VerifyOptions::default());
        prop_assert!(!v.is_intact());
    }

    #[test]
    fn verifying_a_textually_mutated_signed_file_never_panics(
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..6usize, prop::sample::select(TOKENS)),
            1..4,
        ),
        format_1 in any::<bool>(),
    ) {
        let good = signed_summary(format_1);
        let text = String::from_utf8(good.clone()).unwrap();
        let mutated = with_edits(&text, &edits);
        let v = verify(mutated.as_bytes(), &VerifyOptions::default());
        // A change that leaves the bytes as they were may verify; no other may.
        prop_assert!(!v.is_intact() || mutated.as_bytes() == good.as_slice());
    }

    #[test]
    fn verifying_a_structurally_mutated_signed_file_never_panics(
        path in prop::collection::vec(any::<usize>(), 0..6),
        replacement in prop::option::of(json_value()),
        format_1 in any::<bool>(),
    ) {
        let good = signed_summary(format_1);
        let mut value: Value = serde_json::from_slice(&good).unwrap();
        mutate(&mut value, &path, replacement);
        for bytes in [serde_json::to_vec(&value).unwrap(), serde_json::to_vec_pretty(&value).unwrap()] {
            let _ = verify(&bytes, &VerifyOptions::default());
        }
    }

    #[test]
    fn verifying_bytes_flipped_anywhere_never_panics(
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1..=255u8), 1..8),
        format_1 in any::<bool>(),
    ) {
        let mut bytes = signed_summary(format_1);
        for (position, mask) in flips {
            let i = position.index(bytes.len());
            bytes[i] ^= mask;
        }
        let v = verify(&bytes, &VerifyOptions::default());
        prop_assert!(!v.is_intact());
    }
}
