//! Signing a summary (and an addendum): a detached compact JWS (RFC 7515 appendix F) with
//! Ed25519 over the RFC 8785 form of the document without its `signature`.
//! Signing is two steps, so that the key may live elsewhere (WebCrypto in
//! the app): [`Summary::to_sign`] gives the exact bytes to sign, and
//! [`ToSign::attach`] checks the signature made over them and writes the
//! file. The protected headers of both formats, and the strict Ed25519
//! check verifying uses, are here too.

use super::canonical::to_canonical_vec;
use super::document::*;
use super::errors::{err, ErrorCode, SignError};
use super::keys::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The protected header of format 2, written in RFC 8785 form: registered
/// parameters only (RFC 7515 §4.1), so a JOSE library reads it with its
/// default checks. The signing time and document id are in the document.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ProtectedHeader {
    pub alg: String,
    pub typ: String,
    /// The RFC 7638 thumbprint of `jwk`.
    pub kid: String,
    pub jwk: PublicJwk,
}

/// The protected header of format 1: two private parameters besides the
/// registered ones. Read forever, never written.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProtectedHeaderV1 {
    pub alg: String,
    pub typ: String,
    pub kid: String,
    pub jwk: PublicJwk,
    /// When the summary was signed (RFC 3339 to the second, with offset).
    pub signed_at: String,
    /// The `documentId` of the summary signed.
    pub document_id: String,
}

// ---- Signing ----------------------------------------------------------------

/// `ASCII(BASE64URL(header)) || '.' || BASE64URL(payload)`.
fn signing_input(header_b64: &str, payload: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let mut input = String::with_capacity(header_b64.len() + 1 + payload.len().div_ceil(3) * 4);
    input.push_str(header_b64);
    input.push('.');
    // Encoded straight into the input: it is the size of the whole document.
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode_string(payload, &mut input);
    input.into_bytes()
}

/// A detached compact JWS (RFC 7515 appendix F) over `payload`, with the
/// protected header's bytes exactly as given: the step under
/// [`Summary::sign`], public for tests and other tools.
pub fn detached_jws(header_json: &[u8], payload: &[u8], key: &SigningKey) -> String {
    let header_b64 = b64(header_json);
    let signature = key.sign(&signing_input(&header_b64, payload));
    format!("{header_b64}..{}", b64(&signature.to_bytes()))
}

/// A summary ready to be signed: the exact bytes a key signs, and what the
/// file will hold once the signature is attached.
#[derive(Clone, Debug)]
pub struct ToSign {
    header_b64: String,
    jwk: PublicJwk,
    payload: Vec<u8>,
    document: Value,
}

impl ToSign {
    /// A signed document of any of our kinds (a summary, an addendum),
    /// unsigned as `document`, to be signed with the key whose public part
    /// is `jwk` under the protected header type `typ`.
    pub(crate) fn new(document: Value, typ: &str, jwk: &PublicJwk) -> Result<ToSign, SignError> {
        let invalid = |e: String| SignError::Invalid(vec![err(ErrorCode::Schema, e)]);
        let payload = to_canonical_vec(&document).map_err(invalid)?;
        let header = ProtectedHeader {
            alg: ALG.into(),
            typ: typ.into(),
            kid: jwk.thumbprint(),
            jwk: jwk.clone(),
        };
        Ok(ToSign {
            header_b64: b64(&to_canonical_vec(&header).map_err(invalid)?),
            jwk: jwk.clone(),
            payload,
            document,
        })
    }

    /// The JWS signing input (RFC 7515 §5.1): what the key signs.
    pub fn signing_input(&self) -> Vec<u8> {
        signing_input(&self.header_b64, &self.payload)
    }

    /// The file: the document in RFC 8785 form with its `signature`. The
    /// signature is checked first against the key named in the header, so
    /// a wrong key or damaged signature never reaches a file.
    pub fn attach(self, signature: &[u8; 64]) -> Result<Vec<u8>, SignError> {
        let key = self
            .jwk
            .verifying_key()
            .map_err(|_| SignError::SignatureDoesNotMatch)?;
        let sig = Signature::from_bytes(signature);
        if !Ed25519Strict.verify(&key, &self.header_b64, &self.payload, &sig) {
            return Err(SignError::SignatureDoesNotMatch);
        }
        let mut document = self.document;
        if let Value::Object(members) = &mut document {
            let jws = format!("{}..{}", self.header_b64, b64(signature));
            members.insert("signature".into(), Value::String(jws));
        }
        to_canonical_vec(&document).map_err(|e| SignError::Invalid(vec![err(ErrorCode::Schema, e)]))
    }
}

impl Summary {
    /// The bytes to sign with the key whose public part is `jwk`, and what
    /// the file will hold. The signing time is the document's `signedAt`.
    pub fn to_sign(&self, jwk: &PublicJwk) -> Result<ToSign, SignError> {
        if self.signature.is_some() {
            return Err(SignError::AlreadySigned);
        }
        let document = serde_json::to_value(self)
            .map_err(|e| SignError::Invalid(vec![err(ErrorCode::Schema, e.to_string())]))?;
        ToSign::new(document, JWS_TYPE, jwk)
    }

    /// Sign the summary with a key held here (the CLI, tests): the file's
    /// bytes, in RFC 8785 form with the `signature` member. The same summary
    /// and key always give the same bytes (Ed25519 is deterministic).
    pub fn sign(&self, key: &SigningKey) -> Result<Vec<u8>, SignError> {
        let to_sign = self.to_sign(&key.public_jwk())?;
        let signature = key.sign(&to_sign.signing_input()).to_bytes();
        to_sign.attach(&signature)
    }
}

/// The Ed25519 check itself, behind a seam: the every-bit tamper test swaps
/// in an exact comparison with the known-good signature in debug builds
/// (where one Ed25519 verification takes ~12 ms).
pub(crate) trait SignatureCheck: Sync {
    fn verify(
        &self,
        key: &VerifyingKey,
        header_b64: &str,
        payload: &[u8],
        signature: &Signature,
    ) -> bool;
}

/// Strict RFC 8032 verification: refuses non-canonical `s` and small-order
/// keys, so a signature has exactly one valid encoding.
pub(crate) struct Ed25519Strict;

impl SignatureCheck for Ed25519Strict {
    fn verify(
        &self,
        key: &VerifyingKey,
        header_b64: &str,
        payload: &[u8],
        signature: &Signature,
    ) -> bool {
        key.verify_strict(&signing_input(header_b64, payload), signature)
            .is_ok()
    }
}
