//! How long signed-off reviews stay on the device: once the summary has gone
//! to the records team, the device need not keep the review. Drafts are
//! never removed by time.

use crate::model::{Review, ReviewState, Timestamp};

/// Days a signed-off review stays on the device unless the worker chooses.
pub const DEFAULT_DAYS: u32 = 30;
/// The choices offered in the device settings.
pub const CHOICES: [u32; 5] = [7, 14, 30, 60, 90];

/// When a review leaves the device: `days` after it was signed off.
pub fn removal_due(review: &Review, days: u32) -> Option<Timestamp> {
    if review.state != ReviewState::SignedOff {
        return None;
    }
    review
        .finalised_at
        .map(|t| t + chrono::Duration::days(i64::from(days)))
}

/// Whether a review is due to be removed at `now`.
pub fn is_due(review: &Review, days: u32, now: &Timestamp) -> bool {
    removal_due(review, days).is_some_and(|due| due <= *now)
}
