//! "Support while the carer has time for themselves" (P21): each
//! arrangement, its risks, and whether and how the individual agreed.

mod common;

use common::*;
use review_core::progress::{Part, Status};
use review_core::validate;
use review_core::*;

fn with_sitter() -> Review {
    with_applied(part_one_complete(), cover_commands())
}

fn agreement(a: Option<IndividualAgreement>) -> Command {
    cover(SITTER, CoverField::Agreement(a))
}

#[test]
fn a_complete_arrangement_has_no_errors() {
    assert_eq!(validate::cover(&with_sitter()), []);
}

#[test]
fn each_agreement_state_and_what_it_asks_for() {
    use IndividualAgreement::*;
    let cases = [
        (
            None,
            vec![missing(
                "cover-cover-sitter-agreement",
                "Select whether Joan Hughes agreed to this support",
            )],
        ),
        (Some(Agreed { how: None }), vec![]),
        (
            Some(AgreedThroughAdvocate {
                by: Person::participant(CARER),
            }),
            vec![],
        ),
        (Some(NotAskedYet), vec![]),
        (
            Some(NotAgreed {
                what_happens_next: "Try one visit with Ayesha there".into(),
            }),
            vec![],
        ),
        (
            Some(NotAgreed {
                what_happens_next: " ".into(),
            }),
            vec![attention(
                "cover-cover-sitter-what-happens-next",
                "Enter what happens now that Joan Hughes has not agreed",
            )],
        ),
    ];
    for (given, expected) in cases {
        let review = with_applied(with_sitter(), [agreement(given.clone())]);
        assert_eq!(validate::cover(&review), expected, "{given:?}");
    }
}

#[test]
fn not_agreed_without_a_next_step_needs_attention_on_the_task_list() {
    let review = with_applied(
        with_sitter(),
        [agreement(Some(IndividualAgreement::NotAgreed {
            what_happens_next: String::new(),
        }))],
    );
    assert_eq!(Part::Cover.status(&review), Status::NeedsAttention);
}

#[test]
fn agreement_through_an_advocate_names_a_participant() {
    let cases = [
        (Person::named("Joan's niece"), DomainError::NotAParticipant),
        (
            Person::participant("ghost"),
            DomainError::UnknownParticipant,
        ),
    ];
    for (by, expected) in cases {
        let mut review = with_sitter();
        assert_refused_unchanged(
            &mut review,
            agreement(Some(IndividualAgreement::AgreedThroughAdvocate { by })),
            expected,
        );
    }
}

#[test]
fn agreement_states_are_stored_with_stable_keys() {
    use IndividualAgreement::*;
    let cases = [
        (
            Agreed { how: None },
            serde_json::json!({ "status": "agreed" }),
        ),
        (
            Agreed {
                how: Some(pictures_seen_by_the_worker()),
            },
            serde_json::json!({ "status": "agreed", "how": { "way": "pictures", "witness": WORKER } }),
        ),
        (
            AgreedThroughAdvocate {
                by: Person::participant(CARER),
            },
            serde_json::json!({
                "status": "agreed-through-advocate",
                "by": { "kind": "participant", "id": CARER },
            }),
        ),
        (
            NotAgreed {
                what_happens_next: "Ask again".into(),
            },
            serde_json::json!({ "status": "not-agreed", "whatHappensNext": "Ask again" }),
        ),
        (
            NotAskedYet,
            serde_json::json!({ "status": "not-asked-yet" }),
        ),
    ];
    for (state, json) in cases {
        assert_eq!(serde_json::to_value(&state).unwrap(), json, "{state:?}");
        // An agreement from before agreement had its ways is stored as it
        // was, and answers "agreed".
        let key = match &state {
            AgreedThroughAdvocate { .. } => "agreed-through-advocate",
            _ => state.key(),
        };
        assert_eq!(json["status"], serde_json::json!(key));
    }
}

#[test]
fn a_new_arrangement_asks_for_each_answer_in_page_order() {
    let review = review_with(
        [
            who_is_here_commands(),
            vec![
                Command::SetCoverNeeded(true),
                Command::AddCoverArrangement { id: SITTER.into() },
            ],
        ]
        .concat(),
    );
    assert_eq!(
        validate::cover(&review),
        [
            missing(
                "cover-cover-sitter-makes-room-for",
                "Select what the carer needs the time for"
            ),
            missing(
                "cover-cover-sitter-kind",
                "Select the kind of support Joan Hughes will have"
            ),
            missing("cover-cover-sitter-when", "Enter when and how often"),
            missing(
                "cover-cover-sitter-provider",
                "Enter who will provide the support"
            ),
            missing(
                "cover-cover-sitter-funding",
                "Select how the support will be paid for"
            ),
            missing(
                "cover-cover-sitter-agreement",
                "Select whether Joan Hughes agreed to this support"
            ),
        ]
    );
}

#[test]
fn something_else_needs_saying_what() {
    let cases = [
        (CarerNeed::Other, "", true),
        (CarerNeed::Other, "Her own hospital treatment", false),
        (CarerNeed::Break, "", false),
    ];
    for (need, detail, asked) in cases {
        let review = with_applied(
            with_sitter(),
            [
                cover(SITTER, CoverField::MakesRoomFor(need)),
                cover(SITTER, CoverField::MakesRoomForDetail(detail.into())),
            ],
        );
        let expected = only_if(
            asked,
            missing(
                "cover-cover-sitter-makes-room-for-detail",
                "Enter what the carer needs the time for",
            ),
        );
        assert_eq!(validate::cover(&review), expected, "{need:?} {detail:?}");
    }
}

#[test]
fn a_risk_needs_what_it_is_and_how_it_is_managed() {
    let cases = [
        (
            "",
            "",
            vec![
                ("risk-risk-1-risk", "Enter the risk"),
                (
                    "risk-risk-1-management",
                    "Enter how the risk will be managed",
                ),
            ],
        ),
        (
            "Joan may wander",
            "",
            vec![(
                "risk-risk-1-management",
                "Enter how the risk will be managed",
            )],
        ),
        ("Joan may wander", "Door sensor", vec![]),
    ];
    for (risk, management, expected) in cases {
        let review = with_applied(
            with_sitter(),
            [Command::SetCoverRisk {
                id: SITTER_RISK.into(),
                risk: risk.into(),
                management: management.into(),
            }],
        );
        let expected: Vec<_> = expected.into_iter().map(|(f, m)| missing(f, m)).collect();
        assert_eq!(
            validate::cover(&review),
            expected,
            "{risk:?} {management:?}"
        );
    }
}

#[test]
fn whether_support_must_change_is_asked_first() {
    assert_question_opens_a_list(
        who_is_here_commands(),
        Command::SetCoverNeeded,
        validate::cover,
        missing("cover-needed", "Select whether Joan Hughes' support needs to change while the carer has time for themselves"),
        missing("add-cover-arrangement", "Add the support Joan Hughes will have while the carer has time for themselves"),
    );
}

#[test]
fn no_and_arrangements_exclude_each_other() {
    let mut review = with_sitter();
    assert_eq!(
        refused(&mut review, Command::SetCoverNeeded(false)),
        DomainError::StillListed
    );
    let mut review = review_with([Command::SetCoverNeeded(false)]);
    assert_eq!(
        refused(
            &mut review,
            Command::AddCoverArrangement { id: SITTER.into() }
        ),
        DomainError::AnsweredNo
    );
}

#[test]
fn removing_an_arrangement_removes_its_risks_too() {
    let mut review = with_applied(
        with_sitter(),
        [Command::RemoveCoverArrangement { id: SITTER.into() }],
    );
    assert!(review.cover_arrangements.is_empty());
    let err = refused(
        &mut review,
        Command::RemoveCoverRisk {
            id: SITTER_RISK.into(),
        },
    );
    assert_eq!(
        (err.clone(), err.to_string()),
        (
            DomainError::UnknownRisk,
            "That risk is no longer part of this review".into()
        )
    );
    // The risk's id is free again.
    apply_all(
        &mut review,
        [
            Command::SetCoverNeeded(true),
            Command::AddCoverArrangement {
                id: SITTER_RISK.into(),
            },
        ],
    );
}

#[test]
fn a_risk_can_be_removed_on_its_own() {
    let review = with_applied(
        with_sitter(),
        [Command::RemoveCoverRisk {
            id: SITTER_RISK.into(),
        }],
    );
    assert!(review.cover_arrangements[0].risks.is_empty());
}

#[test]
fn unknown_arrangements_are_refused() {
    let cases = [
        cover("ghost", CoverField::When("x".into())),
        Command::RemoveCoverArrangement { id: "ghost".into() },
        Command::AddCoverRisk {
            arrangement: "ghost".into(),
            id: "risk-2".into(),
        },
    ];
    for command in cases {
        let mut review = with_sitter();
        assert_refused_saying(
            &mut review,
            command,
            DomainError::UnknownArrangement,
            "That arrangement is no longer part of this review",
        );
    }
}

#[test]
fn cover_choices_have_stable_keys() {
    let needs: Vec<_> = CarerNeed::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(
        needs,
        [
            "appointment",
            "break",
            "work",
            "learning",
            "support-group",
            "other"
        ]
    );
    let kinds: Vec<_> = CoverKind::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(
        kinds,
        [
            "replacement-care",
            "respite",
            "sitting-service",
            "day-opportunity",
            "youth-work",
            "short-breaks",
            "family-friends",
            "technology"
        ]
    );
    let funding: Vec<_> = Funding::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(
        funding,
        [
            "direct-payment",
            "council",
            "health",
            "self-funded",
            "informal",
            "to-be-decided"
        ]
    );
}

/// An answer to "Did they agree?" keeps its details when chosen again, and
/// takes what was typed when new; an agreement from before agreement had
/// its ways ("through their advocate") answers "agreed", and is kept.
#[test]
fn an_agreement_is_made_from_its_answer_and_keeps_its_details() {
    use IndividualAgreement as A;
    let not_agreed = A::NotAgreed {
        what_happens_next: "Talk again next week".into(),
    };
    let legacy = A::AgreedThroughAdvocate {
        by: Person::participant(ADVOCATE),
    };
    let agreed = A::Agreed { how: None };
    let cases = [
        (AgreementAnswer::Agreed, None, "", agreed.clone()),
        (
            AgreementAnswer::NotAgreed,
            Some(&not_agreed),
            "other",
            not_agreed.clone(),
        ),
        (
            AgreementAnswer::NotAgreed,
            Some(&agreed),
            "typed",
            A::NotAgreed {
                what_happens_next: "typed".into(),
            },
        ),
        (AgreementAnswer::Agreed, Some(&legacy), "", legacy.clone()),
        (
            AgreementAnswer::NotAskedYet,
            Some(&not_agreed),
            "",
            A::NotAskedYet,
        ),
    ];
    for (answer, before, typed, expected) in cases {
        let made = A::from_answer(answer, before, typed);
        assert_eq!(made, expected, "{answer:?}");
        assert_eq!(made.answer(), answer);
        assert_eq!(made.key(), answer.key());
    }
}

/// How the person agreed is checked as it is recorded: a way through an
/// advocate names one taking part, and a witness is someone else here.
#[test]
fn how_the_person_agreed_names_only_people_taking_part() {
    use review_core::agreement::{AgreedWay, HowAgreed};
    let mut r = part_two_complete();
    let agreed = |how| {
        cover(
            SITTER,
            CoverField::Agreement(Some(IndividualAgreement::Agreed { how: Some(how) })),
        )
    };
    let through_nobody = HowAgreed::new(AgreedWay::Advocate);
    assert_eq!(
        refused(&mut r, agreed(through_nobody)),
        DomainError::NoSuchHelper
    );
    let herself = HowAgreed {
        witness: Some(INDIVIDUAL.into()),
        ..pictures_seen_by_the_worker()
    };
    assert_eq!(refused(&mut r, agreed(herself)), DomainError::NoSuchWitness);
    let carer_not_an_advocate = HowAgreed {
        way: AgreedWay::Advocate,
        through: Some(CARER.into()),
        witness: None,
    };
    assert_eq!(
        refused(&mut r, agreed(carer_not_an_advocate)),
        DomainError::NoSuchHelper
    );
    r.apply(agreed(pictures_seen_by_the_worker()), edited())
        .unwrap();
}

#[test]
fn consent_is_made_from_its_answer_and_keeps_its_reason() {
    let risk = ConsentToShare::NotNeededBecauseOfRisk {
        reason: "Joan is at risk at night".into(),
    };
    assert_eq!(
        ConsentToShare::from_answer(ConsentAnswer::BecauseOfRisk, Some(&risk), "other"),
        risk
    );
    assert_eq!(
        ConsentToShare::from_answer(
            ConsentAnswer::BecauseOfRisk,
            Some(&ConsentToShare::No),
            "typed"
        ),
        ConsentToShare::NotNeededBecauseOfRisk {
            reason: "typed".into()
        }
    );
    assert_eq!(
        ConsentToShare::from_answer(ConsentAnswer::Yes, Some(&risk), ""),
        ConsentToShare::Yes
    );
    assert_eq!(risk.answer(), ConsentAnswer::BecauseOfRisk);
    assert_eq!(
        ConsentAnswer::BecauseOfRisk.key(),
        "not-needed-because-of-risk"
    );
}
