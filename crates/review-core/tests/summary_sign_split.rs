//! Signing in two steps, as the app does with a WebCrypto key: the core gives
//! the exact bytes to sign, any Ed25519 signer signs them, and the core
//! attaches the signature only if it holds. The result is byte for byte what
//! `finalise` gives with the key in memory.

mod common;

use base64::Engine;
use common::*;
use ed25519_dalek::Signer as _;
use proptest::prelude::*;
use review_core::summary::*;
use review_core::*;
use serde_json::Value;

const SEED: [u8; 32] = [42; 32];

fn key() -> SigningKey {
    SigningKey::from_seed(SEED)
}

fn prepared(review: &Review, signed_at: &str, document_id: &str) -> Prepared {
    prepare(
        review,
        finalise_input(document_id, &key().public_jwk(), &at(signed_at), None),
    )
    .expect("a signed-off review is prepared")
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .unwrap()
}

/// What another signer (WebCrypto, an HSM) would do with the bytes.
fn signed_elsewhere(input: &[u8]) -> [u8; 64] {
    ed25519_dalek::SigningKey::from_bytes(&SEED)
        .sign(input)
        .to_bytes()
}

/// Sign each recipient's copy elsewhere, up to the records copy.
fn at_records(mut p: Prepared) -> Prepared {
    while p.left() > 1 {
        let signature = signed_elsewhere(&p.signing_input());
        match p.attach(&signature).unwrap() {
            Signing::More(next) => p = *next,
            Signing::Done(_) => unreachable!("the records copy is signed last"),
        }
    }
    p
}

/// Sign every file elsewhere, one at a time.
fn signed_one_by_one(mut p: Prepared) -> Signed {
    loop {
        let signature = signed_elsewhere(&p.signing_input());
        match p.attach(&signature).unwrap() {
            Signing::More(next) => p = *next,
            Signing::Done(signed) => return signed,
        }
    }
}

#[test]
fn a_signature_made_elsewhere_gives_the_same_file_as_finalise() {
    let review = signed_off_review();
    let p = prepared(&review, "2026-11-24T11:58:00+00:00", DOC);
    // The carer's, the individual's and the provider's copies, then the records.
    assert_eq!(p.left(), 4);
    let signed = signed_one_by_one(p);
    let whole = finalise_all(
        &review,
        Finalise {
            document_id: DOC,
            app_version: "0.1.0",
            language: "en-GB",
            jwk: &key().public_jwk(),
            signed_at: &at("2026-11-24T11:58:00+00:00"),
            previous: None,
        },
        &key(),
    )
    .unwrap();
    assert_eq!(signed, whole);
    assert_eq!(signed.copies.len(), 3);
    assert!(compare(signed.summary.text.as_bytes(), &review).matches());
}

/// The signing input is the JWS one: the protected header and the document
/// without its signature, each base64url, joined by a dot; the header and
/// the signature are what the file's `signature` member holds.
#[test]
fn the_signing_input_is_the_header_and_the_document_without_its_signature() {
    let review = signed_off_review();
    let first = prepared(&review, "2026-11-24T11:58:00+00:00", DOC);
    // The first file signed is the carer's copy, named from the records copy.
    let input = String::from_utf8(first.signing_input()).expect("ASCII");
    let copy: Value = serde_json::from_slice(&unb64(input.split_once('.').unwrap().1)).unwrap();
    assert_eq!(copy["copyFor"]["recordsCopy"], DOC);
    assert_eq!(copy["copyFor"]["recipient"]["kind"], "carer");
    assert_ne!(copy["documentId"], DOC);
    let p = at_records(first);
    let input = String::from_utf8(p.signing_input()).expect("ASCII");
    let (header, payload) = input.split_once('.').unwrap();
    let header: Value = serde_json::from_slice(&unb64(header)).unwrap();
    assert_eq!(header["alg"], "Ed25519");
    assert_eq!(header["kid"], key().fingerprint());
    let mut names: Vec<&str> = header
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort();
    assert_eq!(names, ["alg", "jwk", "kid", "typ"]);
    let document: Value = serde_json::from_slice(&unb64(payload)).unwrap();
    assert_eq!(document["signedAt"], "2026-11-24T11:58:00+00:00");
    assert_eq!(document["documentId"], DOC);
    assert!(document.get("signature").is_none());

    assert_eq!(document["recipientCopies"].as_array().unwrap().len(), 3);
    let signature = signed_elsewhere(input.as_bytes());
    let file = p.attach(&signature).unwrap().done().unwrap().summary;
    let written: Value = serde_json::from_str(&file.text).unwrap();
    let jws = written["signature"].as_str().unwrap();
    let (h, s) = jws.split_once("..").unwrap();
    assert_eq!(h, input.split_once('.').unwrap().0);
    assert_eq!(s, b64(&signature));
}

/// The caller's signing time and document id are what is signed.
#[test]
fn the_callers_time_and_document_id_change_the_bytes_to_sign() {
    let review = signed_off_review();
    let base = prepared(&review, "2026-11-24T11:58:00+00:00", DOC).signing_input();
    let later = prepared(&review, "2026-11-24T11:58:01+00:00", DOC).signing_input();
    let other = prepared(
        &review,
        "2026-11-24T11:58:00+00:00",
        "9f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
    )
    .signing_input();
    assert_ne!(base, later);
    assert_ne!(base, other);
    assert_eq!(
        base,
        prepared(&review, "2026-11-24T11:58:00+00:00", DOC).signing_input()
    );
}

/// A signature that does not hold for these bytes and this key never
/// makes a file, and says so: a copy's, or the records copy's.
#[test]
fn a_wrong_signature_is_refused_and_makes_no_file() {
    let review = signed_off_review();
    let first = prepared(&review, "2026-11-24T11:58:00+00:00", DOC);
    refuses_wrong_signatures(&review, first.clone());
    refuses_wrong_signatures(&review, at_records(first));
}

fn refuses_wrong_signatures(review: &Review, p: Prepared) {
    let good = signed_elsewhere(&p.signing_input());
    let mut flipped = good;
    flipped[10] ^= 1;
    let other_input =
        signed_elsewhere(&prepared(review, "2026-11-24T11:59:00+00:00", DOC).signing_input());
    let other_key = ed25519_dalek::SigningKey::from_bytes(&[1; 32])
        .sign(&p.signing_input())
        .to_bytes();
    let cases = [
        ("all zeros", [0u8; 64]),
        ("all ones", [0xff; 64]),
        ("one bit changed", flipped),
        ("over other bytes", other_input),
        ("by another key", other_key),
    ];
    for (what, signature) in cases {
        let refused = p.clone().attach(&signature).err();
        assert_eq!(
            refused,
            Some(FinaliseError::Sign(SignError::SignatureDoesNotMatch)),
            "{what}"
        );
        assert_words(
            &refused.unwrap(),
            "The signature made does not match the summary and key: nothing was written.",
        );
    }
    assert!(p.attach(&good).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// No made-up signature attaches.
    #[test]
    fn any_other_64_bytes_are_refused(bytes in proptest::collection::vec(any::<u8>(), 64)) {
        static PREPARED: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
        let p = PREPARED
            .get_or_init(|| prepared(&signed_off_review(), "2026-11-24T11:58:00+00:00", DOC))
            .clone();
        let signature: [u8; 64] = bytes.try_into().unwrap();
        prop_assume!(signature != signed_elsewhere(&p.signing_input()));
        prop_assert!(p.attach(&signature).is_err());
    }
}
