//! How the review runs, agreed with the carer (P17): why, how deep, what it
//! covers, time set aside, private time, and what must not be shared.

use crate::base::Id;
use crate::setup::sharing::{Recipient, Visibility};
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    pub fn label(self) -> String {
        match self {
            ReviewReason::SixToEightWeeks => {
                tr!("First review, 6 to 8 weeks after the plan started")
            }
            ReviewReason::Annual => tr!("Yearly review"),
            ReviewReason::Requested => tr!("Someone asked for a review"),
            ReviewReason::ChangeInCircumstances => tr!("Something has changed"),
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
    pub fn label(self) -> String {
        match self {
            Depth::LightTouch => tr!("Light touch: a short check that things are working"),
            Depth::Full => tr!("Full review: go through everything in detail"),
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
    pub fn label(self) -> String {
        match self {
            AgendaItem::Partnership => {
                tr!("How we are working together, against the agreed criteria")
            }
            AgendaItem::Services => {
                tr!("Services and support, and how they help the carer's wellbeing")
            }
            AgendaItem::Cover => {
                tr!("Support for the person cared for while the carer has time for themselves")
            }
            AgendaItem::Escalation => tr!("Things that need someone else's help"),
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
    /// Anything more about who receives the summary, in the carer's words
    /// (before copies were chosen one by one, the only answer).
    pub recipients: String,
    pub restrictions: Vec<SharingRestriction>,
    /// Who gets a copy, beside the records (reviews from before it was
    /// asked have none until it is).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Recipient>,
    /// Who may see an item unless it says otherwise; `None` until agreed
    /// (and in every review from before it was asked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_visibility: Option<Visibility>,
}

impl ConfidentialityAgreement {
    /// The thing that must not be shared with this id.
    pub fn restriction(&self, id: &str) -> Option<&SharingRestriction> {
        self.restrictions.iter().find(|x| x.id == id)
    }

    /// The copy with this id.
    pub fn copy(&self, id: &str) -> Option<&Recipient> {
        self.copies.iter().find(|c| c.id == id)
    }
}

/// How the review runs, agreed with the carer (P17).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct ReviewProcess {
    pub reason: Option<ReviewReason>,
    /// What has changed since the last review, or why it is happening
    /// now, in words (the reason alone is one of four answers). Left out of
    /// the stored JSON while empty (review version 6).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub why_now: String,
    pub depth: Option<Depth>,
    /// The agenda items the review proper uses, in agenda order.
    pub agenda: Vec<AgendaItem>,
    /// Minutes set aside for an agenda item (optional).
    pub time_boxes: BTreeMap<AgendaItem, u32>,
    /// Whether the carer wants time with the worker without the individual.
    pub carer_private_time: Option<bool>,
    /// How long that time is and when it comes (both optional); left out
    /// of the stored JSON while neither is set.
    #[serde(skip_serializing_if = "PrivatePlan::is_empty")]
    pub private_plan: PrivatePlan,
    pub confidentiality: ConfidentialityAgreement,
    /// Participants who agreed how the review runs.
    pub agreed_by: Vec<Id>,
    /// How each of them showed it (their agreement to the criteria is part
    /// of the same agreement, P17), by participant id; left out of the
    /// stored JSON while nobody's way is recorded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub agreed_how: BTreeMap<Id, crate::agreement::types::HowAgreed>,
}

/// When in the meeting the carer's time on their own comes (P17).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PrivateSlot {
    AfterRatings,
    AfterServices,
    BeforeOutcome,
    AtTheEnd,
}
impl PrivateSlot {
    pub const ALL: [PrivateSlot; 4] = [
        PrivateSlot::AfterRatings,
        PrivateSlot::AfterServices,
        PrivateSlot::BeforeOutcome,
        PrivateSlot::AtTheEnd,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PrivateSlot::AfterRatings => "after-ratings",
            PrivateSlot::AfterServices => "after-services",
            PrivateSlot::BeforeOutcome => "before-outcome",
            PrivateSlot::AtTheEnd => "at-the-end",
        }
    }

    /// When it comes, in words ("after how it is going").
    pub fn label(self) -> String {
        match self {
            PrivateSlot::AfterRatings => tr!("After how it is going"),
            PrivateSlot::AfterServices => tr!("After support and services"),
            PrivateSlot::BeforeOutcome => tr!("Before the actions and outcome"),
            PrivateSlot::AtTheEnd => tr!("At the end, before signing off"),
        }
    }
}

/// The carer's time on their own, as planned in P17: how many minutes, and
/// when. The turn itself is `crate::private_turn`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct PrivatePlan {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slot: Option<PrivateSlot>,
}
impl PrivatePlan {
    pub fn is_empty(&self) -> bool {
        *self == PrivatePlan::default()
    }
}

/// The minutes the private time can be planned for.
pub const PRIVATE_MINUTES: [u32; 7] = [5, 10, 15, 20, 30, 45, 60];

/// The longest time box the app accepts, in minutes.
pub const MAX_TIME_BOX: u32 = 240;
