//! What is beyond the worker's scope (P22): where it goes, to whom, how
//! urgently, who takes it on by when, and whether it may be shared.

use crate::base::{choices, Id, Person};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
        ChildMentalHealth => "child-mental-health", "Child and adolescent mental health services (CAMHS)";
        ChildrensSocialCare => "childrens-social-care", "Children's social care";
        Education => "education", "School, college or the education service";
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

/// One answer about an [`Escalation`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EscalationField {
    Matter(String),
    WhyBeyondScope(String),
    Route(EscalationRoute),
    RouteDetail(String),
    ToWhom(String),
    Urgency(Urgency),
    Owner(Option<Person>),
    Due(Option<NaiveDate>),
    Consent(Option<ConsentToShare>),
    Status(EscalationStatus),
}
