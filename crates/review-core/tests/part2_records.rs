//! The review proper as a record: removing a participant keeps what they
//! said under their name, a signed-off review refuses every new command,
//! new items share one id space, and the stored form stays portable.

mod common;

use common::*;
use review_core::draft;
use review_core::validate;
use review_core::*;
use serde_json::Value;

fn removed(name: &str) -> Person {
    Person::Removed { name: name.into() }
}

#[test]
fn removing_a_rater_removes_their_ratings_only() {
    let review = with_applied(
        part_two_complete(),
        [Command::RemoveParticipant {
            id: KEY_PERSON.into(),
        }],
    );
    for criterion in [LIBRARY_CRITERION, CUSTOM_CRITERION] {
        let who: Vec<_> = review.criterion_reviews[criterion]
            .ratings
            .iter()
            .map(|r| r.participant.as_str())
            .collect();
        assert_eq!(who, [CARER, INDIVIDUAL, WORKER], "{criterion}");
    }
}

#[test]
fn what_a_removed_participant_said_or_took_on_stays_under_their_name() {
    let review = with_applied(
        part_two_complete(),
        [
            Command::RemoveParticipant { id: CARER.into() },
            Command::RemoveParticipant { id: WORKER.into() },
        ],
    );
    let note = &review.criterion_reviews[CUSTOM_CRITERION].evidence[0];
    assert_eq!(note.text, "I have not had a whole day off since March");
    assert_eq!(note.said_by, Some(removed("Ayesha Hughes")));
    assert_eq!(review.gaps[0].noticed_by, Some(removed("Ayesha Hughes")));
    assert_eq!(review.actions[0].owner, Some(removed("Ayesha Hughes")));
    assert_eq!(review.escalations[0].owner, Some(removed("Sam Okafor")));
    // Someone named in words is not touched.
    assert_eq!(
        review.actions[1].owner,
        Some(Person::named("Crossroads Care"))
    );
    assert_eq!(
        review.person_name(note.said_by.as_ref().unwrap()),
        "Ayesha Hughes (no longer part of this review)"
    );
}

#[test]
fn a_removed_advocate_stays_named_where_they_passed_on_a_view() {
    let mut review = part_two_complete();
    let through = || RatingChannel::Advocate {
        by: Person::participant("advocate"),
    };
    apply_all(
        &mut review,
        [
            add("advocate", Role::Advocate),
            attendance("advocate", Attendance::InPerson),
            Command::SetOutcome(OutcomeField::IndividualViewThrough(Some(through()))),
            rate_through(LIBRARY_CRITERION, INDIVIDUAL, ScalePoint::Unsure, through()),
            cover(
                SITTER,
                CoverField::Agreement(Some(IndividualAgreement::AgreedThroughAdvocate {
                    by: Person::participant("advocate"),
                })),
            ),
            Command::RemoveParticipant {
                id: "advocate".into(),
            },
        ],
    );
    let gone = RatingChannel::Advocate {
        by: removed("Advocate"),
    };
    assert_eq!(review.outcome.individual_view_through, Some(gone.clone()));
    assert_eq!(
        review
            .rating(LIBRARY_CRITERION, INDIVIDUAL)
            .unwrap()
            .through,
        Some(gone)
    );
    assert_eq!(
        review.cover_arrangements[0].agreement,
        Some(IndividualAgreement::AgreedThroughAdvocate {
            by: removed("Advocate")
        })
    );
    // The view can still be sent back unchanged, with the removed advocate.
    apply_all(
        &mut review,
        [Command::SetOutcome(OutcomeField::IndividualViewThrough(
            Some(RatingChannel::Advocate {
                by: removed("Advocate"),
            }),
        ))],
    );
}

#[test]
fn work_owned_by_a_removed_participant_needs_a_new_owner() {
    let mut review = with_applied(
        part_two_complete(),
        [Command::RemoveParticipant { id: CARER.into() }],
    );
    let action_errors = validate::actions(&review);
    assert_eq!(
        action_errors,
        [attention(
            "action-action-1-owner",
            "Select who will do this: Ayesha Hughes is no longer part of this review",
        )]
    );
    apply_all(
        &mut review,
        [Command::RemoveParticipant { id: WORKER.into() }],
    );
    assert_eq!(
        validate::escalations(&review),
        [
            attention(
                "escalation-escalation-safeguarding-owner",
                "Select who will take this forward: Sam Okafor is no longer part of this review",
            ),
            attention(
                "escalation-escalation-ot-owner",
                "Select who will take this forward: Sam Okafor is no longer part of this review",
            ),
        ]
    );
}

/// One of every command of the review proper, each valid on [`part_two_complete`].
fn one_of_every_new_command() -> Vec<Command> {
    vec![
        rate(LIBRARY_CRITERION, CARER, ScalePoint::Unsure),
        Command::SetNotDiscussed {
            criterion: LIBRARY_CRITERION.into(),
            reason: None,
        },
        Command::AddEvidence {
            id: "new".into(),
            criterion: LIBRARY_CRITERION.into(),
        },
        Command::SetEvidence {
            id: EVIDENCE.into(),
            said_by: None,
            text: "x".into(),
        },
        Command::RemoveEvidence {
            id: EVIDENCE.into(),
        },
        Command::SetServicesInUse(true),
        Command::AddResource { id: "new".into() },
        resource(CAFE, ResourceField::Name("x".into())),
        Command::RemoveResource { id: CAFE.into() },
        Command::AddGap { id: "new".into() },
        Command::SetGap {
            id: GAP.into(),
            what: "x".into(),
            noticed_by: None,
        },
        Command::RemoveGap { id: GAP.into() },
        Command::SetCoverNeeded(true),
        Command::AddCoverArrangement { id: "new".into() },
        cover(SITTER, CoverField::When("x".into())),
        Command::RemoveCoverArrangement { id: SITTER.into() },
        Command::AddCoverRisk {
            arrangement: SITTER.into(),
            id: "new".into(),
        },
        Command::SetCoverRisk {
            id: SITTER_RISK.into(),
            risk: "x".into(),
            management: "y".into(),
        },
        Command::RemoveCoverRisk {
            id: SITTER_RISK.into(),
        },
        Command::SetEscalationNeeded(true),
        Command::AddEscalation { id: "new".into() },
        escalation(OT, EscalationField::Status(EscalationStatus::Done)),
        Command::RemoveEscalation { id: OT.into() },
        Command::AddAction { id: "new".into() },
        action(ACTION, ActionField::What("x".into())),
        Command::RemoveAction { id: ACTION.into() },
        Command::SetOutcome(OutcomeField::Decision(OutcomeDecision::NoChange)),
    ]
}

#[test]
fn every_new_command_is_accepted_on_a_draft() {
    // The control for the test below.
    for command in one_of_every_new_command() {
        let mut review = part_two_complete();
        apply_all(&mut review, [command]);
    }
}

#[test]
fn a_signed_off_review_refuses_every_new_command_and_is_unchanged() {
    for command in one_of_every_new_command() {
        let mut review = part_two_complete();
        review.state = ReviewState::SignedOff;
        assert_refused_unchanged(&mut review, command, DomainError::Locked);
    }
}

#[test]
fn new_items_share_the_reviews_one_id_space() {
    let taken = [
        CARER,
        LIBRARY_CRITERION,
        RESTRICTION,
        EVIDENCE,
        CAFE,
        GAP,
        SITTER,
        SITTER_RISK,
        OT,
        ACTION,
    ];
    for id in taken {
        let adds = [
            Command::AddEvidence {
                id: id.into(),
                criterion: LIBRARY_CRITERION.into(),
            },
            Command::AddResource { id: id.into() },
            Command::AddGap { id: id.into() },
            Command::AddCoverArrangement { id: id.into() },
            Command::AddCoverRisk {
                arrangement: SITTER.into(),
                id: id.into(),
            },
            Command::AddEscalation { id: id.into() },
            Command::AddAction { id: id.into() },
            add(id, Role::KeyPerson),
        ];
        for command in adds {
            let mut review = part_two_complete();
            assert_refused_unchanged(&mut review, command, DomainError::DuplicateId);
        }
    }
}

#[test]
fn a_complete_meeting_survives_encode_and_decode() {
    let review = part_two_complete();
    assert_eq!(
        draft::decode_review(&draft::encode_review(&review)),
        Ok(review)
    );
}

#[test]
fn a_v1_draft_without_the_review_proper_reads_as_not_started() {
    let review = draft::decode_review(include_str!("fixtures/review-v1.json")).unwrap();
    assert!(review.criterion_reviews.is_empty());
    assert_eq!(
        (
            review.services_in_use,
            review.cover_needed,
            review.escalation_needed
        ),
        (None, None, None)
    );
    assert!(review.resources.is_empty() && review.gaps.is_empty());
    assert!(review.cover_arrangements.is_empty() && review.escalations.is_empty());
    assert!(review.actions.is_empty());
    assert_eq!(review.outcome, Outcome::default());
}

/// Every number anywhere in a JSON tree.
fn numbers(v: &Value, out: &mut Vec<serde_json::Number>) {
    match v {
        Value::Number(n) => out.push(n.clone()),
        Value::Array(items) => items.iter().for_each(|i| numbers(i, out)),
        Value::Object(map) => map.values().for_each(|i| numbers(i, out)),
        _ => {}
    }
}

#[test]
fn the_stored_meeting_has_no_floats_and_only_small_integers() {
    let json: Value = serde_json::from_str(&draft::encode_review(&part_two_complete())).unwrap();
    let mut found = Vec::new();
    numbers(&json, &mut found);
    for n in &found {
        assert!(
            n.as_u64().is_some_and(|n| n <= 1000),
            "{n} is not a small whole number"
        );
    }
}

#[test]
fn the_stored_meeting_spells_choices_and_dates_as_strings() {
    let json: Value = serde_json::from_str(&draft::encode_review(&part_two_complete())).unwrap();
    let data = &json["data"];
    assert_eq!(
        data["criterionReviews"][CUSTOM_CRITERION]["ratings"][1],
        serde_json::json!({
            "participant": INDIVIDUAL,
            "point": "okay",
            "through": { "kind": "communication-method", "method": "symbols" },
        })
    );
    assert_eq!(data["resources"][0]["kind"], "support-group");
    assert_eq!(data["resources"][0]["needsMet"], "partly");
    assert_eq!(data["coverArrangements"][0]["funding"], "council");
    assert_eq!(data["actions"][0]["due"], "2026-12-31");
    assert_eq!(data["outcome"]["decision"], "change-to-plan");
    assert_eq!(
        data["actions"][1]["owner"],
        serde_json::json!({ "kind": "named", "name": "Crossroads Care" })
    );
}
