//! The recipients' copies a backup carries beside a signed summary (kind
//! [`RECIPIENT_COPY`]): each must be the copy the summary names, byte for
//! byte, or the whole backup is refused.
//!
//! Someone holding the file could put in a copy that says more than its
//! recipient may see (an item kept back put back in), a copy re-signed
//! with another key, another review's copy, or the same copy twice. A copy
//! is kept only when it is intact, signed by the key that signed the
//! summary, named by the summary by its id and the SHA-256 of its text,
//! and exactly what the summary's recipient may see
//! ([`crate::summary::check_copy`]). A copy the summary names but the
//! backup does not carry is not made again here (this device did not sign
//! the review): the review opens without it, and says so.

use super::error::BackupError;
use super::signed_files::SignedCopy;
use crate::summary::{
    check_copy, copy_file_name, sha256_base64url, verify, CopyFile, SignedFile, VerifyOptions,
};
use crate::tr;

/// The copies, checked against the summary they belong to, and how many
/// of the copies the summary names the backup does not carry.
pub(super) fn checked(
    summary: Option<&SignedFile>,
    copies: Vec<SignedCopy>,
) -> Result<(Vec<CopyFile>, usize), BackupError> {
    let Some(summary) = summary else {
        return match copies.len() {
            0 => Ok((Vec::new(), 0)),
            n => Err(BackupError::CopiesWithoutSummary(n)),
        };
    };
    let records = verify(summary.text.as_bytes(), &VerifyOptions::default());
    let (Some(records), Some(kid)) = (records.summary, records.kid) else {
        // The summary was checked before its copies.
        return Err(BackupError::CopiesWithoutSummary(copies.len()));
    };
    let mut kept: Vec<CopyFile> = Vec::new();
    for copy in copies {
        let refused = |reason: String| BackupError::CopyRefused(reason);
        let check = verify(copy.text.as_bytes(), &VerifyOptions::default());
        if !check.is_intact() {
            let first = check.errors.first().map(|e| e.message.clone());
            return Err(refused(tr!(
                "it is damaged or was changed after it was signed ({first})",
                first = first.unwrap_or_default()
            )));
        }
        let (Some(document), Some(copy_kid)) = (check.summary, check.kid) else {
            return Err(refused(tr!("it cannot be read")));
        };
        if copy_kid != kid {
            return Err(refused(tr!(
                "it was signed by another key than its summary"
            )));
        }
        let sha256 = sha256_base64url(copy.text.as_bytes());
        let named = records
            .recipient_copies
            .iter()
            .any(|l| l.document_id == document.document_id && l.sha256.as_str() == sha256);
        if !named {
            return Err(refused(
                "the signed summary does not name it (it is not the copy signed with the summary)"
                    .into(),
            ));
        }
        check_copy(&records, &document).map_err(|e| refused(e.to_string()))?;
        if kept
            .iter()
            .any(|k| k.document_id == document.document_id.as_str())
        {
            return Err(refused(tr!("it is there twice")));
        }
        let Some(of) = document.copy_for else {
            return Err(refused(tr!("it is not a recipient's copy")));
        };
        kept.push(CopyFile {
            file_name: copy_file_name(&summary.file_name, &of.recipient, &document.document_id),
            recipient: of.recipient,
            document_id: document.document_id.to_string(),
            text: copy.text,
        });
    }
    // In the summary's order, whatever the backup's.
    kept.sort_by_key(|k| {
        records
            .recipient_copies
            .iter()
            .position(|l| l.document_id.as_str() == k.document_id)
    });
    let missing = records
        .recipient_copies
        .iter()
        .filter(|l| !kept.iter().any(|k| k.document_id == l.document_id.as_str()))
        .count();
    Ok((kept, missing))
}
