//! Known signers (#16): the records team's key list, read strictly; what it
//! says of each signer (trusted, retired, revoked, unknown) and the receipt
//! log that decides revoked keys; the four verdicts; and the attacks a
//! person holding a file could try: sign it with their own key, carry their
//! own key under a trusted key's id, flood it with problems.

mod common;

use common::*;
use review_core::summary::*;
use serde_json::{json, Value};

const ADDED: &str = "2026-01-05T09:00:00+00:00";

fn sams_key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

fn strangers_key() -> SigningKey {
    SigningKey::from_seed([66; 32])
}

/// The test summary, signed by `key` at 2026-11-24T12:05:00+00:00.
fn signed_by(key: &SigningKey) -> Vec<u8> {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/summary-unsigned-v2.json"
    ))
    .unwrap();
    read_unsigned(&text, Some("2026-11-24T12:05:00+00:00"))
        .unwrap()
        .sign(key)
        .unwrap()
}

fn list_with(key: &SigningKey) -> TeamKeys {
    let mut list = TeamKeys::default();
    list.add(key.public_jwk(), "Sam Patel's tablet", ADDED)
        .unwrap();
    list
}

fn check(bytes: &[u8], list: &TeamKeys, receipts: Option<&Receipts>) -> Verification {
    verify(
        bytes,
        &VerifyOptions {
            trusted_keys: Some(list),
            receipts,
        },
    )
}

fn issue_codes(v: &Verification) -> Vec<&'static str> {
    v.issues().iter().map(|e| e.code.as_str()).collect()
}

/// One entry as the list's JSON writes it, to break in one place.
fn entry() -> Value {
    let list: Value = serde_json::from_str(&list_with(&sams_key()).to_json()).unwrap();
    list["keys"][0].clone()
}

fn read_entry(entry: Value) -> Result<TeamKeys, TeamKeysError> {
    TeamKeys::from_json(&json!({ "keys": [entry] }).to_string())
}

// ---- The list ------------------------------------------------------------------

#[test]
fn a_list_reads_back_what_it_wrote_and_has_a_stable_fingerprint() {
    let mut list = list_with(&sams_key());
    list.add(strangers_key().public_jwk(), "Old tablet", ADDED)
        .unwrap();
    list.retire(
        &strangers_key().fingerprint(),
        "2026-06-01T00:00:00+00:00",
        "2026-06-01T10:00:00+00:00",
    )
    .unwrap();
    let text = list.to_json();
    assert!(is_canonical(text.as_bytes()), "written in RFC 8785 form");
    let again = TeamKeys::from_json(&text).unwrap();
    assert_eq!(again, list);
    assert_eq!(again.fingerprint(), list.fingerprint());
    assert_eq!(list.updated.as_deref(), Some("2026-06-01T10:00:00+00:00"));
    // The same keys in another layout are the same list, with the same
    // fingerprint; any change is another fingerprint.
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(&text).unwrap()).unwrap();
    assert_eq!(
        TeamKeys::from_json(&pretty).unwrap().fingerprint(),
        list.fingerprint()
    );
    list.revoke(&sams_key().fingerprint(), ADDED, ADDED)
        .unwrap();
    assert_ne!(list.fingerprint(), again.fingerprint());
}

#[test]
fn retired_and_revoked_must_be_true_or_false_with_their_dates() {
    assert!(read_entry(entry()).is_ok());
    let refused = |change: &dyn Fn(&mut Value)| {
        let mut e = entry();
        change(&mut e);
        read_entry(e).unwrap_err().to_string()
    };
    // The string "true" is not true: the whole list is refused.
    let why = refused(&|e| e["revoked"] = "true".into());
    assert!(why.contains("\"revoked\" must be true or false"), "{why}");
    assert!(why.contains("key 1"), "{why}");
    let why = refused(&|e| e["retired"] = 1.into());
    assert!(
        why.contains("\"retired\" must be true or false, not a number"),
        "{why}"
    );
    let why = refused(&|e| {
        e.as_object_mut().unwrap().remove("revoked");
    });
    assert!(why.contains("no \"revoked\""), "{why}");
    let why = refused(&|e| e["revoked"] = true.into());
    assert!(why.contains("\"revokedAt\""), "{why}");
    let why = refused(&|e| {
        e["retired"] = true.into();
        e["retiredAt"] = "last Tuesday".into();
    });
    assert!(why.contains("not an RFC 3339 time"), "{why}");
    let why = refused(&|e| e["revokedAt"] = ADDED.into());
    assert!(why.contains("\"revoked\" is false"), "{why}");
    let why = refused(&|e| {
        e.as_object_mut().unwrap().remove("name");
    });
    assert!(why.contains("no \"name\""), "{why}");
    let why = refused(&|e| e["name"] = "  ".into());
    assert!(why.contains("empty"), "{why}");
    let why = refused(&|e| e["added"] = "2026-01-05".into());
    assert!(why.contains("\"added\""), "{why}");
    let why = refused(&|e| e["trusted"] = true.into());
    assert!(why.contains("\"trusted\""), "{why}");
    let why = refused(&|e| e["kid"] = "sams-tablet".into());
    assert!(why.contains("thumbprint"), "{why}");
    let why = refused(&|e| e["x"] = "AAAA".into());
    assert!(why.contains("key 1"), "{why}");
    let why = refused(&|e| e["alg"] = "RS256".into());
    assert!(why.contains("\"alg\""), "{why}");
}

#[test]
fn a_list_that_is_not_one_is_refused_and_other_kinds_of_key_are_passed_over() {
    assert_eq!(TeamKeys::from_json("[]"), Err(TeamKeysError::NotAKeySet));
    assert!(matches!(
        TeamKeys::from_json("{\"keys\": ["),
        Err(TeamKeysError::NotJson(_))
    ));
    // A name twice in one object could be read either way: refused.
    assert!(matches!(
        TeamKeys::from_json(r#"{"keys": [], "keys": []}"#),
        Err(TeamKeysError::NotJson(_))
    ));
    let twice = json!({ "keys": [entry(), entry()] }).to_string();
    assert!(matches!(
        TeamKeys::from_json(&twice),
        Err(TeamKeysError::Duplicate(_))
    ));
    let mixed = json!({"keys": [
        {"kty": "RSA", "n": "0vx7", "e": "AQAB", "kid": "hr-system"},
        entry(),
    ]})
    .to_string();
    assert_eq!(TeamKeys::from_json(&mixed).unwrap().len(), 1);
    let bad_date = json!({ "keys": [], "updated": "soon" }).to_string();
    assert!(matches!(
        TeamKeys::from_json(&bad_date),
        Err(TeamKeysError::BadTime(_))
    ));
}

#[test]
fn keys_are_added_retired_and_revoked_once_each_by_id_or_read_out_fingerprint() {
    let mut list = list_with(&sams_key());
    assert!(matches!(
        list.add(sams_key().public_jwk(), "Again", ADDED),
        Err(TeamKeysError::Duplicate(_))
    ));
    assert!(list.add(strangers_key().public_jwk(), " ", ADDED).is_err());
    assert!(matches!(
        list.add(strangers_key().public_jwk(), "Tablet", "today"),
        Err(TeamKeysError::BadTime(_))
    ));
    // As read out over the phone, in groups of four.
    let spoken: String = sams_key()
        .fingerprint()
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    list.revoke(&spoken, ADDED, ADDED).unwrap();
    assert!(matches!(
        list.revoke(&spoken, ADDED, ADDED),
        Err(TeamKeysError::AlreadyRevoked(_))
    ));
    assert!(matches!(
        list.retire("no-such-key", ADDED, ADDED),
        Err(TeamKeysError::NotInList(_))
    ));
}

// ---- What the list says of a signer --------------------------------------------

#[test]
fn a_signer_in_the_list_is_valid_and_one_missing_from_it_is_not() {
    let bytes = signed_by(&sams_key());
    let v = check(&bytes, &list_with(&sams_key()), None);
    assert_eq!(v.verdict(), Verdict::Valid, "{:?}", v.issues());
    assert!(v.is_valid());
    assert_eq!(
        v.signer,
        Signer::Checked {
            standing: Standing::Trusted,
            name: Some("Sam Patel's tablet".into()),
            since: None
        }
    );
    // Anyone can make a key and sign: intact, never valid.
    let forged = signed_by(&strangers_key());
    let v = check(&forged, &list_with(&sams_key()), None);
    assert!(v.is_intact());
    assert_eq!(v.verdict(), Verdict::UntrustedSigner);
    assert_eq!(issue_codes(&v), ["untrusted_key"]);
    assert!(v.summary.is_some(), "what the file says can still be shown");
    // With no list at all, nothing checked the signer.
    let v = verify(&forged, &VerifyOptions::default());
    assert_eq!(v.verdict(), Verdict::UntrustedSigner);
    assert_eq!(issue_codes(&v), ["signer_not_checked"]);
}

#[test]
fn a_retired_key_counts_for_what_it_signed_before_retiring() {
    // The summary says it was signed at 2026-11-24T12:05:00+00:00.
    let bytes = signed_by(&sams_key());
    let retired_at = |at: &str| {
        let mut list = list_with(&sams_key());
        list.retire(&sams_key().fingerprint(), at, at).unwrap();
        check(&bytes, &list, None)
    };
    let v = retired_at("2026-12-01T00:00:00+00:00");
    assert_eq!(v.verdict(), Verdict::Valid);
    assert!(v
        .signer_note()
        .unwrap()
        .contains("before its key was retired"));
    // The very second it was retired still counts; offsets are honoured.
    assert_eq!(
        retired_at("2026-11-24T12:05:00+00:00").verdict(),
        Verdict::Valid
    );
    assert_eq!(
        retired_at("2026-11-24T13:05:00+01:00").verdict(),
        Verdict::Valid
    );
    let v = retired_at("2026-11-24T12:04:59+00:00");
    assert_eq!(v.verdict(), Verdict::UntrustedSigner);
    assert_eq!(issue_codes(&v), ["retired_key"]);
    assert!(v.issues()[0].message.contains("Sam Patel's tablet"));
}

#[test]
fn a_revoked_key_counts_only_for_files_the_receipt_log_shows_arrived_before() {
    let bytes = signed_by(&sams_key());
    let mut list = list_with(&sams_key());
    // Revoked at 09:00 on 1 December: the file says it was signed on
    // 24 November, but a thief with the tablet can say anything.
    list.revoke(
        &sams_key().fingerprint(),
        "2026-12-01T09:00:00+00:00",
        "2026-12-01T09:30:00+00:00",
    )
    .unwrap();
    let v = check(&bytes, &list, None);
    assert_eq!(v.verdict(), Verdict::UntrustedSigner);
    assert_eq!(issue_codes(&v), ["revoked_key"]);

    let sha = sha256_base64url(&bytes);
    let log = |lines: &[(&str, &str)]| {
        let text: String = lines
            .iter()
            .map(|(sha, at)| {
                Receipts::line(&Receipt {
                    sha256: sha.to_string(),
                    document_id: Some(SUMMARY_ID.into()),
                    received_at: at.to_string(),
                }) + "\n"
            })
            .collect();
        Receipts::from_ndjson(&text).unwrap()
    };
    let arrived_before = log(&[(&sha, "2026-11-25T10:00:00+00:00")]);
    let v = check(&bytes, &list, Some(&arrived_before));
    assert_eq!(v.verdict(), Verdict::Valid);
    assert!(v.signer_note().unwrap().contains("arrived before"));
    // Arriving after, or another file arriving before, does not count.
    let after = log(&[(&sha, "2026-12-01T09:00:01+00:00")]);
    assert_eq!(
        check(&bytes, &list, Some(&after)).verdict(),
        Verdict::UntrustedSigner
    );
    let other_sha = sha256_base64url(b"another file");
    let other = log(&[(&other_sha, "2026-11-25T10:00:00+00:00")]);
    assert_eq!(
        check(&bytes, &list, Some(&other)).verdict(),
        Verdict::UntrustedSigner
    );
    // The first arrival is the one that counts, whatever the offsets.
    let both = log(&[
        (&sha, "2026-12-02T10:00:00+00:00"),
        (&sha, "2026-12-01T09:59:00+01:00"),
    ]);
    assert_eq!(both.first_arrival(&sha), Some("2026-12-01T09:59:00+01:00"));
    assert_eq!(check(&bytes, &list, Some(&both)).verdict(), Verdict::Valid);
}

#[test]
fn a_receipt_log_line_that_is_not_a_receipt_is_refused_by_its_number() {
    let good = Receipts::line(&Receipt {
        sha256: sha256_base64url(b"x"),
        document_id: None,
        received_at: ADDED.into(),
    });
    assert_eq!(
        Receipts::from_ndjson(&format!("{good}\n\n{good}\n"))
            .unwrap()
            .receipts
            .len(),
        2
    );
    let why = Receipts::from_ndjson(&format!("{good}\nnot json\n")).unwrap_err();
    assert!(why.contains("line 2"), "{why}");
    let why =
        Receipts::from_ndjson("{\"sha256\": \"abc\", \"receivedAt\": \"2026-01-05T09:00:00Z\"}")
            .unwrap_err();
    assert!(why.contains("SHA-256"), "{why}");
    let no_time = format!("{{\"sha256\": \"{}\"}}", sha256_base64url(b"x"));
    assert!(Receipts::from_ndjson(&no_time)
        .unwrap_err()
        .contains("receivedAt"));
}

// ---- Attacks by someone holding a file -----------------------------------------

/// The attacker names Sam's trusted key in `kid` but carries, and signs
/// with, their own: the key that verifies is always the list's.
#[test]
fn a_file_carrying_its_own_key_under_a_trusted_keys_id_is_invalid() {
    let list = list_with(&sams_key());
    let document: Value = serde_json::from_slice(&signed_by(&strangers_key())).unwrap();
    let mut header = header_for(&strangers_key());
    header["kid"] = sams_key().fingerprint().into();
    let forged = sign_raw(&document, &header, &strangers_key());
    let v = check(&forged, &list, None);
    assert_eq!(v.verdict(), Verdict::Invalid, "{:?}", v.issues());
    assert!(
        v.has(ErrorCode::BadSignature),
        "checked with the list's key"
    );
    assert!(v.has(ErrorCode::KidMismatch));
    assert!(v.summary.is_none());
    // Carrying Sam's public key too changes nothing: the signature is not his.
    let mut header = header_for(&sams_key());
    header["kid"] = sams_key().fingerprint().into();
    let forged = sign_raw(&document, &header, &strangers_key());
    let v = check(&forged, &list, None);
    assert_eq!(v.verdict(), Verdict::Invalid);
    assert_eq!(issue_codes(&v), ["bad_signature"]);
}

/// A self-signed file of a million nulls lists at most 100 problems and
/// counts the rest.
#[test]
fn a_flood_of_problems_lists_at_most_a_hundred_and_counts_the_rest() {
    let nulls = vec![Value::Null; 1_000_000];
    let document = json!({
        "format": "review-together/summary",
        "formatVersion": "2",
        "nulls": nulls,
    });
    let bytes = sign_raw(&document, &header_for(&strangers_key()), &strangers_key());
    assert!(bytes.len() > 5_000_000);
    let v = verify(&bytes, &VerifyOptions::default());
    assert_eq!(v.verdict(), Verdict::Invalid);
    assert_eq!(v.errors.len(), MAX_LISTED, "{:?}", &v.errors[..1]);
    assert!(v.error_count() > 1_000_000, "{}", v.error_count());
    assert_eq!(v.error_count(), v.errors.len() + v.unlisted);
    let found = portable_issues(&document, 3);
    assert_eq!((found.listed.len(), found.total), (3, 1_000_000));
}

#[test]
fn the_verdicts_rank_from_valid_to_invalid() {
    use Verdict::*;
    let mut all = [Invalid, Valid, Unreadable, UntrustedSigner];
    all.sort();
    assert_eq!(all, [Valid, UntrustedSigner, Unreadable, Invalid]);
    assert_eq!(
        [Valid, UntrustedSigner].into_iter().max(),
        Some(UntrustedSigner)
    );
    let v = verify(b"\xff", &VerifyOptions::default());
    assert_eq!(v.verdict(), Invalid);
    assert_eq!(v.sha256, sha256_base64url(b"\xff"));
}

#[test]
fn the_key_file_a_tablet_offers_is_read_strictly() {
    let sam = SigningKey::from_seed([42; 32]);
    let offered = sam.public_jwk_for_team();
    assert_eq!(device_key_from_json(&offered).unwrap(), sam.public_jwk());
    // The bare key, without kid/alg/use, is the same key.
    let bare = serde_json::to_string(&sam.public_jwk()).unwrap();
    assert_eq!(device_key_from_json(&bare).unwrap(), sam.public_jwk());
    let refused = |text: &str| device_key_from_json(text).unwrap_err().to_string();
    assert!(refused(&sam.private_jwk_json()).contains("PRIVATE key"));
    let mut value: Value = serde_json::from_str(&offered).unwrap();
    value["kid"] = "someone-else".into();
    assert!(
        refused(&value.to_string()).contains("thumbprint"),
        "{}",
        refused(&value.to_string())
    );
    let mut value: Value = serde_json::from_str(&offered).unwrap();
    value["name"] = "Sam".into();
    assert!(refused(&value.to_string()).contains("\"name\""));
    assert!(refused("[1]").contains("not a JSON object"));
    assert!(refused("{").contains("not valid JSON"));
    assert!(refused(r#"{"kty":"EC","crv":"P-256","x":"a","y":"b"}"#).contains("Ed25519"));
}
