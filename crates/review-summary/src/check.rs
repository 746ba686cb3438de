//! `verify`: each file's verdict, printed for people or as JSON, and the
//! exit status of the worst verdict. The verdicts, best to worst:
//!
//! | verdict            | exit | meaning                                               |
//! |--------------------|------|-------------------------------------------------------|
//! | valid              | 0    | intact, and signed by a key the team's list trusts    |
//! | untrusted_signer   | 3    | intact, but the signer is unknown, retired, revoked or was not checked (no list) |
//! | unreadable         | 2    | the file could not be read (also bad usage)           |
//! | invalid            | 1    | tampered with or malformed                            |
//!
//! With many files, the worst verdict sets the exit status.

use crate::files::{plural, print, read_limited, shown, thousands, Usage};
use crate::team;
use rayon::prelude::*;
use review_core::summary::{
    self, grouped, CopyFor, ErrorCode, Receipts, Signer, TeamKeys, Verdict, Verification,
    VerifyError, VerifyOptions,
};
use review_core::text::escape_controls;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The exit status of a verdict.
pub fn exit_status(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Valid => 0,
        Verdict::Invalid => 1,
        Verdict::Unreadable => 2,
        Verdict::UntrustedSigner => 3,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport {
    path: String,
    valid: bool,
    verdict: &'static str,
    document_id: Option<String>,
    kid: Option<String>,
    /// Every problem found, the unlisted ones included.
    error_count: usize,
    /// At most [`summary::MAX_LISTED`] of them, and the signer's.
    errors: Vec<VerifyError>,
}

#[derive(Serialize)]
struct Report {
    files: Vec<FileReport>,
    valid: usize,
    invalid: usize,
    verdict: &'static str,
}

/// What `verify` was asked to use.
pub struct Options<'a> {
    pub trusted_keys: Option<&'a Path>,
    pub received: Option<&'a Path>,
    pub allow_unknown_signer: bool,
    pub json: bool,
}

pub fn verify(paths: &[PathBuf], asked: &Options) -> Result<ExitCode, Usage> {
    if asked.allow_unknown_signer && asked.trusted_keys.is_some() {
        return Err(Usage(
            "--allow-unknown-signer is only for checking without a key list; with --trusted-keys the list decides".into(),
        ));
    }
    if asked.received.is_some() && asked.trusted_keys.is_none() {
        return Err(Usage(
            "--received needs --trusted-keys: the receipt log only matters for revoked keys".into(),
        ));
    }
    let trust = Trust::load(asked.trusted_keys, asked.received)?;
    let checked = check_all(paths, &trust.options(), |_, _| None::<()>)?;
    let list = trust.list;
    let mut report = Report {
        files: Vec::new(),
        valid: 0,
        invalid: 0,
        verdict: Verdict::Valid.as_str(),
    };
    let mut worst = Verdict::Valid;
    let mut counted: [usize; 4] = [0; 4];
    // The records copies among the files, which addenda were checked beside.
    let records: Vec<String> = checked
        .iter()
        .filter(|c| c.v.is_intact() && matches!(c.role, Role::Records))
        .filter_map(|c| c.v.document_id.clone())
        .collect();
    for Checked { path, v, role, .. } in checked {
        let verdict = v.verdict();
        // Without a list, an explicit --allow-unknown-signer lets an intact
        // file pass; its verdict still says the signer was not checked.
        let counts_as = match (&v.signer, verdict) {
            (Signer::NotChecked, Verdict::UntrustedSigner) if asked.allow_unknown_signer => {
                Verdict::Valid
            }
            _ => verdict,
        };
        worst = worst.max(counts_as);
        counted[exit_status(verdict) as usize] += 1;
        if !asked.json {
            print(&lines(&path, &v, &role, &records));
        }
        let issues = v.issues();
        report.files.push(FileReport {
            path: escape_controls(&path.display().to_string()).into_owned(),
            valid: v.is_valid(),
            verdict: verdict.as_str(),
            document_id: v.document_id.clone(),
            kid: v.kid.clone(),
            error_count: v.error_count() + usize::from(v.signer_issue().is_some()),
            errors: issues,
        });
        if v.is_valid() {
            report.valid += 1;
        } else {
            report.invalid += 1;
        }
    }
    report.verdict = worst.as_str();
    if asked.json {
        print(&json_for_terminal(
            &serde_json::to_string_pretty(&report).unwrap_or_default(),
        ));
    } else {
        let [valid, invalid, unreadable, untrusted] = counted;
        print(&format!(
            "{} checked: {valid} valid, {untrusted} signer not trusted, {invalid} invalid, {unreadable} unreadable",
            plural(report.files.len(), "file"),
        ));
        if list.is_none() {
            print(if asked.allow_unknown_signer {
                "No key list was given: signers were NOT checked (--allow-unknown-signer). Anyone can make a key and sign a file."
            } else {
                "No key list was given (--trusted-keys), so no signer was checked: a file is only valid from a key your team trusts."
            });
        }
    }
    Ok(ExitCode::from(exit_status(worst)))
}

/// The team's key list and receipt log, loaded and checked for use.
pub struct Trust {
    pub list: Option<TeamKeys>,
    receipts: Option<Receipts>,
}

impl Trust {
    pub fn load(trusted_keys: Option<&Path>, received: Option<&Path>) -> Result<Trust, Usage> {
        let list = trusted_keys.map(team::load).transpose()?;
        if list.as_ref().is_some_and(|l| l.is_empty()) {
            return Err(Usage(format!(
                "{} holds no tablet keys; add one with `review-summary keys add`",
                shown(trusted_keys.unwrap_or(Path::new("?")))
            )));
        }
        let receipts = received.map(team::load_receipts).transpose()?;
        Ok(Trust { list, receipts })
    }

    pub fn options(&self) -> VerifyOptions<'_> {
        VerifyOptions {
            trusted_keys: self.list.as_ref(),
            receipts: self.receipts.as_ref(),
        }
    }
}

/// What a verified file is, as far as the checks between files and the
/// words about it need to know, once the document itself is let go.
#[derive(Clone, Debug)]
pub enum Role {
    /// An intact records copy: the summary records teams import.
    Records,
    /// An intact recipient's copy.
    Copy(CopyFor),
    /// An intact addendum, to the summary with this document id.
    Addendum(String),
    /// Not intact: its errors say what it is not.
    Broken,
}

impl Role {
    fn of(v: &Verification) -> Role {
        match (&v.summary, &v.addendum) {
            (Some(s), _) => s.copy_for.clone().map_or(Role::Records, Role::Copy),
            (_, Some(a)) => Role::Addendum(a.addendum_to.id.to_string()),
            _ => Role::Broken,
        }
    }

    /// The records copy this file must be checked beside, if any.
    fn names(&self) -> Option<&str> {
        match self {
            Role::Copy(of) => Some(of.records_copy.as_str()),
            Role::Addendum(to) => Some(to),
            _ => None,
        }
    }
}

/// One file, checked: its verdict and role, its document let go (a region
/// holds hundreds of thousands), and what the caller kept of it.
pub struct Checked<T> {
    pub path: PathBuf,
    pub v: Verification,
    pub role: Role,
    pub kept: Option<T>,
}

/// A file's verification, and its bytes (none when it cannot be read).
fn read_and_verify(path: &Path, options: &VerifyOptions) -> (Verification, Vec<u8>) {
    match read_limited(path) {
        Ok(bytes) => (summary::verify(&bytes, options), bytes),
        Err(e) => (
            Verification {
                errors: vec![VerifyError::new(
                    ErrorCode::Unreadable,
                    format!("The file cannot be read: {e}."),
                )],
                ..Default::default()
            },
            Vec::new(),
        ),
    }
}

/// Every file named (directories' `*.json` files), read and verified on
/// every core, in the order named whatever the scheduling; `keep` takes
/// what the caller needs of each document (and its file's bytes) before it
/// is let go. Then the copies and addenda are checked against the records
/// copies among them.
pub fn check_all<T: Send>(
    paths: &[PathBuf],
    options: &VerifyOptions,
    keep: impl Fn(&Verification, &[u8]) -> Option<T> + Sync,
) -> Result<Vec<Checked<T>>, Usage> {
    let files = crate::files::files_to_check(paths)?;
    let mut checked: Vec<Checked<T>> = files
        .into_par_iter()
        .map(|path| {
            let (mut v, bytes) = read_and_verify(&path, options);
            let (role, kept) = (Role::of(&v), keep(&v, &bytes));
            v.summary = None;
            v.addendum = None;
            Checked {
                path,
                v,
                role,
                kept,
            }
        })
        .collect();
    against_records(&mut checked, options);
    Ok(checked)
}

/// A recipient's copy, or an addendum, checked with the records copy it
/// names, when that is among the files: a copy must be the one the records
/// copy names, holding exactly what its recipient may see; an addendum must
/// name that file's bytes and be signed by the same key; or it is invalid.
/// Only these files are read again, whole (few, beside a region's records).
fn against_records<T>(checked: &mut [Checked<T>], options: &VerifyOptions) {
    let named: BTreeSet<String> = checked
        .iter()
        .filter_map(|c| c.role.names().map(String::from))
        .collect();
    let involved: Vec<usize> = (0..checked.len())
        .filter(|&i| {
            let c = &checked[i];
            c.role.names().is_some()
                || (matches!(c.role, Role::Records)
                    && c.v
                        .document_id
                        .as_ref()
                        .is_some_and(|id| named.contains(id)))
        })
        .collect();
    // Read whole again; a file changed since is not the file that was checked.
    let again: Vec<(PathBuf, String)> = involved
        .iter()
        .map(|&i| (checked[i].path.clone(), checked[i].v.sha256.clone()))
        .collect();
    let whole: Vec<Verification> = again
        .par_iter()
        .map(|(path, sha256)| {
            let (mut v, _) = read_and_verify(path, options);
            if v.sha256 != *sha256 {
                v.summary = None;
                v.addendum = None;
            }
            v
        })
        .collect();
    // The summary a file names: a records copy for a copy; for an addendum
    // any summary, so that one named beside a copy is found out. Found by
    // id (a region may hold many copies: no search of every file for each).
    let (mut records, mut copies) = (HashMap::new(), HashMap::new());
    for (&i, w) in involved.iter().zip(&whole) {
        let to = match checked[i].role {
            Role::Records => &mut records,
            Role::Copy(_) => &mut copies,
            _ => continue,
        };
        if let Some(id) = w.document_id.as_deref() {
            to.entry(id).or_insert(w);
        }
    }
    let records_of = |id: &str, any: bool| {
        records
            .get(id)
            .or_else(|| copies.get(id).filter(|_| any))
            .copied()
    };
    let mut found: Vec<(usize, VerifyError)> = Vec::new();
    for (&i, w) in involved.iter().zip(&whole) {
        let role = &checked[i].role;
        let named = role.names().unwrap_or("");
        let error = match (role, records_of(named, matches!(role, Role::Addendum(_)))) {
            (_, _) if w.summary.is_none() && w.addendum.is_none() && checked[i].v.is_intact() => {
                Some(VerifyError::new(
                    ErrorCode::Unreadable,
                    "The file changed while it was being checked: check it again.".to_string(),
                ))
            }
            (Role::Copy(_), Some(r)) => summary::copy_against_records(r, w),
            (Role::Addendum(_), Some(r)) => summary::addendum_against_records(w, r),
            _ => None,
        };
        found.extend(error.map(|e| (i, e)));
    }
    for (i, e) in found {
        checked[i].v.errors.push(e);
    }
}

/// What a recipient's copy is, for its line: whose, of which records copy,
/// and how many items it leaves out.
fn copy_note(role: &Role) -> Option<String> {
    let Role::Copy(of) = role else { return None };
    Some(format!(
        "{} (made from summary {}): leaves out {}. Import the summary, not this copy.",
        of.recipient.whose(),
        of.records_copy,
        plural(of.kept_back as usize, "item")
    ))
}

/// What an addendum is, for its line: the worker's reflection on which
/// summary, and whether it was checked beside it.
fn addendum_note(role: &Role, records: &[String]) -> Option<String> {
    let Role::Addendum(to) = role else {
        return None;
    };
    Some(if records.iter().any(|r| r == to) {
        format!("The worker's reflection, added to summary {to} and checked beside it: for the records only.")
    } else {
        format!("The worker's reflection, added to summary {to}: for the records only. Give that summary's file too, to check that it belongs to it.")
    })
}

/// The lines for one file: its verdict, path and what it is, then each
/// problem on its own line, at most [`summary::MAX_LISTED`] and a count of
/// the rest.
fn lines(path: &Path, v: &Verification, role: &Role, records: &[String]) -> String {
    let path = shown(path);
    // Everything below comes from the file: escaped before it is joined
    // into lines, so a line break inside it cannot forge a line of ours.
    let safe = |s: &str| escape_controls(s).into_owned();
    let document = safe(v.document_id.as_deref().unwrap_or("?"));
    let key = safe(&v.kid.as_deref().map_or_else(|| "?".into(), grouped));
    match v.verdict() {
        Verdict::Valid => {
            let name = match &v.signer {
                Signer::Checked { name: Some(n), .. } => format!("\"{}\"", safe(n)),
                _ => "?".into(),
            };
            let note = v
                .signer_note()
                .map(|n| format!(" ({})", safe(&n)))
                .unwrap_or_default();
            let copy = copy_note(role)
                .or_else(|| addendum_note(role, records))
                .map_or_else(String::new, |c| format!("\n    {}", safe(&c)));
            format!(
                "valid       {path}  document {document}, signed by {name}, key {key}{note}{copy}"
            )
        }
        Verdict::UntrustedSigner => {
            let why = safe(&v.signer_issue().map(|e| e.to_string()).unwrap_or_default());
            let copy = copy_note(role)
                .or_else(|| addendum_note(role, records))
                .map_or_else(String::new, |c| format!("\n    {}", safe(&c)));
            format!("UNTRUSTED   {path}  document {document}, key {key}{copy}\n    - {why}")
        }
        verdict => {
            let head = if verdict == Verdict::Unreadable {
                "UNREADABLE"
            } else {
                "INVALID   "
            };
            let mut out = format!("{head}  {path}");
            for e in &v.errors {
                out.push_str(&format!("\n    - {}", safe(&e.to_string())));
            }
            if v.unlisted > 0 {
                out.push_str(&format!("\n    … and {} more", thousands(v.unlisted)));
            }
            out
        }
    }
}

/// serde_json escapes C0 controls in strings but not C1 or bidirectional
/// ones; those only ever stand inside strings, where `\uXXXX` means the same.
pub fn json_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if review_core::text::is_hidden_control(c) && !c.is_ascii() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
