//! The review meeting as plain data. No signals, no clock, no randomness:
//! times and ids come in from the caller.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
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

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema,
)]
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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
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

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema,
)]
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

    /// Whether they are in the room, so the tablet can be passed to them
    /// (someone joining by phone or video cannot hold it).
    pub fn in_the_room(&self) -> bool {
        self.attendance == Some(Attendance::InPerson)
    }

    /// Their name, or their role while they have none: how a removed
    /// participant is remembered where the record mentions them.
    pub fn short_name(&self) -> String {
        if self.name.trim().is_empty() {
            self.role.label().to_string()
        } else {
            self.name.trim().to_string()
        }
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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
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
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema,
)]
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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
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
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, JsonSchema)]
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

    // The review proper (P19–P23). Each field is left out of the stored JSON
    // while empty, so a review that has not got this far is stored exactly as
    // format 1 stored it, and format 1 drafts (without these fields) still load.
    /// What was said and rated about each criterion (P19), keyed by criterion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub criterion_reviews: BTreeMap<Id, CriterionReview>,
    /// Whether the carer uses any services or support (P20); `None` until asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services_in_use: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// Gaps in provision (P15, P20; revision criterion 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
    /// Whether the individual's support must change while the carer meets
    /// their own needs (P21); `None` until asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_needed: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cover_arrangements: Vec<CoverArrangement>,
    /// Whether anything needs someone else's help (P22); `None` until asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation_needed: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalations: Vec<Escalation>,
    /// What will be done, by whom and when (P23).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Outcome::is_empty")]
    pub outcome: Outcome,

    // Check and sign off (P23).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_offs: Vec<crate::signoff::SignOff>,
    /// When the last signature locked the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finalised_at: Option<Timestamp>,
    /// 1 for the first signed version, one more for each amendment.
    #[serde(default = "first_version", skip_serializing_if = "is_first_version")]
    pub version: u32,
    /// Set on an amendment: the version it replaces, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<crate::signoff::Amendment>,

    // Joint use of the one tablet.
    /// Who the tablet was last passed to (see [`Review::turn_holder`]);
    /// `None` until it is first passed, while the worker holds it. Left out
    /// of the stored JSON while `None`, so drafts from before it still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<Id>,
}

fn first_version() -> u32 {
    1
}

fn is_first_version(v: &u32) -> bool {
    *v == 1
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

    /// Who is using the tablet now: the person it was passed to while they
    /// are in the room, otherwise the worker, who holds it by default.
    pub fn turn_holder(&self) -> Option<&Participant> {
        self.turn
            .as_deref()
            .and_then(|id| self.participant(id))
            .filter(|p| p.in_the_room())
            .or_else(|| self.participants_with(Role::Worker).next())
    }

    /// Everyone the tablet can be passed to: the people in the room.
    pub fn tablet_takers(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| p.in_the_room())
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

    /// The day of the meeting, in the time zone it was held in: due dates and
    /// the next review are counted from it.
    pub fn date(&self) -> NaiveDate {
        self.created_at.date_naive()
    }

    /// Everyone who gives their own rating (P19), in the order they were added.
    pub fn raters(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| p.rates())
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// What was said and rated about a criterion so far.
    pub fn criterion_review(&self, criterion: &str) -> Option<&CriterionReview> {
        self.criterion_reviews.get(criterion)
    }

    /// The rating a participant gave a criterion, if any.
    pub fn rating(&self, criterion: &str, participant: &str) -> Option<&Rating> {
        self.criterion_review(criterion)?
            .ratings
            .iter()
            .find(|r| r.participant == participant)
    }

    /// Who said a point, in words: a person as [`Review::person_name`]
    /// shows them, "Everyone at the meeting", or "Not recorded".
    pub fn speaker_name(&self, speaker: &Speaker) -> String {
        match speaker {
            Speaker::NotRecorded => "Not recorded".into(),
            Speaker::Everyone => "Everyone at the meeting".into(),
            Speaker::Person(p) => self.person_name(p),
        }
    }

    /// Everyone a point can be said by, in the order a form offers them:
    /// each participant, everyone, not recorded; and `current` itself when
    /// it names someone who is not a participant (so it stays shown).
    pub fn speaker_choices(&self, current: &Speaker) -> Vec<Speaker> {
        let mut choices: Vec<Speaker> = self
            .participants
            .iter()
            .map(|p| Speaker::Person(Person::participant(p.id.clone())))
            .collect();
        if matches!(
            current,
            Speaker::Person(Person::Named { .. } | Person::Removed { .. })
        ) {
            choices.push(current.clone());
        }
        choices.extend([Speaker::Everyone, Speaker::NotRecorded]);
        choices
    }

    /// Who a new point is said by: the person the tablet was passed to (they
    /// are typing it), otherwise not recorded until someone is chosen.
    pub fn default_speaker(&self) -> Speaker {
        match self.turn_holder() {
            Some(p) if p.role != Role::Worker => Speaker::Person(Person::participant(p.id.clone())),
            _ => Speaker::NotRecorded,
        }
    }

    /// How a [`Person`] is shown: "Ayesha Hughes, carer", a typed name, or a
    /// removed participant's name with a note that they were removed.
    pub fn person_name(&self, person: &Person) -> String {
        match person {
            Person::Participant { id } => self
                .participant(id)
                .map(Participant::display_name)
                .unwrap_or_else(|| "Someone no longer in this review".into()),
            Person::Named { name } => name.trim().to_string(),
            Person::Removed { name } => {
                format!("{} (no longer part of this review)", name.trim())
            }
        }
    }
}

// ---- The review proper (P19–P23) --------------------------------------------

/// Declares a closed set of answers, each with a stable key and a label. The
/// key is also the serde name, so storage, element ids and the summary can
/// never disagree about how an answer is spelt.
macro_rules! choices {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $key:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $key)] $variant, )+
        }

        impl $name {
            /// Every choice, in the order the page offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable key for storage and element ids.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The words the page shows.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.key() == key)
            }
        }
    };
}

impl Role {
    /// Whether people in this role give their own rating (P19). The worker
    /// runs the review, and advocates and interpreters carry someone else's
    /// view rather than giving their own.
    pub fn rates(self) -> bool {
        matches!(
            self,
            Role::Carer | Role::Individual | Role::KeyPerson | Role::OtherProfessional
        )
    }
}

impl Participant {
    /// Whether this person gives their own rating: their role rates and they
    /// are taking part (in the room or remotely).
    pub fn rates(&self) -> bool {
        self.role.rates() && self.is_present()
    }
}

/// Someone the record names: a participant of this review, someone named in
/// words (a GP, a neighbour), or a participant who has since been removed.
/// Removing a participant turns their references into `Removed` with the name
/// they had, so what they said and what they took on is not lost.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Person {
    Participant { id: Id },
    Named { name: String },
    Removed { name: String },
}

impl Person {
    pub fn participant(id: impl Into<Id>) -> Person {
        Person::Participant { id: id.into() }
    }
    pub fn named(name: impl Into<String>) -> Person {
        Person::Named { name: name.into() }
    }
    /// The participant's id, while they are still in the review.
    pub fn participant_id(&self) -> Option<&str> {
        match self {
            Person::Participant { id } => Some(id),
            _ => None,
        }
    }
}

choices! {
    /// One point on a criterion's scale. Both scales share this type, and a
    /// rating is only accepted on its own criterion's scale. Stored as the
    /// key: never as a number, so ratings are never averaged.
    pub enum ScalePoint {
        GoingWell => "going-well", "Going well";
        Unsure => "unsure", "Unsure";
        NotGoingWell => "not-going-well", "Not going well";
        VeryGood => "very-good", "Very good";
        Good => "good", "Good";
        Okay => "okay", "Okay";
        Poor => "poor", "Poor";
        VeryPoor => "very-poor", "Very poor";
    }
}

impl ScalePoint {
    pub fn scale(self) -> Scale {
        match self {
            ScalePoint::GoingWell | ScalePoint::Unsure | ScalePoint::NotGoingWell => {
                Scale::ThreePoint
            }
            _ => Scale::FiveStep,
        }
    }

    /// Steps from the best point of its scale (0 is the best).
    pub fn step(self) -> u8 {
        let position = self
            .scale()
            .choices()
            .iter()
            .position(|p| *p == self)
            .unwrap_or(0);
        position as u8
    }
}

impl Scale {
    /// The points of the scale, best first.
    pub fn choices(self) -> &'static [ScalePoint] {
        match self {
            Scale::ThreePoint => &ScalePoint::ALL[..3],
            Scale::FiveStep => &ScalePoint::ALL[3..],
        }
    }
}

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

    fn person_mut(&mut self) -> Option<&mut Person> {
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

/// Who said something that the record keeps in their words.
///
/// Stored as `{"kind": "not-recorded"}`, `{"kind": "everyone"}`, or the
/// [`Person`] itself (`{"kind": "participant", "id": …}` and so on), so a
/// speaker and a person read the same in every file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Speaker {
    /// Nobody was noted as saying it: what was written before the app
    /// recorded speakers, or left unchosen. Never guessed.
    #[default]
    NotRecorded,
    /// Said or agreed by everyone at the meeting.
    Everyone,
    Person(Person),
}

/// The stored shape of a [`Speaker`]: one tagged object for all five cases.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
enum SpeakerRepr {
    NotRecorded,
    Everyone,
    Participant { id: Id },
    Named { name: String },
    Removed { name: String },
}

impl Serialize for Speaker {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let repr = match self.clone() {
            Speaker::NotRecorded => SpeakerRepr::NotRecorded,
            Speaker::Everyone => SpeakerRepr::Everyone,
            Speaker::Person(Person::Participant { id }) => SpeakerRepr::Participant { id },
            Speaker::Person(Person::Named { name }) => SpeakerRepr::Named { name },
            Speaker::Person(Person::Removed { name }) => SpeakerRepr::Removed { name },
        };
        repr.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Speaker {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match SpeakerRepr::deserialize(d)? {
            SpeakerRepr::NotRecorded => Speaker::NotRecorded,
            SpeakerRepr::Everyone => Speaker::Everyone,
            SpeakerRepr::Participant { id } => Speaker::Person(Person::Participant { id }),
            SpeakerRepr::Named { name } => Speaker::Person(Person::Named { name }),
            SpeakerRepr::Removed { name } => Speaker::Person(Person::Removed { name }),
        })
    }
}

impl Speaker {
    /// A stable key for a form's option: `not-recorded`, `everyone`,
    /// `participant:{id}`, `named:{name}` or `removed:{name}`.
    pub fn key(&self) -> String {
        match self {
            Speaker::NotRecorded => "not-recorded".into(),
            Speaker::Everyone => "everyone".into(),
            Speaker::Person(Person::Participant { id }) => format!("participant:{id}"),
            Speaker::Person(Person::Named { name }) => format!("named:{name}"),
            Speaker::Person(Person::Removed { name }) => format!("removed:{name}"),
        }
    }

    /// The speaker a key of [`Speaker::key`] stands for.
    pub fn from_key(key: &str) -> Option<Speaker> {
        Some(match key.split_once(':') {
            None if key == "not-recorded" => Speaker::NotRecorded,
            None if key == "everyone" => Speaker::Everyone,
            Some(("participant", id)) => Speaker::Person(Person::participant(id)),
            Some(("named", name)) => Speaker::Person(Person::named(name)),
            Some(("removed", name)) => Speaker::Person(Person::Removed { name: name.into() }),
            _ => return None,
        })
    }

    pub fn person(&self) -> Option<&Person> {
        match self {
            Speaker::Person(p) => Some(p),
            _ => None,
        }
    }

    fn person_mut(&mut self) -> Option<&mut Person> {
        match self {
            Speaker::Person(p) => Some(p),
            _ => None,
        }
    }
}

/// One point someone made, kept in their words with an id of its own, so
/// that later work (who may see it, who disagrees with it) can point at it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Remark {
    pub id: Id,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub said_by: Speaker,
}

impl Remark {
    pub fn new(id: Id) -> Self {
        Remark {
            id,
            text: String::new(),
            said_by: Speaker::NotRecorded,
        }
    }
}

/// The one point a text written before lists of points becomes: its words,
/// speaker not recorded, and an id made from its owner's (`{owner}-{list}`),
/// so the same old text always gets the same id. Blank text becomes nothing.
pub fn migrated_remark(owner: &str, list: ResourceList, text: &str) -> Option<Remark> {
    (!text.trim().is_empty()).then(|| Remark {
        id: format!("{owner}-{}", list.key()),
        text: text.to_string(),
        said_by: Speaker::NotRecorded,
    })
}

/// The points of a list that say something (blank ones are being typed).
pub fn written(remarks: &[Remark]) -> impl Iterator<Item = &Remark> {
    remarks.iter().filter(|r| !r.text.trim().is_empty())
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

choices! {
    /// Kinds of resources, services and facilities, after the standard's
    /// scope notes (SCDHSC0387) and the revision's digital tools.
    pub enum ResourceKind {
        Financial => "financial", "Money: benefits, grants or a direct payment";
        Physical => "physical", "Equipment or adaptations";
        ServiceAtHome => "service-at-home", "A service for the carer at home";
        ServiceElsewhere => "service-elsewhere", "A service for the carer somewhere else";
        Therapeutic => "therapeutic", "Therapy or counselling";
        SocialLeisureEmployment => "social-leisure-employment", "Time for social life, leisure or work";
        Transport => "transport", "Transport";
        SupportGroup => "support-group", "A support group";
        DigitalTool => "digital-tool", "A digital tool or device";
        Other => "other", "Something else";
    }
}

choices! {
    /// How well a resource met the carer's needs (revision criterion 7).
    pub enum NeedsMet {
        Fully => "fully", "It met their needs fully";
        Partly => "partly", "It met some of their needs";
        NotAtAll => "not-at-all", "It did not meet their needs";
        NotUsedYet => "not-used-yet", "They have not used it yet";
    }
}

choices! {
    /// What happens to a resource after the review (P20).
    pub enum ResourceDecision {
        Keep => "keep", "Keep it as it is";
        Change => "change", "Change it";
        Stop => "stop", "Stop it";
    }
}

impl ResourceDecision {
    /// Whether the decision needs the changes written down.
    pub fn needs_changes(self) -> bool {
        !matches!(self, ResourceDecision::Keep)
    }
}

/// A resource, service or facility the carer uses (P20).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    pub id: Id,
    #[serde(default)]
    pub kind: Option<ResourceKind>,
    #[serde(default)]
    pub name: String,
    /// Benefits to the carer's health and wellbeing, one point each.
    #[serde(default)]
    pub benefits: Vec<Remark>,
    #[serde(default)]
    pub difficulties: Vec<Remark>,
    #[serde(default)]
    pub needs_met: Option<NeedsMet>,
    #[serde(default)]
    pub decision: Option<ResourceDecision>,
    /// What must change (or happen when it stops).
    #[serde(default)]
    pub changes: Vec<Remark>,
}

impl Resource {
    pub fn new(id: Id) -> Self {
        Resource {
            id,
            kind: None,
            name: String::new(),
            benefits: Vec::new(),
            difficulties: Vec::new(),
            needs_met: None,
            decision: None,
            changes: Vec::new(),
        }
    }

    /// One of its lists of points.
    pub fn remarks(&self, list: ResourceList) -> &[Remark] {
        match list {
            ResourceList::Benefits => &self.benefits,
            ResourceList::Difficulties => &self.difficulties,
            ResourceList::Changes => &self.changes,
        }
    }

    pub(crate) fn remarks_mut(&mut self, list: ResourceList) -> &mut Vec<Remark> {
        match list {
            ResourceList::Benefits => &mut self.benefits,
            ResourceList::Difficulties => &mut self.difficulties,
            ResourceList::Changes => &mut self.changes,
        }
    }

    /// Every point in all its lists.
    pub fn all_remarks(&self) -> impl Iterator<Item = &Remark> {
        self.benefits
            .iter()
            .chain(&self.difficulties)
            .chain(&self.changes)
    }
}

choices! {
    /// The lists of points kept about a [`Resource`].
    pub enum ResourceList {
        Benefits => "benefits", "How it helps";
        Difficulties => "difficulties", "What has been difficult";
        Changes => "changes", "What needs to change";
    }
}

/// Something the carer needs that no service provides (P15, P20).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    pub id: Id,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub noticed_by: Option<Person>,
}

choices! {
    /// What the carer needs the time for (P12, P21).
    pub enum CarerNeed {
        Appointment => "appointment", "An appointment (health or other)";
        Break => "break", "A break";
        Work => "work", "Work";
        Learning => "learning", "Learning or training";
        SupportGroup => "support-group", "A support group";
        Other => "other", "Something else";
    }
}

choices! {
    /// The kind of support for the individual while the carer is away (P21).
    pub enum CoverKind {
        ReplacementCare => "replacement-care", "Replacement care at home";
        Respite => "respite", "A short stay away from home (respite)";
        SittingService => "sitting-service", "A sitting service";
        DayOpportunity => "day-opportunity", "A day centre or day activity";
        FamilyFriends => "family-friends", "Family or friends";
        Technology => "technology", "Technology, such as alarms or sensors";
    }
}

choices! {
    /// How cover is paid for.
    pub enum Funding {
        DirectPayment => "direct-payment", "Direct payment";
        Council => "council", "Arranged and paid for by the council";
        Health => "health", "Health funding";
        SelfFunded => "self-funded", "Paid for by the family";
        Informal => "informal", "Unpaid, by family or friends";
        ToBeDecided => "to-be-decided", "Not decided yet";
    }
}

/// A risk of the arrangement and how it is managed (P12, P21).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CoverRisk {
    pub id: Id,
    #[serde(default)]
    pub risk: String,
    #[serde(default)]
    pub management: String,
}

/// Whether and how the individual agreed to an arrangement made for them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum IndividualAgreement {
    Agreed,
    AgreedThroughAdvocate {
        by: Person,
    },
    #[serde(rename_all = "camelCase")]
    NotAgreed {
        /// What happens now: their wishes count, so "not agreed" needs a next step.
        what_happens_next: String,
    },
    /// Not asked yet (for example, they were not at the meeting).
    NotAskedYet,
}

choices! {
    /// The answers to "Did they agree?", before the details each one needs.
    pub enum AgreementAnswer {
        Agreed => "agreed", "Yes, they agreed";
        ThroughAdvocate => "agreed-through-advocate", "Yes, through their advocate";
        NotAgreed => "not-agreed", "No, they did not agree";
        NotAskedYet => "not-asked-yet", "Not asked yet";
    }
}

impl IndividualAgreement {
    pub fn key(&self) -> &'static str {
        self.answer().key()
    }

    /// The answer this agreement gives, without its details.
    pub fn answer(&self) -> AgreementAnswer {
        match self {
            IndividualAgreement::Agreed => AgreementAnswer::Agreed,
            IndividualAgreement::AgreedThroughAdvocate { .. } => AgreementAnswer::ThroughAdvocate,
            IndividualAgreement::NotAgreed { .. } => AgreementAnswer::NotAgreed,
            IndividualAgreement::NotAskedYet => AgreementAnswer::NotAskedYet,
        }
    }

    /// The agreement an answer makes: the details it had before when it is
    /// chosen again, else `next_step` (what was typed for "not agreed") and
    /// `advocate` (through whom). `None` when the answer needs an advocate
    /// and there is none.
    pub fn from_answer(
        answer: AgreementAnswer,
        before: Option<&IndividualAgreement>,
        next_step: &str,
        advocate: Option<Person>,
    ) -> Option<IndividualAgreement> {
        if let Some(before) = before.filter(|b| b.answer() == answer) {
            return Some(before.clone());
        }
        Some(match answer {
            AgreementAnswer::Agreed => IndividualAgreement::Agreed,
            AgreementAnswer::NotAskedYet => IndividualAgreement::NotAskedYet,
            AgreementAnswer::NotAgreed => IndividualAgreement::NotAgreed {
                what_happens_next: next_step.to_string(),
            },
            AgreementAnswer::ThroughAdvocate => {
                IndividualAgreement::AgreedThroughAdvocate { by: advocate? }
            }
        })
    }
}

/// Support for the individual that makes room for the carer's own needs (P21).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CoverArrangement {
    pub id: Id,
    #[serde(default)]
    pub makes_room_for: Option<CarerNeed>,
    /// The need in words, when it is [`CarerNeed::Other`].
    #[serde(default)]
    pub makes_room_for_detail: String,
    #[serde(default)]
    pub kind: Option<CoverKind>,
    /// When and how often, in words ("Tuesdays 10 to 4, every week").
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub funding: Option<Funding>,
    #[serde(default)]
    pub risks: Vec<CoverRisk>,
    #[serde(default)]
    pub agreement: Option<IndividualAgreement>,
}

impl CoverArrangement {
    pub fn new(id: Id) -> Self {
        CoverArrangement {
            id,
            makes_room_for: None,
            makes_room_for_detail: String::new(),
            kind: None,
            when: String::new(),
            provider: String::new(),
            funding: None,
            risks: Vec::new(),
            agreement: None,
        }
    }
}

choices! {
    /// Where a matter beyond the worker's scope goes (P22).
    pub enum EscalationRoute {
        Manager => "manager", "My manager";
        Safeguarding => "safeguarding", "Safeguarding";
        OccupationalTherapy => "occupational-therapy", "Occupational therapy (OT)";
        Health => "health", "GP or other health service";
        Housing => "housing", "Housing";
        Benefits => "benefits", "Benefits or money advice";
        Advocacy => "advocacy", "Advocacy";
        Other => "other", "Somewhere else";
    }
}

choices! {
    pub enum Urgency {
        Immediate => "immediate", "Now, before leaving";
        Within24Hours => "within-24-hours", "Within 24 hours";
        WithinAWeek => "within-a-week", "Within a week";
        Routine => "routine", "Routine";
    }
}

choices! {
    /// Where a matter has got to; a new one is still to do.
    #[derive(Default)]
    pub enum EscalationStatus {
        #[default]
        ToDo => "to-do", "To do";
        Referred => "referred", "Referred";
        Acknowledged => "acknowledged", "Acknowledged";
        Done => "done", "Done";
    }
}

/// Whether information about the matter may be shared.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "answer")]
pub enum ConsentToShare {
    Yes,
    No,
    /// Shared without consent because of a risk of harm; the reason is recorded.
    NotNeededBecauseOfRisk {
        reason: String,
    },
}

choices! {
    /// The answers to "Is there consent to share this?", before the reason.
    pub enum ConsentAnswer {
        Yes => "yes", "Yes";
        No => "no", "No";
        BecauseOfRisk => "not-needed-because-of-risk", "It will be shared without consent because of a risk of harm";
    }
}

impl ConsentToShare {
    pub fn key(&self) -> &'static str {
        self.answer().key()
    }

    /// The answer this consent gives, without its reason.
    pub fn answer(&self) -> ConsentAnswer {
        match self {
            ConsentToShare::Yes => ConsentAnswer::Yes,
            ConsentToShare::No => ConsentAnswer::No,
            ConsentToShare::NotNeededBecauseOfRisk { .. } => ConsentAnswer::BecauseOfRisk,
        }
    }

    /// The consent an answer makes: the reason it had before when it is
    /// chosen again, else `reason` (what was typed).
    pub fn from_answer(
        answer: ConsentAnswer,
        before: Option<&ConsentToShare>,
        reason: &str,
    ) -> ConsentToShare {
        if let Some(before) = before.filter(|b| b.answer() == answer) {
            return before.clone();
        }
        match answer {
            ConsentAnswer::Yes => ConsentToShare::Yes,
            ConsentAnswer::No => ConsentToShare::No,
            ConsentAnswer::BecauseOfRisk => ConsentToShare::NotNeededBecauseOfRisk {
                reason: reason.to_string(),
            },
        }
    }
}

/// A matter beyond the worker's scope or expertise, and who takes it on (P22).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    pub id: Id,
    #[serde(default)]
    pub matter: String,
    #[serde(default)]
    pub why_beyond_scope: String,
    #[serde(default)]
    pub route: Option<EscalationRoute>,
    /// Where it goes, when the route is [`EscalationRoute::Other`].
    #[serde(default)]
    pub route_detail: String,
    #[serde(default)]
    pub to_whom: String,
    #[serde(default)]
    pub urgency: Option<Urgency>,
    #[serde(default)]
    pub owner: Option<Person>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub consent: Option<ConsentToShare>,
    #[serde(default)]
    pub status: EscalationStatus,
}

impl Escalation {
    pub fn new(id: Id) -> Self {
        Escalation {
            id,
            matter: String::new(),
            why_beyond_scope: String::new(),
            route: None,
            route_detail: String::new(),
            to_whom: String::new(),
            urgency: None,
            owner: None,
            due: None,
            consent: None,
            status: EscalationStatus::ToDo,
        }
    }

    /// Safeguarding that cannot wait: the app sends nothing, so it tells the
    /// worker to phone the safeguarding team now.
    pub fn is_urgent_safeguarding(&self) -> bool {
        self.route == Some(EscalationRoute::Safeguarding)
            && self.urgency == Some(Urgency::Immediate)
    }
}

/// Something someone will do after the review (P23).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: Id,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub owner: Option<Person>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The criterion this action answers, if any.
    #[serde(default)]
    pub criterion: Option<Id>,
}

impl Action {
    pub fn new(id: Id) -> Self {
        Action {
            id,
            what: String::new(),
            owner: None,
            due: None,
            criterion: None,
        }
    }
}

choices! {
    /// What the review decided about the carer's support plan (P23).
    pub enum OutcomeDecision {
        NoChange => "no-change", "No change: the plan stays as it is";
        ChangeToPlan => "change-to-plan", "Change the plan";
        ChangeToPlanAndBudget => "change-to-plan-and-budget", "Change the plan and the budget: a reassessment is needed";
    }
}

impl OutcomeDecision {
    /// A changed plan is reviewed again sooner (6 to 8 weeks).
    pub fn changes_plan(self) -> bool {
        !matches!(self, OutcomeDecision::NoChange)
    }
    pub fn needs_reassessment(self) -> bool {
        matches!(self, OutcomeDecision::ChangeToPlanAndBudget)
    }
}

/// The outcome of the review and everyone's view of it (P23).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct Outcome {
    pub decision: Option<OutcomeDecision>,
    pub rationale: String,
    pub carer_view: String,
    pub individual_view: String,
    /// How the individual's view reached the meeting, when not directly.
    pub individual_view_through: Option<RatingChannel>,
    /// Other views, and any disagreements, in the words of those who hold them.
    pub other_views: String,
    /// A next review date chosen instead of the default; `None` uses
    /// [`crate::outcome::default_next_review`].
    pub next_review: Option<NaiveDate>,
}

impl Outcome {
    pub fn is_empty(&self) -> bool {
        *self == Outcome::default()
    }
}

impl Review {
    /// Every [`Person`] the review proper names, for fixing up references
    /// when a participant is removed.
    pub(crate) fn for_each_person(&mut self, mut f: impl FnMut(&mut Person)) {
        for cr in self.criterion_reviews.values_mut() {
            for r in &mut cr.ratings {
                if let Some(p) = r.through.as_mut().and_then(RatingChannel::person_mut) {
                    f(p);
                }
            }
            for e in &mut cr.evidence {
                if let Some(p) = e.said_by.as_mut() {
                    f(p);
                }
            }
        }
        for r in &mut self.resources {
            for remark in r
                .benefits
                .iter_mut()
                .chain(&mut r.difficulties)
                .chain(&mut r.changes)
            {
                if let Some(p) = remark.said_by.person_mut() {
                    f(p);
                }
            }
        }
        for g in &mut self.gaps {
            if let Some(p) = g.noticed_by.as_mut() {
                f(p);
            }
        }
        for a in &mut self.cover_arrangements {
            if let Some(IndividualAgreement::AgreedThroughAdvocate { by }) = a.agreement.as_mut() {
                f(by);
            }
        }
        for e in &mut self.escalations {
            if let Some(p) = e.owner.as_mut() {
                f(p);
            }
        }
        for a in &mut self.actions {
            if let Some(p) = a.owner.as_mut() {
                f(p);
            }
        }
        if let Some(p) = self
            .outcome
            .individual_view_through
            .as_mut()
            .and_then(RatingChannel::person_mut)
        {
            f(p);
        }
    }
}
