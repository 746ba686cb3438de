//! The signed files a backup carries beside a review, each as its exact
//! text with its kind: the summary, the recipients' copies, the worker's
//! reflection (an addendum), and files of
//! kinds this build does not know (kept as they came).

use crate::draft::{self, DraftError};
use crate::summary::{AddendumFile, CopyFile, SignedFile};
use serde::{Deserialize, Serialize};

/// The kind of a signed summary in a backup's signed files.
pub const SUMMARY: &str = "summary";
/// The kind of a recipient's copy in a backup's signed files.
pub const RECIPIENT_COPY: &str = "recipient-copy";
/// The kind of the worker's reflection, an addendum to the summary.
pub const ADDENDUM: &str = "addendum";

/// One signed file that belongs to a review, as its exact text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SignedCopy {
    /// What it is: [`SUMMARY`] now; later kinds are kept by older builds.
    pub kind: String,
    /// The file's text, byte for byte as it was signed.
    pub text: String,
}

impl SignedCopy {
    /// The review's signed summary, as the device keeps it.
    pub fn summary(file: &SignedFile) -> SignedCopy {
        SignedCopy {
            kind: SUMMARY.into(),
            text: file.text.clone(),
        }
    }

    /// The worker's reflection, signed as an addendum to the summary.
    pub fn addendum(file: &AddendumFile) -> SignedCopy {
        SignedCopy {
            kind: ADDENDUM.into(),
            text: file.text.clone(),
        }
    }

    /// A recipient's copy signed with the summary.
    pub fn recipient_copy(file: &CopyFile) -> SignedCopy {
        SignedCopy {
            kind: RECIPIENT_COPY.into(),
            text: file.text.clone(),
        }
    }
}

/// A review's signed files of kinds this build does not know, as the device
/// keeps them (at [`crate::draft::other_signed_files_key`], in an envelope of
/// kind `signed-files`): each its `{kind, text}` exactly as the backup held it
/// (see [`Restored::unknown`]).
pub fn encode_other_signed_files(files: &[SignedCopy]) -> String {
    draft::encode(draft::Kind::SignedFiles, &files)
}
pub fn decode_other_signed_files(raw: &str) -> Result<Vec<SignedCopy>, DraftError> {
    draft::decode(draft::Kind::SignedFiles, raw)
}
