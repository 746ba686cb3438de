//! The signed summary in format 2: built from a signed-off review, portable,
//! signed as a detached JWS over its RFC 8785 form with a header of
//! registered parameters only, and every verification check with its fixed
//! error code. Format 1 (read forever) is in `summary_v1.rs`.

mod common;

use common::*;
use review_core::signoff::SignOffDecision;
use review_core::summary::*;
use review_core::*;
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/summary-unsigned-v2.json")
}

fn key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

fn other_key() -> SigningKey {
    SigningKey::from_seed([8; 32])
}

fn signed_at() -> Timestamp {
    at("2026-11-24T12:05:00+00:00")
}

fn from_review(review: &Review, id: &str, language: &str) -> Result<Summary, SummaryError> {
    Summary::from_review(review, id, "0.1.0", language, &signed_at())
}

/// The summary of [`signed_off_review`], continuing last year's.
fn summary() -> Summary {
    from_review(&signed_off_review(), SUMMARY_ID, "en-GB")
        .expect("a signed-off review has a summary")
        .with_continues(PreviousDocument::of_file(
            DocumentId::try_from(PREVIOUS_SUMMARY_ID).unwrap(),
            b"(the bytes of last year's summary file)",
        ))
}

fn signed() -> Vec<u8> {
    summary().sign(&key()).unwrap()
}

fn verify_plain(bytes: &[u8]) -> Verification {
    verify(bytes, &VerifyOptions::default())
}

fn codes(v: &Verification) -> Vec<&'static str> {
    v.errors.iter().map(|e| e.code.as_str()).collect()
}

fn unsigned_value() -> Value {
    serde_json::to_value(summary()).unwrap()
}

// ---- The document -----------------------------------------------------------

/// The shipped fixture is the summary of the builders' review; regenerate it
/// with `UPDATE_FIXTURES=1 cargo test -p review-core --test summary`.
#[test]
fn the_fixture_is_the_summary_of_the_signed_off_review() {
    let mut expected = serde_json::to_string_pretty(&summary()).unwrap();
    expected.push('\n');
    assert_file_is_generated(
        &fixture_path(),
        &expected,
        "UPDATE_FIXTURES",
        "is out of date: regenerate it with UPDATE_FIXTURES=1 cargo test -p review-core --test summary",
    );
}

#[test]
fn the_summary_holds_every_part_of_the_review() {
    let s = summary();
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["format"], "review-together/summary");
    assert_eq!(v["formatVersion"], "2");
    assert_eq!(v["documentId"], SUMMARY_ID);
    assert_eq!(v["createdAt"], "2026-11-24T10:00:00+00:00");
    assert_eq!(v["finalisedAt"], "2026-11-24T11:58:00+00:00");
    assert_eq!(v["signedAt"], "2026-11-24T12:05:00+00:00");
    assert_eq!(
        v["standard"],
        json!({"code": "SCDHSC0387", "criteria": ["P17", "P18", "P19", "P20", "P21", "P22", "P23"]})
    );
    assert_eq!(
        v["app"],
        json!({"name": "Review Together", "version": "0.1.0"})
    );
    assert_eq!(v["carer"]["name"], "Ayesha Hughes");
    assert_eq!(v["individual"]["name"], "Joan Hughes");
    assert_eq!(v["worker"]["name"], "Sam Okafor");
    // P18: supports and readiness, with the advocate who could not come.
    let joan = &v["participants"][1];
    assert_eq!(joan["support"]["communication"], json!(["symbols"]));
    assert_eq!(joan["readiness"][0]["need"], "advocate");
    assert_eq!(joan["readiness"][0]["status"], "not-met");
    // P19: everyone's rating, kept apart, and who said what.
    let custom = &v["criteria"][1];
    assert_eq!(custom["scale"], "five-step");
    assert_eq!(
        custom["scalePoints"],
        json!(["very-good", "good", "okay", "poor", "very-poor"])
    );
    assert_eq!(custom["ratings"].as_array().unwrap().len(), 4);
    // Participant order: Joan (through her symbols board), Ayesha, Tom,
    // then the worker's own professional view.
    assert_eq!(custom["ratings"][0]["participant"], INDIVIDUAL);
    assert_eq!(
        custom["ratings"][3],
        json!({"participant": WORKER, "point": "poor"})
    );
    assert_eq!(
        custom["ratings"][0]["through"]["kind"],
        "communication-method"
    );
    assert_eq!(
        custom["evidence"][0]["saidBy"],
        json!({"kind": "participant", "id": CARER})
    );
    // P20–P23.
    assert_eq!(v["services"]["resources"][0]["name"], "Carers' café");
    // Agreement in each person's own way, wherever it is asked.
    assert_eq!(
        v["cover"]["arrangements"][0]["agreement"],
        json!({"status": "agreed", "how": {"way": "pictures", "witness": WORKER}})
    );
    assert_eq!(
        v["process"]["agreedHow"],
        json!([{"participant": CARER, "how": {"way": "directly"}}])
    );
    assert_eq!(
        v["signOffs"][1]["how"],
        json!({"way": "pictures", "witness": WORKER})
    );
    assert_eq!(v["escalations"]["matters"][0]["urgency"], "immediate");
    assert_eq!(v["actions"].as_array().unwrap().len(), 2);
    assert_eq!(v["outcome"]["decision"], "change-to-plan");
    // Eight weeks after a review that changes the plan.
    assert_eq!(v["outcome"]["nextReview"], "2027-01-19");
    assert_eq!(v["outcome"]["nextReviewChosen"], true);
    // Sign-offs: the drawn mark is kept as drawn.
    assert_eq!(v["signOffs"].as_array().unwrap().len(), 4);
    // Joan's advocate confirmed the views she gave were Joan's own.
    assert_eq!(
        v["confirmations"],
        json!([{"participant": ADVOCATE, "confirms": "own-view-carried", "confirmed": true,
            "confirmedAt": "2026-11-24T11:55:30+00:00"}])
    );
    assert_eq!(
        v["signOffs"][2]["method"],
        json!({"kind": "drawn-mark", "path": DRAWN_MARK})
    );
    // Last year's review is "continues"; "previous" is only for an amendment.
    assert_eq!(v["continues"]["id"], PREVIOUS_SUMMARY_ID);
    assert!(v.get("previous").is_none());
    assert!(v.get("signature").is_none());
}

/// Who may see what: the copies and the default the agreement made, and
/// each item's visibility, the one chosen for it or the default.
#[test]
fn every_item_says_who_may_see_it() {
    let v = unsigned_value();
    assert_eq!(
        v["confidentiality"]["copies"],
        json!([
            {"id": "carer", "kind": "carer"},
            {"id": "individual", "kind": "individual"},
            {"id": COPY_PROVIDER, "kind": "provider", "name": "Crossroads Care"},
        ])
    );
    assert_eq!(v["confidentiality"]["defaultVisibility"], "everyone");
    let evidence = &v["criteria"][1]["evidence"][0];
    assert_eq!(evidence["id"], EVIDENCE);
    assert_eq!(evidence["visibility"], "not-providers");
    assert_eq!(v["outcome"]["otherViewsVisibility"], "not-individual");
    assert_eq!(v["outcome"]["rationaleVisibility"], "everyone");
    assert_eq!(
        v["cover"]["arrangements"][0]["risks"][0]["visibility"],
        "everyone"
    );
    assert_eq!(
        v["services"]["resources"][0]["needsMetVisibility"],
        "everyone"
    );
    for action in v["actions"].as_array().unwrap() {
        assert_eq!(action["visibility"], "everyone");
    }
    // Every item of the review is in the summary with its visibility: the
    // core's list of items and the summary agree.
    let review = signed_off_review();
    let items = review_core::sharing::written_items(&review);
    assert!(items.len() >= 12, "the test review has items of every kind");
    for item in items {
        let recorded = match item.key.split_once('/') {
            Some(("outcome", answer)) => {
                let member = format!("{}Visibility", camel(answer));
                v["outcome"][member.as_str()].clone()
            }
            Some(("sign-off", participant)) => v["signOffs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["participant"] == participant)
                .unwrap()["decision"]["visibility"]
                .clone(),
            Some((resource, "needs-met")) => {
                object_with_id(&v, resource).unwrap()["needsMetVisibility"].clone()
            }
            _ => object_with_id(&v, &item.key)
                .unwrap_or_else(|| panic!("{} is in the summary", item.key))["visibility"]
                .clone(),
        };
        assert_eq!(
            recorded,
            json!(item.visibility.unwrap().key()),
            "{}",
            item.key
        );
    }
}

/// `carer-view` → `carerView`.
fn camel(kebab: &str) -> String {
    let mut parts = kebab.split('-');
    let mut out = parts.next().unwrap_or_default().to_string();
    for p in parts {
        out.push_str(&p[..1].to_uppercase());
        out.push_str(&p[1..]);
    }
    out
}

/// The object anywhere in `v` whose `id` is `id`.
fn object_with_id<'a>(v: &'a Value, id: &str) -> Option<&'a Value> {
    match v {
        Value::Object(m) if m.get("id").and_then(Value::as_str) == Some(id) => Some(v),
        Value::Object(m) => m.values().find_map(|c| object_with_id(c, id)),
        Value::Array(a) => a.iter().find_map(|c| object_with_id(c, id)),
        _ => None,
    }
}

/// A review whose agreement was made before visibility was asked (signed
/// by an earlier build) gives a summary without any visibility, exactly as
/// it was signed: nothing is made up for it.
#[test]
fn a_review_from_before_visibility_has_none_in_its_summary() {
    let mut review = signed_off_review();
    review.process.confidentiality.copies.clear();
    review.process.confidentiality.default_visibility = None;
    review.visibility.clear();
    for s in &mut review.sign_offs {
        s.shown = None;
        match &mut s.decision {
            SignOffDecision::AgreesWithComment { visibility, .. }
            | SignOffDecision::Disagrees { visibility, .. } => *visibility = None,
            SignOffDecision::Agrees => {}
        }
    }
    let s = Summary::from_review(
        &review,
        SUMMARY_ID,
        "0.1.0",
        "en-GB",
        &review.finalised_at.unwrap(),
    )
    .unwrap();
    let text =
        String::from_utf8(to_canonical_vec(&serde_json::to_value(&s).unwrap()).unwrap()).unwrap();
    assert!(
        !text.contains("isibility") && !text.contains("\"copies\""),
        "{text}"
    );
}

/// Each benefit, difficulty and change is a point of its own, with its id
/// and who made it; blank points are left out.
#[test]
fn a_services_lists_hold_points_with_their_speakers() {
    let v = unsigned_value();
    let cafe = &v["services"]["resources"][0];
    assert_eq!(
        cafe["benefits"],
        json!([{
            "id": CAFE_BENEFIT,
            "text": "Ayesha meets other carers and feels less alone",
            "saidBy": {"kind": "participant", "id": CARER},
            "visibility": "everyone",
        }])
    );
    assert_eq!(
        cafe["difficulties"][0]["saidBy"],
        json!({"kind": "everyone"})
    );
    assert_eq!(
        cafe["changes"][0]["saidBy"],
        json!({"kind": "not-recorded"})
    );
    let allowance = &v["services"]["resources"][1];
    assert_eq!(
        allowance["benefits"][0]["saidBy"],
        json!({"kind": "named", "name": "Ayesha's sister"})
    );
    assert_eq!(allowance["difficulties"], json!([]));
    assert_eq!(allowance["changes"], json!([]));

    let mut r = signed_off_review();
    r.resources[1].changes.push(Remark::new("blank".into()));
    let s = from_review(&r, SUMMARY_ID, "en-GB").unwrap();
    assert!(
        s.services.resources[1].changes.is_empty(),
        "a blank point is left out"
    );
}

#[test]
fn only_a_signed_off_review_has_a_summary() {
    assert_eq!(
        from_review(&part_two_complete(), SUMMARY_ID, "en-GB"),
        Err(SummaryError::NotSignedOff)
    );
    let r = signed_off_review();
    assert!(matches!(
        from_review(&r, "not-a-uuid", "en-GB"),
        Err(SummaryError::BadDocumentId(_))
    ));
    assert!(matches!(
        from_review(&r, &SUMMARY_ID.to_uppercase(), "en-GB"),
        Err(SummaryError::BadDocumentId(_))
    ));
    assert!(matches!(
        from_review(&r, SUMMARY_ID, "English"),
        Err(SummaryError::BadLanguage(_))
    ));
}

#[test]
fn an_amendment_says_what_it_amends() {
    let r = signed_off_review();
    let mut next = r
        .amend(
            "review-2".into(),
            "Joan's date of the next review was wrong",
            "Next review date",
            at("2026-11-25T09:00:00+00:00"),
        )
        .unwrap();
    next.state = ReviewState::SignedOff;
    next.finalised_at = Some(at("2026-11-25T09:30:00+00:00"));
    let s = from_review(&next, "0e2b7d4c-1f3a-4b5c-8d6e-7f8091a2b3c4", "en-GB").unwrap();
    assert_eq!(s.version.get(), 2);
    let amends = s.amends.unwrap();
    assert_eq!(amends.previous_review_id, REVIEW);
    assert_eq!(amends.amended_at.as_str(), "2026-11-25T09:00:00+00:00");
}

#[test]
fn text_goes_in_as_nfc_and_trimmed() {
    let mut r = signed_off_review();
    // "e" + COMBINING ACUTE ACCENT, as an old draft might hold it.
    r.organisation = "  Caf\u{65}\u{301} Council ".into();
    let s = from_review(&r, SUMMARY_ID, "en-GB").unwrap();
    assert_eq!(s.organisation, "Caf\u{e9} Council");
}

// ---- Portable values --------------------------------------------------------

/// Every number in a full summary is an integer within ±2^53, and there is
/// no null and no text outside NFC.
#[test]
fn a_full_summary_has_only_portable_values() {
    let v = unsigned_value();
    fn no_float(v: &Value, numbers: &mut usize) {
        match v {
            Value::Number(n) => {
                *numbers += 1;
                assert!(n.is_i64() || n.is_u64(), "a float: {n}");
                let fits = n
                    .as_i64()
                    .map(|i| i.unsigned_abs() < 1 << 53)
                    .unwrap_or(false);
                assert!(fits, "out of range: {n}");
            }
            Value::Array(a) => a.iter().for_each(|x| no_float(x, numbers)),
            Value::Object(o) => o.values().for_each(|x| no_float(x, numbers)),
            Value::Null => panic!("a null"),
            _ => {}
        }
    }
    let mut numbers = 0;
    no_float(&v, &mut numbers);
    assert!(numbers >= 2, "the walk saw the version and the time box");
    assert_eq!(portable_issues(&v, MAX_LISTED), Issues::default());
    // The same walk on a signed file, as read back.
    let signed: Value = serde_json::from_slice(&signed()).unwrap();
    assert_eq!(portable_issues(&signed, MAX_LISTED), Issues::default());
}

#[test]
fn the_portable_rules_catch_floats_big_integers_nulls_and_decomposed_text() {
    let bad = json!({
        "a": 1.5,
        "b": [9007199254740992_u64],
        "c": -9007199254740992_i64,
        "d": null,
        "e": "Rene\u{301}e",
        "ok": [9007199254740991_u64, -9007199254740991_i64, 0],
    });
    let found = portable_issues(&bad, MAX_LISTED);
    assert_eq!(found.total, 5);
    let issues = found.listed;
    assert_eq!(issues.len(), 5, "{issues:#?}");
    assert!(issues[0].contains("/a") && issues[0].contains("whole number"));
    assert!(issues[1].contains("/b/0") && issues[1].contains("2^53"));
    assert!(issues[2].contains("/c"));
    assert!(issues[3].contains("null at /d"));
    assert!(issues[4].contains("/e") && issues[4].contains("NFC"));
}

// ---- Signing and verifying --------------------------------------------------

#[test]
fn a_signed_summary_verifies_and_gives_back_the_summary() {
    let bytes = signed();
    assert!(is_canonical(&bytes), "the file is written in RFC 8785 form");
    let v = verify_plain(&bytes);
    assert!(v.is_intact(), "{:#?}", v.errors);
    // With no key list nothing says whose key signed: never "valid".
    assert_eq!(v.verdict(), Verdict::UntrustedSigner);
    assert_eq!(
        v.signer_issue().map(|e| e.code),
        Some(ErrorCode::SignerNotChecked)
    );
    assert_eq!(v.format_version, Some(FormatVersion::V2));
    assert_eq!(v.document_id.as_deref(), Some(SUMMARY_ID));
    assert_eq!(v.kid.as_deref(), Some(key().fingerprint().as_str()));
    // Format 2: the signing time is the document's own.
    assert_eq!(v.signed_at.as_deref(), Some("2026-11-24T12:05:00+00:00"));
    let back = v.summary.unwrap();
    assert!(back.signature.is_some());
    assert_eq!(
        Summary {
            signature: None,
            ..back
        },
        summary()
    );
}

#[test]
fn signing_is_deterministic_and_the_header_is_canonical() {
    let a = signed();
    assert_eq!(a, signed(), "every download gives the same bytes");
    let v: Value = serde_json::from_slice(&a).unwrap();
    let jws = v["signature"].as_str().unwrap();
    let (header_b64, sig) = jws.split_once("..").unwrap();
    assert_eq!(sig.len(), 86);
    let header = b64_decode(header_b64).unwrap();
    assert!(is_canonical(&header));
    let k = key();
    // Registered parameters only (RFC 7515 §4.1): any JOSE library reads it.
    let expected = format!(
        r#"{{"alg":"Ed25519","jwk":{{"crv":"Ed25519","kty":"OKP","x":"{}"}},"kid":"{}","typ":"review-together-summary+jws"}}"#,
        k.public_jwk().x,
        k.fingerprint()
    );
    assert_eq!(String::from_utf8(header).unwrap(), expected);
}

#[test]
fn a_signed_summary_is_never_signed_again() {
    let bytes = signed();
    assert_eq!(
        read_unsigned(&bytes, None).unwrap_err(),
        SignError::AlreadySigned
    );
    let back = verify_plain(&bytes).summary.unwrap();
    assert_eq!(back.sign(&key()), Err(SignError::AlreadySigned));
}

#[test]
fn the_unsigned_fixture_can_be_signed_and_then_verifies() {
    let text = std::fs::read(fixture_path()).unwrap();
    let s = read_unsigned(&text, None).unwrap();
    assert_eq!(s, summary());
    let bytes = s.sign(&key()).unwrap();
    assert!(verify_plain(&bytes).is_intact());
    // The signer may say when it signs: that goes into the document.
    let later = read_unsigned(&text, Some("2026-11-25T08:00:00+00:00")).unwrap();
    assert_eq!(later.signed_at.as_str(), "2026-11-25T08:00:00+00:00");
    assert!(matches!(
        read_unsigned(&text, Some("tomorrow")),
        Err(SignError::Invalid(_))
    ));
}

#[test]
fn format_1_is_read_but_never_signed_again() {
    let text = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/summary-unsigned-v1.json"),
    )
    .unwrap();
    match read_unsigned(&text, None) {
        Err(SignError::Invalid(errors)) => {
            assert_eq!(errors[0].code, ErrorCode::WrongFormatVersion);
            assert!(errors[0].message.contains("no longer signed"));
        }
        other => panic!("{other:?}"),
    }
}

/// Signing in two steps, as the app does with a key WebCrypto holds: the
/// bytes to sign, then the signature attached, checked before any file.
#[test]
fn bytes_to_sign_then_the_signature_attached() {
    let k = key();
    let to_sign = summary().to_sign(&k.public_jwk()).unwrap();
    let input = to_sign.signing_input();
    let (header_b64, payload_b64) = std::str::from_utf8(&input)
        .unwrap()
        .split_once('.')
        .unwrap();
    assert_eq!(
        b64_decode(payload_b64).unwrap(),
        to_canonical_vec(&unsigned_value()).unwrap()
    );
    assert!(signed()
        .windows(header_b64.len())
        .any(|w| w == header_b64.as_bytes()));
    // Another key's signature, or a damaged one, never becomes a file.
    let theirs = detached_jws(b"x", b"y", &other_key());
    let (_, sig) = theirs.split_once("..").unwrap();
    let sig: [u8; 64] = b64_decode(sig).unwrap().try_into().unwrap();
    assert_eq!(
        to_sign.clone().attach(&sig),
        Err(SignError::SignatureDoesNotMatch)
    );
    assert_eq!(
        to_sign.clone().attach(&[0; 64]),
        Err(SignError::SignatureDoesNotMatch)
    );
    // The right one gives exactly the one-step file.
    let good = detached_jws(
        &b64_decode(header_b64).unwrap(),
        &b64_decode(payload_b64).unwrap(),
        &k,
    );
    let sig: [u8; 64] = b64_decode(good.split_once("..").unwrap().1)
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(to_sign.attach(&sig).unwrap(), signed());
}

#[test]
fn an_unsigned_summary_has_no_signature() {
    let bytes = to_canonical_vec(&unsigned_value()).unwrap();
    assert_eq!(codes(&verify_plain(&bytes)), ["no_signature"]);
    // The fixture as shipped (pretty, never signed): no signature, not "re-saved".
    let pretty = std::fs::read(fixture_path()).unwrap();
    assert_eq!(codes(&verify_plain(&pretty)), ["no_signature"]);
}

#[test]
fn the_older_alg_name_eddsa_is_accepted() {
    let mut header = header_for(&key());
    header["alg"] = "EdDSA".into();
    let bytes = sign_raw(&unsigned_value(), &header, &key());
    let v = verify_plain(&bytes);
    assert!(v.is_intact(), "{:#?}", v.errors);
}

#[test]
fn other_algorithms_are_refused() {
    for alg in ["HS256", "none", "ES256"] {
        let mut header = header_for(&key());
        header["alg"] = alg.into();
        let v = verify_plain(&sign_raw(&unsigned_value(), &header, &key()));
        assert_eq!(codes(&v), ["unsupported_alg"], "{alg}");
        assert!(v.errors[0].message.contains(alg));
    }
}

#[test]
fn a_kid_that_is_not_the_thumbprint_of_the_jwk_is_refused() {
    let mut header = header_for(&key());
    header["kid"] = other_key().fingerprint().into();
    let v = verify_plain(&sign_raw(&unsigned_value(), &header, &key()));
    assert_eq!(codes(&v), ["kid_mismatch"]);
}

#[test]
fn a_header_carrying_another_key_than_the_signer_fails_the_signature() {
    // Signed by one key, claiming another (with a consistent kid).
    let header = header_for(&other_key());
    let v = verify_plain(&sign_raw(&unsigned_value(), &header, &key()));
    assert_eq!(codes(&v), ["bad_signature"]);
}

/// The summary genuinely signed under `header` is refused for a bad header,
/// the message naming `needle`.
fn assert_bad_header(header: &Value, needle: &str) {
    let v = verify_plain(&sign_raw(&unsigned_value(), header, &key()));
    assert_eq!(codes(&v), ["bad_header"], "{header}");
    let message = &v.errors[0].message;
    assert!(message.contains(needle), "{message}");
}

/// Format 2's document says when it was signed and which document it is,
/// inside what is signed: a header that says so too (format 1's private
/// parameters) is not format 2's.
#[test]
fn a_format_2_header_holds_registered_parameters_only() {
    for (name, value) in [
        ("signedAt", json!("2026-11-24T12:05:00+00:00")),
        ("documentId", json!(SUMMARY_ID)),
        ("b64", json!(false)),
    ] {
        let mut header = header_for(&key());
        header[name] = value;
        assert_bad_header(&header, name);
    }
}

#[test]
fn malformed_headers_are_refused() {
    let base = header_for(&key());
    let mut cases: Vec<(Value, &str)> = Vec::new();
    let mut no_typ = base.clone();
    no_typ.as_object_mut().unwrap().remove("typ");
    cases.push((no_typ, "typ"));
    let mut wrong_typ = base.clone();
    wrong_typ["typ"] = "JWT".into();
    cases.push((wrong_typ, "type"));
    let mut extra = base.clone();
    extra["crit"] = json!(["b64"]);
    cases.push((extra, "crit"));
    let mut bad_key = base.clone();
    bad_key["jwk"]["crv"] = "X25519".into();
    cases.push((bad_key, "Ed25519"));
    let mut no_alg = base.clone();
    no_alg.as_object_mut().unwrap().remove("alg");
    cases.push((no_alg, "alg"));
    for (header, needle) in cases {
        assert_bad_header(&header, needle);
    }
}

#[test]
fn signatures_that_are_not_detached_jws_are_refused() {
    let good = String::from_utf8(signed()).unwrap();
    let v: Value = serde_json::from_str(&good).unwrap();
    let jws = v["signature"].as_str().unwrap().to_string();
    let (h, s) = jws.split_once("..").unwrap();
    let payload_b64 = b64(&to_canonical_vec(&unsigned_value()).unwrap());
    for bad in [
        json!(42),
        json!(format!("{h}.{payload_b64}.{s}")),
        json!(format!("{h}.{s}")),
        json!(format!("..{s}")),
        json!(format!("{h}..{}", &s[..85])),
        json!(format!("{h}..{s}=")),
        json!(format!("{h}..{}B", &s[..85])),
    ] {
        let mut doc = v.clone();
        doc["signature"] = bad.clone();
        let bytes = to_canonical_vec(&doc).unwrap();
        assert_eq!(
            codes(&verify_plain(&bytes)),
            ["bad_signature_format"],
            "{bad}"
        );
    }
}

#[test]
fn duplicate_names_are_refused_even_when_the_rest_would_verify() {
    let text = String::from_utf8(signed()).unwrap();
    // A second "organisation" after the first: serde_json alone would keep it.
    let doubled = text.replacen(
        r#""organisation":"Northshire County Council","#,
        r#""organisation":"Northshire County Council","organisation":"Someone Else","#,
        1,
    );
    assert_ne!(doubled, text);
    let v = verify_plain(doubled.as_bytes());
    assert_eq!(codes(&v), ["duplicate_key"]);
    assert!(v.errors[0].message.contains("\"organisation\""));
}

#[test]
fn a_re_saved_file_is_not_canonical() {
    let value: Value = serde_json::from_slice(&signed()).unwrap();
    let pretty = serde_json::to_vec_pretty(&value).unwrap();
    let v = verify_plain(&pretty);
    assert_eq!(codes(&v), ["not_canonical"]);
    assert_eq!(v.document_id.as_deref(), Some(SUMMARY_ID));
    let mut trailing_newline = signed();
    trailing_newline.push(b'\n');
    assert_eq!(codes(&verify_plain(&trailing_newline)), ["not_canonical"]);
    // An escape JCS would not write: "\u00e9" for "é".
    let escaped = String::from_utf8(signed())
        .unwrap()
        .replacen('é', "\\u00e9", 1);
    assert_eq!(codes(&verify_plain(escaped.as_bytes())), ["not_canonical"]);
}

#[test]
fn another_format_version_is_refused_before_anything_else() {
    let mut doc = unsigned_value();
    doc["formatVersion"] = "3".into();
    let v = verify_plain(&sign_raw(&doc, &header_for(&key()), &key()));
    assert_eq!(codes(&v), ["wrong_format_version"]);
    assert!(v.errors[0].message.contains("\"3\""));
    doc["formatVersion"] = 2.into();
    let v = verify_plain(&sign_raw(&doc, &header_for(&key()), &key()));
    assert_eq!(codes(&v), ["wrong_format_version"]);
    // Even re-saved, the version is what is reported.
    doc["formatVersion"] = "3".into();
    assert_eq!(
        codes(&verify_plain(&serde_json::to_vec_pretty(&doc).unwrap())),
        ["wrong_format_version"]
    );
}

#[test]
fn other_json_is_not_a_summary() {
    for text in [
        "{}",
        "[]",
        r#""review-together/summary""#,
        r#"{"format":"other"}"#,
    ] {
        assert_eq!(
            codes(&verify_plain(text.as_bytes())),
            ["not_a_summary"],
            "{text}"
        );
    }
}

#[test]
fn bytes_that_are_not_utf8_or_not_json_are_refused() {
    let mut bytes = signed();
    bytes[10] = 0xff;
    assert_eq!(codes(&verify_plain(&bytes)), ["not_utf8"]);
    for text in ["", "{", "{\"format\":", "nul", "{\"a\":1}x"] {
        assert_eq!(
            codes(&verify_plain(text.as_bytes())),
            ["not_json"],
            "{text:?}"
        );
    }
}

#[test]
fn a_genuinely_signed_document_must_still_match_the_schema() {
    let header = header_for(&key());
    let mut extra = unsigned_value();
    extra["carer"]["nickname"] = "Ash".into();
    let v = verify_plain(&sign_raw(&extra, &header, &key()));
    assert_eq!(codes(&v), ["schema"]);
    assert!(
        v.errors[0].message.contains("nickname"),
        "{}",
        v.errors[0].message
    );

    let mut missing = unsigned_value();
    missing.as_object_mut().unwrap().remove("outcome");
    assert_eq!(
        codes(&verify_plain(&sign_raw(&missing, &header, &key()))),
        ["schema"]
    );

    let mut bad_enum = unsigned_value();
    bad_enum["criteria"][0]["ratings"][0]["point"] = "3".into();
    assert_eq!(
        codes(&verify_plain(&sign_raw(&bad_enum, &header, &key()))),
        ["schema"]
    );

    let mut bad_date = unsigned_value();
    bad_date["outcome"]["nextReview"] = "2027-02-30".into();
    assert_eq!(
        codes(&verify_plain(&sign_raw(&bad_date, &header, &key()))),
        ["schema"]
    );

    let mut float = unsigned_value();
    float["process"]["timeBoxes"][0]["minutes"] = json!(20.5);
    let v = verify_plain(&sign_raw(&float, &header, &key()));
    assert!(
        v.has(ErrorCode::Schema) && v.has(ErrorCode::NotPortable),
        "{:#?}",
        v.errors
    );

    let mut decomposed = unsigned_value();
    decomposed["organisation"] = "Cafe\u{301}".into();
    assert_eq!(
        codes(&verify_plain(&sign_raw(&decomposed, &header, &key()))),
        ["not_portable"]
    );

    // Format 2's own members: the signing time is required and real, and
    // a format 1 body under a format 2 label is not format 2. (With the
    // schema itself checked too, as in the CLI, one fault may break two rules.)
    let schema_only = |doc: &Value| {
        let v = verify_plain(&sign_raw(doc, &header, &key()));
        !v.errors.is_empty() && v.errors.iter().all(|e| e.code == ErrorCode::Schema)
    };
    let mut no_time = unsigned_value();
    no_time.as_object_mut().unwrap().remove("signedAt");
    assert!(schema_only(&no_time));
    let mut bad_time = unsigned_value();
    bad_time["signedAt"] = "yesterday".into();
    assert!(schema_only(&bad_time));
    let mut old_shape = unsigned_value();
    old_shape["services"]["resources"][0]["benefits"] = "Meets other carers".into();
    assert!(schema_only(&old_shape));
}

// ---- Keys -------------------------------------------------------------------

/// RFC 8037 appendix A: the key, its thumbprint, and the signature of
/// "Example of Ed25519 signing" under {"alg":"EdDSA"}.
#[test]
fn rfc_8037_test_vectors() {
    let key = SigningKey::from_private_jwk(&PrivateJwk {
        kty: "OKP".into(),
        crv: "Ed25519".into(),
        x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo".into(),
        d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A".into(),
    })
    .unwrap();
    assert_eq!(
        key.fingerprint(),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
    let jws = detached_jws(br#"{"alg":"EdDSA"}"#, b"Example of Ed25519 signing", &key);
    assert_eq!(
        jws,
        "eyJhbGciOiJFZERTQSJ9..hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
    );
}

#[test]
fn a_private_jwk_round_trips_and_is_checked() {
    let k = key();
    let text = k.private_jwk_json();
    assert!(text.starts_with(r#"{"crv":"Ed25519","d":""#), "{text}");
    let back = SigningKey::from_private_jwk_json(&text).unwrap();
    assert_eq!(back.private_jwk(), k.private_jwk());
    assert_eq!(back.fingerprint(), k.fingerprint());

    let mut wrong_x = k.private_jwk();
    wrong_x.x = other_key().public_jwk().x;
    assert_eq!(
        SigningKey::from_private_jwk(&wrong_x).unwrap_err(),
        KeyError::Mismatch
    );
    let mut short_d = k.private_jwk();
    short_d.d = "AAAA".into();
    assert_eq!(
        SigningKey::from_private_jwk(&short_d).unwrap_err(),
        KeyError::BadD
    );
    // The private part never shows in debug output.
    assert!(!format!("{:?} {:?}", k, k.private_jwk()).contains(&k.private_jwk().d));
}

/// A version 1 stored key, exactly as the app writes it: the PIN-encryption
/// migration of the drafts work must go on reading this.
const STORED_V1: &str = r#"{"jwk":{"crv":"Ed25519","d":"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc","kty":"OKP","x":"6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw"},"kind":"signing-key","version":1}"#;

#[test]
fn the_stored_key_format_is_pinned() {
    assert_eq!(encode_stored_key(&key()), STORED_V1);
    let back = decode_stored_key(STORED_V1).unwrap();
    assert_eq!(back.private_jwk(), key().private_jwk());
    assert_eq!(
        decode_stored_key(&STORED_V1.replace(r#""version":1"#, r#""version":2"#)).unwrap_err(),
        KeyError::FromNewerVersion(2)
    );
}

#[derive(Default)]
struct MemoryStore(Option<String>);

impl KeyStore for MemoryStore {
    type Error = ();
    fn load(&self) -> Result<Option<String>, ()> {
        Ok(self.0.clone())
    }
    fn save(&mut self, stored: &str) -> Result<(), ()> {
        self.0 = Some(stored.to_string());
        Ok(())
    }
}

#[test]
fn the_device_key_is_made_once_and_then_kept() {
    let mut store = MemoryStore::default();
    let first = device_key(&mut store, || [7; 32]).unwrap();
    assert_eq!(store.0.as_deref(), Some(STORED_V1));
    let again = device_key(&mut store, || panic!("no new key once one is stored")).unwrap();
    assert_eq!(again.fingerprint(), first.fingerprint());
    // Something unreadable is reported and left as it is.
    let mut broken = MemoryStore(Some("{not json".into()));
    assert!(matches!(
        device_key(&mut broken, || [1; 32]),
        Err(DeviceKeyError::Unreadable(_))
    ));
    assert_eq!(broken.0.as_deref(), Some("{not json"));
}

/// WebCrypto gives the device key's public part as 32 raw bytes: its JWK,
/// fingerprint and team form are those of the same key held in memory, so
/// a key moved from the old stored form into the browser keeps its
/// fingerprint, and files it signed keep checking against it.
#[test]
fn a_raw_public_key_gives_the_same_jwk_fingerprint_and_team_form() {
    let raw = key().verifying_key().to_bytes();
    let jwk = PublicJwk::from_raw(&raw).unwrap();
    assert_eq!(jwk, key().public_jwk());
    assert_eq!(jwk.thumbprint(), key().fingerprint());
    assert_eq!(jwk.for_team(), key().public_jwk_for_team());
    assert!(!jwk.for_team().contains(r#""d""#));
    assert_eq!(PublicJwk::from_raw(&raw[..31]), Err(KeyError::BadX));
    assert_eq!(
        PublicJwk::from_raw(&[raw.as_slice(), &[0]].concat()),
        Err(KeyError::BadX)
    );
}

/// The plain copy of the public key beside the browser's key store: its
/// form is pinned, it reads back, and it never takes a private key.
#[test]
fn the_public_copy_is_pinned_and_never_holds_a_private_key() {
    let jwk = key().public_jwk();
    let text = encode_public_copy(&jwk, KeyGuard::BrowserPin);
    assert_eq!(
        text,
        r#"{"guard":"browser-pin","jwk":{"crv":"Ed25519","kty":"OKP","x":"6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw"},"kind":"signing-key-public","version":1}"#
    );
    assert_eq!(
        decode_public_copy(&text),
        Ok((jwk.clone(), KeyGuard::BrowserPin))
    );
    for guard in [KeyGuard::Browser, KeyGuard::BrowserPin, KeyGuard::Storage] {
        assert_eq!(
            decode_public_copy(&encode_public_copy(&jwk, guard))
                .unwrap()
                .1,
            guard
        );
    }
    let with_d = text.replace(
        r#""crv":"Ed25519","#,
        r#""crv":"Ed25519","d":"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc","#,
    );
    assert!(decode_public_copy(&with_d).is_err());
    assert!(decode_public_copy(STORED_V1).is_err());
    assert_eq!(
        decode_public_copy(&text.replace(r#""version":1"#, r#""version":2"#)),
        Err(KeyError::FromNewerVersion(2))
    );
    assert_eq!(
        decode_public_copy(&text.replace("6kpsY", "AAAAA")).unwrap_err(),
        KeyError::BadX
    );
}

#[test]
fn every_error_code_is_distinct_and_snake_case() {
    let mut seen = std::collections::HashSet::new();
    for code in ErrorCode::ALL {
        let s = code.as_str();
        assert!(seen.insert(s), "{s} twice");
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{s}"
        );
    }
}
