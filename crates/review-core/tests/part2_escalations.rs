//! "Things that need someone else's help" (P22): each matter, its route,
//! urgency, owner, due date, consent and status, and the condition for the
//! "phone the safeguarding team now" notice.

mod common;

use common::*;
use review_core::escalation::urgent_safeguarding;
use review_core::progress::{Part, Status};
use review_core::validate;
use review_core::*;

fn with_escalations() -> Review {
    with_applied(part_one_complete(), escalation_commands())
}

/// A review with one matter of this route and urgency.
fn one_matter(route: EscalationRoute, urgency: Urgency) -> Review {
    review_with([
        Command::AddEscalation { id: "e".into() },
        escalation("e", EscalationField::Route(route)),
        escalation("e", EscalationField::Urgency(urgency)),
    ])
}

#[test]
fn complete_escalations_have_no_errors() {
    assert_eq!(validate::escalations(&with_escalations()), []);
}

#[test]
fn only_immediate_safeguarding_shows_the_phone_now_notice() {
    for route in EscalationRoute::ALL {
        for urgency in Urgency::ALL {
            let review = one_matter(*route, *urgency);
            let expected =
                *route == EscalationRoute::Safeguarding && *urgency == Urgency::Immediate;
            assert_eq!(
                urgent_safeguarding(&review).len(),
                usize::from(expected),
                "{route:?} {urgency:?}"
            );
        }
    }
}

#[test]
fn the_notice_needs_both_route_and_urgency_given() {
    let cases = [
        vec![escalation(
            "e",
            EscalationField::Route(EscalationRoute::Safeguarding),
        )],
        vec![escalation(
            "e",
            EscalationField::Urgency(Urgency::Immediate),
        )],
    ];
    for commands in cases {
        let review =
            review_with([vec![Command::AddEscalation { id: "e".into() }], commands].concat());
        assert!(urgent_safeguarding(&review).is_empty());
    }
}

#[test]
fn the_notice_stays_whatever_the_status() {
    // The app sends nothing: the record keeps saying the team must be phoned.
    for status in EscalationStatus::ALL {
        let review = with_applied(
            with_escalations(),
            [escalation(SAFEGUARDING, EscalationField::Status(*status))],
        );
        let urgent: Vec<_> = urgent_safeguarding(&review)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(urgent, [SAFEGUARDING], "{status:?}");
    }
}

#[test]
fn a_new_matter_is_to_do_and_its_status_can_move_on() {
    let mut review = review_with([Command::AddEscalation { id: "e".into() }]);
    assert_eq!(review.escalations[0].status, EscalationStatus::ToDo);
    for status in EscalationStatus::ALL {
        apply_all(
            &mut review,
            [escalation("e", EscalationField::Status(*status))],
        );
        assert_eq!(review.escalations[0].status, *status);
    }
    let statuses = each(EscalationStatus::ALL, |s| {
        (s.key(), s.label().leak() as &str)
    });
    assert_eq!(
        statuses,
        [
            ("to-do", "To do"),
            ("referred", "Referred"),
            ("acknowledged", "Acknowledged"),
            ("done", "Done"),
        ]
    );
}

#[test]
fn a_due_date_before_the_review_needs_attention() {
    // The review was created on 24 November 2026.
    let cases = [
        ("2026-11-23", true),
        ("2025-12-01", true),
        ("2026-11-24", false),
        ("2026-11-25", false),
    ];
    for (due, early) in cases {
        let review = with_applied(
            with_escalations(),
            [escalation(OT, EscalationField::Due(Some(day(due))))],
        );
        let expected = only_if(
            early,
            attention(
                "escalation-escalation-ot-due",
                "The due date must be on or after the day of the review, 24 November 2026",
            ),
        );
        assert_eq!(validate::escalations(&review), expected, "{due}");
    }
}

#[test]
fn a_new_matter_asks_for_each_answer_in_page_order() {
    let review = review_with([
        Command::SetEscalationNeeded(true),
        Command::AddEscalation { id: "e".into() },
    ]);
    assert_eq!(
        validate::escalations(&review),
        [
            missing("escalation-e-matter", "Enter what the matter is"),
            missing(
                "escalation-e-why",
                "Enter why this is beyond the worker's scope"
            ),
            missing("escalation-e-route", "Select where this needs to go"),
            missing("escalation-e-to-whom", "Enter who it will go to"),
            missing("escalation-e-urgency", "Select how urgent this is"),
            missing("escalation-e-owner", "Select who will take this forward"),
            missing("escalation-e-due", "Enter the date this is due by"),
            missing(
                "escalation-e-consent",
                "Select whether there is consent to share this"
            ),
        ]
    );
}

#[test]
fn answers_that_need_saying_more() {
    let cases = [
        (
            escalation(OT, EscalationField::Route(EscalationRoute::Other)),
            vec![missing(
                "escalation-escalation-ot-route-detail",
                "Enter where this needs to go",
            )],
        ),
        (
            escalation(
                OT,
                EscalationField::Consent(Some(ConsentToShare::NotNeededBecauseOfRisk {
                    reason: String::new(),
                })),
            ),
            vec![missing(
                "escalation-escalation-ot-consent-reason",
                "Enter the risk that means this is shared without consent",
            )],
        ),
        (
            escalation(OT, EscalationField::Owner(Some(Person::named(" ")))),
            vec![missing(
                "escalation-escalation-ot-owner-name",
                "Enter the name of the person who will take this forward",
            )],
        ),
        (
            escalation(OT, EscalationField::Consent(Some(ConsentToShare::No))),
            vec![],
        ),
        (
            escalation(
                OT,
                EscalationField::Owner(Some(Person::named("Northshire duty team"))),
            ),
            vec![],
        ),
    ];
    for (command, expected) in cases {
        let shown = format!("{command:?}");
        let review = with_applied(with_escalations(), [command]);
        assert_eq!(validate::escalations(&review), expected, "{shown}");
    }
}

#[test]
fn whether_anything_needs_help_is_asked_first() {
    assert_question_opens_a_list(
        vec![],
        Command::SetEscalationNeeded,
        validate::escalations,
        missing(
            "escalation-needed",
            "Select whether anything needs someone else's help",
        ),
        missing("add-escalation", "Add what needs someone else's help"),
    );
}

#[test]
fn no_and_a_list_of_matters_exclude_each_other() {
    let mut review = with_escalations();
    assert_eq!(
        refused(&mut review, Command::SetEscalationNeeded(false)),
        DomainError::StillListed
    );
    let mut review = review_with([Command::SetEscalationNeeded(false)]);
    assert_eq!(
        refused(&mut review, Command::AddEscalation { id: "e".into() }),
        DomainError::AnsweredNo
    );
}

#[test]
fn unknown_matters_and_owners_are_refused() {
    let cases = [
        (
            escalation("ghost", EscalationField::Matter("x".into())),
            DomainError::UnknownEscalation,
        ),
        (
            Command::RemoveEscalation { id: "ghost".into() },
            DomainError::UnknownEscalation,
        ),
        (
            escalation(
                OT,
                EscalationField::Owner(Some(Person::participant("ghost"))),
            ),
            DomainError::UnknownParticipant,
        ),
    ];
    for (command, expected) in cases {
        let mut review = with_escalations();
        assert_refused_unchanged(&mut review, command, expected);
    }
    assert_words(
        &DomainError::UnknownEscalation,
        "That matter is no longer part of this review",
    );
}

#[test]
fn a_removed_matter_no_longer_shows_the_notice() {
    let review = with_applied(
        with_escalations(),
        [Command::RemoveEscalation {
            id: SAFEGUARDING.into(),
        }],
    );
    assert!(urgent_safeguarding(&review).is_empty());
    assert_eq!(review.escalations.len(), 1);
}

#[test]
fn an_early_due_date_puts_the_part_in_needs_attention() {
    let review = with_applied(
        with_escalations(),
        [escalation(
            OT,
            EscalationField::Due(Some(day("2026-01-01"))),
        )],
    );
    assert_eq!(Part::Escalations.status(&review), Status::NeedsAttention);
}

#[test]
fn dates_and_choices_are_stored_as_strings() {
    let review = with_escalations();
    let json = serde_json::to_value(&review.escalations[0]).unwrap();
    assert_eq!(json["due"], serde_json::json!("2026-11-24"));
    assert_eq!(json["route"], serde_json::json!("safeguarding"));
    assert_eq!(json["urgency"], serde_json::json!("immediate"));
    assert_eq!(json["status"], serde_json::json!("to-do"));
    assert_eq!(
        json["consent"],
        serde_json::json!({ "answer": "not-needed-because-of-risk", "reason": "Joan may be at risk of harm" })
    );
    let routes: Vec<_> = EscalationRoute::ALL.iter().map(|r| r.key()).collect();
    assert_eq!(
        routes,
        [
            "manager",
            "safeguarding",
            "occupational-therapy",
            "health",
            "housing",
            "benefits",
            "advocacy",
            "child-mental-health",
            "childrens-social-care",
            "education",
            "other"
        ]
    );
    let urgencies: Vec<_> = Urgency::ALL.iter().map(|u| u.key()).collect();
    assert_eq!(
        urgencies,
        ["immediate", "within-24-hours", "within-a-week", "routine"]
    );
}
