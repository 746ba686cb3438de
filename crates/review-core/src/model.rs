//! The review meeting as plain data. No signals, no clock, no randomness:
//! times and ids come in from the caller.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Opaque identifier (a UUID string in the app; any unique string in tests).
pub type Id = String;

/// A moment, stored with its offset so that exported times keep local meaning.
pub type Timestamp = DateTime<FixedOffset>;

/// Defaults asked once per device and copied into each new review.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceSettings {
    pub organisation: String,
    pub team: String,
    pub worker_name: String,
    pub worker_role: String,
}

impl DeviceSettings {
    /// True once the worker has told the device who they are.
    pub fn is_complete(&self) -> bool {
        !self.organisation.trim().is_empty() && !self.worker_name.trim().is_empty()
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Worker,
    Carer,
    Individual,
    Advocate,
    Interpreter,
    KeyPerson,
    OtherProfessional,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Worker,
        Role::Carer,
        Role::Individual,
        Role::Advocate,
        Role::Interpreter,
        Role::KeyPerson,
        Role::OtherProfessional,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Worker => "Social care worker",
            Role::Carer => "Carer",
            Role::Individual => "Person being cared for",
            Role::Advocate => "Advocate",
            Role::Interpreter => "Interpreter",
            Role::KeyPerson => "Key person (family or friend)",
            Role::OtherProfessional => "Other professional",
        }
    }

    /// Short lower-case word used in sentences such as "Now: Ayesha, carer".
    pub fn noun(self) -> &'static str {
        match self {
            Role::Worker => "worker",
            Role::Carer => "carer",
            Role::Individual => "the person cared for",
            Role::Advocate => "advocate",
            Role::Interpreter => "interpreter",
            Role::KeyPerson => "key person",
            Role::OtherProfessional => "other professional",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Worker => "worker",
            Role::Carer => "carer",
            Role::Individual => "individual",
            Role::Advocate => "advocate",
            Role::Interpreter => "interpreter",
            Role::KeyPerson => "key-person",
            Role::OtherProfessional => "other-professional",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether this role asks for a relationship to the individual.
    pub fn has_relationship(self) -> bool {
        matches!(self, Role::Carer | Role::KeyPerson | Role::Advocate)
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Attendance {
    InPerson,
    Remote,
    /// Not at the meeting, but their views were gathered beforehand.
    AbsentViewsGathered,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [
        Attendance::InPerson,
        Attendance::Remote,
        Attendance::AbsentViewsGathered,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Attendance::InPerson => "In the room",
            Attendance::Remote => "Joining remotely (phone or video)",
            Attendance::AbsentViewsGathered => "Not here, but their views were gathered",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Attendance::InPerson => "in-person",
            Attendance::Remote => "remote",
            Attendance::AbsentViewsGathered => "absent-views-gathered",
        }
    }
    pub fn is_present(self) -> bool {
        !matches!(self, Attendance::AbsentViewsGathered)
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum InterpreterMode {
    Spoken,
    Bsl,
}

impl InterpreterMode {
    pub const ALL: [InterpreterMode; 2] = [InterpreterMode::Spoken, InterpreterMode::Bsl];
    pub fn label(self) -> &'static str {
        match self {
            InterpreterMode::Spoken => "Spoken language interpreter",
            InterpreterMode::Bsl => "British Sign Language (BSL) interpreter",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            InterpreterMode::Spoken => "spoken",
            InterpreterMode::Bsl => "bsl",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct InterpreterNeed {
    pub mode: Option<InterpreterMode>,
    /// The language to interpret (for BSL this may stay empty).
    pub language: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum AdvocateKind {
    /// Independent advocate under the Care Act 2014.
    CareAct,
    /// Independent Mental Capacity Advocate.
    Imca,
    /// A friend, relative or volunteer speaking up informally.
    Informal,
}

impl AdvocateKind {
    pub const ALL: [AdvocateKind; 3] = [
        AdvocateKind::CareAct,
        AdvocateKind::Imca,
        AdvocateKind::Informal,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AdvocateKind::CareAct => "Independent advocate (Care Act)",
            AdvocateKind::Imca => "Independent Mental Capacity Advocate (IMCA)",
            AdvocateKind::Informal => "Informal advocate (friend, relative or volunteer)",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            AdvocateKind::CareAct => "care-act",
            AdvocateKind::Imca => "imca",
            AdvocateKind::Informal => "informal",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum CommunicationMethod {
    Spoken,
    Signs,
    Symbols,
    Pictures,
    Writing,
    ObjectsOfReference,
    CommunicationPassport,
    Aids,
}

impl CommunicationMethod {
    pub const ALL: [CommunicationMethod; 8] = [
        CommunicationMethod::Spoken,
        CommunicationMethod::Signs,
        CommunicationMethod::Symbols,
        CommunicationMethod::Pictures,
        CommunicationMethod::Writing,
        CommunicationMethod::ObjectsOfReference,
        CommunicationMethod::CommunicationPassport,
        CommunicationMethod::Aids,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CommunicationMethod::Spoken => "Speaking and listening",
            CommunicationMethod::Signs => "Signs (for example Makaton or BSL)",
            CommunicationMethod::Symbols => "Symbols",
            CommunicationMethod::Pictures => "Pictures or photos",
            CommunicationMethod::Writing => "Writing or reading",
            CommunicationMethod::ObjectsOfReference => "Objects of reference",
            CommunicationMethod::CommunicationPassport => "Communication passport",
            CommunicationMethod::Aids => "Communication aid or device",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            CommunicationMethod::Spoken => "spoken",
            CommunicationMethod::Signs => "signs",
            CommunicationMethod::Symbols => "symbols",
            CommunicationMethod::Pictures => "pictures",
            CommunicationMethod::Writing => "writing",
            CommunicationMethod::ObjectsOfReference => "objects-of-reference",
            CommunicationMethod::CommunicationPassport => "communication-passport",
            CommunicationMethod::Aids => "aids",
        }
    }
    /// Whether using this method is something to prepare for before the review.
    /// Plain speaking needs nothing set up.
    pub fn needs_preparation(self) -> bool {
        !matches!(self, CommunicationMethod::Spoken)
    }
}

/// What someone needs to take a full part in the review (P18).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct ParticipationSupport {
    pub preferred_language: String,
    pub interpreter: Option<InterpreterNeed>,
    pub advocate: Option<AdvocateKind>,
    pub communication: Vec<CommunicationMethod>,
    /// Which aid, symbols set, or passport details.
    pub communication_detail: String,
    /// Adjustments made: room, timing, breaks, large print, hearing loop...
    pub adjustments: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: Id,
    pub role: Role,
    pub name: String,
    /// Relationship to the individual (for carers, key people, informal advocates).
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub attendance: Option<Attendance>,
    #[serde(default)]
    pub support: ParticipationSupport,
}

impl Participant {
    pub fn new(id: Id, role: Role) -> Self {
        Participant {
            id,
            role,
            name: String::new(),
            relationship: String::new(),
            attendance: None,
            support: ParticipationSupport::default(),
        }
    }

    pub fn is_present(&self) -> bool {
        self.attendance.is_some_and(Attendance::is_present)
    }

    /// "Ayesha, carer" or "Carer (name not given)".
    pub fn display_name(&self) -> String {
        if self.name.trim().is_empty() {
            format!("{} (name not given yet)", self.role.label())
        } else {
            format!("{}, {}", self.name.trim(), self.role.noun())
        }
    }
}

/// A need that has to be in place before the review proper starts (P18).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "method")]
pub enum Need {
    Interpreter,
    Advocate,
    Communication(CommunicationMethod),
    Adjustments,
}

impl Need {
    /// Stable key for storage and element ids.
    pub fn key(self) -> String {
        match self {
            Need::Interpreter => "interpreter".into(),
            Need::Advocate => "advocate".into(),
            Need::Communication(m) => format!("communication-{}", m.key()),
            Need::Adjustments => "adjustments".into(),
        }
    }
}

/// Whether a need was met at the start of the meeting.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum NeedStatus {
    Met,
    #[serde(rename_all = "camelCase")]
    NotMet {
        /// What we did about it (for example: rebooked the interpreter).
        action: String,
        /// Why the meeting goes on anyway; empty means it should not.
        reason_to_continue: String,
    },
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewReason {
    SixToEightWeeks,
    Annual,
    Requested,
    ChangeInCircumstances,
}

impl ReviewReason {
    pub const ALL: [ReviewReason; 4] = [
        ReviewReason::SixToEightWeeks,
        ReviewReason::Annual,
        ReviewReason::Requested,
        ReviewReason::ChangeInCircumstances,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ReviewReason::SixToEightWeeks => "First review, 6 to 8 weeks after the plan started",
            ReviewReason::Annual => "Yearly review",
            ReviewReason::Requested => "Someone asked for a review",
            ReviewReason::ChangeInCircumstances => "Something has changed",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            ReviewReason::SixToEightWeeks => "six-to-eight-weeks",
            ReviewReason::Annual => "annual",
            ReviewReason::Requested => "requested",
            ReviewReason::ChangeInCircumstances => "change-in-circumstances",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Depth {
    LightTouch,
    Full,
}

impl Depth {
    pub const ALL: [Depth; 2] = [Depth::LightTouch, Depth::Full];
    pub fn label(self) -> &'static str {
        match self {
            Depth::LightTouch => "Light touch: a short check that things are working",
            Depth::Full => "Full review: go through everything in detail",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Depth::LightTouch => "light-touch",
            Depth::Full => "full",
        }
    }
}

/// The optional parts of the review proper that the carer can choose to use.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaItem {
    /// P19: how the partnership is working, against the agreed criteria.
    Partnership,
    /// P20: resources, services and facilities and the carer's wellbeing.
    Services,
    /// P21: changes to the individual's support while the carer meets their own needs.
    Cover,
    /// P22: what is beyond the worker's scope.
    Escalation,
}

impl AgendaItem {
    pub const ALL: [AgendaItem; 4] = [
        AgendaItem::Partnership,
        AgendaItem::Services,
        AgendaItem::Cover,
        AgendaItem::Escalation,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AgendaItem::Partnership => "How we are working together, against the agreed criteria",
            AgendaItem::Services => "Services and support, and how they help the carer's wellbeing",
            AgendaItem::Cover => {
                "Support for the person cared for while the carer has time for themselves"
            }
            AgendaItem::Escalation => "Things that need someone else's help",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            AgendaItem::Partnership => "P19",
            AgendaItem::Services => "P20",
            AgendaItem::Cover => "P21",
            AgendaItem::Escalation => "P22",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            AgendaItem::Partnership => "partnership",
            AgendaItem::Services => "services",
            AgendaItem::Cover => "cover",
            AgendaItem::Escalation => "escalation",
        }
    }
}

/// Something that must not be shared, and with whom.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct SharingRestriction {
    pub id: Id,
    pub what: String,
    pub not_with: String,
}

/// Who receives the summary and what stays private (P17, P23).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct ConfidentialityAgreement {
    /// Who receives the signed summary, in the carer's words.
    pub recipients: String,
    pub restrictions: Vec<SharingRestriction>,
}

/// How the review runs, agreed with the carer (P17).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct ReviewProcess {
    pub reason: Option<ReviewReason>,
    pub depth: Option<Depth>,
    /// The agenda items the review proper uses, in agenda order.
    pub agenda: Vec<AgendaItem>,
    /// Minutes set aside for an agenda item (optional).
    pub time_boxes: BTreeMap<AgendaItem, u32>,
    /// Whether the carer wants time with the worker without the individual.
    pub carer_private_time: Option<bool>,
    pub confidentiality: ConfidentialityAgreement,
    /// Participants who agreed how the review runs.
    pub agreed_by: Vec<Id>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionGroup {
    Partnership,
    Wellbeing,
    Individual,
}

impl CriterionGroup {
    pub const ALL: [CriterionGroup; 3] = [
        CriterionGroup::Partnership,
        CriterionGroup::Wellbeing,
        CriterionGroup::Individual,
    ];
    pub fn key(self) -> &'static str {
        match self {
            CriterionGroup::Partnership => "partnership",
            CriterionGroup::Wellbeing => "wellbeing",
            CriterionGroup::Individual => "individual",
        }
    }
}

/// The scale a criterion is rated on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Going well / unsure / not going well.
    #[default]
    ThreePoint,
    /// Five steps from "very poor" to "very good".
    FiveStep,
}

impl Scale {
    pub const ALL: [Scale; 2] = [Scale::ThreePoint, Scale::FiveStep];
    pub fn key(self) -> &'static str {
        match self {
            Scale::ThreePoint => "three-point",
            Scale::FiveStep => "five-step",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Scale::ThreePoint => "3 choices: going well, unsure, not going well",
            Scale::FiveStep => "5 steps: from very poor to very good",
        }
    }
    /// The points of the scale, best first.
    pub fn points(self) -> &'static [&'static str] {
        match self {
            Scale::ThreePoint => &["Going well", "Unsure", "Not going well"],
            Scale::FiveStep => &["Very good", "Good", "Okay", "Poor", "Very poor"],
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum CriterionSource {
    /// From our library in `seeds/criteria.json`, by its key.
    Library { key: String },
    /// Typed in at the meeting.
    Custom,
}

/// One thing the review will judge, agreed with the carer (P17) and rated later (P19).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    pub id: Id,
    pub source: CriterionSource,
    pub group: CriterionGroup,
    pub wording: String,
    #[serde(default)]
    pub easy_read: String,
    /// Criterion codes of the standard this serves, e.g. "P19".
    #[serde(default)]
    pub serves: Vec<String>,
    #[serde(default)]
    pub scale: Scale,
    /// Participants who agreed to use this criterion.
    #[serde(default)]
    pub agreed_by: Vec<Id>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    #[default]
    Draft,
    SignedOff,
}

/// One carer review meeting.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub id: Id,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default)]
    pub state: ReviewState,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Readiness of each need, keyed by [`need_key`].
    #[serde(default)]
    pub readiness: BTreeMap<String, NeedStatus>,
    #[serde(default)]
    pub process: ReviewProcess,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

/// Storage key of one participant's need in [`Review::readiness`].
pub fn need_key(participant: &str, need: Need) -> String {
    format!("{participant}/{}", need.key())
}

impl Review {
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn participants_with(&self, role: Role) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(move |p| p.role == role)
    }

    /// The first named carer, used to list the review on the home screen.
    pub fn carer(&self) -> Option<&Participant> {
        self.participants_with(Role::Carer).next()
    }

    pub fn individual(&self) -> Option<&Participant> {
        self.participants_with(Role::Individual).next()
    }

    /// The people whose participation the readiness check covers: everyone
    /// except the worker running the meeting.
    pub fn supported_participants(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| p.role != Role::Worker)
    }
}
