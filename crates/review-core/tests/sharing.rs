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
    let review = signed_off_review();
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
    // The views: the carer's and the individual's by whose they are, the
    // other views by who was chosen.
    assert_eq!(
        said(review_core::sharing::CARER_VIEW).as_deref(),
        Some("Ayesha Hughes, carer")
    );
    assert!(said(OTHER_VIEWS).unwrap().starts_with("Tom"));
    let summary = serde_json::to_value(
        review_core::summary::Summary::from_review(
            &signed_off_review(),
            SUMMARY_ID,
            "0.1.0",
            "en-GB",
            &signed_off_review().finalised_at.unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        summary["outcome"]["otherViewsSaidBy"],
        serde_json::json!({"kind": "participant", "id": KEY_PERSON})
    );
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

/// What the check page shows whoever holds the tablet, and what a sign-off
/// records of it.
#[test]
fn each_signature_records_what_its_signer_was_shown() {
    let review = signed_off_review();
    let shown: Vec<(String, Option<Shown>)> = review
        .sign_offs
        .iter()
        .map(|s| (s.participant.clone(), s.shown))
        .collect();
    assert_eq!(
        shown,
        [
            (CARER.to_string(), Some(Shown::CarerCopy)),
            (INDIVIDUAL.to_string(), Some(Shown::IndividualCopy)),
            (KEY_PERSON.to_string(), Some(Shown::EveryoneOnly)),
            (WORKER.to_string(), Some(Shown::Everything)),
        ]
    );
}

#[test]
fn what_each_view_shows() {
    use Visibility::*;
    let all = [
        Everyone,
        NotIndividual,
        NotCarer,
        NotProviders,
        WorkerAndRecords,
    ];
    let shows = |s: Shown| -> Vec<bool> { all.iter().map(|v| s.shows(Some(*v))).collect() };
    assert_eq!(shows(Shown::Everything), [true; 5]);
    assert_eq!(shows(Shown::CarerCopy), [true, true, false, true, false]);
    assert_eq!(
        shows(Shown::IndividualCopy),
        [true, false, true, true, false]
    );
    assert_eq!(
        shows(Shown::EveryoneOnly),
        [true, false, false, false, false]
    );
    // Nothing decided (a review from before visibility): nothing to hold back.
    assert!(Shown::EveryoneOnly.shows(None));
}

#[test]
fn the_carers_view_holds_no_item_marked_not_the_carer() {
    let review = with_applied(
        part_two_complete(),
        [
            Command::SetVisibility {
                item: CAFE_BENEFIT.into(),
                visibility: Visibility::NotCarer,
            },
            Command::PassTablet { to: CARER.into() },
        ],
    );
    let shown = review_core::sharing::shown_now(&review);
    assert_eq!(shown, Shown::CarerCopy);
    let seen: Vec<String> = written_items(&review)
        .into_iter()
        .filter(|i| shown.shows(i.visibility))
        .map(|i| i.key)
        .collect();
    assert!(!seen.contains(&CAFE_BENEFIT.to_string()));
    assert!(seen.contains(&EVIDENCE.to_string()));
}

/// A review signed off before the default was asked is complete as it was
/// signed: its parts stay open to read, nothing is asked of it.
#[test]
fn a_review_signed_before_the_default_was_asked_asks_nothing() {
    let mut review = signed_off_review();
    review.process.confidentiality.default_visibility = None;
    assert_eq!(review_core::validate::process(&review), []);
}

/// What someone says as they sign is an item too: its visibility is the one
/// chosen as they signed, or the agreement's default.
#[test]
fn words_said_at_signing_have_a_visibility() {
    let review = signed_off_review();
    let words: Vec<(String, Option<Visibility>)> = written_items(&review)
        .into_iter()
        .filter(|i| i.kind == ItemKind::SignOffWords)
        .map(|i| (i.key, i.visibility))
        .collect();
    assert_eq!(
        words,
        [
            (format!("sign-off/{CARER}"), Some(Visibility::Everyone)),
            (
                format!("sign-off/{KEY_PERSON}"),
                Some(Visibility::NotIndividual)
            ),
        ]
    );
    let v = serde_json::to_value(
        review_core::summary::Summary::from_review(
            &review,
            SUMMARY_ID,
            "0.1.0",
            "en-GB",
            &review.finalised_at.unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(v["signOffs"][2]["decision"]["visibility"], "not-individual");
    assert_eq!(v["signOffs"][0]["decision"]["visibility"], "everyone");
}

/// A service's copy holds its own feedback and actions, found by its name:
/// a copy whose name matches no service and no action's owner would hold
/// nothing of its own, and is named so the worker can put it right.
#[test]
fn a_service_copy_matching_no_service_and_no_action_is_named() {
    let mut r = common::part_two_complete();
    // "Crossroads Care" owns an action: its copy holds that.
    assert!(review_core::sharing::provider_copies_matching_nothing(&r).is_empty());
    let action = r.actions.iter_mut().find(|a| a.id == "action-2").unwrap();
    action.owner = Some(review_core::Person::Named {
        name: "Someone else".into(),
    });
    assert_eq!(
        review_core::sharing::provider_copies_matching_nothing(&r),
        ["Crossroads Care"]
    );
    // A service by the same name, written another way, is theirs.
    r.resources[0].name = "  crossroads   CARE ".into();
    assert!(review_core::sharing::provider_copies_matching_nothing(&r).is_empty());
    // A service copy with no name yet is left to the name's own check.
    r.resources[0].name = "Carers' café".into();
    r.process.confidentiality.copies[2].name = " ".into();
    assert!(review_core::sharing::provider_copies_matching_nothing(&r).is_empty());
}
