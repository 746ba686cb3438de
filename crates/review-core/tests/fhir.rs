//! A signed-off review as a FHIR R4 Bundle (issue 29): what round-trips
//! (ratings, actions, escalations) read back equal to the summary, every
//! reference resolves inside the Bundle, the signed file rides in it
//! unchanged, and the same summary always makes the same Bundle. The
//! Bundle's structure against FHIR R4 itself is checked by the npm `fhir`
//! package in `tests/interop/interop.mjs`.

mod common;

use base64::Engine;
use common::*;
use review_core::fhir::{self, read};
use review_core::summary::*;
use serde_json::Value;

const DOC: &str = "0b0c4d6e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

fn verified() -> (Summary, Vec<u8>, String) {
    let key = SigningKey::from_seed([21; 32]);
    let file = signed_by(&signed_off_review(), &key, DOC, "2026-11-24T12:05:00+00:00");
    let bytes = file.text.into_bytes();
    let v = verify(&bytes, &VerifyOptions::default());
    assert!(v.is_intact(), "{:?}", v.errors);
    (v.summary.unwrap(), bytes, v.kid.unwrap())
}

fn resources<'a>(bundle: &'a Value, kind: &'a str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

#[test]
fn ratings_actions_and_escalations_read_back_as_the_summary_has_them() {
    let (summary, bytes, kid) = verified();
    let bundle = fhir::bundle(&summary, &bytes, &kid);
    let from_summary = read::Records::of_summary(&summary);
    // The test review has something of each, or the comparison proves little.
    assert!(from_summary.ratings.len() >= 4, "{from_summary:?}");
    assert!(!from_summary.actions.is_empty());
    assert!(!from_summary.matters.is_empty());
    assert_eq!(read::read_back(&bundle), from_summary);
}

#[test]
fn every_reference_resolves_inside_the_bundle() {
    let (summary, bytes, kid) = verified();
    let bundle = fhir::bundle(&summary, &bytes, &kid);
    assert_eq!(read::unresolved_references(&bundle), Vec::<String>::new());
    // And the check finds one that does not.
    let mut broken = bundle.clone();
    broken["entry"][0]["fullUrl"] = Value::String("urn:uuid:elsewhere".into());
    assert!(!read::unresolved_references(&broken).is_empty());
}

#[test]
fn the_signed_file_rides_in_the_bundle_byte_for_byte_with_its_provenance() {
    let (summary, bytes, kid) = verified();
    let bundle = fhir::bundle(&summary, &bytes, &kid);
    let docs = resources(&bundle, "DocumentReference");
    assert_eq!(docs.len(), 1);
    let data = docs[0]["content"][0]["attachment"]["data"]
        .as_str()
        .unwrap();
    let carried = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    assert_eq!(carried, bytes);
    // What it carries verifies as the original does.
    assert!(verify(&carried, &VerifyOptions::default()).is_intact());
    assert_eq!(
        docs[0]["masterIdentifier"]["value"],
        format!("urn:uuid:{DOC}")
    );
    let provenance = resources(&bundle, "Provenance");
    let device = resources(&bundle, "Device");
    assert_eq!(device[0]["identifier"][0]["value"], kid.as_str());
    assert_eq!(
        provenance[0]["agent"].as_array().unwrap().len(),
        1 + summary.sign_offs.len(),
        "the device, and everyone who signed off"
    );
}

#[test]
fn the_people_are_patients_practitioners_and_related_people() {
    let (summary, bytes, kid) = verified();
    let bundle = fhir::bundle(&summary, &bytes, &kid);
    let patients = resources(&bundle, "Patient");
    assert_eq!(patients.len(), 2, "the carer and the person cared for");
    let names: Vec<&str> = patients
        .iter()
        .map(|p| p["name"][0]["text"].as_str().unwrap())
        .collect();
    assert!(names.contains(&summary.carer.name.as_str()), "{names:?}");
    assert!(names.contains(&summary.individual.name.as_str()));
    assert_eq!(resources(&bundle, "Practitioner").len(), 1, "the worker");
    let related = resources(&bundle, "RelatedPerson");
    let caregiver = related
        .iter()
        .find(|r| r["relationship"][0]["coding"][0]["code"] == "CAREGIVER")
        .expect("the carer as the individual's carer");
    assert_eq!(
        caregiver["relationship"][0]["text"].as_str(),
        summary.carer.relationship.as_deref()
    );
    // Each person who rated has their own response.
    let raters: std::collections::BTreeSet<&str> = summary
        .criteria
        .iter()
        .flat_map(|c| c.ratings.iter().map(|r| r.participant.as_str()))
        .collect();
    assert_eq!(
        resources(&bundle, "QuestionnaireResponse").len(),
        raters.len()
    );
}

#[test]
fn the_same_summary_makes_the_same_bundle_and_no_text_is_empty() {
    let (summary, bytes, kid) = verified();
    let bundle = fhir::bundle(&summary, &bytes, &kid);
    assert_eq!(bundle, fhir::bundle(&summary, &bytes, &kid));
    fn no_empty(v: &Value, at: &str) {
        match v {
            Value::String(s) => assert!(!s.trim().is_empty(), "empty text at {at}"),
            Value::Array(items) => {
                assert!(!items.is_empty(), "empty list at {at}");
                for (i, item) in items.iter().enumerate() {
                    no_empty(item, &format!("{at}/{i}"));
                }
            }
            Value::Object(map) => {
                assert!(!map.is_empty(), "empty object at {at}");
                for (k, item) in map {
                    no_empty(item, &format!("{at}/{k}"));
                }
            }
            Value::Null => panic!("null at {at}"),
            _ => {}
        }
    }
    no_empty(&bundle, "");
}

#[test]
fn the_app_makes_a_bundle_of_its_records_copy_only_while_it_checks() {
    let (_, bytes, kid) = verified();
    let made = fhir::bundle_of_records_copy(&bytes).unwrap();
    let (summary, _, _) = verified();
    assert_eq!(made, fhir::bundle(&summary, &bytes, &kid));
    let changed = String::from_utf8(bytes)
        .unwrap()
        .replacen("Joan", "Jean", 1);
    let e = fhir::bundle_of_records_copy(changed.as_bytes()).unwrap_err();
    assert!(e.contains("no longer checks"), "{e}");
}

#[test]
fn the_app_makes_no_bundle_of_a_recipients_copy() {
    let review = signed_off_review();
    let key = SigningKey::from_seed([21; 32]);
    let jwk = key.public_jwk();
    let when = at("2026-11-24T12:05:00+00:00");
    let files = finalise_all(&review, finalise_input(DOC, &jwk, &when, None), &key).unwrap();
    let copy = files.copies.first().expect("the test review sends copies");
    let e = fhir::bundle_of_records_copy(copy.text.as_bytes()).unwrap_err();
    assert!(e.contains("recipient’s copy"), "{e}");
}

#[test]
fn a_format_1_summary_signed_before_makes_a_bundle_that_reads_back_too() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/signed-v1/valid.json"
    );
    let bytes = std::fs::read(path).unwrap();
    let v = verify(&bytes, &VerifyOptions::default());
    assert!(v.is_intact(), "{:?}", v.errors);
    assert_eq!(v.format_version, Some(FormatVersion::V1));
    let summary = v.summary.unwrap();
    let bundle = fhir::bundle(&summary, &bytes, v.kid.as_deref().unwrap());
    assert_eq!(read::unresolved_references(&bundle), Vec::<String>::new());
    let from_summary = read::Records::of_summary(&summary);
    assert!(!from_summary.ratings.is_empty());
    assert_eq!(read::read_back(&bundle), from_summary);
    // The file it carries is the format 1 file, unchanged.
    let carried = resources(&bundle, "DocumentReference")[0]["content"][0]["attachment"]["data"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(carried)
            .unwrap(),
        bytes
    );
}
