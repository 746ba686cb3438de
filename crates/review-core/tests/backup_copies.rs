//! The recipients' copies in a backup: kept when each is the copy signed
//! with the summary, byte for byte; every way someone holding the file
//! could pass off another copy (more than its recipient may see, another
//! key's, another review's, one not named, one twice, one with no summary)
//! refuses the whole backup with the reason; a copy left out opens without
//! it, and says so.

mod common;

use common::backup_time as now;
use common::*;
use review_core::backup::{self, BackupError, Restore, Restored, SignedCopy};
use review_core::summary::*;
use review_core::*;
use serde_json::Value;

fn signed_with(review: &Review, seed: u8) -> Signed {
    let key = SigningKey::from_seed([seed; 32]);
    let jwk = key.public_jwk();
    let when = at(SIGNED_AT);
    finalise_all(review, finalise_input(DOC, &jwk, &when, None), &key).unwrap()
}

fn files(signed: &Signed) -> Vec<SignedCopy> {
    let mut all = vec![SignedCopy::summary(&signed.summary)];
    all.extend(signed.copies.iter().map(SignedCopy::recipient_copy));
    all
}

fn restore(review: &Review, signed: &[SignedCopy]) -> Result<Restored, BackupError> {
    match backup::restore(backup::plain_with(review, signed, &now()).as_bytes())? {
        Restore::Ready(r) => Ok(*r),
        other => panic!("a plain backup needs nothing more: {other:?}"),
    }
}

fn refused(review: &Review, signed: &[SignedCopy]) -> String {
    restore(review, signed)
        .expect_err("the backup is refused")
        .to_string()
}

#[test]
fn the_copies_signed_with_the_summary_open_with_it_and_go_into_the_next_backup() {
    let review = signed_off_review();
    let signed = signed_with(&review, 42);
    assert_eq!(signed.copies.len(), 3);
    // In any order.
    let mut shuffled = files(&signed);
    shuffled.reverse();
    let restored = restore(&review, &shuffled).unwrap();
    assert_eq!(restored.copies, signed.copies);
    assert_eq!(restored.copies_missing, 0);
    assert!(restored.unknown.is_empty());
    assert_eq!(restored.signed_files(), files(&signed));
    assert!(restored
        .notes()
        .contains(&"Its 3 recipients' copies were checked against it too.".to_string()));
}

#[test]
fn a_copy_left_out_opens_without_it_and_says_so() {
    let review = signed_off_review();
    let signed = signed_with(&review, 42);
    let mut some = files(&signed);
    some.pop();
    let restored = restore(&review, &some).unwrap();
    assert_eq!(restored.copies.len(), 2);
    assert_eq!(restored.copies_missing, 1);
    assert!(restored.notes().iter().any(|n| n.starts_with(
        "The summary names a recipient's copy the backup does not carry: it can be given from the device the review was signed on."
    )));
}

/// A copy with one member changed and signed again by `seed`.
fn edited_and_resigned(text: &str, seed: u8, edit: impl Fn(&mut Summary)) -> String {
    let value: Value = serde_json::from_str(text).unwrap();
    let mut copy: Summary = serde_json::from_value(value).unwrap();
    copy.signature = None;
    edit(&mut copy);
    String::from_utf8(copy.sign(&SigningKey::from_seed([seed; 32])).unwrap()).unwrap()
}

#[test]
fn every_other_copy_refuses_the_whole_backup_with_the_reason() {
    let review = signed_off_review();
    let signed = signed_with(&review, 42);
    let good = files(&signed);
    let carer = &signed.copies[0].text;
    let with = |text: String| {
        let mut all = good.clone();
        all[1] = SignedCopy {
            kind: backup::RECIPIENT_COPY.into(),
            text,
        };
        all
    };
    const START: &str = "A recipient's copy in the backup cannot be used: ";
    let cases: Vec<(&str, Vec<SignedCopy>, &str)> = vec![
        (
            "a character changed",
            with(carer.replacen("\"carer\"", "\"carEr\"", 1)),
            "it is damaged or was changed after it was signed",
        ),
        (
            "signed again, by another key, with nothing changed",
            with(edited_and_resigned(carer, 7, |_| {})),
            "it was signed by another key than its summary",
        ),
        (
            "an item put back in and signed again with the same key",
            with(edited_and_resigned(carer, 42, |c| {
                c.outcome.rationale = Some("Put back".into());
            })),
            "the signed summary does not name it",
        ),
        (
            "another review's copy",
            with(signed_with(&other_review(), 42).copies[0].text.clone()),
            "the signed summary does not name it",
        ),
        (
            "the same copy twice",
            [good.clone(), vec![good[1].clone()]].concat(),
            "it is there twice",
        ),
    ];
    for (what, files, reason) in cases {
        let said = refused(&review, &files);
        assert!(
            said.starts_with(&format!("{START}{reason}")),
            "{what}: {said}"
        );
        assert!(
            said.ends_with("so the backup is not opened"),
            "{what}: {said}"
        );
    }
}

/// The signed-off test review, signed again as another review (its id).
fn other_review() -> Review {
    let mut r = signed_off_review();
    r.id = "review-other".into();
    r
}

#[test]
fn copies_without_their_summary_refuse_the_backup() {
    let review = signed_off_review();
    let signed = signed_with(&review, 42);
    let copies: Vec<SignedCopy> = files(&signed).into_iter().skip(1).collect();
    assert_eq!(
        restore(&review, &copies).unwrap_err(),
        BackupError::CopiesWithoutSummary(3)
    );
    assert_words(
        &BackupError::CopiesWithoutSummary(3),
        "The backup carries 3 recipients' copies but no signed summary to check them by, which Review Together never does, so the backup is not opened",
    );
}

/// A copy the summary names, whose text was made to hold more, but
/// signed by the device's own key and named by a summary signed again
/// over it: both are then another device's signing, and the summary no
/// longer matches what the records team holds; within the backup, the
/// copy must still be exactly its recipient's view of the summary.
#[test]
fn a_copy_and_summary_both_signed_again_must_still_agree() {
    let review = signed_off_review();
    let signed = signed_with(&review, 42);
    let more = edited_and_resigned(&signed.copies[0].text, 42, |c| {
        c.outcome.rationale = Some("Put back".into());
    });
    let records = edited_and_resigned(&signed.summary.text, 42, |s| {
        s.recipient_copies[0].sha256 =
            Sha256Base64Url::try_from(sha256_base64url(more.as_bytes()).as_str()).unwrap();
    });
    let mut all = files(&signed);
    all[0].text = records;
    all[1].text = more;
    let said = refused(&review, &all);
    assert!(
        said.starts_with("A recipient's copy in the backup cannot be used: it does not hold what its recipient may see of the records copy (it differs at /outcome/rationale"),
        "{said}"
    );
}
