//! The worker's reflection after sign-off (revision criterion 10): what went
//! well, what to do differently, and how the review was for the carer and
//! the individual, each answered with one tap on a face. It is kept as a
//! draft on the device (an envelope of kind `reflection`) until the worker
//! signs it, as an addendum to the records copy
//! ([`crate::summary::addendum`]). It never changes the signed summary and
//! never goes into anyone's copy: it is for the records only.

use crate::field_errors::{FieldError, Missing};
use crate::setup::people::Role;
use crate::text::is_blank;
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The reflection as the worker writes it, before it is signed.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reflection {
    /// What went well in this review.
    #[serde(default)]
    pub went_well: String,
    /// What the worker would do differently next time.
    #[serde(default)]
    pub do_differently: String,
    /// Each person asked "How was this review for you?", by participant id.
    #[serde(default)]
    pub how_it_was: BTreeMap<String, Feeling>,
}

/// An answer to "How was this review for you?".
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Feeling {
    Good,
    /// Some of it was good, some was not.
    Mixed,
    NotGood,
    /// The person did not say, or could not be asked.
    DidNotSay,
}

impl Feeling {
    /// The faces, in the order the screen offers them.
    pub const FACES: [Feeling; 3] = [Feeling::Good, Feeling::Mixed, Feeling::NotGood];

    /// The words beside the face, said to the person themselves.
    pub fn label(self) -> String {
        match self {
            Feeling::Good => tr!("It was good"),
            Feeling::Mixed => tr!("Some good, some not"),
            Feeling::NotGood => tr!("It was not good"),
            Feeling::DidNotSay => tr!("They did not say"),
        }
    }

    /// The value in the file, as an id for the screen's controls.
    pub fn as_str(self) -> &'static str {
        match self {
            Feeling::Good => "good",
            Feeling::Mixed => "mixed",
            Feeling::NotGood => "not-good",
            Feeling::DidNotSay => "did-not-say",
        }
    }
}

/// Someone asked how the review was for them: the carer and the
/// individual, as the signed summary names them
/// ([`crate::summary::addendum::asked`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub participant_id: String,
    pub name: String,
    pub role: Role,
}

/// The id of a field of the reflection page.
pub fn field_id(what: &str) -> String {
    format!("reflection-{what}")
}

/// The id of the first face of one person's question.
pub fn feeling_field(participant_id: &str) -> String {
    field_id(&format!("feeling-{participant_id}"))
}

impl Reflection {
    /// What is still to answer before the reflection can be signed, in page
    /// order: each person's answer, then the worker's two.
    pub fn errors(&self, asked: &[Asked]) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for person in asked {
            errors.missing_if(
                !self.how_it_was.contains_key(&person.participant_id),
                feeling_field(&person.participant_id),
                tr!(
                    "Ask {name} how the review was for them, or choose “{what}”",
                    name = person.name,
                    what = Feeling::DidNotSay.label()
                ),
            );
        }
        errors.missing_if(
            is_blank(&self.went_well),
            field_id("went-well"),
            tr!("Say what went well in this review"),
        );
        errors.missing_if(
            is_blank(&self.do_differently),
            field_id("do-differently"),
            tr!("Say what you would do differently next time, or write “Nothing”"),
        );
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked_two() -> Vec<Asked> {
        vec![
            Asked {
                participant_id: "c".into(),
                name: "Ann".into(),
                role: Role::Carer,
            },
            Asked {
                participant_id: "i".into(),
                name: "Bob".into(),
                role: Role::Individual,
            },
        ]
    }

    #[test]
    fn every_answer_is_asked_for_in_page_order() {
        let mut r = Reflection::default();
        let fields: Vec<String> = r
            .errors(&asked_two())
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "reflection-feeling-c",
                "reflection-feeling-i",
                "reflection-went-well",
                "reflection-do-differently"
            ]
        );
        r.how_it_was.insert("c".into(), Feeling::Good);
        r.how_it_was.insert("i".into(), Feeling::DidNotSay);
        r.went_well = "  ".into();
        r.do_differently = "Nothing".into();
        let left = r.errors(&asked_two());
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].message, "Say what went well in this review");
        r.went_well = "Time to talk".into();
        assert!(r.errors(&asked_two()).is_empty());
    }

    #[test]
    fn values_are_kebab_case() {
        for f in [
            Feeling::Good,
            Feeling::Mixed,
            Feeling::NotGood,
            Feeling::DidNotSay,
        ] {
            assert_eq!(
                serde_json::to_value(f).unwrap(),
                serde_json::Value::String(f.as_str().into())
            );
        }
    }
}
