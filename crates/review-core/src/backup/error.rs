//! Why a backup could not be opened ([`BackupError`]), in words for the
//! person at the tablet: each refusal in `backup.rs`'s module doc has its own.

use crate::draft::DraftError;
use crate::summary::VerifyError;
use crate::vault::KdfError;
use crate::{tr, trn};
use std::fmt;

/// Why a backup could not be opened, in words for the person at the tablet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    TooBig,
    NotABackup,
    FromNewerVersion(u32),
    WrongPin,
    /// The recovery code typed opens none of the backup's slots.
    WrongCode,
    /// Locked only in ways this build does not know (key slots of other
    /// kinds, none for a recovery code).
    LockedUnknownWay,
    /// A locked backup whose lock asks for a salt or an iteration
    /// count this app refuses (checked before any key is worked out).
    BadLock(KdfError),
    /// A recovery-code slot asking for a salt or count this app refuses.
    BadCodeLock(KdfError),
    /// A locked backup whose locked part, or key slot, is not in the
    /// sealed form.
    SealDamaged,
    Draft(DraftError),
    /// A locked backup with signed files outside the lock.
    SignedFilesOutsideSeal,
    /// More than one signed summary for the one review.
    MoreThanOneSummary(usize),
    /// The summary is damaged, changed or not signed: the verifier's reasons.
    SummaryNotIntact(Vec<VerifyError>),
    /// The summary is of another review (its review id).
    SummaryOfAnotherReview(String),
    /// The summary does not say what the review says: where they differ
    /// (JSON Pointers into the summary) and how many more places.
    SummaryDoesNotMatch {
        differences: Vec<String>,
        unlisted: usize,
    },
    /// A signed summary beside a review that is not signed off.
    SummaryOfUnlockedReview,
    /// The review lacks what a signed-off review has, so its summary
    /// cannot be checked.
    SummaryCannotBeChecked(String),
    /// Recipients' copies (how many) with no signed summary to check them by.
    CopiesWithoutSummary(usize),
    /// A recipient's copy is not the one signed with the summary: why.
    CopyRefused(String),
    /// The worker's reflection is not an addendum to the summary: why.
    AddendumRefused(String),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let not_opened = tr!("so the backup is not opened");
        match self {
            BackupError::TooBig => f.write_str(&tr!("The file is far bigger than any backup, so it is not one")),
            BackupError::NotABackup => f.write_str(&tr!("The file is not a Review Together backup")),
            BackupError::FromNewerVersion(v) => f.write_str(&tr!("The backup was made by a newer version of Review Together (backup format {v}); update the app to open it", v = v)),
            BackupError::WrongPin => f.write_str(&tr!("The PIN does not open this backup: use the PIN of the device it was made on")),
            BackupError::BadLock(e) => f.write_str(&tr!("The backup's PIN lock cannot be used: {why}. It was not made by Review Together as it is, {not_opened}", why = e, not_opened = not_opened)),
            BackupError::BadCodeLock(KdfError::Iterations(n)) => f.write_str(&tr!("The backup's recovery-code lock cannot be used: it asks for the code to be worked through {n} times, and this app accepts only 100,000 to 10,000,000. It was not made by Review Together as it is, {not_opened}", n = n, not_opened = not_opened)),
            BackupError::BadCodeLock(e) => f.write_str(&tr!("The backup's recovery-code lock cannot be used: {why}. It was not made by Review Together as it is, {not_opened}", why = e, not_opened = not_opened)),
            BackupError::WrongCode => f.write_str(&tr!("That recovery code does not open this backup: use the code of the device it was made on, made on the date shown")),
            BackupError::LockedUnknownWay => f.write_str(&tr!("The backup is locked in a way this version of Review Together cannot open (it has no recovery-code lock); update the app to open it")),
            BackupError::SealDamaged => f.write_str(&tr!("The locked part of the backup is damaged, {not_opened}", not_opened = not_opened)),
            BackupError::Draft(e) => f.write_str(&tr!("The review in the backup cannot be read: {why}", why = e)),
            BackupError::SignedFilesOutsideSeal => f.write_str(&tr!("The backup is locked but carries signed files outside the lock, which Review Together never does, {not_opened}", not_opened = not_opened)),
            BackupError::MoreThanOneSummary(n) => f.write_str(&tr!("The backup carries {n} signed summaries for one review, which Review Together never does, {not_opened}", n = n, not_opened = not_opened)),
            BackupError::SummaryNotIntact(errors) => {
                let first = errors.first().map(|e| e.message.as_str()).unwrap_or("");
                f.write_str(&tr!("The signed summary in the backup is damaged or was changed after it was signed, {not_opened}: {first}", first = first, not_opened = not_opened))
            }
            BackupError::SummaryOfAnotherReview(id) => f.write_str(&tr!(
                "The signed summary in the backup is of another review ({id}), not of the review beside it, {not_opened}",
                id = format!("{id:?}"),
                not_opened = not_opened
            )),
            BackupError::SummaryDoesNotMatch {
                differences,
                unlisted,
            } => {
                f.write_str(&tr!(
                    "The review in the backup is not what its signed summary records, so it was changed after it was signed and the backup is not opened. It differs at {places}",
                    places = crate::words::places(differences, *unlisted)
                ))
            }
            BackupError::SummaryOfUnlockedReview => f.write_str(&tr!("The backup carries a signed summary, but the review beside it is not signed off, {not_opened}", not_opened = not_opened)),
            BackupError::SummaryCannotBeChecked(why) => f.write_str(&tr!("The signed summary in the backup cannot be checked against the review ({why}), {not_opened}", why = why, not_opened = not_opened)),
            BackupError::CopiesWithoutSummary(n) => f.write_str(&trn!(
                *n,
                "The backup carries a recipient's copy but no signed summary to check it by, which Review Together never does, {not_opened}",
                "The backup carries {n} recipients' copies but no signed summary to check them by, which Review Together never does, {not_opened}",
                not_opened = not_opened
            )),
            BackupError::CopyRefused(why) => f.write_str(&tr!("A recipient's copy in the backup cannot be used: {why}, {not_opened}", why = why, not_opened = not_opened)),
            BackupError::AddendumRefused(why) => f.write_str(&tr!("The worker's reflection in the backup cannot be used: {why}, {not_opened}", why = why, not_opened = not_opened)),
        }
    }
}

impl std::error::Error for BackupError {}
