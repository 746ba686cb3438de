//! `export`: the summaries (and the worker's reflections) that verify
//! against the team's key list, as NDJSON or as CSV tables for a records
//! system, and a list of every file left out and why.
//!
//! Who could attack it, and what stops them:
//! - someone holding a file could change it, or sign a file of their own:
//!   only files whose verdict is valid against `--trusted-keys` (required)
//!   are exported; every other file is listed in `rejected` with its
//!   reasons, never exported;
//! - a recipient's copy holds less than its records copy and is not for
//!   import: listed as left out;
//! - a trusted key could sign two different files under one document id:
//!   neither is exported (the records team must say which is right);
//! - text said at the meeting goes into cells exactly as said, a formula
//!   (`=…`) included: the tables are for loading into a database, and
//!   `docs/records-mapping.md` says not to open them in a spreadsheet;
//! - file names inside the output come from the schema, never from a file,
//!   and nothing already in the output directory is overwritten.
//!
//! The output depends only on the files given, never on the order they
//! were found or the cores they were checked on: documents are in
//! document id order, and each list's elements in the document's order.

use crate::check::{self, exit_status, Trust};
use crate::csv_text;
use crate::files::{create_new, plural, print, shown, Usage};
use crate::tables::{Layout, Row};
use rayon::prelude::*;
use review_core::summary::{self, schema, Signer, Verdict, Verification};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document per line: `summaries.ndjson`, `addenda.ndjson`,
    /// `files.ndjson`, `rejected.ndjson`.
    Ndjson,
    /// A table per list, keyed by document id: `summaries.csv`, its child
    /// tables, `addenda.csv`, `files.csv`, `rejected.csv`.
    Csv,
}

/// The tables summaries and addenda are exported into.
pub struct Layouts {
    pub summaries: Layout,
    pub addenda: Layout,
}

impl Layouts {
    pub fn new() -> Result<Layouts, Usage> {
        let layout = |schema: Value, root: &str, prefix: &str| {
            Layout::of(&schema, root, prefix)
                .map_err(|e| Usage(format!("the tables cannot be laid out: {e}")))
        };
        Ok(Layouts {
            summaries: layout(schema::generate().to_value(), "summaries", "")?,
            addenda: layout(
                schema::generate_addendum().to_value(),
                "addenda",
                "addenda_",
            )?,
        })
    }
}

/// One file exported: what it holds and where it came from.
struct Exported {
    document_id: String,
    kind: &'static str,
    path: PathBuf,
    v: Verification,
}

/// One file left out, and why (one reason per row of `rejected`).
struct Rejected {
    path: PathBuf,
    v: Verification,
    verdict: &'static str,
    reasons: Vec<(&'static str, String)>,
}

pub fn export(
    paths: &[PathBuf],
    format: Format,
    out: &Path,
    trusted_keys: &Path,
    received: Option<&Path>,
) -> Result<ExitCode, Usage> {
    let layouts = Layouts::new()?;
    let names = file_names(format, &layouts);
    // Nothing is overwritten: refuse before any work is done.
    std::fs::create_dir_all(out)
        .map_err(|e| Usage(format!("cannot make the directory {}: {e}", shown(out))))?;
    if let Some(there) = names.iter().map(|n| out.join(n)).find(|p| p.exists()) {
        return Err(Usage(format!(
            "{} already exists; an export never overwrites one: choose an empty directory",
            shown(&there)
        )));
    }
    let trust = Trust::load(Some(trusted_keys), received)?;
    let checked = check::check_all(paths, &trust.options())?;
    let (exported, rejected) = sort_out(checked);
    let summaries: Vec<&Exported> = exported.iter().filter(|e| e.kind == "summary").collect();
    let addenda: Vec<&Exported> = exported.iter().filter(|e| e.kind == "addendum").collect();
    // One document per id (the same file given twice is exported once).
    let once = |list: &[&Exported]| -> Vec<Value> {
        let mut seen = BTreeMap::new();
        for e in list {
            seen.entry(e.document_id.clone())
                .or_insert_with(|| document(&e.v));
        }
        seen.into_values().collect()
    };
    let (summary_docs, addendum_docs) = (once(&summaries), once(&addenda));
    let mut written: BTreeMap<String, String> = BTreeMap::new();
    match format {
        Format::Ndjson => {
            written.insert("summaries.ndjson".into(), ndjson(&summary_docs));
            written.insert("addenda.ndjson".into(), ndjson(&addendum_docs));
            written.insert("files.ndjson".into(), ndjson(&files_rows(&exported)));
            written.insert("rejected.ndjson".into(), ndjson(&rejected_rows(&rejected)));
        }
        Format::Csv => {
            for (layout, docs) in [
                (&layouts.summaries, &summary_docs),
                (&layouts.addenda, &addendum_docs),
            ] {
                for (name, text) in csv_tables(layout, docs)? {
                    written.insert(format!("{name}.csv"), text);
                }
            }
            written.insert(
                "files.csv".into(),
                csv_of(&FILES_COLUMNS, &files_rows(&exported)),
            );
            written.insert(
                "rejected.csv".into(),
                csv_of(&REJECTED_COLUMNS, &rejected_rows(&rejected)),
            );
        }
    }
    for (name, text) in &written {
        let path = out.join(name);
        let mut file = create_new(&path, false)?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Usage(format!("cannot write {}: {e}", shown(&path))))?;
    }
    let mut worst = Verdict::Valid;
    for r in &rejected {
        let verdict = if r.verdict == "duplicate_id" {
            Verdict::Invalid
        } else {
            r.v.verdict()
        };
        if r.verdict != "recipient_copy" {
            worst = worst.max(verdict);
        }
        print(&format!(
            "{:<11} {}\n    - {}",
            r.verdict.to_uppercase().replace('_', " "),
            shown(&r.path),
            r.reasons
                .iter()
                .map(|(_, why)| why.as_str())
                .collect::<Vec<_>>()
                .join("\n    - ")
        ));
    }
    print(&format!(
        "{} exported: {} and {}, written to {} in {} {} files. {} left out, each listed above and in rejected.{}.",
        plural(exported.len(), "file"),
        plural(summary_docs.len(), "summary").replace("summarys", "summaries"),
        plural(addendum_docs.len(), "reflection"),
        shown(out),
        written.len(),
        if format == Format::Csv { "CSV" } else { "NDJSON" },
        plural(rejected.len(), "file"),
        if format == Format::Csv { "csv" } else { "ndjson" }
    ));
    Ok(ExitCode::from(exit_status(worst)))
}

/// The names of every file an export of `format` writes.
fn file_names(format: Format, layouts: &Layouts) -> Vec<String> {
    match format {
        Format::Ndjson => ["summaries", "addenda", "files", "rejected"]
            .map(|n| format!("{n}.ndjson"))
            .to_vec(),
        Format::Csv => layouts
            .summaries
            .tables
            .iter()
            .chain(&layouts.addenda.tables)
            .map(|t| t.name.as_str())
            .chain(["files", "rejected"])
            .map(|n| format!("{n}.csv"))
            .collect(),
    }
}

/// The files to export, in document id order (then path), and the files
/// left out, in the order named.
fn sort_out(checked: Vec<(PathBuf, Verification)>) -> (Vec<Exported>, Vec<Rejected>) {
    let mut exported = Vec::new();
    let mut rejected = Vec::new();
    for (path, v) in checked {
        let kind = if v.addendum.is_some() {
            "addendum"
        } else {
            "summary"
        };
        match (v.verdict(), &v.summary) {
            (Verdict::Valid, Some(s)) if s.copy_for.is_some() => {
                let why = format!(
                    "A recipient's copy (made from summary {}): it leaves out what its recipient may not see. The records copy holds everything; export that.",
                    s.copy_for.as_ref().map_or("?", |c| c.records_copy.as_str())
                );
                rejected.push(Rejected {
                    path,
                    v,
                    verdict: "recipient_copy",
                    reasons: vec![("recipient_copy", why)],
                });
            }
            (Verdict::Valid, _) => exported.push(Exported {
                document_id: v.document_id.clone().unwrap_or_default(),
                kind,
                path,
                v,
            }),
            (verdict, _) => {
                let mut reasons: Vec<(&'static str, String)> = v
                    .issues()
                    .into_iter()
                    .map(|e| (e.code.as_str(), e.to_string()))
                    .collect();
                if v.unlisted > 0 {
                    reasons.push(("more", format!("… and {} more problems", v.unlisted)));
                }
                rejected.push(Rejected {
                    path,
                    v,
                    verdict: verdict.as_str(),
                    reasons,
                });
            }
        }
    }
    // Two files under one id with different contents: neither is exported.
    let mut hashes: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for e in &exported {
        hashes
            .entry(e.document_id.clone())
            .or_default()
            .push(&e.v.sha256);
    }
    let clashing: Vec<String> = hashes
        .into_iter()
        .filter(|(_, h)| h.iter().any(|x| *x != h[0]))
        .map(|(id, _)| id)
        .collect();
    let (clash, mut exported): (Vec<Exported>, Vec<Exported>) = exported
        .into_iter()
        .partition(|e| clashing.contains(&e.document_id));
    for e in clash {
        let why = format!("Another file holds document {} with different contents, both signed by keys the team trusts: neither is exported. Ask whoever signed them which is right.", e.document_id);
        rejected.push(Rejected {
            path: e.path,
            v: e.v,
            verdict: "duplicate_id",
            reasons: vec![("duplicate_id", why)],
        });
    }
    exported.sort_by(|a, b| (&a.document_id, &a.path).cmp(&(&b.document_id, &b.path)));
    rejected.sort_by(|a, b| a.path.cmp(&b.path));
    (exported, rejected)
}

/// The document a verified file holds, as JSON: a summary in format 2's
/// shape whatever its format, or an addendum.
fn document(v: &Verification) -> Value {
    let value = match (&v.summary, &v.addendum) {
        (Some(s), _) => serde_json::to_value(s),
        (_, Some(a)) => serde_json::to_value(a),
        _ => Ok(Value::Null),
    };
    value.unwrap_or(Value::Null)
}

/// One JSON document per line, each in its canonical form (RFC 8785): a
/// format 2 summary's line is its file's bytes, signature and all.
fn ndjson(documents: &[Value]) -> String {
    let lines: Vec<String> = documents
        .par_iter()
        .map(|d| {
            String::from_utf8(summary::to_canonical_vec(d).unwrap_or_default()).unwrap_or_default()
        })
        .collect();
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// The columns of `files`, in order.
const FILES_COLUMNS: [&str; 8] = [
    "documentId",
    "kind",
    "formatVersion",
    "sha256",
    "signedAt",
    "kid",
    "signer",
    "path",
];

/// The columns of `rejected`, in order.
const REJECTED_COLUMNS: [&str; 6] = ["path", "sha256", "documentId", "verdict", "code", "reason"];

/// Rows of text values as CSV: a header of `columns`, then a record each.
fn csv_of(columns: &[&str], rows: &[Value]) -> String {
    let mut out = String::new();
    csv_text::record(&mut out, columns.iter().map(|h| Some(*h)));
    for row in rows {
        csv_text::record(
            &mut out,
            columns.iter().map(|h| row.get(*h).and_then(Value::as_str)),
        );
    }
    out
}

/// Each document's tables, flattened on every core and joined in order.
fn csv_tables(layout: &Layout, documents: &[Value]) -> Result<Vec<(String, String)>, Usage> {
    let flat: Vec<Vec<Vec<Row>>> = documents
        .par_iter()
        .map(|d| layout.flatten(d))
        .collect::<Result<_, _>>()
        .map_err(|e| Usage(format!("a document does not fit the tables: {e}")))?;
    Ok(layout
        .tables
        .iter()
        .enumerate()
        .map(|(i, table)| {
            let mut text = String::new();
            csv_text::record(
                &mut text,
                table.columns.iter().map(|c| Some(c.name.as_str())),
            );
            for rows in &flat {
                for row in &rows[i] {
                    csv_text::record(&mut text, row.iter().map(Option::as_deref));
                }
            }
            (table.name.clone(), text)
        })
        .collect())
}

/// `files`: each file exported, with where it came from and who signed it.
fn files_rows(exported: &[Exported]) -> Vec<Value> {
    exported
        .iter()
        .map(|e| {
            let signer = match &e.v.signer {
                Signer::Checked { name: Some(n), .. } => n.clone(),
                _ => String::new(),
            };
            json!({
                "documentId": e.document_id,
                "kind": e.kind,
                // An addendum has its own format, version 1.
                "formatVersion": e.v.format_version.map_or("1", |f| f.as_str()),
                "sha256": e.v.sha256,
                "signedAt": e.v.signed_at.clone().unwrap_or_default(),
                "kid": e.v.kid.clone().unwrap_or_default(),
                "signer": signer,
                "path": e.path.display().to_string(),
            })
        })
        .collect()
}

/// `rejected`: a row for each reason each file was left out.
fn rejected_rows(rejected: &[Rejected]) -> Vec<Value> {
    rejected
        .iter()
        .flat_map(|r| {
            r.reasons.iter().map(move |(code, why)| {
                json!({
                    "path": r.path.display().to_string(),
                    "sha256": r.v.sha256,
                    "documentId": r.v.document_id.clone().unwrap_or_default(),
                    "verdict": r.verdict,
                    "code": code,
                    "reason": why,
                })
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
