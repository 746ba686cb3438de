//! "Check a summary file" (P23, receiving side): choose a signed summary and
//! the app says, on this device, whether it is valid from a device on the
//! team's key list, intact but from a signer the list does not trust, or
//! not to be relied on, and why. What to say is decided in the core
//! (`summary::check_result`); this view reads the file, the device's key
//! list and kept summaries, and renders the result.

use crate::browser::{storage, upload};
use crate::components::{FileChoice, Page};
use crate::signing;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::summary::{
    check_result, grouped, verify, CheckResult, Kept, Row, TeamKeys, Verdict, VerifyOptions,
};
use review_core::words::long_moment_of;
use review_core::{tr, trn};

/// The largest file the check reads: a summary is a few tens of kilobytes.
const MAX_FILE_BYTES: f64 = 5_000_000.0;

/// What checking one file came to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Checked {
    Reading(String),
    /// The file could not be read at all (too big, unreadable).
    NotRead {
        file: String,
        why: String,
    },
    Done(Box<CheckResult>),
}

/// The team configuration's key list and the configuration's date, if it has one.
fn configured_list() -> Option<(String, TeamKeys)> {
    let team = crate::team::use_team();
    team.in_force
        .get_untracked()
        .and_then(|f| Some((super::team::dated(&f.profile), f.profile.key_list()?)))
}

/// Read the chosen file and check it, all on this device.
async fn check_file(file: web_sys::File, list: Option<TeamKeys>) -> Checked {
    let name = file.name();
    let bytes = match upload::read_bytes(&file, MAX_FILE_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            return Checked::NotRead {
                file: name,
                why: format!("{e}."),
            }
        }
    };
    let options = VerifyOptions {
        trusted_keys: list.as_ref(),
        receipts: None,
    };
    let verification = verify(&bytes, &options);
    let kept = storage::kept_summaries();
    let kept: Vec<Kept> = kept
        .iter()
        .map(|f| Kept {
            document_id: &f.document_id,
            text: &f.text,
        })
        .collect();
    Checked::Done(Box::new(check_result(
        &name,
        &verification,
        list.as_ref(),
        signing::device_kid().as_deref(),
        &kept,
    )))
}

/// Rows of "what" and "value".
/// The file's own data (names, ids, keys) is marked as never translated.
pub(crate) fn rows_view(rows: Vec<Row>) -> impl IntoView {
    view! {
        <dl class="app-summary-list">
            {rows.into_iter().map(|r| {
                let gap = !r.data.is_empty() && !r.words.is_empty();
                let data = (!r.data.is_empty()).then(|| view! { <span translate="no">{r.data}</span> });
                view! {
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">{r.label}</dt>
                        <dd class="app-summary-list__value">{data}{gap.then_some(" ")}{r.words}</dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// One checked file: the verdict banner, who signed it, what it is about,
/// what is wrong.
fn result_view(r: CheckResult, heading_ref: NodeRef<html::H2>) -> impl IntoView {
    let banner = if r.verdict == Verdict::Valid {
        "app-notification-banner app-notification-banner--success"
    } else {
        "app-notification-banner app-notification-banner--warning"
    };
    let more = (r.more > 0).then(|| {
        trn!(
            r.more,
            "… and {n} more problem.",
            "… and {n} more problems."
        )
    });
    view! {
        <div class=banner>
            <div class="app-notification-banner__content">
                <h2 class="app-heading-m" tabindex="-1" node_ref=heading_ref>{r.heading}</h2>
                {r.lead.into_iter().map(|p| view! { <p class="app-body">{p}</p> }).collect_view()}
            </div>
        </div>
        {r.other_version.map(|text| view! {
            <div class="app-warning-text">
                <p class="app-warning-text__text">{text}</p>
            </div>
        })}
        {(!r.signer.is_empty()).then(|| view! {
            <h3 class="app-heading-s">{tr!("Who signed it")}</h3>
            {rows_view(r.signer)}
        })}
        {(!r.about.is_empty()).then(|| view! {
            <h3 class="app-heading-s">{tr!("What the summary is about")}</h3>
            {rows_view(r.about)}
        })}
        {(!r.issues.is_empty()).then(|| view! {
            <h3 class="app-heading-s">{tr!("What is wrong")}</h3>
            <ul class="app-list app-list--bullet">
                {r.issues.into_iter().map(|(why, code)| view! {
                    <li>{why}" "<span class="app-hint">{tr!("(code: {code})", code = code)}</span></li>
                }).collect_view()}
            </ul>
            {more.map(|m| view! { <p class="app-body">{m}</p> })}
        })}
    }
}

/// Which list the check uses, said before the file is chosen.
fn list_status() -> impl IntoView {
    if let Some((dated, list)) = configured_list() {
        return view! {
            <p class="app-body">
                {trn!(
                    list.len(),
                    "Files are checked against the key list in your team configuration ({n} device, configuration dated {dated}, list fingerprint {fingerprint}).",
                    "Files are checked against the key list in your team configuration ({n} devices, configuration dated {dated}, list fingerprint {fingerprint}).",
                    dated = dated,
                    fingerprint = grouped(&list.fingerprint()),
                )}
                " "
                <A exact=true href=crate::href("/settings/team") attr:class="app-link">{tr!("Team configuration")}</A>
            </p>
        }
        .into_any();
    }
    match storage::load_team_keys() {
        Ok(Some((imported, list))) => view! {
            <p class="app-body">
                {trn!(
                    list.len(),
                    "Files are checked against your team’s key list ({n} device, last changed {changed}, list fingerprint {fingerprint}).",
                    "Files are checked against your team’s key list ({n} devices, last changed {changed}, list fingerprint {fingerprint}).",
                    changed = list.updated.as_deref().map_or_else(|| tr!("on a date it does not say"), long_moment_of),
                    fingerprint = grouped(&list.fingerprint()),
                )}
                " "
                <A exact=true href=crate::href("/settings/team-keys") attr:class="app-link">{tr!("Team key list")}</A>
            </p>
            <p class="app-hint">{tr!("Imported from {file} on {when}.", file = imported.file_name, when = long_moment_of(&imported.imported_at))}</p>
        }
        .into_any(),
        Ok(None) => view! {
            <div class="app-warning-text">
                <p class="app-warning-text__text">
                    {tr!("This device has no team key list, so it can say whether a file has changed but not who signed it.")}
                </p>
            </div>
            <p class="app-body">
                <A exact=true href=crate::href("/settings/team-keys") attr:class="app-link app-link--standalone">{tr!("Import your team’s key list")}</A>
            </p>
        }
        .into_any(),
        Err(unreadable) => view! {
            <div class="app-warning-text">
                <p class="app-warning-text__text">
                    {tr!("The team key list on this device cannot be read ({why}), so no signer can be checked.", why = unreadable.error)}
                </p>
            </div>
            <p class="app-body">
                <A exact=true href=crate::href("/settings/team-keys") attr:class="app-link app-link--standalone">{tr!("Import your team’s key list again")}</A>
            </p>
        }
        .into_any(),
    }
}

/// Check a summary file: choose it, and the app says in plain words whether
/// it is valid, from whom, and if not, why. Nothing leaves the device.
#[component]
pub fn CheckSummary() -> impl IntoView {
    let checked = RwSignal::new(None::<Checked>);
    let result_heading = NodeRef::<html::H2>::new();
    // Move focus to the result once there is one, so it is read out.
    Effect::new(move |_| {
        if matches!(checked.get(), Some(c) if !matches!(c, Checked::Reading(_))) {
            if let Some(h) = result_heading.get() {
                let _ = h.focus();
            }
        }
    });
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = upload::chosen_file(&ev) else {
            checked.set(None);
            return;
        };
        checked.set(Some(Checked::Reading(file.name())));
        let list = crate::team::trusted_keys();
        leptos::task::spawn_local(async move {
            checked.set(Some(check_file(file, list).await));
        });
    };
    let result = move || {
        checked.get().map(|c| match c {
            Checked::Reading(file) => {
                view! { <p class="app-body">{format!("Checking {file}…")}</p> }.into_any()
            }
            Checked::NotRead { file, why } => view! {
                <div class="app-notification-banner app-notification-banner--warning">
                    <div class="app-notification-banner__content">
                        <h2 class="app-heading-m" tabindex="-1" node_ref=result_heading>
                            {tr!("{file} could not be checked", file = file)}
                        </h2>
                        <p class="app-body">{why}</p>
                    </div>
                </div>
            }
            .into_any(),
            Checked::Done(r) => result_view(*r, result_heading).into_any(),
        })
    };
    view! {
        <Page back="/" back_text={tr!("All reviews")} title={tr!("Check a summary file")}
            intro={tr!("Choose a summary file (.json) to check that it was made by Review Together, signed by a device your team trusts, and not changed since. The file is checked on this device and sent nowhere.")}>
            {list_status()}
            <FileChoice id="summary-file" label={tr!("Summary file")} accept=".json,application/json"
                on_change=chosen />
            <div role="status" aria-live="polite">{result}</div>
            <p class="app-hint">
                {tr!("Your records team’s own key list is the authority on which devices are trusted. This check on the tablet uses the copy imported here.")}
            </p>
        </Page>
    }
}
