//! The summary's record of the people in the review (P18): who they are,
//! what they needed to take a full part, and whether each need was met.
//! Part of the document (`document.rs`).

use crate::setup::people::{AdvocateKind, Attendance, CommunicationMethod, InterpreterMode, Role};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One person, by their participant id and name.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonSummary {
    pub participant_id: String,
    pub name: String,
    /// Their relationship to the individual, where it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
}

// Variants without data are written `Name {}`, not `Name`: serde ignores
// `deny_unknown_fields` on unit variants of internally tagged enums, and the
// schema says these objects are closed.

/// Someone the record names: a participant, someone named in words, or a
/// participant who was removed from the review (kept by name).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PersonRef {
    Participant { id: String },
    Named { name: String },
    Removed { name: String },
}

/// A participant and what they needed to take a full part (P18).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParticipantRecord {
    pub id: String,
    pub role: Role,
    /// Their name; an empty string for an interpreter whose name was not
    /// known (since December 2026 an interpreter's name may be left out).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
    /// Their job title, for the worker (from the device's settings) and
    /// another professional; absent when none was given (and in every
    /// summary from before December 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Their age in years, for the carer and the person cared for, when
    /// it was given (since December 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// What matters about them, in their words (a condition such as
    /// autism or dementia, what helps, what to avoid), when it was given
    /// (since December 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_matters: Option<String>,
    pub attendance: Attendance,
    pub support: SupportRecord,
    /// Each need checked before the review proper started (P18).
    pub readiness: Vec<ReadinessRecord>,
}

/// What someone needs to take a full part in the review (P18).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupportRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<InterpreterRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advocate: Option<AdvocateKind>,
    pub communication: Vec<CommunicationMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communication_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustments: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InterpreterRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<InterpreterMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// The kind of a need checked before the review proper.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum NeedKind {
    Interpreter,
    Advocate,
    Communication,
    Adjustments,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum NeedResult {
    Met,
    NotMet,
}

/// One need and whether it was met; a need not met records what was done
/// and why the meeting went on.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReadinessRecord {
    pub need: NeedKind,
    /// The way of communicating, for a communication need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<CommunicationMethod>,
    /// Absent if the need was never checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<NeedResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_to_continue: Option<String>,
}
