//! This device's signing key, kept by the browser (WebCrypto Ed25519), never
//! as bytes the page can read.
//!
//! The key pair is made with `generateKey` (extractable only so that it can
//! be wrapped) and at once wrapped (`wrapKey("pkcs8")`, AES-GCM with a fresh
//! 12-byte iv) under a key-encryption key; only the wrapped bytes are
//! stored, in IndexedDB (`idb`), with the public key. Nothing here calls
//! `exportKey` on the private key. To sign, the wrapped key is unwrapped with
//! `extractable: false` and usage `sign` only, used once, and dropped. The
//! key-encryption key is:
//! - without a PIN, the device's own AES-GCM key, made by the browser with
//!   `extractable: false` and kept in IndexedDB as a `CryptoKey`;
//! - with a PIN, an AES-GCM key imported (not extractable) from
//!   `Vault::signing_key_wrap`, HKDF of the PIN's key: it exists only while
//!   the device is unlocked. Setting or changing the PIN wraps the key again
//!   inside WebCrypto ([`rewrap`]): unwrapped under the old key (extractable
//!   for that moment only, never exported), wrapped under the new, one write.
//!
//! A plain copy of the public part is kept in local storage
//! (`review-together/signing-key-public`, never sealed) for screens that
//! cannot wait for IndexedDB; the record here is the truth.
//!
//! Who could attack, and what each can do:
//! - Someone with a copy of the browser's storage (the profile's files):
//!   without a PIN they find the wrapped key and a device key the browser
//!   keeps in its own form; whether they can use that outside this browser
//!   depends on how the browser protects its profile (the OS account, disk
//!   encryption), not on the app. With a PIN they must guess the PIN against
//!   the PIN record (PBKDF2, 600,000 rounds each try) to unwrap it.
//! - A script running on the app's origin (an injected script, a bad
//!   dependency): it cannot read the private key (no export, no raw bytes in
//!   JavaScript or in wasm), but while it runs it can ask the browser to
//!   sign with the key just as the app does (without a PIN, or while the
//!   device is unlocked) and it can delete the key. The strict CSP is what
//!   keeps such scripts out.
//! - Someone holding the unlocked tablet: they can use the app, so they can
//!   have a summary signed with the device's key. A PIN and the automatic
//!   lock are what stop them; the key cannot be copied off the device.
//!
//! Each call that writes is one Web Lock (`review-together/signing-key`), so
//! two tabs never make two keys or wrap one twice at once.

use super::{clock, idb, locks};
use js_sys::{Array, Object, Reflect, Uint8Array};
use review_core::draft::signing_key_public_key;
use review_core::summary::{
    decode_public_copy, encode_public_copy, KeyError, KeyGuard, PrivateJwk, PublicJwk,
};
use review_core::tr;
use review_core::vault::Vault;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Where the wrapped signing key is kept, in the `keys` store.
pub const RECORD: &str = "signing-key";
/// Where the device's own key-encryption key is kept.
pub const DEVICE_KEK: &str = "device-kek";
/// Where a record that could not be used is kept, with an id after it.
const KEPT_ASIDE: &str = "kept-aside/signing-key/";
const RECORD_VERSION: u32 = 1;

/// The lock every change to the key holds (this deployment's).
fn lock() -> String {
    format!("{}/signing-key", review_core::draft::namespace())
}

/// What the signing key is to be wrapped under.
#[derive(Clone, Debug)]
pub enum Wrap {
    /// The device's own key (no PIN).
    Device,
    /// The key from the PIN whose record has `salt`.
    Pin { vault: Box<Vault>, salt: String },
}

/// A PIN key this tab holds, with the salt of the PIN record it belongs to:
/// what may open a key wrapped under that PIN.
pub type Opener = (String, Vault);

/// Why the key could not be used or kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The key is stored, but cannot be read or opened here (it is left as
    /// it is, and may be put aside for a new key).
    Unusable(String),
    /// The browser failed: its database or its WebCrypto.
    Failed(String),
}

impl std::fmt::Display for Trouble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trouble::Unusable(why) | Trouble::Failed(why) => f.write_str(why),
        }
    }
}

/// What making (or moving in) a key came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Made {
    /// The browser keeps the key (this one, or one it already had).
    Kept(PublicJwk),
    /// This browser has no WebCrypto Ed25519: nothing was made.
    Unsupported,
}

/// What a stored record says the key is wrapped under.
#[derive(Clone, Debug, PartialEq, Eq)]
enum WrappedWith {
    Device,
    Pin(String),
}

/// The stored record, read.
struct Record {
    public: PublicJwk,
    public_raw: Vec<u8>,
    wrapped: Uint8Array,
    iv: Vec<u8>,
    with: WrappedWith,
}

fn failed(what: String) -> impl Fn(JsValue) -> Trouble {
    move |e| {
        let why = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| format!(" ({})", d.name()))
            .unwrap_or_default();
        Trouble::Failed(tr!(
            "the browser could not {what}{why}",
            what = &what,
            why = why
        ))
    }
}

fn is_not_supported(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "NotSupportedError")
}

fn subtle() -> Result<SubtleCrypto, Trouble> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| Trouble::Failed(tr!("this browser has no Web Crypto")))
}

/// Wait for a WebCrypto promise.
async fn done(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|u| JsValue::from_str(u)).collect()
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `{name: "AES-GCM", iv}`.
fn aes_gcm(iv: &[u8]) -> Object {
    let params = Object::new();
    set(&params, "name", &"AES-GCM".into());
    set(&params, "iv", &Uint8Array::from(iv));
    params
}

fn random_iv() -> [u8; 12] {
    let mut iv = [0u8; 12];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut iv).ok())
        .expect("this browser offers crypto.getRandomValues");
    iv
}

fn bytes_of(value: &JsValue) -> Option<Vec<u8>> {
    (value.is_instance_of::<Uint8Array>() || value.is_instance_of::<js_sys::ArrayBuffer>())
        .then(|| Uint8Array::new(value).to_vec())
}

fn unusable(why: &str) -> Trouble {
    Trouble::Unusable(tr!("the key kept by this browser {why}", why = why))
}

/// Read the stored record, if there is one.
async fn read() -> Result<Option<Record>, Trouble> {
    let Some(value) = idb::get(RECORD).await.map_err(Trouble::Failed)? else {
        return Ok(None);
    };
    let version = get(&value, "version").as_f64().unwrap_or(0.0);
    if version != f64::from(RECORD_VERSION) {
        return Err(unusable(&tr!(
            "is in a form this version of the app does not know (version {version})",
            version = version
        )));
    }
    let public_raw =
        bytes_of(&get(&value, "publicKey")).ok_or_else(|| unusable("has no public key"))?;
    let public =
        PublicJwk::from_raw(&public_raw).map_err(|_| unusable("has a damaged public key"))?;
    let wrapped = bytes_of(&get(&value, "wrapped")).ok_or_else(|| unusable("is damaged"))?;
    let iv = bytes_of(&get(&value, "iv"))
        .filter(|iv| iv.len() == 12)
        .ok_or_else(|| unusable("is damaged"))?;
    let with = match get(&value, "wrappedWith").as_string().as_deref() {
        Some("device") => WrappedWith::Device,
        Some("pin") => WrappedWith::Pin(
            get(&value, "pinSalt")
                .as_string()
                .ok_or_else(|| unusable("is damaged"))?,
        ),
        _ => return Err(unusable("is damaged")),
    };
    Ok(Some(Record {
        public,
        public_raw,
        wrapped: Uint8Array::from(wrapped.as_slice()),
        iv,
        with,
    }))
}

/// The record to store: the public key, the wrapped private key, its iv
/// and what it is wrapped under. No secret in it is readable.
fn record_value(public_raw: &[u8], wrapped: &JsValue, iv: &[u8], to: &Wrap) -> Object {
    let record = Object::new();
    set(&record, "version", &RECORD_VERSION.into());
    set(&record, "publicKey", &Uint8Array::from(public_raw));
    set(&record, "wrapped", &Uint8Array::new(wrapped));
    set(&record, "iv", &Uint8Array::from(iv));
    match to {
        Wrap::Device => set(&record, "wrappedWith", &"device".into()),
        Wrap::Pin { salt, .. } => {
            set(&record, "wrappedWith", &"pin".into());
            set(&record, "pinSalt", &salt.into());
        }
    }
    record
}

/// The device's own key-encryption key; made (not extractable) when `make`
/// and there is none.
async fn device_kek(make: bool) -> Result<Option<CryptoKey>, Trouble> {
    if let Some(key) = idb::get(DEVICE_KEK).await.map_err(Trouble::Failed)? {
        return key
            .dyn_into::<CryptoKey>()
            .map(Some)
            .map_err(|_| unusable("is locked with a device key that is damaged"));
    }
    if !make {
        return Ok(None);
    }
    let params = Object::new();
    set(&params, "name", &"AES-GCM".into());
    set(&params, "length", &256.into());
    let key: CryptoKey = done(subtle()?.generate_key_with_object(
        &params,
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    ))
    .await
    .map_err(failed(tr!("make the device's key")))?
    .unchecked_into();
    idb::write(&[(DEVICE_KEK, Some(&key))])
        .await
        .map_err(Trouble::Failed)?;
    Ok(Some(key))
}

/// The key-encryption key of a PIN (not extractable): HKDF of its key.
async fn pin_kek(vault: &Vault) -> Result<CryptoKey, Trouble> {
    let bytes = Uint8Array::from(vault.signing_key_wrap().as_slice());
    let key = done(subtle()?.import_key_with_str(
        "raw",
        &bytes,
        "AES-GCM",
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    ))
    .await
    .map_err(failed(tr!("work out the PIN's key")))?;
    bytes.fill(0, 0, bytes.length());
    Ok(key.unchecked_into())
}

async fn kek_for(to: &Wrap) -> Result<CryptoKey, Trouble> {
    match to {
        Wrap::Device => device_kek(true)
            .await?
            .ok_or_else(|| Trouble::Failed(tr!("the device's key could not be made"))),
        Wrap::Pin { vault, .. } => pin_kek(vault).await,
    }
}

/// The key-encryption key that opens `record`, from the device or one of
/// the PIN keys this tab holds.
async fn kek_of(record: &Record, openers: &[Opener]) -> Result<CryptoKey, Trouble> {
    match &record.with {
        WrappedWith::Device => device_kek(false)
            .await?
            .ok_or_else(|| unusable("is locked with a device key that is missing")),
        WrappedWith::Pin(salt) => match openers.iter().find(|(s, _)| s == salt) {
            Some((_, vault)) => pin_kek(vault).await,
            None => Err(unusable(
                "is locked with a device PIN this device no longer has",
            )),
        },
    }
}

/// The private key of `record`, unwrapped under `kek`: for signing
/// (`extractable` false) or, for the moment of wrapping it again, true.
async fn unwrap(record: &Record, kek: &CryptoKey, extractable: bool) -> Result<CryptoKey, Trouble> {
    let key = done(subtle()?.unwrap_key_with_buffer_source_and_object_and_str(
        "pkcs8",
        &record.wrapped,
        kek,
        &aes_gcm(&record.iv),
        "Ed25519",
        extractable,
        &usages(&["sign"]),
    ))
    .await
    .map_err(|_| unusable("cannot be opened: it is damaged, or was locked with another key"))?;
    Ok(key.unchecked_into())
}

/// Wrap `private` under `to` and store it with its public key, in one write.
async fn keep(private: &CryptoKey, public_raw: &[u8], to: &Wrap) -> Result<(), Trouble> {
    let kek = kek_for(to).await?;
    let iv = random_iv();
    let wrapped = done(subtle()?.wrap_key_with_object("pkcs8", private, &kek, &aes_gcm(&iv)))
        .await
        .map_err(failed(tr!("lock the signing key")))?;
    let record = record_value(public_raw, &wrapped, &iv, to);
    idb::write(&[(RECORD, Some(&record))])
        .await
        .map_err(Trouble::Failed)
}

fn guard_of(to: &Wrap) -> KeyGuard {
    match to {
        Wrap::Device => KeyGuard::Browser,
        Wrap::Pin { .. } => KeyGuard::BrowserPin,
    }
}

fn same_wrap(with: &WrappedWith, to: &Wrap) -> bool {
    match (with, to) {
        (WrappedWith::Device, Wrap::Device) => true,
        (WrappedWith::Pin(salt), Wrap::Pin { salt: to, .. }) => salt == to,
        _ => false,
    }
}

/// Whether the browser's key, if it keeps one, is wrapped under `to` with
/// the plain copy of its public part matching, and there is no plain copy
/// when it keeps none: then `rewrap` would change nothing. Reads only.
pub async fn settled(to: &Wrap) -> Result<bool, Trouble> {
    let copy = local().and_then(|s| s.get_item(&signing_key_public_key()).ok().flatten());
    Ok(match read().await? {
        None => copy.is_none(),
        Some(record) => {
            same_wrap(&record.with, to)
                && copy == Some(encode_public_copy(&record.public, guard_of(to)))
        }
    })
}

/// The key's public part and what guards it, as the record says (`None`
/// when the browser keeps no key).
pub async fn public() -> Result<Option<(PublicJwk, KeyGuard)>, Trouble> {
    Ok(read().await?.map(|r| {
        let guard = match r.with {
            WrappedWith::Device => KeyGuard::Browser,
            WrappedWith::Pin(_) => KeyGuard::BrowserPin,
        };
        (r.public, guard)
    }))
}

/// Make the key, wrapped under `to`, unless the browser keeps one already
/// (then that one is the answer).
pub async fn make(to: Wrap) -> Result<Made, Trouble> {
    locks::exclusively(&lock(), async move {
        if let Some(record) = read().await? {
            return Ok(Made::Kept(record.public));
        }
        let pair = match done(subtle()?.generate_key_with_str(
            "Ed25519",
            true,
            &usages(&["sign", "verify"]),
        ))
        .await
        {
            Ok(pair) => pair,
            Err(e) if is_not_supported(&e) => return Ok(Made::Unsupported),
            Err(e) => return Err(failed(tr!("make a signing key"))(e)),
        };
        let private: CryptoKey = get(&pair, "privateKey").unchecked_into();
        let public: CryptoKey = get(&pair, "publicKey").unchecked_into();
        let raw = done(subtle()?.export_key("raw", &public))
            .await
            .map_err(failed(tr!("read the new key's public part")))?;
        let public_raw = Uint8Array::new(&raw).to_vec();
        let jwk = PublicJwk::from_raw(&public_raw)
            .map_err(|_| Trouble::Failed(tr!("the browser made a key that is not Ed25519")))?;
        keep(&private, &public_raw, &to).await?;
        keep_public_copy(&jwk, guard_of(&to));
        Ok(Made::Kept(jwk))
    })
    .await
}

/// Move a key kept as text by an earlier version into the browser, wrapped
/// under `to`, unless the browser keeps a key already (then that one is
/// the answer, and nothing is imported).
pub async fn import(private: PrivateJwk, to: Wrap) -> Result<Made, Trouble> {
    locks::exclusively(&lock(), async move {
        if let Some(record) = read().await? {
            return Ok(Made::Kept(record.public));
        }
        let jwk = Object::new();
        for (name, value) in [
            ("kty", &private.kty),
            ("crv", &private.crv),
            ("x", &private.x),
            ("d", &private.d),
        ] {
            set(&jwk, name, &value.into());
        }
        let key = match done(subtle()?.import_key_with_str(
            "jwk",
            &jwk,
            "Ed25519",
            true,
            &usages(&["sign"]),
        ))
        .await
        {
            Ok(key) => key.unchecked_into::<CryptoKey>(),
            Err(e) if is_not_supported(&e) => return Ok(Made::Unsupported),
            Err(e) => return Err(failed(tr!("take in the signing key"))(e)),
        };
        set(&jwk, "d", &JsValue::UNDEFINED);
        let public = PublicJwk {
            kty: private.kty.clone(),
            crv: private.crv.clone(),
            x: private.x.clone(),
        };
        let public_raw = public
            .verifying_key()
            .map_err(|e| Trouble::Unusable(e.to_string()))?
            .to_bytes();
        keep(&key, &public_raw, &to).await?;
        keep_public_copy(&public, guard_of(&to));
        Ok(Made::Kept(public))
    })
    .await
}

/// Bring the key to be wrapped under `to` (a PIN set or changed), opening
/// it with the device's key or one of `openers`: unwrapped and wrapped again
/// inside WebCrypto, one write. The public copy is brought up to date.
/// `None` when the browser keeps no key.
pub async fn rewrap(to: Wrap, openers: Vec<Opener>) -> Result<Option<PublicJwk>, Trouble> {
    locks::exclusively(&lock(), async move {
        let Some(record) = read().await? else {
            return Ok(None);
        };
        if !same_wrap(&record.with, &to) {
            let mut openers = openers;
            if let Wrap::Pin { vault, salt } = &to {
                openers.push((salt.clone(), (**vault).clone()));
            }
            let kek = kek_of(&record, &openers).await?;
            let private = unwrap(&record, &kek, true).await?;
            keep(&private, &record.public_raw, &to).await?;
        }
        keep_public_copy(&record.public, guard_of(&to));
        Ok(Some(record.public))
    })
    .await
}

/// Sign `input` with the key, unwrapped for this once with `extractable:
/// false`: the 64-byte Ed25519 signature.
pub async fn sign(input: Vec<u8>, openers: Vec<Opener>) -> Result<[u8; 64], Trouble> {
    locks::exclusively(&lock(), async move {
        let record = read()
            .await?
            .ok_or_else(|| Trouble::Failed(tr!("this browser keeps no signing key")))?;
        let kek = kek_of(&record, &openers).await?;
        let key = unwrap(&record, &kek, false).await?;
        let signature = done(subtle()?.sign_with_str_and_u8_array("Ed25519", &key, &input))
            .await
            .map_err(failed(tr!("sign with the key")))?;
        Uint8Array::new(&signature)
            .to_vec()
            .try_into()
            .map_err(|_| Trouble::Failed(tr!("the signature was the wrong size")))
    })
    .await
}

/// Put a record that cannot be used aside (kept, never deleted: it holds
/// no readable secret), with the device's own key when that is damaged, so
/// a new key can be made.
pub async fn put_aside() -> Result<(), Trouble> {
    locks::exclusively(&lock(), async move {
        let id = clock::new_id();
        let (record_aside, device_aside) = (
            format!("{KEPT_ASIDE}{id}"),
            format!("{KEPT_ASIDE}{id}/device-kek"),
        );
        let record = idb::get(RECORD).await.map_err(Trouble::Failed)?;
        let device = idb::get(DEVICE_KEK)
            .await
            .map_err(Trouble::Failed)?
            .filter(|k| !k.is_instance_of::<CryptoKey>());
        let mut changes = Vec::new();
        if let Some(value) = &record {
            changes.extend([(record_aside.as_str(), Some(value)), (RECORD, None)]);
        }
        if let Some(value) = &device {
            changes.extend([(device_aside.as_str(), Some(value)), (DEVICE_KEK, None)]);
        }
        idb::write(&changes).await.map_err(Trouble::Failed)
    })
    .await
}

/// Remove every key the browser keeps for the app (the whole database).
pub async fn forget() -> Result<(), String> {
    idb::delete_database().await
}

// ---- The plain copy of the public part -----------------------------------------

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The plain copy of the key's public part, if there is one.
pub fn public_copy() -> Option<Result<(PublicJwk, KeyGuard), KeyError>> {
    let text = local()?
        .get_item(&signing_key_public_key())
        .ok()
        .flatten()?;
    Some(decode_public_copy(&text))
}

/// Keep the plain copy (best effort: a full storage leaves the old one,
/// and the next start writes it again).
pub fn keep_public_copy(jwk: &PublicJwk, guard: KeyGuard) {
    let text = encode_public_copy(jwk, guard);
    if let Some(storage) = local() {
        if storage.get_item(&signing_key_public_key()).ok().flatten() != Some(text.clone()) {
            let _ = storage.set_item(&signing_key_public_key(), &text);
        }
    }
}

/// Remove the plain copy (the browser keeps no key).
pub fn drop_public_copy() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(&signing_key_public_key());
    }
}
