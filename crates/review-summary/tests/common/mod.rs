//! What the CLI's tests share: writing a file into a test's folder, and the
//! team's key list that trusts the keys a test signs with.
#![allow(dead_code)] // each test file uses what it needs

use review_core::summary::{SigningKey, TeamKeys};
use std::path::{Path, PathBuf};

/// Write `bytes` as `name` in `dir`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A team key list holding `keys` (each with its device's name), added on
/// 1 November 2026, written as `name` in `dir`.
pub fn team_list(dir: &Path, name: &str, keys: &[(&SigningKey, &str)]) -> PathBuf {
    let mut list = TeamKeys::default();
    for (key, device) in keys {
        list.add(key.public_jwk(), device, "2026-11-01T09:00:00+00:00")
            .unwrap();
    }
    write(dir, name, list.to_json().as_bytes())
}
