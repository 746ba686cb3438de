//! Every way a summary file can fail verification or signing, each with a
//! fixed code (part of the CLI's `--json` output) and plain-English words,
//! and what verifying one file found.

use super::canonical::ParseError;
use super::document::Summary;
use super::keys::TrustedKeys;
use super::strings::FormatVersion;
use serde::Serialize;
use std::fmt;

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

pub(crate) fn err(code: ErrorCode, message: impl Into<String>) -> VerifyError {
    VerifyError::new(code, message)
}

pub(crate) fn parse_error(e: ParseError) -> VerifyError {
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
