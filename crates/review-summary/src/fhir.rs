//! `fhir`: a records copy as a FHIR R4 Bundle (issue 29), made only when the
//! file verifies against the team's key list. A recipient's copy (part of
//! the review) and an addendum are refused: the Bundle is the whole record.
//! The mapping is `review_core::fhir`'s; `docs/records-mapping.md` has it
//! field by field.

use crate::check::{exit_status, json_for_terminal, Trust};
use crate::files::{create_new, eprint, print, read_limited, shown, Usage};
use review_core::summary;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Make the Bundle of `path` into `out` (never overwritten) or stdout.
pub fn fhir(
    path: &Path,
    out: Option<&Path>,
    trusted_keys: &Path,
    received: Option<&Path>,
) -> Result<ExitCode, Usage> {
    let trust = Trust::load(Some(trusted_keys), received)?;
    let bytes =
        read_limited(path).map_err(|e| Usage(format!("cannot read {}: {e}", shown(path))))?;
    let v = summary::verify(&bytes, &trust.options());
    if !v.is_valid() {
        eprint(&format!(
            "{} was not made into FHIR: it does not verify against your team's key list.",
            shown(path)
        ));
        for e in v.issues() {
            eprint(&format!("  {}", e.message));
        }
        return Ok(ExitCode::from(exit_status(v.verdict())));
    }
    let Some(records) = v.summary.as_ref() else {
        return Err(Usage(format!(
            "{} is an addendum (the worker's reflection), not a summary: make the Bundle from the summary it belongs to",
            shown(path)
        )));
    };
    if let Some(copy) = &records.copy_for {
        return Err(Usage(format!(
            "{} is a recipient's copy ({}), which holds only what its recipient may see: make the Bundle from the records copy, document {}",
            shown(path),
            copy.recipient.whose(),
            copy.records_copy
        )));
    }
    let bundle = review_core::fhir::bundle(records, &bytes, v.kid.as_deref().unwrap_or_default());
    let text = serde_json::to_string_pretty(&bundle).unwrap_or_default();
    match out {
        Some(out) => {
            let mut file = create_new(out, false)?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.write_all(b"\n"))
                .and_then(|()| file.sync_all())
                .map_err(|e| {
                    let _ = std::fs::remove_file(out);
                    Usage(format!("cannot write {}: {e}", shown(out)))
                })?;
            print(&format!(
                "{}: the FHIR R4 Bundle of document {} is in {}",
                shown(path),
                records.document_id,
                shown(out)
            ));
        }
        None => print(&json_for_terminal(&text)),
    }
    Ok(ExitCode::SUCCESS)
}
