//! From one review to the next (issue 27, points 2–4): the last signed
//! summary is checked before anything is built on it (a tampered file, a
//! stranger's key, no key list, another device's key, a recipient's copy
//! are each refused with their reason); what the worker chooses comes into
//! the new review and nothing else; items kept from someone last time stay
//! kept from them; each rating shows last time's as better, the same or
//! worse; last time's actions and escalations are followed up; and the new
//! summary names the last one by its document id and the SHA-256 of its
//! file.

mod common;

use common::*;
use review_core::continuity::*;
use review_core::setup::sharing::{Shown, Visibility};
use review_core::summary::{self, copy_for, SignedFile, SigningKey, Summary, TeamKeys};
use review_core::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

const LAST_ID: &str = "7d3b2a10-4c5e-4f60-8a71-9b8c7d6e5f40";

/// The message says this, among its words.
fn says(refused: &Refused, words: &str) {
    let message = refused.to_string();
    assert!(
        message.contains(words),
        "{message:?} does not say {words:?}"
    );
}

fn team_key() -> SigningKey {
    SigningKey::from_seed([7; 32])
}

/// Last year's review as a team device signed it, with its second action
/// and its gap kept for the worker and the records only.
fn last_review() -> Review {
    let mut r = signed_off_review();
    r.visibility
        .insert("action-2".into(), Visibility::WorkerAndRecords);
    r.visibility
        .insert("gap-1".into(), Visibility::NotIndividual);
    r
}

fn last_file() -> SignedFile {
    signed_by(
        &last_review(),
        &team_key(),
        LAST_ID,
        "2026-11-24T12:05:00+00:00",
    )
}

fn team() -> TeamKeys {
    team_list_of(team_key().public_jwk(), "Sam Okafor's tablet")
}

/// The carer's copy of a records copy.
fn carers_copy(records: &Summary) -> Summary {
    let carer = records
        .confidentiality
        .copies
        .iter()
        .find(|c| c.id == "carer")
        .unwrap();
    copy_for(records, carer)
}

fn from_file(bytes: &[u8], keys: Option<&TeamKeys>) -> Result<Checked, Refused> {
    check_last(bytes, LastFrom::File { team_keys: keys })
}

fn checked() -> Checked {
    from_file(last_file().text.as_bytes(), Some(&team()))
        .expect("a team device's summary is accepted")
}

fn every_key(c: &Checked) -> BTreeSet<String> {
    proposals(&c.summary).into_iter().map(|p| p.key).collect()
}

/// A new review carrying everything offered.
fn next_review() -> Review {
    let c = checked();
    let mut next = new_review();
    next.carry_forward(&c, &every_key(&c)).unwrap();
    next
}

// ---- Checking the last summary ----------------------------------------------

#[test]
fn a_file_signed_by_a_device_on_the_team_list_is_accepted_with_its_hash() {
    let file = last_file();
    let c = checked();
    assert_eq!(c.summary.document_id.as_str(), LAST_ID);
    assert_eq!(c.signed_by, "Sam Okafor's tablet");
    assert_eq!(
        c.sha256,
        summary::b64(&Sha256::digest(file.text.as_bytes()))
    );
}

#[test]
fn a_tampered_file_is_refused_and_says_why() {
    let text = last_file().text.replace("Find a carers", "Find a karers");
    let refused = from_file(text.as_bytes(), Some(&team())).unwrap_err();
    assert!(matches!(refused, Refused::NotIntact(_)), "{refused:?}");
    says(
        &refused,
        "This is not a signed summary that can be trusted, so nothing was brought from it",
    );
    // A file that is not JSON at all, too.
    let refused = from_file(b"not a summary", Some(&team())).unwrap_err();
    assert!(matches!(refused, Refused::NotIntact(_)), "{refused:?}");
}

#[test]
fn a_file_signed_by_a_key_the_team_does_not_know_is_refused() {
    let stranger = signed_by(
        &last_review(),
        &SigningKey::from_seed([9; 32]),
        LAST_ID,
        "2026-11-24T12:05:00+00:00",
    );
    let refused = from_file(stranger.text.as_bytes(), Some(&team())).unwrap_err();
    assert!(matches!(refused, Refused::Signer(_)), "{refused:?}");
    says(
        &refused,
        "the key that made it is not in your team's key list",
    );
}

#[test]
fn a_file_from_elsewhere_needs_the_team_key_list() {
    let refused = from_file(last_file().text.as_bytes(), None).unwrap_err();
    assert_eq!(refused, Refused::NoKeyList);
    says(&refused, "This device has no team key list");
}

#[test]
fn a_review_on_this_device_counts_when_this_device_signed_it() {
    let file = last_file();
    let kid = team_key().public_jwk().thumbprint();
    let mine = LastFrom::ThisDevice {
        device_kid: Some(&kid),
        team_keys: None,
    };
    let c = check_last(file.text.as_bytes(), mine).unwrap();
    assert_eq!(c.signed_by, "this device");
    // Another device's key, and no list that names it: refused.
    let other = SigningKey::from_seed([9; 32]).public_jwk().thumbprint();
    let theirs = LastFrom::ThisDevice {
        device_kid: Some(&other),
        team_keys: None,
    };
    let refused = check_last(file.text.as_bytes(), theirs).unwrap_err();
    assert_eq!(refused, Refused::NotThisDevice { kid: kid.clone() });
    says(&refused, "signed with a key this device does not hold");
    // Kept on this device but edited in its storage: refused like any file.
    let edited = file.text.replace("Joan Hughes", "Joan Hughs");
    let refused = check_last(edited.as_bytes(), mine).unwrap_err();
    assert!(matches!(refused, Refused::NotIntact(_)), "{refused:?}");
}

#[test]
fn a_recipients_copy_is_refused_for_it_leaves_things_out() {
    let records: Summary = serde_json::from_str(&last_file().text).unwrap();
    let copy = carers_copy(&records).sign(&team_key()).unwrap();
    let refused = from_file(&copy, Some(&team())).unwrap_err();
    assert!(
        matches!(refused, Refused::RecipientCopy { .. }),
        "{refused:?}"
    );
    says(
        &refused,
        "Choose the records copy of the last review's summary",
    );
}

// ---- What is carried forward --------------------------------------------------

#[test]
fn everything_carried_forward_is_offered_first_one_line_each() {
    let offered = proposals(&checked().summary);
    let keys: Vec<&str> = offered.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "person/individual",
            "person/carer",
            "person/key-person",
            "person/advocate",
            "criterion/criterion-library",
            "criterion/criterion-custom",
            "service/resource-cafe",
            "service/resource-allowance",
            "gap/gap-1",
            "cover/cover-sitter",
            "action/action-1",
            "action/action-2",
            "escalation/escalation-safeguarding",
            "escalation/escalation-ot",
        ]
    );
    let carer = &offered[1];
    assert_eq!(
        (carer.group, carer.words.as_str()),
        (Group::People, "Ayesha Hughes, carer")
    );
    // What was kept from someone says so (and stays kept: below).
    let kept: Vec<_> = offered
        .iter()
        .filter_map(|p| p.kept_from.map(|v| (p.key.as_str(), v)))
        .collect();
    assert_eq!(
        kept,
        [
            ("gap/gap-1", Visibility::NotIndividual),
            ("action/action-2", Visibility::WorkerAndRecords)
        ]
    );
}

#[test]
fn only_what_is_chosen_comes_in() {
    let c = checked();
    let mut next = new_review();
    let chosen: BTreeSet<String> = [
        "person/carer",
        "criterion/criterion-custom",
        "action/action-1",
    ]
    .map(String::from)
    .into();
    next.carry_forward(&c, &chosen).unwrap();
    let people: Vec<_> = next
        .participants
        .iter()
        .map(|p| (p.role, p.name.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            (Role::Worker, "Sam Okafor"),
            (Role::Individual, ""),
            (Role::Carer, "Ayesha Hughes")
        ]
    );
    assert_eq!(next.criteria.len(), 1);
    assert!(
        next.criteria[0].agreed_by.is_empty(),
        "criteria are agreed again (P17)"
    );
    assert!(
        next.resources.is_empty() && next.gaps.is_empty() && next.cover_arrangements.is_empty()
    );
    assert_eq!(next.services_in_use, None, "not answered for them");
    assert_eq!(next.last_actions().len(), 1);
    assert!(next.last_escalations().is_empty());
    assert!(
        next.actions.is_empty(),
        "last time's actions are followed up, not copied"
    );
    // Nothing chosen: the link to the last review stays, and nothing else.
    let mut bare = new_review();
    bare.carry_forward(&c, &BTreeSet::new()).unwrap();
    assert_eq!(bare.participants, new_review().participants);
    assert_eq!(bare.last.as_ref().unwrap().document_id, LAST_ID);
    // Only into a new review, once.
    assert_eq!(
        bare.carry_forward(&c, &BTreeSet::new()),
        Err(DomainError::AlreadyStarted)
    );
}

#[test]
fn everything_chosen_comes_in_to_be_checked_again() {
    let next = next_review();
    let carer = next.carer().unwrap();
    assert_eq!(
        (carer.id.as_str(), carer.relationship.as_str()),
        ("carer", "Daughter")
    );
    assert_eq!(carer.attendance, None, "asked again");
    assert_eq!(next.individual().unwrap().name, "Joan Hughes");
    assert_eq!(next.participants_with(Role::Individual).count(), 1);
    assert_eq!(
        next.criteria
            .iter()
            .map(|c| c.wording.as_str())
            .collect::<Vec<_>>()
            .len(),
        2
    );
    assert_eq!(
        next.resources
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Carers' café", "Carer's Allowance"]
    );
    assert!(
        next.resources.iter().all(|r| r.benefits.is_empty()),
        "how it helped is asked again"
    );
    assert_eq!(
        next.cover_arrangements[0].agreement, None,
        "the person cared for is asked again"
    );
    // An escalation done last time is not brought; open ones are.
    assert_eq!(next.last_escalations().len(), 2);
}

#[test]
fn items_kept_from_someone_last_time_stay_kept_from_them() {
    let mut next = next_review();
    // The gap carried forward keeps its visibility.
    assert_eq!(
        sharing::visibility_of(&next, "gap-1"),
        Some(Visibility::NotIndividual)
    );
    // The action followed up keeps it, and so does the action it is carried forward as.
    let hidden = next
        .last_actions()
        .iter()
        .find(|a| a.id == "action-2")
        .unwrap()
        .clone();
    assert_eq!(hidden.visibility, Some(Visibility::WorkerAndRecords));
    assert!(!Shown::CarerCopy.shows(hidden.visibility));
    next.apply(
        follow(&hidden.id, ActionFollowUp::CarriedForward, "action-again"),
        edited(),
    )
    .unwrap();
    assert_eq!(
        sharing::visibility_of(&next, "action-again"),
        Some(Visibility::WorkerAndRecords)
    );
    // An error about it never shows its words.
    let errors = validate::actions(&next);
    assert!(
        messages(&errors)
            .iter()
            .all(|m| !m.contains("sitting service")),
        "{errors:?}"
    );
}

// ---- Last time's ratings --------------------------------------------------------

#[test]
fn each_rating_shows_last_times_better_the_same_or_worse() {
    let next = next_review();
    // Last time: the carer "going well", the person cared for "unsure" and
    // the worker (last time's, now this review's) "unsure" on the library
    // criterion; the key person "very poor" on the custom one.
    let worker = next
        .participants_with(Role::Worker)
        .next()
        .unwrap()
        .id
        .clone();
    let before = next.last_time("criterion-library", "carer").unwrap();
    assert_eq!(
        before,
        LastTime {
            point: ScalePoint::GoingWell,
            trend: None
        }
    );
    assert_eq!(before.words(), "Last time: Going well");
    let cases = [
        (
            "criterion-library",
            "carer",
            ScalePoint::Unsure,
            Trend::Worse,
            "Last time: Going well. Worse than last time",
            "▼",
        ),
        (
            "criterion-library",
            "individual",
            ScalePoint::Unsure,
            Trend::Same,
            "Last time: Unsure. The same as last time",
            "=",
        ),
        (
            "criterion-custom",
            "key-person",
            ScalePoint::Okay,
            Trend::Better,
            "Last time: Very poor. Better than last time",
            "▲",
        ),
    ];
    for (criterion, who, now, trend, words, symbol) in cases {
        let mut rated = next.clone();
        rated
            .criterion_reviews
            .entry(criterion.into())
            .or_default()
            .ratings
            .push(review_core::ratings::types::Rating {
                participant: who.into(),
                point: now,
                through: None,
            });
        let last = rated.last_time(criterion, who).unwrap();
        assert_eq!(last.trend, Some(trend), "{criterion} {who}");
        assert_eq!((last.words().as_str(), trend.symbol()), (words, symbol));
    }
    assert_eq!(
        next.last_time("criterion-library", &worker).unwrap().point,
        ScalePoint::Unsure
    );
    // Someone who did not rate last time has nothing beside their rating.
    assert_eq!(next.last_time("criterion-library", "advocate"), None);
    // Points on different scales are not compared.
    assert_eq!(Trend::of(ScalePoint::Good, ScalePoint::GoingWell), None);
}

// ---- Following up ---------------------------------------------------------------

fn follow(id: &str, answer: ActionFollowUp, carried: &str) -> Command {
    Command::FollowUpAction {
        id: id.into(),
        answer,
        carried_id: carried.into(),
    }
}

#[test]
fn last_times_actions_are_each_followed_up() {
    let mut next = next_review();
    assert_eq!(
        messages(&validate::actions(&next)),
        [
            "Select what became of \u{201c}Find a carers' group nearer home\u{201d}",
            "Select what became of last time's action number 2"
        ]
    );
    next.apply(
        follow("action-1", ActionFollowUp::CarriedForward, "action-new"),
        edited(),
    )
    .unwrap();
    let carried = next.actions.iter().find(|a| a.id == "action-new").unwrap();
    assert_eq!(carried.what, "Find a carers' group nearer home");
    assert_eq!(carried.owner, Some(base::Person::participant("carer")));
    assert_eq!(carried.due, None, "a new date is agreed");
    assert_eq!(
        next.last_actions()[0].carried_as.as_deref(),
        Some("action-new")
    );
    // Answered otherwise, the action it became goes.
    next.apply(follow("action-1", ActionFollowUp::Done, "unused"), edited())
        .unwrap();
    assert!(next.actions.is_empty());
    assert_eq!(next.last_actions()[0].carried_as, None);
    next.apply(
        follow("action-2", ActionFollowUp::NoLongerNeeded, "unused"),
        edited(),
    )
    .unwrap();
    assert_eq!(validate::actions(&next), []);
    assert_eq!(
        next.apply(follow("action-9", ActionFollowUp::Done, "x"), edited()),
        Err(DomainError::UnknownFollowUp)
    );
}

#[test]
fn last_times_escalations_are_each_asked_about() {
    let mut next = next_review();
    let asked = messages(&validate::escalations(&next))
        .iter()
        .filter(|m| m.contains("is resolved"))
        .count();
    assert_eq!(asked, 2);
    for (id, answer) in [
        ("escalation-safeguarding", EscalationFollowUp::Resolved),
        ("escalation-ot", EscalationFollowUp::StillOpen),
    ] {
        next.apply(
            Command::FollowUpEscalation {
                id: id.into(),
                answer,
            },
            edited(),
        )
        .unwrap();
    }
    assert!(messages(&validate::escalations(&next))
        .iter()
        .all(|m| !m.contains("is resolved")));
}

// ---- The link, in the next summary ------------------------------------------------

#[test]
fn the_next_summary_names_the_last_by_id_and_hash_and_records_the_follow_up() {
    let file = last_file();
    // The next review, signed off, with its follow-up given.
    let (signed, summary) = signed_following_up(
        [ActionFollowUp::Partly, ActionFollowUp::NotDone],
        EscalationFollowUp::StillOpen,
    );
    let continues = summary.continues.clone().unwrap();
    assert_eq!(continues.id.as_str(), LAST_ID);
    assert_eq!(
        continues.sha256.as_str(),
        summary::b64(&Sha256::digest(file.text.as_bytes()))
    );
    let follow_up = summary.follow_up.clone().unwrap();
    let answers: Vec<_> = follow_up
        .actions
        .iter()
        .map(|a| (a.id.as_str(), a.answer))
        .collect();
    assert_eq!(
        answers,
        [
            ("action-1", ActionFollowUp::Partly),
            ("action-2", ActionFollowUp::NotDone)
        ]
    );
    assert_eq!(
        follow_up.escalations.len(),
        1,
        "unanswered ones are left out"
    );
    // The carer's copy leaves out what was kept from the carer last time.
    let copy = carers_copy(&summary);
    let kept: Vec<_> = copy
        .follow_up
        .unwrap()
        .actions
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(kept, ["action-1"]);
    let words = serde_json::to_string(&carers_copy(&summary).follow_up).unwrap();
    assert!(!words.contains("Book the sitting service"), "{words}");
    // A draft edited after sign-off to follow up differently no longer matches its summary.
    let bytes = summary.sign(&team_key()).unwrap();
    assert!(summary::compare(&bytes, &signed).matches());
    let mut edited_draft = signed.clone();
    edited_draft.last.as_mut().unwrap().actions[1].answer = Some(ActionFollowUp::Done);
    assert!(!summary::compare(&bytes, &edited_draft).matches());
}

#[test]
fn a_draft_that_follows_on_keeps_what_it_carried_through_a_save() {
    let mut next = next_review();
    next.apply(
        follow("action-1", ActionFollowUp::CarriedForward, "action-new"),
        edited(),
    )
    .unwrap();
    let stored = draft::encode_review(&next);
    assert_eq!(draft::decode_review(&stored), Ok(next));
}

#[test]
fn the_check_page_shows_the_follow_up_and_keeps_back_what_was_kept() {
    let mut next = next_review();
    next.apply(follow("action-1", ActionFollowUp::Done, "x"), edited())
        .unwrap();
    let keys_values = |rows: Vec<review_core::check::Row>| -> Vec<(String, String)> {
        rows.into_iter()
            .filter(|r| r.key.contains("ast time"))
            .map(|r| (r.key, r.value))
            .collect()
    };
    let worker = keys_values(review_core::check::shown_rows(
        &next,
        progress::Part::Outcome,
    ));
    assert_eq!(
        worker,
        [
            (
                "Last time's action 1".to_string(),
                "Find a carers' group nearer home: Done".to_string()
            ),
            (
                "Last time's action 2".to_string(),
                "Book the sitting service: Not answered yet".to_string()
            ),
        ]
    );
    // The carer holding the tablet sees the first only.
    next.participants
        .iter_mut()
        .for_each(|p| p.attendance = Some(Attendance::InPerson));
    next.turn = Some("carer".into());
    let carer = keys_values(review_core::check::shown_rows(
        &next,
        progress::Part::Outcome,
    ));
    assert_eq!(carer.len(), 1, "{carer:?}");
    let escalations = keys_values(review_core::check::shown_rows(
        &next,
        progress::Part::Escalations,
    ));
    assert_eq!(escalations.len(), 2, "{escalations:?}");
}

#[test]
fn the_carers_readable_copy_says_what_became_of_last_time_but_not_what_was_kept_from_her() {
    use review_core::readable::{readable, Block, Style};
    let (_, summary) = signed_following_up(
        [ActionFollowUp::Done, ActionFollowUp::NotDone],
        EscalationFollowUp::Resolved,
    );
    let copy = readable(&carers_copy(&summary), "sha", None, Style::Plain);
    let since = copy
        .sections
        .iter()
        .find(|s| s.heading == "Since the last review")
        .expect("the section");
    let lines: Vec<(String, String)> = since
        .parts
        .iter()
        .flat_map(|b| match b {
            Block::Group { lines, .. } => lines
                .iter()
                .map(|l| (l.label.clone(), l.text.clone()))
                .collect(),
            Block::Para(_) => Vec::new(),
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "Find a carers' group nearer home".to_string(),
                "Done".to_string()
            ),
            (
                "Joan has bruising she could not explain".to_string(),
                "Resolved".to_string()
            ),
        ]
    );
    // A review that followed nothing on has no such section.
    let plain = readable(&summary_of_signed_off(), "sha", None, Style::Plain);
    assert!(plain
        .sections
        .iter()
        .all(|s| s.heading != "Since the last review"));
}

fn summary_of_signed_off() -> Summary {
    summary_of(&signed_off_review())
}

/// The summary of `signed`, as the next review's device signs it.
fn summary_of(signed: &Review) -> Summary {
    Summary::from_review(
        signed,
        "5a0e3f8e-0a5b-4b6c-8d7e-1f2a3b4c5d6e",
        "0.1.0",
        "en-GB",
        &edited(),
    )
    .unwrap()
}

/// A signed-off review that followed on from [`last_review`], its two
/// actions and first escalation answered so, and its summary.
fn signed_following_up(
    actions: [ActionFollowUp; 2],
    escalation: EscalationFollowUp,
) -> (Review, Summary) {
    let mut signed = signed_off_review();
    signed.last = next_review().last;
    let last = signed.last.as_mut().unwrap();
    for (action, answer) in last.actions.iter_mut().zip(actions) {
        action.answer = Some(answer);
    }
    last.escalations[0].answer = Some(escalation);
    let summary = summary_of(&signed);
    (signed, summary)
}
