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

use crate::check::{self, exit_status, Checked, Role, Trust};
use crate::csv_text;
use crate::files::{create_new, plural, print, shown, Usage};
use crate::tables::{Layout, Table};
use review_core::summary::{self, schema, FormatVersion, Signer, Verdict, Verification};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Write};
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

impl Format {
    /// Its files' extension.
    fn ext(self) -> &'static str {
        match self {
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
        }
    }
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

/// One file exported: what it holds, where it came from, and its text for
/// each of its kind's files (one NDJSON line, or its rows of each table).
struct Exported {
    document_id: String,
    kind: &'static str,
    path: PathBuf,
    v: Verification,
    texts: Vec<String>,
}

/// What an export keeps of each document it may write, made on the core
/// that verified it (the document itself is then let go): its texts, or
/// why it does not fit the tables (a schema the layout cannot hold).
type Texts = Result<Vec<String>, String>;

/// The texts of a valid records copy or addendum; `None` for any other file.
/// A format 2 summary's line is its file's bytes: verification found them
/// canonical (RFC 8785, so on one line), and they still verify as they stand;
/// its tables hold what its file holds.
fn texts(format: Format, layouts: &Layouts, v: &Verification, bytes: &[u8]) -> Option<Texts> {
    if !v.is_valid() {
        return None;
    }
    let layout = match (&v.summary, &v.addendum) {
        (Some(s), _) if s.copy_for.is_none() => &layouts.summaries,
        (_, Some(_)) => &layouts.addenda,
        _ => return None,
    };
    let as_filed = v.addendum.is_some() || v.format_version == Some(FormatVersion::V2);
    if format == Format::Ndjson && as_filed {
        // Sized exactly: a region's lines are all held until written.
        let mut line = Vec::with_capacity(bytes.len() + 1);
        line.extend_from_slice(bytes);
        line.push(b'\n');
        return Some(
            String::from_utf8(line)
                .map(|l| vec![l])
                .map_err(|e| e.to_string()),
        );
    }
    // What was signed, exactly (a list given empty stays given), or for
    // format 1, the summary in format 2's shape.
    let value = if as_filed {
        match serde_json::from_slice(bytes) {
            Ok(value) => value,
            Err(e) => return Some(Err(e.to_string())),
        }
    } else {
        document(v)
    };
    Some(match format {
        Format::Ndjson => summary::to_canonical_vec(&value)
            .map_err(|e| e.to_string())
            .and_then(|bytes| String::from_utf8(bytes).map_err(|e| e.to_string()))
            .map(|line| vec![line + "\n"]),
        Format::Csv => layout.flatten(&value).map(|tables| {
            tables
                .iter()
                .map(|rows| {
                    let mut text = String::new();
                    for row in rows {
                        csv_text::record(&mut text, row.iter().map(Option::as_deref));
                    }
                    text.shrink_to_fit();
                    text
                })
                .collect()
        }),
    })
}

/// A table's header record.
fn header(table: &Table) -> String {
    let mut text = String::new();
    csv_text::record(
        &mut text,
        table.columns.iter().map(|c| Some(c.name.as_str())),
    );
    text
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
    let checked = check::check_all(paths, &trust.options(), |v, bytes| {
        texts(format, &layouts, v, bytes)
    })?;
    let (exported, rejected) = sort_out(checked);
    let count = |kind: &str| {
        let ids: BTreeSet<&str> = exported
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.document_id.as_str())
            .collect();
        ids.len()
    };
    // Each kind's files, with their headers; then each document's texts
    // streamed into them, in document id order, one document per id (the
    // same file given twice is exported once).
    let ext = format.ext();
    let written = {
        let mut sinks = Sinks::create(out, &names)?;
        for (layout, kind, root) in [
            (&layouts.summaries, "summary", "summaries"),
            (&layouts.addenda, "addendum", "addenda"),
        ] {
            let files = document_files(format, layout, root);
            if format == Format::Csv {
                for (file, table) in files.iter().zip(&layout.tables) {
                    sinks.write(file, &header(table))?;
                }
            }
            let mut last: Option<&str> = None;
            for e in exported.iter().filter(|e| e.kind == kind) {
                if last != Some(e.document_id.as_str()) {
                    for (file, text) in files.iter().zip(&e.texts) {
                        sinks.write(file, text)?;
                    }
                }
                last = Some(&e.document_id);
            }
        }
        let (files, rejects) = (files_rows(&exported), rejected_rows(&rejected));
        match format {
            Format::Ndjson => {
                sinks.write("files.ndjson", &ndjson(&files))?;
                sinks.write("rejected.ndjson", &ndjson(&rejects))?;
            }
            Format::Csv => {
                sinks.write("files.csv", &csv_of(&FILES_COLUMNS, &files))?;
                sinks.write("rejected.csv", &csv_of(&REJECTED_COLUMNS, &rejects))?;
            }
        }
        sinks.finish()
    }?;
    let mut worst = Verdict::Valid;
    for r in &rejected {
        // Left out by the export itself, not by verification: as bad as invalid.
        let verdict = if matches!(r.verdict, "duplicate_id" | "not_exported") {
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
        plural(count("summary"), "summary").replace("summarys", "summaries"),
        plural(count("addendum"), "reflection"),
        shown(out),
        written,
        ext.to_uppercase(),
        plural(rejected.len(), "file"),
        ext
    ));
    Ok(ExitCode::from(exit_status(worst)))
}

/// The export's files, each made new (never overwriting one) and written
/// through a buffer, then flushed to disk. Dropped before `finish` (a full
/// disk), they remove themselves: no half export is left behind, and no
/// file it did not make is touched.
struct Sinks {
    files: BTreeMap<String, (PathBuf, BufWriter<std::fs::File>)>,
}

impl Drop for Sinks {
    fn drop(&mut self) {
        for (path, _) in self.files.values() {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Sinks {
    fn create(out: &Path, names: &[String]) -> Result<Sinks, Usage> {
        let mut files = BTreeMap::new();
        for name in names {
            let path = out.join(name);
            let file = create_new(&path, false)?;
            files.insert(name.clone(), (path, BufWriter::new(file)));
        }
        Ok(Sinks { files })
    }

    fn write(&mut self, name: &str, text: &str) -> Result<(), Usage> {
        let (path, file) = self
            .files
            .get_mut(name)
            .ok_or_else(|| Usage(format!("{name} is not among the export's files")))?;
        file.write_all(text.as_bytes())
            .map_err(|e| Usage(format!("cannot write {}: {e}", shown(path))))
    }

    /// Flush every file to disk; how many there are.
    fn finish(mut self) -> Result<usize, Usage> {
        let count = self.files.len();
        for (path, file) in self.files.values_mut() {
            file.flush()
                .and_then(|()| file.get_ref().sync_all())
                .map_err(|e| Usage(format!("cannot write {}: {e}", shown(path))))?;
        }
        // Written whole: kept.
        self.files.clear();
        Ok(count)
    }
}

/// The files one kind of document is written into: `root.ndjson`, or a
/// CSV file per table of its layout.
fn document_files(format: Format, layout: &Layout, root: &str) -> Vec<String> {
    match format {
        Format::Ndjson => vec![format!("{root}.ndjson")],
        Format::Csv => layout
            .tables
            .iter()
            .map(|t| format!("{}.csv", t.name))
            .collect(),
    }
}

/// The names of every file an export of `format` writes.
fn file_names(format: Format, layouts: &Layouts) -> Vec<String> {
    let mut names = document_files(format, &layouts.summaries, "summaries");
    names.extend(document_files(format, &layouts.addenda, "addenda"));
    names.extend(["files", "rejected"].map(|n| format!("{n}.{}", format.ext())));
    names
}

/// The files to export, in document id order (then path), and the files
/// left out, in the order named.
fn sort_out(checked: Vec<Checked<Texts>>) -> (Vec<Exported>, Vec<Rejected>) {
    let mut exported = Vec::new();
    let mut rejected = Vec::new();
    for Checked {
        path,
        v,
        role,
        kept,
    } in checked
    {
        let mut reject = |verdict: &'static str, reasons: Vec<(&'static str, String)>, v| {
            rejected.push(Rejected {
                path: path.clone(),
                v,
                verdict,
                reasons,
            })
        };
        match (v.verdict(), &role, kept) {
            (Verdict::Valid, Role::Copy(of), _) => {
                let why = format!(
                    "A recipient's copy (made from summary {}): it leaves out what its recipient may not see. The records copy holds everything; export that.",
                    of.records_copy
                );
                reject("recipient_copy", vec![("recipient_copy", why)], v);
            }
            (Verdict::Valid, Role::Records | Role::Addendum(_), Some(Ok(texts))) => {
                exported.push(Exported {
                    document_id: v.document_id.clone().unwrap_or_default(),
                    kind: if matches!(role, Role::Addendum(_)) {
                        "addendum"
                    } else {
                        "summary"
                    },
                    path,
                    v,
                    texts,
                })
            }
            (Verdict::Valid, _, kept) => {
                let why = match kept {
                    Some(Err(e)) => format!("It does not fit the export's tables: {e}."),
                    _ => "It could not be read for the export.".into(),
                };
                reject("not_exported", vec![("not_exported", why)], v);
            }
            (verdict, _, _) => {
                let mut reasons: Vec<(&'static str, String)> = v
                    .issues()
                    .into_iter()
                    .map(|e| (e.code.as_str(), e.message))
                    .collect();
                if v.unlisted > 0 {
                    reasons.push(("more", format!("… and {} more problems", v.unlisted)));
                }
                reject(verdict.as_str(), reasons, v);
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

/// Rows of plain values, one JSON object per line (canonical form).
fn ndjson(rows: &[Value]) -> String {
    rows.iter()
        .map(|r| {
            String::from_utf8(summary::to_canonical_vec(r).unwrap_or_default()).unwrap_or_default()
                + "\n"
        })
        .collect()
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

/// Documents' tables as CSV, the way an export writes them.
#[cfg(test)]
fn csv_tables(layout: &Layout, documents: &[Value]) -> Result<Vec<(String, String)>, String> {
    let mut texts = vec![String::new(); layout.tables.len()];
    for d in documents {
        for (all, rows) in texts.iter_mut().zip(layout.flatten(d)?) {
            for row in rows {
                csv_text::record(all, row.iter().map(Option::as_deref));
            }
        }
    }
    Ok(layout
        .tables
        .iter()
        .zip(texts)
        .map(|(table, rows)| (table.name.clone(), header(table) + &rows))
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
