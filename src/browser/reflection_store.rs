//! The worker's reflection on a signed-off review as this device keeps it:
//! the draft while it is written, and the signed addendum once it is
//! signed (written once, never replaced). Both go with the review.

use super::storage::{describe, local, read, write, StorageError, Unreadable};
use review_core::draft;
use review_core::reflection::Reflection;
use review_core::summary::AddendumFile;

/// The reflection being written (an empty one when there is none yet; an
/// unreadable value is an error, and left where it is).
pub fn load_reflection(review_id: &str) -> Result<Reflection, Unreadable> {
    let key = draft::reflection_key(review_id);
    match read(&key) {
        Ok(Some(raw)) => draft::decode_reflection(&raw).map_err(|error| Unreadable { key, error }),
        _ => Ok(Reflection::default()),
    }
}

pub fn save_reflection(review_id: &str, reflection: &Reflection) -> Result<(), StorageError> {
    write(
        &draft::reflection_key(review_id),
        &draft::encode_reflection(reflection),
    )
}

/// The signed reflection, once there is one.
pub fn load_addendum(review_id: &str) -> Result<Option<AddendumFile>, Unreadable> {
    let key = draft::addendum_key(review_id);
    match read(&key) {
        Ok(Some(raw)) => draft::decode_addendum(&raw)
            .map(Some)
            .map_err(|error| Unreadable { key, error }),
        _ => Ok(None),
    }
}

/// Keep the signed reflection; its draft is then no longer needed.
pub fn save_addendum(file: &AddendumFile) -> Result<(), StorageError> {
    write(
        &draft::addendum_key(&file.review_id),
        &draft::encode_addendum(file),
    )?;
    let _ = local().and_then(|s| {
        s.remove_item(&draft::reflection_key(&file.review_id))
            .map_err(|e| StorageError::Failed(describe(&e)))
    });
    Ok(())
}
