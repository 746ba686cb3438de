//! A signed summary as a FHIR R4 (4.0.1) Bundle, for care record systems
//! that take in FHIR rather than our own JSON (issue 29). Made only from a
//! records copy that has been verified: the Bundle carries the signed file
//! itself (a `DocumentReference`), and its `Provenance` says which device
//! signed it and who signed off, so a system can always go back to the file
//! and check it.
//!
//! The mapping, resource by resource (`docs/records-mapping.md` has it field
//! by field):
//! - the carer and the individual are `Patient`s, with their identifiers; a
//!   `RelatedPerson` is the carer as the individual's carer (the
//!   relationship in words), linked from the carer's `Patient`;
//! - the worker and other professionals are `Practitioner`s; an advocate,
//!   interpreter or key person is a `RelatedPerson` of the individual; the
//!   organisation is an `Organization` (with its ODS code);
//! - the review's criteria and scales are a `Questionnaire`, and each
//!   person's own ratings a `QuestionnaireResponse`;
//! - cover and actions are the activities of a `CarePlan` for the individual;
//! - each escalation is a `Task`; the sharing agreement is a `Consent`;
//! - the tablet is a `Device`, the agent of the `Provenance` whose target
//!   is the `DocumentReference`.
//!
//! Every resource's id is made from the document id and what it is, so the
//! same summary always makes the same Bundle. The summary's own ids of the
//! things in it (criteria, participants, actions, matters) are kept as
//! identifiers, so [`read::read_back`] can find them again.

mod build;
mod codes;
mod people;
mod plan;
pub mod read;
mod values;

pub use build::bundle;

use crate::summary::{verify, VerifyOptions};

/// The Bundle of a records copy this device signed, for the app's download:
/// the file must still be intact and be the records copy (whose key the
/// records team trusts is theirs to check, as `review-summary fhir` does).
/// Why not, in words, when it cannot be made.
pub fn bundle_of_records_copy(file: &[u8]) -> Result<serde_json::Value, String> {
    let v = verify(file, &VerifyOptions::default());
    if !v.is_intact() {
        return Err(
            "the signed summary kept on this device no longer checks, so no FHIR record is made of it"
                .into(),
        );
    }
    match &v.summary {
        Some(s) if s.copy_for.is_none() => Ok(bundle(s, file, v.kid.as_deref().unwrap_or_default())),
        Some(_) => Err("a recipient’s copy holds only part of the review: the FHIR record is made from the records copy".into()),
        None => Err("this file is not a summary".into()),
    }
}
