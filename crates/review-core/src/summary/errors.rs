//! Every way a summary file can fail verification or signing, each with a
//! fixed code (part of the CLI's `--json` output) and plain-English words,
//! and what verifying one file found.

use super::addendum_record::Addendum;
use super::canonical::ParseError;
use super::document::Summary;
use super::strings::FormatVersion;
use super::team_keys::{Receipts, Standing, TeamKeys};
use crate::tr;
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
    RetiredKey,
    SignerNotChecked,
    /// A recipient's copy checked beside its records copy is not the copy
    /// the records copy names, or holds what its recipient may not see.
    CopyMismatch,
    /// An addendum checked beside the records copy it names is not that
    /// file's, or was signed by another key.
    AddendumMismatch,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 22] = [
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
        ErrorCode::RetiredKey,
        ErrorCode::SignerNotChecked,
        ErrorCode::CopyMismatch,
        ErrorCode::AddendumMismatch,
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
            ErrorCode::RetiredKey => "retired_key",
            ErrorCode::SignerNotChecked => "signer_not_checked",
            ErrorCode::CopyMismatch => "copy_mismatch",
            ErrorCode::AddendumMismatch => "addendum_mismatch",
        }
    }

    /// Whether the code is about who signed, not about the file: the
    /// signature and contents are intact, the signer is not one to rely on.
    pub fn is_about_signer(self) -> bool {
        matches!(
            self,
            ErrorCode::UntrustedKey
                | ErrorCode::RevokedKey
                | ErrorCode::RetiredKey
                | ErrorCode::SignerNotChecked
        )
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
            tr!("The file is not UTF-8 text, so it cannot be a summary."),
        ),
        ParseError::NotJson(detail) => err(
            ErrorCode::NotJson,
            tr!("The file is not valid JSON ({detail}).", detail = detail),
        ),
        ParseError::DuplicateKey { key, detail } => err(
            ErrorCode::DuplicateKey,
            tr!("The name {key} appears twice in the same object ({detail}); a summary never repeats a name, and readers could disagree on which value counts.", detail = detail, key = format!("{key:?}")),
        ),
    }
}

// ---- The result -------------------------------------------------------------

/// At most this many problems are listed for one file; the rest are counted.
pub const MAX_LISTED: usize = 100;

/// What checking a file comes to. Ordered from best to worst, so that with
/// many files the worst verdict (`max`) is the one that counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Intact, and signed by a key the team's list trusts for it.
    Valid,
    /// Intact, but the signer is unknown, retired, revoked, or was not
    /// checked against a list. Never a success.
    UntrustedSigner,
    /// The file could not be read (too big, not a file).
    Unreadable,
    /// Tampered with, malformed, or not a signed summary.
    Invalid,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::UntrustedSigner => "untrusted_signer",
            Verdict::Unreadable => "unreadable",
            Verdict::Invalid => "invalid",
        }
    }
}

/// Who signed, as the team's key list says: checked only once the file is
/// intact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Signer {
    /// No key list was given (or the file is not intact).
    #[default]
    NotChecked,
    /// What the list says of the key.
    Checked {
        standing: Standing,
        /// The device's name in the list (none when the key is not in it).
        name: Option<String>,
        /// When the list retired or revoked it, if it did.
        since: Option<String>,
    },
}

/// What verifying one file found.
#[derive(Clone, Debug, Default)]
pub struct Verification {
    /// The format it is in, once `format` and `formatVersion` were read.
    pub format_version: Option<FormatVersion>,
    /// The document's `documentId`, when it could be read.
    pub document_id: Option<String>,
    /// The signing key's id (RFC 7638 thumbprint), when the header could be read.
    pub kid: Option<String>,
    /// When it was signed, by the signing device's clock: the document's
    /// `signedAt` (format 2) or the header's (format 1).
    pub signed_at: Option<String>,
    /// The SHA-256 of the bytes checked, in base64url (what the receipt log
    /// records).
    pub sha256: String,
    /// What is wrong with the file, at most [`MAX_LISTED`]: empty when it is
    /// intact. Checks stop at the first stage that fails.
    pub errors: Vec<VerifyError>,
    /// Problems found beyond those listed.
    pub unlisted: usize,
    /// Who signed it, by the team's list.
    pub signer: Signer,
    /// The summary, when the file is intact (whoever signed it), in format
    /// 2's shape whatever the file's format (see [`v1::Summary::upgrade`]).
    pub summary: Option<Summary>,
    /// The addendum, when the file is an intact one (then `summary` is
    /// `None` and `format_version` too: an addendum has its own format).
    pub addendum: Option<Addendum>,
}

impl Verification {
    /// Intact and signed by a key the team's list trusts for it.
    pub fn is_valid(&self) -> bool {
        self.verdict() == Verdict::Valid
    }

    /// The bytes are a well-formed summary and the signature over them
    /// holds, whoever's key made it.
    pub fn is_intact(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn verdict(&self) -> Verdict {
        if self.has(ErrorCode::Unreadable) {
            Verdict::Unreadable
        } else if !self.errors.is_empty() {
            Verdict::Invalid
        } else {
            match &self.signer {
                Signer::Checked { standing, .. } if standing.counts() => Verdict::Valid,
                _ => Verdict::UntrustedSigner,
            }
        }
    }

    /// Whether any error has this code.
    pub fn has(&self, code: ErrorCode) -> bool {
        self.errors.iter().any(|e| e.code == code)
    }

    /// Every problem found, listed or not.
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.unlisted
    }

    /// Why an intact file is not to be relied on: the signer is unknown,
    /// retired, revoked or unchecked. `None` when the file is valid or
    /// not intact (its errors say why).
    pub fn signer_issue(&self) -> Option<VerifyError> {
        if !self.is_intact() {
            return None;
        }
        let kid = self.kid.as_deref().unwrap_or("?");
        let (standing, name, since) = match &self.signer {
            Signer::NotChecked => {
                return Some(err(
                    ErrorCode::SignerNotChecked,
                    tr!("The signature and contents are intact, but no key list was used, so nothing shows whose key signed it (key id {kid}): anyone can make a key and sign a file. Check it against your team's key list.", kid = kid),
                ))
            }
            Signer::Checked { standing, name, since } => (standing, name, since),
        };
        let name = name.as_deref().unwrap_or("a device");
        let since = since.as_deref().unwrap_or("?");
        let signed_at = self.signed_at.as_deref().unwrap_or("?");
        match standing {
            Standing::Trusted | Standing::RetiredSignedBefore | Standing::RevokedReceivedBefore => None,
            Standing::Unknown => Some(err(
                ErrorCode::UntrustedKey,
                tr!("The signature is intact, but the key that made it is not in your team's key list (key id {kid}). If a worker's device is new, register its key; otherwise do not rely on this file.", kid = kid),
            )),
            Standing::RetiredSignedAfter => Some(err(
                ErrorCode::RetiredKey,
                tr!("The summary was signed with the key of {name}, which your team retired at {since}, and it says it was signed at {signed_at}, after that. Ask the worker why before relying on it.", name = name, since = since, signed_at = signed_at),
            )),
            Standing::Revoked => Some(err(
                ErrorCode::RevokedKey,
                tr!("The summary was signed with the key of {name}, which your team revoked at {since} (lost or stolen), and nothing in the receipt log shows the file arrived before then. Do not rely on it.", name = name, since = since),
            )),
        }
    }

    /// A note on a valid file whose key is no longer in use: why it still
    /// counts.
    pub fn signer_note(&self) -> Option<String> {
        let Signer::Checked {
            standing,
            name,
            since,
        } = &self.signer
        else {
            return None;
        };
        let name = name.as_deref().unwrap_or("a device");
        let since = since.as_deref().unwrap_or("?");
        match standing {
            Standing::RetiredSignedBefore => Some(tr!("signed by {name} before its key was retired at {since}", name = name, since = since)),
            Standing::RevokedReceivedBefore => Some(tr!("{name}'s key was revoked at {since}, but the receipt log shows this file arrived before then", name = name, since = since)),
            _ => None,
        }
    }

    /// Every problem to report, the signer's included.
    pub fn issues(&self) -> Vec<VerifyError> {
        let mut all = self.errors.clone();
        all.extend(self.signer_issue());
        all
    }
}

/// What the verifier should also check.
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifyOptions<'a> {
    /// The team's key list: when given, the key that verifies is the one
    /// the list holds under the header's `kid` (never the header's own
    /// `jwk`, if they differ), and the list says whether the signer counts.
    pub trusted_keys: Option<&'a TeamKeys>,
    /// The team's receipt log, for summaries from revoked keys.
    pub receipts: Option<&'a Receipts>,
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
            SignError::AlreadySigned => f.write_str(&tr!(
                "The summary is already signed: a signed summary is never signed again."
            )),
            SignError::Invalid(errors) => {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "The file is not a summary that can be signed: {}",
                    list.join("; ")
                )
            }
            SignError::SignatureDoesNotMatch => f.write_str(&tr!(
                "The signature made does not match the summary and key: nothing was written."
            )),
        }
    }
}

impl std::error::Error for SignError {}

/// Why a review could not be turned into a summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryError {
    /// Only a signed-off review has a summary.
    NotSignedOff,
    BadDocumentId(String),
    BadLanguage(String),
    /// Something a signed-off review always has is missing.
    Incomplete(String),
}

impl fmt::Display for SummaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            SummaryError::NotSignedOff => {
                tr!("Only a review that everyone has signed off has a summary")
            }
            SummaryError::BadDocumentId(id) => {
                tr!(
                    "The document id {id} is not a UUID in lower case",
                    id = format!("{id:?}")
                )
            }
            SummaryError::BadLanguage(tag) => {
                tr!(
                    "The language {tag} is not a language tag such as en-GB",
                    tag = format!("{tag:?}")
                )
            }
            SummaryError::Incomplete(what) => tr!("The review has no {what}", what = what),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for SummaryError {}
