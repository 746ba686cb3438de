//! Where each stored value lives: the deployment's namespace, and the
//! storage key of every kind of value (`docs/formats.md`, "Drafts on the
//! device").

/// Every storage key of the deployment at the root of its origin starts with
/// this, then `/`, so the app never reads another app's data. A deployment in
/// a folder has a namespace of its own (see [`namespace_for`]).
pub const NAMESPACE: &str = "review-together";

static DEPLOYMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The namespace of the app published at `base_path` (the folder it is
/// served from: `/`, `/test/`): [`NAMESPACE`] at the root, so drafts kept
/// before deployments had namespaces still open there; elsewhere
/// `review-together@` and the folder with `%` and `/` escaped. Two
/// deployments on one origin (`/test/` and `/live/`, or `/` and `/test/`, or
/// `/test/` and `/test/sub/`) therefore never share a key, nor does one's
/// namespace and a `/` start another's: every key is the namespace, `/`,
/// then the rest, and no namespace holds a `/`.
pub fn namespace_for(base_path: &str) -> String {
    let folder = format!("/{}/", base_path.trim_matches('/'));
    if folder == "//" {
        return NAMESPACE.into();
    }
    let escaped = folder.replace('%', "%25").replace('/', "%2F");
    format!("{NAMESPACE}@{escaped}")
}

/// Say once, at start, where this app is published (see [`namespace_for`]);
/// every key made afterwards is that deployment's. Returns the namespace in
/// force (the first one set: it never changes while the app runs).
pub fn set_deployment(base_path: &str) -> &'static str {
    DEPLOYMENT.get_or_init(|| namespace_for(base_path))
}

/// The namespace in force: the one [`set_deployment`] set, else [`NAMESPACE`].
pub fn namespace() -> &'static str {
    DEPLOYMENT.get().map_or(NAMESPACE, String::as_str)
}

/// Whether a storage key is this deployment's (and not another's on the
/// same origin, nor another app's).
pub fn is_ours(key: &str) -> bool {
    key.strip_prefix(namespace())
        .is_some_and(|rest| rest.starts_with('/'))
}

pub fn review_key(id: &str) -> String {
    format!("{}/review/{id}", namespace())
}
pub fn index_key() -> String {
    format!("{}/index", namespace())
}
pub fn settings_key() -> String {
    format!("{}/settings", namespace())
}
/// How the screen looks on this device (text size, colours, easy read).
pub fn display_key() -> String {
    format!("{}/display", namespace())
}
/// The signed summary of a review (see [`crate::summary::SignedFile`]).
pub fn summary_key(review_id: &str) -> String {
    format!("{}/summary/{review_id}", namespace())
}
/// The recipients' copies signed with a review's summary (see
/// [`crate::summary::CopyFile`]).
pub fn copies_key(review_id: &str) -> String {
    format!("{}/copies/{review_id}", namespace())
}
/// The worker's reflection while it is written ([`crate::reflection`]).
pub fn reflection_key(review_id: &str) -> String {
    format!("{}/reflection/{review_id}", namespace())
}
/// The worker's reflection, signed ([`crate::summary::AddendumFile`]).
pub fn addendum_key(review_id: &str) -> String {
    format!("{}/addendum/{review_id}", namespace())
}
/// Signed files of a review of kinds this build does not know (later
/// builds' recipient copies, addenda), kept exactly as a backup brought them
/// so that this device's next backup of the review carries them on.
pub fn other_signed_files_key(review_id: &str) -> String {
    format!("{}/signed-files/{review_id}", namespace())
}
/// This device's recovery-code file key and slot (see [`crate::recovery`]).
pub fn recovery_key() -> String {
    format!("{}/recovery", namespace())
}
/// This device's signing key (see [`crate::summary::device_key`]).
pub fn signing_key_key() -> String {
    format!("{}/signing-key", namespace())
}
/// The plain copy of the public part of this device's signing key (see
/// [`crate::summary::encode_public_copy`]); the key itself is in the
/// browser's key store.
pub fn signing_key_public_key() -> String {
    format!("{}/signing-key-public", namespace())
}
/// The records team's key list, imported on this device for the summary
/// checker (see [`ImportedTeamKeys`]).
pub fn team_keys_key() -> String {
    format!("{}/team-keys", namespace())
}
/// When the signed summary of a review was last saved as a file from this
/// device (see [`SummarySaved`]): what "Hand this tablet on" goes by.
pub fn summary_saved_key(review_id: &str) -> String {
    format!("{}/summary-saved/{review_id}", namespace())
}
/// The private turn on this device, while one is on
/// ([`crate::private_turn::PrivateTurn`]).
pub fn private_turn_key() -> String {
    format!("{}/private-turn", namespace())
}
/// The team configuration kept from where it came (see
/// [`crate::team::in_force`]): `hosted` beside the app, or `imported` here.
pub fn team_key(source: crate::team::Source) -> String {
    format!("{}/team/{}", namespace(), source.name())
}
/// Where an unreadable value is copied before its key is written again.
pub fn kept_aside_key(what: &str) -> String {
    format!("{}/kept-aside/{what}", namespace())
}
/// Where a review stored in an older format is copied, as it was, before
/// the first write in the current format replaces it.
pub fn older_format_key(review_id: &str, version: u64) -> String {
    kept_aside_key(&format!("older-format/review/{review_id}/v{version}"))
}
/// The start of every [`older_format_key`] of a review (removed with it).
pub fn older_format_prefix(review_id: &str) -> String {
    kept_aside_key(&format!("older-format/review/{review_id}/"))
}
/// The review id of a review key, if it is one.
pub fn review_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(namespace())?
        .strip_prefix("/review/")
        .filter(|id| !id.is_empty())
}
