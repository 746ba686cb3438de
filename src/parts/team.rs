//! The team configuration on screen: the contacts a carer needs (how to
//! reach the team, how to complain), and the settings page that says which
//! configuration is in force, where it came from and its date, and imports
//! one where none is hosted (see `crate::team`).

use crate::browser::{pin, upload};
use crate::components::SecondaryAction;
use crate::components::{FileChoice, Notice, Page, PinAgain, PinEntry, SubmitButton};
use crate::team::{use_team, InForce};
use leptos::prelude::*;
use review_core::summary::grouped;
use review_core::team::{self, Source, TeamProfile};
use review_core::words::{long_date, long_moment_of};
use review_core::{tr, trn};

/// One row of a summary list, left out when there is nothing to say: its
/// value in our words.
fn row(key: String, value: Option<String>) -> Option<impl IntoView> {
    any_row(key, value, None)
}

/// A row whose value is the configuration's own (a name, a number, an
/// address): never translated (`translate="no"`).
fn data_row(key: String, value: Option<String>) -> Option<impl IntoView> {
    any_row(key, value, Some("no"))
}

fn any_row(
    key: String,
    value: Option<String>,
    translate: Option<&'static str>,
) -> Option<impl IntoView> {
    value.filter(|v| !v.trim().is_empty()).map(|value| {
        view! {
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{key}</dt>
                <dd class="app-summary-list__value" translate=translate>{value}</dd>
            </div>
        }
    })
}

/// How to reach the team and how to complain, from the configuration in
/// force; nothing where there is none.
#[component]
pub fn TeamContacts() -> impl IntoView {
    let team = use_team();
    move || {
        team.in_force.get().map(|InForce { profile, .. }| {
            let TeamProfile { team, complaints, .. } = profile;
            let phone = Some(match &team.hours {
                Some(hours) => format!("{} ({hours})", team.phone),
                None => team.phone.clone(),
            });
            view! {
                <section class="app-inset-text" aria-labelledby="team-contacts-title">
                    <h2 class="app-heading-m" id="team-contacts-title">{tr!("Contacting {team}", team = team.name)}</h2>
                    <dl class="app-summary-list">
                        {data_row(tr!("Organisation"), team.organisation)}
                        {data_row(tr!("Phone"), phone)}
                        {data_row(tr!("Email"), Some(team.email))}
                        {data_row(tr!("Address"), team.address)}
                    </dl>
                    <h3 class="app-heading-s">{tr!("If you are not happy with the review or the support")}</h3>
                    <p class="app-body">{complaints.how}</p>
                    <dl class="app-summary-list">
                        {data_row(tr!("Phone"), complaints.phone)}
                        {data_row(tr!("Email"), complaints.email)}
                        {data_row(tr!("Address"), complaints.address)}
                        {data_row(tr!("On the web"), complaints.web)}
                    </dl>
                </section>
            }
        })
    }
}

/// Where the configuration in force came from, in words.
fn source_words(kept: &review_core::team::KeptTeam) -> String {
    match kept.source {
        Source::Hosted => tr!(
            "From the app’s host, read on {when}.",
            when = long_moment_of(&kept.received_at)
        ),
        Source::Imported => tr!(
            "Imported on this device from {file} on {when}.",
            file = kept.file_name.clone().unwrap_or_else(|| tr!("a file")),
            when = long_moment_of(&kept.received_at)
        ),
    }
}

/// The configuration's date in words ("1 December 2026").
pub fn dated(profile: &TeamProfile) -> String {
    chrono::NaiveDate::parse_from_str(&profile.updated, "%Y-%m-%d")
        .map_or_else(|_| profile.updated.clone(), long_date)
}

/// What a configuration says, in brief (and where it came from, if kept).
fn profile_rows(profile: &TeamProfile, came_from: Option<String>) -> impl IntoView {
    let keys = profile.key_list().map(|list| {
        trn!(
            list.len(),
            "{n} device, list fingerprint {fingerprint}",
            "{n} devices, list fingerprint {fingerprint}",
            fingerprint = grouped(&list.fingerprint())
        )
    });
    let identifiers = (!profile.identifiers.is_empty()).then(|| {
        profile
            .identifiers
            .iter()
            .map(|i| i.label.clone())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let dated = dated(profile);
    view! {
        <dl class="app-summary-list">
            {data_row(tr!("Team"), Some(profile.team.name.clone()))}
            {row(tr!("Dated"), Some(dated))}
            {row(tr!("Where it came from"), came_from)}
            {row(tr!("Team key list"), keys)}
            {data_row(tr!("Identifiers"), identifiers)}
            {data_row(tr!("Languages offered"), Some(profile.languages.join(", ")))}
        </dl>
    }
}

/// The configuration in force, or that there is none.
fn in_force_view(in_force: Option<InForce>) -> impl IntoView {
    let Some(InForce { kept, profile }) = in_force else {
        return view! {
            <p class="app-body">{tr!("This device has no team configuration. Your team’s name, contacts and complaints route are not shown to carers until it has one.")}</p>
        }
        .into_any();
    };
    view! {
        {profile_rows(&profile, Some(source_words(&kept)))}
        <TeamContacts />
    }
    .into_any()
}

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    Problem(String),
    /// A file read, waiting to be taken: its name and text, and what it says.
    Read(String, String, Box<TeamProfile>),
    Done,
}

/// Read a chosen file as a team configuration, strictly.
async fn read_file(file: web_sys::File) -> Step {
    let name = file.name();
    let bytes = match upload::read_bytes(&file, team::MAX_BYTES as f64).await {
        Ok(bytes) => bytes,
        Err(e) => return Step::Problem(tr!("{why}. Nothing was changed.", why = e)),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Step::Problem(tr!(
            "{name} is not a text file, so it is not a team configuration. Nothing was changed.",
            name = name
        ));
    };
    match TeamProfile::from_json(&text) {
        Ok(profile) => Step::Read(name, text, Box::new(profile)),
        Err(e) => Step::Problem(tr!(
            "{name} cannot be used: {why}. Nothing was changed.",
            name = name,
            why = e
        )),
    }
}

/// "Team configuration" in the device settings.
#[component]
pub fn TeamConfigPage() -> impl IntoView {
    let team = use_team();
    let step = RwSignal::new(Step::Choose);
    let pin_entry = PinEntry::new();
    let hosted = move || {
        team.in_force
            .with(|f| f.as_ref().is_some_and(|f| f.kept.source == Source::Hosted))
    };
    let imported_kept = move || {
        crate::browser::storage::load_team(Source::Imported)
            .ok()
            .flatten()
            .is_some()
    };
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = upload::chosen_file(&ev) else {
            return;
        };
        pin_entry.problem.set(None);
        leptos::task::spawn_local(async move { step.set(read_file(file).await) });
    };
    let keep = move |name: String, text: String| match crate::team::import(team, text, name) {
        Ok(()) => step.set(Step::Done),
        Err(e) => step.set(Step::Problem(tr!(
            "It could not be kept on this device: {why}. Nothing was changed.",
            why = e
        ))),
    };
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Step::Read(name, text, _) = step.get_untracked() else {
            return;
        };
        if !pin::is_set() {
            keep(name, text);
            return;
        }
        pin_entry.check(
            tr!("Enter the device PIN to use this configuration"),
            tr!("The configuration was not taken."),
            move || keep(name, text),
        );
    };
    let remove = move |_| match crate::team::remove_imported(team) {
        Ok(()) => step.set(Step::Choose),
        Err(e) => step.set(Step::Problem(tr!(
            "The imported configuration could not be removed: {why}.",
            why = e
        ))),
    };
    let import = move || {
        if hosted() {
            return view! {
                <p class="app-body">{tr!("The configuration from the app’s host is the team’s: it is used on every tablet, and one imported here would not count. To change it, ask whoever publishes the app.")}</p>
            }
            .into_any();
        }
        match step.get() {
            Step::Read(name, _, profile) => view! {
                <h3 class="app-heading-s">{tr!("The configuration in {name}", name = name)}</h3>
                <p class="app-body">{tr!("Check it is your team’s before you use it.")}</p>
                {profile_rows(&profile, None)}
                <form novalidate on:submit=take>
                    <PinAgain entry=pin_entry id="team-config-pin"
                        hint={tr!("The configuration decides whose summaries this device calls valid and which contacts carers see, so the PIN is asked again.")} />
                    <div class="app-button-group">
                        <SubmitButton label={tr!("Use this configuration")} working={tr!("Checking the PIN…")} busy=pin_entry.busy />
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::Choose)>
                            {tr!("Do not use it")}
                        </button>
                    </div>
                </form>
            }
            .into_any(),
            shown => view! {
                {match shown {
                    Step::Problem(p) => Some(view! {
                        <Notice warning=true><p class="app-body">{p}</p></Notice>
                    }.into_any()),
                    Step::Done => Some(view! {
                        <Notice><p class="app-body">{tr!("The team configuration is now in force on this device.")}</p></Notice>
                    }.into_any()),
                    _ => None,
                }}
                <FileChoice id="team-config-file" label={tr!("Team configuration file")}
                    hint={tr!("The team.json file your team sent you.")} accept=".json,application/json" on_change=chosen />
                {imported_kept().then(|| view! {
                    <SecondaryAction on_press=Callback::new(remove)>{tr!("Remove the imported configuration")}</SecondaryAction>
                })}
            }
            .into_any(),
        }
    };
    view! {
        <Page back="/settings" back_text={tr!("Device settings")} title={tr!("Team configuration")}
            intro={tr!("Your team’s name, contacts, complaints route, key list, identifiers and languages, the same on every tablet of the team.")}>
            {move || team.hosted_problem.get().map(|p| view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">{tr!("The team configuration on the app’s host (team.json) cannot be used: {why}. Tell whoever publishes the app.", why = p)}</p>
                </div>
            })}
            {move || team.kept_problem.get().map(|p| view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">{tr!("A team configuration kept on this device cannot be read ({why}), so it is not used.", why = p)}</p>
                </div>
            })}
            <h2 class="app-heading-m">{tr!("In force on this device")}</h2>
            {move || in_force_view(team.in_force.get())}
            <h2 class="app-heading-m">{tr!("Import a configuration")}</h2>
            {import}
        </Page>
    }
}
