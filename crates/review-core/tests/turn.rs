//! Joint use: one tablet passed round the table. Who holds it is shown on
//! every screen; the worker holds it by default; it only goes to someone in
//! the room; and passing it never changes what the review says.

mod common;

use common::*;
use review_core::signoff::{SignOffDecision, SignOffMethod};
use review_core::*;

const REMOTE: &str = "interpreter";

fn pass(to: &str) -> Command {
    Command::PassTablet { to: to.into() }
}

fn holder(r: &Review) -> &str {
    r.turn_holder().map(|p| p.id.as_str()).unwrap_or("nobody")
}

/// Joan and Ayesha in the room, an interpreter joining by phone.
fn meeting() -> Review {
    let mut r = review_with(who_is_here_commands());
    apply_all(
        &mut r,
        [
            add(REMOTE, Role::Interpreter),
            name(REMOTE, "Farah Ali"),
            attendance(REMOTE, Attendance::Remote),
        ],
    );
    r
}

#[test]
fn the_worker_holds_the_tablet_at_the_start() {
    let r = new_review();
    assert_eq!(r.turn, None);
    assert_eq!(holder(&r), WORKER);
    assert_eq!(
        r.turn_holder().map(Participant::display_name).as_deref(),
        Some("Sam Okafor, worker")
    );
}

#[test]
fn the_tablet_passes_to_someone_in_the_room_and_back() {
    let mut r = with_applied(meeting(), [pass(CARER)]);
    assert_eq!(holder(&r), CARER);
    assert_eq!(
        r.turn_holder().map(Participant::display_name).as_deref(),
        Some("Ayesha Hughes, carer")
    );
    apply_all(&mut r, [pass(INDIVIDUAL)]);
    assert_eq!(holder(&r), INDIVIDUAL);
    apply_all(&mut r, [pass(WORKER)]);
    assert_eq!(holder(&r), WORKER);
    // Passing it to whoever holds it already is harmless.
    apply_all(&mut r, [pass(WORKER)]);
    assert_eq!(holder(&r), WORKER);
}

#[test]
fn only_people_in_the_room_can_take_the_tablet() {
    let mut r = with_applied(
        meeting(),
        [
            add("absent", Role::KeyPerson),
            name("absent", "Tom Hughes"),
            attendance("absent", Attendance::AbsentViewsGathered),
            add("not-said", Role::Advocate),
        ],
    );
    let takers: Vec<&str> = r.tablet_takers().map(|p| p.id.as_str()).collect();
    assert_eq!(takers, [WORKER, INDIVIDUAL, CARER]);

    let before = r.clone();
    for (to, error) in [
        (REMOTE, DomainError::NotInTheRoom),
        ("absent", DomainError::NotInTheRoom),
        ("not-said", DomainError::NotInTheRoom),
        ("nobody", DomainError::UnknownParticipant),
    ] {
        assert_eq!(refused(&mut r, pass(to)), error, "passing to {to}");
        assert_eq!(r, before, "a refused pass to {to} changes nothing");
    }
    assert_words(
        &DomainError::NotInTheRoom,
        "The tablet can only be passed to someone in the room",
    );
}

#[test]
fn passing_the_tablet_is_not_a_change_to_the_review() {
    let mut r = meeting();
    let last_changed = r.updated_at;
    let later = at("2026-11-24T11:00:00+00:00");
    r.apply(pass(CARER), later)
        .expect("the carer is in the room");
    assert_eq!(r.updated_at, last_changed, "no new 'last changed' time");
    assert_eq!(r.turn.as_deref(), Some(CARER));
}

#[test]
fn passing_the_tablet_while_signing_keeps_the_signatures() {
    let mut r = part_two_complete();
    r.sign_off(
        CARER,
        SignOffDecision::Agrees,
        SignOffMethod::Tap,
        at("2026-11-24T12:00:00+00:00"),
    )
    .expect("the carer signs");
    apply_all(&mut r, [pass(INDIVIDUAL)]);
    assert_eq!(r.sign_offs.len(), 1, "the carer's signature stands");
    assert_eq!(holder(&r), INDIVIDUAL);
}

#[test]
fn a_locked_review_refuses_to_pass_the_tablet() {
    let mut r = signed_off_review();
    assert_eq!(r.state, ReviewState::SignedOff);
    assert_eq!(refused(&mut r, pass(CARER)), DomainError::Locked);
}

#[test]
fn the_tablet_goes_back_to_the_worker_when_its_holder_leaves() {
    // Removed from the review.
    let r = with_applied(
        meeting(),
        [pass(CARER), Command::RemoveParticipant { id: CARER.into() }],
    );
    assert_eq!(r.turn, None);
    assert_eq!(holder(&r), WORKER);

    // Now joining by phone instead of in the room; coming back into the room
    // does not hand it back to them without a new pass.
    let r = with_applied(
        meeting(),
        [
            pass(INDIVIDUAL),
            attendance(INDIVIDUAL, Attendance::Remote),
            attendance(INDIVIDUAL, Attendance::InPerson),
        ],
    );
    assert_eq!(r.turn, None);
    assert_eq!(holder(&r), WORKER);

    // Other changes leave it where it is.
    let r = with_applied(meeting(), [pass(CARER), name(CARER, "Ayesha Khan")]);
    assert_eq!(holder(&r), CARER);
}

#[test]
fn a_stored_holder_who_is_no_longer_in_the_room_is_not_shown() {
    // Data edited or stored by an older build: the worker is shown instead.
    let mut r = meeting();
    r.turn = Some(REMOTE.into());
    assert_eq!(holder(&r), WORKER);
    r.turn = Some("nobody".into());
    assert_eq!(holder(&r), WORKER);
}

#[test]
fn drafts_without_a_turn_still_load_and_are_stored_as_before() {
    let r = meeting();
    let json = serde_json::to_value(&r).expect("serialises");
    assert!(
        json.get("turn").is_none(),
        "no 'turn' key while the worker holds the tablet, so the stored format is unchanged"
    );
    let back: Review = serde_json::from_value(json).expect("a draft without 'turn' loads");
    assert_eq!(back.turn, None);

    let passed = with_applied(meeting(), [pass(CARER)]);
    let json = serde_json::to_value(&passed).expect("serialises");
    assert_eq!(json["turn"], CARER);
    let back: Review = serde_json::from_value(json).expect("loads");
    assert_eq!(holder(&back), CARER);

    let raw = draft::encode_review(&passed);
    let decoded = draft::decode_review(&raw).expect("the envelope round-trips");
    assert_eq!(decoded.turn.as_deref(), Some(CARER));
}
