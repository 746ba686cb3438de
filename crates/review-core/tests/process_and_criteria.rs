//! "How we will review" and "What we will look at" (P17): the process the
//! carer agrees, time boxes, and the criteria with their agreements.

mod common;

use common::*;
use review_core::command::MAX_TIME_BOX;
use review_core::library::criteria_library;
use review_core::validate::{self, FieldError};
use review_core::*;

fn missing(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
        attention: false,
    }
}

fn attention(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
        attention: true,
    }
}

// ---- How we will review -------------------------------------------------

#[test]
fn a_complete_process_has_no_errors() {
    assert_eq!(validate::process(&part_one_complete()), []);
}

#[test]
fn a_fresh_process_asks_for_everything_but_the_agenda() {
    // Every agenda item starts switched on, so the agenda is never missing at first.
    let review = review_with(who_is_here_commands());
    assert_eq!(
        validate::process(&review),
        [
            missing("reason", "Select why this review is happening"),
            missing(
                "depth",
                "Select whether this is a light touch or a full review"
            ),
            missing(
                "private-time",
                "Select whether the carer would like time with the worker on their own"
            ),
            missing(
                "default-visibility",
                "Select who may see what is said, unless an item says otherwise"
            ),
            missing(
                "process-agreement",
                "Ask Ayesha Hughes to agree how the review will run"
            ),
        ]
    );
}

/// Takes one answer back out of a complete process.
type Unset = fn(&mut ReviewProcess);

#[test]
fn each_missing_answer_gives_its_own_error() {
    let cases: [(Unset, FieldError); 7] = [
        (
            |p| p.reason = None,
            missing("reason", "Select why this review is happening"),
        ),
        (
            |p| p.depth = None,
            missing(
                "depth",
                "Select whether this is a light touch or a full review",
            ),
        ),
        (
            |p| p.agenda.clear(),
            missing("agenda", "Select at least one thing the review will cover"),
        ),
        (
            |p| p.carer_private_time = None,
            missing(
                "private-time",
                "Select whether the carer would like time with the worker on their own",
            ),
        ),
        (
            |p| p.confidentiality.default_visibility = None,
            missing(
                "default-visibility",
                "Select who may see what is said, unless an item says otherwise",
            ),
        ),
        (
            |p| p.confidentiality.copies[2].name = " ".into(),
            missing(
                "copy-copy-crossroads-name",
                "Enter the name of the service that gets a copy",
            ),
        ),
        (
            |p| p.agreed_by.clear(),
            missing(
                "process-agreement",
                "Ask Ayesha Hughes to agree how the review will run",
            ),
        ),
    ];
    for (unset, expected) in cases {
        let mut review = part_one_complete();
        unset(&mut review.process);
        assert_eq!(validate::process(&review), [expected]);
    }
}

#[test]
fn notes_on_who_gets_a_copy_are_optional_now_copies_are_chosen() {
    let mut review = part_one_complete();
    review.process.confidentiality.recipients.clear();
    assert_eq!(validate::process(&review), []);
}

#[test]
fn the_carer_and_the_gp_get_one_copy_each_providers_and_others_are_named() {
    let review = with_applied(
        part_one_complete(),
        [
            Command::SetCopy {
                kind: RecipientKind::Gp,
                gets: true,
            },
            Command::SetCopy {
                kind: RecipientKind::Gp,
                gets: true,
            },
            Command::SetCopy {
                kind: RecipientKind::Carer,
                gets: false,
            },
            Command::AddNamedCopy {
                id: "copy-2".into(),
                kind: RecipientKind::Other,
            },
        ],
    );
    let kinds: Vec<RecipientKind> = review
        .process
        .confidentiality
        .copies
        .iter()
        .map(|c| c.kind)
        .collect();
    // In the order the question offers them; the GP once.
    assert_eq!(
        kinds,
        [
            RecipientKind::Individual,
            RecipientKind::Gp,
            RecipientKind::Provider,
            RecipientKind::Other
        ]
    );
    let mut r = review.clone();
    for wrong in [
        Command::SetCopy {
            kind: RecipientKind::Provider,
            gets: true,
        },
        Command::AddNamedCopy {
            id: "copy-3".into(),
            kind: RecipientKind::Gp,
        },
        Command::AddNamedCopy {
            id: "copy-2".into(),
            kind: RecipientKind::Other,
        },
        Command::SetCopyName {
            id: "gp".into(),
            name: "Dr Jones".into(),
        },
        Command::RemoveCopy {
            id: "nobody".into(),
        },
    ] {
        assert!(r.apply(wrong.clone(), r.updated_at).is_err(), "{wrong:?}");
    }
    assert_eq!(r, review, "a refused change changes nothing");
}

#[test]
fn private_time_answered_no_is_an_answer() {
    let review = with_applied(part_one_complete(), [Command::SetCarerPrivateTime(false)]);
    assert_eq!(validate::process(&review), []);
}

#[test]
fn turning_every_agenda_item_off_asks_for_at_least_one() {
    let review = with_applied(
        part_one_complete(),
        AgendaItem::ALL.map(|item| Command::SetAgendaItem { item, used: false }),
    );
    assert_eq!(
        validate::process(&review),
        [missing(
            "agenda",
            "Select at least one thing the review will cover"
        )]
    );
}

#[test]
fn agenda_items_stay_in_agenda_order_whatever_order_they_are_ticked() {
    let mut review = with_applied(
        new_review(),
        AgendaItem::ALL.map(|item| Command::SetAgendaItem { item, used: false }),
    );
    apply_all(
        &mut review,
        [
            AgendaItem::Escalation,
            AgendaItem::Partnership,
            AgendaItem::Cover,
        ]
        .map(|item| Command::SetAgendaItem { item, used: true }),
    );
    apply_all(
        &mut review,
        [Command::SetAgendaItem {
            item: AgendaItem::Cover,
            used: true,
        }],
    );
    assert_eq!(
        review.process.agenda,
        [
            AgendaItem::Partnership,
            AgendaItem::Cover,
            AgendaItem::Escalation
        ]
    );
}

#[test]
fn a_sharing_limit_needs_what_and_who() {
    let what = "Enter what must not be shared";
    let who = "Enter who it must not be shared with";
    let cases = [
        ("Ayesha's health", "Joan's day centre", vec![]),
        (
            "",
            "Joan's day centre",
            vec![missing("restriction-restriction-1-what", what)],
        ),
        (
            "Ayesha's health",
            "  ",
            vec![missing("restriction-restriction-1-not-with", who)],
        ),
        (
            "",
            "",
            vec![
                missing("restriction-restriction-1-what", what),
                missing("restriction-restriction-1-not-with", who),
            ],
        ),
    ];
    for (what_text, not_with, expected) in cases {
        let review = with_applied(
            part_one_complete(),
            [Command::SetRestriction {
                id: RESTRICTION.into(),
                what: what_text.into(),
                not_with: not_with.into(),
            }],
        );
        assert_eq!(
            validate::process(&review),
            expected,
            "{what_text:?} / {not_with:?}"
        );
    }
}

#[test]
fn a_removed_sharing_limit_is_no_longer_checked() {
    let review = with_applied(
        part_one_complete(),
        [
            Command::SetRestriction {
                id: RESTRICTION.into(),
                what: String::new(),
                not_with: String::new(),
            },
            Command::RemoveRestriction {
                id: RESTRICTION.into(),
            },
        ],
    );
    assert!(review.process.confidentiality.restrictions.is_empty());
    assert_eq!(validate::process(&review), []);
}

#[test]
fn changing_or_removing_an_unknown_sharing_limit_is_rejected() {
    for command in [
        Command::SetRestriction {
            id: "gone".into(),
            what: "x".into(),
            not_with: "y".into(),
        },
        Command::RemoveRestriction { id: "gone".into() },
    ] {
        let mut review = part_one_complete();
        assert_refused_saying(
            &mut review,
            command,
            DomainError::UnknownRestriction,
            "That sharing limit is no longer part of this review",
        );
    }
}

#[test]
fn only_carers_who_take_part_are_asked_to_agree_the_process() {
    let agree = |who: &str| Command::SetProcessAgreement {
        participant: who.into(),
        agreed: true,
    };
    let ayesha = "Ask Ayesha Hughes to agree how the review will run";
    let tom = "Ask Tom to agree how the review will run";
    // (second carer's attendance, agreements given, expected messages)
    let cases: Vec<(Attendance, Vec<&str>, Vec<&str>)> = vec![
        (Attendance::InPerson, vec![], vec![ayesha, tom]),
        (Attendance::Remote, vec![CARER], vec![tom]),
        (Attendance::AbsentViewsGathered, vec![], vec![ayesha]),
        (Attendance::AbsentViewsGathered, vec![CARER], vec![]),
        (Attendance::InPerson, vec![CARER, "carer-2"], vec![]),
        // Agreement from someone else does not stand in for the carer's.
        (
            Attendance::AbsentViewsGathered,
            vec![WORKER, INDIVIDUAL, "carer-2"],
            vec![ayesha],
        ),
    ];
    for (second, agreed, expected) in cases {
        let mut review = with_applied(
            part_one_complete(),
            [
                Command::SetProcessAgreement {
                    participant: CARER.into(),
                    agreed: false,
                },
                add("carer-2", Role::Carer),
                name("carer-2", "Tom"),
                attendance("carer-2", second),
            ],
        );
        apply_all(&mut review, agreed.iter().map(|who| agree(who)));
        let errors = validate::process(&review);
        assert_eq!(
            messages(&errors),
            expected,
            "second carer {second:?}, agreed by {agreed:?}"
        );
        assert!(errors
            .iter()
            .all(|e| e.field == "process-agreement" && !e.attention));
    }
}

#[test]
fn the_process_agreement_message_names_the_carer_or_their_role() {
    let review = with_applied(
        part_one_complete(),
        [
            Command::SetProcessAgreement {
                participant: CARER.into(),
                agreed: false,
            },
            name(CARER, "  "),
        ],
    );
    assert_eq!(
        messages(&validate::process(&review)),
        ["Ask the carer to agree how the review will run"]
    );
}

#[test]
fn agreeing_twice_records_one_agreement_and_withdrawing_removes_it() {
    let agreement = |agreed| Command::SetProcessAgreement {
        participant: CARER.into(),
        agreed,
    };
    let mut review = review_with(who_is_here_commands());
    apply_all(&mut review, [agreement(true), agreement(true)]);
    assert_eq!(review.process.agreed_by, [CARER]);
    apply_all(&mut review, [agreement(false)]);
    assert!(review.process.agreed_by.is_empty());
}

// ---- Time boxes ---------------------------------------------------------

#[test]
fn time_boxes_from_1_to_240_minutes_are_kept() {
    assert_eq!(MAX_TIME_BOX, 240);
    for minutes in [1, 2, 45, 239, 240] {
        let review = review_with([Command::SetTimeBox {
            item: AgendaItem::Services,
            minutes: Some(minutes),
        }]);
        assert_eq!(
            review.process.time_boxes.get(&AgendaItem::Services),
            Some(&minutes),
            "{minutes} minutes"
        );
    }
}

#[test]
fn time_boxes_outside_1_to_240_minutes_are_rejected() {
    for minutes in [0, 241, 1_000, u32::MAX] {
        let mut review = part_one_complete();
        let before = review.clone();
        let err = refused(
            &mut review,
            Command::SetTimeBox {
                item: AgendaItem::Partnership,
                minutes: Some(minutes),
            },
        );
        assert_eq!(err, DomainError::TimeBoxOutOfRange, "{minutes} minutes");
        assert_eq!(err.to_string(), "Enter a time between 1 and 240 minutes");
        assert_eq!(
            review, before,
            "the 20-minute time box is kept after {minutes}"
        );
    }
}

#[test]
fn clearing_a_time_box_removes_it() {
    let review = with_applied(
        part_one_complete(),
        [Command::SetTimeBox {
            item: AgendaItem::Partnership,
            minutes: None,
        }],
    );
    assert!(review.process.time_boxes.is_empty());
}

#[test]
fn turning_an_agenda_item_off_removes_its_time_box() {
    let mut review = review_with([
        Command::SetTimeBox {
            item: AgendaItem::Partnership,
            minutes: Some(20),
        },
        Command::SetTimeBox {
            item: AgendaItem::Cover,
            minutes: Some(10),
        },
        Command::SetAgendaItem {
            item: AgendaItem::Cover,
            used: false,
        },
    ]);
    assert_eq!(
        review.process.time_boxes.iter().collect::<Vec<_>>(),
        [(&AgendaItem::Partnership, &20)]
    );
    // Turning it back on does not bring the old time back.
    apply_all(
        &mut review,
        [Command::SetAgendaItem {
            item: AgendaItem::Cover,
            used: true,
        }],
    );
    assert_eq!(review.process.time_boxes.get(&AgendaItem::Cover), None);
}

#[test]
fn a_time_box_is_only_kept_for_an_item_on_the_agenda() {
    let mut review = review_with([Command::SetAgendaItem {
        item: AgendaItem::Cover,
        used: false,
    }]);
    assert_eq!(
        review.apply(
            Command::SetTimeBox {
                item: AgendaItem::Cover,
                minutes: Some(10),
            },
            edited(),
        ),
        Err(DomainError::NotOnAgenda)
    );
    assert_eq!(review.process.time_boxes.get(&AgendaItem::Cover), None);
}

// ---- What we will look at -----------------------------------------------

#[test]
fn a_library_criterion_is_copied_in_with_its_source() {
    let library = criteria_library()
        .get("regular-breaks")
        .expect("seed criterion");
    let review = review_with([Command::AddLibraryCriterion {
        id: "c1".into(),
        criterion: library.clone(),
    }]);
    assert_eq!(
        review.criteria,
        [Criterion {
            id: "c1".into(),
            source: CriterionSource::Library {
                key: "regular-breaks".into()
            },
            group: library.group,
            wording: library.wording.clone(),
            easy_read: library.easy_read.clone(),
            serves: library.serves.clone(),
            scale: Scale::ThreePoint,
            agreed_by: vec![],
        }]
    );
}

#[test]
fn a_library_criterion_can_be_added_only_once() {
    let library = criteria_library()
        .get("regular-breaks")
        .expect("seed criterion");
    let mut review = review_with([Command::AddLibraryCriterion {
        id: "c1".into(),
        criterion: library.clone(),
    }]);
    let before = review.clone();
    let err = refused(
        &mut review,
        Command::AddLibraryCriterion {
            id: "c2".into(),
            criterion: library.clone(),
        },
    );
    assert_eq!(err, DomainError::AlreadyInReview);
    assert_eq!(err.to_string(), "That criterion is already in this review");
    assert_eq!(review, before);
}

#[test]
fn a_removed_library_criterion_can_be_added_again() {
    let library = criteria_library()
        .get("regular-breaks")
        .expect("seed criterion");
    let review = review_with([
        Command::AddLibraryCriterion {
            id: "c1".into(),
            criterion: library.clone(),
        },
        Command::RemoveCriterion { id: "c1".into() },
        Command::AddLibraryCriterion {
            id: "c2".into(),
            criterion: library.clone(),
        },
    ]);
    let ids: Vec<_> = review.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c2"]);
}

#[test]
fn a_custom_criterion_serves_p19_and_starts_on_three_points() {
    let review = review_with([Command::AddCustomCriterion {
        id: "c1".into(),
        group: CriterionGroup::Individual,
        wording: "Joan keeps her Sunday routine".into(),
    }]);
    assert_eq!(
        review.criteria,
        [Criterion {
            id: "c1".into(),
            source: CriterionSource::Custom,
            group: CriterionGroup::Individual,
            wording: "Joan keeps her Sunday routine".into(),
            easy_read: String::new(),
            serves: vec!["P19".into()],
            scale: Scale::ThreePoint,
            agreed_by: vec![],
        }]
    );
}

#[test]
fn a_custom_criterion_with_empty_wording_is_rejected() {
    // Control characters are dropped by cleaning, leaving nothing.
    for wording in ["", "\u{0}", "\u{7}\u{1b}"] {
        let mut review = new_review();
        let before = review.clone();
        let err = refused(
            &mut review,
            Command::AddCustomCriterion {
                id: "c1".into(),
                group: CriterionGroup::Wellbeing,
                wording: wording.into(),
            },
        );
        assert_eq!(err, DomainError::EmptyWording, "{wording:?}");
        assert_eq!(err.to_string(), "Enter the wording of the criterion");
        assert_eq!(review, before);
    }
}

#[test]
fn a_custom_criterion_with_whitespace_only_wording_is_rejected() {
    for wording in [" ", "   ", "\n", "\t \n"] {
        let mut review = new_review();
        let err = review.apply(
            Command::AddCustomCriterion {
                id: "c1".into(),
                group: CriterionGroup::Wellbeing,
                wording: wording.into(),
            },
            edited(),
        );
        assert_eq!(err, Err(DomainError::EmptyWording), "{wording:?}");
    }
}

#[test]
fn rewording_a_criterion_to_whitespace_is_rejected() {
    let mut review = part_one_complete();
    let err = review.apply(
        Command::SetCriterionWording {
            id: CUSTOM_CRITERION.into(),
            wording: "   ".into(),
        },
        edited(),
    );
    assert_eq!(err, Err(DomainError::EmptyWording));
}

#[test]
fn rewording_a_criterion_to_nothing_is_rejected_and_keeps_agreements() {
    let mut review = part_one_complete();
    let before = review.clone();
    let err = refused(
        &mut review,
        Command::SetCriterionWording {
            id: CUSTOM_CRITERION.into(),
            wording: String::new(),
        },
    );
    assert_eq!(err, DomainError::EmptyWording);
    assert_eq!(review, before);
}

#[test]
fn commands_about_a_criterion_not_in_the_review_are_rejected() {
    for command in [
        Command::SetCriterionWording {
            id: "gone".into(),
            wording: "New words".into(),
        },
        Command::SetCriterionScale {
            id: "gone".into(),
            scale: Scale::FiveStep,
        },
        Command::RemoveCriterion { id: "gone".into() },
        criterion_agreed("gone", CARER),
    ] {
        let mut review = part_one_complete();
        assert_refused_saying(
            &mut review,
            command,
            DomainError::UnknownCriterion,
            "That criterion is no longer part of this review",
        );
    }
}

#[test]
fn changing_what_was_agreed_clears_the_agreements() {
    // (behaviour, command on the library criterion, agreements kept)
    let cases = [
        (
            "new wording",
            Command::SetCriterionWording {
                id: LIBRARY_CRITERION.into(),
                wording: "The carer's knowledge shapes Joan's support.".into(),
            },
            false,
        ),
        (
            "the same wording again",
            Command::SetCriterionWording {
                id: LIBRARY_CRITERION.into(),
                wording: expert_partner().wording,
            },
            true,
        ),
        (
            "the same wording with a stray control character (cleaned to the same text)",
            Command::SetCriterionWording {
                id: CUSTOM_CRITERION.into(),
                wording: "I get a proper break every week\u{0}".into(),
            },
            true,
        ),
        (
            "a new scale",
            Command::SetCriterionScale {
                id: LIBRARY_CRITERION.into(),
                scale: Scale::FiveStep,
            },
            false,
        ),
        (
            "the same scale again",
            Command::SetCriterionScale {
                id: LIBRARY_CRITERION.into(),
                scale: Scale::ThreePoint,
            },
            true,
        ),
    ];
    for (behaviour, command, kept) in cases {
        let mut review = part_one_complete();
        let before = review.clone();
        apply_all(&mut review, [command]);
        let agreements = |r: &Review| -> Vec<Vec<Id>> {
            r.criteria.iter().map(|c| c.agreed_by.clone()).collect()
        };
        if kept {
            assert_eq!(agreements(&review), agreements(&before), "{behaviour}");
        } else {
            let lib = review
                .criteria
                .iter()
                .find(|c| c.id == LIBRARY_CRITERION)
                .unwrap();
            assert!(lib.agreed_by.is_empty(), "{behaviour}");
            let custom = review
                .criteria
                .iter()
                .find(|c| c.id == CUSTOM_CRITERION)
                .unwrap();
            assert_eq!(
                custom.agreed_by,
                [CARER],
                "{behaviour}: other criteria keep theirs"
            );
        }
    }
}

#[test]
fn agreed_criteria_have_no_errors() {
    assert_eq!(validate::criteria(&part_one_complete()), []);
}

#[test]
fn no_criteria_asks_for_at_least_one() {
    assert_eq!(
        validate::criteria(&review_with(who_is_here_commands())),
        [missing(
            "add-criteria",
            "Choose at least one thing to review against"
        )]
    );
}

#[test]
fn a_criterion_without_the_carers_agreement_asks_for_it() {
    let review = with_applied(
        part_one_complete(),
        [Command::SetCriterionAgreement {
            criterion: CUSTOM_CRITERION.into(),
            participant: CARER.into(),
            agreed: false,
        }],
    );
    assert_eq!(
        validate::criteria(&review),
        [missing(
            "criterion-criterion-custom-agreement",
            "Ask Ayesha Hughes to agree to review against \u{201c}I get a proper break every week\u{201d}"
        )]
    );
}

#[test]
fn a_criterion_agreed_by_someone_else_but_not_the_carer_needs_attention() {
    let review = with_applied(
        part_one_complete(),
        [Command::SetCriterionAgreement {
            criterion: LIBRARY_CRITERION.into(),
            participant: CARER.into(),
            agreed: false,
        }],
    );
    assert_eq!(review.criteria[0].agreed_by, [WORKER]);
    assert_eq!(
        validate::criteria(&review),
        [attention(
            "criterion-criterion-library-agreement",
            "Ask Ayesha Hughes to agree to review against \u{201c}What the carer knows about the person they look after is valued and shapes the support.\u{201d}"
        )]
    );
}

#[test]
fn a_reworded_criterion_asks_the_carer_again() {
    let review = with_applied(
        part_one_complete(),
        [Command::SetCriterionWording {
            id: CUSTOM_CRITERION.into(),
            wording: "I get a break every week ".into(),
        }],
    );
    assert_eq!(
        messages(&validate::criteria(&review)),
        ["Ask Ayesha Hughes to agree to review against \u{201c}I get a break every week\u{201d}"]
    );
}

#[test]
fn only_carers_who_take_part_are_asked_to_agree_criteria() {
    let cases = [
        (Attendance::InPerson, true),
        (Attendance::Remote, true),
        (Attendance::AbsentViewsGathered, false),
    ];
    for (second, asked) in cases {
        let review = with_applied(
            part_one_complete(),
            [
                add("carer-2", Role::Carer),
                name("carer-2", "Tom"),
                attendance("carer-2", second),
            ],
        );
        let errors = validate::criteria(&review);
        let for_tom: Vec<_> = errors
            .iter()
            .filter(|e| e.message.starts_with("Ask Tom "))
            .collect();
        // Both criteria need Tom's agreement when he takes part.
        assert_eq!(for_tom.len(), if asked { 2 } else { 0 }, "{second:?}");
        // Ayesha already agreed, so Tom's missing agreement needs attention.
        assert!(for_tom.iter().all(|e| e.attention), "{second:?}");
    }
}

#[test]
fn agreeing_to_a_criterion_twice_records_one_agreement() {
    let review = review_with(
        [
            who_is_here_commands(),
            criteria_commands(),
            vec![criterion_agreed(LIBRARY_CRITERION, CARER)],
        ]
        .concat(),
    );
    assert_eq!(review.criteria[0].agreed_by, [WORKER, CARER]);
}
