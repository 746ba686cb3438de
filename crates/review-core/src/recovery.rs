//! The recovery code: what locks everything that leaves the device (backups,
//! and the review downloaded when storage will not keep it).
//!
//! The device makes the code once, shows it once (to be written down and
//! kept apart from the tablet) and never keeps it. What it keeps is a random
//! *file key* and a *key slot*: the file key sealed under the key PBKDF2
//! works out from the code. Every file that leaves the device is sealed
//! under the file key and carries the slot, so the code opens it anywhere;
//! the PIN does not (no slot is sealed under the PIN).
//!
//! ## Who could attack it, and what stops them
//!
//! **Someone holding a backup file** (a lost USB stick, a forwarded email)
//! has the slot and the sealed data. Opening either needs the code: 24
//! random characters of 32 (120 bits; [`RecoveryCode`]). Trying codes is
//! hopeless at any speed (2^120 guesses; PBKDF2 adds 100,000 rounds to each).
//! Trying PINs gets nowhere: nothing in the file is sealed under the PIN.
//! The salt and iteration count are checked before any code is worked
//! through ([`crate::vault::derivation_salt`]), so a file cannot ask for a
//! billion rounds. Changing the slot or the sealed data makes it not open
//! (AES-GCM, bound to its place).
//!
//! **Someone with the tablet's storage** finds the file key, sealed under
//! the PIN when the device has one (like every stored value), plain when it
//! has none: with it they can open this device's backups, as they could read
//! the reviews on the device itself. The screens say so.
//!
//! **Someone who saw the code** can open every backup made with it: the
//! worker makes a new code (Device settings); later backups use the new one,
//! earlier ones still need the old.

use crate::summary::{b64, b64_decode};
use crate::tr;
use crate::vault::{self, KdfError, Vault, VaultError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Crockford's base 32: no I, L, O or U, so nothing reads as another letter.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters in a code: 24 × 5 bits = 120 bits.
pub const RANDOM_CHARS: usize = 24;
/// Characters in a code, the check character included.
pub const CODE_CHARS: usize = RANDOM_CHARS + 1;
/// Characters per group as shown and typed.
pub const GROUP: usize = 5;
/// The random bytes a code is made from (120 bits).
pub const RANDOM_BYTES: usize = 15;
/// PBKDF2 rounds a code is worked through. The code's 120 random bits make
/// guessing hopeless already; the rounds keep it in line with every other
/// key derivation the app accepts ([`vault::MIN_ITERATIONS`]).
pub const ITERATIONS: u32 = vault::MIN_ITERATIONS;
/// A key slot's kind for the recovery code.
pub const SLOT_KIND: &str = "recovery-code";
/// What a slot's sealed file key is bound to.
const SLOT_PLACE: &str = "review-together/backup/2/key-slot";

/// A recovery code: 24 random characters and a check character.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

/// The check character's value: a weighted sum modulo 31 (a prime), so one
/// character typed wrong, or two side by side swapped, changes it.
fn check_value(values: &[u8]) -> u8 {
    let sum: u32 = values
        .iter()
        .enumerate()
        .map(|(i, v)| (i as u32 + 1) * u32::from(*v))
        .sum();
    (sum % 31) as u8
}

impl RecoveryCode {
    /// The code made from 15 random bytes.
    pub fn from_random(bytes: [u8; RANDOM_BYTES]) -> RecoveryCode {
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(b);
        }
        let values: Vec<u8> = (0..RANDOM_CHARS)
            .rev()
            .map(|i| ((bits >> (5 * i)) & 31) as u8)
            .collect();
        let check = check_value(&values);
        let text = values
            .iter()
            .chain(std::iter::once(&check))
            .map(|v| ALPHABET[usize::from(*v)] as char)
            .collect();
        RecoveryCode(text)
    }

    /// A code as someone typed it: spaces and dashes ignored, small letters
    /// as capitals, and the letters Crockford's alphabet leaves out read as
    /// the digits they look like (O as 0, I and L as 1).
    pub fn parse(typed: &str) -> Result<RecoveryCode, CodeError> {
        let mut values = Vec::with_capacity(CODE_CHARS);
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let value = ALPHABET
                .iter()
                .position(|a| *a as char == c)
                .ok_or(CodeError::NotInCodes(c))?;
            values.push(value as u8);
        }
        if values.is_empty() {
            return Err(CodeError::Empty);
        }
        if values.len() != CODE_CHARS {
            return Err(CodeError::Length(values.len()));
        }
        let (random, check) = values.split_at(RANDOM_CHARS);
        if check_value(random) != check[0] {
            return Err(CodeError::Mistyped);
        }
        Ok(RecoveryCode(
            values
                .iter()
                .map(|v| ALPHABET[usize::from(*v)] as char)
                .collect(),
        ))
    }

    /// The code in groups of five, as shown and written down.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(GROUP)
            .map(|g| String::from_utf8_lossy(g).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// What PBKDF2 works through: the 25 characters, no dashes.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

/// Why what was typed is not a recovery code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// Not 25 characters (spaces and dashes left out).
    Length(usize),
    /// A character no code has.
    NotInCodes(char),
    /// The check character does not match: something was typed wrong.
    Mistyped,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str(&tr!("Enter the recovery code")),
            CodeError::Length(n) => f.write_str(&tr!("A recovery code has {code_chars} letters and numbers in five groups of five; this has {n}. Check each group", n = n, code_chars = CODE_CHARS)),
            CodeError::NotInCodes(c) => f.write_str(&tr!("A recovery code has only the letters and numbers shown when it was made; “{c}” is not one of them", c = c)),
            CodeError::Mistyped => f.write_str(&tr!("That recovery code has a typing mistake: check each group against what was written down")),
        }
    }
}

impl std::error::Error for CodeError {}

/// A file key sealed under the key a recovery code gives. It travels with
/// every file the key seals, outside the seal.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeySlot {
    /// [`SLOT_KIND`].
    pub kind: String,
    /// When the code was made (RFC 3339, the device's clock): the screens
    /// name the code by it, so the right one is looked for.
    pub made_at: String,
    /// Base64url of the PBKDF2 salt the code is worked through with.
    pub salt: String,
    pub iterations: u32,
    /// The file key, sealed under the code's key (as a vault value).
    pub key: String,
}

impl KeySlot {
    /// The salt to work the code through, once the salt and the count are
    /// within what this app accepts.
    pub fn salt_bytes(&self) -> Result<Vec<u8>, KdfError> {
        vault::derivation_salt(&self.salt, self.iterations)
    }

    /// The file key, with the key the code gave (`Err` when it was another
    /// code, or the slot was changed).
    pub fn open(&self, code_key: &Vault) -> Result<Vault, VaultError> {
        let text = code_key.open(SLOT_PLACE, &self.key)?;
        let bytes: [u8; 32] = b64_decode(&text)
            .and_then(|b| b.try_into().ok())
            .ok_or(VaultError::WrongKeyOrDamaged)?;
        Ok(Vault::from_key(bytes))
    }
}

/// What the device keeps about its recovery code: the file key (sealed
/// under the PIN when the device has one, like every stored value) and its
/// slot. Never the code.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceRecovery {
    pub slot: KeySlot,
    /// Base64url of the 32-byte file key.
    pub file_key: String,
}

impl fmt::Debug for DeviceRecovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceRecovery")
            .field("slot", &self.slot)
            .finish_non_exhaustive()
    }
}

impl DeviceRecovery {
    /// A new recovery set-up: `code_key` is what PBKDF2 gave for the code
    /// with `salt` and [`ITERATIONS`]; `file_key` and `nonce` fresh random.
    pub fn new(
        code_key: &Vault,
        salt: &[u8],
        file_key: [u8; 32],
        nonce: [u8; 12],
        made_at: &str,
    ) -> DeviceRecovery {
        DeviceRecovery {
            slot: KeySlot {
                kind: SLOT_KIND.into(),
                made_at: made_at.into(),
                salt: b64(salt),
                iterations: ITERATIONS,
                key: code_key.seal(SLOT_PLACE, nonce, &b64(&file_key)),
            },
            file_key: b64(&file_key),
        }
    }

    /// The key that seals files.
    pub fn file_key(&self) -> Result<Vault, VaultError> {
        let bytes: [u8; 32] = b64_decode(&self.file_key)
            .and_then(|b| b.try_into().ok())
            .ok_or(VaultError::WrongKeyOrDamaged)?;
        Ok(Vault::from_key(bytes))
    }

    /// What the device stores (an envelope of kind `recovery`).
    pub fn encode(&self) -> String {
        crate::draft::encode(crate::draft::Kind::Recovery, self)
    }

    pub fn decode(raw: &str) -> Result<DeviceRecovery, crate::draft::DraftError> {
        let found: DeviceRecovery = crate::draft::decode(crate::draft::Kind::Recovery, raw)?;
        found
            .file_key()
            .map_err(|_| crate::draft::DraftError::Damaged(tr!("its file key")))?;
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code() -> RecoveryCode {
        RecoveryCode::from_random([
            0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xed, 0xcb, 0xa9, 0x87, 0x65,
            0x43,
        ])
    }

    #[test]
    fn a_code_is_five_groups_of_five_from_crockfords_letters() {
        let grouped = code().grouped();
        let groups: Vec<&str> = grouped.split('-').collect();
        assert_eq!(groups.len(), 5);
        assert!(groups.iter().all(|g| g.len() == GROUP));
        assert!(grouped
            .chars()
            .filter(|c| *c != '-')
            .all(|c| ALPHABET.contains(&(c as u8))));
        // 120 random bits: every byte of the randomness shows in the code.
        let other = RecoveryCode::from_random([0; RANDOM_BYTES]);
        assert_ne!(code(), other);
        assert_eq!(&other.secret()[..RANDOM_CHARS], "0".repeat(24));
    }

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let c = code();
        let grouped = c.grouped();
        for typed in [
            grouped.clone(),
            grouped.to_lowercase(),
            grouped.replace('-', " "),
            c.secret().to_string(),
            format!("  {}  ", grouped.replace('-', "  ")),
        ] {
            assert_eq!(RecoveryCode::parse(&typed), Ok(c.clone()), "{typed}");
        }
        // O, I and L are read as the digits they look like.
        let zeros = RecoveryCode::from_random([0; RANDOM_BYTES]);
        let typed = zeros.grouped().replace('0', "O");
        assert_eq!(RecoveryCode::parse(&typed), Ok(zeros));
    }

    #[test]
    fn a_mistyped_code_is_caught_before_any_key_is_worked_out() {
        let c = code();
        let secret = c.secret().to_string();
        assert_eq!(RecoveryCode::parse(""), Err(CodeError::Empty));
        assert_eq!(RecoveryCode::parse(" - "), Err(CodeError::Empty));
        assert_eq!(
            RecoveryCode::parse(&secret[..20]),
            Err(CodeError::Length(20))
        );
        assert_eq!(
            RecoveryCode::parse(&format!("{secret}7")),
            Err(CodeError::Length(26))
        );
        assert_eq!(
            RecoveryCode::parse(&secret.replacen(&secret[..1], "U", 1)),
            Err(CodeError::NotInCodes('U'))
        );
        // Every single character changed to every other is caught.
        let chars: Vec<char> = secret.chars().collect();
        for i in 0..RANDOM_CHARS {
            for a in ALPHABET.iter().map(|a| *a as char) {
                if a == chars[i] {
                    continue;
                }
                let mut typo = chars.clone();
                typo[i] = a;
                let typo: String = typo.into_iter().collect();
                // A change by 31 in one place is the one the mod-31 sum
                // cannot see; it needs the two characters 0 and Z.
                let v = |c: char| ALPHABET.iter().position(|x| *x as char == c).unwrap();
                if v(a).abs_diff(v(chars[i])) == 31 {
                    continue;
                }
                assert_eq!(
                    RecoveryCode::parse(&typo),
                    Err(CodeError::Mistyped),
                    "{typo}"
                );
            }
        }
        // Two neighbours swapped are caught when they differ.
        for i in 0..RANDOM_CHARS - 1 {
            if chars[i] == chars[i + 1] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            assert_eq!(RecoveryCode::parse(&swapped), Err(CodeError::Mistyped));
        }
    }

    #[test]
    fn the_slot_opens_with_the_codes_key_and_nothing_else() {
        let code_key = Vault::from_key([7; 32]);
        let found = DeviceRecovery::new(
            &code_key,
            &[1; 16],
            [9; 32],
            [3; 12],
            "2026-12-03T10:00:00Z",
        );
        let file_key = found.slot.open(&code_key).unwrap();
        let sealed = file_key.seal("place", [4; 12], "hello");
        assert_eq!(
            found.file_key().unwrap().open("place", &sealed).unwrap(),
            "hello"
        );
        assert!(found.slot.open(&Vault::from_key([8; 32])).is_err());
        // The slot's salt and count are checked as every derivation's are.
        assert_eq!(found.slot.salt_bytes().unwrap(), vec![1; 16]);
        let mut greedy = found.slot.clone();
        greedy.iterations = 4_000_000_000;
        assert_eq!(
            greedy.salt_bytes(),
            Err(KdfError::Iterations(4_000_000_000))
        );
        // What the device stores reads back, and never holds the code.
        let stored = found.encode();
        assert_eq!(DeviceRecovery::decode(&stored).unwrap(), found);
        assert!(!format!("{found:?}").contains(&found.file_key));
    }
}
