//! One module per screen of the meeting. Views only show the review and send
//! `Command`s; every rule is in `review-core`.

mod criteria;
mod delete;
mod device_settings;
mod home;
mod overview;
mod process;
mod readiness;
mod shell;
mod taking_part;
mod who_is_here;

pub use criteria::Criteria;
pub use delete::DeleteReview;
pub use device_settings::DeviceSettingsPage;
pub use home::Home;
pub use overview::Overview;
pub use process::HowWeReview;
pub use readiness::Readiness;
pub use shell::ReviewShell;
pub use taking_part::{PersonSupport, TakingPart};
pub use who_is_here::{PersonDetails, WhoIsHere};

use review_core::progress::{self, Part, Status};
use review_core::Review;

/// The parts of this meeting that have a screen in this build, in order.
/// The review proper (P19–P22) is modelled in the core; its screens join the
/// task list as they are built, so the list never links to a missing page.
pub fn task_list_parts(review: &Review) -> Vec<Part> {
    progress::parts(review)
        .into_iter()
        .filter(|p| Part::GETTING_READY.contains(p))
        .collect()
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
