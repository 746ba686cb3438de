//! The team's configuration (`team.json`): who the team is, once for every
//! tablet — its name and contacts, how to complain, its key list, the
//! identifiers it uses and the languages it offers. One model for every
//! feature that needs the team: the contacts a carer is shown, the key list
//! "Check a summary file" uses, the identifiers and languages later screens
//! offer.
//!
//! A deployer puts `team.json` beside the app (read at every start and kept
//! for offline use), or a worker imports it on a tablet where none is hosted;
//! a hosted file wins ([`in_force`]). The file is read strictly: a member
//! nobody knows, a value of the wrong kind, a malformed phone number, email,
//! date, language tag, identifier format or key list refuses the whole file
//! with the member named (`team.email: …`), so a mistake is found where it
//! is made, never half-used.
//!
//! The reader walks the parsed file by hand (no serde derive in the app: the
//! derives here are for the schema and the tests, which hold the reader to
//! them); a repeated member is refused too.
//!
//! The JSON Schema (draft 2020-12) is generated from these types and
//! shipped at `docs/team-v1.schema.json`; a test fails when they differ
//! (`UPDATE_SCHEMA=1 cargo test -p review-core --test team` writes it again).

mod profile;
mod read;

pub use profile::*;
pub use read::is_language_tag;
use serde::{Deserialize, Serialize};

/// Where the configuration in force came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Beside the app on its host, read at start.
    Hosted,
    /// Imported on this device by a worker.
    Imported,
}

impl Source {
    /// Its name in storage keys: "hosted" or "imported".
    pub fn name(self) -> &'static str {
        match self {
            Source::Hosted => "hosted",
            Source::Imported => "imported",
        }
    }
}

/// A configuration kept on the device: the file's text exactly as it came,
/// where from, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptTeam {
    pub text: String,
    pub source: Source,
    /// When this device read it (RFC 3339).
    pub received_at: String,
    /// The file's name, for an imported one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

impl KeptTeam {
    /// The configuration it holds, read again as strictly as when it came.
    pub fn profile(&self) -> Result<TeamProfile, TeamError> {
        TeamProfile::from_json(&self.text)
    }
}

/// The configuration in force: a hosted one wins over one imported on the
/// device (the deployer's word is the team's); an unreadable one never counts.
pub fn in_force<'a>(
    hosted: Option<&'a KeptTeam>,
    imported: Option<&'a KeptTeam>,
) -> Option<(&'a KeptTeam, TeamProfile)> {
    [hosted, imported]
        .into_iter()
        .flatten()
        .find_map(|kept| kept.profile().ok().map(|profile| (kept, profile)))
}

/// The configuration's JSON Schema, generated from [`TeamProfile`].
pub fn schema_json() -> String {
    crate::summary::schema::pretty(&crate::summary::schema::generate_for::<TeamProfile>(
        SCHEMA_ID,
    ))
}
