//! How it is going (P19): everyone's own rating of each criterion, how
//! their view reached the meeting, and what was said about it.

use crate::base::{Id, Person};
use crate::criteria::types::ScalePoint;
use crate::setup::people::CommunicationMethod;
use serde::{Deserialize, Serialize};

/// How someone's view reached the meeting, when not only in their own words
/// (P18, P19): through their advocate, an interpreter, or a way of
/// communicating. Advocates and interpreters are participants of the review.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum RatingChannel {
    Directly,
    Advocate { by: Person },
    Interpreter { by: Person },
    CommunicationMethod { method: CommunicationMethod },
}
impl RatingChannel {
    pub fn key(&self) -> &'static str {
        match self {
            RatingChannel::Directly => "directly",
            RatingChannel::Advocate { .. } => "advocate",
            RatingChannel::Interpreter { .. } => "interpreter",
            RatingChannel::CommunicationMethod { .. } => "communication-method",
        }
    }

    /// The participant it names, if any.
    pub fn person(&self) -> Option<&Person> {
        match self {
            RatingChannel::Advocate { by } | RatingChannel::Interpreter { by } => Some(by),
            _ => None,
        }
    }

    pub(crate) fn person_mut(&mut self) -> Option<&mut Person> {
        match self {
            RatingChannel::Advocate { by } | RatingChannel::Interpreter { by } => Some(by),
            _ => None,
        }
    }
}
/// One participant's own rating of one criterion (P19).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub participant: Id,
    pub point: ScalePoint,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<RatingChannel>,
}
/// Something said about a criterion, and who said it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceNote {
    pub id: Id,
    #[serde(default)]
    pub said_by: Option<Person>,
    #[serde(default)]
    pub text: String,
}
/// The review of one criterion: everyone's rating, what was said, or why it
/// was not discussed. Ratings and "not discussed" exclude each other.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct CriterionReview {
    pub ratings: Vec<Rating>,
    pub evidence: Vec<EvidenceNote>,
    /// The reason it was not discussed; `Some` marks it as not discussed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_discussed: Option<String>,
}
impl CriterionReview {
    pub fn is_empty(&self) -> bool {
        *self == CriterionReview::default()
    }
}
