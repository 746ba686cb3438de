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
