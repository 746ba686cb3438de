//! The browser's edge: everything the app asks of the browser and nothing
//! else — local storage (`storage`), the device PIN's key and sealing
//! (`pin`), the recovery code that locks what leaves the device
//! (`recovery`), the worker's reflection kept after sign-off (`reflection_store`), the signing key the browser keeps (`device_key`) in
//! IndexedDB (`idb`), the clock and fresh ids (`clock`), saving a file (`download`),
//! reading a chosen file (`upload`), one tab at a time (`locks`), a new
//! build waiting to take over (`update`), the folder the app is published
//! in (`deployment`), the words of the language chosen (`language`).
//! Nothing here knows the app's state or draws a screen; `saving`,
//! `signing` and `state` build on it, never the reverse.

pub mod clock;
pub mod deployment;
pub mod device_key;
pub mod download;
pub mod idb;
pub mod language;
pub mod locks;
pub mod pin;
pub mod recovery;
pub mod reflection_store;
pub mod share;
pub mod storage;
pub mod update;
pub mod upload;
