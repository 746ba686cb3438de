//! Support for the person cared for while the carer has time for their own
//! needs (P21): arrangements, their risks, and whether the person agreed.

use crate::base::{choices, Id, Person};
use serde::{Deserialize, Serialize};

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
        YouthWork => "youth-work", "Youth work or a youth club";
        ShortBreaks => "short-breaks", "Short breaks for a young person";
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
    Agreed {
        /// How they showed it (`None` in reviews from before it was asked).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        how: Option<crate::agreement::types::HowAgreed>,
    },
    /// Reviews from before agreement had its ways: read, never made now
    /// (it reads as agreed through that advocate, [`Self::how_agreed`]).
    AgreedThroughAdvocate { by: Person },
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
            IndividualAgreement::Agreed { .. }
            | IndividualAgreement::AgreedThroughAdvocate { .. } => AgreementAnswer::Agreed,
            IndividualAgreement::NotAgreed { .. } => AgreementAnswer::NotAgreed,
            IndividualAgreement::NotAskedYet => AgreementAnswer::NotAskedYet,
        }
    }

    /// The agreement an answer makes: the details it had before when it is
    /// chosen again, else `next_step` (what was typed for "not agreed").
    pub fn from_answer(
        answer: AgreementAnswer,
        before: Option<&IndividualAgreement>,
        next_step: &str,
    ) -> IndividualAgreement {
        if let Some(before) = before.filter(|b| b.answer() == answer) {
            return before.clone();
        }
        match answer {
            AgreementAnswer::Agreed => IndividualAgreement::Agreed { how: None },
            AgreementAnswer::NotAskedYet => IndividualAgreement::NotAskedYet,
            AgreementAnswer::NotAgreed => IndividualAgreement::NotAgreed {
                what_happens_next: next_step.to_string(),
            },
        }
    }

    /// How they showed they agree, when they did and it was recorded: an
    /// agreement from before agreement had its ways, given through an
    /// advocate taking part, reads as agreed through that advocate.
    pub fn how_agreed(&self) -> Option<crate::agreement::types::HowAgreed> {
        match self {
            IndividualAgreement::Agreed { how } => how.clone(),
            IndividualAgreement::AgreedThroughAdvocate { by } => {
                Some(crate::agreement::types::HowAgreed {
                    way: crate::agreement::types::AgreedWay::Advocate,
                    through: by.participant_id().map(str::to_string),
                    witness: None,
                })
            }
            _ => None,
        }
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

/// One answer about a [`CoverArrangement`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoverField {
    MakesRoomFor(CarerNeed),
    MakesRoomForDetail(String),
    Kind(CoverKind),
    When(String),
    Provider(String),
    Funding(Funding),
    Agreement(Option<IndividualAgreement>),
}
