//! The readiness check (P18): the needs that follow from each person's support,
//! and the gate before the review proper.

mod common;

use common::*;
use review_core::readiness::{checks, is_resolved, need_label, needs_of, ready_to_review};
use review_core::validate::{self, FieldError};
use review_core::*;

fn carer_with(support: ParticipationSupport) -> Participant {
    let mut p = Participant::new(CARER.into(), Role::Carer);
    p.name = "Ayesha".into();
    p.support = support;
    p
}

#[test]
fn needs_follow_from_support() {
    let interpreter = Some(InterpreterNeed::default());
    let cases: Vec<(ParticipationSupport, Vec<Need>)> = vec![
        (ParticipationSupport::default(), vec![]),
        (
            ParticipationSupport {
                preferred_language: "Welsh".into(),
                communication_detail: "Only detail".into(),
                ..Default::default()
            },
            vec![],
        ),
        (
            ParticipationSupport {
                interpreter: interpreter.clone(),
                ..Default::default()
            },
            vec![Need::Interpreter],
        ),
        (
            ParticipationSupport {
                advocate: Some(AdvocateKind::Imca),
                ..Default::default()
            },
            vec![Need::Advocate],
        ),
        (
            ParticipationSupport {
                adjustments: "Large print".into(),
                ..Default::default()
            },
            vec![Need::Adjustments],
        ),
        (
            ParticipationSupport {
                adjustments: " \n\t ".into(),
                ..Default::default()
            },
            vec![],
        ),
        (
            ParticipationSupport {
                interpreter,
                advocate: Some(AdvocateKind::Informal),
                communication: vec![
                    CommunicationMethod::Spoken,
                    CommunicationMethod::Pictures,
                    CommunicationMethod::Aids,
                ],
                adjustments: "Breaks".into(),
                ..Default::default()
            },
            vec![
                Need::Interpreter,
                Need::Advocate,
                Need::Communication(CommunicationMethod::Pictures),
                Need::Communication(CommunicationMethod::Aids),
                Need::Adjustments,
            ],
        ),
    ];
    for (support, expected) in cases {
        let shown = format!("{support:?}");
        assert_eq!(needs_of(&carer_with(support)), expected, "{shown}");
    }
}

#[test]
fn every_communication_method_except_spoken_is_a_need() {
    for method in CommunicationMethod::ALL {
        let p = carer_with(ParticipationSupport {
            communication: vec![method],
            ..Default::default()
        });
        let expected = if method == CommunicationMethod::Spoken {
            vec![]
        } else {
            vec![Need::Communication(method)]
        };
        assert_eq!(needs_of(&p), expected, "{method:?}");
    }
}

#[test]
fn support_commands_add_and_remove_needs() {
    let needs = |commands: Vec<Command>| {
        let review = review_with([vec![add(CARER, Role::Carer)], commands].concat());
        needs_of(review.participant(CARER).unwrap())
    };
    let interpreter_on = Command::SetInterpreterNeeded {
        id: CARER.into(),
        needed: true,
    };
    let interpreter_off = Command::SetInterpreterNeeded {
        id: CARER.into(),
        needed: false,
    };
    let cases: Vec<(&str, Vec<Command>, Vec<Need>)> = vec![
        (
            "interpreter needed",
            vec![interpreter_on.clone()],
            vec![Need::Interpreter],
        ),
        (
            "interpreter no longer needed",
            vec![interpreter_on, interpreter_off],
            vec![],
        ),
        (
            "choosing a mode implies an interpreter",
            vec![Command::SetInterpreterMode {
                id: CARER.into(),
                mode: InterpreterMode::Bsl,
            }],
            vec![Need::Interpreter],
        ),
        (
            "advocate set then cleared",
            vec![
                Command::SetAdvocate {
                    id: CARER.into(),
                    advocate: Some(AdvocateKind::CareAct),
                },
                Command::SetAdvocate {
                    id: CARER.into(),
                    advocate: None,
                },
            ],
            vec![],
        ),
        (
            "communication methods in a stable order, unticked ones gone",
            vec![
                communication(CARER, CommunicationMethod::Aids),
                communication(CARER, CommunicationMethod::Symbols),
                communication(CARER, CommunicationMethod::Writing),
                Command::SetCommunication {
                    id: CARER.into(),
                    method: CommunicationMethod::Writing,
                    used: false,
                },
            ],
            vec![
                Need::Communication(CommunicationMethod::Symbols),
                Need::Communication(CommunicationMethod::Aids),
            ],
        ),
        (
            "ticking a method twice lists it once",
            vec![
                communication(CARER, CommunicationMethod::Signs),
                communication(CARER, CommunicationMethod::Signs),
            ],
            vec![Need::Communication(CommunicationMethod::Signs)],
        ),
    ];
    for (behaviour, commands, expected) in cases {
        assert_eq!(needs(commands), expected, "{behaviour}");
    }
}

#[test]
fn the_workers_own_support_is_not_checked() {
    let review = review_with([Command::SetInterpreterNeeded {
        id: WORKER.into(),
        needed: true,
    }]);
    assert_eq!(checks(&review), []);
    assert!(ready_to_review(&review));
}

#[test]
fn need_labels_are_plain_words() {
    let with = |f: fn(&mut ParticipationSupport)| {
        let mut s = ParticipationSupport::default();
        f(&mut s);
        carer_with(s)
    };
    let cases = [
        (with(|_| {}), Need::Interpreter, "an interpreter"),
        (
            with(|s| {
                s.interpreter = Some(InterpreterNeed {
                    mode: Some(InterpreterMode::Spoken),
                    language: " Welsh ".into(),
                })
            }),
            Need::Interpreter,
            "an interpreter for Welsh",
        ),
        (
            with(|s| {
                s.interpreter = Some(InterpreterNeed {
                    mode: Some(InterpreterMode::Bsl),
                    language: String::new(),
                })
            }),
            Need::Interpreter,
            "a British Sign Language interpreter",
        ),
        (
            with(|s| s.advocate = Some(AdvocateKind::CareAct)),
            Need::Advocate,
            "an independent advocate (Care Act)",
        ),
        (
            with(|s| s.advocate = Some(AdvocateKind::Imca)),
            Need::Advocate,
            "an Independent Mental Capacity Advocate",
        ),
        (
            with(|s| s.advocate = Some(AdvocateKind::Informal)),
            Need::Advocate,
            "an advocate",
        ),
        (
            with(|_| {}),
            Need::Communication(CommunicationMethod::Symbols),
            "symbols",
        ),
        (
            with(|_| {}),
            Need::Communication(CommunicationMethod::ObjectsOfReference),
            "objects of reference",
        ),
        (
            with(|s| s.adjustments = "Large print ".into()),
            Need::Adjustments,
            "the agreed adjustments (Large print)",
        ),
    ];
    for (p, need, expected) in cases {
        assert_eq!(need_label(&p, need), expected, "{need:?}");
    }
}

#[test]
fn need_labels_keep_proper_nouns_capitalised() {
    let p = carer_with(ParticipationSupport::default());
    assert_eq!(
        need_label(&p, Need::Communication(CommunicationMethod::Signs)),
        "signs (for example Makaton or BSL)"
    );
}

/// A review whose carer, Ayesha, needs a Welsh interpreter.
fn needs_interpreter(status: Option<NeedStatus>) -> Review {
    review_with(
        [
            who_is_here_commands(),
            vec![
                Command::SetInterpreterLanguage {
                    id: CARER.into(),
                    language: "Welsh".into(),
                },
                need_status(CARER, Need::Interpreter, status),
            ],
        ]
        .concat(),
    )
}

#[test]
fn with_no_needs_at_all_the_review_is_ready() {
    assert!(ready_to_review(&new_review()));
    assert!(ready_to_review(&review_with(who_is_here_commands())));
    assert_eq!(validate::readiness(&new_review()), []);
}

#[test]
fn an_unchecked_need_blocks_the_review_and_asks_for_a_check() {
    let review = needs_interpreter(None);
    assert!(!ready_to_review(&review));
    assert_eq!(
        validate::readiness(&review),
        [FieldError {
            field: "need-carer-interpreter".into(),
            message:
                "Select whether everything is ready for Ayesha Hughes: an interpreter for Welsh"
                    .into(),
            attention: false,
        }]
    );
}

#[test]
fn all_needs_resolved_lets_the_review_start() {
    let review = part_one_complete();
    assert_eq!(
        checks(&review).len(),
        3,
        "interpreter, advocate and symbols"
    );
    assert!(ready_to_review(&review));
    assert_eq!(validate::readiness(&review), []);
}

#[test]
fn one_unchecked_need_among_met_ones_still_blocks() {
    let review = with_applied(
        part_one_complete(),
        [communication(INDIVIDUAL, CommunicationMethod::Pictures)],
    );
    assert!(!ready_to_review(&review));
    assert_eq!(
        messages(&validate::readiness(&review)),
        ["Select whether everything is ready for Joan Hughes: pictures or photos"]
    );
}

#[test]
fn a_need_not_met_needs_both_what_was_done_and_why_to_go_on() {
    let action = "Enter what was done about an interpreter for Welsh for Ayesha Hughes";
    let reason =
        "Enter why the review can go on without an interpreter for Welsh for Ayesha Hughes";
    // (action, reason to continue, ready, expected errors as (field, message))
    let cases = [
        (
            "Rebooked for Friday",
            "Ayesha chose to go on in English",
            true,
            vec![],
        ),
        (
            "",
            "Ayesha chose to go on in English",
            false,
            vec![("need-carer-interpreter-action", action)],
        ),
        (
            "Rebooked for Friday",
            "",
            false,
            vec![("need-carer-interpreter-reason", reason)],
        ),
        (
            "  ",
            " \n",
            false,
            vec![
                ("need-carer-interpreter-action", action),
                ("need-carer-interpreter-reason", reason),
            ],
        ),
    ];
    for (done, why, ready, expected) in cases {
        let review = needs_interpreter(Some(not_met(done, why)));
        assert_eq!(ready_to_review(&review), ready, "{done:?} / {why:?}");
        let errors = validate::readiness(&review);
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(found, expected, "{done:?} / {why:?}");
        assert!(
            errors.iter().all(|e| e.attention),
            "an unresolved need needs attention"
        );
    }
}

#[test]
fn is_resolved_matches_the_gate() {
    let cases = [
        (None, false),
        (Some(NeedStatus::Met), true),
        (Some(not_met("Rebooked", "Carer agreed")), true),
        (Some(not_met("", "Carer agreed")), false),
        (Some(not_met("Rebooked", "")), false),
        (Some(not_met(" ", " ")), false),
    ];
    for (status, resolved) in cases {
        assert_eq!(is_resolved(status.as_ref()), resolved, "{status:?}");
    }
}

#[test]
fn clearing_a_status_makes_the_need_unchecked_again() {
    let mut review = needs_interpreter(Some(NeedStatus::Met));
    assert!(ready_to_review(&review));
    apply_all(&mut review, [need_status(CARER, Need::Interpreter, None)]);
    assert!(review.readiness.is_empty());
    assert!(!ready_to_review(&review));
}

#[test]
fn a_not_met_status_is_stored_cleaned_to_nfc() {
    let review = needs_interpreter(Some(not_met("Called Rene\u{301}e\u{7}", "Agreed")));
    assert_eq!(
        review.readiness.get(&need_key(CARER, Need::Interpreter)),
        Some(&not_met("Called Ren\u{e9}e", "Agreed"))
    );
}

#[test]
fn a_status_for_a_need_no_longer_asked_for_does_not_block() {
    let mut review = needs_interpreter(Some(not_met("", "")));
    assert!(!ready_to_review(&review));
    apply_all(
        &mut review,
        [Command::SetInterpreterNeeded {
            id: CARER.into(),
            needed: false,
        }],
    );
    assert!(ready_to_review(&review));
    assert_eq!(validate::readiness(&review), []);
}

#[test]
fn checks_list_each_need_with_its_status_in_participant_order() {
    let review = part_one_complete();
    let listed: Vec<_> = checks(&review)
        .into_iter()
        .map(|c| (c.participant.id.as_str(), c.need, c.status.cloned()))
        .collect();
    assert_eq!(
        listed,
        [
            (INDIVIDUAL, Need::Advocate, Some(joan_advocate_not_met())),
            (
                INDIVIDUAL,
                Need::Communication(CommunicationMethod::Symbols),
                Some(NeedStatus::Met)
            ),
            (CARER, Need::Interpreter, Some(NeedStatus::Met)),
        ]
    );
}

/// A need whose details change must be checked again: an earlier "met" was
/// about the old details (for example a different interpreter language).
#[test]
fn changing_a_need_asks_for_its_readiness_again() {
    use review_core::{Command, InterpreterMode, Need, NeedStatus, Role};
    let mut r = common::new_review();
    let carer = "carer-1".to_string();
    common::apply_all(
        &mut r,
        vec![
            Command::AddParticipant {
                id: carer.clone(),
                role: Role::Carer,
            },
            Command::SetInterpreterNeeded {
                id: carer.clone(),
                needed: true,
            },
            Command::SetInterpreterMode {
                id: carer.clone(),
                mode: InterpreterMode::Spoken,
            },
            Command::SetInterpreterLanguage {
                id: carer.clone(),
                language: "Urdu".into(),
            },
            Command::SetNeedStatus {
                participant: carer.clone(),
                need: Need::Interpreter,
                status: Some(NeedStatus::Met),
            },
        ],
    );
    assert!(review_core::readiness::ready_to_review(&r));
    common::apply_all(
        &mut r,
        vec![Command::SetInterpreterLanguage {
            id: carer.clone(),
            language: "Punjabi".into(),
        }],
    );
    assert!(!review_core::readiness::ready_to_review(&r));
}
