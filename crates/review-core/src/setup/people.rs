//! Who is here and what helps them take part (P18): roles, attendance,
//! interpreters, advocates, ways of communicating, adjustments, and the
//! needs to check before the review proper.

use crate::base::Id;
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The oldest age the review records, in years.
pub const MAX_AGE: u8 = 120;

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

    pub fn label(self) -> String {
        match self {
            Role::Worker => tr!("Social care worker"),
            Role::Carer => tr!("Carer"),
            Role::Individual => tr!("Person being cared for"),
            Role::Advocate => tr!("Advocate"),
            Role::Interpreter => tr!("Interpreter"),
            Role::KeyPerson => tr!("Key person (family or friend)"),
            Role::OtherProfessional => tr!("Other professional"),
        }
    }

    /// Short lower-case word used in sentences such as "Now: Ayesha, carer".
    pub fn noun(self) -> String {
        match self {
            Role::Worker => tr!("worker"),
            Role::Carer => tr!("carer"),
            Role::Individual => tr!("the person cared for"),
            Role::Advocate => tr!("advocate"),
            Role::Interpreter => tr!("interpreter"),
            Role::KeyPerson => tr!("key person"),
            Role::OtherProfessional => tr!("other professional"),
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

    /// Whether a name may be left out: an interpreter's is often not known
    /// before the meeting (a service sends whoever is free), and they are
    /// then "the interpreter".
    pub fn name_is_optional(self) -> bool {
        self == Role::Interpreter
    }

    /// Whether the role has a job title to record (the worker, another
    /// professional).
    pub fn has_job_title(self) -> bool {
        matches!(self, Role::Worker | Role::OtherProfessional)
    }

    /// Whether the review asks the person's age and what matters about
    /// them: the carer (who may be a young carer) and the person cared for.
    pub fn has_age(self) -> bool {
        matches!(self, Role::Carer | Role::Individual)
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
    pub fn label(self) -> String {
        match self {
            Attendance::InPerson => tr!("In the room"),
            Attendance::Remote => tr!("Joining remotely (phone or video)"),
            Attendance::AbsentViewsGathered => tr!("Not here, but their views were gathered"),
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
    pub fn label(self) -> String {
        match self {
            InterpreterMode::Spoken => tr!("Spoken language interpreter"),
            InterpreterMode::Bsl => tr!("British Sign Language (BSL) interpreter"),
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
    pub fn label(self) -> String {
        match self {
            AdvocateKind::CareAct => tr!("Independent advocate (Care Act)"),
            AdvocateKind::Imca => tr!("Independent Mental Capacity Advocate (IMCA)"),
            AdvocateKind::Informal => tr!("Informal advocate (friend, relative or volunteer)"),
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
    pub fn label(self) -> String {
        match self {
            CommunicationMethod::Spoken => tr!("Speaking and listening"),
            CommunicationMethod::Signs => tr!("Signs (for example Makaton or BSL)"),
            CommunicationMethod::Symbols => tr!("Symbols"),
            CommunicationMethod::Pictures => tr!("Pictures or photos"),
            CommunicationMethod::Writing => tr!("Writing or reading"),
            CommunicationMethod::ObjectsOfReference => tr!("Objects of reference"),
            CommunicationMethod::CommunicationPassport => tr!("Communication passport"),
            CommunicationMethod::Aids => tr!("Communication aid or device"),
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
    /// The language of their screens while they hold the tablet, and of
    /// their copy (issue 30): one the app speaks, or `None` for the
    /// tablet's own. Left out of the stored JSON while `None` (review
    /// version 9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screen_language: Option<crate::i18n::Lang>,
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
    /// Their job title, for roles that have one ([`Role::has_job_title`]):
    /// the worker's comes from the device's settings. Left out of the
    /// stored JSON while empty (review version 6).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub job_title: String,
    /// Their age in years, for the carer and the person cared for
    /// ([`Role::has_age`]); none until given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// What matters about them, in their words: a condition such as autism
    /// or dementia, what helps, what to avoid. Not the adjustments for the
    /// meeting, which are under their support.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what_matters: String,
    /// The team's references for them (issue 27), as typed, by the id of
    /// the rule in [`crate::review::Review::reference_rules`] they were
    /// asked under: for the carer and the person cared for.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub references: BTreeMap<String, String>,
    /// Their NHS number as typed (issue 27; checked by
    /// [`crate::identifiers::NhsNumber`]): for the carer and the person
    /// cared for, optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nhs_number: String,
    /// Their date of birth, YYYY-MM-DD as a date field gives it (issue 27):
    /// for the carer and the person cared for, optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date_of_birth: String,
    /// The worker's staff ID (issue 27), from the device's settings.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub staff_id: String,
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
            job_title: String::new(),
            age: None,
            what_matters: String::new(),
            references: BTreeMap::new(),
            nhs_number: String::new(),
            date_of_birth: String::new(),
            staff_id: String::new(),
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

    /// Their job title, when their role has one and it was given. What a
    /// role does not ask for (an age kept from before their role was
    /// changed) is never shown or recorded, as with the three below.
    pub fn job_title_given(&self) -> Option<&str> {
        let t = self.job_title.trim();
        (self.role.has_job_title() && !t.is_empty()).then_some(t)
    }

    /// Their age, when their role is asked it and it was given.
    pub fn age_given(&self) -> Option<u8> {
        self.age.filter(|_| self.role.has_age())
    }

    /// Their NHS number, when their role is asked it and what was typed is
    /// one (the check page stops the sign-off while it is not).
    pub fn nhs_number_given(&self) -> Option<crate::identifiers::NhsNumber> {
        (self.role.has_age() && !self.nhs_number.trim().is_empty())
            .then(|| crate::identifiers::NhsNumber::parse(&self.nhs_number).ok())
            .flatten()
    }

    /// Their date of birth, when their role is asked it and what was
    /// typed is a date.
    pub fn date_of_birth_given(&self) -> Option<chrono::NaiveDate> {
        (self.role.has_age() && !self.date_of_birth.trim().is_empty())
            .then(|| chrono::NaiveDate::parse_from_str(self.date_of_birth.trim(), "%Y-%m-%d").ok())
            .flatten()
    }

    /// The references given for them, by rule id, when their role is asked
    /// them (empty values left out).
    pub fn references_given(&self) -> impl Iterator<Item = (&str, &str)> {
        self.references
            .iter()
            .filter(|_| self.role.has_age())
            .map(|(k, v)| (k.as_str(), v.trim()))
            .filter(|(_, v)| !v.is_empty())
    }

    /// The reference given for them under one rule, if any.
    pub fn reference_given(&self, rule: &str) -> Option<&str> {
        self.references_given()
            .find(|(id, _)| *id == rule)
            .map(|(_, v)| v)
    }

    /// The worker's staff ID, when given.
    pub fn staff_id_given(&self) -> Option<&str> {
        let t = self.staff_id.trim();
        (self.role == Role::Worker && !t.is_empty()).then_some(t)
    }

    /// What matters about them, when their role is asked it and it was given.
    pub fn what_matters_given(&self) -> Option<&str> {
        let t = self.what_matters.trim();
        (self.role.has_age() && !t.is_empty()).then_some(t)
    }

    /// Whether easy read would help them: their ways of communicating
    /// include symbols or pictures, so the app offers it when their turn
    /// starts (issue 26).
    pub fn easy_read_helps(&self) -> bool {
        self.support.communication.iter().any(|m| {
            matches!(
                m,
                CommunicationMethod::Symbols | CommunicationMethod::Pictures
            )
        })
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
            tr!("{role} (name not given yet)", role = self.role.label())
        } else {
            tr!(
                "{name}, {role}",
                name = self.name.trim(),
                role = self.role.noun()
            )
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
/// Storage key of one participant's need in [`Review::readiness`].
pub fn need_key(participant: &str, need: Need) -> String {
    format!("{participant}/{}", need.key())
}
impl Role {
    /// Whether people in this role give their own rating (P19): the parties
    /// to the review, the worker's professional view among them. Advocates
    /// and interpreters carry someone else's view rather than giving their own.
    pub fn rates(self) -> bool {
        !self.is_supporter()
    }

    /// Whether people in this role help someone else take part (an advocate,
    /// an interpreter) rather than being a party to the review: they do not
    /// rate, agree or sign as themselves, but confirm what they were there
    /// for (`crate::signoff::Confirms`).
    pub fn is_supporter(self) -> bool {
        matches!(self, Role::Advocate | Role::Interpreter)
    }
}
impl Participant {
    /// Whether this person gives their own rating: their role rates and they
    /// are taking part (in the room or remotely).
    pub fn rates(&self) -> bool {
        self.role.rates() && self.is_present()
    }
}
