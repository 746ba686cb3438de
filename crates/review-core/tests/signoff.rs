//! Check and sign off (P23): who must sign, the worker last, the lock, and
//! amendments as new versions.

mod common;

use common::*;
use review_core::signoff::{
    form_errors, point_why_field, ready_to_sign, signed_so_far, still_to_confirm, still_to_sign,
    SignOffDecision as D, SignOffError as E, SignOffMethod as M,
};
use review_core::*;

fn signed_at() -> Timestamp {
    at("2026-11-24T12:00:00+00:00")
}

/// A finished review with an advocate in the room, so someone can sign through them.
fn finished() -> Review {
    let r = with_applied(
        part_two_complete(),
        [
            add("advocate", Role::Advocate),
            name("advocate", "Priya Shah"),
            relationship("advocate", "Care Act advocate"),
            attendance("advocate", Attendance::InPerson),
        ],
    );
    assert!(
        ready_to_sign(&r),
        "the builder gives a review ready to sign"
    );
    r
}

fn sign(r: &mut Review, who: &str) -> Result<(), E> {
    r.sign_off(who, D::Agrees, M::Tap, signed_at())
}

#[test]
fn everyone_taking_part_must_sign_and_the_worker_comes_last() {
    let r = finished();
    let order: Vec<Role> = still_to_sign(&r).iter().map(|p| p.role).collect();
    assert_eq!(order.last(), Some(&Role::Worker));
    assert_eq!(order.iter().filter(|r| **r == Role::Worker).count(), 1);
    assert!(order.contains(&Role::Carer) && order.contains(&Role::Individual));
    // The advocate helps Joan take part: she confirms, she does not sign.
    assert!(!order.contains(&Role::Advocate));
    let confirming: Vec<&str> = still_to_confirm(&r).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(confirming, ["advocate"]);
}

/// Advocates and interpreters are not parties: they do not sign or agree
/// as themselves, and each confirms what they were there for, after the
/// parties and before the worker, whose signature waits for them.
#[test]
fn an_advocate_confirms_what_she_was_there_for_and_does_not_sign() {
    use review_core::signoff::{next_turn, Confirms, Turn};
    let mut r = finished();
    assert_eq!(sign(&mut r, "advocate"), Err(E::SupporterConfirms));
    let mut agree = r.clone();
    assert_eq!(
        refused(
            &mut agree,
            Command::SetProcessAgreement {
                participant: "advocate".into(),
                agreed: true,
            }
        ),
        DomainError::SupporterNotAParty
    );
    for p in still_to_sign(&r.clone()) {
        if p.role != Role::Worker {
            sign(&mut r, &p.id).unwrap();
        }
    }
    assert!(matches!(next_turn(&r), Some(Turn::Confirm(p)) if p.id == "advocate"));
    assert_eq!(sign(&mut r, WORKER), Err(E::WorkerNotLast));
    // Nobody else confirms for her; she must say what she cannot confirm.
    assert_eq!(
        r.confirm(CARER, true, "", signed_at()),
        Err(E::NotASupporter)
    );
    assert_eq!(
        r.confirm("advocate", false, "  ", signed_at()),
        Err(E::EmptyNote)
    );
    r.confirm(
        "advocate",
        false,
        "Joan's view on the respite week was given by her daughter",
        signed_at(),
    )
    .unwrap();
    r.confirm("advocate", true, "", signed_at()).unwrap();
    assert_eq!(r.confirmations.len(), 1, "a new answer replaces hers");
    assert_eq!(r.confirmations[0].confirms, Confirms::OwnViewCarried);
    assert!(r.confirmations[0].confirmed && r.confirmations[0].note.is_empty());
    assert!(matches!(next_turn(&r), Some(Turn::Sign(p)) if p.role == Role::Worker));
    // Her confirmation counts as a signature: answers wait until cleared.
    let signed: Vec<&str> = signed_so_far(&r).iter().map(|p| p.id.as_str()).collect();
    assert!(signed.contains(&"advocate"));
    sign(&mut r, WORKER).unwrap();
    assert_eq!(r.state, ReviewState::SignedOff);
    assert_eq!(next_turn(&r), None);
}

#[test]
fn the_worker_cannot_sign_before_the_others() {
    let mut r = finished();
    assert_eq!(sign(&mut r, WORKER), Err(E::WorkerNotLast));
    assert!(r.sign_offs.is_empty());
}

#[test]
fn an_unfinished_review_cannot_be_signed() {
    let mut r = part_one_complete();
    assert!(!ready_to_sign(&r));
    assert_eq!(sign(&mut r, CARER), Err(E::NotReady));
}

#[test]
fn someone_not_taking_part_cannot_sign() {
    let mut r = with_applied(
        finished(),
        [attendance(KEY_PERSON, Attendance::AbsentViewsGathered)],
    );
    assert_eq!(sign(&mut r, KEY_PERSON), Err(E::NotTakingPart));
    assert_eq!(sign(&mut r, "nobody"), Err(E::NotTakingPart));
}

#[test]
fn the_last_signature_locks_the_review_and_records_when() {
    let mut r = finished();
    for p in still_to_sign(&r.clone()) {
        assert_eq!(r.state, ReviewState::Draft);
        if p.role == Role::Worker {
            r.confirm("advocate", true, "", signed_at()).unwrap();
        }
        sign(&mut r, &p.id).unwrap();
    }
    assert_eq!(r.state, ReviewState::SignedOff);
    assert_eq!(r.finalised_at, Some(signed_at()));
    // Locked: no change, no new signature.
    let before = r.clone();
    assert_eq!(
        r.apply(name(CARER, "Someone else"), signed_at()),
        Err(DomainError::Locked)
    );
    assert_eq!(sign(&mut r, CARER), Err(E::Locked));
    assert_eq!(r, before);
}

#[test]
fn a_change_after_someone_signed_waits_until_the_signatures_are_cleared_on_purpose() {
    let mut r = finished();
    sign(&mut r, CARER).unwrap();
    // The change is refused, and nothing changes: not the answer, not the signature.
    let before = r.clone();
    assert_eq!(
        r.apply(relationship(CARER, "Daughter-in-law"), signed_at()),
        Err(DomainError::Signed)
    );
    assert_eq!(r, before);
    // Passing the tablet is not a change to the review: it still goes.
    r.apply(Command::PassTablet { to: CARER.into() }, signed_at())
        .unwrap();
    assert_eq!(r.sign_offs.len(), 1);
    // Who signed is named before their signatures are cleared.
    let signed: Vec<&str> = signed_so_far(&r).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(signed, [CARER]);
    // Cleared on purpose, the change goes through.
    r.clear_sign_offs(signed_at()).unwrap();
    assert!(r.sign_offs.is_empty());
    apply_all(&mut r, [relationship(CARER, "Daughter-in-law")]);
    // Nothing signed: clearing is harmless. Locked: refused.
    r.clear_sign_offs(signed_at()).unwrap();
    let mut done = locked();
    assert_eq!(done.clear_sign_offs(signed_at()), Err(E::Locked));
}

#[test]
fn each_way_of_signing_checks_what_it_needs() {
    let cases: Vec<(&str, D, M, Result<(), E>)> = vec![
        (
            CARER,
            D::AgreesWithComment {
                comment: "  ".into(),
                visibility: None,
            },
            M::Tap,
            Err(E::EmptyComment),
        ),
        (
            CARER,
            D::Disagrees {
                reason: "".into(),
                visibility: None,
                points: vec![],
            },
            M::Tap,
            Err(E::EmptyReason),
        ),
        (
            CARER,
            D::Disagrees {
                reason: "The cover is not enough".into(),
                visibility: None,
                points: vec![],
            },
            M::Tap,
            Ok(()),
        ),
        (
            CARER,
            D::Agrees,
            M::TypedName {
                name: "Ayesha".into(),
            },
            Err(E::NameDoesNotMatch("Ayesha Hughes".into())),
        ),
        (
            CARER,
            D::Agrees,
            M::TypedName {
                name: " ayesha hughes ".into(),
            },
            Ok(()),
        ),
        (
            CARER,
            D::Agrees,
            M::DrawnMark { path: "".into() },
            Err(E::EmptyMark),
        ),
        (
            CARER,
            D::Agrees,
            M::DrawnMark {
                path: "M 1 2 <script>".into(),
            },
            Err(E::BadMark),
        ),
        (
            CARER,
            D::Agrees,
            M::DrawnMark {
                path: "M 10 10 L 20 25.5 L 30 12".into(),
            },
            Ok(()),
        ),
        (
            INDIVIDUAL,
            D::Agrees,
            M::ThroughSupporter {
                by: CARER.into(),
                how: "Nodded".into(),
            },
            Err(E::NotASupporter),
        ),
        (
            INDIVIDUAL,
            D::Agrees,
            M::ThroughSupporter {
                by: "advocate".into(),
                how: " ".into(),
            },
            Err(E::EmptyHow),
        ),
        (
            INDIVIDUAL,
            D::Agrees,
            M::ThroughSupporter {
                by: "advocate".into(),
                how: "Pointed to the thumbs-up symbol".into(),
            },
            Ok(()),
        ),
    ];
    for (who, decision, method, expected) in cases {
        let mut r = finished();
        let label = format!("{who}: {decision:?} by {method:?}");
        assert_eq!(
            r.sign_off(who, decision, method, signed_at()),
            expected,
            "{label}"
        );
        assert_eq!(r.sign_offs.len(), usize::from(expected.is_ok()), "{label}");
    }
}

#[test]
fn a_typed_name_is_stored_as_typed_without_outer_spaces() {
    let mut r = finished();
    r.sign_off(
        CARER,
        D::Agrees,
        M::TypedName {
            name: " ayesha hughes ".into(),
        },
        signed_at(),
    )
    .unwrap();
    assert_eq!(
        r.sign_offs[0].method,
        M::TypedName {
            name: "ayesha hughes".into()
        }
    );
}

#[test]
fn signing_again_replaces_the_earlier_signature_and_can_be_withdrawn() {
    let mut r = finished();
    sign(&mut r, CARER).unwrap();
    r.sign_off(
        CARER,
        D::Disagrees {
            reason: "Changed my mind".into(),
            visibility: None,
            points: vec![],
        },
        M::Tap,
        signed_at(),
    )
    .unwrap();
    assert_eq!(r.sign_offs.len(), 1);
    r.withdraw_sign_off(CARER, signed_at()).unwrap();
    assert!(r.sign_offs.is_empty());
}

fn locked() -> Review {
    let mut r = finished();
    sign_everyone(&mut r, signed_at());
    r
}

#[test]
fn an_amendment_is_a_new_draft_version_that_says_what_changed_and_why() {
    let old = locked();
    let amended_at = at("2026-12-01T09:30:00+00:00");
    let new = old
        .amend(
            "review-2".into(),
            "The sitter service changed its days",
            "Cover on Thursdays, not Tuesdays",
            amended_at,
        )
        .unwrap();
    assert_eq!(new.id, "review-2");
    assert_eq!(new.version, 2);
    assert_eq!(new.state, ReviewState::Draft);
    assert!(new.sign_offs.is_empty() && new.finalised_at.is_none());
    let a = new.amends.as_ref().unwrap();
    assert_eq!(
        (a.previous_id.as_str(), a.previous_version),
        ("review-1", 1)
    );
    assert_eq!(a.reason, "The sitter service changed its days");
    assert_eq!(a.what_changed, "Cover on Thursdays, not Tuesdays");
    assert_eq!(a.amended_at, amended_at);
    // The content carries over, and the earlier version is untouched.
    assert_eq!(new.participants, old.participants);
    assert_eq!(old.state, ReviewState::SignedOff);
    assert!(ready_to_sign(&new));
}

#[test]
fn an_amendment_needs_a_locked_review_a_reason_and_what_changed() {
    let draft = finished();
    assert_eq!(
        draft.amend("r2".into(), "why", "what", signed_at()),
        Err(E::NotLocked)
    );
    let old = locked();
    assert_eq!(
        old.amend("r2".into(), " ", "what", signed_at()),
        Err(E::EmptyAmendReason)
    );
    assert_eq!(
        old.amend("r2".into(), "why", "", signed_at()),
        Err(E::EmptyWhatChanged)
    );
}

#[test]
fn an_amended_review_is_signed_again_and_a_second_amendment_counts_on() {
    let v2 = locked()
        .amend("review-2".into(), "why", "what", signed_at())
        .unwrap();
    let mut v2 = v2;
    assert!(
        v2.confirmations.is_empty(),
        "the new version is confirmed again"
    );
    sign_everyone(&mut v2, signed_at());
    assert_eq!(v2.state, ReviewState::SignedOff);
    let v3 = v2
        .amend("review-3".into(), "again", "more", signed_at())
        .unwrap();
    assert_eq!(v3.version, 3);
    assert_eq!(v3.amends.unwrap().previous_id, "review-2");
}

#[test]
fn signatures_and_versions_survive_the_draft_envelope() {
    let old = locked();
    let v2 = old
        .amend("review-2".into(), "why", "what", signed_at())
        .unwrap();
    for r in [old, v2] {
        let back = draft::decode_review(&draft::encode_review(&r)).unwrap();
        assert_eq!(back, r);
    }
}

#[test]
fn the_sign_off_form_says_every_problem_at_once_each_on_its_field() {
    use review_core::signoff::{form, form_errors};
    let r = finished();
    let carer = r.participant(CARER).unwrap().clone();
    let worker = r.participant(WORKER).unwrap().clone();
    let fields =
        |d: Option<D>, m: Option<M>, who: &review_core::Participant| -> Vec<(String, String)> {
            form_errors(&r, who, d, m)
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect()
        };
    let pair = |f: &str, m: &str| (f.to_string(), m.to_string());
    // Nothing chosen: both questions, at once.
    assert_eq!(
        fields(None, None, &carer),
        [
            pair(form::SAYS, "Select whether they agree with the review"),
            pair(form::WAY, "Select how they will sign"),
        ]
    );
    // What they say and how they sign, each wrong in its own way.
    assert_eq!(
        fields(
            Some(D::Disagrees {
                reason: " ".into(),
                visibility: None,
                points: vec![],
            }),
            Some(M::TypedName {
                name: "Someone".into()
            }),
            &carer
        ),
        [
            pair(
                form::REASON,
                "Enter why they do not agree, or choose what they do not agree with and say why"
            ),
            pair(
                form::TYPED_NAME,
                &format!("Type the name as it is in the review: {}", carer.name)
            ),
        ]
    );
    assert_eq!(
        fields(
            Some(D::AgreesWithComment {
                comment: String::new(),
                visibility: None
            }),
            Some(M::DrawnMark {
                path: String::new()
            }),
            &carer
        ),
        [
            pair(form::COMMENT, "Enter the comment"),
            pair(
                form::MARK,
                "Draw a mark in the box, or choose another way to sign"
            ),
        ]
    );
    // Through a supporter: the worker cannot; someone else needs how.
    let through = |how: &str| M::ThroughSupporter {
        by: "advocate".into(),
        how: how.into(),
    };
    assert_eq!(
        fields(Some(D::Agrees), Some(through("Nodded")), &worker)[0].0,
        form::SUPPORTER
    );
    assert_eq!(
        fields(Some(D::Agrees), Some(through("")), &carer),
        [pair(
            form::HOW,
            "Enter how the person showed what they think"
        )]
    );
    // A form the sign-off would take has no problem.
    assert!(fields(Some(D::Agrees), Some(through("Nodded")), &carer).is_empty());
    let mut signed = r.clone();
    signed
        .sign_off(CARER, D::Agrees, through("Nodded"), signed_at())
        .unwrap();
}

/// Someone who does not agree can point at rows of the check page, each
/// with why; then their reason may be left out, but never a point's why.
#[test]
fn a_disagreement_can_point_at_rows_of_the_check_page_each_saying_why() {
    use review_core::progress::Part;
    let r = finished();
    let carer = r.participant(CARER).unwrap().clone();
    let point = |why: &str| {
        let mut p = disagreed_point(&r, Part::Cover, |row| row.change.is_some(), why);
        p.about = format!("  {}  ", p.about);
        p
    };
    let with = |reason: &str, points| D::Disagrees {
        reason: reason.into(),
        visibility: None,
        points,
    };
    let fields = |d: D| -> Vec<(String, String)> {
        form_errors(&r, &carer, Some(d), Some(M::Tap))
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    };
    assert_eq!(fields(with("", vec![point("Not enough")])), []);
    let about = point("").about.trim().to_string();
    assert_eq!(
        fields(with("", vec![point("Not enough"), point("  ")])),
        [(
            point_why_field(1),
            format!("Enter why they do not agree with \u{201c}{about}\u{201d}")
        )]
    );
    // Kept tidy: the reason left out, what the row is about trimmed.
    let mut signed = r.clone();
    signed
        .sign_off(
            CARER,
            with("  ", vec![point("Not enough")]),
            M::Tap,
            signed_at(),
        )
        .unwrap();
    let D::Disagrees { reason, points, .. } = &signed.sign_offs[0].decision else {
        panic!("a disagreement");
    };
    assert_eq!(reason, "");
    assert_eq!(points[0].about, about);
    assert_eq!(points[0].why, "Not enough");
    assert_eq!(points[0].part, Part::Cover);
}
