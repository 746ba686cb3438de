//! The records team's own files: its key list (`keys add|retire|revoke|list`)
//! and its receipt log (`receive`). The list is read and written by
//! review-core's one model, the same the app's checker imports; this module
//! only reads the files, says what changed, and writes them back safely.

use crate::files::{
    append_line, files_to_check, print, read_limited, read_text, replace_atomically, shown,
    time_or_now, Usage,
};
use review_core::summary::{
    self, device_key_from_json, grouped, Receipt, Receipts, TeamKey, TeamKeys, VerifyOptions,
};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How a list that cannot be used is reported, with the way to make one.
fn unusable(path: &Path, why: impl std::fmt::Display) -> Usage {
    Usage(format!(
        "{} is not a usable team key list: {why}. Make or change a list with `review-summary keys add|retire|revoke` (a plain JWK Set has no device names or dates; add each key again with `keys add`).",
        shown(path)
    ))
}

/// Read the team's key list, strictly.
pub fn load(path: &Path) -> Result<TeamKeys, Usage> {
    let text = read_text(path, "the key list")?;
    TeamKeys::from_json(&text).map_err(|e| unusable(path, e))
}

/// The list at `path`, or a new empty one if there is no file yet.
fn load_or_new(path: &Path) -> Result<TeamKeys, Usage> {
    if path.exists() {
        load(path)
    } else {
        Ok(TeamKeys::default())
    }
}

/// Read the receipt log, strictly.
pub fn load_receipts(path: &Path) -> Result<Receipts, Usage> {
    let text = read_text(path, "the receipt log")?;
    Receipts::from_ndjson(&text).map_err(|e| Usage(format!("{}: {e}", shown(path))))
}

/// `keys add`: register a tablet's public key under a name, after checking
/// the fingerprint read out by its owner.
pub fn add(
    keys_path: &Path,
    key_file: &Path,
    name: &str,
    fingerprint: &str,
    at: Option<&str>,
) -> Result<ExitCode, Usage> {
    let now = time_or_now(at)?;
    let mut list = load_or_new(keys_path)?;
    let text = read_text(key_file, "the key file")?;
    let jwk = device_key_from_json(&text).map_err(|e| {
        Usage(format!(
            "{} is not a tablet's public key: {e}",
            shown(key_file)
        ))
    })?;
    let heard: String = fingerprint.chars().filter(|c| !c.is_whitespace()).collect();
    let kid = jwk.thumbprint();
    if heard != kid {
        crate::files::eprint(&format!(
            "review-summary: the fingerprint you were given ({}) is not this key's ({}). Do not add it: ask the worker to read the fingerprint again from the tablet's \"Signing key\" screen, and check you have the right file.",
            grouped(&heard),
            grouped(&kid)
        ));
        return Ok(ExitCode::from(1));
    }
    let added = list
        .add(jwk, name, &now)
        .map_err(|e| Usage(format!("{}: {e}", shown(keys_path))))?
        .clone();
    replace_atomically(keys_path, &list.to_json())?;
    print(&format!(
        "Added {:?} (fingerprint {}) to {}. The list's fingerprint is now {}.",
        added.name,
        grouped(&added.kid),
        shown(keys_path),
        grouped(&list.fingerprint())
    ));
    Ok(ExitCode::SUCCESS)
}

/// Which change `keys retire|revoke` makes.
pub enum Change {
    Retire,
    Revoke,
}

/// `keys retire` (a tablet replaced) or `keys revoke` (lost or stolen).
pub fn change(
    keys_path: &Path,
    kid: &str,
    at: Option<&str>,
    change: Change,
) -> Result<ExitCode, Usage> {
    let at = time_or_now(at)?;
    let now = crate::files::now();
    let mut list = load(keys_path)?;
    let done = match change {
        Change::Retire => list.retire(kid, &at, &now),
        Change::Revoke => list.revoke(kid, &at, &now),
    };
    done.map_err(|e| Usage(format!("{}: {e}", shown(keys_path))))?;
    replace_atomically(keys_path, &list.to_json())?;
    let wanted: String = kid.chars().filter(|c| !c.is_whitespace()).collect();
    let key = list.get(&wanted).map_or("?", |k| k.name.as_str());
    let what = match change {
        Change::Retire => "Retired: summaries it says it signed before then still count; any it says it signed later are flagged",
        Change::Revoke => "Revoked: its summaries count only where the receipt log shows they arrived before then",
    };
    print(&format!(
        "{what}. {key:?} ({}) at {at}. The list's fingerprint is now {}.",
        grouped(&wanted),
        grouped(&list.fingerprint())
    ));
    Ok(ExitCode::SUCCESS)
}

fn status(key: &TeamKey) -> (&'static str, Option<&str>) {
    match (&key.revoked, &key.retired) {
        (Some(at), _) => ("revoked", Some(at.as_str())),
        (None, Some(at)) => ("retired", Some(at.as_str())),
        (None, None) => ("in use", None),
    }
}

/// `keys list`: every key, its name, fingerprint, dates and status.
pub fn list(keys_path: &Path, as_json: bool) -> Result<ExitCode, Usage> {
    let list = load(keys_path)?;
    if as_json {
        let keys: Vec<_> = list
            .keys
            .iter()
            .map(|k| {
                let (status, since) = status(k);
                json!({
                    "name": k.name, "kid": k.kid, "added": k.added,
                    "status": status, "since": since,
                })
            })
            .collect();
        let report = json!({
            "updated": list.updated,
            "fingerprint": list.fingerprint(),
            "keys": keys,
        });
        print(&serde_json::to_string_pretty(&report).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    print(&format!(
        "{}: {}, last changed {}. List fingerprint: {}",
        shown(keys_path),
        crate::files::plural(list.len(), "key"),
        list.updated.as_deref().unwrap_or("(not recorded)"),
        grouped(&list.fingerprint())
    ));
    for k in &list.keys {
        let (status, since) = status(k);
        let since = since.map(|t| format!(" since {t}")).unwrap_or_default();
        print(&format!(
            "{status:<8} {:?}  {}  added {}{since}",
            k.name,
            grouped(&k.kid),
            k.added
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// `receive`: note in the team's receipt log that these files arrived now,
/// by each file's SHA-256. Only intact summaries are noted; a file already
/// in the log keeps its first arrival.
pub fn receive(paths: &[PathBuf], log: &Path, at: Option<&str>) -> Result<ExitCode, Usage> {
    let at = time_or_now(at)?;
    let mut receipts = if log.exists() {
        load_receipts(log)?
    } else {
        Receipts::default()
    };
    let mut refused = 0;
    for path in files_to_check(paths)? {
        let bytes =
            read_limited(&path).map_err(|e| Usage(format!("cannot read {}: {e}", shown(&path))))?;
        let v = summary::verify(&bytes, &VerifyOptions::default());
        if !v.is_intact() {
            refused += 1;
            print(&format!(
                "not noted  {}  it is not an intact summary ({}); check it with `review-summary verify`",
                shown(&path),
                v.errors.first().map_or_else(String::new, |e| e.code.to_string())
            ));
            continue;
        }
        if let Some(first) = receipts.first_arrival(&v.sha256) {
            print(&format!(
                "already    {}  first received at {first}",
                shown(&path)
            ));
            continue;
        }
        let receipt = Receipt {
            sha256: v.sha256.clone(),
            document_id: v.document_id.clone(),
            received_at: at.clone(),
        };
        append_line(log, &Receipts::line(&receipt))?;
        print(&format!(
            "received   {}  document {}, at {at}",
            shown(&path),
            v.document_id.as_deref().unwrap_or("?")
        ));
        receipts.receipts.push(receipt);
    }
    Ok(if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
