//! The exported summary of a signed-off review, for records teams: the
//! document ([`Summary`], built by [`Summary::from_review`]), its RFC 8785
//! bytes, the Ed25519 detached JWS that signs it ([`Summary::to_sign`],
//! [`Summary::sign`]), and [`verify`] with a fixed error code for every
//! failure ([`ErrorCode`]), and [`compare`]: whether a signed file still
//! says what its review says. Format 2 is written; formats 1 and 2 are read
//! (`v1.rs`, and `docs/formats.md` for the rules).
//!
//! Pure like the rest of the core: no clock, no randomness. The caller
//! passes the document id, the signing time, and the 32 random bytes of a
//! new key.

pub mod about;
pub mod addendum;
pub mod addendum_record;
pub mod canonical;
pub mod confidentiality_record;
pub mod copies;
pub mod copy_record;
pub mod document;
pub mod errors;
mod finalise;
pub mod follow_up_record;
mod from_review;
pub mod jws;
pub mod keys;
pub mod matching;
pub mod people_record;
pub mod portable;
mod receipts;
pub mod schema;
pub mod sign_off_record;
pub mod strings;
pub mod team_keys;
pub mod v1;
pub mod verify;

#[cfg(test)]
mod tamper_tests;

pub use about::{check_result, CheckResult, Kept, Row};
pub use addendum::{
    addendum_against_records, addendum_file_name, prepare_addendum, Addendum, AddendumError,
    AddendumFile, Making, PreparedAddendum,
};
pub use canonical::{parse_strict, to_canonical_vec, utf16_cmp, ParseError};
pub use copies::{
    check_copy, copies_of, copy_against_records, copy_document_id, copy_for, CopyMismatch,
};
pub use document::*;
pub use errors::{
    ErrorCode, SignError, Signer, Verdict, Verification, VerifyError, VerifyOptions, MAX_LISTED,
};
pub use finalise::{
    copy_file_name, file_name, finalise, finalise_all, prepare, sign_with_copies, CopyFile,
    Finalise, FinaliseError, Prepared, Signed, SignedFile, Signing,
};
pub use from_review::SummaryError;
pub use jws::{detached_jws, ProtectedHeader, ProtectedHeaderV1, ToSign};
pub use keys::{
    b64, b64_decode, decode_public_copy, decode_stored_key, device_key, encode_public_copy,
    encode_stored_key, grouped, sha256_base64url, DeviceKeyError, KeyError, KeyGuard, KeyStore,
    PrivateJwk, PublicJwk, SigningKey, PUBLIC_COPY_VERSION, STORED_KEY_VERSION,
};
pub use matching::{compare, CannotCompare, Comparison, SignedSummary, MAX_DIFFERENCES};
pub use verify::{read_unsigned, verify};

pub use portable::{is_canonical, portable_issues, Issues, MAX_SAFE_INTEGER};
pub use team_keys::{
    device_key_from_json, Receipt, Receipts, Standing, TeamKey, TeamKeys, TeamKeysError,
};
