//! The CLI's edge with the file system and the terminal, where every file
//! is treated as hostile: reads stop at a size cap while reading (so
//! `/dev/zero` or a pipe cannot fill memory), text from files is printed with
//! its control characters escaped, and files the tool owns (the team's key
//! list) are replaced atomically. It knows nothing of summaries.

use review_core::text::escape_controls;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Bad usage: the message goes to stderr and the exit status is 2.
#[derive(Debug)]
pub struct Usage(pub String);

/// A file larger than this is not a summary, a key list or a receipt log
/// (a summary is tens of kilobytes).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Print text to stdout, its control characters escaped, in one write where
/// it fits (a report of ten thousand files is not ninety thousand system
/// calls). A closed pipe (`| head`) is not worth a panic.
pub fn print(text: &str) {
    write_escaped(io::stdout().lock(), text);
}

/// Print text to stderr, escaped like [`print`].
pub fn eprint(text: &str) {
    write_escaped(io::stderr().lock(), text);
}

fn write_escaped(to: impl Write, text: &str) {
    let mut to = io::BufWriter::with_capacity(64 * 1024, to);
    for line in text.split('\n') {
        let _ = writeln!(to, "{}", escape_controls(line));
    }
    let _ = to.flush();
}

/// A path as it may be printed.
pub fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

/// Read at most [`MAX_FILE_BYTES`]: one byte more means the file is too
/// large, and reading stops there.
pub fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let file = fs::File::open(path)?;
    // Sized once from what the file system says (a pipe says 0, and grows).
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES) as usize;
    let mut bytes = vec![0; size];
    let mut limited = file.take(MAX_FILE_BYTES + 1);
    // The size said, in one read where the system allows (`read_to_end`
    // alone would read in 8 KiB steps), then whatever follows to the end.
    let mut filled = 0;
    while filled < size {
        match limited.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    limited.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "it is larger than {} MiB, larger than any summary; reading stopped there",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// [`read_limited`] as UTF-8 text, with bad usage as the error.
pub fn read_text(path: &Path, what: &str) -> Result<String, Usage> {
    let bytes = read_limited(path)
        .map_err(|e| Usage(format!("cannot read {what} {}: {e}", shown(path))))?;
    String::from_utf8(bytes).map_err(|_| Usage(format!("{what} {} is not UTF-8 text", shown(path))))
}

/// Create `path` for writing, refusing to replace an existing file.
pub fn create_new(path: &Path, private: bool) -> Result<fs::File, Usage> {
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
            format!("{} already exists; it is not overwritten", shown(path))
        } else {
            format!("cannot create {}: {e}", shown(path))
        })
    })
}

/// Replace `path` with `text` at once: written to a temporary file beside
/// it, flushed to disk, then renamed over it. A crash leaves the old file
/// or the new one, never half of one.
pub fn replace_atomically(path: &Path, text: &str) -> Result<(), Usage> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "keys".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let cannot = |e: io::Error| Usage(format!("cannot write {}: {e}", shown(path)));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(cannot)
}

/// Append one line to `path` (created if missing) and flush it to disk.
pub fn append_line(path: &Path, line: &str) -> Result<(), Usage> {
    let cannot = |e: io::Error| Usage(format!("cannot append to {}: {e}", shown(path)));
    let mut file = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(cannot)?;
    file.write_all(format!("{line}\n").as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(cannot)
}

/// The files named: each file as given, and each directory's `*.json`
/// files (not recursively), in name order.
pub fn files_to_check(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Usage> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = fs::read_dir(path)
                .map_err(|e| Usage(format!("cannot read the directory {}: {e}", shown(path))))?;
            // The name first, then the entry's own type (no extra `stat`
            // on most file systems); a link is followed to what it names.
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .filter(|e| {
                    Path::new(&e.file_name())
                        .extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                })
                .filter(|e| match e.file_type() {
                    Ok(t) if t.is_file() => true,
                    Ok(t) if t.is_symlink() => e.path().is_file(),
                    _ => false,
                })
                .map(|e| e.path())
                .collect();
            if found.is_empty() {
                return Err(Usage(format!("{} has no .json files", shown(path))));
            }
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(Usage(format!("{} does not exist", shown(path))));
        }
    }
    Ok(files)
}

/// The time now, in UTC, to the second (RFC 3339).
pub fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// `--at` as given, or now; a time that is not RFC 3339 is bad usage.
pub fn time_or_now(at: Option<&str>) -> Result<String, Usage> {
    match at {
        None => Ok(now()),
        Some(text) => chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
            .map_err(|_| {
                Usage(format!(
                    "--at {text:?} is not an RFC 3339 time, e.g. 2026-12-03T10:00:00+00:00"
                ))
            }),
    }
}

/// "1 file", "3 files".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", thousands(n))
    }
}

/// 9873 → "9,873".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_and_a_file_past_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.json");
        let text = "é".repeat(10_000);
        fs::write(&small, &text).unwrap();
        assert_eq!(read_limited(&small).unwrap(), text.as_bytes());
        // A sparse file one byte past the cap: refused, not read to its end.
        let big = dir.path().join("big.json");
        fs::File::create(&big)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        let e = read_limited(&big).unwrap_err();
        assert!(e.to_string().contains("larger than 16 MiB"), "{e}");
        let empty = dir.path().join("empty.json");
        fs::write(&empty, "").unwrap();
        assert!(read_limited(&empty).unwrap().is_empty());
    }

    #[test]
    fn a_directory_lists_its_json_files_and_the_files_its_links_name() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("b.json"), "{}").unwrap();
        fs::write(d.join("a.JSON"), "{}").unwrap();
        fs::write(d.join("notes.txt"), "").unwrap();
        fs::create_dir(d.join("folder.json")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("b.json"), d.join("c.json")).unwrap();
            std::os::unix::fs::symlink(d.join("gone"), d.join("dangling.json")).unwrap();
        }
        let found: Vec<String> = files_to_check(&[d.to_path_buf()])
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let expected: &[&str] = if cfg!(unix) {
            &["a.JSON", "b.json", "c.json"]
        } else {
            &["a.JSON", "b.json"]
        };
        assert_eq!(found, expected);
    }
}
