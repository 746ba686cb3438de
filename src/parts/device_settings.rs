//! Device settings: who the worker is (copied into each new review), and
//! the ways to the PIN, the signing key, retention and removing everything.

use crate::components::{ErrorSummary, Page, Problem, TextInput};
use crate::state::{start_review, use_app};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use review_core::text::{clean, is_blank};
use review_core::validate::FieldError;
use review_core::DeviceSettings;
use review_core::{tr, trn};

fn errors_of(s: &DeviceSettings) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut need = |field: &str, value: &str, message: String| {
        if is_blank(value) {
            errors.push(FieldError {
                field: field.into(),
                message,
                attention: false,
            });
        }
    };
    need(
        "organisation",
        &s.organisation,
        tr!("Enter the name of your organisation"),
    );
    need("worker-name", &s.worker_name, tr!("Enter your name"));
    need("worker-role", &s.worker_role, tr!("Enter your job title"));
    if !is_blank(&s.ods_code) {
        if let Err(why) = review_core::identifiers::ods_code(&s.ods_code) {
            errors.push(FieldError {
                field: "ods-code".into(),
                message: tr!("The ODS code {why}", why = why),
                attention: false,
            });
        }
    }
    errors
}

/// Who is using this device: copied into each new review.
#[component]
pub fn DeviceSettingsPage() -> impl IntoView {
    let app = use_app();
    let team = crate::team::use_team();
    let query = use_query_map();
    let then_new = query.with_untracked(|q| q.get("then").as_deref() == Some("new"));
    // Edited here and saved on "Save": settings are not a draft.
    let draft = RwSignal::new(app.settings.get_untracked());
    let shown = RwSignal::new(false);
    let attempts = RwSignal::new(0u32);
    let all = Memo::new(move |_| draft.with(errors_of));
    let visible = Signal::derive(move || if shown.get() { all.get() } else { Vec::new() });
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            visible.with(|v| {
                v.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let field = move |get: fn(&DeviceSettings) -> &String| {
        Signal::derive(move || draft.with(|d| get(d).clone()))
    };
    let setter = move |set: fn(&mut DeviceSettings, String)| {
        Callback::new(move |v: String| draft.update(|d| set(d, clean(&v))))
    };
    let retention = RwSignal::new(crate::browser::pin::retention_days());
    let retention_choices: Vec<crate::components::Choice<u32>> = review_core::retention::CHOICES
        .iter()
        .map(|d| {
            crate::components::Choice::new(*d, &d.to_string(), trn!(*d, "{n} day", "{n} days"))
        })
        .collect();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        shown.set(true);
        attempts.update(|n| *n += 1);
        if !all.with_untracked(Vec::is_empty) {
            return;
        }
        app.save_settings(draft.get_untracked());
        if then_new {
            match start_review(&app) {
                Ok(r) => navigate(&format!("/review/{}/who", r.id), Default::default()),
                Err(e) => problem.set(Some(tr!(
                    "The review could not be started: {why}.",
                    why = e
                ))),
            }
        } else {
            app.flash.set(Some(tr!("Device settings saved.")));
            navigate("/", Default::default());
        }
    };
    view! {
        <Page title={tr!("Device settings")} has_errors=Signal::derive(move || !visible.with(Vec::is_empty))>
            <ErrorSummary errors=visible attempts=attempts />
            <p class="app-body">
                {tr!("These details go into every review started on this device. You can change them at any time.")}
            </p>
            <form novalidate on:submit=save>
                <TextInput id="organisation" label={tr!("Organisation")} autocomplete="organization"
                    value=field(|d| &d.organisation) error=error_for("organisation")
                    on_input=setter(|d, v| d.organisation = v) width="app-input--full" />
                <TextInput id="ods-code" label={tr!("ODS code (optional)")}
                    hint={tr!("Your organisation's code in the NHS Organisation Data Service, for example 8HN21. Records systems match summaries by it.")}
                    value=field(|d| &d.ods_code) error=error_for("ods-code")
                    on_input=setter(|d, v| d.ods_code = v) width="app-input--width-10" />
                <TextInput id="team" label={tr!("Team (optional)")}
                    value=field(|d| &d.team)
                    on_input=setter(|d, v| d.team = v) width="app-input--width-30" />
                <TextInput id="worker-name" label={tr!("Your name")} autocomplete="name"
                    value=field(|d| &d.worker_name) error=error_for("worker-name")
                    on_input=setter(|d, v| d.worker_name = v) width="app-input--width-30" />
                <TextInput id="worker-role" label={tr!("Your job title")} hint={tr!("For example, carers support worker")}
                    autocomplete="organization-title"
                    value=field(|d| &d.worker_role) error=error_for("worker-role")
                    on_input=setter(|d, v| d.worker_role = v) width="app-input--width-30" />
                <TextInput id="staff-id" label={tr!("Your staff ID (optional)")}
                    hint={tr!("As your organisation's records know you. It goes into each new review.")}
                    value=field(|d| &d.staff_id)
                    on_input=setter(|d, v| d.staff_id = v) width="app-input--width-10" />
                <Problem message=problem />
                <div class="app-button-group">
                    <button type="submit" class="app-button">
                        {if then_new { tr!("Save and start the review") } else { tr!("Save settings") }}
                    </button>
                </div>
            </form>
            <h2 class="app-heading-m">{tr!("Your team")}</h2>
            <p class="app-body">{move || match team.in_force.get() {
                Some(f) => tr!("In force: the configuration of {team}, dated {date}.", team = f.profile.team.name, date = super::team::dated(&f.profile)),
                None => tr!("No team configuration on this device."),
            }}</p>
            <ul class="app-list">
                <li><A exact=true href=crate::href("/settings/team") attr:class="app-link app-link--standalone">{tr!("Team configuration")}</A></li>
            </ul>
            <h2 class="app-heading-m">{tr!("Signed summaries")}</h2>
            <ul class="app-list">
                <li><A exact=true href=crate::href("/settings/key") attr:class="app-link app-link--standalone">{tr!("This device’s signing key")}</A></li>
                <li><A exact=true href=crate::href("/settings/team-keys") attr:class="app-link app-link--standalone">{tr!("Team key list")}</A></li>
            </ul>
            <h2 class="app-heading-m">{tr!("Privacy on this device")}</h2>
            <ul class="app-list">
                <li><A exact=true href=crate::href("/settings/pin") attr:class="app-link app-link--standalone">
                    {if crate::browser::pin::is_set() { tr!("Device PIN and locking") } else { tr!("Set a device PIN") }}
                </A></li>
                <li><A exact=true href=crate::href("/settings/recovery-code") attr:class="app-link app-link--standalone">{tr!("Recovery code for backups")}</A></li>
                <li><A exact=true href=crate::href("/settings/hand-on") attr:class="app-link app-link--standalone">{tr!("Hand this tablet on")}</A></li>
                <li><A exact=true href=crate::href("/settings/remove-all") attr:class="app-link app-link--standalone">{tr!("Remove all data from this device")}</A></li>
            </ul>
            <crate::components::Radios
                id="retention"
                legend={tr!("Remove signed-off reviews from this device after")}
                hint={tr!("Send the signed summary to your records team first. Drafts are never removed.")}
                choices=retention_choices
                value=Signal::derive(move || Some(retention.get()))
                on_change=Callback::new(move |d: u32| {
                    crate::browser::pin::set_retention_days(d);
                    retention.set(d);
                })
            />
        </Page>
    }
}
