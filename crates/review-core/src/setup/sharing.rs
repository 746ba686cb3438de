//! Who may see what (P17, P23), as data: the copies the sharing agreement
//! sends, and the visibility an item of the review can have. Which items
//! there are, and the visibility each one has, is `crate::sharing`'s.

use crate::base::Id;
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Who may see one item of the review. The records copy always holds every
/// item; a recipient's copy holds the items whose visibility
/// [`Visibility::allows`] that recipient.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    /// Everyone at the meeting, and every copy.
    Everyone,
    /// Not the person cared for (nor their copy).
    NotIndividual,
    /// Not the carer (nor their copy).
    NotCarer,
    /// Not the services and their staff: no provider's or GP's copy.
    NotProviders,
    /// Only the worker and the records: no one else's copy.
    WorkerAndRecords,
}
impl Visibility {
    pub const ALL: [Visibility; 5] = [
        Visibility::Everyone,
        Visibility::NotIndividual,
        Visibility::NotCarer,
        Visibility::NotProviders,
        Visibility::WorkerAndRecords,
    ];

    /// Who may see it, in words (the choice, and what an item shows).
    pub fn label(self) -> String {
        match self {
            Visibility::Everyone => tr!("Everyone"),
            Visibility::NotIndividual => tr!("Not the person cared for"),
            Visibility::NotCarer => tr!("Not the carer"),
            Visibility::NotProviders => tr!("Not services or the GP"),
            Visibility::WorkerAndRecords => tr!("Only the worker and the records"),
        }
    }

    /// What the choice means for the copies, in a sentence.
    pub fn hint(self) -> String {
        match self {
            Visibility::Everyone => tr!("In every copy of the summary."),
            Visibility::NotIndividual => tr!("Left out of the copy for the person cared for."),
            Visibility::NotCarer => tr!("Left out of the carer's copy."),
            Visibility::NotProviders => tr!("Left out of the copies for services and the GP."),
            Visibility::WorkerAndRecords => {
                tr!("Only in the records. Left out of every other copy.")
            }
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Visibility::Everyone => "everyone",
            Visibility::NotIndividual => "not-individual",
            Visibility::NotCarer => "not-carer",
            Visibility::NotProviders => "not-providers",
            Visibility::WorkerAndRecords => "worker-and-records",
        }
    }

    pub fn from_key(key: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.key() == key)
    }

    /// Whether a copy for `recipient` may hold an item with this visibility.
    pub fn allows(self, recipient: RecipientKind) -> bool {
        use RecipientKind::*;
        match self {
            Visibility::Everyone => true,
            Visibility::NotIndividual => recipient != Individual,
            Visibility::NotCarer => recipient != Carer,
            Visibility::NotProviders => !matches!(recipient, Provider | Gp),
            Visibility::WorkerAndRecords => false,
        }
    }
}

/// Who a copy of the summary can go to (P23), beside the records copy,
/// which is always kept.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientKind {
    Carer,
    Individual,
    Gp,
    /// A service that supports the carer or the individual, by name.
    Provider,
    /// The carers' team (or carers' centre) that supports the carer.
    CarersTeam,
    /// Someone else, by name.
    Other,
}
impl RecipientKind {
    pub const ALL: [RecipientKind; 6] = [
        RecipientKind::Carer,
        RecipientKind::Individual,
        RecipientKind::Gp,
        RecipientKind::CarersTeam,
        RecipientKind::Provider,
        RecipientKind::Other,
    ];

    /// Whether a review names this kind of recipient (a provider, someone
    /// else), so it can have more than one; the others get one copy each.
    pub fn is_named(self) -> bool {
        matches!(self, RecipientKind::Provider | RecipientKind::Other)
    }

    pub fn key(self) -> &'static str {
        match self {
            RecipientKind::Carer => "carer",
            RecipientKind::Individual => "individual",
            RecipientKind::Gp => "gp",
            RecipientKind::Provider => "provider",
            RecipientKind::CarersTeam => "carers-team",
            RecipientKind::Other => "other",
        }
    }

    /// The choice's words.
    pub fn label(self) -> String {
        match self {
            RecipientKind::Carer => tr!("The carer"),
            RecipientKind::Individual => tr!("The person cared for"),
            RecipientKind::Gp => tr!("Their GP"),
            RecipientKind::CarersTeam => tr!("The carers' team or centre"),
            RecipientKind::Provider => tr!("A service that supports them"),
            RecipientKind::Other => tr!("Someone else"),
        }
    }
}

/// One copy of the summary the agreement sends. A provider or someone else
/// is named; the carer, the individual, the GP and the carers' team get one
/// copy each, whose id is their kind's key.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    pub id: Id,
    pub kind: RecipientKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// What the check page showed whoever held the tablet: everything (the
/// worker, the records), or only what one reader's copy will hold. A
/// sign-off records it, so the record says what each person was shown.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Shown {
    /// Every item (the worker holds the tablet).
    Everything,
    /// What the carer's copy holds.
    CarerCopy,
    /// What the copy for the person cared for holds.
    IndividualCopy,
    /// Only the items everyone may see (anyone else holding the tablet).
    EveryoneOnly,
}
impl Shown {
    /// Whether an item with this visibility is shown (`None`: nothing was
    /// decided for it, in a review from before visibility was asked).
    pub fn shows(self, visibility: Option<Visibility>) -> bool {
        let Some(v) = visibility else {
            return true;
        };
        match self {
            Shown::Everything => true,
            Shown::CarerCopy => v.allows(RecipientKind::Carer),
            Shown::IndividualCopy => v.allows(RecipientKind::Individual),
            Shown::EveryoneOnly => v == Visibility::Everyone,
        }
    }
}
