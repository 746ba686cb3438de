//! The list pattern's data: which card a field belongs to, what the page
//! calls it, how each card stands, and which opens first.

mod common;

use common::*;
use review_core::lists::{labelled, CardStatus, ListKind};
use review_core::validate::{ids, FieldError};
use review_core::*;

#[test]
fn fields_are_owned_by_their_card_and_named_as_the_page_names_it() {
    let review = part_two_complete();
    let cases = [
        (
            ListKind::Services,
            ids::resource(CAFE, "name"),
            Some(CAFE),
            "Carers' café",
        ),
        (ListKind::Services, ids::gap(GAP, "what"), None, "Gap 1"),
        (
            ListKind::Cover,
            ids::cover(SITTER, "kind"),
            Some(SITTER),
            "Arrangement 1",
        ),
        (
            ListKind::Cover,
            ids::cover_risk(SITTER_RISK, "risk"),
            Some(SITTER),
            "Arrangement 1, risk 1",
        ),
        (
            ListKind::Actions,
            ids::action(ACTION_2, "owner"),
            Some(ACTION_2),
            "Action 2",
        ),
    ];
    for (kind, field, card, label) in cases {
        assert_eq!(
            kind.owner_of(&review, &field),
            Some((card.map(String::from), label.to_string())),
            "{field}"
        );
        assert_eq!(kind.card_of(&review, &field).as_deref(), card, "{field}");
    }
    assert_eq!(ListKind::Cover.owner_of(&review, "cover-needed"), None);
}

#[test]
fn a_card_stands_by_its_own_errors() {
    let review = part_two_complete();
    assert_eq!(
        ListKind::Services.status_of(&review, CAFE),
        CardStatus::Done
    );
    assert_eq!(ListKind::Services.first_unfinished(&review), None);
    let mut unfinished = review.clone();
    apply_all(&mut unfinished, [Command::AddResource { id: "new".into() }]);
    assert_eq!(
        ListKind::Services.status_of(&unfinished, "new"),
        CardStatus::NotFinished
    );
    assert_eq!(
        ListKind::Services.first_unfinished(&unfinished).as_deref(),
        Some("new")
    );
    let attention = FieldError {
        field: "x".into(),
        message: "y".into(),
        attention: true,
    };
    assert_eq!(CardStatus::of(&[attention]), CardStatus::NeedsAttention);
    assert_eq!(CardStatus::NeedsAttention.label(), "Needs attention");
}

#[test]
fn a_message_names_its_card_once() {
    let review = part_two_complete();
    let e = FieldError {
        field: ids::cover_risk(SITTER_RISK, "management"),
        message: "Enter how it will be managed".into(),
        attention: false,
    };
    assert_eq!(
        labelled(&review, ListKind::Cover, &e).message,
        "Arrangement 1, risk 1: Enter how it will be managed"
    );
    let named = FieldError {
        message: "Arrangement 1, risk 1 is missing".into(),
        ..e
    };
    assert_eq!(
        labelled(&review, ListKind::Cover, &named).message,
        named.message
    );
    assert_eq!(ListKind::Cover.first_field("a"), "cover-a-makes-room-for");
    assert_eq!(ListKind::Actions.add_button(), "add-action");
}

#[test]
fn each_list_knows_its_entries_its_question_and_its_commands() {
    let mut review = part_two_complete();
    assert_eq!(ListKind::Cover.ids(&review), [SITTER]);
    assert_eq!(ListKind::Services.ids(&review), [CAFE, ALLOWANCE]);
    assert_eq!(ListKind::Cover.question_id(), Some("cover-needed"));
    assert_eq!(ListKind::Actions.question_id(), None);
    assert_eq!(ListKind::Cover.needed(&review), Some(true));
    apply_all(&mut review, [ListKind::Actions.add_command("a-3".into())]);
    assert_eq!(ListKind::Actions.ids(&review).len(), 3);
    assert_eq!(
        ListKind::Escalations.answer(true),
        Some(Command::SetEscalationNeeded(true))
    );
    assert_eq!(ListKind::Actions.answer(true), None);
}
