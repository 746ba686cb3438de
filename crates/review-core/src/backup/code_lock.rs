//! The lock of a backup locked with the device's recovery code
//! (`crate::recovery`): what the backup holds sealed under a file key, with
//! the key slot a code opens beside the seal. The backup around it is
//! `backup.rs`'s (`locked_with`, `restore`, `restore_with_code`); every slot
//! is checked here before the code is asked for.

use super::error::BackupError;
use crate::recovery::{DeviceRecovery, KeySlot, SLOT_KIND};
use crate::vault::{self, Vault, VaultError};
use serde_json::{Map, Value};

/// What a backup locked with a recovery code binds in.
const PLACE_CODE: &str = "review-together/backup/2/recovery-code";

/// A backup locked with a recovery code: its slots (each the file key
/// sealed under what a code gives, [`KeySlot::open`]) and the sealed data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLocked {
    /// The recovery-code slots, every one's salt and count checked.
    pub slots: Vec<KeySlot>,
    data: String,
}

/// `plaintext` sealed under the device's file key, and the slot that gives
/// the key for the code: (slot, sealed data). `nonce` fresh random bytes.
pub(super) fn seal(
    recovery: &DeviceRecovery,
    nonce: [u8; 12],
    plaintext: &str,
) -> Result<(Map<String, Value>, String), VaultError> {
    let data = recovery.file_key()?.seal(PLACE_CODE, nonce, plaintext);
    match serde_json::to_value(&recovery.slot) {
        Ok(Value::Object(slot)) => Ok((slot, data)),
        _ => Err(VaultError::WrongKeyOrDamaged),
    }
}

/// A recovery-code lock, every slot's salt and count checked before anyone
/// is asked for the code. Slots of other kinds are read past.
pub(super) fn code_locked(
    slots: Vec<serde_json::Map<String, Value>>,
    data: String,
) -> Result<CodeLocked, BackupError> {
    let mut ours = Vec::new();
    for slot in slots {
        if slot.get("kind").and_then(Value::as_str) != Some(SLOT_KIND) {
            continue;
        }
        let slot: KeySlot =
            serde_json::from_value(Value::Object(slot)).map_err(|_| BackupError::SealDamaged)?;
        slot.salt_bytes().map_err(BackupError::BadCodeLock)?;
        if !vault::is_well_formed(&slot.key) {
            return Err(BackupError::SealDamaged);
        }
        ours.push(slot);
    }
    if ours.is_empty() {
        return Err(BackupError::LockedUnknownWay);
    }
    if !vault::is_well_formed(&data) {
        return Err(BackupError::SealDamaged);
    }
    Ok(CodeLocked { slots: ours, data })
}

impl CodeLocked {
    /// The file key, once a recovery code's key (worked through slot
    /// `index`'s salt and count) opens that slot.
    pub fn file_key(&self, index: usize, code_key: &Vault) -> Result<Vault, BackupError> {
        self.slots
            .get(index)
            .ok_or(BackupError::WrongCode)?
            .open(code_key)
            .map_err(|_| BackupError::WrongCode)
    }

    /// The sealed text, with the file key a slot gave.
    pub(super) fn open(&self, file_key: &Vault) -> Result<String, BackupError> {
        file_key
            .open(PLACE_CODE, &self.data)
            .map_err(|_| BackupError::SealDamaged)
    }

    /// When the code that locked it was made (the first slot's word).
    pub fn code_made_at(&self) -> Option<&str> {
        self.slots.first().map(|s| s.made_at.as_str())
    }
}
