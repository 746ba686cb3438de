//! Services and support (P20): each resource the carer uses, its benefits,
//! difficulties and changes as points in people's words, and the gaps.

use crate::base::{choices, Id, Person, Remark, Speaker};
use serde::{Deserialize, Serialize};

choices! {
    /// Kinds of resources, services and facilities, after the standard's
    /// scope notes (SCDHSC0387) and the revision's digital tools.
    pub enum ResourceKind {
        Financial => "financial", "Money: benefits, grants or a direct payment";
        Physical => "physical", "Equipment or adaptations";
        ServiceAtHome => "service-at-home", "A service for the carer at home";
        ServiceElsewhere => "service-elsewhere", "A service for the carer somewhere else";
        PersonServiceAtHome => "person-service-at-home", "A service for the person cared for, at home";
        PersonServiceElsewhere => "person-service-elsewhere", "A service for the person cared for somewhere else, such as a day centre or club";
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

/// One answer about a [`Resource`]; one question per page sends one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResourceField {
    Kind(ResourceKind),
    Name(String),
    NeedsMet(NeedsMet),
    Decision(ResourceDecision),
}
