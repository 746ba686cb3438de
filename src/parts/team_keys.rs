//! The team key list on this device: which list "Check a summary file"
//! uses, each device on it, and importing a new list from a file (the same
//! list `review-summary keys` keeps, read by the core's one model). The
//! device PIN, where set, is asked again before a list is taken, so that
//! whoever holds an unlocked tablet cannot quietly make a forged file look
//! valid here.

use crate::browser::pin;
use crate::browser::{clock, storage, upload};
use crate::components::{FileChoice, Notice, Page, PinAgain, PinEntry, SubmitButton};
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::draft::ImportedTeamKeys;
use review_core::summary::{grouped, TeamKey, TeamKeys};
use review_core::tr;
use review_core::words::long_moment_of;

/// A key list is a few kilobytes; anything over this is not one.
const MAX_LIST_BYTES: f64 = 1_000_000.0;

/// Where the import is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    /// The file could not be used; nothing was changed.
    Problem(String),
    /// A list read from a file, waiting to be taken.
    Read(Box<ImportedTeamKeys>, Box<TeamKeys>),
    Done,
}

fn status(key: &TeamKey) -> String {
    match (&key.revoked, &key.retired) {
        (Some(at), _) => tr!("Revoked on {when}", when = long_moment_of(at)),
        (None, Some(at)) => tr!("Retired on {when}", when = long_moment_of(at)),
        (None, None) => tr!("In use"),
    }
}

/// A list: its date and fingerprint, then each device on it.
fn list_view(list: TeamKeys) -> impl IntoView {
    let updated = list
        .updated
        .as_deref()
        .map_or_else(|| tr!("Not recorded"), long_moment_of);
    view! {
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{tr!("Last changed")}</dt>
                <dd class="app-summary-list__value">{updated}</dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{tr!("List fingerprint")}</dt>
                <dd class="app-summary-list__value" translate="no">{grouped(&list.fingerprint())}</dd>
            </div>
        </dl>
        <h3 class="app-heading-s">{tr!("Devices on the list ({count})", count = list.len())}</h3>
        <dl class="app-summary-list">
            {list.keys.into_iter().map(|k| view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key" translate="no">{k.name.clone()}</dt>
                    <dd class="app-summary-list__value">
                        <p class="app-body" translate="no">{grouped(&k.kid)}</p>
                        <p class="app-body">{status(&k)}</p>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// The list this device holds now.
fn current_list() -> impl IntoView {
    match storage::load_team_keys() {
        Ok(Some((imported, list))) => view! {
            <h2 class="app-heading-m">{tr!("The list on this device")}</h2>
            <p class="app-hint">{tr!("Imported from {file} on {when}.", file = imported.file_name, when = long_moment_of(&imported.imported_at))}</p>
            {list_view(list)}
        }
        .into_any(),
        Ok(None) => view! {
            <p class="app-body">{tr!("This device has no team key list yet.")}</p>
        }
        .into_any(),
        Err(unreadable) => view! {
            <div class="app-warning-text">
                <p class="app-warning-text__text">
                    {tr!("The team key list on this device cannot be read ({why}). It is kept aside when a new list is imported.", why = unreadable.error)}
                </p>
            </div>
        }
        .into_any(),
    }
}

/// Read a chosen file as a key list, strictly.
async fn read_list(file: web_sys::File) -> Step {
    let name = file.name();
    let bytes = match upload::read_bytes(&file, MAX_LIST_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => return Step::Problem(tr!("{why}. Nothing was changed.", why = e)),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            return Step::Problem(tr!(
                "{name} is not a text file, so it is not a team key list. Nothing was changed.",
                name = name
            ))
        }
    };
    match TeamKeys::from_json(&text) {
        Ok(list) if list.is_empty() => Step::Problem(tr!("{name} holds no Review Together device keys. Nothing was changed.", name = name)),
        Ok(list) => Step::Read(
            Box::new(ImportedTeamKeys {
                list: list.to_json(),
                file_name: name,
                imported_at: clock::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            }),
            Box::new(list),
        ),
        Err(e) => Step::Problem(tr!("{name} cannot be used as a team key list: {why}. Nothing was changed; ask your records team for the list made with review-summary keys.", name = name, why = e)),
    }
}

/// Import or replace the team key list.
#[component]
pub fn TeamKeysPage() -> impl IntoView {
    let step = RwSignal::new(Step::Choose);
    let pin_entry = PinEntry::new();
    let PinEntry {
        busy,
        problem: pin_problem,
        ..
    } = pin_entry;
    // Bumped when a list is taken, so the current list is read again.
    let taken = RwSignal::new(0u32);
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = upload::chosen_file(&ev) else {
            return;
        };
        pin_problem.set(None);
        leptos::task::spawn_local(async move {
            step.set(read_list(file).await);
        });
    };
    let keep = move |imported: ImportedTeamKeys| match storage::save_team_keys(&imported) {
        Ok(()) => {
            step.set(Step::Done);
            taken.update(|n| *n += 1);
        }
        Err(e) => step.set(Step::Problem(tr!(
            "The list could not be kept on this device: {why}. The list here is unchanged.",
            why = e
        ))),
    };
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Step::Read(imported, _) = step.get_untracked() else {
            return;
        };
        if !pin::is_set() {
            keep(*imported);
            return;
        }
        pin_entry.check(
            tr!("Enter the device PIN to use this list"),
            tr!("The list was not taken."),
            move || keep(*imported),
        );
    };
    let body = move || {
        match step.get() {
        Step::Choose | Step::Problem(_) | Step::Done => {
            let said = match step.get() {
                Step::Problem(p) => Some(view! {
                    <Notice warning=true><p class="app-body">{p}</p></Notice>
                }.into_any()),
                Step::Done => Some(view! {
                    <Notice>
                        <p class="app-body">{tr!("The team key list is now on this device. Check a summary file uses it from now on.")}</p>
                        <p class="app-body"><A exact=true href=crate::href("/check-summary") attr:class="app-link app-link--standalone">{tr!("Check a summary file")}</A></p>
                    </Notice>
                }.into_any()),
                _ => None,
            };
            view! {
                {said}
                <FileChoice id="team-keys-file" label={tr!("Team key list file")}
                    hint={tr!("The list your records team made with review-summary keys (for example team.keys or team.jwks).")}
                    accept=".json,.jwks,.keys,application/json" on_change=chosen />
            }
            .into_any()
        }
        Step::Read(imported, list) => view! {
            <h3 class="app-heading-s">{tr!("The list in {file}", file = imported.file_name)}</h3>
            <p class="app-body">{tr!("Before you use it, read its fingerprint to your records team and check it is the list they sent.")}</p>
            {list_view(*list)}
            <form novalidate on:submit=take>
                <PinAgain entry=pin_entry id="team-keys-pin"
                    hint={tr!("The list decides whose summaries this device calls valid, so the PIN is asked again.")} />
                <div class="app-button-group">
                    <SubmitButton label={tr!("Use this list")} working={tr!("Checking the PIN…")} busy=busy />
                    <button type="button" class="app-button app-button--secondary"
                        on:click=move |_| step.set(Step::Choose)>
                        {tr!("Do not use it")}
                    </button>
                </div>
            </form>
        }
        .into_any(),
    }
    };
    view! {
        <Page back="/settings" back_text={tr!("Device settings")} title={tr!("Team key list")}
            intro={tr!("Your records team keeps the list of devices whose signed summaries it trusts. With a copy of it here, Check a summary file can say which device signed a file, and warns about any device the team does not know, has retired or has revoked.")}>
            <p class="app-body">
                {tr!("The records team’s own list is the authority: if this copy and theirs differ, theirs counts.")}
            </p>
            {move || { taken.track(); current_list() }}
            <h2 class="app-heading-m">{tr!("Import a list")}</h2>
            {body}
        </Page>
    }
}
