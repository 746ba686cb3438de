//! Why a backup could not be opened ([`BackupError`]), in words for the
//! person at the tablet: each refusal in `backup.rs`'s module doc has its own.

use crate::draft::DraftError;
use crate::summary::VerifyError;
use crate::vault::KdfError;
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
        const NOT_OPENED: &str = "so the backup is not opened";
        match self {
            BackupError::TooBig => f.write_str("The file is far bigger than any backup, so it is not one"),
            BackupError::NotABackup => f.write_str("The file is not a Review Together backup"),
            BackupError::FromNewerVersion(v) => write!(
                f,
                "The backup was made by a newer version of Review Together (backup format {v}); update the app to open it"
            ),
            BackupError::WrongPin => f.write_str(
                "The PIN does not open this backup: use the PIN of the device it was made on",
            ),
            BackupError::BadLock(e) => write!(
                f,
                "The backup's PIN lock cannot be used: {e}. It was not made by Review Together as it is, {NOT_OPENED}"
            ),
            BackupError::BadCodeLock(KdfError::Iterations(n)) => write!(
                f,
                "The backup's recovery-code lock cannot be used: it asks for the code to be worked through {n} times, and this app accepts only 100,000 to 10,000,000. It was not made by Review Together as it is, {NOT_OPENED}"
            ),
            BackupError::BadCodeLock(e) => write!(
                f,
                "The backup's recovery-code lock cannot be used: {e}. It was not made by Review Together as it is, {NOT_OPENED}"
            ),
            BackupError::WrongCode => f.write_str(
                "That recovery code does not open this backup: use the code of the device it was made on, made on the date shown",
            ),
            BackupError::LockedUnknownWay => write!(
                f,
                "The backup is locked in a way this version of Review Together cannot open (it has no recovery-code lock); update the app to open it"
            ),
            BackupError::SealDamaged => write!(
                f,
                "The locked part of the backup is damaged, {NOT_OPENED}"
            ),
            BackupError::Draft(e) => write!(f, "The review in the backup cannot be read: {e}"),
            BackupError::SignedFilesOutsideSeal => write!(
                f,
                "The backup is locked but carries signed files outside the lock, which Review Together never does, {NOT_OPENED}"
            ),
            BackupError::MoreThanOneSummary(n) => write!(
                f,
                "The backup carries {n} signed summaries for one review, which Review Together never does, {NOT_OPENED}"
            ),
            BackupError::SummaryNotIntact(errors) => {
                let first = errors.first().map(|e| e.message.as_str()).unwrap_or("");
                write!(
                    f,
                    "The signed summary in the backup is damaged or was changed after it was signed, {NOT_OPENED}: {first}"
                )
            }
            BackupError::SummaryOfAnotherReview(id) => write!(
                f,
                "The signed summary in the backup is of another review ({id:?}), not of the review beside it, {NOT_OPENED}"
            ),
            BackupError::SummaryDoesNotMatch {
                differences,
                unlisted,
            } => {
                write!(
                    f,
                    "The review in the backup is not what its signed summary records, so it was changed after it was signed and the backup is not opened. It differs at {}",
                    crate::words::places(differences, *unlisted)
                )
            }
            BackupError::SummaryOfUnlockedReview => write!(
                f,
                "The backup carries a signed summary, but the review beside it is not signed off, {NOT_OPENED}"
            ),
            BackupError::SummaryCannotBeChecked(why) => write!(
                f,
                "The signed summary in the backup cannot be checked against the review ({why}), {NOT_OPENED}"
            ),
            BackupError::CopiesWithoutSummary(n) => write!(
                f,
                "The backup carries {} but no signed summary to check {} by, which Review Together never does, {NOT_OPENED}",
                if *n == 1 { "a recipient's copy".to_string() } else { format!("{n} recipients' copies") },
                if *n == 1 { "it" } else { "them" }
            ),
            BackupError::CopyRefused(why) => write!(
                f,
                "A recipient's copy in the backup cannot be used: {why}, {NOT_OPENED}"
            ),
            BackupError::AddendumRefused(why) => write!(
                f,
                "The worker's reflection in the backup cannot be used: {why}, {NOT_OPENED}"
            ),
        }
    }
}

impl std::error::Error for BackupError {}
