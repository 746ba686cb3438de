//! The worker's reflection a backup carries beside a signed summary (kind
//! [`ADDENDUM`]): a signed addendum to the records copy, kept only when it
//! belongs to that summary, or the whole backup is refused.
//!
//! Someone holding the file could put in an addendum with changed words
//! (its signature no longer holds), one re-signed with another key, one
//! made for another summary, or two. It is kept only when it is intact,
//! signed by the key that signed the summary, and names that summary by id
//! and by the SHA-256 of its text
//! ([`crate::summary::addendum_against_records`]).

use super::error::BackupError;
use super::signed_files::SignedCopy;
use crate::summary::{
    addendum_against_records, addendum_file_name, verify, AddendumFile, SignedFile, VerifyOptions,
};
use crate::tr;

/// The addendum, checked against the summary it adds to.
pub(super) fn checked(
    summary: Option<&SignedFile>,
    mut addenda: Vec<SignedCopy>,
) -> Result<Option<AddendumFile>, BackupError> {
    let refused = |why: &str| BackupError::AddendumRefused(why.to_string());
    if addenda.len() > 1 {
        return Err(refused("there is more than one"));
    }
    let Some(file) = addenda.pop() else {
        return Ok(None);
    };
    let Some(summary) = summary else {
        return Err(refused(
            "the backup holds no signed summary for it to add to",
        ));
    };
    let check = verify(file.text.as_bytes(), &VerifyOptions::default());
    if !check.is_intact() {
        let first = check.errors.first().map(|e| e.message.clone());
        return Err(BackupError::AddendumRefused(tr!(
            "it is damaged or was changed after it was signed ({first})",
            first = first.unwrap_or_default()
        )));
    }
    let Some(document_id) = check.addendum.as_ref().map(|a| a.document_id.to_string()) else {
        return Err(refused("it is not an addendum"));
    };
    let records = verify(summary.text.as_bytes(), &VerifyOptions::default());
    if let Some(why) = addendum_against_records(&check, &records) {
        return Err(BackupError::AddendumRefused(
            why.message.trim_end_matches('.').to_string(),
        ));
    }
    Ok(Some(AddendumFile {
        review_id: summary.review_id.clone(),
        document_id,
        file_name: addendum_file_name(&summary.file_name),
        text: file.text,
    }))
}
