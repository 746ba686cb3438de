//! One carer review meeting: [`Review`], holding every part's data, and the
//! lookups every part uses. Parts' commands and checks build on it; it
//! knows their data, never their rules.

use crate::actions::types::*;
use crate::base::*;
use crate::cover::types::*;
use crate::criteria::types::*;
use crate::escalations::types::*;
use crate::outcome::types::*;
use crate::ratings::types::*;
use crate::services::types::*;
use crate::setup::people::*;
use crate::setup::process::*;
use crate::setup::sharing::Visibility;
use crate::signoff::types::{Amendment, Confirmation, CopyGiven, SignOff};
use crate::text::clean;
use crate::tr;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// The organisation's ODS code, from the device's settings when the
    /// review was started (issue 27); left out while empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ods_code: String,
    /// The references the team's records use for the carer and the person
    /// cared for, as its configuration gave them when they were first
    /// asked (issue 27): each value is checked against the rule it was
    /// asked under. Left out while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_rules: Vec<crate::identifiers::IdentifierRule>,
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
    pub sign_offs: Vec<SignOff>,
    /// What each advocate and interpreter confirmed at sign-off (they do not
    /// sign as parties); left out of the stored JSON while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmations: Vec<Confirmation>,
    /// When the last signature locked the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finalised_at: Option<Timestamp>,
    /// 1 for the first signed version, one more for each amendment.
    #[serde(default = "first_version", skip_serializing_if = "is_first_version")]
    pub version: u32,
    /// Set on an amendment: the version it replaces, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<Amendment>,

    // Joint use of the one tablet.
    /// Who the tablet was last passed to (see [`Review::turn_holder`]);
    /// `None` until it is first passed, while the worker holds it. Left out
    /// of the stored JSON while `None`, so drafts from before it still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<Id>,

    // Who may see what (P23).
    /// The visibility chosen for an item, by its key (`crate::sharing`);
    /// an item not here has the agreement's default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub visibility: BTreeMap<String, Visibility>,

    // After sign-off (P23).
    /// Each recipient's copy given: to whom, how, when (`signoff::given`).
    /// Never part of a signed file; left out of the stored JSON while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies_given: Vec<CopyGiven>,

    // From one review to the next (issue 27).
    /// The last signed review this one follows on from, with last time's
    /// ratings and the follow-up of its actions and escalations
    /// (`crate::continuity`); left out of the stored JSON while `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<crate::continuity::types::LastReview>,
}
fn first_version() -> u32 {
    1
}
fn is_first_version(v: &u32) -> bool {
    *v == 1
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

    /// Everyone who gives their own rating (P19), in [`Review::rating_order`].
    pub fn raters(&self) -> impl Iterator<Item = &Participant> {
        self.rating_order().filter(|p| p.rates())
    }

    /// The participants in the order their ratings are asked for and shown:
    /// the people at the review in the order they were added, then the
    /// worker, whose professional view comes after theirs.
    pub fn rating_order(&self) -> impl Iterator<Item = &Participant> {
        let (worker, others): (Vec<_>, Vec<_>) = self
            .participants
            .iter()
            .partition(|p| p.role == Role::Worker);
        others.into_iter().chain(worker)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Something said about a criterion, by its id.
    pub fn evidence_note(&self, id: &str) -> Option<&EvidenceNote> {
        self.criterion_reviews
            .values()
            .flat_map(|cr| &cr.evidence)
            .find(|e| e.id == id)
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

    /// Whether anyone has signed, or confirmed what they were there for:
    /// the answers were given to the review as it is now.
    pub fn has_signatures(&self) -> bool {
        !self.sign_offs.is_empty() || !self.confirmations.is_empty()
    }

    /// Who said a point, in words: a person as [`Review::person_name`]
    /// shows them, "Everyone at the meeting", or "Not recorded".
    pub fn speaker_name(&self, speaker: &Speaker) -> String {
        match speaker {
            Speaker::NotRecorded => tr!("Not recorded"),
            Speaker::Everyone => tr!("Everyone at the meeting"),
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

    /// [`Review::speaker_choices`] as a form's options: (key, words).
    pub fn speaker_options(&self, current: &Speaker) -> Vec<(String, String)> {
        self.speaker_choices(current)
            .into_iter()
            .map(|s| (s.key(), self.speaker_name(&s)))
            .collect()
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
                .unwrap_or_else(|| tr!("Someone no longer in this review")),
            Person::Named { name } => name.trim().to_string(),
            Person::Removed { name } => {
                tr!("{name} (no longer part of this review)", name = name.trim())
            }
        }
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
        if let Some(p) = self.outcome.other_views_said_by.person_mut() {
            f(p);
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

// ---- What every part's commands use -----------------------------------------

impl Review {
    pub(crate) fn person(&mut self, id: &str) -> Result<&mut Participant, DomainError> {
        entry_mut(&mut self.participants, id, DomainError::UnknownParticipant)
    }

    pub(crate) fn has_id(&self, id: &str) -> bool {
        self.participants.iter().any(|p| p.id == id)
            || self.criteria.iter().any(|c| c.id == id)
            || self
                .process
                .confidentiality
                .restrictions
                .iter()
                .any(|r| r.id == id)
            || self
                .process
                .confidentiality
                .copies
                .iter()
                .any(|c| c.id == id)
            || self
                .criterion_reviews
                .values()
                .any(|c| c.evidence.iter().any(|e| e.id == id))
            || self
                .resources
                .iter()
                .any(|r| r.id == id || r.all_remarks().any(|m| m.id == id))
            || self.gaps.iter().any(|g| g.id == id)
            || self
                .cover_arrangements
                .iter()
                .any(|a| a.id == id || a.risks.iter().any(|r| r.id == id))
            || self.escalations.iter().any(|e| e.id == id)
            || self.actions.iter().any(|a| a.id == id)
    }

    pub(crate) fn fresh(&self, id: &str) -> Result<(), DomainError> {
        if self.has_id(id) {
            Err(DomainError::DuplicateId)
        } else {
            Ok(())
        }
    }

    /// A person as a command gives it: a participant must be in the review;
    /// typed names are cleaned.
    pub(crate) fn checked_person(&self, person: Person) -> Result<Person, DomainError> {
        Ok(match person {
            Person::Participant { id } => {
                if self.participant(&id).is_none() {
                    return Err(DomainError::UnknownParticipant);
                }
                Person::Participant { id }
            }
            Person::Named { name } => Person::Named { name: clean(&name) },
            Person::Removed { name } => Person::Removed { name: clean(&name) },
        })
    }

    /// Advocates and interpreters are participants (or were, before removal).
    pub(crate) fn checked_go_between(&self, person: Person) -> Result<Person, DomainError> {
        match person {
            Person::Named { .. } => Err(DomainError::NotAParticipant),
            p => self.checked_person(p),
        }
    }

    pub(crate) fn checked_channel(
        &self,
        channel: RatingChannel,
    ) -> Result<RatingChannel, DomainError> {
        Ok(match channel {
            RatingChannel::Advocate { by } => RatingChannel::Advocate {
                by: self.checked_go_between(by)?,
            },
            RatingChannel::Interpreter { by } => RatingChannel::Interpreter {
                by: self.checked_go_between(by)?,
            },
            c => c,
        })
    }
}
