//! A private turn (issue 23): who can have one, what it asks them (only
//! their own questions), who may see what they say unless they choose
//! otherwise, when a stored turn no longer holds, and the private time's
//! plan agreed in P17.

mod common;

use common::*;
use review_core::private_turn::{self, PrivateTurn};
use review_core::sharing::{items, visibility_of};
use review_core::*;

fn own_note(id: &str, criterion: &str, by: &str) -> Command {
    Command::AddOwnNote {
        id: id.into(),
        criterion: criterion.into(),
        by: by.into(),
    }
}

fn note_text(id: &str, by: &str, text: &str) -> Command {
    Command::SetEvidence {
        id: id.into(),
        said_by: Some(Person::participant(by)),
        text: text.into(),
    }
}

#[test]
fn the_carer_and_the_person_cared_for_in_the_room_can_have_one_and_nobody_else() {
    let mut r = with_applied(
        part_one_complete(),
        [
            add("friend", Role::Carer),
            attendance("friend", Attendance::Remote),
        ],
    );
    let takers: Vec<&str> = private_turn::takers(&r).map(|p| p.id.as_str()).collect();
    assert_eq!(takers, [INDIVIDUAL, CARER]);
    for (who, error) in [
        (WORKER, DomainError::NotInTheRoom),
        ("friend", DomainError::NotInTheRoom),
        ("nobody", DomainError::UnknownParticipant),
    ] {
        assert_eq!(private_turn::start(&r, who), Err(error), "{who}");
    }
    // The person cared for keeps her advocate beside her; the carer is alone.
    apply_all(
        &mut r,
        [
            add(ADVOCATE, Role::Advocate),
            attendance(ADVOCATE, Attendance::InPerson),
        ],
    );
    let beside: Vec<&str> = private_turn::beside(&r, INDIVIDUAL)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(beside, [ADVOCATE]);
    assert!(private_turn::beside(&r, CARER).is_empty());
    let turn = private_turn::start(&r, CARER).unwrap();
    assert_eq!(
        turn,
        PrivateTurn {
            review: r.id.clone(),
            who: CARER.into(),
            handing_back: false
        }
    );
    assert!(private_turn::still_holds(&turn, &r));
    // Someone who leaves the room ends their turn.
    apply_all(&mut r, [attendance(CARER, Attendance::Remote)]);
    assert!(!private_turn::still_holds(&turn, &r));
}

#[test]
fn no_turn_once_someone_has_signed_or_the_review_is_signed_off() {
    assert_eq!(
        private_turn::start(&signed_off(), CARER),
        Err(DomainError::Locked)
    );
    let turn = private_turn::start(&part_one_complete(), CARER).unwrap();
    assert!(!private_turn::still_holds(&turn, &signed_off()));
    let mut other = part_one_complete();
    other.id = "another-review".into();
    assert!(!private_turn::still_holds(&turn, &other));
}

#[test]
fn what_they_say_is_theirs_and_kept_from_the_other_one_at_the_table() {
    let mut r = with_applied(
        part_one_complete(),
        [
            own_note("carer-note", LIBRARY_CRITERION, CARER),
            note_text("carer-note", CARER, "I am worn out most evenings"),
            own_note("joan-note", LIBRARY_CRITERION, INDIVIDUAL),
            note_text("joan-note", INDIVIDUAL, "I worry about Ayesha"),
        ],
    );
    assert_eq!(
        visibility_of(&r, "carer-note"),
        Some(Visibility::NotIndividual)
    );
    assert_eq!(visibility_of(&r, "joan-note"), Some(Visibility::NotCarer));
    let item = items(&r)
        .into_iter()
        .find(|i| i.key == "carer-note")
        .unwrap();
    assert_eq!(item.text, "I am worn out most evenings");
    assert!(!item.visibility.unwrap().allows(RecipientKind::Individual));
    assert!(item.visibility.unwrap().allows(RecipientKind::Carer));
    // They can still choose otherwise on the note.
    apply_all(
        &mut r,
        [Command::SetVisibility {
            item: "carer-note".into(),
            visibility: Visibility::Everyone,
        }],
    );
    assert_eq!(visibility_of(&r, "carer-note"), Some(Visibility::Everyone));
}

#[test]
fn a_turn_asks_only_their_own_questions() {
    let r = with_applied(
        part_one_complete(),
        [
            Command::AddEvidence {
                id: "said-in-the-room".into(),
                criterion: LIBRARY_CRITERION.into(),
            },
            note_text("said-in-the-room", INDIVIDUAL, "Joan said this to everyone"),
            own_note("carer-note", LIBRARY_CRITERION, CARER),
            Command::SetNotDiscussed {
                criterion: CUSTOM_CRITERION.into(),
                reason: Some("No time".into()),
            },
        ],
    );
    let asked = private_turn::questions(&r, CARER);
    assert_eq!(asked.len(), 1, "a criterion not discussed is not asked");
    assert_eq!(asked[0].criterion, LIBRARY_CRITERION);
    assert_eq!(asked[0].notes, ["carer-note"]);
    // In easy read too, where the criterion has it (the library's do).
    assert!(!asked[0].easy_read.is_empty());
    let joan = private_turn::questions(&r, INDIVIDUAL);
    assert_eq!(joan[0].notes, ["said-in-the-room"]);
    // Nothing else on the note says whose it is.
    let mut r = r;
    assert_eq!(
        refused(&mut r, own_note("late", CUSTOM_CRITERION, CARER)),
        DomainError::MarkedNotDiscussed
    );
    assert_eq!(
        refused(&mut r, own_note("late", "no-such-criterion", CARER)),
        DomainError::UnknownCriterion
    );
    assert_eq!(
        refused(&mut r, own_note("late", LIBRARY_CRITERION, "nobody")),
        DomainError::UnknownParticipant
    );
    assert_eq!(
        refused(&mut r, own_note("carer-note", LIBRARY_CRITERION, CARER)),
        DomainError::DuplicateId
    );
}

#[test]
fn the_private_time_is_planned_in_p17_and_forgotten_when_not_wanted() {
    let mut r = part_one_complete();
    assert!(r.process.private_plan.is_empty());
    assert_eq!(private_turn::plan_in_words(&r.process.private_plan), None);
    apply_all(
        &mut r,
        [
            Command::SetPrivateMinutes(Some(15)),
            Command::SetPrivateSlot(Some(PrivateSlot::AfterServices)),
        ],
    );
    assert_eq!(
        private_turn::plan_in_words(&r.process.private_plan).as_deref(),
        Some("15 minutes, after support and services")
    );
    assert_eq!(
        refused(&mut r, Command::SetPrivateMinutes(Some(17))),
        DomainError::TimeBoxOutOfRange
    );
    // It goes into the stored review and comes back.
    let back = draft::decode_review(&draft::encode_review(&r)).unwrap();
    assert_eq!(back.process.private_plan, r.process.private_plan);
    apply_all(&mut r, [Command::SetCarerPrivateTime(false)]);
    assert!(r.process.private_plan.is_empty());
    assert_eq!(
        refused(&mut r, Command::SetPrivateSlot(Some(PrivateSlot::AtTheEnd))),
        DomainError::AnsweredNo
    );
    // Nothing planned leaves nothing in the stored JSON.
    let stored: serde_json::Value = serde_json::from_str(&draft::encode_review(&r)).unwrap();
    assert!(stored["data"]["process"].get("privatePlan").is_none());
}

#[test]
fn a_stored_turn_reads_back_and_damage_is_said() {
    let turn = PrivateTurn {
        review: REVIEW.into(),
        who: CARER.into(),
        handing_back: true,
    };
    let raw = turn.encode();
    assert_eq!(PrivateTurn::decode(&raw), Ok(turn));
    assert!(PrivateTurn::decode("{not json").is_err());
    assert!(PrivateTurn::decode(&draft::encode_review(&new_review())).is_err());
}
