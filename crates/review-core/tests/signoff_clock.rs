//! The clock check at sign-off (`signoff::clock_doubt`): a clock before the
//! review's own times, long before the last save, or far after it is
//! questioned in words; a clock that agrees with them is not. Every time
//! here is made up: the core has no clock.

mod common;

use common::*;
use review_core::signoff::{clock_doubt, ClockDoubt, ReviewMoment};
use review_core::*;

/// The signed-off test review's times: started 24 November 2026 (see
/// `common`), signatures until 11:58, locked by the worker's.
fn locked() -> Review {
    signed_off_review()
}

#[test]
fn a_clock_that_agrees_with_the_review_and_the_last_save_is_not_doubted() {
    let review = locked();
    let finalised = review.finalised_at.unwrap();
    let cases = [
        (finalised, None),
        (finalised, Some(finalised)),
        (finalised + chrono::Duration::seconds(1), Some(finalised)),
        // A clock corrected back a few hours.
        (finalised, Some(finalised + chrono::Duration::hours(23))),
        // Signed the next week, after a long weekend.
        (finalised + chrono::Duration::days(13), Some(finalised)),
    ];
    for (now, saved) in cases {
        assert_eq!(clock_doubt(&review, &now, saved.as_ref()), None, "{now}");
    }
}

#[test]
fn a_clock_before_the_reviews_own_times_is_doubted_naming_the_latest() {
    let review = locked();
    let finalised = review.finalised_at.unwrap();
    let first_signature = review.sign_offs.iter().map(|s| s.signed_at).min().unwrap();
    let cases = [
        (
            finalised - chrono::Duration::seconds(1),
            ReviewMoment::Locked,
            finalised,
        ),
        (
            first_signature - chrono::Duration::seconds(1),
            ReviewMoment::Locked,
            finalised,
        ),
        (
            review.created_at - chrono::Duration::days(400),
            ReviewMoment::Locked,
            finalised,
        ),
    ];
    for (now, moment, at) in cases {
        assert_eq!(
            clock_doubt(&review, &now, None),
            Some(ClockDoubt::BeforeReview { now, moment, at }),
            "{now}"
        );
    }
    // Before any signature or the lock: the review's start or last change.
    let draft = part_two_complete();
    let now = draft.created_at - chrono::Duration::minutes(5);
    let Some(ClockDoubt::BeforeReview { moment, .. }) = clock_doubt(&draft, &now, None) else {
        panic!("doubted")
    };
    assert!(
        matches!(moment, ReviewMoment::LastChanged | ReviewMoment::Started),
        "{moment:?}"
    );
}

#[test]
fn a_clock_far_from_the_last_save_is_doubted() {
    let review = locked();
    let finalised = review.finalised_at.unwrap();
    let saved = finalised + chrono::Duration::days(3);
    let back = saved - chrono::Duration::hours(25);
    assert_eq!(
        clock_doubt(&review, &back, Some(&saved)),
        Some(ClockDoubt::LongBeforeLastSaved { now: back, saved })
    );
    let ahead = finalised + chrono::Duration::days(15);
    assert_eq!(
        clock_doubt(&review, &ahead, Some(&finalised)),
        Some(ClockDoubt::FarAfterLastSaved {
            now: ahead,
            saved: finalised
        })
    );
    // The review's own times say more than the last save.
    let long_ago = at("2020-01-01T00:00:00+00:00");
    assert!(matches!(
        clock_doubt(&review, &long_ago, Some(&saved)),
        Some(ClockDoubt::BeforeReview { .. })
    ));
}

#[test]
fn a_doubt_is_in_words_with_both_times() {
    let review = locked();
    let finalised = review.finalised_at.unwrap();
    let now = at("2026-11-24T09:00:00+00:00");
    assert_words(
        &clock_doubt(&review, &now, None).unwrap(),
        &format!("The tablet’s clock says 24 November 2026 at 09:00, which is before this review was locked ({}). Check the date and time in the tablet’s settings before signing: the summary records when it was signed, and that cannot be changed afterwards.", review_core::words::long_moment(&finalised)),
    );
    let saved = at("2026-11-30T10:00:00+00:00");
    let later = at("2026-12-20T10:00:00+00:00");
    assert!(clock_doubt(&review, &later, Some(&saved))
        .unwrap()
        .to_string()
        .starts_with("The tablet’s clock says 20 December 2026 at 10:00, more than two weeks after this tablet last saved anything (30 November 2026 at 10:00)."));
    let back = at("2026-11-28T10:00:00+00:00");
    assert!(clock_doubt(&review, &back, Some(&saved))
        .unwrap()
        .to_string()
        .starts_with("The tablet’s clock says 28 November 2026 at 10:00, more than a day before this tablet last saved anything (30 November 2026 at 10:00)."));
}
