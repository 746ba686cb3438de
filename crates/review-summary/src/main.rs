//! `review-summary`: the records teams' tool for Review Together summaries.
//! It makes a signing key, signs an unsigned summary (format 2), verifies
//! signed ones (formats 1 and 2, and the addenda that hold the worker's
//! reflection) with the same code the app runs
//! (review-core) plus the shipped JSON Schemas, keeps the team's key list
//! and receipt log, exports verified files for a records system (NDJSON,
//! CSV, or one records copy as a FHIR R4 Bundle), and prints the schemas.
//!
//! Exit codes: 0 success (every file valid), 1 a file is invalid or cannot
//! be signed, 2 unreadable or bad usage (also a missing path, an empty
//! directory, an unusable key or key list), 3 a file is intact but its
//! signer is not one the team's list trusts (or no list was given). With
//! many files the worst verdict wins: invalid, unreadable, untrusted, valid.
//! It never panics on any input.

mod check;
mod csv_text;
mod export;
mod fhir;
mod files;
mod tables;
mod team;

use clap::{Parser, Subcommand};

// A faster allocator: verifying a file makes and frees many small values,
// and glibc's malloc took a third of the time (issue 28).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use files::{create_new, print, read_limited, shown, Usage};
use review_core::summary::{self, SigningKey};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "review-summary",
    version,
    about = "Make a signing key, sign and verify Review Together summaries",
    after_help = "Exit status: 0 success or all files valid; 1 a file is invalid or cannot be signed; 2 a file is unreadable, or bad usage (a missing path, an empty directory, an unusable key list); 3 a file is intact but its signer is not trusted by the team's key list, or no list was given. With many files the worst wins: 1, then 2, then 3."
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
        /// Which format's schema: 1 or 2, or "addendum" (the worker's reflection).
        #[arg(long, value_name = "VERSION", default_value = "2")]
        format: String,
    },
    /// Verify signed summaries and their addenda (the worker's reflection): files, or
    /// directories (their *.json files, not recursively). A recipient's copy or an
    /// addendum given with the summary it names is checked against it.
    Verify {
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// The team's key list (made with `keys add`): a file is valid only
        /// from a key in it that is in use (or was retired after signing).
        #[arg(long, value_name = "KEYS")]
        trusted_keys: Option<PathBuf>,
        /// The team's receipt log (made by `receive`): a revoked key's file
        /// counts only if the log shows it arrived before the revocation.
        #[arg(long, value_name = "LOG")]
        received: Option<PathBuf>,
        /// Without a key list, let intact files pass (exit 0) though no
        /// signer was checked. Anyone can make a key: use only for testing.
        #[arg(long)]
        allow_unknown_signer: bool,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export the summaries and reflections that verify against the team's key
    /// list, for a records system: NDJSON, or CSV tables keyed by document id
    /// (`docs/records-mapping.md`). Files that do not verify are listed in
    /// `rejected`, never exported. Uses every core (RAYON_NUM_THREADS=1 for one).
    Export {
        /// Summary and addendum files, or directories of them (their *.json
        /// files, not recursively).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: export::Format,
        /// The directory to write into (made if missing; nothing in it is overwritten).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The team's key list: only files valid against it are exported.
        #[arg(long, value_name = "KEYS")]
        trusted_keys: PathBuf,
        /// The team's receipt log, for files of revoked keys (as for `verify`).
        #[arg(long, value_name = "LOG")]
        received: Option<PathBuf>,
    },
    /// Make a FHIR R4 Bundle of one records copy that verifies against the
    /// team's key list (`docs/records-mapping.md`): its people, criteria and
    /// ratings, care plan, escalations and sharing agreement, with the
    /// signed file itself and its provenance.
    Fhir {
        /// The records copy (not a recipient's copy or an addendum).
        #[arg(value_name = "FILE")]
        path: PathBuf,
        /// The team's key list: only a file valid against it is made into FHIR.
        #[arg(long, value_name = "KEYS")]
        trusted_keys: PathBuf,
        /// The team's receipt log, for a file of a revoked key (as for `verify`).
        #[arg(long, value_name = "LOG")]
        received: Option<PathBuf>,
        /// Where to write the Bundle (never overwritten); stdout if not given.
        #[arg(long, value_name = "OUT")]
        out: Option<PathBuf>,
    },
    /// Keep the team's key list: the tablets whose summaries it trusts.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Note in the team's receipt log that summaries arrived (their SHA-256,
    /// document id and the time), for checking files of revoked keys later.
    Receive {
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// The receipt log (one JSON line per file; created if missing).
        #[arg(long, value_name = "LOG")]
        log: PathBuf,
        /// When they arrived (RFC 3339); now, in UTC, if not given.
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
}

/// Which key `keys retire|revoke` changes, and from when.
#[derive(clap::Args)]
struct KeyChange {
    #[arg(long, value_name = "KEYS")]
    keys: PathBuf,
    /// The key's fingerprint (spaces ignored; it may begin with "-").
    #[arg(value_name = "FINGERPRINT", allow_hyphen_values = true)]
    kid: String,
    /// From when (RFC 3339); now, in UTC, if not given.
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Register a tablet's public key (the file from its "Signing key" screen).
    Add {
        /// The team's key list (created if missing).
        #[arg(long, value_name = "KEYS")]
        keys: PathBuf,
        /// The device's name, e.g. "Sam Patel's tablet".
        #[arg(long)]
        name: String,
        /// The fingerprint the worker read out from the tablet (spaces ignored;
        /// it may begin with "-").
        #[arg(long, allow_hyphen_values = true)]
        fingerprint: String,
        /// When it is added (RFC 3339); now, in UTC, if not given.
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// The tablet's public key file.
        #[arg(value_name = "PUBLIC_KEY")]
        key_file: PathBuf,
    },
    /// Retire a key (its tablet was replaced): earlier summaries still count.
    Retire(KeyChange),
    /// Revoke a key (its tablet was lost or stolen).
    Revoke(KeyChange),
    /// Show the list: each device, its fingerprint, dates and status.
    List {
        #[arg(long, value_name = "KEYS")]
        keys: PathBuf,
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
}

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
            received,
            allow_unknown_signer,
            json,
        } => check::verify(
            &paths,
            &check::Options {
                trusted_keys: trusted_keys.as_deref(),
                received: received.as_deref(),
                allow_unknown_signer,
                json,
            },
        ),
        Command::Export {
            paths,
            format,
            out,
            trusted_keys,
            received,
        } => export::export(&paths, format, &out, &trusted_keys, received.as_deref()),
        Command::Fhir {
            path,
            trusted_keys,
            received,
            out,
        } => fhir::fhir(&path, out.as_deref(), &trusted_keys, received.as_deref()),
        Command::Keys { command } => match command {
            KeysCommand::Add {
                keys,
                name,
                fingerprint,
                at,
                key_file,
            } => team::add(&keys, &key_file, &name, &fingerprint, at.as_deref()),
            KeysCommand::Retire(c) => {
                team::change(&c.keys, &c.kid, c.at.as_deref(), team::Change::Retire)
            }
            KeysCommand::Revoke(c) => {
                team::change(&c.keys, &c.kid, c.at.as_deref(), team::Change::Revoke)
            }
            KeysCommand::List { keys, json } => team::list(&keys, json),
        },
        Command::Receive { paths, log, at } => team::receive(&paths, &log, at.as_deref()),
        Command::Schema { format } => schema(&format),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            files::eprint(&format!("review-summary: {message}"));
            ExitCode::from(2)
        }
    }
}

fn keygen(out: &Path) -> Result<ExitCode, Usage> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| Usage(format!("no randomness from the system: {e}")))?;
    let key = SigningKey::from_seed(seed);
    let mut file = create_new(out, true)?;
    file.write_all(format!("{}\n", key.private_jwk_json()).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Usage(format!("cannot write {}: {e}", shown(out))))?;
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
        shown(out),
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
    let key_text = files::read_text(key_path, "the key")?;
    let key = SigningKey::from_private_jwk_json(key_text.trim())
        .map_err(|e| Usage(format!("{} is not a private key: {e}", shown(key_path))))?;
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
        read_limited(file).map_err(|e| Usage(format!("cannot read {}: {e}", shown(file))))?;
    let signed = summary::read_unsigned(&bytes, Some(&signed_at)).and_then(|s| s.sign(&key));
    match signed {
        Ok(signed) => {
            let mut f = create_new(out, false)?;
            f.write_all(&signed)
                .map_err(|e| Usage(format!("cannot write {}: {e}", shown(out))))?;
            print(&format!(
                "Signed {} as {} (key {})",
                shown(file),
                shown(out),
                key.fingerprint()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            files::eprint(&format!("review-summary: {}: {e}", shown(file)));
            Ok(ExitCode::from(1))
        }
    }
}

fn schema(format: &str) -> Result<ExitCode, Usage> {
    let text = match format {
        "2" => summary::schema::SHIPPED,
        "1" => summary::schema::SHIPPED_V1,
        "addendum" => summary::schema::ADDENDUM_SHIPPED,
        other => {
            return Err(Usage(format!(
                "--format {other:?}: the summary formats are 1 and 2, and \"addendum\" is the worker's reflection"
            )))
        }
    };
    // The shipped file ends with a newline already.
    let _ = io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}
