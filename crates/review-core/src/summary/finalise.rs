//! The step the app takes when the worker signs off: build the summary, link
//! it to the summary it amends, sign it, and keep the file with its name.
//! The stored file is what every later download gives, byte for byte.
//!
//! Signing is split so that the key may live where the core cannot reach it
//! (WebCrypto, whose `sign` is asynchronous):
//! 1. [`prepare`] builds the document from the review with what the caller
//!    supplies ([`Finalise`]: the document id, the device's clock at the
//!    moment of signing, the public key) and gives a [`Prepared`];
//! 2. [`Prepared::signing_input`] is the exact JWS signing input (RFC 7515
//!    §5.1: `BASE64URL(protected header) '.' BASE64URL(payload)`) of the next
//!    file, the bytes the device's Ed25519 key signs: each recipient's copy
//!    in turn, then the records copy that names them by hash;
//! 3. [`Prepared::attach`] takes the 64-byte signature, checks it against the
//!    public key the header embeds (a wrong one is refused with
//!    [`SignError::SignatureDoesNotMatch`], and no file is made) and gives
//!    the next file to sign or, after the records copy, the [`Signed`]
//!    files to store.
//!
//! [`finalise_all`] is the three steps with a key held in memory; it gives the
//! same bytes as signing [`Prepared::signing_input`] anywhere else with the
//! same key (Ed25519 is deterministic). Only a live sign-off signs: nothing
//! here is meant for a review that arrived already signed off (its summary
//! arrives with it, see `backup`).

use super::copies::{copy_document_id, copy_for};
use super::document::{
    CopyLink, CopyRecord, DocumentId, PreviousDocument, Sha256Base64Url, Summary,
};
use super::errors::SignError;
use super::from_review::SummaryError;
use super::jws::ToSign;
use super::keys::{sha256_base64url, PublicJwk, SigningKey};
use crate::model::{Review, Timestamp};
use crate::tr;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A signed summary as the device keeps it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedFile {
    /// The review it summarises.
    pub review_id: String,
    pub document_id: String,
    /// What to save it as: the date and a short id, never a person's name.
    pub file_name: String,
    /// The file's text: RFC 8785 JSON with its `signature`.
    pub text: String,
}

impl SignedFile {
    /// The reference a later summary (an amendment's) makes to this one.
    pub fn as_previous(&self) -> Option<PreviousDocument> {
        let id = DocumentId::try_from(self.document_id.as_str()).ok()?;
        Some(PreviousDocument::of_file(id, self.text.as_bytes()))
    }
}

/// `review-summary-2026-11-24-1a2b3c4d.json`: the day the review was signed
/// off and the first eight characters of the document id.
pub fn file_name(finalised_at: &Timestamp, document_id: &str) -> String {
    let short: String = document_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    format!(
        "review-summary-{}-{short}.json",
        finalised_at.format("%Y-%m-%d")
    )
}

/// Why a summary could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FinaliseError {
    Summary(SummaryError),
    Sign(SignError),
}

impl fmt::Display for FinaliseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FinaliseError::Summary(e) => e.fmt(f),
            FinaliseError::Sign(SignError::AlreadySigned) => {
                f.write_str(&tr!("The summary was already signed"))
            }
            FinaliseError::Sign(e @ SignError::SignatureDoesNotMatch) => e.fmt(f),
            FinaliseError::Sign(SignError::Invalid(errors)) => {
                let reasons: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
                write!(
                    f,
                    "The summary did not pass its own checks: {}",
                    reasons.join("; ")
                )
            }
        }
    }
}

impl std::error::Error for FinaliseError {}

/// What the summary of a review needs besides the review.
pub struct Finalise<'a> {
    /// A fresh UUID for the document.
    pub document_id: &'a str,
    pub app_version: &'a str,
    pub language: &'a str,
    /// The public part of the key that will sign it.
    pub jwk: &'a PublicJwk,
    /// The device's clock at the moment of signing.
    pub signed_at: &'a Timestamp,
    /// The stored summary of the version this review amends, if the device has it.
    pub previous: Option<&'a SignedFile>,
}

/// One recipient's signed copy as the device keeps it (beside the records
/// copy, [`SignedFile`]): whose it is, and the file.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopyFile {
    /// The recipient, as the sharing agreement names it.
    pub recipient: CopyRecord,
    pub document_id: String,
    /// What to save it as: the records copy's name and the recipient's
    /// kind, never a name.
    pub file_name: String,
    /// The file's text: RFC 8785 JSON with its `signature`.
    pub text: String,
}

/// What one sign-off signs: the records copy, and each recipient's copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    pub summary: SignedFile,
    pub copies: Vec<CopyFile>,
}

/// The summary of a signed-off review and its recipients' copies, built
/// and being signed one file at a time: each recipient's copy in the
/// agreement's order, then the records copy, which names each copy by the
/// hash of its signed file. [`Prepared::signing_input`] is the next file's
/// bytes to sign; [`Prepared::attach`] takes its signature. Cloned freely
/// (it holds no secret), so the app may keep it across the wait for
/// WebCrypto.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The records copy, unsigned; its links grow as copies are signed.
    records: Summary,
    jwk: PublicJwk,
    review_id: String,
    file_name: String,
    /// What is signed next, and which file it is.
    to_sign: ToSign,
    next: Next,
    /// The copies signed so far.
    copies: Vec<CopyFile>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    /// The recipient's copy at this place in the agreement.
    Copy(usize),
    Records,
}

/// After a signature is attached: the next file to sign, or every file.
#[derive(Debug)]
pub enum Signing {
    More(Box<Prepared>),
    Done(Signed),
}

impl Signing {
    /// The files, once the last one is signed.
    pub fn done(self) -> Option<Signed> {
        match self {
            Signing::Done(signed) => Some(signed),
            Signing::More(_) => None,
        }
    }
}

/// Build the summary of a signed-off review, linked to the summary of the
/// version it amends, and its recipients' copies, ready to be signed.
pub fn prepare(review: &Review, with: Finalise<'_>) -> Result<Prepared, FinaliseError> {
    let mut summary = Summary::from_review(
        review,
        with.document_id,
        with.app_version,
        with.language,
        with.signed_at,
    )
    .map_err(FinaliseError::Summary)?;
    // Only the summary of the version this one amends is its "previous".
    let amended = review.amends.as_ref().map(|a| a.previous_id.as_str());
    summary.previous = with
        .previous
        .filter(|p| Some(p.review_id.as_str()) == amended)
        .and_then(SignedFile::as_previous);
    let finalised_at = review
        .finalised_at
        .ok_or(FinaliseError::Summary(SummaryError::NotSignedOff))?;
    let next = if summary.confidentiality.copies.is_empty() {
        Next::Records
    } else {
        Next::Copy(0)
    };
    Ok(Prepared {
        to_sign: to_sign(&summary, next, with.jwk)?,
        records: summary,
        jwk: with.jwk.clone(),
        review_id: review.id.clone(),
        file_name: file_name(&finalised_at, with.document_id),
        next,
        copies: Vec::new(),
    })
}

/// The document to sign at `next`.
fn to_sign(records: &Summary, next: Next, jwk: &PublicJwk) -> Result<ToSign, FinaliseError> {
    let document = match next {
        Next::Copy(i) => copy_for(records, &records.confidentiality.copies[i]),
        Next::Records => records.clone(),
    };
    document.to_sign(jwk).map_err(FinaliseError::Sign)
}

impl Prepared {
    /// The exact bytes the device's key signs next.
    pub fn signing_input(&self) -> Vec<u8> {
        self.to_sign.signing_input()
    }

    /// How many files are left to sign, this one included.
    pub fn left(&self) -> usize {
        match self.next {
            Next::Copy(i) => self.records.confidentiality.copies.len() - i + 1,
            Next::Records => 1,
        }
    }

    /// Attach the signature over [`Prepared::signing_input`], once it is
    /// checked against the key it was prepared for: the next file to sign,
    /// or, after the records copy, every file.
    pub fn attach(mut self, signature: &[u8; 64]) -> Result<Signing, FinaliseError> {
        let bytes = self
            .to_sign
            .attach(signature)
            .map_err(FinaliseError::Sign)?;
        // RFC 8785 output is UTF-8 by construction.
        let text = String::from_utf8(bytes).unwrap_or_default();
        match self.next {
            Next::Records => Ok(Signing::Done(Signed {
                summary: SignedFile {
                    review_id: self.review_id,
                    document_id: self.records.document_id.to_string(),
                    file_name: self.file_name,
                    text,
                },
                copies: self.copies,
            })),
            Next::Copy(i) => {
                let recipient = self.records.confidentiality.copies[i].clone();
                let id = copy_document_id(&self.records.document_id, &recipient.id);
                self.records.recipient_copies.push(CopyLink {
                    recipient: recipient.id.clone(),
                    document_id: id.clone(),
                    sha256: Sha256Base64Url(sha256_base64url(text.as_bytes())),
                });
                self.copies.push(CopyFile {
                    file_name: copy_file_name(&self.file_name, &recipient, &id),
                    recipient,
                    document_id: id.to_string(),
                    text,
                });
                self.next = if i + 1 < self.records.confidentiality.copies.len() {
                    Next::Copy(i + 1)
                } else {
                    Next::Records
                };
                self.to_sign = to_sign(&self.records, self.next, &self.jwk)?;
                Ok(Signing::More(Box::new(self)))
            }
        }
    }

    /// Sign every file with a key held in memory (tests and tools).
    pub fn sign_with(self, key: &SigningKey) -> Result<Signed, FinaliseError> {
        let mut step = self;
        loop {
            let signature = key.sign(&step.signing_input()).to_bytes();
            match step.attach(&signature)? {
                Signing::More(next) => step = *next,
                Signing::Done(signed) => return Ok(signed),
            }
        }
    }
}

/// `review-summary-2026-11-24-1a2b3c4d-carer.json`: the records copy's
/// name and whose copy it is by kind (a provider or someone else also by
/// the start of the copy's id, as a review may name several).
pub fn copy_file_name(records: &str, recipient: &CopyRecord, id: &DocumentId) -> String {
    let stem = records.trim_end_matches(".json");
    let kind = recipient.kind.key();
    if recipient.kind.is_named() {
        format!("{stem}-{kind}-{}.json", &id.as_str()[..4])
    } else {
        format!("{stem}-{kind}.json")
    }
}

/// Build and sign the summary of a signed-off review and its recipients'
/// copies with a key held in memory (`with.jwk` must be its public part).
pub fn finalise_all(
    review: &Review,
    with: Finalise<'_>,
    key: &SigningKey,
) -> Result<Signed, FinaliseError> {
    prepare(review, with)?.sign_with(key)
}

/// [`finalise_all`]'s records copy alone (tests and tools that need only it).
pub fn finalise(
    review: &Review,
    with: Finalise<'_>,
    key: &SigningKey,
) -> Result<SignedFile, FinaliseError> {
    finalise_all(review, with, key).map(|s| s.summary)
}

/// Sign an unsigned records copy and each recipient's copy its agreement
/// sends with a key held in memory (tests and tools), as a sign-off signs
/// them: each copy, then the records copy naming each by its hash. The
/// records copy's bytes, and the copies' in the agreement's order.
pub fn sign_with_copies(
    mut records: Summary,
    key: &SigningKey,
) -> Result<(Vec<u8>, Vec<Vec<u8>>), SignError> {
    let mut copies = Vec::new();
    for recipient in records.confidentiality.copies.clone() {
        let copy = copy_for(&records, &recipient);
        let bytes = copy.sign(key)?;
        records.recipient_copies.push(CopyLink {
            recipient: recipient.id,
            document_id: copy.document_id,
            sha256: Sha256Base64Url(sha256_base64url(&bytes)),
        });
        copies.push(bytes);
    }
    Ok((records.sign(key)?, copies))
}
