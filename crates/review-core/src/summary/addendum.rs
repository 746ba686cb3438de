//! A signed addendum to a records copy: the worker's reflection after
//! sign-off (`crate::reflection`, revision criterion 10). It is a document
//! of its own (`"format": "review-together/addendum"`), signed like a
//! summary (a detached JWS with Ed25519 over its RFC 8785 form) but under
//! its own header type, [`ADDENDUM_JWS_TYPE`], so neither kind's signature
//! can pass for the other's. It names the records copy it adds to by its
//! document id and the SHA-256 of its file, so the summary is never changed
//! and the addendum cannot be moved onto another summary.
//!
//! Only the device that signed the records copy signs an addendum to it,
//! and only once it has checked that copy: intact, signed by this device's
//! key, of this review, and not a recipient's copy ([`prepare_addendum`]).
//! Records teams check the pair with [`addendum_against_records`].
//!
//! Who could attack it, and what stops them (tested in `tests/addendum.rs`):
//! - someone holding the file changes the reflection, or the summary it
//!   names: the signature no longer holds;
//! - they re-sign it with a key of their own: the team's key list refuses
//!   the key, and beside its summary it is not signed by the same device;
//! - they point an intact addendum at another summary: the id and hash it
//!   names, which the signature covers, are not that summary's;
//! - someone with the tablet's storage replaces or edits the stored summary
//!   before the reflection is signed: the device refuses to sign an
//!   addendum to a summary that does not check, or that another key signed.

pub use super::addendum_record::*;
use super::document::*;
use super::errors::{err, ErrorCode, SignError, Verification, VerifyError};
use super::finalise::SignedFile;
use super::from_review::moment;
use super::jws::ToSign;
use super::keys::{PublicJwk, SigningKey};
use crate::model::Timestamp;
use crate::reflection::{Asked, Reflection};
use crate::setup::people::Role;
use crate::text::clean;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A signed addendum as the device keeps it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddendumFile {
    pub review_id: String,
    pub document_id: String,
    /// What to save it as: the summary's file name with `-reflection`.
    pub file_name: String,
    /// The file's text: RFC 8785 JSON with its `signature`.
    pub text: String,
}

/// What an addendum needs besides the reflection and the records copy.
pub struct Making<'a> {
    /// A fresh UUID for the addendum.
    pub document_id: &'a str,
    pub app_version: &'a str,
    pub language: &'a str,
    /// The public part of this device's key, which signs it.
    pub jwk: &'a PublicJwk,
    /// The device's clock at the moment of signing.
    pub signed_at: &'a Timestamp,
}

/// Why an addendum could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddendumError {
    /// The records copy kept on the device does not check.
    RecordsNotIntact(String),
    /// Another key signed the records copy kept on the device.
    NotThisDevice,
    /// The records copy kept is another review's, or a recipient's copy.
    NotTheRecords,
    /// Something is still to answer.
    Unanswered(Vec<String>),
    Sign(SignError),
}

impl fmt::Display for AddendumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddendumError::RecordsNotIntact(why) => f.write_str(&tr!("the signed summary kept on this device does not check ({why}), so nothing can be added to it", why = why)),
            AddendumError::NotThisDevice => f.write_str(&tr!("the signed summary kept on this device was not signed with this device’s key, so this device cannot add to it")),
            AddendumError::NotTheRecords => f.write_str(&tr!("the file kept as this review’s signed summary is not its records copy")),
            AddendumError::Unanswered(what) => {
                write!(f, "something is still to answer: {}", what.join("; "))
            }
            AddendumError::Sign(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for AddendumError {}

/// An addendum ready to be signed: the bytes the key signs, and the file.
#[derive(Clone, Debug)]
pub struct PreparedAddendum {
    to_sign: ToSign,
    review_id: String,
    document_id: String,
    file_name: String,
}

impl PreparedAddendum {
    /// The JWS signing input: what this device's key signs.
    pub fn signing_input(&self) -> Vec<u8> {
        self.to_sign.signing_input()
    }

    /// The signed file, once the signature is checked against the key.
    pub fn attach(self, signature: &[u8; 64]) -> Result<AddendumFile, AddendumError> {
        let bytes = self
            .to_sign
            .attach(signature)
            .map_err(AddendumError::Sign)?;
        Ok(AddendumFile {
            review_id: self.review_id,
            document_id: self.document_id,
            file_name: self.file_name,
            text: String::from_utf8(bytes).expect("canonical JSON is UTF-8"),
        })
    }

    /// Sign with a key held here (tests, a browser without WebCrypto Ed25519).
    pub fn sign_with(self, key: &SigningKey) -> Result<AddendumFile, AddendumError> {
        let signature = key.sign(&self.signing_input()).to_bytes();
        self.attach(&signature)
    }
}

/// Who is asked "How was this review for you?", from the signed summary:
/// the carer, then the individual.
pub fn asked(summary: &Summary) -> Vec<Asked> {
    [
        (&summary.carer, Role::Carer),
        (&summary.individual, Role::Individual),
    ]
    .into_iter()
    .map(|(p, role)| Asked {
        participant_id: p.participant_id.clone(),
        name: p.name.clone(),
        role,
    })
    .collect()
}

/// The file name of the addendum to the records copy saved as `summary`.
pub fn addendum_file_name(summary_file_name: &str) -> String {
    let stem = summary_file_name
        .strip_suffix(".json")
        .unwrap_or(summary_file_name);
    format!("{stem}-reflection.json")
}

/// Build the addendum of `reflection` to `records`, the signed records copy
/// this device keeps for the review `review_id`, to be signed by the key
/// `with.jwk`. The records copy is checked first: it must be intact, signed
/// by that key, be the records copy (not a recipient's) of that review.
pub fn prepare_addendum(
    review_id: &str,
    records: &SignedFile,
    reflection: &Reflection,
    with: Making<'_>,
) -> Result<PreparedAddendum, AddendumError> {
    let checked = super::verify::verify(records.text.as_bytes(), &Default::default());
    let Some(summary) = checked.summary.as_ref().filter(|_| checked.is_intact()) else {
        let why: Vec<String> = checked.errors.iter().map(|e| e.message.clone()).collect();
        return Err(AddendumError::RecordsNotIntact(why.join(" ")));
    };
    if checked.kid.as_deref() != Some(with.jwk.thumbprint().as_str()) {
        return Err(AddendumError::NotThisDevice);
    }
    if summary.review_id != review_id || summary.copy_for.is_some() {
        return Err(AddendumError::NotTheRecords);
    }
    let people = asked(summary);
    let unanswered = reflection.errors(&people);
    if !unanswered.is_empty() {
        return Err(AddendumError::Unanswered(
            unanswered.into_iter().map(|e| e.message).collect(),
        ));
    }
    let document_id = DocumentId::try_from(with.document_id)
        .map_err(|e| invalid(tr!("the addendum's id: {why}", why = e)))?;
    let language = LanguageTag::try_from(with.language)
        .map_err(|e| invalid(tr!("the language: {why}", why = e)))?;
    let text = |s: &str| clean(s).trim().to_string();
    let addendum = Addendum {
        format: AddendumFormat,
        format_version: AddendumFormatVersionText,
        document_id: document_id.clone(),
        addendum_to: PreviousDocument::of_file(
            summary.document_id.clone(),
            records.text.as_bytes(),
        ),
        review_id: summary.review_id.clone(),
        signed_at: moment(with.signed_at),
        language,
        app: AppInfo {
            name: APP_NAME.into(),
            version: text(with.app_version),
        },
        worker: summary.worker.clone(),
        reflection: ReflectionRecord {
            went_well: text(&reflection.went_well),
            do_differently: text(&reflection.do_differently),
            how_it_was: people
                .into_iter()
                .filter_map(|p| {
                    let answer = *reflection.how_it_was.get(&p.participant_id)?;
                    Some(HowItWasRecord {
                        participant_id: p.participant_id,
                        name: p.name,
                        role: p.role,
                        answer,
                    })
                })
                .collect(),
        },
        signature: None,
    };
    let document = serde_json::to_value(&addendum).map_err(|e| invalid(e.to_string()))?;
    Ok(PreparedAddendum {
        to_sign: ToSign::new(document, ADDENDUM_JWS_TYPE, with.jwk).map_err(AddendumError::Sign)?,
        review_id: review_id.to_string(),
        document_id: document_id.as_str().to_string(),
        file_name: addendum_file_name(&records.file_name),
    })
}

fn invalid(why: String) -> AddendumError {
    AddendumError::Sign(SignError::Invalid(vec![err(ErrorCode::Schema, why)]))
}

/// Whether an intact addendum belongs to an intact records copy, both as
/// verified: it names that copy by id and by the SHA-256 of its bytes, is
/// of the same review, and was signed with the same key. `None` when it
/// does; else why not (code [`ErrorCode::AddendumMismatch`]).
pub fn addendum_against_records(
    addendum: &Verification,
    records: &Verification,
) -> Option<VerifyError> {
    let a = addendum.addendum.as_ref()?;
    let mismatch = |why: String| Some(err(ErrorCode::AddendumMismatch, why));
    let Some(summary) = records.summary.as_ref() else {
        return mismatch(tr!(
            "The summary it adds to does not check, so the addendum cannot be matched to it."
        ));
    };
    if summary.copy_for.is_some() {
        return mismatch(tr!(
            "It is checked beside a recipient's copy: an addendum adds to the records copy only."
        ));
    }
    if summary.document_id != a.addendum_to.id {
        return mismatch(tr!(
            "It adds to summary {id}, not to summary {document_id}.",
            id = a.addendum_to.id.as_str(),
            document_id = summary.document_id.as_str()
        ));
    }
    if records.sha256 != a.addendum_to.sha256.as_str() {
        return mismatch(tr!("It names summary {document_id} by a SHA-256 its file does not have: it was made for another file with that id.", document_id = summary.document_id.as_str()));
    }
    if summary.review_id != a.review_id {
        return mismatch(tr!("It names another review than the summary's."));
    }
    if addendum.kid != records.kid {
        return mismatch(
            tr!("It was not signed with the key that signed the summary: only the device that signed the summary adds to it."),
        );
    }
    None
}
