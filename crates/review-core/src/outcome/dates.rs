//! Actions and outcome (P23): when the next review falls due.

use crate::model::*;
use chrono::{Days, Months, NaiveDate};

/// Weeks after the review that a changed plan is reviewed again. Guidance
/// says 6 to 8 weeks; we take 8, the end of that window, so the changes
/// have had time to start before they are judged, and the date is still
/// inside the window if the meeting slips a little earlier.
pub const WEEKS_AFTER_A_NEW_PLAN: u64 = 8;

/// Months after the review that an unchanged plan is reviewed again.
pub const MONTHS_AFTER_NO_CHANGE: u32 = 12;

/// The next review date unless the meeting chose another: 12 months after
/// the review, or 8 weeks when the outcome changes the plan. A review on
/// 29 February falls due on 28 February a year later.
pub fn default_next_review(review: &Review) -> NaiveDate {
    let date = review.date();
    let next = if review
        .outcome
        .decision
        .is_some_and(OutcomeDecision::changes_plan)
    {
        date.checked_add_days(Days::new(7 * WEEKS_AFTER_A_NEW_PLAN))
    } else {
        date.checked_add_months(Months::new(MONTHS_AFTER_NO_CHANGE))
    };
    next.unwrap_or(NaiveDate::MAX)
}

/// The next review date: the one chosen at the meeting, or the default.
pub fn next_review(review: &Review) -> NaiveDate {
    review
        .outcome
        .next_review
        .unwrap_or_else(|| default_next_review(review))
}
