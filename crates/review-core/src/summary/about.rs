//! What the app's "Check a summary file" screen says of a checked file (a
//! summary, a recipient's copy, or an addendum holding the worker's
//! reflection), as
//! data the view only renders: the verdict's heading and words, who signed
//! it by the team's list, what the summary is about (people, dates,
//! outcome), at most [`MAX_LISTED`] problems and a count of the rest, and
//! whether this device holds a different signed version of the same
//! document. The view reads the file and the device; this module decides.

use super::addendum_record::Addendum;
use super::document::{PersonSummary, Summary};
use super::errors::{Signer, Verdict, Verification, MAX_LISTED};
use super::keys::{grouped, sha256_base64url};
use super::team_keys::{Standing, TeamKeys};
use crate::text::escape_controls;
use crate::tr;

/// A summary this device keeps (its document id and exact bytes).
pub struct Kept<'a> {
    pub document_id: &'a str,
    pub text: &'a str,
}

/// A row of the result: what it is, and its value: the file's own data
/// (names, ids, keys: shown as written, never translated) and our words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    /// What the file says, as it says it ("Ayesha Hughes (Daughter)").
    pub data: String,
    /// Our words about it, after the data ("(this device)"), or the whole
    /// value when it is ours (a date, an outcome).
    pub words: String,
}

impl Row {
    fn data(label: String, data: String) -> Row {
        Row {
            label,
            data,
            words: String::new(),
        }
    }
    fn words(label: String, words: String) -> Row {
        Row {
            label,
            data: String::new(),
            words,
        }
    }
    /// The value as one text: the data, then the words.
    pub fn value(&self) -> String {
        match (self.data.is_empty(), self.words.is_empty()) {
            (false, false) => format!("{} {}", self.data, self.words),
            (true, _) => self.words.clone(),
            (false, true) => self.data.clone(),
        }
    }
}

/// The checker's result for one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    pub verdict: Verdict,
    /// The result's heading.
    pub heading: String,
    /// What the verdict means for this file, and what to do.
    pub lead: Vec<String>,
    /// Who signed it: name (by the list), key, list standing.
    pub signer: Vec<Row>,
    /// What the summary is about (only when the file is intact).
    pub about: Vec<Row>,
    /// What is wrong: (message, code), at most [`MAX_LISTED`].
    pub issues: Vec<(String, String)>,
    /// Problems found beyond those listed.
    pub more: usize,
    /// Set when this device holds a different signed file with the same
    /// document id: what to tell the person checking.
    pub other_version: Option<String>,
}

/// Text from a file, safe to show (controls and bidi overrides escaped).
fn safe(s: &str) -> String {
    escape_controls(s).into_owned()
}

/// "24 November 2026 at 11:58" from RFC 3339 text (as written when it does not parse).
fn when(text: &str) -> String {
    safe(&crate::words::long_moment_of(text))
}

fn day(text: &str) -> String {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(crate::words::long_date)
        .unwrap_or_else(|_| safe(text))
}

/// What an addendum is: whose reflection, on which summary, and what it says.
pub fn about_addendum(a: &Addendum) -> Vec<Row> {
    let r = &a.reflection;
    let mut rows = vec![
        Row::data(tr!("Adds to summary"), safe(a.addendum_to.id.as_str())),
        Row::data(tr!("Reflection by"), safe(&a.worker.name)),
        Row::words(tr!("Signed"), when(a.signed_at.as_str())),
        Row::data(tr!("What went well"), safe(&r.went_well)),
        Row::data(tr!("What to do differently"), safe(&r.do_differently)),
    ];
    rows.extend(r.how_it_was.iter().map(|h| {
        Row::words(
            tr!("How it was for {name}", name = safe(&h.name)),
            h.answer.label().to_string(),
        )
    }));
    rows
}

/// What the summary is about: the people, the dates and the outcome.
pub fn about(s: &Summary) -> Vec<Row> {
    let person = |p: &PersonSummary| match &p.relationship {
        Some(r) => format!("{} ({})", safe(&p.name), safe(r)),
        None => safe(&p.name),
    };
    let mut rows = vec![
        Row::data(tr!("Carer"), person(&s.carer)),
        Row::data(tr!("Cared-for person"), person(&s.individual)),
        Row::data(tr!("Worker"), person(&s.worker)),
        Row::data(tr!("Organisation"), safe(&s.organisation)),
        Row::words(tr!("Review started"), when(s.created_at.as_str())),
        Row::words(tr!("Signed off"), when(s.finalised_at.as_str())),
        Row::words(
            tr!("Outcome"),
            s.outcome
                .decision
                .map_or_else(|| tr!("Not recorded"), |d| d.label().to_string()),
        ),
        Row::words(tr!("Next review"), day(s.outcome.next_review.as_str())),
        Row::words(
            tr!("Version"),
            if s.amends.is_some() {
                tr!("{version} (amends an earlier version)", version = s.version)
            } else {
                s.version.to_string()
            },
        ),
    ];
    if let Some(team) = &s.team {
        rows.insert(4, Row::data(tr!("Team"), safe(team)));
    }
    rows
}

/// "The carer’s copy" as it reads inside a sentence (a name keeps its capital).
fn lower_first(s: &str) -> String {
    crate::i18n::past_mark(s, lower_first_of_words)
}

fn lower_first_of_words(s: &str) -> String {
    if ["The ", "A ", "Someone "].iter().any(|w| s.starts_with(w)) {
        let mut chars = s.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        s.to_string()
    }
}

/// Who signed the file, by the team's list (when there is one).
fn signer_rows(v: &Verification, list: Option<&TeamKeys>, device_kid: Option<&str>) -> Vec<Row> {
    let kid = v.kid.as_deref().unwrap_or_default();
    let this_device = device_kid == Some(kid);
    let mut rows = Vec::new();
    if let Some(key) = list.and_then(|l| l.get(kid)) {
        rows.push(Row::data(tr!("Signed by"), safe(&key.name)));
    } else if this_device {
        rows.push(Row::words(tr!("Signed by"), tr!("This device")));
    }
    rows.push(Row {
        label: tr!("Signing key"),
        data: safe(&grouped(kid)),
        words: if this_device {
            tr!("(this device)")
        } else {
            String::new()
        },
    });
    rows.push(Row::words(
        tr!("Signed at"),
        tr!(
            "{when} (by the signing device’s own clock)",
            when = when(v.signed_at.as_deref().unwrap_or_default())
        ),
    ));
    rows.push(Row::data(
        tr!("Document id"),
        safe(v.document_id.as_deref().unwrap_or_default()),
    ));
    rows
}

/// The checker's result for `v` (checked against `list`, if the device has
/// one), on a device whose own key is `device_kid` and which keeps `kept`.
pub fn check_result(
    file_name: &str,
    v: &Verification,
    list: Option<&TeamKeys>,
    device_kid: Option<&str>,
    kept: &[Kept],
) -> CheckResult {
    let file = safe(file_name);
    let verdict = v.verdict();
    let mut result = CheckResult {
        verdict,
        heading: String::new(),
        lead: Vec::new(),
        signer: Vec::new(),
        about: Vec::new(),
        issues: Vec::new(),
        more: 0,
        other_version: None,
    };
    match verdict {
        Verdict::Valid if v.addendum.is_some() => {
            result.heading = tr!("The worker’s reflection is valid");
            result.lead.push(tr!("{file} is a worker’s reflection added to a Review Together summary, signed by a device on your team’s key list, and nothing in it has changed since it was signed.", file = file));
            result
                .lead
                .extend(v.signer_note().map(|n| tr!("It was {n}.", n = safe(&n))));
        }
        Verdict::Valid => {
            result.heading = tr!("The summary is valid");
            result.lead.push(tr!("{file} is a Review Together summary, signed by a device on your team’s key list, and nothing in it has changed since it was signed.", file = file));
            result
                .lead
                .extend(v.signer_note().map(|n| tr!("It was {n}.", n = safe(&n))));
        }
        Verdict::UntrustedSigner => {
            let (heading, why) = match &v.signer {
                Signer::NotChecked => (
                    tr!("Signed, but the signer could not be checked"),
                    tr!("Nothing in it has changed since it was signed, but this device has no team key list, so it cannot say whose key signed it. Anyone can make a key and sign a file."),
                ),
                Signer::Checked { standing: Standing::Unknown, .. } => (
                    tr!("Signed by a device your team does not know"),
                    tr!("Nothing in it has changed since it was signed, but the key that signed it is not on your team’s key list. If a worker has a new tablet, register its key; otherwise do not rely on this file."),
                ),
                Signer::Checked { standing: Standing::RetiredSignedAfter, name, since } => (
                    tr!("Signed with a retired key"),
                    tr!("The key of {device} was retired on {when}, and the file says it was signed after that. Ask the worker why before relying on it.", device = safe(name.as_deref().unwrap_or("the device")), when = when(since.as_deref().unwrap_or_default())),
                ),
                Signer::Checked { name, since, .. } => (
                    tr!("Signed with a revoked key"),
                    tr!("The key of {device} was revoked on {when} (a lost or stolen device). Do not rely on this file unless your records team has a record that it arrived before then.", device = safe(name.as_deref().unwrap_or("the device")), when = when(since.as_deref().unwrap_or_default())),
                ),
            };
            result.heading = heading;
            result.lead.push(why);
        }
        Verdict::Invalid | Verdict::Unreadable => {
            result.heading = tr!("Do not rely on this file");
            result.lead.push(tr!("{file} is not a valid signed summary. Do not import it. Ask for the file again from whoever sent it.", file = file));
            result.issues = v
                .errors
                .iter()
                .take(MAX_LISTED)
                .map(|e| (safe(&e.message), e.code.as_str().to_string()))
                .collect();
            result.more = v.error_count() - result.issues.len();
        }
    }
    if v.is_intact() {
        result.signer = signer_rows(v, list, device_kid);
        if let Some(s) = &v.summary {
            result.about = about(s);
        }
        if let Some(a) = &v.addendum {
            result.about = about_addendum(a);
            result.lead.push(tr!("It is for the records only: it adds to summary {id} without changing it, and is in nobody’s copy.", id = safe(a.addendum_to.id.as_str())));
            let records = kept
                .iter()
                .find(|k| k.document_id == a.addendum_to.id.as_str())
                .map(|k| super::verify::verify(k.text.as_bytes(), &Default::default()));
            if let Some(e) = records.and_then(|r| super::addendum::addendum_against_records(v, &r))
            {
                result.other_version = Some(tr!("This device keeps the summary it names, and it does not belong to it. {message} Do not rely on it.", message = safe(&e.message)));
            }
        }
        if let Some(of) = v.summary.as_ref().and_then(|s| s.copy_for.as_ref()) {
            result.lead.push(format!(
                "{} {}",
                safe(&tr!("This is {whose}.", whose = lower_first(&of.recipient.whose()))),
                crate::trn!(
                    of.kept_back,
                    "It was made from summary {id} and holds only what its reader may see: it leaves out {n} item. Records keep the summary, not this copy.",
                    "It was made from summary {id} and holds only what its reader may see: it leaves out {n} items. Records keep the summary, not this copy.",
                    id = safe(of.records_copy.as_str())
                )
            ));
            let records = kept
                .iter()
                .find(|k| k.document_id == of.records_copy.as_str())
                .map(|k| super::verify::verify(k.text.as_bytes(), &Default::default()));
            if let Some(e) = records.and_then(|r| super::copies::copy_against_records(&r, v)) {
                result.other_version = Some(tr!("This device keeps the summary this copy was made from, and this file is not the copy it names. {message} Do not rely on this copy.", message = safe(&e.message)));
            }
        }
        let id = v.document_id.as_deref().unwrap_or_default();
        let differs = kept
            .iter()
            .any(|k| k.document_id == id && sha256_base64url(k.text.as_bytes()) != v.sha256);
        if differs {
            result.other_version = Some(tr!("This device holds a different signed file with the same document id ({id}). Two files should never share an id: ask the worker which one was sent to the records team, and keep both until you know.", id = safe(id)));
        }
    }
    result
}
