//! What the CLI's tests share: writing a file into a test's folder, the
//! team's key list that trusts the keys a test signs with, and the test
//! review's records copy and the worker's reflection on it, signed.
#![allow(dead_code)] // each test file uses what it needs

use review_core::reflection::{Feeling, Reflection};
use review_core::summary::{
    prepare_addendum, read_unsigned, sign_with_copies, Making, SignedFile, SigningKey, TeamKeys,
};
use std::path::{Path, PathBuf};

/// Write `bytes` as `name` in `dir`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A team key list holding `keys` (each with its device's name), added on
/// 1 November 2026, written as `name` in `dir`.
pub fn team_list(dir: &Path, name: &str, keys: &[(&SigningKey, &str)]) -> PathBuf {
    let mut list = TeamKeys::default();
    for (key, device) in keys {
        list.add(key.public_jwk(), device, "2026-11-01T09:00:00+00:00")
            .unwrap();
    }
    write(dir, name, list.to_json().as_bytes())
}

/// The key the tests sign with.
pub fn key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

/// The records copy of the test review (`tests/fixtures`) signed by `key`
/// at `signed_at`, as the app keeps it.
pub fn records(key: &SigningKey, signed_at: &str) -> SignedFile {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    );
    let unsigned = read_unsigned(&std::fs::read(path).unwrap(), Some(signed_at)).unwrap();
    let (review_id, document_id) = (unsigned.review_id.clone(), unsigned.document_id.to_string());
    let (bytes, _) = sign_with_copies(unsigned, key).unwrap();
    SignedFile {
        review_id,
        document_id,
        file_name: "review-summary.json".into(),
        text: String::from_utf8(bytes).unwrap(),
    }
}

/// The worker's reflection on `records`, signed by `key`.
pub fn addendum(records: &SignedFile, key: &SigningKey) -> Vec<u8> {
    let summary: review_core::summary::Summary = serde_json::from_str(&records.text).unwrap();
    let mut reflection = Reflection {
        went_well: "Plenty of time".into(),
        do_differently: "Nothing".into(),
        ..Reflection::default()
    };
    for p in review_core::summary::addendum::asked(&summary) {
        reflection
            .how_it_was
            .insert(p.participant_id, Feeling::Good);
    }
    let jwk = key.public_jwk();
    let when = chrono::DateTime::parse_from_rfc3339("2026-11-24T13:00:00+00:00").unwrap();
    prepare_addendum(
        &records.review_id,
        records,
        &reflection,
        Making {
            document_id: "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
            app_version: "0.1.0",
            language: "en-GB",
            jwk: &jwk,
            signed_at: &when,
        },
    )
    .unwrap()
    .sign_with(key)
    .unwrap()
    .text
    .into_bytes()
}
