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
//!    §5.1: `BASE64URL(protected header) '.' BASE64URL(payload)`), the bytes
//!    the device's Ed25519 key signs;
//! 3. [`Prepared::attach`] takes the 64-byte signature, checks it against the
//!    public key the header embeds (a wrong one is refused with
//!    [`SignError::SignatureDoesNotMatch`], and no file is made) and gives
//!    the [`SignedFile`] to store.
//!
//! [`finalise`] is the three steps with a key held in memory; it gives the
//! same bytes as signing [`Prepared::signing_input`] anywhere else with the
//! same key (Ed25519 is deterministic). Only a live sign-off signs: nothing
//! here is meant for a review that arrived already signed off (its summary
//! arrives with it, see `backup`).

use super::document::{DocumentId, PreviousDocument, Summary};
use super::errors::SignError;
use super::from_review::SummaryError;
use super::jws::ToSign;
use super::keys::{PublicJwk, SigningKey};
use crate::model::{Review, Timestamp};
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
                f.write_str("The summary was already signed")
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

/// The summary of a signed-off review, built and ready to sign: the bytes a
/// key signs ([`Prepared::signing_input`]), then [`Prepared::attach`].
/// Cloned freely (it holds no secret), so the app may keep it across the
/// wait for WebCrypto.
#[derive(Clone, Debug)]
pub struct Prepared {
    to_sign: ToSign,
    review_id: String,
    document_id: String,
    file_name: String,
}

/// Build the summary of a signed-off review, linked to the summary of the
/// version it amends, ready to be signed.
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
    Ok(Prepared {
        to_sign: summary.to_sign(with.jwk).map_err(FinaliseError::Sign)?,
        review_id: review.id.clone(),
        document_id: summary.document_id.to_string(),
        file_name: file_name(&finalised_at, with.document_id),
    })
}

impl Prepared {
    /// The exact bytes the device's key signs.
    pub fn signing_input(&self) -> Vec<u8> {
        self.to_sign.signing_input()
    }

    /// The signed file, once the signature over [`Prepared::signing_input`]
    /// is checked against the key it was prepared for.
    pub fn attach(self, signature: &[u8; 64]) -> Result<SignedFile, FinaliseError> {
        let bytes = self
            .to_sign
            .attach(signature)
            .map_err(FinaliseError::Sign)?;
        Ok(SignedFile {
            review_id: self.review_id,
            document_id: self.document_id,
            file_name: self.file_name,
            // RFC 8785 output is UTF-8 by construction.
            text: String::from_utf8(bytes).unwrap_or_default(),
        })
    }

    /// Sign with a key held in memory (tests and tools).
    pub fn sign_with(self, key: &SigningKey) -> Result<SignedFile, FinaliseError> {
        let signature = key.sign(&self.signing_input()).to_bytes();
        self.attach(&signature)
    }
}

/// Build and sign the summary of a signed-off review with a key held in
/// memory (`with.jwk` must be its public part).
pub fn finalise(
    review: &Review,
    with: Finalise<'_>,
    key: &SigningKey,
) -> Result<SignedFile, FinaliseError> {
    prepare(review, with)?.sign_with(key)
}
