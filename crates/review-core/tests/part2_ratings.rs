//! "How it is going" (P19): everyone's own rating of each criterion, the
//! spread (never an average), evidence notes, and "not discussed".

mod common;

use common::*;
use review_core::rating::*;
use review_core::validate;
use review_core::*;

/// Part 1 done and Tom, a key person, in the room: three people who rate.
fn ready() -> Review {
    with_applied(part_one_complete(), key_person_commands())
}

fn spread_of(review: &Review, criterion: &str) -> Spread {
    spread(review, review.criterion(criterion).expect("criterion"))
}

fn counts(s: &Spread) -> Vec<(ScalePoint, usize)> {
    s.points.iter().map(|p| (p.point, p.count())).collect()
}

#[test]
fn who_gives_their_own_rating() {
    use Attendance::*;
    let cases = [
        (Role::Carer, InPerson, true),
        (Role::Carer, Remote, true),
        (Role::Carer, AbsentViewsGathered, false),
        (Role::Individual, InPerson, true),
        (Role::Individual, AbsentViewsGathered, false),
        (Role::KeyPerson, Remote, true),
        (Role::OtherProfessional, InPerson, true),
        (Role::Worker, InPerson, true),
        (Role::Worker, Remote, true),
        (Role::Advocate, InPerson, false),
        (Role::Interpreter, InPerson, false),
    ];
    for (role, attendance, rates) in cases {
        let mut p = Participant::new("p".into(), role);
        p.attendance = Some(attendance);
        assert_eq!(p.rates(), rates, "{role:?} {attendance:?}");
    }
    let mut unknown = Participant::new("p".into(), Role::Carer);
    unknown.attendance = None;
    assert!(!unknown.rates(), "attendance not given yet");
}

#[test]
fn the_raters_of_a_review_are_its_present_parties_and_the_worker_last() {
    // The worker was added first; their professional view is asked for
    // after everyone else's.
    let review = ready();
    assert_eq!(review.participants[0].id, WORKER);
    let raters: Vec<_> = review.raters().map(|p| p.id.as_str()).collect();
    assert_eq!(raters, [INDIVIDUAL, CARER, KEY_PERSON, WORKER]);
}

#[test]
fn a_rating_is_kept_per_person_and_a_new_one_replaces_it() {
    let review = with_applied(
        ready(),
        [
            rate(LIBRARY_CRITERION, CARER, ScalePoint::Unsure),
            rate(LIBRARY_CRITERION, KEY_PERSON, ScalePoint::GoingWell),
            rate(LIBRARY_CRITERION, CARER, ScalePoint::GoingWell),
        ],
    );
    let ratings = &review.criterion_review(LIBRARY_CRITERION).unwrap().ratings;
    let given: Vec<_> = ratings
        .iter()
        .map(|r| (r.participant.as_str(), r.point))
        .collect();
    assert_eq!(
        given,
        [
            (CARER, ScalePoint::GoingWell),
            (KEY_PERSON, ScalePoint::GoingWell)
        ]
    );
}

#[test]
fn taking_back_the_only_rating_leaves_nothing_stored() {
    let review = with_applied(
        ready(),
        [
            rate(LIBRARY_CRITERION, CARER, ScalePoint::Unsure),
            Command::SetRating {
                criterion: LIBRARY_CRITERION.into(),
                participant: CARER.into(),
                point: None,
                through: None,
            },
        ],
    );
    assert_eq!(review.rating(LIBRARY_CRITERION, CARER), None);
    assert!(review.criterion_reviews.is_empty());
}

#[test]
fn people_who_do_not_rate_are_refused() {
    let cases = [
        (
            "an advocate",
            vec![
                add("advocate", Role::Advocate),
                attendance("advocate", Attendance::InPerson),
            ],
        ),
        (
            "an interpreter",
            vec![
                add("interpreter", Role::Interpreter),
                attendance("interpreter", Attendance::Remote),
            ],
        ),
        (
            "a key person who is not here",
            vec![attendance(KEY_PERSON, Attendance::AbsentViewsGathered)],
        ),
        (
            "a key person whose attendance is not given",
            vec![add("key-2", Role::KeyPerson)],
        ),
    ];
    let ids = ["advocate", "interpreter", KEY_PERSON, "key-2"];
    for ((behaviour, setup), id) in cases.into_iter().zip(ids) {
        let mut review = with_applied(ready(), setup);
        println!("{behaviour}");
        assert_refused_saying(
            &mut review,
            rate(LIBRARY_CRITERION, id, ScalePoint::Unsure),
            DomainError::DoesNotRate,
            "Only the carer, the person being cared for, key people and other professionals who are taking part give a rating",
        );
    }
}

#[test]
fn a_point_of_the_other_scale_is_refused() {
    // The library criterion is on 3 points, the custom one on 5 steps.
    let cases = [
        (LIBRARY_CRITERION, ScalePoint::VeryGood),
        (LIBRARY_CRITERION, ScalePoint::Okay),
        (CUSTOM_CRITERION, ScalePoint::GoingWell),
        (CUSTOM_CRITERION, ScalePoint::Unsure),
    ];
    for (criterion, point) in cases {
        let mut review = ready();
        assert_refused_saying(
            &mut review,
            rate(criterion, CARER, point),
            DomainError::NotOnScale,
            "That rating is not one of the choices for this criterion",
        );
    }
}

#[test]
fn ratings_about_unknown_criteria_or_people_are_refused() {
    let cases = [
        (
            rate("no-such-criterion", CARER, ScalePoint::Unsure),
            DomainError::UnknownCriterion,
        ),
        (
            rate(LIBRARY_CRITERION, "ghost", ScalePoint::Unsure),
            DomainError::UnknownParticipant,
        ),
        (
            rate_through(
                LIBRARY_CRITERION,
                INDIVIDUAL,
                ScalePoint::Unsure,
                RatingChannel::Advocate {
                    by: Person::participant("ghost"),
                },
            ),
            DomainError::UnknownParticipant,
        ),
        (
            rate_through(
                LIBRARY_CRITERION,
                INDIVIDUAL,
                ScalePoint::Unsure,
                RatingChannel::Interpreter {
                    by: Person::named("Someone we do not know"),
                },
            ),
            DomainError::NotAParticipant,
        ),
    ];
    for (command, expected) in cases {
        let mut review = ready();
        assert_refused_unchanged(&mut review, command, expected);
    }
    assert_words(
        &DomainError::NotAParticipant,
        "Choose someone who is part of this review",
    );
}

#[test]
fn the_individuals_rating_records_how_it_reached_the_meeting() {
    let channels = [
        RatingChannel::Directly,
        symbols(),
        RatingChannel::Advocate {
            by: Person::participant(CARER),
        },
        RatingChannel::Interpreter {
            by: Person::participant(KEY_PERSON),
        },
    ];
    for through in channels {
        let review = with_applied(
            ready(),
            [rate_through(
                LIBRARY_CRITERION,
                INDIVIDUAL,
                ScalePoint::Unsure,
                through.clone(),
            )],
        );
        assert_eq!(
            review.rating(LIBRARY_CRITERION, INDIVIDUAL),
            Some(&Rating {
                participant: INDIVIDUAL.into(),
                point: ScalePoint::Unsure,
                through: Some(through),
            })
        );
    }
}

#[test]
fn the_spread_shows_who_chose_what_without_averaging() {
    // (ratings given by carer, individual, key person; counts best first;
    //  all agree; best; worst; distance; still waiting for: the worker
    //  always, here)
    use ScalePoint::*;
    type Case = (
        Vec<(&'static str, ScalePoint)>,
        Vec<usize>,
        bool,
        Option<ScalePoint>,
        Option<ScalePoint>,
        u8,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            vec![],
            vec![0, 0, 0, 0, 0],
            false,
            None,
            None,
            0,
            vec![INDIVIDUAL, CARER, KEY_PERSON, WORKER],
        ),
        (
            vec![(CARER, Good)],
            vec![0, 1, 0, 0, 0],
            false,
            Some(Good),
            Some(Good),
            0,
            vec![INDIVIDUAL, KEY_PERSON, WORKER],
        ),
        (
            vec![(CARER, Poor), (KEY_PERSON, Poor), (INDIVIDUAL, Poor)],
            vec![0, 0, 0, 3, 0],
            true,
            Some(Poor),
            Some(Poor),
            0,
            vec![WORKER],
        ),
        (
            // Very good and very poor do not make "okay": the middle stays empty.
            vec![(CARER, VeryGood), (KEY_PERSON, VeryPoor)],
            vec![1, 0, 0, 0, 1],
            false,
            Some(VeryGood),
            Some(VeryPoor),
            4,
            vec![INDIVIDUAL, WORKER],
        ),
        (
            vec![(CARER, Poor), (INDIVIDUAL, Okay), (KEY_PERSON, VeryPoor)],
            vec![0, 0, 1, 1, 1],
            false,
            Some(Okay),
            Some(VeryPoor),
            2,
            vec![WORKER],
        ),
    ];
    for (given, expected_counts, all_agree, best, worst, distance, waiting) in cases {
        let review = with_applied(
            ready(),
            given
                .iter()
                .map(|(who, point)| rate(CUSTOM_CRITERION, who, *point)),
        );
        let s = spread_of(&review, CUSTOM_CRITERION);
        let shown = format!("{given:?}");
        assert_eq!(s.scale, Scale::FiveStep);
        assert_eq!(
            counts(&s),
            Scale::FiveStep
                .choices()
                .iter()
                .copied()
                .zip(expected_counts)
                .collect::<Vec<_>>(),
            "{shown}"
        );
        assert_eq!(s.rated, given.len(), "{shown}");
        assert_eq!(s.all_agree, all_agree, "{shown}");
        assert_eq!(
            (s.best, s.worst, s.distance),
            (best, worst, distance),
            "{shown}"
        );
        assert_eq!(s.waiting_for, waiting, "{shown}");
        assert!(!s.not_discussed);
    }
}

#[test]
fn the_spread_names_people_in_the_order_they_joined_the_review() {
    // Ratings given key person first; the spread lists Joan, then Ayesha.
    let review = with_applied(
        ready(),
        [
            rate(LIBRARY_CRITERION, KEY_PERSON, ScalePoint::NotGoingWell),
            rate(LIBRARY_CRITERION, CARER, ScalePoint::GoingWell),
            rate(LIBRARY_CRITERION, INDIVIDUAL, ScalePoint::GoingWell),
        ],
    );
    assert_eq!(
        spread_of(&review, LIBRARY_CRITERION).points,
        [
            PointCount {
                point: ScalePoint::GoingWell,
                who: vec![INDIVIDUAL.into(), CARER.into()],
            },
            PointCount {
                point: ScalePoint::Unsure,
                who: vec![],
            },
            PointCount {
                point: ScalePoint::NotGoingWell,
                who: vec![KEY_PERSON.into()],
            },
        ]
    );
}

#[test]
fn each_missing_rating_is_asked_for_by_name() {
    let review = with_applied(
        ready(),
        [rate(LIBRARY_CRITERION, CARER, ScalePoint::GoingWell)],
    );
    let criterion = review.criterion(LIBRARY_CRITERION).unwrap().clone();
    let wording = "\u{201c}What the carer knows about the person they look after is valued and shapes the support.\u{201d}";
    assert_eq!(
        validate::criterion_review(&review, &criterion),
        [
            missing(
                "rating-criterion-library-individual",
                &format!("Select Joan Hughes' rating for {wording}"),
            ),
            missing(
                "rating-criterion-library-key-person",
                &format!("Select Tom Hughes' rating for {wording}"),
            ),
            missing(
                "rating-criterion-library-worker",
                &format!("Select Sam Okafor's rating for {wording}"),
            ),
        ]
    );
}

#[test]
fn not_discussed_with_a_reason_needs_no_ratings() {
    let review = with_applied(
        ready(),
        [not_discussed(
            CUSTOM_CRITERION,
            "Ayesha wanted to leave it for next time",
        )],
    );
    let criterion = review.criterion(CUSTOM_CRITERION).unwrap().clone();
    assert_eq!(validate::criterion_review(&review, &criterion), []);
    let s = spread_of(&review, CUSTOM_CRITERION);
    assert!(s.not_discussed);
    assert_eq!(s.rated, 0);
}

#[test]
fn not_discussed_needs_a_reason() {
    for reason in ["", "  \n "] {
        let review = with_applied(ready(), [not_discussed(CUSTOM_CRITERION, reason)]);
        let criterion = review.criterion(CUSTOM_CRITERION).unwrap().clone();
        assert_eq!(
            validate::criterion_review(&review, &criterion),
            [missing(
                "criterion-criterion-custom-not-discussed-reason",
                "Enter why \u{201c}I get a proper break every week\u{201d} was not discussed",
            )],
            "{reason:?}"
        );
    }
}

#[test]
fn discussing_it_after_all_asks_for_the_ratings_again() {
    let review = with_applied(
        ready(),
        [
            not_discussed(CUSTOM_CRITERION, "No time"),
            Command::SetNotDiscussed {
                criterion: CUSTOM_CRITERION.into(),
                reason: None,
            },
        ],
    );
    assert!(review.criterion_reviews.is_empty());
    let criterion = review.criterion(CUSTOM_CRITERION).unwrap().clone();
    assert_eq!(validate::criterion_review(&review, &criterion).len(), 4);
}

#[test]
fn ratings_and_not_discussed_never_silently_replace_each_other() {
    let cases = [
        (
            "rating a criterion marked not discussed",
            not_discussed(CUSTOM_CRITERION, "No time"),
            rate(CUSTOM_CRITERION, CARER, ScalePoint::Good),
            DomainError::MarkedNotDiscussed,
            "This was marked as not discussed: change that before giving a rating",
        ),
        (
            "marking a rated criterion not discussed",
            rate(CUSTOM_CRITERION, CARER, ScalePoint::Good),
            not_discussed(CUSTOM_CRITERION, "No time"),
            DomainError::AlreadyRated,
            "Ratings have already been given for this: remove them first",
        ),
        (
            "changing the scale of a rated criterion",
            rate(CUSTOM_CRITERION, CARER, ScalePoint::Good),
            Command::SetCriterionScale {
                id: CUSTOM_CRITERION.into(),
                scale: Scale::ThreePoint,
            },
            DomainError::AlreadyRated,
            "Ratings have already been given for this: remove them first",
        ),
    ];
    for (behaviour, first, second, expected, words) in cases {
        let mut review = with_applied(ready(), [first]);
        println!("{behaviour}");
        assert_refused_saying(&mut review, second, expected, words);
    }
}

#[test]
fn evidence_notes_need_what_was_said_and_who_said_it() {
    let cases = [
        (
            Some(Person::participant(CARER)),
            "I never get a day off",
            vec![],
        ),
        (
            Some(Person::named("Joan's GP, in a letter")),
            "Ayesha looks exhausted",
            vec![],
        ),
        (
            None,
            "",
            vec![
                missing("evidence-evidence-1-text", "Enter what was said"),
                missing("evidence-evidence-1-said-by", "Select who said this"),
            ],
        ),
        (
            Some(Person::named("  ")),
            "Ayesha looks exhausted",
            vec![missing(
                "evidence-evidence-1-said-by-name",
                "Enter the name of the person who said this",
            )],
        ),
    ];
    for (said_by, text, expected) in cases {
        let review = with_applied(
            ready(),
            [
                not_discussed(CUSTOM_CRITERION, "Ran out of time"),
                Command::AddEvidence {
                    id: EVIDENCE.into(),
                    criterion: CUSTOM_CRITERION.into(),
                },
                Command::SetEvidence {
                    id: EVIDENCE.into(),
                    said_by: said_by.clone(),
                    text: text.into(),
                },
            ],
        );
        let criterion = review.criterion(CUSTOM_CRITERION).unwrap().clone();
        assert_eq!(
            validate::criterion_review(&review, &criterion),
            expected,
            "{said_by:?} {text:?}"
        );
    }
}

#[test]
fn an_evidence_note_can_be_removed_and_unknown_notes_are_refused() {
    let mut review = with_applied(
        ready(),
        [
            Command::AddEvidence {
                id: EVIDENCE.into(),
                criterion: CUSTOM_CRITERION.into(),
            },
            Command::RemoveEvidence {
                id: EVIDENCE.into(),
            },
        ],
    );
    assert!(review.criterion_reviews.is_empty());
    for command in [
        Command::RemoveEvidence {
            id: EVIDENCE.into(),
        },
        Command::SetEvidence {
            id: EVIDENCE.into(),
            said_by: None,
            text: "x".into(),
        },
    ] {
        assert_refused_saying(
            &mut review,
            command,
            DomainError::UnknownNote,
            "That note is no longer part of this review",
        );
    }
    assert_eq!(
        refused(
            &mut review,
            Command::AddEvidence {
                id: "e-2".into(),
                criterion: "no-such-criterion".into(),
            }
        ),
        DomainError::UnknownCriterion
    );
}

#[test]
fn someone_who_stops_rating_loses_their_ratings() {
    let cases = [
        (
            "now not here",
            attendance(KEY_PERSON, Attendance::AbsentViewsGathered),
        ),
        (
            "now the advocate",
            Command::SetParticipantRole {
                id: KEY_PERSON.into(),
                role: Role::Advocate,
            },
        ),
    ];
    for (behaviour, command) in cases {
        let mut review = with_applied(ready(), ratings_commands());
        apply_all(&mut review, [command]);
        for criterion in [LIBRARY_CRITERION, CUSTOM_CRITERION] {
            assert_eq!(review.rating(criterion, KEY_PERSON), None, "{behaviour}");
            assert!(review.rating(criterion, CARER).is_some(), "{behaviour}");
        }
    }
}

#[test]
fn removing_a_criterion_removes_its_review_and_unlinks_its_actions() {
    let review = with_applied(
        part_two_complete(),
        [Command::RemoveCriterion {
            id: CUSTOM_CRITERION.into(),
        }],
    );
    assert_eq!(review.criterion_review(CUSTOM_CRITERION), None);
    assert!(review.criterion_review(LIBRARY_CRITERION).is_some());
    let action = review.actions.iter().find(|a| a.id == ACTION).unwrap();
    assert_eq!(action.criterion, None);
    assert_eq!(action.what, "Find a carers' group nearer home");
}

#[test]
fn scale_points_are_stored_by_stable_keys_best_first() {
    let keys = each(&Scale::ALL, |s| {
        s.choices().iter().map(|p| p.key()).collect::<Vec<_>>()
    });
    assert_eq!(
        keys,
        [
            vec!["going-well", "unsure", "not-going-well"],
            vec!["very-good", "good", "okay", "poor", "very-poor"],
        ]
    );
    for point in ScalePoint::ALL {
        assert_eq!(
            serde_json::to_value(point).unwrap(),
            serde_json::json!(point.key())
        );
        assert_eq!(ScalePoint::from_key(point.key()), Some(*point));
        let labels = point.scale().points();
        assert_eq!(labels[point.step() as usize], point.label());
    }
}

// ---- In words: the overview, the spread, how views reached the meeting ------

#[test]
fn the_spread_and_where_it_stands_are_said_in_words() {
    let mut review = ready();
    let crit = |r: &Review| r.criterion(CUSTOM_CRITERION).unwrap().clone();
    assert_eq!(spread_in_words(&review, &crit(&review)), "No ratings yet");
    assert_eq!(Standing::of(&review, &crit(&review)), Standing::NotRatedYet);
    apply_all(
        &mut review,
        [rate(CUSTOM_CRITERION, CARER, ScalePoint::Poor)],
    );
    assert_eq!(
        spread_in_words(&review, &crit(&review)),
        "Ayesha Hughes – Poor"
    );
    assert_eq!(
        Standing::of(&review, &crit(&review)).words(),
        "Waiting for 3 people"
    );
    assert_eq!(
        still_to_rate(&review, &crit(&review)).as_deref(),
        Some("Still to rate: Joan Hughes, Tom Hughes and Sam Okafor (worker)")
    );
    apply_all(&mut review, ratings_commands());
    let c = crit(&review);
    assert_eq!(
        spread_in_words(&review, &c),
        "Different views: Joan Hughes – Okay; Ayesha Hughes – Poor; Sam Okafor (worker) – Poor; Tom Hughes – Very poor"
    );
    assert_eq!(Standing::of(&review, &c).words(), "Rated by everyone");
    assert_eq!(still_to_rate(&review, &c), None);
    let chose = who_chose_what(&review, &c);
    assert_eq!(
        chose[2],
        (
            "Okay".to_string(),
            vec!["Joan Hughes (using symbols)".to_string()]
        )
    );
    assert!(chose[0].1.is_empty());
}

#[test]
fn views_reach_the_meeting_in_the_ways_the_person_has() {
    let review = ready();
    let joan = review.individual().unwrap();
    assert!(asks_channel(joan));
    let keys: Vec<String> = channel_options(&review, joan)
        .into_iter()
        .map(|o| o.key)
        .collect();
    assert_eq!(keys[0], "directly");
    assert!(keys.iter().any(|k| k == "method-symbols"), "{keys:?}");
    assert_eq!(method_words(CommunicationMethod::Symbols), "Using symbols");
    assert_eq!(
        method_words(CommunicationMethod::Aids),
        "Using their communication aid or device"
    );
    assert_eq!(
        speech_for(
            "Time off. ",
            &["Going well".to_string(), "Unsure".to_string()]
        ),
        "Time off. How is this going? The choices are: Going well. Unsure."
    );
}
