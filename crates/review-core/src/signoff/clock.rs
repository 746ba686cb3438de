//! Is the tablet's clock to be believed at sign-off? The signing time goes
//! into the signed summary and cannot be changed afterwards, so a clock that
//! is clearly wrong is questioned before the review is signed, in words.
//!
//! [`clock_doubt`] is pure: the app passes its clock's `now` and the last
//! time it saved anything (the device's own record, when it has one). It
//! doubts the clock when `now` is
//! - before any of the review's own times (started, last changed, a
//!   sign-off, an amendment, locked): those were written by a clock too, so
//!   one of the two is wrong;
//! - more than [`BEFORE_LAST_SAVED`] before the last saved time (a clock set
//!   back; small steps back happen when a clock is corrected, so a day is
//!   allowed);
//! - more than [`AFTER_LAST_SAVED`] after the last saved time (a clock set
//!   years ahead, or a tablet left unused for weeks with its clock lost: a
//!   review is saved at every answer, so the meeting itself is never that
//!   long).
//!
//! A doubt is a question, never a refusal: the worker may know better.

use crate::review::Review;
use crate::tr;
use crate::words::long_moment;
use chrono::{DateTime, Duration, FixedOffset};
use std::fmt;

type Timestamp = DateTime<FixedOffset>;

/// How far `now` may be before the last saved time without doubt.
pub const BEFORE_LAST_SAVED: Duration = Duration::hours(24);
/// How far `now` may be after the last saved time without doubt.
pub const AFTER_LAST_SAVED: Duration = Duration::days(14);

/// Which of the review's own times the clock is before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewMoment {
    Started,
    LastChanged,
    SignedBySomeone,
    Amended,
    Locked,
}

impl ReviewMoment {
    /// "The tablet’s clock says {now}, which is before this review was
    /// started ({at})": one whole message for each moment.
    fn before(self, now: String, at: String) -> String {
        match self {
            ReviewMoment::Started => tr!("The tablet’s clock says {now}, which is before this review was started ({at}).", now = now, at = at),
            ReviewMoment::LastChanged => tr!("The tablet’s clock says {now}, which is before this review was last changed ({at}).", now = now, at = at),
            ReviewMoment::SignedBySomeone => tr!("The tablet’s clock says {now}, which is before someone signed this review ({at}).", now = now, at = at),
            ReviewMoment::Amended => tr!("The tablet’s clock says {now}, which is before this review was amended ({at}).", now = now, at = at),
            ReviewMoment::Locked => tr!("The tablet’s clock says {now}, which is before this review was locked ({at}).", now = now, at = at),
        }
    }
}

/// Why the clock looks wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClockDoubt {
    /// `now` is before one of the review's own times (the latest such).
    BeforeReview {
        now: Timestamp,
        moment: ReviewMoment,
        at: Timestamp,
    },
    /// `now` is more than [`BEFORE_LAST_SAVED`] before the last save.
    LongBeforeLastSaved { now: Timestamp, saved: Timestamp },
    /// `now` is more than [`AFTER_LAST_SAVED`] after the last save.
    FarAfterLastSaved { now: Timestamp, saved: Timestamp },
}

fn check() -> String {
    tr!("Check the date and time in the tablet’s settings before signing: the summary records when it was signed, and that cannot be changed afterwards.")
}

impl fmt::Display for ClockDoubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClockDoubt::BeforeReview { now, moment, at } => write!(
                f,
                "{} {}",
                moment.before(long_moment(now), long_moment(at)),
                check()
            ),
            ClockDoubt::LongBeforeLastSaved { now, saved } => write!(
                f,
                "{} {}",
                tr!("The tablet’s clock says {now}, more than a day before this tablet last saved anything ({saved}).", now = long_moment(now), saved = long_moment(saved)),
                check()
            ),
            ClockDoubt::FarAfterLastSaved { now, saved } => write!(
                f,
                "{} {}",
                tr!("The tablet’s clock says {now}, more than two weeks after this tablet last saved anything ({saved}).", now = long_moment(now), saved = long_moment(saved)),
                check()
            ),
        }
    }
}

/// The review's own times, each with what it is.
fn moments(review: &Review) -> Vec<(ReviewMoment, Timestamp)> {
    let mut all = vec![
        (ReviewMoment::Started, review.created_at),
        (ReviewMoment::LastChanged, review.updated_at),
    ];
    all.extend(
        review
            .sign_offs
            .iter()
            .map(|s| (ReviewMoment::SignedBySomeone, s.signed_at)),
    );
    all.extend(
        review
            .amends
            .as_ref()
            .map(|a| (ReviewMoment::Amended, a.amended_at)),
    );
    all.extend(review.finalised_at.map(|t| (ReviewMoment::Locked, t)));
    all
}

/// Whether the clock's `now` is to be doubted when signing `review`, given
/// the last time this device saved anything (`None` when it has no record).
pub fn clock_doubt(
    review: &Review,
    now: &Timestamp,
    last_saved: Option<&Timestamp>,
) -> Option<ClockDoubt> {
    // The latest of the review's times that `now` is before says most.
    let before = moments(review)
        .into_iter()
        .filter(|(_, at)| now < at)
        .max_by_key(|(_, at)| *at);
    if let Some((moment, at)) = before {
        return Some(ClockDoubt::BeforeReview {
            now: *now,
            moment,
            at,
        });
    }
    let saved = *last_saved?;
    if *now < saved - BEFORE_LAST_SAVED {
        return Some(ClockDoubt::LongBeforeLastSaved { now: *now, saved });
    }
    if *now > saved + AFTER_LAST_SAVED {
        return Some(ClockDoubt::FarAfterLastSaved { now: *now, saved });
    }
    None
}
