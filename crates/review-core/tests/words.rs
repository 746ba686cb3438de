//! People and dates in words, one way for every screen and message.

mod common;

use common::*;
use review_core::words::*;
use review_core::*;

#[test]
fn a_person_is_called_by_name_or_by_role() {
    let mut review = new_review();
    let carer = Participant::new("c".into(), Role::Carer);
    assert_eq!(called(&carer), "the carer");
    assert_eq!(possessive(&carer), "the carer's");
    let individual = review.individual().unwrap().clone();
    assert_eq!(called(&individual), "the person being cared for");
    assert_eq!(possessive(&individual), "the person's");
    assert_eq!(review.carer_called(), "the carer");
    apply_all(&mut review, who_is_here_commands());
    assert_eq!(review.carer_called(), "Ayesha Hughes");
    assert_eq!(review.carer_possessive(), "Ayesha Hughes'");
    assert_eq!(review.individual_possessive(), "Joan Hughes'");
    assert_eq!(possessive_of("Sam"), "Sam's");
}

#[test]
fn lists_capitals_and_dates() {
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(and_list(&names(&[])), "");
    assert_eq!(and_list(&names(&["Ayesha"])), "Ayesha");
    assert_eq!(and_list(&names(&["Ayesha", "Joan"])), "Ayesha and Joan");
    assert_eq!(
        and_list(&names(&["Ayesha", "Joan", "Sam"])),
        "Ayesha, Joan and Sam"
    );
    assert_eq!(capitalise("an advocate"), "An advocate");
    assert_eq!(capitalise(""), "");
    assert_eq!(
        long_date(chrono::NaiveDate::from_ymd_opt(2026, 11, 4).unwrap()),
        "4 November 2026"
    );
    assert_eq!(
        long_moment(&at("2026-11-24T11:58:00+00:00")),
        "24 November 2026 at 11:58"
    );
}

#[test]
fn the_people_asked_to_agree_are_those_taking_part_carers_first() {
    let review = with_applied(new_review(), who_is_here_commands());
    let agreers = review.agreers();
    assert_eq!(agreers[0].1, "Ayesha Hughes, carer");
    assert!(agreers.iter().all(|(id, _)| {
        review
            .participant(id)
            .is_some_and(|p| p.role != Role::Worker && p.is_present())
    }));
}

#[test]
fn waits_are_put_in_words_rounded_up_to_the_second() {
    use review_core::words::{long_moment_of, wait_words};
    for (ms, words) in [
        (1, "1 second"),
        (1_000, "1 second"),
        (1_001, "2 seconds"),
        (60_000, "1 minute"),
        (65_000, "1 minute and 5 seconds"),
        (120_000, "2 minutes"),
        (-5, "0 seconds"),
    ] {
        assert_eq!(wait_words(ms), words, "{ms}");
    }
    assert_eq!(
        long_moment_of("2026-11-24T11:58:00+00:00"),
        "24 November 2026 at 11:58"
    );
    assert_eq!(long_moment_of("not a time"), "not a time");
}

#[test]
fn a_count_takes_the_noun_it_needs() {
    use review_core::words::count_of;
    assert_eq!(count_of(0, "device", "devices"), "0 devices");
    assert_eq!(count_of(1, "device", "devices"), "1 device");
    assert_eq!(count_of(12, "device", "devices"), "12 devices");
}
