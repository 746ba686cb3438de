//! The summary's members that tie the records copy and the recipients'
//! copies together (P23): a recipient's copy says whose it is, which
//! records copy it was made from, and how many items it keeps back; the
//! records copy names each recipient's copy by its id and the SHA-256 of
//! its file. Part of the document (`document.rs`); the copies are made in
//! `copies.rs`.

use super::confidentiality_record::CopyRecord;
use super::strings::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a recipient's copy is. Present only in a recipient's copy: a file
/// without it is the records copy, which holds every item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopyFor {
    /// Whose copy it is: one of the records copy's `confidentiality.copies`.
    pub recipient: CopyRecord,
    /// The `documentId` of the records copy it was made from (by id only:
    /// the records copy names this one by its hash).
    pub records_copy: DocumentId,
    /// How many items said or written at the review this copy leaves out
    /// (never what they are).
    pub kept_back: u32,
}

/// One recipient's copy, as the records copy names it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopyLink {
    /// The recipient's id in `confidentiality.copies`.
    pub recipient: String,
    /// The copy's `documentId`.
    pub document_id: DocumentId,
    /// SHA-256 of the copy's file, exactly as signed (base64url).
    pub sha256: Sha256Base64Url,
}
