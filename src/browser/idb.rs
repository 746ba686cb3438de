//! IndexedDB, the little the app asks of it: one database
//! (`review-together`, or its deployment's namespace) with one object store (`keys`), values read, written
//! and deleted by a string key, and the whole database deleted. IndexedDB
//! rather than local storage because it keeps a `CryptoKey` as it is
//! (structured clone), so a key the browser will not let out stays that way.
//!
//! Each call opens the database and closes it when done: no connection stays
//! open to hold up "Remove all data" (`deleteDatabase` waits for every open
//! connection) or a later version's upgrade in another tab.

use js_sys::{Function, Promise};
use review_core::tr;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbRequest, IdbTransaction, IdbTransactionMode};

/// This deployment's database: named by its storage namespace
/// (`review-together` at the root of an origin; see
/// `review_core::draft::namespace_for`).
pub fn database() -> &'static str {
    review_core::draft::namespace()
}
/// Its one object store: keys and what belongs to them.
pub const STORE: &str = "keys";
const VERSION: u32 = 1;

/// Why IndexedDB did not do what was asked, in words.
fn words(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{} ({})", d.name(), d.message()))
        .unwrap_or_else(|| tr!("the browser's database failed"))
}

fn factory() -> Result<IdbFactory, String> {
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| tr!("this browser does not let the app keep a database (IndexedDB)"))
}

/// A promise settled by the events an IndexedDB object fires: `ok` resolves
/// it, each of `bad` rejects it. The browser's own functions are the
/// handlers, so nothing of ours has to outlive the wait.
async fn settled(set: impl FnOnce(&Function, &Function)) -> Result<(), JsValue> {
    let mut set = Some(set);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(set) = set.take() {
            set(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// The result of a request, once it has succeeded.
async fn result_of(request: &IdbRequest) -> Result<JsValue, String> {
    let waited = settled(|ok, bad| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(bad));
    })
    .await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    if waited.is_err() {
        let why = request.error().ok().flatten().map(JsValue::from);
        return Err(why.map_or_else(|| tr!("the browser's database failed"), |e| words(&e)));
    }
    request.result().map_err(|e| words(&e))
}

/// The database, made (with its store) the first time.
async fn open() -> Result<IdbDatabase, String> {
    let request = factory()?
        .open_with_u32(database(), VERSION)
        .map_err(|e| words(&e))?;
    let upgrading = request.clone();
    let upgrade = Closure::<dyn FnMut()>::new(move || {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = result_of(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    opened?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| tr!("the browser's database did not open"))
}

/// Wait for a transaction to be written (or to fail).
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let waited = settled(|ok, bad| {
        tx.set_oncomplete(Some(ok));
        tx.set_onerror(Some(bad));
        tx.set_onabort(Some(bad));
    })
    .await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    waited.map_err(|_| {
        tx.error()
            .map(|e| words(&e.into()))
            .unwrap_or_else(|| tr!("the browser did not write it"))
    })
}

/// What is kept under `key`, if anything.
pub async fn get(key: &str) -> Result<Option<JsValue>, String> {
    let db = open().await?;
    let read = async {
        let tx = db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
            .map_err(|e| words(&e))?;
        let request = tx
            .object_store(STORE)
            .and_then(|s| s.get(&JsValue::from_str(key)))
            .map_err(|e| words(&e))?;
        result_of(&request).await
    }
    .await;
    db.close();
    let value = read?;
    Ok((!value.is_undefined()).then_some(value))
}

/// Write `changes` in one transaction: each key is given its value, or
/// deleted when the value is `None`. Either all are written or none.
pub async fn write(changes: &[(&str, Option<&JsValue>)]) -> Result<(), String> {
    let db = open().await?;
    let written = async {
        let tx = db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(|e| words(&e))?;
        let store = tx.object_store(STORE).map_err(|e| words(&e))?;
        for (key, value) in changes {
            let key = JsValue::from_str(key);
            let queued = match value {
                Some(value) => store.put_with_key(value, &key),
                None => store.delete(&key),
            };
            if let Err(e) = queued {
                let _ = tx.abort();
                return Err(words(&e));
            }
        }
        committed(&tx).await
    }
    .await;
    db.close();
    written
}

/// Delete the whole database (every key in it). Another tab's open
/// connection holds this up until that tab closes it, which it does as soon
/// as its own call is done.
pub async fn delete_database() -> Result<(), String> {
    let request = factory()?
        .delete_database(database())
        .map_err(|e| words(&e))?;
    result_of(&request).await.map(|_| ())
}
