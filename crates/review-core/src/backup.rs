//! Backups: one review as a file, to open again on this device or another.
//! A backup holds the review's stored envelope (so an older backup goes
//! through the same migrations as an older draft) and, from format 2, every
//! signed file that belongs to the review, as its exact text (the summary
//! now; later the recipients' copies and addenda). This build locks every
//! backup with the device's recovery code ([`crate::recovery`]): the
//! envelope and the signed files sealed together under the device's file
//! key, with the key slot the code opens beside them ([`locked_with`]), so
//! the code opens it on any device and the PIN never does. Backups earlier
//! builds sealed under the PIN (salt and count beside the seal) still open
//! with that PIN ([`restore_sealed`]). Nothing in a backup is ever signed again: a
//! signed-off review keeps the summary it was signed with, or arrives
//! without one and opens read-only (`docs/formats.md`, "Backups").
//!
//! ## Who could attack it, and what stops them
//!
//! **Someone holding a backup file.** A plain backup can be read and edited
//! in any text editor; a sealed one only outside its sealed part.
//! - Edits the review of a signed-off review (a rating, a name, a date):
//!   its summary no longer matches it ([`crate::summary::compare`]), so the
//!   whole backup is refused, naming the places
//!   ([`BackupError::SummaryDoesNotMatch`]).
//! - Swaps in the summary of another review: refused
//!   ([`BackupError::SummaryOfAnotherReview`]).
//! - Puts in a summary signed by another key: one whose header was given
//!   another key no longer verifies, and is refused
//!   ([`BackupError::SummaryNotIntact`]); one the attacker signed afresh,
//!   with their own key, over the edited review verifies (trust in the
//!   signer is not asked here) and opens, but says whose key signed it
//!   ([`Restored::signed`], [`Restored::notes`]), the records team's key
//!   list refuses it, and this device never signs it.
//! - Truncates the signed files: a cut text no longer verifies (refused);
//!   a summary left out makes the signed-off review open read-only as "not
//!   signed on this device", with no summary to download
//!   ([`Restored::signed_off_without_summary`]): it is never signed here.
//!   Two summaries are refused ([`BackupError::MoreThanOneSummary`]).
//! - Puts in a recipient's copy that says more than its recipient may see,
//!   or another key's, or another review's, or one twice: refused
//!   ([`BackupError::CopyRefused`], `backup/copies.rs`). Leaves one out: the
//!   review opens without it, and says so.
//! - Reorders the signed files: nothing changes (order means nothing).
//! - Adds a huge or deeply nested file: anything over [`MAX_BYTES`] is
//!   refused unread; nesting beyond the JSON reader's depth limit is not a
//!   backup; a summary text is read by the verifier's strict reader. Nothing
//!   panics (tests/never_panics.rs, tests/backup_v2.rs).
//! - Adds files of kinds this build does not know: kept exactly as they are
//!   and reported ([`Restored::unknown`]), never trusted.
//! - In a locked backup: tries PINs (nothing in it is sealed under a PIN:
//!   a PIN's salt slipped in beside the key slots is refused,
//!   [`BackupError::NotABackup`]); tries codes (120 random bits, see
//!   `recovery.rs`); asks for a billion rounds in a slot (refused before
//!   the code is asked for, [`BackupError::BadCodeLock`]); swaps in another
//!   device's slot (the code opens nothing, [`BackupError::WrongCode`]).
//! - In a sealed backup: puts signed files outside the sealed part (refused,
//!   [`BackupError::SignedFilesOutsideSeal`]), changes the sealed data or the
//!   format version (the seal binds both: it no longer opens).
//!
//! **Someone with the tablet's storage** edits a signed-off review's stored
//! draft so it no longer says what its stored summary says: on load the app
//! compares them ([`crate::summary::compare`]) and shows the review
//! read-only with the signed version offered; a backup made from it is
//! refused on import, on any device.
//!
//! Reading never changes its input: a refused backup leaves the file, and
//! whatever the device holds, as it was.

use crate::draft;
use crate::model::{Review, ReviewState, Timestamp};
use crate::recovery::DeviceRecovery;
use crate::summary::{
    compare, file_name as summary_file_name, grouped, AddendumFile, CannotCompare, Comparison,
    CopyFile, SignedFile, SignedSummary,
};
use crate::tr;
use crate::vault::{self, KdfError, Vault, VaultError, VaultRecord};

mod addendum;
mod code_lock;
mod copies;
mod error;
mod signed_files;
pub use code_lock::CodeLocked;
pub use error::BackupError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
pub use signed_files::{
    decode_other_signed_files, encode_other_signed_files, SignedCopy, ADDENDUM, RECIPIENT_COPY,
    SUMMARY,
};

pub const FORMAT: &str = "review-together/backup";
/// The backup format this build writes.
pub const VERSION: u32 = 2;
/// What sealed backups bind in as associated data: format 1's place, and
/// format 2's (so a sealed part cannot be passed off as the other format's).
const PLACE_V1: &str = "review-together/backup";
const PLACE_V2: &str = "review-together/backup/2";
/// The largest backup read: a review is tens of kilobytes, its summary ten.
pub const MAX_BYTES: usize = 5_000_000;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BackupFile {
    format: String,
    version: u32,
    created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    draft: Option<Value>,
    /// Format 2, plain backups only: the review's signed files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signed_files: Option<Vec<SignedCopy>>,
    /// Format 2: the key slots of a backup locked with a recovery code
    /// (outside the seal: the code opens a slot, the slot's key the seal).
    /// Slots of kinds this build does not know are read past.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key_slots: Option<Vec<serde_json::Map<String, Value>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<SealedPart>,
}

/// A backup's `sealed` member as the file has it: with the PIN's salt and
/// count (locked with a PIN, by earlier builds), or only the data (locked
/// with a recovery code: the key comes from a key slot).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SealedPart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    salt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iterations: Option<u32>,
    data: String,
}

/// What a format 2 sealed part holds, once opened.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SealedContents {
    draft: Value,
    #[serde(default)]
    signed_files: Vec<SignedCopy>,
}

/// A PIN-locked backup's lock (earlier builds): what is needed to derive
/// the key from the PIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub salt: String,
    pub iterations: u32,
    pub data: String,
    /// The backup format it was read from (not in the file's `sealed`
    /// object: the file's `version`, which the seal binds).
    format_version: u32,
}

impl Sealed {
    /// The salt to work the PIN through, once the salt and the iteration
    /// count are within what this app accepts ([`vault::derivation_salt`]).
    pub fn salt_bytes(&self) -> Result<Vec<u8>, KdfError> {
        vault::derivation_salt(&self.salt, self.iterations)
    }
}

/// What a backup file holds, once read (the first reader's answer, kept for
/// callers that want only the review: see [`restore`]).
#[derive(Debug, PartialEq)]
pub enum Opened {
    Review(Box<Review>),
    /// Locked with a PIN: derive the key from `salt` and `iterations`, then
    /// call [`open_sealed`].
    NeedsPin(Sealed),
    /// Locked with a recovery code: see [`Restore::NeedsCode`].
    NeedsCode(CodeLocked),
}

/// What a backup file holds, checked: see [`restore`].
#[derive(Debug, PartialEq)]
pub enum Restore {
    Ready(Box<Restored>),
    /// Locked with a PIN (earlier builds): derive the key from `salt` and
    /// `iterations`, then call [`restore_sealed`].
    NeedsPin(Sealed),
    /// Locked with a recovery code: work the code through a slot's salt and
    /// count, open the slot ([`crate::recovery::KeySlot::open`]), then call
    /// [`restore_with_code`].
    NeedsCode(CodeLocked),
}

/// A review from a backup, with its signed files, every check passed.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub review: Review,
    /// Its signed summary, intact and saying exactly what `review` says, as
    /// the device stores it (the text byte for byte as signed).
    pub summary: Option<SignedFile>,
    /// What the summary says of itself: when and with which key it was
    /// signed (not asked to be trusted here), its format.
    pub signed: Option<SignedSummary>,
    /// The recipients' copies signed with the summary, each checked against
    /// it, in its order.
    pub copies: Vec<CopyFile>,
    /// How many of the copies the summary names the backup did not carry.
    pub copies_missing: usize,
    /// The worker's reflection, signed as an addendum to the summary and
    /// checked against it.
    pub addendum: Option<AddendumFile>,
    /// Signed files of kinds this build does not know, exactly as they
    /// came, in their order: kept, never checked. Pass them back to
    /// [`plain_with`] / [`sealed_with`] so a later backup keeps them too.
    pub unknown: Vec<SignedCopy>,
    /// The backup format read: 1 (the review only) or 2.
    pub format_version: u32,
}

impl Restored {
    /// Signed off, but the backup holds no summary of it (every format 1
    /// backup of a signed-off review, or a format 2 one whose summary was
    /// left out): open it read-only, as "imported, not signed on this
    /// device", with no summary to download. It is never signed here.
    pub fn signed_off_without_summary(&self) -> bool {
        self.review.state == ReviewState::SignedOff && self.summary.is_none()
    }

    /// The signed files as a later backup of this review carries them.
    pub fn signed_files(&self) -> Vec<SignedCopy> {
        let mut all: Vec<SignedCopy> = self.summary.iter().map(SignedCopy::summary).collect();
        all.extend(self.copies.iter().map(SignedCopy::recipient_copy));
        all.extend(self.addendum.iter().map(SignedCopy::addendum));
        all.extend(self.unknown.iter().cloned());
        all
    }

    /// What the person opening the backup should be told beside the review.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.signed_off_without_summary() {
            notes.push(tr!("The review was signed off, but the backup holds no signed summary of it: it opens read-only, as imported and not signed on this device, with no summary to download."));
        }
        if let Some(s) = &self.signed {
            let when = chrono::DateTime::parse_from_rfc3339(&s.signed_at)
                .map(|t| crate::words::long_moment(&t))
                .unwrap_or_else(|_| s.signed_at.clone());
            notes.push(tr!("Its signed summary was checked: it is unchanged since it was signed on {when} by the device whose key fingerprint is {kid}.", when = when, kid = grouped(&s.kid)));
        }
        if !self.copies.is_empty() {
            notes.push(match self.copies.len() {
                1 => tr!("Its recipient's copy was checked against it too."),
                n => tr!(
                    "Its {n} recipients' copies were checked against it too.",
                    n = n
                ),
            });
        }
        if self.addendum.is_some() {
            notes.push(
                tr!("The worker’s reflection, signed after the sign-off, was checked against it too.")
                    .to_string(),
            );
        }
        if self.copies_missing > 0 {
            notes.push(format!(
                "The summary names {} the backup does not carry: {} can be given from the device the review was signed on.",
                match self.copies_missing {
                    1 => "a recipient's copy".to_string(),
                    n => format!("{n} recipients' copies"),
                },
                if self.copies_missing == 1 { "it" } else { "they" }
            ));
        }
        if !self.unknown.is_empty() {
            // A kind is the file's own word: shown short, in quotes.
            let kinds: Vec<String> = self
                .unknown
                .iter()
                .map(|f| format!("“{}”", f.kind.chars().take(40).collect::<String>()))
                .collect();
            notes.push(crate::trn!(
                self.unknown.len(),
                "The backup also holds {n} signed file of a kind this version of the app does not know ({list}): it is kept with the review as the backup held it, and goes into its next backup, but it is not checked here.",
                "The backup also holds {n} signed files of a kind this version of the app does not know ({list}): they are kept with the review as the backup held them, and go into its next backup, but they are not checked here.",
                list = kinds.join(", ")
            ));
        }
        notes
    }
}

fn file(
    now: &Timestamp,
    draft: Option<Value>,
    signed: Option<Vec<SignedCopy>>,
    key_slots: Option<Vec<serde_json::Map<String, Value>>>,
    sealed: Option<SealedPart>,
) -> String {
    let file = BackupFile {
        format: FORMAT.into(),
        version: VERSION,
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        draft,
        signed_files: signed,
        key_slots,
        sealed,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The sealed text of a review and its signed files, as format 2 seals it.
fn contents(review: &Review, signed: &[SignedCopy]) -> String {
    let contents = SealedContents {
        draft: envelope(review),
        signed_files: signed.to_vec(),
    };
    serde_json::to_string(&contents).unwrap_or_default()
}

fn envelope(review: &Review) -> Value {
    serde_json::from_str(&draft::encode_review(review)).unwrap_or(Value::Null)
}

/// A backup anyone with the file can open (the device has no PIN), with the
/// review's signed files (its stored summary, and any kept unknown files).
pub fn plain_with(review: &Review, signed: &[SignedCopy], now: &Timestamp) -> String {
    file(
        now,
        Some(envelope(review)),
        Some(signed.to_vec()),
        None,
        None,
    )
}

/// A backup locked with the device's recovery code: the review and its
/// signed files sealed under the file key, with the slot that opens it for
/// the code (this build's only way of writing a backup). `nonce` fresh
/// random bytes.
pub fn locked_with(
    review: &Review,
    signed: &[SignedCopy],
    now: &Timestamp,
    recovery: &DeviceRecovery,
    nonce: [u8; 12],
) -> Result<String, VaultError> {
    let (slot, data) = code_lock::seal(recovery, nonce, &contents(review, signed))?;
    Ok(file(
        now,
        None,
        None,
        Some(vec![slot]),
        Some(SealedPart {
            salt: None,
            iterations: None,
            data,
        }),
    ))
}

/// A backup sealed under the device's PIN key, the signed files inside the
/// seal; `record` is the device's PIN record (for its salt and iteration
/// count), `nonce` fresh random bytes. Earlier builds wrote these; this one
/// reads them, and its tests make them.
pub fn sealed_with(
    review: &Review,
    signed: &[SignedCopy],
    now: &Timestamp,
    key: &Vault,
    record: &VaultRecord,
    nonce: [u8; 12],
) -> String {
    let data = key.seal(PLACE_V2, nonce, &contents(review, signed));
    file(
        now,
        None,
        None,
        None,
        Some(SealedPart {
            salt: Some(record.salt.clone()),
            iterations: Some(record.iterations),
            data,
        }),
    )
}

/// [`plain_with`] no signed files. Kept for the app until it passes its
/// stored summary: a signed-off review backed up this way arrives without
/// its summary, read-only.
pub fn plain(review: &Review, now: &Timestamp) -> String {
    plain_with(review, &[], now)
}

/// [`sealed_with`] no signed files (see [`plain`]).
pub fn sealed(
    review: &Review,
    now: &Timestamp,
    key: &Vault,
    record: &VaultRecord,
    nonce: [u8; 12],
) -> String {
    sealed_with(review, &[], now, key, record, nonce)
}

/// The file name for a backup: the day and a short id, never a name.
pub fn file_name(review: &Review, now: &Timestamp) -> String {
    let short: String = review
        .id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    format!(
        "review-together-backup-{}-{short}.json",
        now.format("%Y-%m-%d")
    )
}

/// Read a backup file and check everything it holds: the review, and for
/// format 2 each signed summary (intact, and saying exactly what the review
/// says). Any failure refuses the whole backup. A sealed backup needs its
/// PIN first ([`restore_sealed`]).
pub fn restore(bytes: &[u8]) -> Result<Restore, BackupError> {
    if bytes.len() > MAX_BYTES {
        return Err(BackupError::TooBig);
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|_| BackupError::NotABackup)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(BackupError::NotABackup)?;
    if version > u64::from(VERSION) {
        return Err(BackupError::FromNewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let file: BackupFile = serde_json::from_value(value).map_err(|_| BackupError::NotABackup)?;
    if file.version == 0
        || (file.version == 1 && (file.signed_files.is_some() || file.key_slots.is_some()))
    {
        return Err(BackupError::NotABackup);
    }
    match (file.draft, file.sealed) {
        (Some(envelope), None) => {
            let signed = file.signed_files.unwrap_or_default();
            checked(&envelope.to_string(), signed, file.version)
                .map(|r| Restore::Ready(Box::new(r)))
        }
        (None, Some(_)) if file.signed_files.is_some() => Err(BackupError::SignedFilesOutsideSeal),
        (None, Some(part)) => match (part.salt, part.iterations, file.key_slots) {
            (Some(salt), Some(iterations), None) => {
                let sealed = Sealed {
                    salt,
                    iterations,
                    data: part.data,
                    format_version: file.version,
                };
                // Everything the PIN is to be worked through with is checked
                // before anyone is asked for it.
                sealed.salt_bytes().map_err(BackupError::BadLock)?;
                if !vault::is_well_formed(&sealed.data) {
                    return Err(BackupError::SealDamaged);
                }
                Ok(Restore::NeedsPin(sealed))
            }
            (None, None, Some(slots)) => {
                code_lock::code_locked(slots, part.data).map(Restore::NeedsCode)
            }
            // A PIN's salt beside key slots, or half a PIN lock: no build
            // writes either (and no slot is ever opened by a PIN).
            _ => Err(BackupError::NotABackup),
        },
        _ => Err(BackupError::NotABackup),
    }
}

/// Open a backup locked with a recovery code with the file key a slot gave
/// ([`crate::recovery::KeySlot::open`]), and check what it holds as [`restore`] does.
pub fn restore_with_code(locked: &CodeLocked, file_key: &Vault) -> Result<Restored, BackupError> {
    let plaintext = locked.open(file_key)?;
    let contents: SealedContents =
        serde_json::from_str(&plaintext).map_err(|_| BackupError::NotABackup)?;
    checked(&contents.draft.to_string(), contents.signed_files, 2)
}

/// Open a sealed backup with the key derived from the PIN someone typed,
/// and check what it holds as [`restore`] does.
pub fn restore_sealed(sealed: &Sealed, key: &Vault) -> Result<Restored, BackupError> {
    let place = match sealed.format_version {
        1 => PLACE_V1,
        2 => PLACE_V2,
        _ => return Err(BackupError::NotABackup),
    };
    let plaintext = key.open(place, &sealed.data).map_err(|e| match e {
        VaultError::NotSealed => BackupError::NotABackup,
        _ => BackupError::WrongPin,
    })?;
    if sealed.format_version == 1 {
        // Format 1 sealed the envelope's text itself.
        return checked(&plaintext, Vec::new(), 1);
    }
    let contents: SealedContents =
        serde_json::from_str(&plaintext).map_err(|_| BackupError::NotABackup)?;
    checked(&contents.draft.to_string(), contents.signed_files, 2)
}

/// The review in `envelope` with its signed files, every summary checked.
fn checked(
    envelope: &str,
    signed: Vec<SignedCopy>,
    format_version: u32,
) -> Result<Restored, BackupError> {
    let review = draft::decode_review(envelope).map_err(BackupError::Draft)?;
    let (summaries, others): (Vec<SignedCopy>, Vec<SignedCopy>) =
        signed.into_iter().partition(|f| f.kind == SUMMARY);
    let (copies, others): (Vec<SignedCopy>, Vec<SignedCopy>) =
        others.into_iter().partition(|f| f.kind == RECIPIENT_COPY);
    let (addenda, unknown): (Vec<SignedCopy>, Vec<SignedCopy>) =
        others.into_iter().partition(|f| f.kind == ADDENDUM);
    if summaries.len() > 1 {
        return Err(BackupError::MoreThanOneSummary(summaries.len()));
    }
    let (summary, signed) = match summaries.into_iter().next() {
        None => (None, None),
        Some(copy) => {
            let (file, signed) = checked_summary(&review, copy.text)?;
            (Some(file), Some(signed))
        }
    };
    let (copies, copies_missing) = copies::checked(summary.as_ref(), copies)?;
    let addendum = addendum::checked(summary.as_ref(), addenda)?;
    Ok(Restored {
        review,
        summary,
        signed,
        copies,
        copies_missing,
        addendum,
        unknown,
        format_version,
    })
}

/// The summary as the device stores it, once it is intact and matches.
fn checked_summary(
    review: &Review,
    text: String,
) -> Result<(SignedFile, SignedSummary), BackupError> {
    match compare(text.as_bytes(), review) {
        Comparison::Matches(signed) => {
            let finalised_at = review
                .finalised_at
                .ok_or(BackupError::SummaryOfUnlockedReview)?;
            let file = SignedFile {
                review_id: review.id.clone(),
                document_id: signed.document_id.clone(),
                file_name: summary_file_name(&finalised_at, &signed.document_id),
                text,
            };
            Ok((file, signed))
        }
        Comparison::NotIntact(errors) => Err(BackupError::SummaryNotIntact(errors)),
        Comparison::Differs { signed, .. } if signed.review_id != review.id => {
            Err(BackupError::SummaryOfAnotherReview(signed.review_id))
        }
        Comparison::Differs {
            differences,
            unlisted,
            ..
        } => Err(BackupError::SummaryDoesNotMatch {
            differences,
            unlisted,
        }),
        Comparison::CannotCompare {
            reason: CannotCompare::NotSignedOff,
            ..
        } => Err(BackupError::SummaryOfUnlockedReview),
        Comparison::CannotCompare { reason, .. } => {
            Err(BackupError::SummaryCannotBeChecked(reason.to_string()))
        }
    }
}

/// Read a backup file: [`restore`], keeping only the review.
pub fn read(bytes: &[u8]) -> Result<Opened, BackupError> {
    restore(bytes).map(|r| match r {
        Restore::Ready(restored) => Opened::Review(Box::new(restored.review)),
        Restore::NeedsPin(sealed) => Opened::NeedsPin(sealed),
        Restore::NeedsCode(locked) => Opened::NeedsCode(locked),
    })
}

/// Open a sealed backup: [`restore_sealed`], keeping only the review.
pub fn open_sealed(sealed: &Sealed, key: &Vault) -> Result<Review, BackupError> {
    restore_sealed(sealed, key).map(|r| r.review)
}
