//! `review-summary`: the records teams' tool for Review Together summaries.
//! It makes a signing key, signs an unsigned summary (format 2), verifies
//! signed ones (formats 1 and 2) with the same code the app runs
//! (review-core) plus the shipped JSON Schemas, and prints those schemas.
//!
//! Exit codes: 0 success (every file valid), 1 a file is invalid or cannot
//! be signed, 2 bad usage (also a missing path, an empty directory, an
//! unreadable key). It never panics on any input.

use clap::{Parser, Subcommand};
use review_core::summary::{self, ErrorCode, SigningKey, TrustedKeys, VerifyOptions};
use serde::Serialize;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "review-summary",
    version,
    about = "Make a signing key, sign and verify Review Together summaries",
    after_help = "Exit status: 0 success or all files valid; 1 a file is invalid or cannot be signed; 2 bad usage, a missing path or an empty directory."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make a new Ed25519 signing key: writes the private JWK (mode 0600) and prints the public JWK.
    Keygen {
        /// Where to write the private key (never overwritten).
        #[arg(long, value_name = "KEY")]
        out: PathBuf,
    },
    /// Sign an unsigned summary (refuses one that is already signed).
    Sign {
        /// The private JWK made by `keygen`.
        #[arg(long, value_name = "KEY")]
        key: PathBuf,
        /// The unsigned summary.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the signed summary (never overwritten).
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
        /// The signing time (RFC 3339), written into the document's
        /// `signedAt`; now, in UTC, if not given.
        #[arg(long, value_name = "RFC3339")]
        signed_at: Option<String>,
    },
    /// Print the JSON Schema of a summary format (the one this tool writes, unless told).
    Schema {
        /// Which format's schema: 1 or 2.
        #[arg(long, value_name = "VERSION", default_value = "2")]
        format: String,
    },
    /// Verify signed summaries: files, or directories (their *.json files, not recursively).
    Verify {
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// A JWK Set of the keys to trust; a key with "revoked": true rejects its files.
        #[arg(long, value_name = "JWKS")]
        trusted_keys: Option<PathBuf>,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Bad usage: the message goes to stderr and the exit status is 2.
struct Usage(String);

/// A file larger than this is not a summary (one is tens of kilobytes).
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Keygen { out } => keygen(&out),
        Command::Sign {
            key,
            file,
            out,
            signed_at,
        } => sign(&key, &file, &out, signed_at.as_deref()),
        Command::Verify {
            paths,
            trusted_keys,
            json,
        } => verify(&paths, trusted_keys.as_deref(), json),
        Command::Schema { format } => schema(&format),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            let _ = writeln!(io::stderr(), "review-summary: {message}");
            ExitCode::from(2)
        }
    }
}

fn print(text: &str) {
    // A closed pipe (`| head`) is not worth a panic.
    let _ = writeln!(io::stdout().lock(), "{text}");
}

fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let size = fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "it is {size} bytes, larger than any summary"
        )));
    }
    fs::read(path)
}

/// Create `path` for writing, refusing to replace an existing file.
fn create_new(path: &Path, private: bool) -> Result<fs::File, Usage> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path).map_err(|e| {
        Usage(if e.kind() == io::ErrorKind::AlreadyExists {
            format!("{} already exists; it is not overwritten", path.display())
        } else {
            format!("cannot create {}: {e}", path.display())
        })
    })
}

fn keygen(out: &Path) -> Result<ExitCode, Usage> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| Usage(format!("no randomness from the system: {e}")))?;
    let key = SigningKey::from_seed(seed);
    let mut file = create_new(out, true)?;
    file.write_all(format!("{}\n", key.private_jwk_json()).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Usage(format!("cannot write {}: {e}", out.display())))?;
    let jwk = key.public_jwk();
    let public = serde_json::json!({
        "kty": jwk.kty,
        "crv": jwk.crv,
        "x": jwk.x,
        "kid": key.fingerprint(),
    });
    print(
        &String::from_utf8(summary::to_canonical_vec(&public).unwrap_or_default())
            .unwrap_or_default(),
    );
    let _ = writeln!(
        io::stderr(),
        "Private key written to {} (keep it secret). Fingerprint: {}",
        out.display(),
        key.fingerprint()
    );
    Ok(ExitCode::SUCCESS)
}

fn sign(
    key_path: &Path,
    file: &Path,
    out: &Path,
    signed_at: Option<&str>,
) -> Result<ExitCode, Usage> {
    let key_text = fs::read_to_string(key_path)
        .map_err(|e| Usage(format!("cannot read the key {}: {e}", key_path.display())))?;
    let key = SigningKey::from_private_jwk_json(key_text.trim())
        .map_err(|e| Usage(format!("{} is not a private key: {e}", key_path.display())))?;
    let signed_at = match signed_at {
        Some(text) => chrono::DateTime::parse_from_rfc3339(text).map_err(|_| {
            Usage(format!(
                "--signed-at {text:?} is not an RFC 3339 time, e.g. 2026-11-24T12:05:00+00:00"
            ))
        })?,
        None => chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).fixed_offset(),
    };
    // The document holds the time to the second, with its offset.
    let signed_at = signed_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let bytes =
        read_limited(file).map_err(|e| Usage(format!("cannot read {}: {e}", file.display())))?;
    let signed = summary::read_unsigned(&bytes, Some(&signed_at)).and_then(|s| s.sign(&key));
    match signed {
        Ok(signed) => {
            let mut f = create_new(out, false)?;
            f.write_all(&signed)
                .map_err(|e| Usage(format!("cannot write {}: {e}", out.display())))?;
            print(&format!(
                "Signed {} as {} (key {})",
                file.display(),
                out.display(),
                key.fingerprint()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "review-summary: {}: {e}", file.display());
            Ok(ExitCode::from(1))
        }
    }
}

fn schema(format: &str) -> Result<ExitCode, Usage> {
    let text = match format {
        "2" => summary::schema::SHIPPED,
        "1" => summary::schema::SHIPPED_V1,
        other => {
            return Err(Usage(format!(
                "--format {other:?}: the summary formats are 1 and 2"
            )))
        }
    };
    // The shipped file ends with a newline already.
    let _ = io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// The files to check: each file as given, and each directory's `*.json`
/// files (not recursively), in name order.
fn files_to_check(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Usage> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = fs::read_dir(path)
                .map_err(|e| Usage(format!("cannot read the directory {}: {e}", path.display())))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                })
                .collect();
            if found.is_empty() {
                return Err(Usage(format!("{} has no .json files", path.display())));
            }
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(Usage(format!("{} does not exist", path.display())));
        }
    }
    Ok(files)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport {
    path: String,
    valid: bool,
    document_id: Option<String>,
    kid: Option<String>,
    errors: Vec<summary::VerifyError>,
}

#[derive(Serialize)]
struct Report {
    files: Vec<FileReport>,
    valid: usize,
    invalid: usize,
}

fn load_trusted_keys(path: &Path) -> Result<TrustedKeys, Usage> {
    let unusable =
        |why: String| Usage(format!("{} is not a usable JWK Set: {why}", path.display()));
    let text = fs::read_to_string(path).map_err(|e| {
        Usage(format!(
            "cannot read the trusted keys {}: {e}",
            path.display()
        ))
    })?;
    let keys = TrustedKeys::from_jwks_json(&text).map_err(|e| unusable(e.to_string()))?;
    if keys.is_empty() {
        return Err(unusable("it has no Ed25519 keys".into()));
    }
    Ok(keys)
}

fn verify(paths: &[PathBuf], trusted: Option<&Path>, json: bool) -> Result<ExitCode, Usage> {
    let trusted = trusted.map(load_trusted_keys).transpose()?;
    let options = VerifyOptions {
        trusted_keys: trusted.as_ref(),
    };
    let files = files_to_check(paths)?;
    let mut report = Report {
        files: Vec::new(),
        valid: 0,
        invalid: 0,
    };
    for path in files {
        let v = match read_limited(&path) {
            Ok(bytes) => summary::verify(&bytes, &options),
            Err(e) => summary::Verification {
                errors: vec![summary::VerifyError::new(
                    ErrorCode::Unreadable,
                    format!("The file cannot be read: {e}."),
                )],
                ..Default::default()
            },
        };
        let file = FileReport {
            path: path.display().to_string(),
            valid: v.is_valid(),
            document_id: v.document_id,
            kid: v.kid,
            errors: v.errors,
        };
        if file.valid {
            report.valid += 1;
        } else {
            report.invalid += 1;
        }
        if !json {
            print(&line(&file));
        }
        report.files.push(file);
    }
    if json {
        print(&serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        print(&format!(
            "{} checked: {} valid, {} invalid",
            plural(report.files.len(), "file"),
            report.valid,
            report.invalid
        ));
    }
    Ok(if report.invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One line per file: "valid" with the document and key, or "INVALID" with
/// each error's code and message.
fn line(f: &FileReport) -> String {
    if f.valid {
        format!(
            "valid    {}  document {}, key {}",
            f.path,
            f.document_id.as_deref().unwrap_or("?"),
            f.kid.as_deref().unwrap_or("?")
        )
    } else {
        let errors: Vec<String> = f.errors.iter().map(ToString::to_string).collect();
        format!("INVALID  {}  {}", f.path, errors.join(" | "))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
