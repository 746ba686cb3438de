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
    self, grouped, ErrorCode, Receipts, Signer, TeamKeys, Verdict, Verification, VerifyError,
    VerifyOptions,
};
use review_core::text::escape_controls;
use serde::Serialize;
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
    let checked = check_all(paths, &trust.options())?;
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
        .filter(|(_, r)| r.is_intact() && r.summary.as_ref().is_some_and(|s| s.copy_for.is_none()))
        .filter_map(|(_, r)| r.document_id.clone())
        .collect();
    for (path, v) in checked {
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
            print(&lines(&path, &v, &records));
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

/// Every file named (directories' `*.json` files), read and verified on
/// every core, in the order named whatever the scheduling; then the copies
/// and addenda checked against the records copies among them.
pub fn check_all(
    paths: &[PathBuf],
    options: &VerifyOptions,
) -> Result<Vec<(PathBuf, Verification)>, Usage> {
    let files = crate::files::files_to_check(paths)?;
    let mut checked: Vec<(PathBuf, Verification)> = files
        .into_par_iter()
        .map(|path| {
            let v = match read_limited(&path) {
                Ok(bytes) => summary::verify(&bytes, options),
                Err(e) => Verification {
                    errors: vec![VerifyError::new(
                        ErrorCode::Unreadable,
                        format!("The file cannot be read: {e}."),
                    )],
                    ..Default::default()
                },
            };
            (path, v)
        })
        .collect();
    against_records(&mut checked);
    Ok(checked)
}

/// A recipient's copy, or an addendum, checked with the records copy it
/// names, when that is among the files: a copy must be the one the records
/// copy names, holding exactly what its recipient may see; an addendum must
/// name that file's bytes and be signed by the same key; or it is invalid.
fn against_records(checked: &mut [(PathBuf, Verification)]) {
    for i in 0..checked.len() {
        if let Some(to) = checked[i]
            .1
            .addendum
            .as_ref()
            .map(|a| a.addendum_to.id.to_string())
        {
            let records = checked.iter().find(|(_, r)| {
                r.summary.is_some() && r.document_id.as_deref() == Some(to.as_str())
            });
            if let Some(error) =
                records.and_then(|(_, r)| summary::addendum_against_records(&checked[i].1, r))
            {
                checked[i].1.errors.push(error);
                checked[i].1.addendum = None;
            }
            continue;
        }
        let Some(of) = checked[i]
            .1
            .summary
            .as_ref()
            .and_then(|s| s.copy_for.clone())
        else {
            continue;
        };
        let records = checked.iter().find(|(_, r)| {
            r.summary.as_ref().is_some_and(|s| s.copy_for.is_none())
                && r.document_id.as_deref() == Some(of.records_copy.as_str())
        });
        if let Some(error) =
            records.and_then(|(_, r)| summary::copy_against_records(r, &checked[i].1))
        {
            checked[i].1.errors.push(error);
        }
    }
}

/// What a recipient's copy is, for its line: whose, of which records copy,
/// and how many items it leaves out.
fn copy_note(v: &Verification) -> Option<String> {
    let of = v.summary.as_ref()?.copy_for.as_ref()?;
    Some(format!(
        "{} (made from summary {}): leaves out {}. Import the summary, not this copy.",
        of.recipient.whose(),
        of.records_copy,
        plural(of.kept_back as usize, "item")
    ))
}

/// What an addendum is, for its line: the worker's reflection on which
/// summary, and whether it was checked beside it.
fn addendum_note(v: &Verification, records: &[String]) -> Option<String> {
    let to = v.addendum.as_ref()?.addendum_to.id.as_str();
    Some(if records.iter().any(|r| r == to) {
        format!("The worker's reflection, added to summary {to} and checked beside it: for the records only.")
    } else {
        format!("The worker's reflection, added to summary {to}: for the records only. Give that summary's file too, to check that it belongs to it.")
    })
}

/// The lines for one file: its verdict, path and what it is, then each
/// problem on its own line, at most [`summary::MAX_LISTED`] and a count of
/// the rest.
fn lines(path: &Path, v: &Verification, records: &[String]) -> String {
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
            let copy = copy_note(v)
                .or_else(|| addendum_note(v, records))
                .map_or_else(String::new, |c| format!("\n    {}", safe(&c)));
            format!(
                "valid       {path}  document {document}, signed by {name}, key {key}{note}{copy}"
            )
        }
        Verdict::UntrustedSigner => {
            let why = safe(&v.signer_issue().map(|e| e.to_string()).unwrap_or_default());
            let copy = copy_note(v)
                .or_else(|| addendum_note(v, records))
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
fn json_for_terminal(json: &str) -> String {
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
