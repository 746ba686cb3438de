//! Every one-bit change at every byte of a signed summary is rejected, in
//! format 2 (signed here) and in format 1 (the frozen file the last build made).
//!
//! About 80,000 verifications of a ~10 KB file, per format. The whole pipeline runs for
//! each (UTF-8, the canonical scan or the strict parse that explains why not,
//! format, header, `kid`, document id, signature). Only the Ed25519
//! arithmetic is swapped, in debug builds, for an exact comparison with the
//! known-good (key, header, payload, signature): unoptimised, one Ed25519
//! verification takes ~12 ms, which would make this test run for minutes.
//! That swap is sound because Ed25519 accepts a changed message or signature
//! only by forgery; what this test checks is that no byte of the file escapes
//! the signature or the checks before it. A sample of the mutations is also
//! verified with real Ed25519 and must agree; in release builds, or with
//! `EVERY_BIT_REAL_CRYPTO=1`, every mutation is.

use super::jws::{Ed25519Strict, SignatureCheck};
use super::keys::{Signature, SigningKey, VerifyingKey};
use super::verify::verify_with;
use super::{read_unsigned, verify, ErrorCode, VerifyOptions};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// The known-good signature, and a real check of every `SAMPLE`th call.
struct KnownGood {
    key: [u8; 32],
    header_b64: String,
    payload: Vec<u8>,
    signature: [u8; 64],
    real_everywhere: bool,
    calls: AtomicUsize,
    real_checks: AtomicUsize,
}

const SAMPLE: usize = 400;

impl SignatureCheck for KnownGood {
    fn verify(
        &self,
        key: &VerifyingKey,
        header_b64: &str,
        payload: &[u8],
        signature: &Signature,
    ) -> bool {
        let call = self.calls.fetch_add(1, Ordering::Relaxed);
        if self.real_everywhere {
            return Ed25519Strict.verify(key, header_b64, payload, signature);
        }
        let same = key.as_bytes() == &self.key
            && header_b64 == self.header_b64
            && payload == self.payload.as_slice()
            && signature.to_bytes() == self.signature;
        if call % SAMPLE == 0 {
            self.real_checks.fetch_add(1, Ordering::Relaxed);
            assert_eq!(
                Ed25519Strict.verify(key, header_b64, payload, signature),
                same,
                "real Ed25519 disagrees with the known-good comparison"
            );
        }
        same
    }
}

fn signed_fixture() -> Vec<u8> {
    let text = include_bytes!("../../../../tests/fixtures/summary-unsigned-v2.json");
    let summary = read_unsigned(text, None).expect("the fixture is a valid unsigned summary");
    summary
        .sign(&SigningKey::from_seed([7; 32]))
        .expect("the fixture signs")
}

fn known_good(bytes: &[u8]) -> KnownGood {
    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let jws = value["signature"].as_str().unwrap();
    let (header_b64, sig_b64) = jws.split_once("..").unwrap();
    let header: serde_json::Value =
        serde_json::from_slice(&super::b64_decode(header_b64).unwrap()).unwrap();
    let jwk: super::PublicJwk = serde_json::from_value(header["jwk"].clone()).unwrap();
    let mut unsigned = value.clone();
    unsigned.as_object_mut().unwrap().remove("signature");
    KnownGood {
        key: jwk.verifying_key().unwrap().to_bytes(),
        header_b64: header_b64.to_string(),
        payload: super::to_canonical_vec(&unsigned).unwrap(),
        signature: super::b64_decode(sig_b64).unwrap().try_into().unwrap(),
        real_everywhere: cfg!(not(debug_assertions))
            || std::env::var_os("EVERY_BIT_REAL_CRYPTO").is_some(),
        calls: AtomicUsize::new(0),
        real_checks: AtomicUsize::new(0),
    }
}

#[test]
fn every_one_bit_change_at_every_byte_of_format_2_is_rejected() {
    every_one_bit_change_is_rejected(signed_fixture());
}

#[test]
fn every_one_bit_change_at_every_byte_of_format_1_is_rejected() {
    every_one_bit_change_is_rejected(
        include_bytes!("../../../../tests/fixtures/signed-v1/valid.json").to_vec(),
    );
}

fn every_one_bit_change_is_rejected(good: Vec<u8>) {
    let options = VerifyOptions::default();
    assert!(
        verify(&good, &options).is_intact(),
        "real Ed25519 accepts the original"
    );
    let check = known_good(&good);
    assert!(
        verify_with(&good, &options, &check).is_intact(),
        "the known-good comparison accepts the original"
    );

    let started = Instant::now();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let positions = good.len();
    let next = AtomicUsize::new(0);
    let by_code: Mutex<BTreeMap<&'static str, usize>> = Mutex::new(BTreeMap::new());
    let accepted: Mutex<Vec<(usize, u8)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut mutated = good.clone();
                let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
                loop {
                    // Chunks of 64 bytes, taken in turn by whichever thread is free.
                    let from = next.fetch_add(64, Ordering::Relaxed);
                    if from >= positions {
                        break;
                    }
                    for i in from..(from + 64).min(positions) {
                        for bit in 0..8 {
                            mutated[i] ^= 1 << bit;
                            let v = verify_with(&mutated, &options, &check);
                            match v.errors.first() {
                                Some(e) => *counts.entry(e.code.as_str()).or_default() += 1,
                                None => accepted.lock().unwrap().push((i, bit)),
                            }
                            mutated[i] ^= 1 << bit;
                        }
                    }
                }
                let mut total = by_code.lock().unwrap();
                for (code, n) in counts {
                    *total.entry(code).or_default() += n;
                }
            });
        }
    });
    let accepted = accepted.into_inner().unwrap();
    let by_code = by_code.into_inner().unwrap();
    eprintln!(
        "every-bit: {} mutations of a {positions}-byte file in {:.1?} on {threads} threads \
         ({} signature checks, {} with real Ed25519); first error by code: {by_code:?}",
        positions * 8,
        started.elapsed(),
        check.calls.load(Ordering::Relaxed),
        if check.real_everywhere {
            check.calls.load(Ordering::Relaxed)
        } else {
            check.real_checks.load(Ordering::Relaxed)
        },
    );
    assert!(
        accepted.is_empty(),
        "mutations accepted (byte, bit): {accepted:?}"
    );
    assert_eq!(by_code.values().sum::<usize>(), positions * 8);
    // The mutations reach every stage, so each check is exercised.
    for code in [
        ErrorCode::NotUtf8,
        ErrorCode::NotJson,
        ErrorCode::NotCanonical,
        ErrorCode::BadSignature,
        ErrorCode::BadSignatureFormat,
        ErrorCode::BadHeader,
    ] {
        assert!(
            by_code.contains_key(code.as_str()),
            "no mutation hit {code}"
        );
    }
}
