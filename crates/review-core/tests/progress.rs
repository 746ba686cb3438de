//! The task list: the status of each part of the preparation. (The review
//! proper's parts are pinned in part2_progress.rs.)

mod common;

use common::*;
use review_core::progress::{parts_done, Part, Status};
use review_core::*;

/// The statuses of part 1's parts.
fn statuses(review: &Review) -> Vec<(Part, Status)> {
    statuses_of(&Part::GETTING_READY, review)
}

fn status_of(part: Part, commands: Vec<Command>) -> Status {
    part.status(&review_with(commands))
}

#[test]
fn a_fresh_review_has_nothing_started() {
    let review = new_review();
    assert_every_part_is(&Part::GETTING_READY, &review, Status::NotStarted);
    // Every agenda item starts on: all ten parts are in the meeting.
    assert_eq!(parts_done(&review), (0, 10));
}

#[test]
fn a_part_one_complete_review_has_every_part_done() {
    let review = part_one_complete();
    assert_every_part_is(&Part::GETTING_READY, &review, Status::Done);
    // Escalation is off the agenda: nine parts, the review proper not started.
    assert_eq!(parts_done(&review), (5, 9));
}

#[test]
fn a_partly_filled_part_is_in_progress() {
    let cases: Vec<(&str, Part, Vec<Command>)> = vec![
        (
            "a carer added",
            Part::WhoIsHere,
            vec![add(CARER, Role::Carer)],
        ),
        (
            "the individual named",
            Part::WhoIsHere,
            vec![name(INDIVIDUAL, "Joan")],
        ),
        (
            "the individual's attendance given",
            Part::WhoIsHere,
            vec![attendance(INDIVIDUAL, Attendance::Remote)],
        ),
        (
            "an interpreter asked for, language not given",
            Part::TakingPart,
            vec![Command::SetInterpreterNeeded {
                id: INDIVIDUAL.into(),
                needed: true,
            }],
        ),
        (
            "the reason chosen",
            Part::HowWeReview,
            vec![Command::SetReason(ReviewReason::Requested)],
        ),
        (
            "private time answered",
            Part::HowWeReview,
            vec![Command::SetCarerPrivateTime(false)],
        ),
        (
            "a criterion chosen, not yet agreed",
            Part::Criteria,
            [who_is_here_commands(), criteria_commands()[..1].to_vec()].concat(),
        ),
        (
            "a need not yet checked",
            Part::Readiness,
            vec![communication(INDIVIDUAL, CommunicationMethod::Pictures)],
        ),
    ];
    for (behaviour, part, commands) in cases {
        assert_eq!(
            status_of(part, commands),
            Status::InProgress,
            "{part:?}: {behaviour}"
        );
    }
}

#[test]
fn only_the_parts_touched_are_started() {
    let review = review_with([Command::SetReason(ReviewReason::Annual)]);
    assert_eq!(
        statuses(&review),
        [
            (Part::WhoIsHere, Status::NotStarted),
            (Part::TakingPart, Status::NotStarted),
            (Part::HowWeReview, Status::InProgress),
            (Part::Criteria, Status::NotStarted),
            (Part::Readiness, Status::NotStarted),
        ]
    );
}

#[test]
fn the_workers_own_details_do_not_start_who_is_here() {
    let review = review_with([
        name(WORKER, "Sam O."),
        attendance(WORKER, Attendance::Remote),
    ]);
    assert_eq!(Part::WhoIsHere.status(&review), Status::NotStarted);
}

#[test]
fn an_unresolved_need_needs_attention() {
    let review = with_applied(
        part_one_complete(),
        [need_status(
            CARER,
            Need::Interpreter,
            Some(not_met("Rebooked for Friday", "")),
        )],
    );
    assert_eq!(Part::Readiness.status(&review), Status::NeedsAttention);
    assert_eq!(parts_done(&review), (4, 9));
}

#[test]
fn a_need_not_met_but_resolved_is_done() {
    let review = with_applied(
        part_one_complete(),
        [need_status(
            CARER,
            Need::Interpreter,
            Some(not_met(
                "Rebooked for Friday",
                "Ayesha chose to go on in English",
            )),
        )],
    );
    assert_eq!(Part::Readiness.status(&review), Status::Done);
}

#[test]
fn conflicts_elsewhere_need_attention_too() {
    let cases = [
        (
            "every carer absent",
            Part::WhoIsHere,
            attendance(CARER, Attendance::AbsentViewsGathered),
        ),
        (
            "the worker agreed a criterion the carer has not",
            Part::Criteria,
            Command::SetCriterionAgreement {
                criterion: LIBRARY_CRITERION.into(),
                participant: CARER.into(),
                agreed: false,
            },
        ),
    ];
    for (behaviour, part, command) in cases {
        let review = with_applied(part_one_complete(), [command]);
        assert_eq!(
            part.status(&review),
            Status::NeedsAttention,
            "{part:?}: {behaviour}"
        );
    }
}

#[test]
fn a_missing_answer_in_a_done_review_puts_that_part_back_in_progress() {
    let review = with_applied(
        part_one_complete(),
        [communication(CARER, CommunicationMethod::Aids)],
    );
    // Ayesha's aid needs describing (Taking part) and checking (Ready to start).
    assert_eq!(
        statuses(&review),
        [
            (Part::WhoIsHere, Status::Done),
            (Part::TakingPart, Status::InProgress),
            (Part::HowWeReview, Status::Done),
            (Part::Criteria, Status::Done),
            (Part::Readiness, Status::InProgress),
        ]
    );
    assert_eq!(parts_done(&review), (3, 9));
}

#[test]
fn with_no_needs_readiness_is_done_once_taking_part_is_started() {
    let review = review_with([language(INDIVIDUAL, "English")]);
    assert_eq!(Part::TakingPart.status(&review), Status::Done);
    assert_eq!(Part::Readiness.status(&review), Status::Done);
}

#[test]
fn setting_a_time_box_starts_how_we_will_review() {
    let review = review_with([Command::SetTimeBox {
        item: AgendaItem::Partnership,
        minutes: Some(20),
    }]);
    assert_ne!(Part::HowWeReview.status(&review), Status::NotStarted);
}

#[test]
fn status_labels_are_the_task_list_words() {
    let labels = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::NeedsAttention,
    ]
    .map(Status::label);
    assert_eq!(
        labels,
        ["Not started", "In progress", "Done", "Needs attention"]
    );
}

#[test]
fn parts_are_listed_with_their_titles_pages_and_codes() {
    let listed = each(&Part::ALL, |p| (p.title(), p.slug(), p.codes().join(", ")));
    let listed: Vec<(&str, &str, String)> = listed
        .into_iter()
        .map(|(t, s, c)| (&*t.leak(), s, c))
        .collect();
    assert_eq!(
        listed,
        [
            ("Who is here", "who", "P18".into()),
            ("Help to take part", "taking-part", "P18".into()),
            ("How we will review", "process", "P17".into()),
            ("What we will look at", "criteria", "P17".into()),
            ("Ready to start", "ready", "P18".into()),
            ("How it is going", "rate", "P19".into()),
            ("Services and support", "services", "P20".into()),
            (
                "Support while the carer has time for themselves",
                "cover",
                "P21".into()
            ),
            (
                "Things that need someone else's help",
                "escalations",
                "P22".into()
            ),
            ("Actions and outcome", "outcome", "P23".into()),
        ]
    );
}

/// "Continue" goes to the next part of the same stage that is part of the
/// meeting; the last part of each stage goes back to the task list.
#[test]
fn each_part_knows_where_continue_and_back_go() {
    let review = part_one_complete();
    let cases = [
        (Part::WhoIsHere, Some(Part::TakingPart), None),
        (
            Part::TakingPart,
            Some(Part::HowWeReview),
            Some(Part::WhoIsHere),
        ),
        (
            Part::Criteria,
            Some(Part::Readiness),
            Some(Part::HowWeReview),
        ),
        (Part::Readiness, None, Some(Part::Criteria)),
        (Part::Ratings, Some(Part::Services), None),
        (Part::Services, Some(Part::Cover), Some(Part::Ratings)),
        (Part::Outcome, None, None),
    ];
    for (part, next, previous) in cases {
        assert_eq!(part.next(&review), next, "{part:?} next");
        if part != Part::Outcome {
            assert_eq!(part.previous(&review), previous, "{part:?} previous");
        }
    }
    // An agenda item left out is skipped (the fixture leaves out escalation).
    assert!(!Part::Escalations.applies(&review));
    assert_eq!(Part::Cover.next(&review), Some(Part::Outcome));
    assert_eq!(Part::Outcome.previous(&review), Some(Part::Cover));
}

#[test]
fn captions_name_the_stage_in_plain_words() {
    assert_eq!(Part::WhoIsHere.caption(), "Getting ready");
    assert_eq!(Part::Criteria.caption(), "Getting ready");
    assert_eq!(Part::Services.caption(), "The review");
    for part in Part::ALL {
        assert!(!review_core::words::cites_the_standard(&part.caption()));
        assert!(!review_core::words::cites_the_standard(&part.title()));
        assert!(!part.codes().is_empty(), "{part:?} names what it serves");
    }
}

#[test]
fn the_review_proper_opens_when_getting_ready_is_done() {
    assert!(!review_core::progress::ready_for_review_proper(
        &new_review()
    ));
    assert!(review_core::progress::ready_for_review_proper(
        &part_one_complete()
    ));
}
