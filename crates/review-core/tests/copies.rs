//! The recipients' copies (P23): for a review using every visibility on
//! every kind of item, each recipient's copy holds exactly the items that
//! recipient may see (a provider only its own services and actions), and
//! nothing of the rest — no id, no word — with the count of what it keeps
//! back; the records copy holds everything and names each copy by the hash
//! of its signed file; and a copy that says more, or other, than its
//! recipient may see is found out.

mod common;

use common::*;
use review_core::sharing::{written_items, ItemKind};
use review_core::summary::*;
use review_core::*;
use serde_json::Value;

const SEED: [u8; 32] = [42; 32];

fn records_of(review: &Review) -> Summary {
    Summary::from_review(review, DOC, "0.1.0", "en-GB", &review.finalised_at.unwrap()).unwrap()
}

/// The copy for `recipient` holds exactly the items it may see, and none of
/// the others: not their words, not their ids, not a service's "needs met".
fn assert_copy_holds_what_it_may(review: &Review, recipient: &CopyRecord) -> (usize, usize) {
    let records = records_of(review);
    let copy = copy_for(&records, recipient);
    let text = serde_json::to_string(&copy).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let mut hidden = 0;
    let mut shown = 0;
    for item in written_items(review) {
        let may = item.visibility.is_some_and(|v| v.allows(recipient.kind))
            && (recipient.kind != RecipientKind::Provider || providers_own(review, &item));
        let what = format!("{:?} {} for {:?}", item.kind, item.key, recipient.kind);
        if item.kind == ItemKind::NeedsMet {
            let resource = item.key.trim_end_matches("/needs-met");
            let held = json["services"]["resources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == resource && r.get("needsMet").is_some());
            assert_eq!(held, may, "{what}");
        } else {
            let words = markers(&item);
            assert!(!words.is_empty(), "{what}: the test marks every text");
            for m in words {
                assert_eq!(text.contains(&m), may, "{what}: {m}");
            }
        }
        if !item.key.contains('/') {
            assert_eq!(text.contains(&format!("\"{}\"", item.key)), may, "{what}");
        }
        if may {
            shown += 1;
        } else {
            hidden += 1;
        }
    }
    let of = copy.copy_for.as_ref().unwrap();
    assert_eq!(of.kept_back as usize, hidden, "{:?}", recipient.kind);
    assert_eq!(of.records_copy, records.document_id);
    assert_eq!(&of.recipient, recipient);
    // What must not be shared is for the records only.
    assert_eq!(
        json["confidentiality"]["restrictions"],
        serde_json::json!([])
    );
    (shown, hidden)
}

#[test]
fn every_visibility_on_every_kind_of_item_reaches_only_the_copies_it_allows() {
    for v in Visibility::ALL {
        let review = marked(|_| v);
        let kinds: std::collections::BTreeSet<String> = written_items(&review)
            .iter()
            .map(|i| format!("{:?}", i.kind))
            .collect();
        assert_eq!(kinds.len(), ItemKind::ALL.len(), "every kind of item");
        for recipient in recipients() {
            let (shown, hidden) = assert_copy_holds_what_it_may(&review, &recipient);
            if v == Visibility::WorkerAndRecords {
                assert_eq!(shown, 0, "{:?}", recipient.kind);
            }
            if v == Visibility::Everyone && recipient.kind != RecipientKind::Provider {
                assert_eq!(hidden, 0, "{:?}", recipient.kind);
            }
        }
    }
}

#[test]
fn mixed_visibilities_keep_each_item_where_it_belongs() {
    // Each item a different visibility from its neighbours, in turn.
    for shift in 0..Visibility::ALL.len() {
        let review = marked(|i| Visibility::ALL[(i + shift) % Visibility::ALL.len()]);
        for recipient in recipients() {
            let (shown, hidden) = assert_copy_holds_what_it_may(&review, &recipient);
            assert!(hidden > 0, "{:?}", recipient.kind);
            if recipient.kind != RecipientKind::Provider {
                assert!(shown > 0, "{:?}", recipient.kind);
            }
        }
    }
}

#[test]
fn the_records_copy_holds_every_item() {
    let review = marked(|_| Visibility::WorkerAndRecords);
    let text = serde_json::to_string(&records_of(&review)).unwrap();
    for item in written_items(&review) {
        for m in markers(&item) {
            assert!(text.contains(&m), "{}", item.key);
        }
    }
    assert!(text.contains("Joan's day centre"), "the restrictions");
}

#[test]
fn a_sign_off_keeps_its_decision_when_its_words_are_kept_back() {
    let review = marked(|_| Visibility::NotCarer);
    let records = records_of(&review);
    let carer = recipients().into_iter().next().unwrap();
    let copy = copy_for(&records, &carer);
    let with_words: Vec<_> = records
        .sign_offs
        .iter()
        .zip(&copy.sign_offs)
        .filter(|(r, _)| !matches!(r.decision, DecisionRecord::Agrees {}))
        .collect();
    assert!(!with_words.is_empty());
    for (r, c) in with_words {
        assert_eq!(r.participant, c.participant);
        assert_eq!(r.signed_at, c.signed_at);
        match &c.decision {
            DecisionRecord::AgreesWithComment {
                comment: w,
                visibility,
            }
            | DecisionRecord::Disagrees {
                reason: w,
                visibility,
                ..
            } => {
                assert_eq!(w, "");
                assert_eq!(*visibility, Some(Visibility::NotCarer));
            }
            DecisionRecord::Agrees {} => panic!("the kind of decision stays"),
        }
    }
}

/// The points someone did not agree with go where their words go, each
/// only where what it is about is in the copy: Tom's reason may be seen by
/// everyone here; the action he points at is not for the carer, nor for a
/// provider that does not own it.
#[test]
fn a_point_someone_did_not_agree_with_is_only_where_its_words_and_its_item_are() {
    let mut review = signed_off_review();
    let tom = review
        .sign_offs
        .iter_mut()
        .find(|s| s.participant == KEY_PERSON)
        .unwrap();
    let review_core::signoff::SignOffDecision::Disagrees {
        visibility, points, ..
    } = &mut tom.decision
    else {
        panic!("Tom does not agree")
    };
    *visibility = Some(Visibility::Everyone);
    let action = points[1].item.clone().expect("the action is an item");
    review.visibility.insert(action, Visibility::NotCarer);
    let records = records_of(&review);
    let points_of = |s: &Summary| -> Vec<String> {
        s.sign_offs
            .iter()
            .find(|s| s.participant == KEY_PERSON)
            .map(|s| match &s.decision {
                DecisionRecord::Disagrees { points, .. } => {
                    points.iter().map(|p| p.why.clone()).collect()
                }
                _ => vec![],
            })
            .unwrap()
    };
    let both = vec![
        "A week a year is not a break".to_string(),
        "The café list should come by post, not email".to_string(),
    ];
    assert_eq!(points_of(&records), both, "the records hold every point");
    for recipient in recipients() {
        let copy = copy_for(&records, &recipient);
        let expected: Vec<String> = match recipient.kind {
            RecipientKind::Carer => both[..1].to_vec(),
            RecipientKind::Provider => both[..1].to_vec(),
            _ => both.clone(),
        };
        assert_eq!(points_of(&copy), expected, "{:?}", recipient.kind);
        let kept = copy.copy_for.as_ref().unwrap().kept_back;
        assert!(kept >= (both.len() - expected.len()) as u32);
    }
    // Kept back with the words: no point goes where the reason does not.
    let tom = review
        .sign_offs
        .iter_mut()
        .find(|s| s.participant == KEY_PERSON)
        .unwrap();
    if let review_core::signoff::SignOffDecision::Disagrees { visibility, .. } = &mut tom.decision {
        *visibility = Some(Visibility::NotIndividual);
    }
    let records = records_of(&review);
    let individual = recipients()
        .into_iter()
        .find(|r| r.kind == RecipientKind::Individual)
        .unwrap();
    assert!(points_of(&copy_for(&records, &individual)).is_empty());
}

fn signed(review: &Review) -> Signed {
    let key = SigningKey::from_seed(SEED);
    let jwk = key.public_jwk();
    let when = at(SIGNED_AT);
    finalise_all(review, finalise_input(DOC, &jwk, &when, None), &key).unwrap()
}

#[test]
fn every_copy_is_signed_verifies_and_is_named_by_the_hash_of_its_file() {
    let review = marked(|i| Visibility::ALL[i % Visibility::ALL.len()]);
    let files = signed(&review);
    let records = verify(files.summary.text.as_bytes(), &VerifyOptions::default());
    assert!(records.is_intact(), "{:?}", records.errors);
    let records = records.summary.unwrap();
    assert!(records.copy_for.is_none());
    assert_eq!(
        files.copies.len(),
        review.process.confidentiality.copies.len()
    );
    assert_eq!(records.recipient_copies.len(), files.copies.len());
    let mut names = std::collections::BTreeSet::new();
    for (file, link) in files.copies.iter().zip(&records.recipient_copies) {
        let check = verify(file.text.as_bytes(), &VerifyOptions::default());
        assert!(check.is_intact(), "{:?}", check.errors);
        assert_eq!(
            check.kid.as_deref(),
            Some(SigningKey::from_seed(SEED).fingerprint().as_str())
        );
        let copy = check.summary.unwrap();
        assert_eq!(link.recipient, file.recipient.id);
        assert_eq!(link.document_id.as_str(), file.document_id);
        assert_eq!(copy.document_id.as_str(), file.document_id);
        assert_eq!(link.sha256.as_str(), sha256_base64url(file.text.as_bytes()));
        assert_eq!(check_copy(&records, &copy), Ok(()));
        assert!(
            copy.recipient_copies.is_empty(),
            "a copy names no other copy"
        );
        assert!(file
            .file_name
            .starts_with(files.summary.file_name.trim_end_matches(".json")));
        assert!(names.insert(file.file_name.clone()), "one name per copy");
    }
    // The signed records copy still says what the review says.
    assert!(compare(files.summary.text.as_bytes(), &review).matches());
}

#[test]
fn a_review_whose_agreement_sends_no_copies_signs_the_records_copy_alone() {
    let mut review = signed_off_review();
    review.process.confidentiality.copies.clear();
    let files = signed(&review);
    assert!(files.copies.is_empty());
    let value: Value = serde_json::from_str(&files.summary.text).unwrap();
    assert!(value.get("recipientCopies").is_none());
}

#[test]
fn a_copy_that_holds_more_or_other_than_its_recipient_may_see_is_found_out() {
    let review = marked(|_| Visibility::NotCarer);
    let records = records_of(&review);
    let carer = &records.confidentiality.copies[0];
    assert_eq!(carer.kind, RecipientKind::Carer);
    let copy = copy_for(&records, carer);
    assert_eq!(check_copy(&records, &copy), Ok(()));

    // The carer's copy with the records' notes put back.
    let mut more = copy.clone();
    more.criteria = records.criteria.clone();
    assert!(
        matches!(check_copy(&records, &more), Err(CopyMismatch::Differs(p)) if p.iter().any(|p| p.starts_with("/criteria/")))
    );
    // Fewer kept back than it says.
    let mut count = copy.clone();
    count.copy_for.as_mut().unwrap().kept_back = 0;
    assert!(matches!(
        check_copy(&records, &count),
        Err(CopyMismatch::Differs(_))
    ));
    // Says it is someone else's.
    let mut other = copy.clone();
    other.copy_for.as_mut().unwrap().recipient.id = "copy-nobody".into();
    assert_eq!(
        check_copy(&records, &other),
        Err(CopyMismatch::UnknownRecipient("copy-nobody".into()))
    );
    // The individual's copy passed off as the carer's.
    let individual = copy_for(&records, &records.confidentiality.copies[1]);
    let mut swapped = individual.clone();
    swapped.copy_for = copy.copy_for.clone();
    swapped.document_id = copy.document_id.clone();
    assert!(matches!(
        check_copy(&records, &swapped),
        Err(CopyMismatch::Differs(_))
    ));
    // Made from another records copy, or not a copy at all.
    let mut elsewhere = copy.clone();
    elsewhere.copy_for.as_mut().unwrap().records_copy =
        DocumentId::try_from("9f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d").unwrap();
    assert_eq!(
        check_copy(&records, &elsewhere),
        Err(CopyMismatch::OtherRecords)
    );
    assert_eq!(check_copy(&records, &records), Err(CopyMismatch::NotACopy));
    assert_words(
        &check_copy(&records, &more).unwrap_err(),
        "it does not hold what its recipient may see of the records copy (it differs at /criteria/1/evidence/0)",
    );
}

#[test]
fn a_copys_id_is_made_from_the_records_copy_and_the_recipient() {
    let records = DocumentId::try_from(DOC).unwrap();
    let a = copy_document_id(&records, "carer");
    assert_eq!(a, copy_document_id(&records, "carer"));
    assert_ne!(a, copy_document_id(&records, "individual"));
    let other = DocumentId::try_from("9f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d").unwrap();
    assert_ne!(a, copy_document_id(&other, "carer"));
    // A lower-case UUID, version 8.
    assert!(DocumentId::try_from(a.as_str()).is_ok());
    assert_eq!(&a.as_str()[14..15], "8");
}

/// The files this build signs at a sign-off with copies, kept so later
/// builds prove they still verify, and still match: `signed-v2-copies/`
/// (listed in `FROZEN.sha256`; made with `UPDATE_FIXTURES=1`, never again).
#[test]
fn the_frozen_summary_and_copies_verify_and_match() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/signed-v2-copies");
    let files = signed(&marked(|i| Visibility::ALL[i % Visibility::ALL.len()]));
    let mut all = vec![("summary.json".to_string(), files.summary.text.clone())];
    for c in &files.copies {
        all.push((format!("{}.json", c.recipient.kind.key()), c.text.clone()));
    }
    let frozen: std::collections::HashMap<_, _> = all
        .iter()
        .map(|(name, text)| (name.as_str(), freeze_once(&dir.join(name), text)))
        .collect();
    let records = verify(&frozen["summary.json"], &VerifyOptions::default());
    assert!(records.is_intact());
    for name in ["carer.json", "individual.json", "provider.json"] {
        let copy = verify(&frozen[name], &VerifyOptions::default());
        assert!(copy.is_intact(), "{name}: {:?}", copy.errors);
        assert_eq!(copy_against_records(&records, &copy), None, "{name}");
    }
}

#[test]
fn the_signed_files_keep_english_words_whatever_language_the_screens_speak() {
    // Issue 30: the records copy keeps English labels, and every signed
    // copy is made from it, so a sign-off on screens in another language
    // (here the pseudo-locale, which marks every message) signs the same
    // bytes as one in English.
    let review = marked(|i| Visibility::ALL[i % Visibility::ALL.len()]);
    let english = records_of(&review);
    let english_copies = copies_of(&english);
    let pseudo = Some(std::rc::Rc::new(review_core::i18n::Catalogue::pseudo()));
    let (other, other_copies) = review_core::i18n::with_catalogue(pseudo, || {
        let records = records_of(&review);
        let copies = copies_of(&records);
        (records, copies)
    });
    assert_eq!(
        serde_json::to_string(&other).unwrap(),
        serde_json::to_string(&english).unwrap()
    );
    assert_eq!(
        serde_json::to_string(&other_copies).unwrap(),
        serde_json::to_string(&english_copies).unwrap()
    );
    assert!(!serde_json::to_string(&other_copies)
        .unwrap()
        .contains('\u{feff}'));
}
