//! One module per screen of the meeting. Views only show the review and send
//! `Command`s; every rule is in `review-core`.

mod backup;
mod cover;
mod criteria;
mod delete;
mod device_settings;
mod escalations;
mod home;
mod outcome;
mod overview;
mod privacy;
mod process;
mod rate;
mod readiness;
mod services;
mod shell;
mod sign_off;
mod summary;
mod taking_part;
mod who_is_here;

pub use backup::{BackupDownload, OpenBackup};
pub use cover::Cover;
pub use criteria::Criteria;
pub use delete::DeleteReview;
pub use device_settings::DeviceSettingsPage;
pub use escalations::Escalations;
pub use home::Home;
pub use outcome::ActionsAndOutcome;
pub use overview::Overview;
pub use privacy::{use_lock, Lock, LockGate, PinPage, RemoveAllPage};
pub use process::HowWeReview;
pub use rate::{RateCriterion, Ratings};
pub use readiness::Readiness;
pub use services::Services;
pub use shell::ReviewShell;
pub use sign_off::{Amend, CheckAnswers, SignOff};
pub use summary::{CheckSummary, SigningKeyPage, SummaryDownload};
pub use taking_part::{PersonSupport, TakingPart};
pub use who_is_here::{PersonDetails, WhoIsHere};

use review_core::progress::{self, Part, Status};
use review_core::Review;

/// The parts of this meeting (those whose agenda item is in use), in order.
pub fn task_list_parts(review: &Review) -> Vec<Part> {
    progress::parts(review)
}

/// Whether getting ready is finished, so the review proper can start: the
/// readiness check (P18) and the agreed process and criteria (P17) all done.
pub fn ready_for_review_proper(review: &Review) -> bool {
    Part::GETTING_READY
        .iter()
        .all(|p| p.status(review) == Status::Done)
}

/// How many of [`task_list_parts`] are done, out of how many.
pub fn parts_done(review: &Review) -> (usize, usize) {
    let parts = task_list_parts(review);
    let done = parts
        .iter()
        .filter(|p| p.status(review) == Status::Done)
        .count();
    (done, parts.len())
}

/// The people asked to agree (P17): everyone taking part except the worker,
/// carers first, since their agreement is the one the review needs (and an
/// error summary link lands on the first box).
pub fn agreers(review: &Review) -> Vec<(String, String)> {
    let mut people: Vec<_> = review
        .participants
        .iter()
        .filter(|p| p.is_present() && p.role != review_core::Role::Worker)
        .collect();
    people.sort_by_key(|p| p.role != review_core::Role::Carer);
    people
        .into_iter()
        .map(|p| (p.id.clone(), p.display_name()))
        .collect()
}

/// "an advocate" -> "An advocate", for text that starts a sentence or a row.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
