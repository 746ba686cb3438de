//! "Who is here" (P18): who takes part, the rules about the individual, and
//! the messages the error summary shows.

mod common;

use common::*;
use review_core::library::criteria_library;
use review_core::validate::{self, FieldError};
use review_core::*;

/// A review with a carer and a key person, each with a need checked and
/// agreements given, so removals have something to clean up.
fn review_with_agreements() -> Review {
    review_with(
        [
            who_is_here_commands(),
            vec![
                add("key", Role::KeyPerson),
                Command::SetAdvocate {
                    id: CARER.into(),
                    advocate: Some(AdvocateKind::Informal),
                },
                Command::SetAdvocate {
                    id: "key".into(),
                    advocate: Some(AdvocateKind::Informal),
                },
                need_status(CARER, Need::Advocate, Some(NeedStatus::Met)),
                need_status("key", Need::Advocate, Some(NeedStatus::Met)),
                Command::SetProcessAgreement {
                    participant: CARER.into(),
                    agreed: true,
                },
                Command::SetProcessAgreement {
                    participant: "key".into(),
                    agreed: true,
                },
                Command::AddLibraryCriterion {
                    id: LIBRARY_CRITERION.into(),
                    criterion: expert_partner(),
                },
                criterion_agreed(LIBRARY_CRITERION, CARER),
                criterion_agreed(LIBRARY_CRITERION, "key"),
            ],
        ]
        .concat(),
    )
}

#[test]
fn new_review_has_the_worker_from_settings_and_an_individual() {
    let review = new_review();
    assert_eq!(review.id, REVIEW);
    assert_eq!(
        (review.created_at, review.updated_at),
        (created(), created())
    );
    assert_eq!(review.state, ReviewState::Draft);
    assert_eq!(review.organisation, "Northshire County Council");
    assert_eq!(review.team, "Carers Support Team");
    let people: Vec<_> = review
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.role, p.name.as_str(), p.attendance))
        .collect();
    assert_eq!(
        people,
        [
            (
                WORKER,
                Role::Worker,
                "Sam Okafor",
                Some(Attendance::InPerson)
            ),
            (INDIVIDUAL, Role::Individual, "", None),
        ]
    );
    assert_eq!(
        review.process.agenda,
        AgendaItem::ALL,
        "every agenda item is on at first"
    );
}

#[test]
fn an_applied_command_stamps_the_time_it_was_given() {
    let mut review = new_review();
    let now = at("2026-11-24T11:42:00+00:00");
    review.apply(name(INDIVIDUAL, "Joan"), now).unwrap();
    assert_eq!(review.updated_at, now);
    assert_eq!(review.created_at, created());
}

#[test]
fn a_refused_command_leaves_the_review_and_its_time_unchanged() {
    let mut review = new_review();
    let before = review.clone();
    let err = review.apply(name("nobody", "Joan"), at("2026-11-24T11:42:00+00:00"));
    assert_eq!(err, Err(DomainError::UnknownParticipant));
    assert_eq!(review, before);
    assert_eq!(review.updated_at, created());
}

#[test]
fn the_only_individual_cannot_be_removed() {
    let mut review = new_review();
    let before = review.clone();
    let err = refused(
        &mut review,
        Command::RemoveParticipant {
            id: INDIVIDUAL.into(),
        },
    );
    assert_eq!(err, DomainError::IndividualRequired);
    assert_eq!(
        err.to_string(),
        "The person being cared for is always part of the review, even when they are not here"
    );
    assert_eq!(review, before);
}

#[test]
fn the_only_individual_cannot_be_given_another_role() {
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Individual) {
        let mut review = new_review();
        let before = review.clone();
        let err = refused(
            &mut review,
            Command::SetParticipantRole {
                id: INDIVIDUAL.into(),
                role,
            },
        );
        assert_eq!(err, DomainError::IndividualRequired, "to {role:?}");
        assert_eq!(review, before, "to {role:?}");
    }
}

#[test]
fn the_only_individual_may_be_set_to_individual_again() {
    let review = with_applied(
        new_review(),
        [Command::SetParticipantRole {
            id: INDIVIDUAL.into(),
            role: Role::Individual,
        }],
    );
    assert_eq!(review.individual().map(|p| p.id.as_str()), Some(INDIVIDUAL));
}

#[test]
fn with_a_second_individual_either_may_be_removed_or_change_role() {
    let mut review = review_with([add("second", Role::Individual)]);
    apply_all(
        &mut review,
        [Command::SetParticipantRole {
            id: INDIVIDUAL.into(),
            role: Role::KeyPerson,
        }],
    );
    // Now "second" is the only individual again, and is protected.
    assert_eq!(
        refused(
            &mut review,
            Command::RemoveParticipant {
                id: "second".into()
            }
        ),
        DomainError::IndividualRequired
    );

    let mut review = review_with([add("second", Role::Individual)]);
    apply_all(
        &mut review,
        [Command::RemoveParticipant {
            id: INDIVIDUAL.into(),
        }],
    );
    assert_eq!(review.individual().map(|p| p.id.as_str()), Some("second"));
}

#[test]
fn other_participants_can_be_removed_including_the_worker() {
    for (id, role) in [
        (CARER, Role::Carer),
        ("advocate", Role::Advocate),
        ("interpreter", Role::Interpreter),
        ("key", Role::KeyPerson),
        ("other", Role::OtherProfessional),
    ] {
        let mut review = review_with([add(id, role), Command::RemoveParticipant { id: id.into() }]);
        assert!(review.participant(id).is_none(), "{role:?} removed");
        apply_all(
            &mut review,
            [Command::RemoveParticipant { id: WORKER.into() }],
        );
        assert!(review.participant(WORKER).is_none());
    }
}

#[test]
fn removing_a_participant_removes_their_readiness_entries_and_agreements() {
    let review = with_applied(
        review_with_agreements(),
        [Command::RemoveParticipant { id: CARER.into() }],
    );

    assert!(review.participant(CARER).is_none());
    let keys: Vec<_> = review.readiness.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["key/advocate"],
        "only the key person's check is left"
    );
    assert_eq!(review.process.agreed_by, ["key"]);
    assert_eq!(review.criteria[0].agreed_by, ["key"]);
}

#[test]
fn removing_a_participant_whose_id_prefixes_another_keeps_the_others_checks() {
    // "carer" is a prefix of "carer-2": only "carer/..." keys may go.
    let review = review_with([
        add(CARER, Role::Carer),
        add("carer-2", Role::Carer),
        Command::SetAdjustments {
            id: CARER.into(),
            adjustments: "Breaks every 20 minutes".into(),
        },
        Command::SetAdjustments {
            id: "carer-2".into(),
            adjustments: "Large print".into(),
        },
        need_status(CARER, Need::Adjustments, Some(NeedStatus::Met)),
        need_status("carer-2", Need::Adjustments, Some(NeedStatus::Met)),
        Command::RemoveParticipant { id: CARER.into() },
    ]);
    let keys: Vec<_> = review.readiness.keys().map(String::as_str).collect();
    assert_eq!(keys, ["carer-2/adjustments"]);
    assert!(review.participant("carer-2").is_some());
}

#[test]
fn a_new_id_that_is_already_used_is_rejected() {
    let library = criteria_library();
    let second_library = library.get("roles-clear").expect("seed criterion").clone();
    // Participants, criteria and sharing limits share one id space.
    let taken = [INDIVIDUAL, WORKER, CARER, LIBRARY_CRITERION, RESTRICTION];
    for id in taken {
        let adds = [
            add(id, Role::KeyPerson),
            Command::AddRestriction { id: id.into() },
            Command::AddCustomCriterion {
                id: id.into(),
                group: CriterionGroup::Individual,
                wording: "Joan keeps her own routines".into(),
            },
            Command::AddLibraryCriterion {
                id: id.into(),
                criterion: second_library.clone(),
            },
        ];
        for command in adds {
            let mut review = review_with([
                add(CARER, Role::Carer),
                Command::AddLibraryCriterion {
                    id: LIBRARY_CRITERION.into(),
                    criterion: expert_partner(),
                },
                Command::AddRestriction {
                    id: RESTRICTION.into(),
                },
            ]);
            assert_refused_unchanged(&mut review, command, DomainError::DuplicateId);
        }
    }
}

#[test]
fn commands_about_someone_not_in_the_review_are_rejected() {
    let ghost = || "ghost".to_string();
    let commands = [
        Command::RemoveParticipant { id: ghost() },
        Command::SetParticipantRole {
            id: ghost(),
            role: Role::Carer,
        },
        name("ghost", "Ann"),
        relationship("ghost", "Son"),
        attendance("ghost", Attendance::Remote),
        language("ghost", "Urdu"),
        Command::SetInterpreterNeeded {
            id: ghost(),
            needed: true,
        },
        Command::SetInterpreterMode {
            id: ghost(),
            mode: InterpreterMode::Bsl,
        },
        Command::SetInterpreterLanguage {
            id: ghost(),
            language: "Urdu".into(),
        },
        Command::SetAdvocate {
            id: ghost(),
            advocate: None,
        },
        communication("ghost", CommunicationMethod::Pictures),
        Command::SetCommunicationDetail {
            id: ghost(),
            detail: "x".into(),
        },
        Command::SetAdjustments {
            id: ghost(),
            adjustments: "x".into(),
        },
        need_status("ghost", Need::Advocate, Some(NeedStatus::Met)),
        Command::SetProcessAgreement {
            participant: ghost(),
            agreed: true,
        },
        criterion_agreed(LIBRARY_CRITERION, "ghost"),
    ];
    for command in commands {
        let mut review = review_with(criteria_commands()[..1].to_vec());
        assert_refused_saying(
            &mut review,
            command,
            DomainError::UnknownParticipant,
            "That person is no longer part of this review",
        );
    }
}

#[test]
fn the_missing_name_message_names_the_role() {
    let cases = [
        (Role::Worker, "Enter the social care worker's name"),
        (Role::Carer, "Enter the carer's name"),
        (
            Role::Individual,
            "Enter the name of the person being cared for",
        ),
        (Role::Advocate, "Enter the advocate's name"),
        (Role::KeyPerson, "Enter the key person's name"),
        (
            Role::OtherProfessional,
            "Enter the other professional's name",
        ),
    ];
    for (role, expected) in cases {
        for blank in ["", "   "] {
            let mut p = Participant::new("p".into(), role);
            p.name = blank.into();
            p.relationship = "Friend".into();
            p.attendance = Some(Attendance::InPerson);
            assert_eq!(
                validate::participant(&p),
                [FieldError {
                    field: "name".into(),
                    message: expected.into(),
                    attention: false,
                }],
                "{role:?} with name {blank:?}"
            );
        }
    }
}

/// Issue 26: an interpreter's name is often not known before the meeting
/// (the service sends whoever is free): it may be left out, and they are
/// then "the interpreter" wherever they are named.
#[test]
fn an_interpreter_may_have_no_name() {
    for blank in ["", "   "] {
        let mut p = Participant::new("p".into(), Role::Interpreter);
        p.name = blank.into();
        p.attendance = Some(Attendance::Remote);
        assert_eq!(validate::participant(&p), [], "name {blank:?}");
        assert_eq!(review_core::words::called(&p), "the interpreter");
    }
    for role in Role::ALL {
        assert_eq!(
            role.name_is_optional(),
            role == Role::Interpreter,
            "{role:?}"
        );
    }
}

#[test]
fn relationship_is_asked_for_carers_key_people_and_advocates_only() {
    let cases = [
        (
            Role::Carer,
            "",
            Some("Enter how the carer is related to the person being cared for"),
        ),
        (
            Role::Carer,
            "Ayesha",
            Some("Enter how Ayesha is related to the person being cared for"),
        ),
        (
            Role::KeyPerson,
            "",
            Some("Enter how the key person is related to the person being cared for"),
        ),
        (
            Role::Advocate,
            "Priya",
            Some("Enter how Priya is related to the person being cared for"),
        ),
        (Role::Worker, "", None),
        (Role::Individual, "", None),
        (Role::Interpreter, "", None),
        (Role::OtherProfessional, "", None),
    ];
    for (role, name, expected) in cases {
        let mut p = Participant::new("p".into(), role);
        p.name = name.into();
        p.attendance = Some(Attendance::Remote);
        let found: Vec<_> = validate::participant(&p)
            .into_iter()
            .filter(|e| e.field == "relationship")
            .map(|e| e.message)
            .collect();
        assert_eq!(
            found,
            expected.into_iter().collect::<Vec<_>>(),
            "{role:?} {name:?}"
        );

        p.relationship = "  ".into();
        assert_eq!(
            validate::participant(&p)
                .iter()
                .any(|e| e.field == "relationship"),
            expected.is_some(),
            "a blank relationship counts as missing for {role:?}"
        );
    }
}

#[test]
fn missing_attendance_asks_where_the_person_is() {
    let cases = [
        (Role::Carer, "", "Select whether the carer is in the room, joining remotely or not here"),
        (
            Role::Individual,
            "",
            "Select whether the person being cared for is in the room, joining remotely or not here",
        ),
        (Role::Individual, "Joan", "Select whether Joan is in the room, joining remotely or not here"),
        (Role::Interpreter, "", "Select whether the interpreter is in the room, joining remotely or not here"),
    ];
    for (role, name, expected) in cases {
        let mut p = Participant::new("p".into(), role);
        p.name = name.into();
        p.relationship = "Daughter".into();
        let errors = validate::participant(&p);
        let last = errors.last().expect("an attendance error");
        assert_eq!(
            (last.field.as_str(), last.message.as_str()),
            ("attendance", expected)
        );
        assert!(!last.attention);
    }
}

#[test]
fn a_participant_with_everything_filled_in_has_no_errors() {
    let mut p = Participant::new("p".into(), Role::Carer);
    p.name = "Ayesha".into();
    p.relationship = "Daughter".into();
    p.attendance = Some(Attendance::AbsentViewsGathered);
    assert_eq!(validate::participant(&p), []);
}

#[test]
fn a_fresh_review_asks_for_the_carer_and_the_individuals_details() {
    let errors = validate::who_is_here(&new_review());
    assert_eq!(
        errors,
        [
            FieldError {
                field: "add-carer".into(),
                message: "Add the carer".into(),
                attention: false,
            },
            FieldError {
                field: "participant-individual".into(),
                message: "Enter the name of the person being cared for".into(),
                attention: false,
            },
        ]
    );
}

#[test]
fn who_is_here_asks_for_a_worker_when_none_is_left() {
    let review = review_with(
        [
            who_is_here_commands(),
            vec![Command::RemoveParticipant { id: WORKER.into() }],
        ]
        .concat(),
    );
    assert_eq!(
        validate::who_is_here(&review),
        [FieldError {
            field: "add-worker".into(),
            message: "Add the social care worker running the review".into(),
            attention: false,
        }]
    );
}

#[test]
fn who_is_here_shows_only_the_first_error_of_each_person_on_their_card() {
    let review = review_with([add(CARER, Role::Carer), name(INDIVIDUAL, "Joan")]);
    let errors = validate::who_is_here(&review);
    let shown: Vec<_> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "participant-individual",
                "Select whether Joan is in the room, joining remotely or not here"
            ),
            ("participant-carer", "Enter the carer's name"),
        ]
    );
}

#[test]
fn who_is_here_is_clear_once_everyone_is_filled_in() {
    assert_eq!(
        validate::who_is_here(&review_with(who_is_here_commands())),
        []
    );
}

const NO_CARER_TAKING_PART: &str =
    "The review is with the carer: at least one carer must take part, in the room or remotely";

#[test]
fn all_carers_absent_needs_attention_on_the_first_carers_card() {
    let review = review_with(
        [
            who_is_here_commands(),
            vec![
                attendance(CARER, Attendance::AbsentViewsGathered),
                add("carer-2", Role::Carer),
                name("carer-2", "Tom Hughes"),
                relationship("carer-2", "Son"),
                attendance("carer-2", Attendance::AbsentViewsGathered),
            ],
        ]
        .concat(),
    );
    assert_eq!(
        validate::who_is_here(&review),
        [FieldError {
            field: "participant-carer".into(),
            message: NO_CARER_TAKING_PART.into(),
            attention: true,
        }]
    );
}

#[test]
fn the_absent_carers_error_waits_until_every_carer_has_an_attendance() {
    // (second carer's attendance, whether the attention error shows)
    let cases = [
        (None, false),
        (Some(Attendance::AbsentViewsGathered), true),
        (Some(Attendance::Remote), false),
        (Some(Attendance::InPerson), false),
    ];
    for (second, shown) in cases {
        let mut commands = vec![
            add(CARER, Role::Carer),
            attendance(CARER, Attendance::AbsentViewsGathered),
            add("carer-2", Role::Carer),
        ];
        commands.extend(second.map(|a| attendance("carer-2", a)));
        let review = review_with(commands);
        let attention = validate::who_is_here(&review)
            .into_iter()
            .any(|e| e.attention && e.message == NO_CARER_TAKING_PART);
        assert_eq!(attention, shown, "second carer {second:?}");
    }
}

/// One command of every kind, each valid on [`part_one_complete`].
fn one_of_every_command() -> Vec<Command> {
    let library = criteria_library()
        .get("roles-clear")
        .expect("seed criterion")
        .clone();
    vec![
        add("new", Role::Advocate),
        Command::RemoveParticipant { id: CARER.into() },
        Command::SetParticipantRole {
            id: CARER.into(),
            role: Role::KeyPerson,
        },
        name(CARER, "Ayesha Khan"),
        relationship(CARER, "Niece"),
        attendance(CARER, Attendance::Remote),
        language(CARER, "English"),
        Command::SetInterpreterNeeded {
            id: CARER.into(),
            needed: false,
        },
        Command::SetInterpreterMode {
            id: CARER.into(),
            mode: InterpreterMode::Bsl,
        },
        Command::SetInterpreterLanguage {
            id: CARER.into(),
            language: "Urdu".into(),
        },
        Command::SetAdvocate {
            id: CARER.into(),
            advocate: Some(AdvocateKind::CareAct),
        },
        communication(CARER, CommunicationMethod::Pictures),
        Command::SetCommunicationDetail {
            id: CARER.into(),
            detail: "Photo cards".into(),
        },
        Command::SetAdjustments {
            id: CARER.into(),
            adjustments: "Hearing loop".into(),
        },
        need_status(CARER, Need::Interpreter, None),
        Command::SetReason(ReviewReason::Requested),
        Command::SetDepth(Depth::LightTouch),
        Command::SetAgendaItem {
            item: AgendaItem::Cover,
            used: false,
        },
        Command::SetTimeBox {
            item: AgendaItem::Services,
            minutes: Some(15),
        },
        Command::SetCarerPrivateTime(false),
        Command::SetSummaryRecipients("Ayesha only".into()),
        Command::AddRestriction { id: "r-new".into() },
        Command::SetRestriction {
            id: RESTRICTION.into(),
            what: "Money".into(),
            not_with: "Anyone".into(),
        },
        Command::RemoveRestriction {
            id: RESTRICTION.into(),
        },
        Command::SetProcessAgreement {
            participant: CARER.into(),
            agreed: false,
        },
        Command::AddLibraryCriterion {
            id: "c-new".into(),
            criterion: library,
        },
        Command::AddCustomCriterion {
            id: "c-custom-new".into(),
            group: CriterionGroup::Individual,
            wording: "Joan sees her friends".into(),
        },
        Command::SetCriterionWording {
            id: CUSTOM_CRITERION.into(),
            wording: "I get a break every week".into(),
        },
        Command::SetCriterionScale {
            id: CUSTOM_CRITERION.into(),
            scale: Scale::ThreePoint,
        },
        Command::RemoveCriterion {
            id: LIBRARY_CRITERION.into(),
        },
        Command::SetCriterionAgreement {
            criterion: LIBRARY_CRITERION.into(),
            participant: CARER.into(),
            agreed: false,
        },
    ]
}

#[test]
fn every_command_is_accepted_on_a_draft() {
    // The control for the test below: these commands are all valid on a draft.
    for command in one_of_every_command() {
        let mut review = part_one_complete();
        apply_all(&mut review, [command]);
    }
}

#[test]
fn a_signed_off_review_rejects_every_command_and_is_unchanged() {
    for command in one_of_every_command() {
        let mut review = signed_off();
        assert_refused_saying(
            &mut review,
            command,
            DomainError::Locked,
            "This review has been signed off and cannot be changed",
        );
    }
}

/// Issue 26, point 5: easy read is offered at the start of the turn of
/// someone who communicates with symbols or pictures, and of nobody else.
#[test]
fn easy_read_helps_those_who_use_symbols_or_pictures() {
    for method in CommunicationMethod::ALL {
        let mut p = Participant::new("p".into(), Role::Individual);
        p.support.communication = vec![CommunicationMethod::Spoken, method];
        let expected = matches!(
            method,
            CommunicationMethod::Symbols | CommunicationMethod::Pictures
        );
        assert_eq!(p.easy_read_helps(), expected, "{method:?}");
    }
    assert!(!Participant::new("p".into(), Role::Carer).easy_read_helps());
}

/// What a role is not asked (an age or job title kept from before the
/// person's role was changed) is neither shown nor recorded.
#[test]
fn what_a_role_is_not_asked_is_not_given() {
    let mut p = Participant::new("p".into(), Role::Carer);
    p.age = Some(17);
    p.what_matters = " Autistic; likes notice of changes ".into();
    p.job_title = "Student".into();
    assert_eq!(p.age_given(), Some(17));
    assert_eq!(
        p.what_matters_given(),
        Some("Autistic; likes notice of changes")
    );
    assert_eq!(
        p.job_title_given(),
        None,
        "a carer is not asked a job title"
    );
    p.role = Role::OtherProfessional;
    assert_eq!((p.age_given(), p.what_matters_given()), (None, None));
    assert_eq!(p.job_title_given(), Some("Student"));
    p.job_title = "   ".into();
    assert_eq!(p.job_title_given(), None);
}
