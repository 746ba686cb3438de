//! The device's Ed25519 signing key as JWKs (RFC 8037), its RFC 7638
//! thumbprint (the `kid` and the fingerprint a worker registers), the
//! `KeyStore` the app keeps it in, and the JWK Set of keys a records team trusts.
//!
//! No randomness here: a new key is made from 32 random bytes the caller
//! supplies (the browser's `crypto.getRandomValues`, or the OS in the CLI).

use super::canonical::to_canonical_vec;
use super::strings::is_base64url_of_len;
use crate::tr;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt;

pub use ed25519_dalek::{Signature, VerifyingKey};

/// base64url without padding (RFC 7515 §2).
pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decode base64url without padding; stray bits in the last character are
/// refused, so every value has exactly one spelling.
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// SHA-256 of `bytes` in base64url: used for `previous.sha256`.
pub fn sha256_base64url(bytes: &[u8]) -> String {
    b64(&Sha256::digest(bytes))
}

/// Why a key could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    NotJson(String),
    NotOkpEd25519,
    BadX,
    BadD,
    /// `x` is not the public key of `d`.
    Mismatch,
    /// A key in a JWK Set names a `kid` that is not its thumbprint.
    KidNotThumbprint(String),
    NotAKeySet,
    FromNewerVersion(u64),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::NotJson(e) => f.write_str(&tr!("the key is not valid JSON ({why})", why = e)),
            KeyError::NotOkpEd25519 => {
                f.write_str(&tr!("the key is not an Ed25519 key (a JWK with \"kty\": \"OKP\" and \"crv\": \"Ed25519\")"))
            }
            KeyError::BadX => f.write_str(&tr!("the public key \"x\" is not a valid Ed25519 public key in base64url")),
            KeyError::BadD => f.write_str(&tr!("the private key \"d\" is not 32 bytes in base64url")),
            KeyError::Mismatch => f.write_str(&tr!("the public key \"x\" does not belong to the private key \"d\"")),
            KeyError::KidNotThumbprint(kid) => write!(
                f,
                "the key id {kid:?} is not the key's thumbprint (RFC 7638)"
            ),
            KeyError::NotAKeySet => f.write_str(&tr!("the trusted keys are not a JWK Set ({\"keys\": [...]})")),
            KeyError::FromNewerVersion(v) => f.write_str(&tr!("the stored key was saved by a newer version of Review Together (format {v})", v = v)),
        }
    }
}

impl std::error::Error for KeyError {}

/// An Ed25519 public key as a JWK: `{"kty":"OKP","crv":"Ed25519","x":…}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PublicJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
}

impl PublicJwk {
    pub fn new(key: &VerifyingKey) -> PublicJwk {
        PublicJwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: b64(key.as_bytes()),
        }
    }

    /// The key, if this is a well-formed Ed25519 JWK.
    pub fn verifying_key(&self) -> Result<VerifyingKey, KeyError> {
        if self.kty != "OKP" || self.crv != "Ed25519" {
            return Err(KeyError::NotOkpEd25519);
        }
        let decode = || {
            decode_32(&self.x)
                .and_then(|x| VerifyingKey::from_bytes(&x).ok())
                .ok_or(KeyError::BadX)
        };
        #[cfg(not(feature = "bulk"))]
        return decode();
        // Decoding a point costs a square root; a records team checks
        // thousands of files from a few keys, so the last few are kept.
        #[cfg(feature = "bulk")]
        {
            thread_local! {
                static DECODED: std::cell::RefCell<Vec<(String, VerifyingKey)>> =
                    const { std::cell::RefCell::new(Vec::new()) };
            }
            let known =
                DECODED.with_borrow(|d| d.iter().find(|(x, _)| *x == self.x).map(|(_, k)| *k));
            if let Some(key) = known {
                return Ok(key);
            }
            let key = decode()?;
            DECODED.with_borrow_mut(|d| {
                if d.len() == 8 {
                    d.remove(0);
                }
                d.push((self.x.clone(), key));
            });
            Ok(key)
        }
    }

    /// The JWK of a raw Ed25519 public key (32 bytes, as WebCrypto's
    /// `exportKey("raw", publicKey)` gives it), if it is one.
    pub fn from_raw(bytes: &[u8]) -> Result<PublicJwk, KeyError> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::BadX)?;
        let key = VerifyingKey::from_bytes(&bytes).map_err(|_| KeyError::BadX)?;
        Ok(PublicJwk::new(&key))
    }

    /// The RFC 7638 thumbprint: SHA-256 over `{"crv","kty","x"}` in canonical
    /// form, in base64url. This is the `kid` and the key's fingerprint.
    pub fn thumbprint(&self) -> String {
        thumbprint(&self.crv, &self.kty, &self.x)
    }

    /// The public key as a records team registers it: the JWK with its
    /// `kid` (the thumbprint), `alg` and `use`, in RFC 8785 form. A JWK Set
    /// of these is what `review-summary verify --trusted-keys` reads.
    pub fn for_team(&self) -> String {
        let value = serde_json::json!({
            "kty": self.kty,
            "crv": self.crv,
            "x": self.x,
            "kid": self.thumbprint(),
            "alg": super::strings::ALG,
            "use": "sig",
        });
        String::from_utf8(to_canonical_vec(&value).unwrap_or_default()).unwrap_or_default()
    }
}

fn thumbprint(crv: &str, kty: &str, x: &str) -> String {
    let mut members = serde_json::Map::new();
    members.insert("crv".into(), crv.into());
    members.insert("kty".into(), kty.into());
    members.insert("x".into(), x.into());
    // Three strings: canonicalisation cannot fail.
    let bytes = to_canonical_vec(&Value::Object(members)).unwrap_or_default();
    sha256_base64url(&bytes)
}

fn decode_32(text: &str) -> Option<[u8; 32]> {
    if !is_base64url_of_len(text, 32) {
        return None;
    }
    b64_decode(text)?.try_into().ok()
}

/// An Ed25519 private key as a JWK: the public members plus `d`, the seed.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PrivateJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub d: String,
}

impl fmt::Debug for PrivateJwk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateJwk")
            .field("x", &self.x)
            .finish_non_exhaustive()
    }
}

/// The device's signing key.
#[derive(Clone)]
pub struct SigningKey(ed25519_dalek::SigningKey);

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey({})", self.fingerprint())
    }
}

impl SigningKey {
    /// The key whose RFC 8032 secret (the JWK's `d`) is `seed`: 32 random
    /// bytes from the caller.
    pub fn from_seed(seed: [u8; 32]) -> SigningKey {
        SigningKey(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.0.verifying_key()
    }

    pub fn public_jwk(&self) -> PublicJwk {
        PublicJwk::new(&self.verifying_key())
    }

    pub fn private_jwk(&self) -> PrivateJwk {
        let public = self.public_jwk();
        PrivateJwk {
            kty: public.kty,
            crv: public.crv,
            x: public.x,
            d: b64(self.0.as_bytes()),
        }
    }

    pub fn from_private_jwk(jwk: &PrivateJwk) -> Result<SigningKey, KeyError> {
        if jwk.kty != "OKP" || jwk.crv != "Ed25519" {
            return Err(KeyError::NotOkpEd25519);
        }
        let key = SigningKey::from_seed(decode_32(&jwk.d).ok_or(KeyError::BadD)?);
        if key.public_jwk().x != jwk.x {
            return Err(KeyError::Mismatch);
        }
        Ok(key)
    }

    /// Read a private JWK from its JSON text (a key file).
    pub fn from_private_jwk_json(text: &str) -> Result<SigningKey, KeyError> {
        let jwk: PrivateJwk =
            serde_json::from_str(text).map_err(|e| KeyError::NotJson(e.to_string()))?;
        SigningKey::from_private_jwk(&jwk)
    }

    /// The private JWK as JSON text, in canonical form (a key file).
    pub fn private_jwk_json(&self) -> String {
        let bytes = to_canonical_vec(&self.private_jwk()).unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The public key as a records team registers it (see
    /// [`PublicJwk::for_team`]).
    pub fn public_jwk_for_team(&self) -> String {
        self.public_jwk().for_team()
    }

    /// The key's fingerprint: its RFC 7638 thumbprint, which is also the `kid`.
    pub fn fingerprint(&self) -> String {
        self.public_jwk().thumbprint()
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Signature {
        use ed25519_dalek::Signer;
        self.0.sign(message)
    }
}

/// A fingerprint split into groups of four, for reading aloud over the phone.
pub fn grouped(fingerprint: &str) -> String {
    fingerprint
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- The key on the device --------------------------------------------------

/// The version of the stored-key envelope this build writes. The drafts work
/// will add version 2 (the JWK encrypted under the device PIN) and migrate
/// version 1 envelopes, so version 1 is pinned by a test.
pub const STORED_KEY_VERSION: u64 = 1;

/// What the app keeps: `{"kind":"signing-key","version":1,"jwk":{…private JWK…}}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredKey {
    version: u64,
    kind: String,
    jwk: PrivateJwk,
}

/// The stored form of a key (see [`STORED_KEY_VERSION`]).
pub fn encode_stored_key(key: &SigningKey) -> String {
    let stored = StoredKey {
        version: STORED_KEY_VERSION,
        kind: "signing-key".into(),
        jwk: key.private_jwk(),
    };
    String::from_utf8(to_canonical_vec(&stored).unwrap_or_default()).unwrap_or_default()
}

/// Read a stored key, from any version this build knows.
pub fn decode_stored_key(text: &str) -> Result<SigningKey, KeyError> {
    let value: Value = serde_json::from_str(text).map_err(|e| KeyError::NotJson(e.to_string()))?;
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > STORED_KEY_VERSION {
        return Err(KeyError::FromNewerVersion(version));
    }
    let stored: StoredKey =
        serde_json::from_value(value).map_err(|e| KeyError::NotJson(e.to_string()))?;
    if stored.kind != "signing-key" || stored.version != STORED_KEY_VERSION {
        return Err(KeyError::NotJson(tr!("not a stored signing key")));
    }
    SigningKey::from_private_jwk(&stored.jwk)
}

/// Where the device keeps its signing key (localStorage in the app, a map in
/// tests). It stores text; what the text is belongs to this module.
pub trait KeyStore {
    type Error;
    fn load(&self) -> Result<Option<String>, Self::Error>;
    fn save(&mut self, stored: &str) -> Result<(), Self::Error>;
}

/// Why the device key could not be had.
#[derive(Debug, PartialEq, Eq)]
pub enum DeviceKeyError<E> {
    /// The store failed.
    Store(E),
    /// Something is stored but it is not a key this build can read: it is
    /// left untouched, never replaced.
    Unreadable(KeyError),
}

/// The device's key: the stored one, or on first use a new one made from
/// `fresh_seed` (called only then) and stored.
pub fn device_key<S: KeyStore>(
    store: &mut S,
    fresh_seed: impl FnOnce() -> [u8; 32],
) -> Result<SigningKey, DeviceKeyError<S::Error>> {
    match store.load().map_err(DeviceKeyError::Store)? {
        Some(text) => decode_stored_key(&text).map_err(DeviceKeyError::Unreadable),
        None => {
            let key = SigningKey::from_seed(fresh_seed());
            store
                .save(&encode_stored_key(&key))
                .map_err(DeviceKeyError::Store)?;
            Ok(key)
        }
    }
}

// ---- The public key beside it ---------------------------------------------------

/// What keeps the device's private key from page code and from someone
/// holding the device, as the plain copy of its public key records it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum KeyGuard {
    /// The browser keeps it (WebCrypto), wrapped under a key of the
    /// browser's own that no page can read: page code cannot copy it, but
    /// anyone using the unlocked device can have it sign.
    Browser,
    /// The browser keeps it, wrapped under a key derived from the device
    /// PIN: it signs only while the device is unlocked.
    BrowserPin,
    /// This browser has no WebCrypto Ed25519: the key is kept as text in
    /// the app's storage (sealed with the device PIN when one is set).
    Storage,
}

/// The version of [`encode_public_copy`]'s envelope.
pub const PUBLIC_COPY_VERSION: u64 = 1;

/// `{"guard":…,"jwk":{…public JWK…},"kind":"signing-key-public","version":1}`:
/// a plain copy of the device key's public part, for screens that cannot
/// wait for the browser's key store. Never a secret.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicCopy {
    version: u64,
    kind: String,
    jwk: PublicJwk,
    guard: KeyGuard,
}

/// The stored form of the public copy.
pub fn encode_public_copy(jwk: &PublicJwk, guard: KeyGuard) -> String {
    let copy = PublicCopy {
        version: PUBLIC_COPY_VERSION,
        kind: "signing-key-public".into(),
        jwk: jwk.clone(),
        guard,
    };
    String::from_utf8(to_canonical_vec(&copy).unwrap_or_default()).unwrap_or_default()
}

/// Read the public copy: the key (checked to be an Ed25519 public key)
/// and what guards its private part. A JWK with a private member is refused.
pub fn decode_public_copy(text: &str) -> Result<(PublicJwk, KeyGuard), KeyError> {
    let value: Value = serde_json::from_str(text).map_err(|e| KeyError::NotJson(e.to_string()))?;
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > PUBLIC_COPY_VERSION {
        return Err(KeyError::FromNewerVersion(version));
    }
    let copy: PublicCopy =
        serde_json::from_value(value).map_err(|e| KeyError::NotJson(e.to_string()))?;
    if copy.kind != "signing-key-public" || copy.version != PUBLIC_COPY_VERSION {
        return Err(KeyError::NotJson(tr!("not a public key copy")));
    }
    copy.jwk.verifying_key()?;
    Ok((copy.jwk, copy.guard))
}
