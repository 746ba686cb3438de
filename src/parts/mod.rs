//! One module per screen of the meeting. Views only show the review and send
//! `Command`s; every rule is in `review-core`. Screens never use each other
//! or this module: what two screens share is in `components`.

mod amend;
mod backup;
mod check;
mod check_file;
mod copy;
mod cover;
mod criteria;
mod delete;
mod device_settings;
mod escalations;
mod hand_on;
mod home;
mod outcome;
mod overview;
mod pause;
mod privacy;
mod process;
mod rate;
mod readiness;
mod services;
mod shell;
mod sign_off;
mod summary;
mod taking_part;
mod team;
mod team_keys;
mod who_is_here;

pub use amend::Amend;
pub use backup::{BackupDownload, OpenBackup, RecoveryCodePage};
pub use check::CheckAnswers;
pub use check_file::CheckSummary;
pub use copy::ReadableCopy;
pub use cover::Cover;
pub use criteria::Criteria;
pub use delete::DeleteReview;
pub use device_settings::DeviceSettingsPage;
pub use escalations::Escalations;
pub use hand_on::HandOnPage;
pub use home::Home;
pub use outcome::ActionsAndOutcome;
pub use overview::Overview;
pub use privacy::{use_lock, Lock, LockGate, PinPage, RemoveAllPage};
pub use process::HowWeReview;
pub use rate::{RateCriterion, Ratings};
pub use readiness::Readiness;
pub use services::Services;
pub use shell::ReviewShell;
pub use sign_off::SignOff;
pub use summary::{SigningKeyPage, SummaryDownload};
pub use taking_part::{PersonSupport, TakingPart};
pub use team::{dated, TeamConfigPage, TeamContacts};
pub use team_keys::TeamKeysPage;
pub use who_is_here::{PersonDetails, WhoIsHere};
