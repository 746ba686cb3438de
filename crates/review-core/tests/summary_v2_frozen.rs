//! Format 2 as the build before it first grew made it: a summary signed
//! by that build's `review-summary sign` (`tests/fixtures/signed-v2/`, its
//! bytes pinned in `FROZEN.sha256`) verifies against its key list with
//! every later build, though it has none of the members format 2 gained
//! since (the copies, the default visibility, each item's visibility).

use review_core::summary::*;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_format_2_file_from_before_visibility_still_verifies() {
    let bytes = fixture("signed-v2/valid.json");
    let list = String::from_utf8(fixture("signed-v2/team.jwks")).unwrap();
    let keys = TeamKeys::from_json(&list).unwrap();
    let v = verify(
        &bytes,
        &VerifyOptions {
            trusted_keys: Some(&keys),
            receipts: None,
        },
    );
    assert!(v.issues().is_empty(), "{:?}", v.issues());
    assert_eq!(v.format_version, Some(FormatVersion::V2));
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        !text.contains("isibility") && !text.contains("\"copies\""),
        "the file is from before the members it proves optional"
    );
}

#[test]
fn a_format_2_file_with_an_edited_visibility_does_not_verify() {
    // Someone holding the file marks an item for everyone after signing.
    let text = String::from_utf8(fixture("signed-v2/valid.json")).unwrap();
    let edited = text.replacen("\"text\":", "\"visibility\":\"everyone\",\"text\":", 1);
    assert_ne!(edited, text);
    let keys =
        TeamKeys::from_json(&String::from_utf8(fixture("signed-v2/team.jwks")).unwrap()).unwrap();
    let v = verify(
        edited.as_bytes(),
        &VerifyOptions {
            trusted_keys: Some(&keys),
            receipts: None,
        },
    );
    assert!(
        !v.issues().is_empty(),
        "an added member breaks the signature"
    );
}
