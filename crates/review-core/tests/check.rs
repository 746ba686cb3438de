//! The check page's rows: each part's answers as (what, answer, where to
//! change it), built by the core so the view only shows them.

mod common;

use common::*;
use review_core::check::rows_of;
use review_core::progress::{parts, Part};

#[test]
fn every_part_of_a_full_review_has_rows_that_link_back_to_it() {
    let review = part_two_complete();
    for part in parts(&review) {
        let rows = rows_of(&review, part);
        assert!(!rows.is_empty(), "{part:?} has no rows");
        for row in &rows {
            assert!(
                !row.value.trim().is_empty(),
                "{part:?}: {} is empty",
                row.key
            );
            let (path, what) = row.change.as_ref().expect("every row can be changed");
            assert!(!path.starts_with('/'), "{path} is under the review");
            assert!(!what.is_empty());
        }
    }
}

#[test]
fn rows_say_what_was_answered() {
    let review = part_two_complete();
    let services = rows_of(&review, Part::Services);
    let cafe = services.iter().find(|r| r.key == "Carers' café").unwrap();
    // What was said about it is in its items, each with who may see it.
    assert_eq!(cafe.value, "A support group. Change it");
    assert!(services.iter().all(|r| !r.value.contains("nearer home")));
    let how = rows_of(&review, Part::HowWeReview);
    let copies = how.iter().find(|r| r.key == "Copies go to").unwrap();
    assert_eq!(
        copies.value,
        "The records, the carer, the person cared for, Crossroads Care"
    );
    let who = rows_of(&review, Part::WhoIsHere);
    assert!(who
        .iter()
        .any(|r| r.key == "Carer" && r.value.starts_with("Ayesha Hughes")));
    assert_eq!(
        who[0].change.as_ref().unwrap().0,
        format!("who/{}", review.participants[0].id)
    );
    let outcome = rows_of(&review, Part::Outcome);
    assert!(outcome
        .iter()
        .any(|r| r.key == "Next review" && r.value == "19 January 2027"));
    // An answer not given says so.
    let fresh = new_review();
    let how = rows_of(&fresh, Part::HowWeReview);
    assert!(how.iter().any(|r| r.key == "Why" && r.value == "Not given"));
}

/// What must not be shared names what it protects: its row is the worker's
/// only, never shown during someone else's turn.
#[test]
fn what_must_not_be_shared_is_for_the_worker_only() {
    let review = part_two_complete();
    let how = rows_of(&review, Part::HowWeReview);
    let limits = how.iter().find(|r| r.key == "Must not be shared").unwrap();
    assert!(limits.worker_only);
    assert!(how.iter().filter(|r| r.worker_only).count() == 1);
}

/// Issue 26: the check page may fold its parts while it is looked over,
/// never at the moment of a sign-off: opened from someone's turn to sign,
/// during someone's own turn, once anyone has signed, or signed off.
#[test]
fn the_check_page_is_shown_in_full_whenever_someone_signs_what_it_shows() {
    use review_core::check::shown_in_full;
    use review_core::Command;
    let signed_at = || at("2026-12-06T10:00:00+00:00");
    let mut r = part_two_complete();
    assert!(
        !shown_in_full(&r, false),
        "looked over before signing: may fold"
    );
    assert!(shown_in_full(&r, true), "opened from a turn to sign");
    // The carer holds the tablet: the page is her copy's view, in full.
    r.apply(Command::PassTablet { to: CARER.into() }, signed_at())
        .unwrap();
    assert!(shown_in_full(&r, false), "during the carer's own turn");
    let mut r = part_two_complete();
    let first = review_core::signoff::next_turn(&r).unwrap();
    if let review_core::signoff::Turn::Sign(p) = first {
        r.sign_off(
            &p.id,
            review_core::signoff::SignOffDecision::Agrees,
            review_core::signoff::SignOffMethod::Tap,
            signed_at(),
        )
        .unwrap();
    }
    assert!(r.has_signatures());
    assert!(shown_in_full(&r, false), "once anyone has signed");
    let mut r = part_two_complete();
    sign_everyone(&mut r, signed_at());
    assert!(shown_in_full(&r, false), "signed off");
}

/// The language chosen for someone in P18 (issue 30) is on the check page,
/// as the signed summary records it; the worker is never asked it.
#[test]
fn each_persons_own_language_is_on_the_check_page() {
    use review_core::i18n::Lang;
    use review_core::{Command, DomainError, Role};
    let mut review = part_two_complete();
    apply_all(
        &mut review,
        [Command::SetScreenLanguage {
            id: CARER.into(),
            language: Some(Lang::Ur),
        }],
    );
    let rows = rows_of(&review, Part::TakingPart);
    let carer = rows.iter().find(|r| r.key.starts_with("Ayesha")).unwrap();
    assert!(
        carer.value.contains("the tablet and their copy in Urdu"),
        "{}",
        carer.value
    );
    let worker = review
        .participants_with(Role::Worker)
        .next()
        .unwrap()
        .id
        .clone();
    assert_eq!(
        review.apply(
            Command::SetScreenLanguage {
                id: worker,
                language: Some(Lang::Cy),
            },
            at("2026-11-24T11:42:00+00:00")
        ),
        Err(DomainError::NotAskedOfRole)
    );
    assert_eq!(
        review.apply(
            Command::SetScreenLanguage {
                id: CARER.into(),
                language: Some(Lang::Pseudo),
            },
            at("2026-11-24T11:42:00+00:00")
        ),
        Err(DomainError::LanguageNotOffered)
    );
}
