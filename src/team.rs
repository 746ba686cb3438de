//! The team configuration in force on this device (`review_core::team`):
//! the one kept from the host (`team.json` beside the app, read again at
//! every start and kept for offline use), else one a worker imported here.
//!
//! Who could misuse it, and what stops them:
//! - Whoever runs the host serves the app itself too: the configuration gives
//!   them nothing more.
//! - Someone holding an unlocked tablet could import a configuration whose
//!   key list trusts their own key, or whose contacts are theirs. An import
//!   asks for the device PIN again (where one is set), a hosted file always
//!   wins over an imported one, and the settings say which one is in force,
//!   where it came from and its key list's fingerprint.
//! - Someone who edits the browser's storage: what is kept is read again, as
//!   strictly as a new file, at every start; what does not read is never
//!   used and is reported.
//! - A host without the file answers with its "not found" page or with the
//!   app's folder (docs/deploy.md): only a JSON answer counts as a file.

use crate::browser::{clock, deployment, storage};
use leptos::prelude::*;
use review_core::team::{self, KeptTeam, Source, TeamProfile};
use review_core::tr;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A configuration in force: as kept, and as read.
#[derive(Clone, Debug, PartialEq)]
pub struct InForce {
    pub kept: KeptTeam,
    pub profile: TeamProfile,
}

/// The team configuration's state, for every screen.
#[derive(Clone, Copy)]
pub struct Team {
    /// The configuration in force, if any.
    pub in_force: RwSignal<Option<InForce>>,
    /// Why the file on the host cannot be used, if it cannot.
    pub hosted_problem: RwSignal<Option<String>>,
    /// Why a configuration kept on this device cannot be read, if one cannot.
    pub kept_problem: RwSignal<Option<String>>,
}

/// What storage holds now: the configuration in force, and why a kept one
/// cannot be read.
fn from_storage() -> (Option<InForce>, Option<String>) {
    let mut problems = Vec::new();
    let mut load = |source| match storage::load_team(source) {
        Ok(kept) => kept,
        Err(unreadable) => {
            problems.push(unreadable.error.to_string());
            None
        }
    };
    let hosted = load(Source::Hosted);
    let imported = load(Source::Imported);
    for kept in hosted.iter().chain(imported.iter()) {
        if let Err(e) = kept.profile() {
            problems.push(e.to_string());
        }
    }
    let in_force =
        team::in_force(hosted.as_ref(), imported.as_ref()).map(|(kept, profile)| InForce {
            kept: kept.clone(),
            profile,
        });
    (
        in_force,
        (!problems.is_empty()).then(|| problems.join("; ")),
    )
}

impl Team {
    /// Read storage again into the signals.
    pub fn reload(self) {
        let (in_force, problem) = from_storage();
        self.in_force.set(in_force);
        self.kept_problem.set(problem);
    }
}

/// Read what is kept, offer it to every screen, and look for the host's file.
pub fn provide_team() {
    let (in_force, problem) = from_storage();
    let team = Team {
        in_force: RwSignal::new(in_force),
        hosted_problem: RwSignal::new(None),
        kept_problem: RwSignal::new(problem),
    };
    provide_context(team);
    leptos::task::spawn_local(async move {
        match fetch_hosted().await {
            Hosted::File(text) => match TeamProfile::from_json(&text) {
                Ok(_) => {
                    let unchanged = storage::load_team(Source::Hosted)
                        .ok()
                        .flatten()
                        .is_some_and(|k| k.text == text);
                    let kept = KeptTeam {
                        text,
                        source: Source::Hosted,
                        received_at: clock::now()
                            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                        file_name: None,
                    };
                    let problem = (!unchanged)
                        .then(|| storage::save_team(&kept).err())
                        .flatten()
                        .map(|e| tr!("it could not be kept on this device ({why})", why = e));
                    team.hosted_problem.set(problem);
                }
                Err(e) => team.hosted_problem.set(Some(e.to_string())),
            },
            Hosted::None => {
                // The deployer took it away: it is no longer the team's word.
                let _ = storage::remove_team(Source::Hosted);
            }
            // No network (or a host that failed): what is kept stays.
            Hosted::Unknown => {}
        }
        team.reload();
    });
}

pub fn use_team() -> Team {
    expect_context::<Team>()
}

/// The key list this device checks signers against: the team
/// configuration's, where it has one (the team's word on every tablet),
/// else the list imported on this device (`None` when there is neither, or
/// it cannot be read).
pub fn trusted_keys() -> Option<review_core::summary::TeamKeys> {
    use_team()
        .in_force
        .with_untracked(|f| f.as_ref().and_then(|f| f.profile.key_list()))
        .or_else(|| {
            storage::load_team_keys()
                .ok()
                .flatten()
                .map(|(_, list)| list)
        })
}

/// What the host said about `team.json`.
enum Hosted {
    File(String),
    None,
    Unknown,
}

/// Ask the host for `team.json` beside the app, past any cache.
async fn fetch_hosted() -> Hosted {
    let Some(window) = web_sys::window() else {
        return Hosted::Unknown;
    };
    // With no network, do not even ask (the browser would log the failure).
    if !window.navigator().on_line() {
        return Hosted::Unknown;
    }
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let url = deployment::file(team::FILE_NAME);
    let Ok(answer) = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await else {
        return Hosted::Unknown;
    };
    let Ok(response) = answer.dyn_into::<web_sys::Response>() else {
        return Hosted::Unknown;
    };
    let json = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
    match response.status() {
        // A redirect (to the app's folder) or a page is the host saying
        // there is no such file.
        200 if !response.redirected() && json => {}
        200 | 404 | 410 => return Hosted::None,
        _ => return Hosted::Unknown,
    }
    let Ok(text) = response.text() else {
        return Hosted::Unknown;
    };
    match JsFuture::from(text).await.ok().and_then(|t| t.as_string()) {
        Some(text) => Hosted::File(text),
        None => Hosted::Unknown,
    }
}

/// Keep a configuration a worker chose on this device.
pub fn import(team: Team, text: String, file_name: String) -> Result<(), String> {
    let kept = KeptTeam {
        text,
        source: Source::Imported,
        received_at: clock::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        file_name: Some(file_name),
    };
    storage::save_team(&kept).map_err(|e| e.to_string())?;
    team.reload();
    Ok(())
}

/// Remove the configuration imported on this device.
pub fn remove_imported(team: Team) -> Result<(), String> {
    storage::remove_team(Source::Imported).map_err(|e| e.to_string())?;
    team.reload();
    Ok(())
}
