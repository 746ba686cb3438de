//! Format 1, read forever: the frozen files the last build of format 1 made
//! (`tests/fixtures/signed-v1/`) keep the verdicts they had, byte for byte;
//! format 1's own header rules still hold; and a format 1 summary reads as
//! format 2 says it, with nothing lost.

use review_core::summary::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every problem reported, the signer's included.
fn codes(v: &Verification) -> Vec<&'static str> {
    v.issues().iter().map(|e| e.code.as_str()).collect()
}

/// A team key list (today's format) holding the keys of a frozen key set
/// (the format 1 build's plain JWK Set, which the fixtures keep as it was).
fn list_of(jwks: &str) -> TeamKeys {
    let set: Value = serde_json::from_slice(&fixture(jwks)).unwrap();
    let mut list = TeamKeys::default();
    for (i, key) in set["keys"].as_array().unwrap().iter().enumerate() {
        let jwk: PublicJwk = serde_json::from_value(json!({
            "kty": key["kty"], "crv": key["crv"], "x": key["x"],
        }))
        .unwrap();
        list.add(
            jwk,
            &format!("Tablet {}", i + 1),
            "2026-01-05T09:00:00+00:00",
        )
        .unwrap();
    }
    list
}

/// The team key list that holds the key the valid files were signed with.
fn team() -> TeamKeys {
    list_of("signed-v1/team.jwks")
}

/// The key list that holds the app's device key (`app-exported.json`).
fn app_device() -> TeamKeys {
    list_of("signed-v1/app-device.jwks")
}

/// Each frozen file and the verdict it gives against the team's key list,
/// against the app device's, and with no list: against a list, exactly the
/// verdicts `review-summary verify` gave them on the build that made them.
/// With no list, an intact file is no longer "valid": nothing checked its
/// signer (#16). (Their bytes are pinned in `tests/fixtures/FROZEN.sha256`.)
type Verdicts = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);
const FROZEN: [Verdicts; 4] = [
    (
        "signed-v1/valid.json",
        &[],
        &["untrusted_key"],
        &["signer_not_checked"],
    ),
    (
        "signed-v1/tampered.json",
        &["bad_signature"],
        &["bad_signature"],
        &["bad_signature"],
    ),
    (
        "signed-v1/other-key.json",
        &["untrusted_key"],
        &["untrusted_key"],
        &["signer_not_checked"],
    ),
    (
        "signed-v1/app-exported.json",
        &["untrusted_key"],
        &[],
        &["signer_not_checked"],
    ),
];

#[test]
fn every_frozen_format_1_file_keeps_its_verdict() {
    let (team, device) = (team(), app_device());
    for (name, with_team, with_device, without_list) in FROZEN {
        let bytes = fixture(name);
        let against = |keys: &TeamKeys| {
            verify(
                &bytes,
                &VerifyOptions {
                    trusted_keys: Some(keys),
                    receipts: None,
                },
            )
        };
        let v = against(&team);
        assert_eq!(codes(&v), with_team, "{name} against the team's list");
        assert_eq!(
            codes(&against(&device)),
            with_device,
            "{name} against the device's"
        );
        assert_eq!(
            codes(&verify(&bytes, &VerifyOptions::default())),
            without_list,
            "{name} with no list"
        );
        assert_eq!(v.format_version, Some(FormatVersion::V1), "{name}");
    }
}

/// Every frozen fixture is byte for byte what the build that made it wrote.
#[test]
fn frozen_fixtures_never_change() {
    let sums = String::from_utf8(fixture("FROZEN.sha256")).unwrap();
    let mut checked = 0;
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (sha256, name) = line.split_once("  ").expect("sha256sum format");
        assert_eq!(
            sha256_hex(&fixture(name)),
            sha256,
            "{name} changed: it is frozen"
        );
        checked += 1;
    }
    assert!(checked >= 14, "{checked} frozen files");
    // Every file in a frozen folder is listed, so none escapes the check.
    for dir in ["signed-v1", "drafts-v1", "backups-v1"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(dir);
        for entry in std::fs::read_dir(path).unwrap() {
            let name = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            assert!(
                sums.contains(&format!("  {name}\n")),
                "{name} is not in FROZEN.sha256"
            );
        }
    }
}

/// A format 1 file reads as format 2 says it: the header's signing time,
/// `previous` as the review it continues, each text as one point whose
/// speaker is not recorded.
#[test]
fn a_format_1_summary_reads_in_format_2_shape_with_nothing_lost() {
    let bytes = fixture("signed-v1/valid.json");
    let v = verify(&bytes, &VerifyOptions::default());
    assert!(v.is_intact(), "{:?}", v.errors);
    assert_eq!(v.signed_at.as_deref(), Some("2026-11-24T12:05:00+00:00"));
    let s = v.summary.unwrap();
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(s.signed_at.as_str(), "2026-11-24T12:05:00+00:00");
    assert_eq!(s.document_id.as_str(), raw["documentId"]);
    assert!(s.previous.is_none(), "no amendment, so nothing is previous");
    assert_eq!(
        s.continues.as_ref().unwrap().id.as_str(),
        raw["previous"]["id"]
    );
    let cafe = &s.services.resources[0];
    assert_eq!(cafe.benefits.len(), 1);
    assert_eq!(cafe.benefits[0].id, "resource-cafe-benefits");
    assert_eq!(
        cafe.benefits[0].text,
        raw["services"]["resources"][0]["benefits"]
    );
    assert_eq!(cafe.benefits[0].said_by, SpeakerRecord::NotRecorded {});
    assert_eq!(cafe.changes[0].text, "Find a group nearer home");
    // Absent texts are empty lists, never invented points.
    assert!(s.services.resources[1].difficulties.is_empty());
    // Everything else is carried as it was.
    let again = serde_json::to_value(&s).unwrap();
    for member in [
        "participants",
        "criteria",
        "cover",
        "escalations",
        "actions",
        "outcome",
        "signOffs",
    ] {
        assert_eq!(again[member], raw[member], "{member}");
    }
}

/// Sign any JSON document with a format 1 header, as a hostile tool could.
fn sign_v1(document: &Value, header: &Value, key: &SigningKey) -> Vec<u8> {
    let mut document = document.clone();
    document.as_object_mut().unwrap().remove("signature");
    let payload = to_canonical_vec(&document).unwrap();
    let jws = detached_jws(&to_canonical_vec(header).unwrap(), &payload, key);
    document["signature"] = jws.into();
    to_canonical_vec(&document).unwrap()
}

fn unsigned_v1() -> Value {
    serde_json::from_slice(&fixture("summary-unsigned-v1.json")).unwrap()
}

fn header_v1(key: &SigningKey, document_id: &Value) -> Value {
    let jwk = key.public_jwk();
    json!({
        "alg": "Ed25519",
        "typ": JWS_TYPE,
        "kid": jwk.thumbprint(),
        "jwk": jwk,
        "signedAt": "2026-11-24T12:05:00+00:00",
        "documentId": document_id,
    })
}

#[test]
fn format_1_header_rules_still_hold() {
    let key = SigningKey::from_seed([7; 32]);
    let doc = unsigned_v1();
    let good = header_v1(&key, &doc["documentId"]);
    let verified = |doc: &Value, header: &Value| {
        verify(&sign_v1(doc, header, &key), &VerifyOptions::default())
    };
    let v = verified(&doc, &good);
    assert!(v.is_intact(), "{:?}", v.errors);
    let mut eddsa = good.clone();
    eddsa["alg"] = "EdDSA".into();
    assert!(verified(&doc, &eddsa).is_intact());

    let wrong_doc = header_v1(&key, &json!("9a3e5c71-0b2d-4f6a-8e19-c4d7b2a05f36"));
    let v = verified(&doc, &wrong_doc);
    assert_eq!(codes(&v), ["document_id_mismatch"]);

    let mut bad_time = good.clone();
    bad_time["signedAt"] = "yesterday".into();
    let v = verified(&doc, &bad_time);
    assert_eq!(codes(&v), ["bad_header"]);
    assert!(v.errors[0].message.contains("signing time"));

    // Format 1 needs its private parameters: a format 2 header is not enough.
    let mut bare = good.clone();
    bare.as_object_mut().unwrap().remove("signedAt");
    let v = verified(&doc, &bare);
    assert_eq!(codes(&v), ["bad_header"]);

    // A format 1 body must still be format 1's shape.
    let mut new_shape = doc.clone();
    new_shape["signedAt"] = "2026-11-24T12:05:00+00:00".into();
    let v = verified(&new_shape, &good);
    assert_eq!(codes(&v), ["schema"]);
}
