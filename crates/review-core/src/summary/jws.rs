//! Signing and verifying a summary: a detached compact JWS (RFC 7515
//! appendix F) with Ed25519 over the RFC 8785 form of the document without
//! its `signature`, and every check a records team runs, each failure with a
//! fixed code and a plain-English message.
//!
//! Signing is two steps, so that the key may live elsewhere (WebCrypto in
//! the app): [`Summary::to_sign`] gives the exact bytes to sign, and
//! [`ToSign::attach`] checks the signature made over them and writes the
//! file. Verifying reads format 1 and format 2 (see `docs/formats.md`).

use super::canonical::{parse_strict, scan_canonical, to_canonical_vec, Member, ParseError};
use super::document::*;
use super::keys::*;
use super::v1;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The `typ` of our protected header.
pub const JWS_TYPE: &str = "review-together-summary+jws";
/// The algorithm we write: the fully specified name of RFC 9864.
pub const ALG: &str = "Ed25519";
/// The older name (RFC 8037) that verification accepts too.
pub const ALG_LEGACY: &str = "EdDSA";

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

/// The summary formats this build reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatVersion {
    V1,
    V2,
}

impl FormatVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            FormatVersion::V1 => FORMAT_VERSION_1,
            FormatVersion::V2 => FORMAT_VERSION,
        }
    }
}

// ---- Error codes ------------------------------------------------------------

/// Every way a summary file can fail verification. The codes are part of the
/// CLI's `--json` output: never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    Unreadable,
    NotUtf8,
    NotJson,
    DuplicateKey,
    NotASummary,
    WrongFormatVersion,
    NotCanonical,
    NoSignature,
    BadSignatureFormat,
    BadHeader,
    UnsupportedAlg,
    KidMismatch,
    DocumentIdMismatch,
    BadSignature,
    Schema,
    NotPortable,
    UntrustedKey,
    RevokedKey,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 18] = [
        ErrorCode::Unreadable,
        ErrorCode::NotUtf8,
        ErrorCode::NotJson,
        ErrorCode::DuplicateKey,
        ErrorCode::NotASummary,
        ErrorCode::WrongFormatVersion,
        ErrorCode::NotCanonical,
        ErrorCode::NoSignature,
        ErrorCode::BadSignatureFormat,
        ErrorCode::BadHeader,
        ErrorCode::UnsupportedAlg,
        ErrorCode::KidMismatch,
        ErrorCode::DocumentIdMismatch,
        ErrorCode::BadSignature,
        ErrorCode::Schema,
        ErrorCode::NotPortable,
        ErrorCode::UntrustedKey,
        ErrorCode::RevokedKey,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unreadable => "unreadable",
            ErrorCode::NotUtf8 => "not_utf8",
            ErrorCode::NotJson => "not_json",
            ErrorCode::DuplicateKey => "duplicate_key",
            ErrorCode::NotASummary => "not_a_summary",
            ErrorCode::WrongFormatVersion => "wrong_format_version",
            ErrorCode::NotCanonical => "not_canonical",
            ErrorCode::NoSignature => "no_signature",
            ErrorCode::BadSignatureFormat => "bad_signature_format",
            ErrorCode::BadHeader => "bad_header",
            ErrorCode::UnsupportedAlg => "unsupported_alg",
            ErrorCode::KidMismatch => "kid_mismatch",
            ErrorCode::DocumentIdMismatch => "document_id_mismatch",
            ErrorCode::BadSignature => "bad_signature",
            ErrorCode::Schema => "schema",
            ErrorCode::NotPortable => "not_portable",
            ErrorCode::UntrustedKey => "untrusted_key",
            ErrorCode::RevokedKey => "revoked_key",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One reason a file is not a valid signed summary.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    pub code: ErrorCode,
    /// Plain English for the person checking the file.
    pub message: String,
}

impl VerifyError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> VerifyError {
        VerifyError {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

fn err(code: ErrorCode, message: impl Into<String>) -> VerifyError {
    VerifyError::new(code, message)
}

fn parse_error(e: ParseError) -> VerifyError {
    match e {
        ParseError::NotUtf8 => err(
            ErrorCode::NotUtf8,
            "The file is not UTF-8 text, so it cannot be a summary.",
        ),
        ParseError::NotJson(detail) => err(
            ErrorCode::NotJson,
            format!("The file is not valid JSON ({detail})."),
        ),
        ParseError::DuplicateKey { key, detail } => err(
            ErrorCode::DuplicateKey,
            format!(
                "The name {key:?} appears twice in the same object ({detail}); a summary never repeats a name, and readers could disagree on which value counts."
            ),
        ),
    }
}

// ---- The result -------------------------------------------------------------

/// What verifying one file found.
#[derive(Clone, Debug, Default)]
pub struct Verification {
    /// The format it is in, once `format` and `formatVersion` were read.
    pub format_version: Option<FormatVersion>,
    /// The document's `documentId`, when it could be read.
    pub document_id: Option<String>,
    /// The signing key's id (RFC 7638 thumbprint), when the header could be read.
    pub kid: Option<String>,
    /// When it was signed: the document's `signedAt` (format 2) or the
    /// header's (format 1).
    pub signed_at: Option<String>,
    /// Empty when the file is valid. Checks stop at the first stage that fails.
    pub errors: Vec<VerifyError>,
    /// The summary, when the file is valid, in format 2's shape whatever
    /// the file's format (see [`v1::Summary::upgrade`]).
    pub summary: Option<Summary>,
}

impl Verification {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether any error has this code.
    pub fn has(&self, code: ErrorCode) -> bool {
        self.errors.iter().any(|e| e.code == code)
    }
}

/// What the verifier should also check.
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifyOptions<'a> {
    /// When given, the signing key must be in it and not revoked.
    pub trusted_keys: Option<&'a TrustedKeys>,
}

// ---- Signing ----------------------------------------------------------------

/// Why a summary could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    AlreadySigned,
    /// The input is not a valid unsigned summary.
    Invalid(Vec<VerifyError>),
    /// The signature given to [`ToSign::attach`] is not one the key in the
    /// header makes over these bytes.
    SignatureDoesNotMatch,
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::AlreadySigned => f.write_str(
                "The summary is already signed: a signed summary is never signed again.",
            ),
            SignError::Invalid(errors) => {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "The file is not a summary that can be signed: {}",
                    list.join("; ")
                )
            }
            SignError::SignatureDoesNotMatch => f.write_str(
                "The signature made does not match the summary and key: nothing was written.",
            ),
        }
    }
}

impl std::error::Error for SignError {}

/// `ASCII(BASE64URL(header)) || '.' || BASE64URL(payload)`.
fn signing_input(header_b64: &str, payload: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(header_b64.len() + 1 + payload.len() * 4 / 3 + 4);
    input.extend_from_slice(header_b64.as_bytes());
    input.push(b'.');
    input.extend_from_slice(b64(payload).as_bytes());
    input
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
        let invalid = |e: String| SignError::Invalid(vec![err(ErrorCode::Schema, e)]);
        let document = serde_json::to_value(self).map_err(|e| invalid(e.to_string()))?;
        let payload = to_canonical_vec(&document).map_err(invalid)?;
        let header = ProtectedHeader {
            alg: ALG.into(),
            typ: JWS_TYPE.into(),
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

    /// Sign the summary with a key held here (the CLI, tests): the file's
    /// bytes, in RFC 8785 form with the `signature` member. The same summary
    /// and key always give the same bytes (Ed25519 is deterministic).
    pub fn sign(&self, key: &SigningKey) -> Result<Vec<u8>, SignError> {
        let to_sign = self.to_sign(&key.public_jwk())?;
        let signature = key.sign(&to_sign.signing_input()).to_bytes();
        to_sign.attach(&signature)
    }
}

/// Read an unsigned format 2 summary file (any JSON layout) and check it is
/// one that can be signed: the `sign` command's input. `signed_at`, when
/// given, is written into `signedAt` first (the time of signing is the
/// signer's to say).
pub fn read_unsigned(bytes: &[u8], signed_at: Option<&str>) -> Result<Summary, SignError> {
    let mut value = parse_strict(bytes).map_err(|e| SignError::Invalid(vec![parse_error(e)]))?;
    match format_errors(&value).map_err(|e| SignError::Invalid(vec![e]))? {
        FormatVersion::V2 => {}
        FormatVersion::V1 => {
            return Err(SignError::Invalid(vec![err(
                ErrorCode::WrongFormatVersion,
                format!("This summary is format version \"{FORMAT_VERSION_1}\": files of that format are read but no longer signed. Make it format version \"{FORMAT_VERSION}\"."),
            )]))
        }
    }
    if value.get("signature").is_some() {
        return Err(SignError::AlreadySigned);
    }
    if let (Some(at), Value::Object(members)) = (signed_at, &mut value) {
        members.insert("signedAt".into(), Value::String(at.to_string()));
    }
    content_checks(&value, FormatVersion::V2, None).map_err(SignError::Invalid)
}

// ---- Verifying --------------------------------------------------------------

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

/// Verify a summary file's bytes: UTF-8, JSON without repeated names, format
/// and version, canonical bytes, the signature (header, algorithm, `kid` ↔
/// `jwk`, document id, Ed25519), then the schema, and the trusted keys if given.
pub fn verify(bytes: &[u8], options: &VerifyOptions<'_>) -> Verification {
    verify_with(bytes, options, &Ed25519Strict)
}

pub(crate) fn verify_with(
    bytes: &[u8],
    options: &VerifyOptions<'_>,
    check: &dyn SignatureCheck,
) -> Verification {
    let mut out = Verification::default();
    if let Err(e) = run(bytes, options, check, &mut out) {
        out.errors.extend(e);
    }
    if !out.errors.is_empty() {
        out.summary = None;
    }
    out
}

type Stage = Result<(), Vec<VerifyError>>;

fn run(
    bytes: &[u8],
    options: &VerifyOptions<'_>,
    check: &dyn SignatureCheck,
    out: &mut Verification,
) -> Stage {
    if std::str::from_utf8(bytes).is_err() {
        return Err(vec![parse_error(ParseError::NotUtf8)]);
    }
    // Fast path: one pass proves the bytes are canonical JSON with no name
    // twice. Only when it says no do we parse fully, to say why.
    let Some(members) = scan_canonical(bytes) else {
        let value = parse_strict(bytes).map_err(|e| vec![parse_error(e)])?;
        out.document_id = value
            .get("documentId")
            .and_then(Value::as_str)
            .map(String::from);
        out.format_version = Some(format_errors(&value).map_err(|e| vec![e])?);
        if value.get("signature").is_none() {
            return Err(vec![no_signature()]);
        }
        return Err(vec![err(
            ErrorCode::NotCanonical,
            "The file's bytes are not in canonical form (RFC 8785): a summary is stored exactly as it was signed, so this file has been changed or re-saved by another program. Use the file exactly as it was downloaded.",
        )]);
    };
    let top = TopLevel {
        bytes,
        members: &members,
    };
    if bytes.first() != Some(&b'{') {
        return Err(vec![not_a_summary()]);
    }
    out.document_id = top.string("documentId");
    let version =
        format_errors(&top.small_object(&["format", "formatVersion"])).map_err(|e| vec![e])?;
    out.format_version = Some(version);
    signature_checks(&top, version, check, out)?;
    // The signature holds; now what it covers must be a well-formed summary.
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| vec![parse_error(ParseError::NotJson(e.to_string()))])?;
    let summary = content_checks(&value, version, out.signed_at.as_deref())?;
    if let Some(trusted) = options.trusted_keys {
        let kid = out.kid.clone().unwrap_or_default();
        match trusted.revoked(&kid) {
            None => return Err(vec![err(
                ErrorCode::UntrustedKey,
                format!("The summary was signed with a key that is not in the trusted keys (key id {kid}). If the worker's device is new, register its public key with the records team."),
            )]),
            Some(true) => return Err(vec![err(
                ErrorCode::RevokedKey,
                format!("The summary was signed with a key that has been revoked (key id {kid}): do not rely on it."),
            )]),
            Some(false) => {}
        }
    }
    out.summary = Some(summary);
    Ok(())
}

/// The members of the top-level object of canonical bytes.
struct TopLevel<'a> {
    bytes: &'a [u8],
    members: &'a [Member],
}

impl TopLevel<'_> {
    fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }

    fn raw(&self, name: &str) -> Option<&[u8]> {
        self.member(name).map(|m| &self.bytes[m.value.clone()])
    }

    fn string(&self, name: &str) -> Option<String> {
        serde_json::from_slice(self.raw(name)?).ok()
    }

    /// A small object of just these members (to check without parsing the rest).
    fn small_object(&self, names: &[&str]) -> Value {
        let mut object = serde_json::Map::new();
        for name in names {
            if let Some(v) = self
                .raw(name)
                .and_then(|raw| serde_json::from_slice(raw).ok())
            {
                object.insert(name.to_string(), v);
            }
        }
        Value::Object(object)
    }

    /// The canonical document without `signature`: the same bytes with that
    /// member cut out (canonical members stay canonical).
    fn payload(&self) -> Vec<u8> {
        let mut payload = Vec::with_capacity(self.bytes.len());
        payload.push(b'{');
        for (i, m) in self
            .members
            .iter()
            .filter(|m| m.name != "signature")
            .enumerate()
        {
            if i > 0 {
                payload.push(b',');
            }
            payload.extend_from_slice(&self.bytes[m.span.clone()]);
        }
        payload.push(b'}');
        payload
    }
}

fn no_signature() -> VerifyError {
    err(
        ErrorCode::NoSignature,
        "The summary has no signature, so nothing shows who made it or that it is unchanged.",
    )
}

fn not_a_summary() -> VerifyError {
    err(
        ErrorCode::NotASummary,
        format!("This is not a Review Together summary: it has no \"format\": \"{FORMAT}\"."),
    )
}

/// `format` and `formatVersion`, checked before anything that depends on them.
fn format_errors(value: &Value) -> Result<FormatVersion, VerifyError> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_a_summary());
    }
    match value.get("formatVersion") {
        Some(Value::String(v)) if v == FORMAT_VERSION => Ok(FormatVersion::V2),
        Some(Value::String(v)) if v == FORMAT_VERSION_1 => Ok(FormatVersion::V1),
        Some(Value::String(v)) => Err(err(
            ErrorCode::WrongFormatVersion,
            format!("This summary is format version {v:?}; this verifier reads versions \"{FORMAT_VERSION_1}\" and \"{FORMAT_VERSION}\". A newer version of review-summary may read it."),
        )),
        Some(other) => Err(err(
            ErrorCode::WrongFormatVersion,
            format!("The format version is {other}, but it must be a string such as \"{FORMAT_VERSION}\"."),
        )),
        None => Err(err(
            ErrorCode::WrongFormatVersion,
            "The summary does not say which version of the format it is (\"formatVersion\").",
        )),
    }
}

fn signature_checks(
    top: &TopLevel<'_>,
    version: FormatVersion,
    check: &dyn SignatureCheck,
    out: &mut Verification,
) -> Stage {
    let Some(raw) = top.raw("signature") else {
        return Err(vec![no_signature()]);
    };
    let bad_format = |why: &str| {
        vec![err(
            ErrorCode::BadSignatureFormat,
            format!("The signature is not a detached JWS (header..signature in base64url): {why}."),
        )]
    };
    let jws: String = serde_json::from_slice(raw).map_err(|_| bad_format("it is not a string"))?;
    let Some((header_b64, signature_b64)) = jws.split_once("..") else {
        return Err(bad_format(
            "it does not have the two dots of a detached payload",
        ));
    };
    if header_b64.is_empty()
        || !header_b64
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(bad_format("the header part is not base64url"));
    }
    if !is_base64url_of_len(signature_b64, 64) {
        return Err(bad_format(
            "the signature part is not 64 bytes in base64url",
        ));
    }
    let signature_bytes: [u8; 64] = b64_decode(signature_b64)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| bad_format("the signature part is not 64 bytes in base64url"))?;
    let signature = Signature::from_bytes(&signature_bytes);

    let bad_header = |why: String| {
        vec![err(
            ErrorCode::BadHeader,
            format!("The signature's protected header is not valid: {why}."),
        )]
    };
    let header_bytes =
        b64_decode(header_b64).ok_or_else(|| bad_header("it is not base64url".into()))?;
    let header_value =
        parse_strict(&header_bytes).map_err(|e| bad_header(format!("it is not JSON ({e})")))?;
    match header_value.get("alg").and_then(Value::as_str) {
        Some(ALG | ALG_LEGACY) => {}
        Some(other) => {
            return Err(vec![err(
                ErrorCode::UnsupportedAlg,
                format!("The signature uses the algorithm {other:?}; only \"Ed25519\" (or its older name \"EdDSA\") is accepted."),
            )])
        }
        None => return Err(bad_header("it does not name the algorithm (\"alg\")".into())),
    }
    // Format 2 names the signing time and document in the signed document;
    // format 1 named them in the header, and the two had to agree.
    let (header, header_document_id) = match version {
        FormatVersion::V2 => {
            let header: ProtectedHeader = serde_json::from_value(header_value).map_err(|e| {
                bad_header(format!("{e} (format 2 uses alg, typ, kid and jwk only)"))
            })?;
            out.signed_at = top.string("signedAt");
            (header, None)
        }
        FormatVersion::V1 => {
            let h: ProtectedHeaderV1 =
                serde_json::from_value(header_value).map_err(|e| bad_header(e.to_string()))?;
            if !is_rfc3339_seconds(&h.signed_at) {
                return Err(bad_header(format!(
                    "the signing time {:?} is not an RFC 3339 time to the second",
                    h.signed_at
                )));
            }
            out.signed_at = Some(h.signed_at.clone());
            let header = ProtectedHeader {
                alg: h.alg,
                typ: h.typ,
                kid: h.kid,
                jwk: h.jwk,
            };
            (header, Some(h.document_id))
        }
    };
    if header.typ != JWS_TYPE {
        return Err(bad_header(format!(
            "its type is {:?}, not {JWS_TYPE:?}",
            header.typ
        )));
    }
    let key = header
        .jwk
        .verifying_key()
        .map_err(|e| bad_header(e.to_string()))?;
    out.kid = Some(header.kid.clone());

    let mut errors = Vec::new();
    let thumbprint = header.jwk.thumbprint();
    if header.kid != thumbprint {
        errors.push(err(
            ErrorCode::KidMismatch,
            format!("The key id in the signature ({}) is not the thumbprint of the key it carries ({thumbprint}).", header.kid),
        ));
    }
    if let (Some(id), Some(signed_for)) = (&out.document_id, &header_document_id) {
        if id != signed_for {
            errors.push(err(
                ErrorCode::DocumentIdMismatch,
                format!(
                    "The signature was made for document {signed_for:?}, but this is document {id:?}."
                ),
            ));
        }
    }
    if !check.verify(&key, header_b64, &top.payload(), &signature) {
        errors.push(err(
            ErrorCode::BadSignature,
            "The signature does not match the contents: the summary was changed after it was signed, or the signature belongs to another summary.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The schema of the file's format (with the `schema-validation` feature,
/// the shipped JSON Schema itself), the Rust types (closed objects, checked
/// strings), and the portable-value rules. A format 1 summary is read as
/// format 2 says it, with `signed_at` from its header.
fn content_checks(
    value: &Value,
    version: FormatVersion,
    signed_at: Option<&str>,
) -> Result<Summary, Vec<VerifyError>> {
    let mut errors: Vec<VerifyError> = super::schema::validate(value, version)
        .into_iter()
        .map(|e| err(ErrorCode::Schema, e))
        .collect();
    let typed = match version {
        FormatVersion::V2 => Summary::deserialize(value),
        FormatVersion::V1 => v1::Summary::deserialize(value).and_then(|s| {
            let at = DateTimeText::try_from(signed_at.unwrap_or_default())
                .map_err(serde::de::Error::custom)?;
            Ok(s.upgrade(at))
        }),
    };
    if let (Err(e), true) = (&typed, errors.is_empty()) {
        errors.push(err(
            ErrorCode::Schema,
            format!(
                "The summary does not match the schema ({}): {e}.",
                super::schema::file_name(version)
            ),
        ));
    }
    errors.extend(
        super::portable_issues(value)
            .into_iter()
            .map(|issue| err(ErrorCode::NotPortable, issue)),
    );
    match typed {
        Ok(summary) if errors.is_empty() => Ok(summary),
        _ => Err(errors),
    }
}
