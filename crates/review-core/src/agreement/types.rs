//! The ways of showing agreement, as plain data: what the review, the
//! summary and every form hold (`crate::agreement` has the rules).

use crate::base::Id;
use crate::setup::people::Role;
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A way of showing agreement.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum AgreedWay {
    /// In their own words: spoken, written or typed.
    Directly,
    /// Spoken through an interpreter taking part in the review.
    Interpreter,
    /// Through their advocate taking part in the review.
    Advocate,
    /// By pointing to pictures, symbols or objects of reference.
    Pictures,
    /// By a gesture or a sign (a nod, a thumbs-up, Makaton or BSL).
    GestureOrSign,
}

impl AgreedWay {
    /// Every way, in the order they are offered.
    pub const ALL: [AgreedWay; 5] = [
        AgreedWay::Directly,
        AgreedWay::Interpreter,
        AgreedWay::Advocate,
        AgreedWay::Pictures,
        AgreedWay::GestureOrSign,
    ];

    /// The value stored and used in forms.
    pub fn key(self) -> &'static str {
        match self {
            AgreedWay::Directly => "directly",
            AgreedWay::Interpreter => "interpreter",
            AgreedWay::Advocate => "advocate",
            AgreedWay::Pictures => "pictures",
            AgreedWay::GestureOrSign => "gesture-or-sign",
        }
    }

    /// The choice as offered.
    pub fn label(self) -> String {
        match self {
            AgreedWay::Directly => tr!("Directly, in their own words"),
            AgreedWay::Interpreter => tr!("Spoken through the interpreter"),
            AgreedWay::Advocate => tr!("Through their advocate"),
            AgreedWay::Pictures => tr!("Through pictures, symbols or objects of reference"),
            AgreedWay::GestureOrSign => tr!("By a gesture or a sign"),
        }
    }

    /// Whose help this way goes through, when it does.
    pub fn through_role(self) -> Option<Role> {
        match self {
            AgreedWay::Interpreter => Some(Role::Interpreter),
            AgreedWay::Advocate => Some(Role::Advocate),
            _ => None,
        }
    }
}

/// How one person showed they agree: the way, through whom (for the ways
/// that go through an interpreter or advocate) and who saw it, if anyone.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HowAgreed {
    pub way: AgreedWay,
    /// The interpreter or advocate it went through (a participant id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<Id>,
    /// Who saw them agree (a participant id), when someone did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witness: Option<Id>,
}

impl HowAgreed {
    /// `way`, with nobody through whom and no witness.
    pub fn new(way: AgreedWay) -> HowAgreed {
        HowAgreed {
            way,
            through: None,
            witness: None,
        }
    }
}
