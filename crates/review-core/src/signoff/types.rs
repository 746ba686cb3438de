//! Sign-off (P23) as data: what each person said when they signed and how,
//! what an amendment replaces, and the log of copies given after the lock.

use crate::base::{Id, Timestamp};
use crate::part::Part;
use crate::setup::sharing::{Shown, Visibility};
use crate::tr;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// What someone says when they sign.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum SignOffDecision {
    Agrees,
    AgreesWithComment {
        comment: String,
        /// Who may see the comment (`None` in reviews whose agreement never
        /// decided who may see what; the sign-off fills in the default).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
    },
    Disagrees {
        /// Why, in their words: may be empty when each point they do not
        /// agree with says why.
        reason: String,
        /// Who may see the reason, as for a comment; the points' words too.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visibility: Option<Visibility>,
        /// The points of the review they do not agree with, each with why
        /// (none in reviews signed before they could be chosen).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        points: Vec<DisagreedPoint>,
    },
}

/// One point of the review someone does not agree with: a row of the check
/// page as it was shown to them, and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DisagreedPoint {
    /// The part of the review the row is in.
    pub part: Part,
    /// What the row is about, as the check page named it ("Carers’ café").
    pub about: String,
    /// What the row said, as the check page showed it.
    pub said: String,
    /// The item (`crate::sharing`) the row tells more of, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Id>,
    /// Why they do not agree with it.
    pub why: String,
}
impl SignOffDecision {
    /// The points of the review they do not agree with (none unless they
    /// do not agree).
    pub fn points(&self) -> &[DisagreedPoint] {
        match self {
            SignOffDecision::Disagrees { points, .. } => points,
            _ => &[],
        }
    }

    /// Their words, when they gave any, and who may see them.
    pub fn words(&self) -> Option<(&str, Option<Visibility>)> {
        match self {
            SignOffDecision::Agrees => None,
            SignOffDecision::AgreesWithComment {
                comment: words,
                visibility,
            }
            | SignOffDecision::Disagrees {
                reason: words,
                visibility,
                ..
            } => Some((words, *visibility)),
        }
    }
}

/// How they showed it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum SignOffMethod {
    /// A tap on "I agree" / "I do not agree".
    Tap,
    /// Their name, typed.
    TypedName { name: String },
    /// A mark drawn with a finger, kept as a small SVG path (`M x y L x y ...`).
    DrawnMark { path: String },
    /// Through their advocate or interpreter: who, and how the person showed it.
    ThroughSupporter { by: Id, how: String },
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SignOff {
    pub participant: Id,
    pub decision: SignOffDecision,
    pub method: SignOffMethod,
    pub signed_at: DateTime<FixedOffset>,
    /// What the check page showed while they signed (`None` in reviews
    /// whose agreement never decided who may see what).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Shown>,
    /// How they showed what they think (`None` when it was not recorded,
    /// and in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<crate::agreement::types::HowAgreed>,
}

impl SignOff {
    /// How they showed what they think: as recorded, or, for a signature
    /// from before agreement had its ways given through an advocate or
    /// interpreter, through that person (`role_of` says which they were).
    pub fn how_agreed(
        &self,
        role_of: impl Fn(&str) -> Option<crate::setup::people::Role>,
    ) -> Option<crate::agreement::types::HowAgreed> {
        use crate::agreement::types::{AgreedWay, HowAgreed};
        use crate::setup::people::Role;
        if let Some(how) = &self.how {
            return Some(how.clone());
        }
        let SignOffMethod::ThroughSupporter { by, .. } = &self.method else {
            return None;
        };
        let way = match role_of(by)? {
            Role::Interpreter => AgreedWay::Interpreter,
            Role::Advocate => AgreedWay::Advocate,
            _ => return None,
        };
        Some(HowAgreed {
            way,
            through: Some(by.clone()),
            witness: None,
        })
    }
}

/// What an advocate or interpreter confirms at sign-off, by their role:
/// they help someone else take part, so they confirm that help rather than
/// agreeing as themselves (P18, P23).
#[derive(Serialize, Deserialize, schemars::JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Confirms {
    /// An interpreter: what was said was interpreted accurately, both ways.
    AccurateInterpretation,
    /// An advocate: the views they gave were the person's own, as given.
    OwnViewCarried,
}

impl Confirms {
    /// What someone in `role` confirms, if they are there to help someone else.
    pub fn of(role: crate::setup::people::Role) -> Option<Confirms> {
        use crate::setup::people::Role;
        match role {
            Role::Interpreter => Some(Confirms::AccurateInterpretation),
            Role::Advocate => Some(Confirms::OwnViewCarried),
            _ => None,
        }
    }

    /// The statement they confirm, in the first person, for the people
    /// they were there for ("Ayesha Khan").
    pub fn statement(self, for_whom: &str) -> String {
        match self {
            Confirms::AccurateInterpretation => tr!("I interpreted accurately between {for_whom} and everyone else, throughout the review.", for_whom = for_whom),
            Confirms::OwnViewCarried => tr!("The views I gave were {for_whom}’s own, as they gave them to me.", for_whom = for_whom),
        }
    }
}

/// What one advocate or interpreter confirmed at sign-off.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Confirmation {
    pub participant: Id,
    pub confirms: Confirms,
    /// Whether they could confirm it.
    pub confirmed: bool,
    /// What they could not confirm, in their words (only when they could not).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub at: DateTime<FixedOffset>,
}

/// The earlier version an amended review replaces.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Amendment {
    pub previous_id: Id,
    pub previous_version: u32,
    /// Why the signed-off review is being amended.
    pub reason: String,
    /// What was changed, in the worker's words.
    pub what_changed: String,
    pub amended_at: DateTime<FixedOffset>,
}

/// How a copy reached its reader.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum GivenHow {
    /// Printed here and handed over.
    Printed,
    /// Sent through the tablet's share sheet.
    Shared,
    /// Saved to a memory stick or the tablet's files, to hand over.
    Saved,
    /// Sent by email, from the office or the tablet.
    Emailed,
    /// Sent by post.
    Posted,
}

impl GivenHow {
    /// Every way, in the order they are offered.
    pub const ALL: [GivenHow; 5] = [
        GivenHow::Printed,
        GivenHow::Shared,
        GivenHow::Saved,
        GivenHow::Emailed,
        GivenHow::Posted,
    ];

    /// The choice as offered.
    pub fn label(self) -> String {
        match self {
            GivenHow::Printed => tr!("Printed and handed over"),
            GivenHow::Shared => tr!("Shared from this tablet"),
            GivenHow::Saved => tr!("Saved to a memory stick or the tablet’s files"),
            GivenHow::Emailed => tr!("Sent by email"),
            GivenHow::Posted => tr!("Sent by post"),
        }
    }

    /// The way, after "given", "printed": in a sentence.
    pub fn said(self) -> String {
        match self {
            GivenHow::Printed => tr!("printed and handed over"),
            GivenHow::Shared => tr!("shared from this tablet"),
            GivenHow::Saved => tr!("saved to a memory stick or the tablet’s files"),
            GivenHow::Emailed => tr!("sent by email"),
            GivenHow::Posted => tr!("sent by post"),
        }
    }

    /// The value stored and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            GivenHow::Printed => "printed",
            GivenHow::Shared => "shared",
            GivenHow::Saved => "saved",
            GivenHow::Emailed => "emailed",
            GivenHow::Posted => "posted",
        }
    }

    /// The way a form's value names, if any.
    pub fn from_code(code: &str) -> Option<GivenHow> {
        GivenHow::ALL.into_iter().find(|h| h.code() == code)
    }
}

/// One copy given: the recipient (as the sharing agreement names them), the
/// signed copy's document id, how and when.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CopyGiven {
    /// This mark's own id, to take it back by.
    pub id: Id,
    pub recipient: Id,
    pub document_id: String,
    pub how: GivenHow,
    pub at: Timestamp,
}
