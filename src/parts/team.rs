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
use review_core::words::{count_of, long_date, long_moment_of};

/// One row of a summary list, left out when there is nothing to say.
fn row(key: &'static str, value: Option<String>) -> Option<impl IntoView> {
    value.filter(|v| !v.trim().is_empty()).map(|value| {
        view! {
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{key}</dt>
                <dd class="app-summary-list__value">{value}</dd>
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
                    <h2 class="app-heading-m" id="team-contacts-title">{format!("Contacting {}", team.name)}</h2>
                    <dl class="app-summary-list">
                        {row("Organisation", team.organisation)}
                        {row("Phone", phone)}
                        {row("Email", Some(team.email))}
                        {row("Address", team.address)}
                    </dl>
                    <h3 class="app-heading-s">"If you are not happy with the review or the support"</h3>
                    <p class="app-body">{complaints.how}</p>
                    <dl class="app-summary-list">
                        {row("Phone", complaints.phone)}
                        {row("Email", complaints.email)}
                        {row("Address", complaints.address)}
                        {row("On the web", complaints.web)}
                    </dl>
                </section>
            }
        })
    }
}

/// Where the configuration in force came from, in words.
fn source_words(kept: &review_core::team::KeptTeam) -> String {
    match kept.source {
        Source::Hosted => format!(
            "From the app’s host, read on {}.",
            long_moment_of(&kept.received_at)
        ),
        Source::Imported => format!(
            "Imported on this device from {} on {}.",
            kept.file_name.as_deref().unwrap_or("a file"),
            long_moment_of(&kept.received_at)
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
        format!(
            "{}, list fingerprint {}",
            count_of(list.len(), "device", "devices"),
            grouped(&list.fingerprint())
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
            {row("Team", Some(profile.team.name.clone()))}
            {row("Dated", Some(dated))}
            {row("Where it came from", came_from)}
            {row("Team key list", keys)}
            {row("Identifiers", identifiers)}
            {row("Languages offered", Some(profile.languages.join(", ")))}
        </dl>
    }
}

/// The configuration in force, or that there is none.
fn in_force_view(in_force: Option<InForce>) -> impl IntoView {
    let Some(InForce { kept, profile }) = in_force else {
        return view! {
            <p class="app-body">"This device has no team configuration. Your team’s name, contacts and complaints route are not shown to carers until it has one."</p>
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
        Err(e) => return Step::Problem(format!("{e}. Nothing was changed.")),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Step::Problem(format!(
            "{name} is not a text file, so it is not a team configuration. Nothing was changed."
        ));
    };
    match TeamProfile::from_json(&text) {
        Ok(profile) => Step::Read(name, text, Box::new(profile)),
        Err(e) => Step::Problem(format!("{name} cannot be used: {e}. Nothing was changed.")),
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
        Err(e) => step.set(Step::Problem(format!(
            "It could not be kept on this device: {e}. Nothing was changed."
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
            "Enter the device PIN to use this configuration",
            " The configuration was not taken.",
            move || keep(name, text),
        );
    };
    let remove = move |_| match crate::team::remove_imported(team) {
        Ok(()) => step.set(Step::Choose),
        Err(e) => step.set(Step::Problem(format!(
            "The imported configuration could not be removed: {e}."
        ))),
    };
    let import = move || {
        if hosted() {
            return view! {
                <p class="app-body">"The configuration from the app’s host is the team’s: it is used on every tablet, and one imported here would not count. To change it, ask whoever publishes the app."</p>
            }
            .into_any();
        }
        match step.get() {
            Step::Read(name, _, profile) => view! {
                <h3 class="app-heading-s">{format!("The configuration in {name}")}</h3>
                <p class="app-body">"Check it is your team’s before you use it."</p>
                {profile_rows(&profile, None)}
                <form novalidate on:submit=take>
                    <PinAgain entry=pin_entry id="team-config-pin"
                        hint="The configuration decides whose summaries this device calls valid and which contacts carers see, so the PIN is asked again." />
                    <div class="app-button-group">
                        <SubmitButton label="Use this configuration" working="Checking the PIN…" busy=pin_entry.busy />
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::Choose)>
                            "Do not use it"
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
                        <Notice><p class="app-body">"The team configuration is now in force on this device."</p></Notice>
                    }.into_any()),
                    _ => None,
                }}
                <FileChoice id="team-config-file" label="Team configuration file"
                    hint="The team.json file your team sent you." accept=".json,application/json" on_change=chosen />
                {imported_kept().then(|| view! {
                    <SecondaryAction on_press=Callback::new(remove)>"Remove the imported configuration"</SecondaryAction>
                })}
            }
            .into_any(),
        }
    };
    view! {
        <Page back="/settings" back_text="Device settings" title="Team configuration"
            intro="Your team’s name, contacts, complaints route, key list, identifiers and languages, the same on every tablet of the team.">
            {move || team.hosted_problem.get().map(|p| view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">{format!("The team configuration on the app’s host (team.json) cannot be used: {p}. Tell whoever publishes the app.")}</p>
                </div>
            })}
            {move || team.kept_problem.get().map(|p| view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">{format!("A team configuration kept on this device cannot be read ({p}), so it is not used.")}</p>
                </div>
            })}
            <h2 class="app-heading-m">"In force on this device"</h2>
            {move || in_force_view(team.in_force.get())}
            <h2 class="app-heading-m">"Import a configuration"</h2>
            {import}
        </Page>
    }
}
