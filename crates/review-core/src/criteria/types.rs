//! What the review looks at (P17): criteria from our library or written at
//! the meeting, and the scales they are rated on (whose points are never
//! numbers, so ratings are never averaged).

use crate::base::{choices, Id};
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionGroup {
    Partnership,
    Wellbeing,
    Individual,
}
impl CriterionGroup {
    pub const ALL: [CriterionGroup; 3] = [
        CriterionGroup::Partnership,
        CriterionGroup::Wellbeing,
        CriterionGroup::Individual,
    ];
    pub fn key(self) -> &'static str {
        match self {
            CriterionGroup::Partnership => "partnership",
            CriterionGroup::Wellbeing => "wellbeing",
            CriterionGroup::Individual => "individual",
        }
    }
}
/// The scale a criterion is rated on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Going well / unsure / not going well.
    #[default]
    ThreePoint,
    /// Five steps from "very poor" to "very good".
    FiveStep,
}
impl Scale {
    pub const ALL: [Scale; 2] = [Scale::ThreePoint, Scale::FiveStep];
    pub fn key(self) -> &'static str {
        match self {
            Scale::ThreePoint => "three-point",
            Scale::FiveStep => "five-step",
        }
    }
    pub fn label(self) -> String {
        match self {
            Scale::ThreePoint => tr!("3 choices: going well, unsure, not going well"),
            Scale::FiveStep => tr!("5 steps: from very poor to very good"),
        }
    }
    /// The points of the scale, best first.
    pub fn points(self) -> Vec<String> {
        match self {
            Scale::ThreePoint => vec![tr!("Going well"), tr!("Unsure"), tr!("Not going well")],
            Scale::FiveStep => vec![
                tr!("Very good"),
                tr!("Good"),
                tr!("Okay"),
                tr!("Poor"),
                tr!("Very poor"),
            ],
        }
    }
}
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum CriterionSource {
    /// From our library in `seeds/criteria.json`, by its key.
    Library { key: String },
    /// Typed in at the meeting.
    Custom,
}
/// One thing the review will judge, agreed with the carer (P17) and rated later (P19).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    pub id: Id,
    pub source: CriterionSource,
    pub group: CriterionGroup,
    pub wording: String,
    #[serde(default)]
    pub easy_read: String,
    /// Criterion codes of the standard this serves, e.g. "P19".
    #[serde(default)]
    pub serves: Vec<String>,
    #[serde(default)]
    pub scale: Scale,
    /// Participants who agreed to use this criterion.
    #[serde(default)]
    pub agreed_by: Vec<Id>,
}
choices! {
    /// One point on a criterion's scale. Both scales share this type, and a
    /// rating is only accepted on its own criterion's scale. Stored as the
    /// key: never as a number, so ratings are never averaged.
    pub enum ScalePoint {
        GoingWell => "going-well", "Going well";
        Unsure => "unsure", "Unsure";
        NotGoingWell => "not-going-well", "Not going well";
        VeryGood => "very-good", "Very good";
        Good => "good", "Good";
        Okay => "okay", "Okay";
        Poor => "poor", "Poor";
        VeryPoor => "very-poor", "Very poor";
    }
}
impl ScalePoint {
    pub fn scale(self) -> Scale {
        match self {
            ScalePoint::GoingWell | ScalePoint::Unsure | ScalePoint::NotGoingWell => {
                Scale::ThreePoint
            }
            _ => Scale::FiveStep,
        }
    }

    /// Steps from the best point of its scale (0 is the best).
    pub fn step(self) -> u8 {
        let position = self
            .scale()
            .choices()
            .iter()
            .position(|p| *p == self)
            .unwrap_or(0);
        position as u8
    }
}
impl Scale {
    /// The points of the scale, best first.
    pub fn choices(self) -> &'static [ScalePoint] {
        match self {
            Scale::ThreePoint => &ScalePoint::ALL[..3],
            Scale::FiveStep => &ScalePoint::ALL[3..],
        }
    }
}
