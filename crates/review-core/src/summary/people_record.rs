//! The summary's record of the people in the review (P18): who they are,
//! what they needed to take a full part, and whether each need was met.
//! Part of the document (`document.rs`).

use crate::i18n::Lang;
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
    /// The team's references for the carer or the person cared for, as
    /// given (since December 2026, issue 27), each with the id and label
    /// of the rule of the team's configuration it was asked under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<ReferenceRecord>,
    /// Their NHS number, ten digits without spaces, its check digit
    /// checked (since December 2026, issue 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{10}$"))]
    pub nhs_number: Option<String>,
    /// Their date of birth, YYYY-MM-DD (since December 2026, issue 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date_of_birth: Option<String>,
    /// The worker's staff ID in their organisation (since December 2026,
    /// issue 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_id: Option<String>,
    pub attendance: Attendance,
    pub support: SupportRecord,
    /// Each need checked before the review proper started (P18).
    pub readiness: Vec<ReadinessRecord>,
}

/// One of the team's references for a person (issue 27).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferenceRecord {
    /// The rule's id in the team's configuration ("case-ref").
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// What the team calls it ("Case reference").
    pub label: String,
    /// The reference, as typed, in the rule's shape.
    pub value: String,
}

/// What someone needs to take a full part in the review (P18).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupportRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    /// The language the app showed them its screens in while they held
    /// the tablet, and made their copy in (since December 2026, issue 30);
    /// left out where none was chosen (the tablet's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_language: Option<ScreenLanguage>,
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

/// A language the app speaks to people, by its BCP 47 tag (issue 30).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenLanguage {
    #[serde(rename = "en-GB")]
    EnGb,
    #[serde(rename = "cy")]
    Cy,
    #[serde(rename = "ur")]
    Ur,
}

impl ScreenLanguage {
    pub const ALL: [ScreenLanguage; 3] =
        [ScreenLanguage::EnGb, ScreenLanguage::Cy, ScreenLanguage::Ur];

    /// Its name in the language in use ("Welsh").
    pub fn label(self) -> String {
        Lang::from(self).name()
    }

    /// The record of a language offered to people (none for the
    /// pseudo-locale of the tests, which is never offered).
    pub fn of(lang: Lang) -> Option<ScreenLanguage> {
        match lang {
            Lang::EnGb => Some(ScreenLanguage::EnGb),
            Lang::Cy => Some(ScreenLanguage::Cy),
            Lang::Ur => Some(ScreenLanguage::Ur),
            Lang::Pseudo => None,
        }
    }
}

impl From<ScreenLanguage> for Lang {
    fn from(l: ScreenLanguage) -> Lang {
        match l {
            ScreenLanguage::EnGb => Lang::EnGb,
            ScreenLanguage::Cy => Lang::Cy,
            ScreenLanguage::Ur => Lang::Ur,
        }
    }
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

/// A person's references as the summary records them: in the order of the
/// review's rules, each under the rule's id and label (one given under a
/// rule no longer in the review is not a reference of it, and is left out).
pub(super) fn references_of(
    review: &crate::review::Review,
    p: &crate::setup::people::Participant,
) -> Vec<ReferenceRecord> {
    review
        .reference_rules
        .iter()
        .filter_map(|rule| {
            p.reference_given(&rule.id).map(|value| ReferenceRecord {
                id: rule.id.clone(),
                label: rule.label.clone(),
                value: value.to_string(),
            })
        })
        .collect()
}
