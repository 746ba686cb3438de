//! This device's signing key, and the signed summary of each signed-off
//! review. The rules live in `review_core::summary`; this file supplies the
//! storage, the clock and the randomness, and decides where the key lives:
//! kept by the browser (`browser::device_key`, see there for what that
//! protects against) wherever it has WebCrypto Ed25519, else as text in the
//! app's storage, sealed with the device PIN when one is set, as earlier
//! versions kept it everywhere. A key an earlier version kept as text is
//! moved into the browser at the first start (or unlock) that can, and
//! every readable copy of it as text is removed.

use crate::browser::device_key::{self, Trouble, Wrap};
use crate::browser::{clock, pin, reflection_store, storage};
use review_core::backup::SignedCopy;
use review_core::summary::{
    self, decode_stored_key, encode_stored_key, AddendumFile, CopyFile, Finalise, KeyGuard,
    PublicJwk, Signed, SignedFile, Signing, SigningKey,
};
use review_core::tr;
use review_core::{Review, Timestamp};
use std::cell::RefCell;
use std::collections::HashMap;

/// The language the app's summaries are written in.
pub const LANGUAGE: &str = "en-GB";

/// 32 random bytes from the browser's `crypto.getRandomValues` (only for a
/// key kept as text, on a browser without WebCrypto Ed25519).
fn random_seed() -> [u8; 32] {
    let mut seed = [0u8; 32];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut seed).ok())
        .expect("this browser offers crypto.getRandomValues");
    seed
}

/// The device's key as the screens see it, without waiting for the browser:
/// from the plain copy of its public part, else from a key kept as text.
pub enum KeyState {
    /// No key yet: one is made when the first review is started.
    None,
    Ready {
        jwk: PublicJwk,
        guard: KeyGuard,
    },
    /// A key kept as text by an earlier version cannot be read. It is left
    /// as it is.
    Unreadable(String),
    /// The device's storage cannot be used.
    Unavailable(String),
}

pub fn key_state() -> KeyState {
    if let Some(Ok((jwk, guard))) = device_key::public_copy() {
        return KeyState::Ready { jwk, guard };
    }
    match storage::load_signing_key() {
        Ok(None) => KeyState::None,
        Ok(Some(text)) => match decode_stored_key(&text) {
            Ok(key) => KeyState::Ready {
                jwk: key.public_jwk(),
                guard: KeyGuard::Storage,
            },
            Err(e) => KeyState::Unreadable(e.to_string()),
        },
        Err(e) => KeyState::Unavailable(e.to_string()),
    }
}

/// The id (RFC 7638 thumbprint) of this device's signing key, when it has
/// one that can be read.
pub fn device_kid() -> Option<String> {
    match key_state() {
        KeyState::Ready { jwk, .. } => Some(jwk.thumbprint()),
        _ => None,
    }
}

/// The key the device signs with.
enum Signer {
    /// Kept by the browser: it signs there.
    Browser(PublicJwk),
    /// Kept as text (a browser without WebCrypto Ed25519).
    Text(Box<SigningKey>),
}

impl Signer {
    fn public_jwk(&self) -> PublicJwk {
        match self {
            Signer::Browser(jwk) => jwk.clone(),
            Signer::Text(key) => key.public_jwk(),
        }
    }
}

fn locked() -> Trouble {
    Trouble::Failed(tr!("the device is locked: enter the PIN first"))
}

/// Bring the key to what the device is now: a key kept as text moved into
/// the browser (and every readable copy of it as text removed), the key
/// wrapped under the PIN's key while one is set (the device's own key
/// without one), and the plain copy of its public part matching. Run at
/// every start and unlock, and by the key screen; nothing happens while the
/// device is locked.
pub async fn settle() -> Result<(), Trouble> {
    let Some((wrap, openers)) = pin::key_wrap() else {
        return Ok(());
    };
    if let Some(jwk) = device_key::rewrap(wrap.clone(), openers).await? {
        remove_text_copies(&jwk);
        return Ok(());
    }
    match storage::load_signing_key() {
        Ok(Some(text)) => match decode_stored_key(&text) {
            Ok(key) => move_in(&key, wrap).await.map(|_| ()),
            // Left as it is: the key screen says so.
            Err(_) => {
                device_key::drop_public_copy();
                Ok(())
            }
        },
        Ok(None) => {
            device_key::drop_public_copy();
            Ok(())
        }
        Err(e) => Err(Trouble::Failed(e.to_string())),
    }
}

/// Whether `settle` has anything to do now: a key (or a copy of one) kept
/// as text, a key the browser keeps wrapped under something other than
/// what is set now, or a plain copy of its public part that does not match.
/// It only reads, so the first load holds it and runs it at every start,
/// while `settle` itself loads on demand (`on_demand::settle_signing_key`).
pub async fn needs_settling() -> bool {
    let Some((wrap, _)) = pin::key_wrap() else {
        return false;
    };
    if !storage::signing_key_copies().is_empty() {
        return true;
    }
    !matches!(device_key::settled(&wrap).await, Ok(true))
}

/// Move a key kept as text into the browser. Where the browser has no
/// WebCrypto Ed25519 it stays as text (sealed under the PIN when one is
/// set) and signs there.
async fn move_in(key: &SigningKey, wrap: Wrap) -> Result<Signer, Trouble> {
    match device_key::import(key.private_jwk(), wrap).await? {
        device_key::Made::Kept(jwk) => {
            remove_text_copies(&jwk);
            Ok(Signer::Browser(jwk))
        }
        device_key::Made::Unsupported => {
            device_key::keep_public_copy(&key.public_jwk(), KeyGuard::Storage);
            Ok(Signer::Text(Box::new(key.clone())))
        }
    }
}

/// Once the browser keeps the key `kept`: remove the copy an earlier
/// version kept as text when it is the same key (a different one, written
/// by an older version in another tab, is left as it is), and every
/// readable copy kept aside. Unreadable copies are left as they are.
fn remove_text_copies(kept: &PublicJwk) {
    let current = review_core::draft::signing_key_key();
    for key in storage::signing_key_copies() {
        let Some(text) = storage::signing_key_copy(&key) else {
            continue;
        };
        let Ok(copy) = decode_stored_key(&text) else {
            continue;
        };
        if key != current || copy.public_jwk() == *kept {
            let _ = storage::remove_signing_key_copy(&key);
        }
    }
}

/// The device's key, made on first use: kept by the browser where it can,
/// else as text.
async fn signer() -> Result<Signer, Trouble> {
    let (wrap, _) = pin::key_wrap().ok_or_else(locked)?;
    settle().await?;
    if let Some((jwk, _)) = device_key::public().await? {
        return Ok(Signer::Browser(jwk));
    }
    match storage::load_signing_key() {
        Ok(Some(text)) => {
            return match decode_stored_key(&text) {
                // settle() found no WebCrypto Ed25519 for it.
                Ok(key) => Ok(Signer::Text(Box::new(key))),
                Err(e) => Err(Trouble::Unusable(tr!("this device's signing key cannot be read ({why}); see “This device’s signing key” in Device settings", why = e))),
            };
        }
        Ok(None) => {}
        Err(e) => return Err(Trouble::Failed(e.to_string())),
    }
    match device_key::make(wrap).await? {
        device_key::Made::Kept(jwk) => Ok(Signer::Browser(jwk)),
        device_key::Made::Unsupported => {
            let key = SigningKey::from_seed(random_seed());
            storage::save_signing_key(&encode_stored_key(&key)).map_err(|e| {
                Trouble::Failed(tr!(
                    "this device's signing key could not be kept: {why}",
                    why = e
                ))
            })?;
            device_key::keep_public_copy(&key.public_jwk(), KeyGuard::Storage);
            Ok(Signer::Text(Box::new(key)))
        }
    }
}

/// The device's key, made and kept on first use: its public part.
pub async fn key_or_make() -> Result<PublicJwk, String> {
    signer()
        .await
        .map(|s| s.public_jwk())
        .map_err(|e| e.to_string())
}

/// Put aside a key that cannot be read or opened (kept, never deleted: a
/// key kept as text stays in the app's storage, a key the browser keeps
/// stays there) and make a new one.
pub async fn replace_unreadable_key() -> Result<PublicJwk, String> {
    let mut replaced = false;
    match settle().await {
        Err(Trouble::Unusable(_)) => {
            device_key::put_aside().await.map_err(|e| {
                tr!(
                    "the key that cannot be used could not be put aside: {why}",
                    why = e
                )
            })?;
            replaced = true;
        }
        Err(Trouble::Failed(e)) => return Err(e),
        Ok(()) => {}
    }
    if let Ok(Some(old)) = storage::load_signing_key() {
        if decode_stored_key(&old).is_err() {
            storage::keep_aside(&format!("signing-key/{}", clock::new_id()), &old)
                .map_err(|e| tr!("the unreadable key could not be kept aside: {why}", why = e))?;
            let _ = storage::remove_signing_key_copy(&review_core::draft::signing_key_key());
            replaced = true;
        }
    }
    if !replaced {
        return Err(tr!(
            "this device's signing key can be used, so it is not replaced"
        ));
    }
    key_or_make().await
}

thread_local! {
    /// Summaries (with their copies) signed while the device's storage
    /// refused them: they stay here, so every download in this session
    /// gives the same bytes.
    static NOT_KEPT: RefCell<HashMap<String, Signed>> = RefCell::new(HashMap::new());
}

/// A signed-off review's summary and its recipients' copies, and whether
/// the device keeps them.
pub struct Made {
    pub file: SignedFile,
    /// The recipients' copies signed with it (none for a review signed
    /// before copies were made, or whose agreement sends none), or why the
    /// ones kept cannot be read.
    pub copies: Result<Vec<CopyFile>, String>,
    /// Why the device could not keep it, when it could not.
    pub not_kept: Option<String>,
}

/// The signed summary this device keeps for a signed-off review (`None`
/// when it has none: the review was not signed off here). It never signs:
/// only [`sign_at_sign_off`] does.
pub fn stored_summary(review: &Review) -> Result<Option<Made>, String> {
    if let Some(signed) = NOT_KEPT.with(|m| m.borrow().get(&review.id).cloned()) {
        let not_kept = Some(tr!("the device's storage refused it"));
        return Ok(Some(Made {
            file: signed.summary,
            copies: Ok(signed.copies),
            not_kept,
        }));
    }
    match storage::load_summary(&review.id) {
        Ok(found) => Ok(found.map(|file| Made {
            file,
            copies: storage::load_copies(&review.id).map_err(|u| {
                tr!("the recipients' copies kept on this device cannot be read because {error}. They have been left as they are", error = u.error)
            }),
            not_kept: None,
        })),
        Err(u) => Err(tr!("the summary kept on this device cannot be read because {error}. It has been left as it is", error = u.error)),
    }
}

/// Sign the summary of a review the worker's sign-off is locking at `now`
/// (this device's clock), with this device's key, and keep it. Called only from the live
/// sign-off (`state::ReviewContext::sign_off`), before the locked review is
/// stored: when it fails, the sign-off does not happen. Each recipient's
/// copy the sharing agreement sends is signed first, then the summary (the
/// records copy) that names them. A summary already
/// kept for the review (from a sign-off whose lock was never stored, since
/// the review is not locked) may have left the device: it is kept aside,
/// never overwritten, and the review signed as it is now.
pub async fn sign_at_sign_off(review: &Review, now: Timestamp) -> Result<Made, String> {
    let signer = signer().await.map_err(|e| e.to_string())?;
    if let Some(earlier) = storage::raw(&review_core::draft::summary_key(&review.id)) {
        let aside = format!("earlier-summary/{}/{}", review.id, clock::new_id());
        storage::keep_aside(&aside, &earlier).map_err(|e| {
            tr!(
                "an earlier summary of it could not be kept aside: {why}",
                why = e
            )
        })?;
    }
    if let Some(earlier) = storage::raw(&review_core::draft::copies_key(&review.id)) {
        let aside = format!("earlier-copies/{}/{}", review.id, clock::new_id());
        storage::keep_aside(&aside, &earlier).map_err(|e| {
            tr!(
                "the earlier recipients' copies of it could not be kept aside: {why}",
                why = e
            )
        })?;
    }
    let previous = review
        .amends
        .as_ref()
        .and_then(|a| storage::load_summary(&a.previous_id).ok().flatten());
    let signed_at = now;
    let document_id = clock::new_id();
    let prepared = summary::prepare(
        review,
        Finalise {
            document_id: &document_id,
            app_version: env!("CARGO_PKG_VERSION"),
            language: LANGUAGE,
            jwk: &signer.public_jwk(),
            signed_at: &signed_at,
            previous: previous.as_ref(),
        },
    )
    .map_err(|e| tr!("the summary could not be signed: {why}", why = e))?;
    // Each recipient's copy, then the records copy that names them.
    let signed = match &signer {
        Signer::Text(key) => prepared.sign_with(key),
        Signer::Browser(_) => {
            let mut step = prepared;
            loop {
                let (_, openers) = pin::key_wrap().ok_or_else(|| locked().to_string())?;
                let signature = device_key::sign(step.signing_input(), openers)
                    .await
                    .map_err(|e| e.to_string())?;
                match step.attach(&signature) {
                    Ok(Signing::More(next)) => step = *next,
                    Ok(Signing::Done(signed)) => break Ok(signed),
                    Err(e) => break Err(e),
                }
            }
        }
    }
    .map_err(|e| tr!("the summary could not be signed: {why}", why = e))?;
    // The copies first: a summary is only ever kept with its copies.
    let not_kept = storage::save_copies(&review.id, &signed.copies)
        .and_then(|()| storage::save_summary(&signed.summary))
        .err()
        .map(|e| e.to_string());
    if not_kept.is_some() {
        NOT_KEPT.with(|m| m.borrow_mut().insert(review.id.clone(), signed.clone()));
    }
    Ok(Made {
        file: signed.summary,
        copies: Ok(signed.copies),
        not_kept,
    })
}

/// Sign the worker's reflection on a signed-off review as an addendum to
/// its records copy, with this device's key, and keep it. The records copy
/// this device keeps is checked first (`summary::prepare_addendum`): one
/// edited or replaced in storage since the sign-off, or signed by another
/// key, is refused and nothing is signed. An addendum already kept is
/// never replaced.
pub async fn sign_reflection(
    review: &Review,
    reflection: &review_core::reflection::Reflection,
    now: Timestamp,
) -> Result<AddendumFile, String> {
    if let Ok(Some(kept)) = reflection_store::load_addendum(&review.id) {
        return Ok(kept);
    }
    let records = match stored_summary(review)? {
        Some(made) if made.not_kept.is_none() => made.file,
        Some(_) => return Err(tr!("the signed summary is not kept on this device, so nothing can be added to it")),
        None => return Err(tr!("this review was not signed off on this device, so there is no signed summary here to add to")),
    };
    let signer = signer().await.map_err(|e| e.to_string())?;
    let document_id = clock::new_id();
    let prepared = summary::prepare_addendum(
        &review.id,
        &records,
        reflection,
        summary::Making {
            document_id: &document_id,
            app_version: env!("CARGO_PKG_VERSION"),
            language: LANGUAGE,
            jwk: &signer.public_jwk(),
            signed_at: &now,
        },
    )
    .map_err(|e| e.to_string())?;
    let file = match &signer {
        Signer::Text(key) => prepared.sign_with(key),
        Signer::Browser(_) => {
            let (_, openers) = pin::key_wrap().ok_or_else(|| locked().to_string())?;
            let signature = device_key::sign(prepared.signing_input(), openers)
                .await
                .map_err(|e| e.to_string())?;
            prepared.attach(&signature)
        }
    }
    .map_err(|e| e.to_string())?;
    reflection_store::save_addendum(&file).map_err(|e| {
        tr!(
            "the signed reflection could not be kept on this device: {why}",
            why = e
        )
    })?;
    Ok(file)
}

/// A backup of `review` as it is now, with its signed files (its summary
/// and its recipients' copies byte for byte, the worker's signed reflection, and files of kinds this build does not know as they came),
/// locked with the device's recovery code (`recovery`, the device's as
/// `browser::recovery::current` gives it). (file name, text).
pub fn backup_file(
    review: &Review,
    recovery: &review_core::recovery::DeviceRecovery,
) -> Result<(String, String), String> {
    let now = clock::now();
    let mut signed: Vec<SignedCopy> = match stored_summary(review) {
        Ok(Some(made)) => std::iter::once(SignedCopy::summary(&made.file))
            .chain(made.copies.iter().flatten().map(SignedCopy::recipient_copy))
            .collect(),
        _ => Vec::new(),
    };
    if let Ok(Some(addendum)) = reflection_store::load_addendum(&review.id) {
        signed.push(SignedCopy::addendum(&addendum));
    }
    signed.extend(storage::other_signed_files(&review.id));
    let text = review_core::backup::locked_with(
        review,
        &signed,
        &now,
        recovery,
        crate::browser::pin::random::<12>(),
    )
    .map_err(|e| tr!("the recovery code’s key kept on this device cannot be used ({why}); make a new recovery code in Device settings", why = e))?;
    Ok((review_core::backup::file_name(review, &now), text))
}

/// A fingerprint split into groups of four, for reading aloud over the phone.
pub use review_core::summary::grouped;
