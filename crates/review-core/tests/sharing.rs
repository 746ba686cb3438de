//! Who may see what (P23): every item of the review with whose words it is
//! and its visibility, the default the agreement makes, a choice per item,
//! and which copies may hold each visibility.

mod common;

use common::*;
use review_core::sharing::{items, visibility_of, written_items, ItemKind, OTHER_VIEWS};
use review_core::*;
use std::collections::BTreeSet;

#[test]
fn the_test_review_has_an_item_of_every_kind_each_with_a_visibility() {
    let review = part_two_complete();
    let kinds: BTreeSet<String> = written_items(&review)
        .iter()
        .map(|i| format!("{:?}", i.kind))
        .collect();
    let all: BTreeSet<String> = ItemKind::ALL.iter().map(|k| format!("{k:?}")).collect();
    assert_eq!(kinds, all);
    for item in written_items(&review) {
        assert!(item.visibility.is_some(), "{}", item.key);
        assert!(!item.kind.label().is_empty());
    }
}

#[test]
fn items_say_whose_words_they_are() {
    let review = part_two_complete();
    let said = |key: &str| {
        items(&review)
            .into_iter()
            .find(|i| i.key == key)
            .and_then(|i| i.said_by)
    };
    assert_eq!(said(EVIDENCE).as_deref(), Some("Ayesha Hughes, carer"));
    assert_eq!(
        said(CAFE_DIFFICULTY).as_deref(),
        Some("Everyone at the meeting")
    );
    assert_eq!(said(CAFE_CHANGE).as_deref(), Some("Not recorded"));
    assert_eq!(said(ALLOWANCE_BENEFIT).as_deref(), Some("Ayesha's sister"));
}

#[test]
fn an_item_has_the_default_until_one_is_chosen_for_it() {
    let review = part_two_complete();
    assert_eq!(
        visibility_of(&review, CAFE_BENEFIT),
        Some(Visibility::Everyone)
    );
    assert_eq!(
        visibility_of(&review, EVIDENCE),
        Some(Visibility::NotProviders)
    );
    let review = with_applied(
        review,
        [Command::SetDefaultVisibility(Visibility::NotIndividual)],
    );
    // The default moves the items without a choice of their own, only.
    assert_eq!(
        visibility_of(&review, CAFE_BENEFIT),
        Some(Visibility::NotIndividual)
    );
    assert_eq!(
        visibility_of(&review, EVIDENCE),
        Some(Visibility::NotProviders)
    );
    assert_eq!(
        visibility_of(&review, OTHER_VIEWS),
        Some(Visibility::NotIndividual)
    );
}

#[test]
fn an_agreement_from_before_visibility_decides_nothing() {
    let review = part_one_before_visibility();
    assert_eq!(visibility_of(&review, OTHER_VIEWS), None);
}

#[test]
fn only_an_item_of_the_review_can_have_a_visibility() {
    let review = part_two_complete();
    for key in ["", "nobody", "outcome/anything", RESTRICTION, CARER] {
        let mut r = review.clone();
        let result = r.apply(
            Command::SetVisibility {
                item: key.into(),
                visibility: Visibility::NotCarer,
            },
            edited(),
        );
        assert_eq!(result, Err(DomainError::UnknownItem), "{key:?}");
        assert_eq!(r, review);
    }
}

#[test]
fn a_removed_item_takes_its_visibility_with_it() {
    let review = part_two_complete();
    assert!(review.visibility.contains_key(EVIDENCE));
    let review = with_applied(
        review,
        [Command::RemoveEvidence {
            id: EVIDENCE.into(),
        }],
    );
    assert!(!review.visibility.contains_key(EVIDENCE));
    assert!(review.visibility.contains_key(OTHER_VIEWS));
}

/// Which copies may hold an item of each visibility (the records copy holds
/// every item).
#[test]
fn each_visibility_keeps_an_item_out_of_the_copies_it_names() {
    use RecipientKind::*;
    let table: [(Visibility, [bool; 6]); 5] = [
        // carer, individual, GP, carers' team, provider, someone else
        (Visibility::Everyone, [true, true, true, true, true, true]),
        (
            Visibility::NotIndividual,
            [true, false, true, true, true, true],
        ),
        (Visibility::NotCarer, [false, true, true, true, true, true]),
        (
            Visibility::NotProviders,
            [true, true, false, true, false, true],
        ),
        (Visibility::WorkerAndRecords, [false; 6]),
    ];
    for (visibility, allowed) in table {
        let got: Vec<bool> = [Carer, Individual, Gp, CarersTeam, Provider, Other]
            .into_iter()
            .map(|k| visibility.allows(k))
            .collect();
        assert_eq!(got, allowed, "{visibility:?}");
        assert_eq!(Visibility::from_key(visibility.key()), Some(visibility));
        assert!(!visibility.label().is_empty() && visibility.hint().ends_with('.'));
    }
}
