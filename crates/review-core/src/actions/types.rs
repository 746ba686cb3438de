//! What will be done after the review, by whom and when (P23).

use crate::base::{Id, Person};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// One answer about an [`Action`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionField {
    What(String),
    Owner(Option<Person>),
    Due(Option<NaiveDate>),
    /// The criterion it answers; it must be in the review.
    Criterion(Option<Id>),
}
