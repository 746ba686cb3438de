//! The parts of the meeting and their names: the task list's order, the
//! paths of each part's pages and the criterion of the standard it serves.
//! Plain names only; what a part's status is lives in `progress`.

use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A part of the meeting, in the order the task list shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    WhoIsHere,
    TakingPart,
    HowWeReview,
    Criteria,
    Readiness,
    Ratings,
    Services,
    Cover,
    Escalations,
    Outcome,
}

impl Part {
    /// Every part, in meeting order. Show only those that [`Part::applies`].
    pub const ALL: [Part; 10] = [
        Part::WhoIsHere,
        Part::TakingPart,
        Part::HowWeReview,
        Part::Criteria,
        Part::Readiness,
        Part::Ratings,
        Part::Services,
        Part::Cover,
        Part::Escalations,
        Part::Outcome,
    ];

    /// Part 1: getting ready (P17, P18).
    pub const GETTING_READY: [Part; 5] = [
        Part::WhoIsHere,
        Part::TakingPart,
        Part::HowWeReview,
        Part::Criteria,
        Part::Readiness,
    ];

    /// Part 2: the review proper (P19–P23).
    pub const REVIEW_PROPER: [Part; 5] = [
        Part::Ratings,
        Part::Services,
        Part::Cover,
        Part::Escalations,
        Part::Outcome,
    ];

    pub fn title(self) -> String {
        match self {
            Part::WhoIsHere => tr!("Who is here"),
            Part::TakingPart => tr!("Help to take part"),
            Part::HowWeReview => tr!("How we will review"),
            Part::Criteria => tr!("What we will look at"),
            Part::Readiness => tr!("Ready to start"),
            Part::Ratings => tr!("How it is going"),
            Part::Services => tr!("Services and support"),
            Part::Cover => tr!("Support while the carer has time for themselves"),
            Part::Escalations => tr!("Things that need someone else's help"),
            Part::Outcome => tr!("Actions and outcome"),
        }
    }

    /// The path segment of the part's page, under `/review/:id/`.
    pub fn slug(self) -> &'static str {
        match self {
            Part::WhoIsHere => "who",
            Part::TakingPart => "taking-part",
            Part::HowWeReview => "process",
            Part::Criteria => "criteria",
            Part::Readiness => "ready",
            Part::Ratings => "rate",
            Part::Services => "services",
            Part::Cover => "cover",
            Part::Escalations => "escalations",
            Part::Outcome => "outcome",
        }
    }

    /// The criteria of SCDHSC0387 the part serves: for the worker's
    /// "About this part" note and the records, never the words people read
    /// in the room.
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            Part::WhoIsHere | Part::TakingPart | Part::Readiness => &["P18"],
            Part::HowWeReview | Part::Criteria => &["P17"],
            Part::Ratings => &["P19"],
            Part::Services => &["P20"],
            Part::Cover => &["P21"],
            Part::Escalations => &["P22"],
            Part::Outcome => &["P23"],
        }
    }

    /// Whether the part belongs to getting ready (P17, P18) rather than the
    /// review proper.
    pub fn is_getting_ready(self) -> bool {
        Part::GETTING_READY.contains(&self)
    }

    /// The small text over the part's heading: its stage, in plain words.
    pub fn caption(self) -> String {
        if self.is_getting_ready() {
            tr!("Getting ready")
        } else {
            tr!("The review")
        }
    }

    /// Its pages after the first, each as (path under the part's, heading).
    /// Most parts are one page; a part with more to ask than three screens
    /// hold is asked over more, one after the other, and is done when all are
    /// (their headings: `page_title`).
    fn later_pages(self) -> &'static [&'static str] {
        match self {
            Part::HowWeReview => &["sharing"],
            Part::Outcome => &["decision", "views"],
            _ => &[],
        }
    }

    /// How many pages it is asked over.
    pub fn page_count(self) -> usize {
        1 + self.later_pages().len()
    }

    /// The heading of its page `page` (from 0; the first is the part's title).
    pub fn page_title(self, page: usize) -> String {
        match (self, page) {
            (Part::HowWeReview, 1) => tr!("Keeping things private"),
            (Part::Outcome, 1) => tr!("The outcome"),
            (Part::Outcome, 2) => tr!("What everyone thinks of it"),
            _ => self.title(),
        }
    }

    /// The path of its page `page` under `/review/:id/`, e.g. `process/sharing`.
    pub fn page_path(self, page: usize) -> String {
        match page.checked_sub(1).and_then(|n| self.later_pages().get(n)) {
            None => self.slug().to_string(),
            Some(slug) => format!("{}/{slug}", self.slug()),
        }
    }

    /// Which of its pages asks the answer with the field id `field` (0 on a
    /// part of one page): an error is shown, and Continue checked, on the
    /// page that asks it.
    pub fn page_of(self, field: &str) -> usize {
        match self {
            // The sharing agreement and who agrees to it all.
            Part::HowWeReview
                if field.starts_with("copy-")
                    || field.starts_with("restriction-")
                    || field == "default-visibility"
                    || field == "process-agreement" =>
            {
                1
            }
            Part::Outcome
                if field.starts_with("action-")
                    || field.starts_with("last-action-")
                    || field == "add-action" =>
            {
                0
            }
            // Everyone's view of the outcome, on a page of its own.
            Part::Outcome
                if [
                    "outcome-carer-view",
                    "outcome-individual-view",
                    "outcome-other-views",
                ]
                .iter()
                .any(|view| field.starts_with(view)) =>
            {
                2
            }
            // The decision, why, and the next review.
            Part::Outcome => 1,
            _ => 0,
        }
    }
}
