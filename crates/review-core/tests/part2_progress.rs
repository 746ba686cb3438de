//! The task list for the review proper: which parts are in the meeting
//! (agenda items, P17), when each part starts, and its status.

mod common;

use common::*;
use review_core::progress::{parts, parts_done, Part, Status};
use review_core::*;

fn statuses(review: &Review) -> Vec<(Part, Status)> {
    statuses_of(&Part::REVIEW_PROPER, review)
}

fn agenda(item: AgendaItem, used: bool) -> Command {
    Command::SetAgendaItem { item, used }
}

#[test]
fn after_part_one_the_review_proper_has_not_started() {
    let review = part_one_complete();
    assert_every_part_is(&Part::REVIEW_PROPER, &review, Status::NotStarted);
}

#[test]
fn a_complete_meeting_has_every_part_done() {
    let review = part_two_complete();
    assert_every_part_is(&Part::REVIEW_PROPER, &review, Status::Done);
    assert_eq!(parts_done(&review), (10, 10));
}

#[test]
fn each_optional_part_follows_its_agenda_item() {
    let cases = [
        (AgendaItem::Partnership, Part::Ratings),
        (AgendaItem::Services, Part::Services),
        (AgendaItem::Cover, Part::Cover),
        (AgendaItem::Escalation, Part::Escalations),
    ];
    for (item, part) in cases {
        assert_eq!(part.agenda_item(), Some(item));
        let off = review_with([agenda(item, false)]);
        assert!(!part.applies(&off), "{part:?} with {item:?} off");
        assert!(!parts(&off).contains(&part));
        assert_eq!(parts_done(&off), (0, 9), "{item:?} off");
        assert!(part.applies(&new_review()), "{part:?} with {item:?} on");
    }
}

#[test]
fn the_other_parts_are_always_in_the_meeting() {
    let everything_off = review_with(AgendaItem::ALL.map(|item| agenda(item, false)));
    assert_eq!(
        parts(&everything_off),
        [
            Part::WhoIsHere,
            Part::TakingPart,
            Part::HowWeReview,
            Part::Criteria,
            Part::Readiness,
            Part::Outcome,
        ]
    );
    assert_eq!(Part::Outcome.agenda_item(), None);
}

#[test]
fn a_part_with_something_recorded_stays_in_the_meeting_when_its_item_is_turned_off() {
    let cases = [
        (Part::Escalations, escalation_commands()),
        (Part::Services, services_commands()),
        (Part::Cover, cover_commands()),
    ];
    for (part, commands) in cases {
        let item = part.agenda_item().unwrap();
        let mut review = with_applied(part_one_complete(), commands);
        apply_all(&mut review, [agenda(item, false)]);
        assert!(part.applies(&review), "{part:?}");
    }
}

#[test]
fn parts_done_counts_only_the_parts_in_the_meeting() {
    // Part 1's process turns escalation off: nine parts; the complete
    // meeting minus cover and escalation (neither started) has eight, all done.
    let review = with_applied(
        part_one_complete(),
        [
            key_person_commands(),
            ratings_commands(),
            services_commands(),
            outcome_commands(),
            vec![agenda(AgendaItem::Cover, false)],
        ]
        .concat(),
    );
    assert_eq!(parts_done(&review), (8, 8));
}

#[test]
fn the_first_answer_in_a_part_starts_it() {
    let cases: Vec<(Part, Vec<Command>)> = vec![
        (
            Part::Ratings,
            vec![rate(LIBRARY_CRITERION, CARER, ScalePoint::GoingWell)],
        ),
        (
            Part::Ratings,
            vec![Command::AddEvidence {
                id: EVIDENCE.into(),
                criterion: LIBRARY_CRITERION.into(),
            }],
        ),
        (Part::Services, vec![Command::SetServicesInUse(true)]),
        (Part::Services, vec![Command::AddGap { id: GAP.into() }]),
        (Part::Cover, vec![Command::SetCoverNeeded(true)]),
        (
            Part::Cover,
            vec![Command::AddCoverArrangement { id: SITTER.into() }],
        ),
        (Part::Escalations, vec![Command::SetEscalationNeeded(true)]),
        (
            Part::Outcome,
            vec![Command::AddAction { id: ACTION.into() }],
        ),
        (
            Part::Outcome,
            vec![Command::SetOutcome(OutcomeField::Decision(
                OutcomeDecision::NoChange,
            ))],
        ),
    ];
    for (part, commands) in cases {
        let shown = format!("{commands:?}");
        let review = with_applied(part_one_complete(), commands);
        assert_eq!(
            part.status(&review),
            Status::InProgress,
            "{part:?}: {shown}"
        );
    }
}

#[test]
fn answering_no_is_enough_to_finish_a_part() {
    let cases = [
        (Part::Services, Command::SetServicesInUse(false)),
        (Part::Cover, Command::SetCoverNeeded(false)),
        (Part::Escalations, Command::SetEscalationNeeded(false)),
    ];
    for (part, command) in cases {
        let review = with_applied(part_one_complete(), [command]);
        assert_eq!(part.status(&review), Status::Done, "{part:?}");
    }
}

#[test]
fn every_criterion_not_discussed_finishes_the_ratings() {
    let review = with_applied(
        part_one_complete(),
        [
            not_discussed(LIBRARY_CRITERION, "Covered last time"),
            not_discussed(CUSTOM_CRITERION, "Ayesha was tired"),
        ],
    );
    assert_eq!(Part::Ratings.status(&review), Status::Done);
}

#[test]
fn a_conflict_in_a_finished_meeting_needs_attention_in_its_own_part_only() {
    let cases: Vec<(&str, Part, Command)> = vec![
        (
            "the individual no longer agrees, and nothing follows",
            Part::Cover,
            cover(
                SITTER,
                CoverField::Agreement(Some(IndividualAgreement::NotAgreed {
                    what_happens_next: String::new(),
                })),
            ),
        ),
        (
            "a referral due before the review",
            Part::Escalations,
            escalation(OT, EscalationField::Due(Some(day("2026-11-01")))),
        ),
        (
            "an action due before the review",
            Part::Outcome,
            action(ACTION, ActionField::Due(Some(day("2026-11-01")))),
        ),
        (
            "the next review on the day of this one",
            Part::Outcome,
            Command::SetOutcome(OutcomeField::NextReview(Some(day("2026-11-24")))),
        ),
    ];
    for (behaviour, part, command) in cases {
        let review = with_applied(part_two_complete(), [command]);
        let expected: Vec<_> = Part::REVIEW_PROPER
            .iter()
            .map(|p| {
                (
                    *p,
                    if *p == part {
                        Status::NeedsAttention
                    } else {
                        Status::Done
                    },
                )
            })
            .collect();
        assert_eq!(statuses(&review), expected, "{behaviour}");
    }
}

#[test]
fn a_missing_answer_puts_its_part_back_in_progress() {
    let cases: Vec<(&str, Part, Command)> = vec![
        (
            "a new person who rates joins",
            Part::Ratings,
            add("other", Role::OtherProfessional),
        ),
        (
            "a service's changes wiped",
            Part::Services,
            Command::SetRemark {
                id: CAFE_CHANGE.into(),
                text: String::new(),
                said_by: Speaker::NotRecorded,
            },
        ),
        (
            "a new risk",
            Part::Cover,
            Command::AddCoverRisk {
                arrangement: SITTER.into(),
                id: "risk-2".into(),
            },
        ),
        (
            "a new matter",
            Part::Escalations,
            Command::AddEscalation { id: "e-3".into() },
        ),
        (
            "a new action",
            Part::Outcome,
            Command::AddAction { id: "a-3".into() },
        ),
    ];
    for (behaviour, part, command) in cases {
        let mut review = with_applied(part_two_complete(), [command]);
        if part == Part::Ratings {
            // Attendance makes them a rater, with ratings to give.
            apply_all(&mut review, [attendance("other", Attendance::Remote)]);
        }
        assert_eq!(part.status(&review), Status::InProgress, "{behaviour}");
    }
}
