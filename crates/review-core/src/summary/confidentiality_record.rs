//! The summary's record of the sharing agreement (P17, P23): who gets a
//! copy, who may see what by default, and what must not be shared. Part of
//! the document (`document.rs`).

use crate::setup::sharing::{RecipientKind, Visibility};
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfidentialityRecord {
    /// Who receives this summary, in the carer's words.
    pub recipients: String,
    pub restrictions: Vec<RestrictionRecord>,
    /// Who gets a copy, beside the records (absent in reviews from before
    /// copies were chosen one by one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<CopyRecord>,
    /// Who may see an item unless it says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_visibility: Option<Visibility>,
}

/// One copy of the summary the sharing agreement sends.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopyRecord {
    pub id: String,
    pub kind: RecipientKind,
    /// The provider's or person's name (named kinds only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl CopyRecord {
    /// Whose copy it is, in words ("The carer’s copy", "Crossroads Care’s copy").
    pub fn whose(&self) -> String {
        let name = self
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        match (self.kind, name) {
            (RecipientKind::Carer, _) => tr!("The carer’s copy"),
            (RecipientKind::Individual, _) => tr!("The copy for the person cared for"),
            (RecipientKind::Gp, _) => tr!("The GP’s copy"),
            (RecipientKind::CarersTeam, _) => tr!("The carers’ team’s copy"),
            (RecipientKind::Provider | RecipientKind::Other, Some(name)) => {
                tr!("{name}’s copy", name = name)
            }
            (RecipientKind::Provider, None) => tr!("A service’s copy"),
            (RecipientKind::Other, None) => tr!("Someone else’s copy"),
        }
    }
}

/// Something that must not be shared, and with whom.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestrictionRecord {
    pub id: String,
    pub what: String,
    pub not_with: String,
}
