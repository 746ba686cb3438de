//! "Services and support" (P20): what the carer uses, how it helped, how well
//! it met their needs, what to keep, change or stop, and gaps in provision.

mod common;

use common::*;
use review_core::validate;
use review_core::*;

/// Part 1 done, and the carer uses one service: the café, filled in up to
/// (not including) the decision.
fn with_cafe() -> Review {
    with_applied(
        part_one_complete(),
        services_commands()
            .into_iter()
            .take_while(|c| {
                !matches!(
                    c,
                    Command::SetResource {
                        field: ResourceField::Decision(_),
                        ..
                    }
                )
            })
            .collect::<Vec<_>>(),
    )
}

fn errors_of(review: &Review, id: &str) -> Vec<validate::FieldError> {
    let r = review
        .resources
        .iter()
        .find(|r| r.id == id)
        .expect("resource");
    validate::resource(review, r)
}

#[test]
fn a_complete_services_part_has_no_errors() {
    let review = with_applied(part_one_complete(), services_commands());
    assert_eq!(validate::services(&review), []);
}

#[test]
fn change_and_stop_need_the_changes_written_down() {
    use ResourceDecision::*;
    let cases = [
        (Keep, "", vec![]),
        (Change, "Find a group nearer home", vec![]),
        (Stop, "Ayesha will use the online group instead", vec![]),
        (
            Change,
            "",
            vec![missing(
                "resource-resource-cafe-changes",
                "Enter what needs to change about Carers' café",
            )],
        ),
        (
            Stop,
            " ",
            vec![missing(
                "resource-resource-cafe-changes",
                "Enter what needs to happen when Carers' café stops",
            )],
        ),
    ];
    for (decision, changes, expected) in cases {
        let review = with_applied(
            with_cafe(),
            [
                vec![resource(CAFE, ResourceField::Decision(decision))],
                remark(
                    CAFE,
                    ResourceList::Changes,
                    CAFE_CHANGE,
                    changes,
                    Speaker::NotRecorded,
                ),
            ]
            .concat(),
        );
        assert_eq!(
            errors_of(&review, CAFE),
            expected,
            "{decision:?} {changes:?}"
        );
    }
}

#[test]
fn keep_changes_and_stop_are_the_decisions_and_only_keep_needs_no_changes() {
    let decisions = each(ResourceDecision::ALL, |d| {
        (d.key(), d.label().leak() as &str, d.needs_changes())
    });
    assert_eq!(
        decisions,
        [
            ("keep", "Keep it as it is", false),
            ("change", "Change it", true),
            ("stop", "Stop it", true),
        ]
    );
}

#[test]
fn a_new_resource_asks_for_each_answer_in_page_order() {
    let review = review_with(
        [
            who_is_here_commands(),
            vec![
                Command::SetServicesInUse(true),
                Command::AddResource { id: CAFE.into() },
            ],
        ]
        .concat(),
    );
    assert_eq!(
        errors_of(&review, CAFE),
        [
            missing(
                "resource-resource-cafe-kind",
                "Select what kind of service or support this is"
            ),
            missing(
                "resource-resource-cafe-name",
                "Enter the name of the service or support"
            ),
            missing(
                "resource-resource-cafe-benefits",
                "Enter how this service or support has helped Ayesha Hughes' health and wellbeing"
            ),
            missing(
                "resource-resource-cafe-needs-met",
                "Select how well this service or support met Ayesha Hughes' needs"
            ),
            missing(
                "resource-resource-cafe-decision",
                "Select whether to keep, change or stop this service or support"
            ),
        ]
    );
}

#[test]
fn something_not_used_yet_needs_no_benefits() {
    let cases = [
        (NeedsMet::Fully, true),
        (NeedsMet::Partly, true),
        (NeedsMet::NotAtAll, true),
        (NeedsMet::NotUsedYet, false),
    ];
    for (needs_met, asks_for_benefits) in cases {
        let review = with_applied(
            with_cafe(),
            [
                Command::SetRemark {
                    id: CAFE_BENEFIT.into(),
                    text: String::new(),
                    said_by: Speaker::NotRecorded,
                },
                resource(CAFE, ResourceField::NeedsMet(needs_met)),
            ],
        );
        let asked = errors_of(&review, CAFE)
            .iter()
            .any(|e| e.field == "resource-resource-cafe-benefits");
        assert_eq!(asked, asks_for_benefits, "{needs_met:?}");
    }
}

#[test]
fn whether_services_are_used_is_asked_first() {
    assert_question_opens_a_list(
        who_is_here_commands(),
        Command::SetServicesInUse,
        validate::services,
        missing(
            "services-in-use",
            "Select whether Ayesha Hughes uses any services or support",
        ),
        missing(
            "add-resource",
            "Add a service or support Ayesha Hughes uses",
        ),
    );
}

#[test]
fn a_carer_who_uses_nothing_can_still_record_gaps() {
    let review = review_with(
        [
            who_is_here_commands(),
            vec![
                Command::SetServicesInUse(false),
                Command::AddGap { id: GAP.into() },
                Command::SetGap {
                    id: GAP.into(),
                    what: "Nothing for carers in the evenings".into(),
                    noticed_by: Some(Person::participant(CARER)),
                },
            ],
        ]
        .concat(),
    );
    assert_eq!(validate::services(&review), []);
}

#[test]
fn no_and_a_list_exclude_each_other() {
    let cases = [
        (
            "answering no with a service listed",
            vec![
                Command::SetServicesInUse(true),
                Command::AddResource { id: CAFE.into() },
            ],
            Command::SetServicesInUse(false),
            DomainError::StillListed,
            "Remove what is listed here before answering no",
        ),
        (
            "adding a service after answering no",
            vec![Command::SetServicesInUse(false)],
            Command::AddResource { id: CAFE.into() },
            DomainError::AnsweredNo,
            "The answer here is no: change it to yes before adding to the list",
        ),
    ];
    for (behaviour, setup, command, expected, words) in cases {
        let mut review = review_with(setup);
        println!("{behaviour}");
        assert_refused_saying(&mut review, command, expected, words);
    }
}

#[test]
fn a_gap_needs_what_it_is_and_who_noticed_it() {
    let cases = [
        (
            "",
            None,
            vec![
                missing("gap-gap-1-what", "Enter the gap in support"),
                missing("gap-gap-1-noticed-by", "Select who noticed this gap"),
            ],
        ),
        (
            "No sitting service at weekends",
            Some(Person::named("")),
            vec![missing(
                "gap-gap-1-noticed-by-name",
                "Enter the name of the person who noticed this gap",
            )],
        ),
        (
            "No sitting service at weekends",
            Some(Person::named("Joan's neighbour")),
            vec![],
        ),
    ];
    for (what, noticed_by, expected) in cases {
        let review = review_with([
            Command::AddGap { id: GAP.into() },
            Command::SetGap {
                id: GAP.into(),
                what: what.into(),
                noticed_by: noticed_by.clone(),
            },
        ]);
        assert_eq!(
            validate::gap(&review.gaps[0]),
            expected,
            "{what:?} {noticed_by:?}"
        );
    }
}

#[test]
fn unknown_services_and_gaps_are_refused() {
    let cases = [
        (
            resource("ghost", ResourceField::Name("x".into())),
            DomainError::UnknownResource,
            "That service or support is no longer part of this review",
        ),
        (
            Command::RemoveResource { id: "ghost".into() },
            DomainError::UnknownResource,
            "That service or support is no longer part of this review",
        ),
        (
            Command::SetGap {
                id: "ghost".into(),
                what: "x".into(),
                noticed_by: None,
            },
            DomainError::UnknownGap,
            "That gap in support is no longer part of this review",
        ),
        (
            Command::RemoveGap { id: "ghost".into() },
            DomainError::UnknownGap,
            "That gap in support is no longer part of this review",
        ),
        (
            Command::SetGap {
                id: GAP.into(),
                what: "x".into(),
                noticed_by: Some(Person::participant("ghost")),
            },
            DomainError::UnknownParticipant,
            "That person is no longer part of this review",
        ),
    ];
    for (command, expected, words) in cases {
        let mut review = with_applied(part_one_complete(), services_commands());
        assert_refused_saying(&mut review, command, expected, words);
    }
}

#[test]
fn removing_a_service_or_gap_takes_it_off_the_list() {
    let mut review = with_applied(part_one_complete(), services_commands());
    apply_all(
        &mut review,
        [
            Command::RemoveResource { id: CAFE.into() },
            Command::RemoveGap { id: GAP.into() },
        ],
    );
    let left: Vec<_> = review.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(left, [ALLOWANCE]);
    assert!(review.gaps.is_empty());
}

#[test]
fn resource_kinds_follow_the_scope_notes_with_stable_keys() {
    let keys: Vec<_> = ResourceKind::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(
        keys,
        [
            "financial",
            "physical",
            "service-at-home",
            "service-elsewhere",
            "person-service-at-home",
            "person-service-elsewhere",
            "therapeutic",
            "social-leisure-employment",
            "transport",
            "support-group",
            "digital-tool",
            "other",
        ]
    );
    let met: Vec<_> = NeedsMet::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(met, ["fully", "partly", "not-at-all", "not-used-yet"]);
    for kind in ResourceKind::ALL {
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            serde_json::json!(kind.key())
        );
        assert_eq!(ResourceKind::from_key(kind.key()), Some(*kind));
    }
}

#[test]
fn typed_answers_are_stored_in_nfc() {
    let review = with_applied(
        part_one_complete(),
        [
            Command::SetServicesInUse(true),
            Command::AddResource { id: CAFE.into() },
            resource(CAFE, ResourceField::Name("Cafe\u{301} des aidants".into())),
        ],
    );
    assert_eq!(review.resources[0].name, "Caf\u{e9} des aidants");
}

// ---- Points: each benefit, difficulty and change on its own -----------------

#[test]
fn points_are_added_said_and_removed_one_by_one() {
    let mut review = with_applied(part_one_complete(), services_commands());
    let cafe = |r: &Review| r.resources[0].clone();
    assert_eq!(cafe(&review).benefits.len(), 1);
    apply_all(
        &mut review,
        remark(
            CAFE,
            ResourceList::Benefits,
            "benefit-2",
            "  She sleeps better on group days ",
            Speaker::Person(Person::participant(INDIVIDUAL)),
        ),
    );
    let benefits = cafe(&review).benefits;
    assert_eq!(benefits.len(), 2, "kept in the order made");
    assert_eq!(benefits[1].text, "  She sleeps better on group days ");
    // Ids are the review's: a point cannot take one already used.
    let mut again = review.clone();
    assert_eq!(
        again.apply(
            Command::AddResourceRemark {
                resource: CAFE.into(),
                list: ResourceList::Changes,
                id: CAFE.into(),
            },
            at("2026-11-24T11:00:00+00:00")
        ),
        Err(DomainError::DuplicateId)
    );
    // A speaker must be in the review.
    assert_eq!(
        again.apply(
            Command::SetRemark {
                id: "benefit-2".into(),
                text: "x".into(),
                said_by: Speaker::Person(Person::participant("nobody")),
            },
            at("2026-11-24T11:00:00+00:00")
        ),
        Err(DomainError::UnknownParticipant)
    );
    apply_all(
        &mut review,
        [Command::RemoveRemark {
            id: CAFE_BENEFIT.into(),
        }],
    );
    assert_eq!(cafe(&review).benefits.len(), 1);
    assert_eq!(cafe(&review).benefits[0].id, "benefit-2");
    assert_eq!(
        review.clone().apply(
            Command::RemoveRemark {
                id: CAFE_BENEFIT.into()
            },
            at("2026-11-24T11:00:00+00:00")
        ),
        Err(DomainError::UnknownRemark)
    );
}

/// Removing someone from the review keeps what they said, under their name.
#[test]
fn a_removed_speaker_is_remembered_by_name() {
    let mut review = with_applied(part_one_complete(), services_commands());
    apply_all(
        &mut review,
        [Command::RemoveParticipant { id: CARER.into() }],
    );
    assert_eq!(
        review.resources[0].benefits[0].said_by,
        Speaker::Person(Person::Removed {
            name: "Ayesha Hughes".into()
        })
    );
}

#[test]
fn speakers_have_keys_words_and_choices() {
    let review = with_applied(part_one_complete(), services_commands());
    let cases = [
        (Speaker::NotRecorded, "not-recorded", "Not recorded"),
        (Speaker::Everyone, "everyone", "Everyone at the meeting"),
        (
            Speaker::Person(Person::participant(CARER)),
            "participant:carer",
            "Ayesha Hughes, carer",
        ),
        (
            Speaker::Person(Person::named("Dr Shah: GP")),
            "named:Dr Shah: GP",
            "Dr Shah: GP",
        ),
    ];
    for (speaker, key, words) in cases {
        assert_eq!(speaker.key(), key);
        assert_eq!(Speaker::from_key(key), Some(speaker.clone()), "{key}");
        assert_eq!(review.speaker_name(&speaker), words);
    }
    assert_eq!(Speaker::from_key("someone"), None);
    let choices = review.speaker_choices(&Speaker::NotRecorded);
    assert_eq!(choices.len(), review.participants.len() + 2);
    assert_eq!(choices.last(), Some(&Speaker::NotRecorded));
    // A named speaker stays among the choices while it is the answer.
    let named = Speaker::Person(Person::named("Ayesha's sister"));
    assert!(review.speaker_choices(&named).contains(&named));
}

/// A new point is said by whoever holds the tablet; while the worker holds
/// it (typing for someone), nobody is guessed at.
#[test]
fn a_new_point_is_said_by_whoever_holds_the_tablet() {
    let mut review = part_one_complete();
    assert_eq!(review.default_speaker(), Speaker::NotRecorded);
    apply_all(&mut review, [Command::PassTablet { to: CARER.into() }]);
    assert_eq!(
        review.default_speaker(),
        Speaker::Person(Person::participant(CARER))
    );
}
