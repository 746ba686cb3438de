//! "Actions and outcome" (P23): actions, the outcome and everyone's view of
//! it, and when the next review falls due.

mod common;

use common::*;
use review_core::outcome::{default_next_review, next_review};
use review_core::progress::{Part, Status};
use review_core::validate;
use review_core::*;

fn decided(decision: Option<OutcomeDecision>) -> Review {
    review_with(
        decision
            .map(|d| Command::SetOutcome(OutcomeField::Decision(d)))
            .into_iter()
            .collect::<Vec<_>>(),
    )
}

#[test]
fn the_next_review_is_a_year_on_or_8_weeks_after_a_change_to_the_plan() {
    // The review was created on 24 November 2026.
    let cases = [
        (None, "2027-11-24"),
        (Some(OutcomeDecision::NoChange), "2027-11-24"),
        (Some(OutcomeDecision::ChangeToPlan), "2027-01-19"),
        (Some(OutcomeDecision::ChangeToPlanAndBudget), "2027-01-19"),
    ];
    for (decision, expected) in cases {
        let review = decided(decision);
        assert_eq!(default_next_review(&review), day(expected), "{decision:?}");
        assert_eq!(next_review(&review), day(expected), "{decision:?}");
    }
}

#[test]
fn a_review_on_29_february_is_due_again_on_28_february() {
    let review = Review::new(
        "leap".into(),
        at("2028-02-29T09:00:00+00:00"),
        &settings(),
        WORKER.into(),
        INDIVIDUAL.into(),
    );
    assert_eq!(default_next_review(&review), day("2029-02-28"));
}

#[test]
fn the_review_date_is_the_local_day_it_was_held() {
    // 00:30 in UTC+1 is still the evening before in UTC: the local day counts.
    let review = Review::new(
        "late".into(),
        at("2026-11-25T00:30:00+01:00"),
        &settings(),
        WORKER.into(),
        INDIVIDUAL.into(),
    );
    assert_eq!(review.date(), day("2026-11-25"));
    assert_eq!(default_next_review(&review), day("2027-11-25"));
}

#[test]
fn a_chosen_next_review_date_wins_until_it_is_cleared() {
    let mut review = decided(Some(OutcomeDecision::ChangeToPlan));
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::NextReview(Some(day(
            "2027-01-05",
        ))))],
    );
    assert_eq!(next_review(&review), day("2027-01-05"));
    assert_eq!(default_next_review(&review), day("2027-01-19"));
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::NextReview(None))],
    );
    assert_eq!(next_review(&review), day("2027-01-19"));
}

#[test]
fn a_chosen_next_review_must_be_after_the_review() {
    let cases = [
        ("2026-11-23", true),
        ("2026-11-24", true),
        ("2026-11-25", false),
    ];
    for (date, conflict) in cases {
        let review = with_applied(
            part_two_complete(),
            [Command::SetOutcome(OutcomeField::NextReview(Some(day(
                date,
            ))))],
        );
        let expected = only_if(
            conflict,
            attention(
                "next-review",
                "The next review must be after the day of this review, 24 November 2026",
            ),
        );
        assert_eq!(validate::outcome(&review), expected, "{date}");
    }
}

#[test]
fn the_outcome_asks_for_each_answer_naming_the_carer_and_the_individual() {
    let review = part_one_complete();
    assert_eq!(
        validate::outcome(&review),
        [
            missing("outcome-decision", "Select the outcome of the review"),
            missing("outcome-rationale", "Enter why this is the outcome"),
            missing(
                "outcome-carer-view",
                "Enter what Ayesha Hughes thinks of the outcome"
            ),
            missing(
                "outcome-individual-view",
                "Enter what Joan Hughes thinks of the outcome"
            ),
            // Offered, never set: someone chooses it.
            missing(
                "next-review",
                "Choose the date of the next review: use the suggested date, 24 November 2027, or enter another"
            ),
        ]
    );
}

#[test]
fn the_suggested_next_review_is_offered_not_set() {
    let mut review = part_two_complete();
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::NextReview(None))],
    );
    assert_eq!(Part::Outcome.status(&review), Status::InProgress);
    // A change of decision moves the suggestion, not the date in the record.
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::NextReview(Some(day(
            "2027-01-19",
        ))))],
    );
    assert_eq!(Part::Outcome.status(&review), Status::Done);
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::Decision(
            OutcomeDecision::NoChange,
        ))],
    );
    assert_eq!(default_next_review(&review), day("2027-11-24"));
    assert_eq!(review.outcome.next_review, Some(day("2027-01-19")));
}

#[test]
fn other_views_are_optional() {
    let review = with_applied(
        part_two_complete(),
        [Command::SetOutcome(OutcomeField::OtherViews(String::new()))],
    );
    assert_eq!(validate::outcome(&review), []);
}

#[test]
fn outcome_decisions_and_what_they_mean() {
    let decisions = each(OutcomeDecision::ALL, |d| {
        (d.key(), d.changes_plan(), d.needs_reassessment())
    });
    assert_eq!(
        decisions,
        [
            ("no-change", false, false),
            ("change-to-plan", true, false),
            ("change-to-plan-and-budget", true, true),
        ]
    );
}

#[test]
fn the_individuals_view_may_come_through_their_advocate() {
    let mut review = part_two_complete();
    let through = RatingChannel::Advocate {
        by: Person::participant(CARER),
    };
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::IndividualViewThrough(
            Some(through.clone()),
        ))],
    );
    assert_eq!(review.outcome.individual_view_through, Some(through));
    let err = refused(
        &mut review,
        Command::SetOutcome(OutcomeField::IndividualViewThrough(Some(
            RatingChannel::Advocate {
                by: Person::named("Her niece"),
            },
        ))),
    );
    assert_eq!(err, DomainError::NotAParticipant);
}

#[test]
fn an_action_asks_for_what_who_and_when() {
    let cases = [
        (
            vec![],
            vec![
                missing("action-a-what", "Enter what will be done"),
                missing("action-a-owner", "Select who will do this"),
                missing("action-a-due", "Enter the date this will be done by"),
            ],
        ),
        (
            vec![
                action("a", ActionField::What("Call the GP".into())),
                action("a", ActionField::Owner(Some(Person::named("")))),
                action("a", ActionField::Due(Some(day("2026-11-20")))),
            ],
            vec![
                missing(
                    "action-a-owner-name",
                    "Enter the name of the person who will do this",
                ),
                attention(
                    "action-a-due",
                    "The date must be on or after the day of the review, 24 November 2026",
                ),
            ],
        ),
        (
            vec![
                action("a", ActionField::What("Call the GP".into())),
                action("a", ActionField::Owner(Some(Person::participant(WORKER)))),
                action("a", ActionField::Due(Some(day("2026-11-24")))),
            ],
            vec![],
        ),
    ];
    for (commands, expected) in cases {
        let review = review_with([vec![Command::AddAction { id: "a".into() }], commands].concat());
        assert_eq!(validate::actions(&review), expected);
    }
}

#[test]
fn an_action_links_only_to_a_criterion_in_the_review() {
    let mut review = with_applied(
        part_two_complete(),
        [action(
            ACTION_2,
            ActionField::Criterion(Some(LIBRARY_CRITERION.into())),
        )],
    );
    assert_eq!(
        review.actions[1].criterion.as_deref(),
        Some(LIBRARY_CRITERION)
    );
    let before = review.clone();
    assert_eq!(
        refused(
            &mut review,
            action(ACTION_2, ActionField::Criterion(Some("no-such".into())))
        ),
        DomainError::UnknownCriterion
    );
    assert_eq!(review, before);
    apply_all(
        &mut review,
        [action(ACTION_2, ActionField::Criterion(None))],
    );
    assert_eq!(review.actions[1].criterion, None);
}

#[test]
fn unknown_actions_are_refused() {
    for command in [
        action("ghost", ActionField::What("x".into())),
        Command::RemoveAction { id: "ghost".into() },
    ] {
        let mut review = part_two_complete();
        assert_refused_saying(
            &mut review,
            command,
            DomainError::UnknownAction,
            "That action is no longer part of this review",
        );
    }
}

#[test]
fn an_action_can_be_removed() {
    let review = with_applied(
        part_two_complete(),
        [Command::RemoveAction { id: ACTION.into() }],
    );
    let left: Vec<_> = review.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(left, [ACTION_2]);
}

#[test]
fn a_no_change_outcome_needs_no_actions() {
    let review = with_applied(
        part_one_complete(),
        [
            Command::SetOutcome(OutcomeField::Decision(OutcomeDecision::NoChange)),
            Command::SetOutcome(OutcomeField::Rationale("It is working".into())),
            Command::SetOutcome(OutcomeField::CarerView("Happy".into())),
            Command::SetOutcome(OutcomeField::IndividualView("Happy too".into())),
            Command::SetOutcome(OutcomeField::NextReview(Some(day("2027-11-24")))),
        ],
    );
    assert_eq!(Part::Outcome.status(&review), Status::Done);
}
