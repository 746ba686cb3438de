//! The addendum's document (`addendum.rs` makes, signs and checks it): the
//! worker's reflection after sign-off, naming the records copy it adds to.
//! Portable by the summary's rules: closed objects, strings, no `null`.

use super::document::*;
use crate::reflection::Feeling;
use crate::setup::people::Role;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The worker's reflection on a signed-off review, added to its records
/// copy: format version 1.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Review Together addendum, format version 1")]
pub struct Addendum {
    pub format: AddendumFormat,
    pub format_version: AddendumFormatVersionText,
    /// This addendum's own id.
    pub document_id: DocumentId,
    /// The records copy of the summary it adds to: its `documentId` and the
    /// SHA-256 of its file's bytes, exactly as signed.
    pub addendum_to: PreviousDocument,
    /// The review's id in the app that recorded it (the summary's `reviewId`).
    pub review_id: String,
    /// When the device signed this addendum: the device's own clock.
    pub signed_at: DateTimeText,
    /// The language the text is in.
    pub language: LanguageTag,
    pub app: AppInfo,
    /// The worker who reflected: the one who ran the review.
    pub worker: PersonSummary,
    /// For the records only: never in anyone's copy.
    pub reflection: ReflectionRecord,
    /// A detached compact JWS (RFC 7515 appendix F) whose protected header
    /// has `typ` `review-together-addendum+jws`. Absent until signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]{85}[AQgw]$"))]
    pub signature: Option<String>,
}

/// What the worker wrote, and how the review was for the people in it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReflectionRecord {
    /// What went well in the review.
    pub went_well: String,
    /// What the worker would do differently next time.
    pub do_differently: String,
    /// The carer's and the individual's answer to "How was this review for
    /// you?", in that order.
    pub how_it_was: Vec<HowItWasRecord>,
}

/// One person's answer to "How was this review for you?".
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HowItWasRecord {
    /// Their participant id, as in the summary.
    pub participant_id: String,
    pub name: String,
    /// `carer` or `individual`.
    pub role: Role,
    pub answer: Feeling,
}
