//! The signed summary (P23): downloading it and its recipients' copies
//! from a signed-off review, and this device's signing key (checking a
//! file is `check_file`).

mod copies;

use crate::browser::device_key::Trouble;
use crate::browser::{download, reflection_store, storage};
use crate::components::SecondaryAction;
use crate::components::{Page, Problem, Said};
use crate::signing::{self, KeyState};
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::summary::{Comparison, KeyGuard};
use review_core::tr;
use review_core::words::places;

/// Download the signed summary of a signed-off review. The summary is signed
/// once, when the worker signs off on this device; every download gives the
/// same bytes. Nothing here signs: a review signed off elsewhere has no
/// summary on this device.
#[component]
pub fn SummaryDownload() -> impl IntoView {
    let ctx = use_review();
    let made = ctx.review.with_untracked(|r| {
        signing::stored_summary(r).map(|m| m.map(|m| (m.file, m.copies, m.not_kept)))
    });
    let agreed = ctx
        .review
        .with_untracked(|r| r.process.confidentiality.copies.len());
    let said = RwSignal::new(None::<Result<String, String>>);
    let body = match made {
        Ok(Some((file, copies, not_kept))) => {
            // The review kept here must still say what was signed: a draft
            // edited in storage (or replaced from a backup) is shown as such.
            let drift = ctx.review.with_untracked(|r| {
                match review_core::summary::compare(file.text.as_bytes(), r) {
                    Comparison::Differs { differences, unlisted, .. } => Some(tr!("The review kept on this device has changed since it was signed off: it no longer says what its signed summary says ({unlisted}). The signed summary is the record of what was agreed: download it below, and tell your records team.", unlisted = places(&differences, unlisted))),
                    Comparison::NotIntact(_) => Some(
                        tr!("The signed summary kept on this device is damaged or has been changed: it no longer checks. Tell your records team."),
                    ),
                    Comparison::Matches(_) | Comparison::CannotCompare { .. } => None,
                }
            });
            let save = {
                let file = file.clone();
                move |_| {
                    said.set(Some(
                        download::download(&file.file_name, "application/json", &file.text)
                            .map(|()| {
                                // For "Hand this tablet on"; the file is saved either way.
                                let _ = storage::mark_summary_saved(&file.review_id, &file.file_name);
                                tr!("The summary was saved as {file_name}.", file_name = file.file_name)
                            })
                            .map_err(|e| tr!("The summary could not be saved: {why}.", why = e)),
                    ))
                }
            };
            view! {
                {drift.map(|why| view! {
                    <div class="app-warning-text">
                        <strong class="app-warning-text__text">
                            <span class="app-visually-hidden">{tr!("Warning:")}" "</span>{why}
                        </strong>
                    </div>
                })}
                <p class="app-body">
                    {tr!("The summary of this review was signed when it was signed off, so your records team can check that nothing in it has changed since.")}
                </p>
                {not_kept.map(|why| view! {
                    <div class="app-warning-text">
                        <p class="app-warning-text__text">
                            {tr!("The summary could not be kept on this device because {why}. Download it now: it stays here only until this page is closed.", why = why)}
                        </p>
                    </div>
                })}
                <div class="app-button-group">
                    <button type="button" class="app-button" on:click=save>
                        {tr!("Download summary")}
                    </button>
                </div>
                <p class="app-hint">{tr!("File: {name} (JSON)", name = file.file_name)}</p>
                <FhirDownload file=file.clone() said=said />
                <copies::CopiesDownload copies=copies agreed=agreed review=ctx.path("") />
                <ReflectionLink />
            }
            .into_any()
        }
        Ok(None) => view! {
            <p class="app-body">
                {tr!("This review was not signed off on this device, so there is no signed summary of it here. The summary is made only once, by the device on which the worker signs off: ask for it from whoever has that device or the summary file.")}
            </p>
        }
        .into_any(),
        Err(problem) => view! {
            <p class="app-error-message" role="alert">
                {tr!("The summary cannot be offered: {problem}.", problem = problem)}
            </p>
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="signed-summary">
            <h2 class="app-heading-m" id="signed-summary">{tr!("Signed summary")}</h2>
            {body}
            <Said said=said />
            <Show when=move || matches!(said.get(), Some(Ok(_)))>
                <p class="app-body">
                    {tr!("Once the summary is with your records team, the review need not stay on this device. Otherwise it is removed {retention_days} days after it was signed off.", retention_days = crate::browser::pin::retention_days())}
                </p>
                <p class="app-body">
                    <A exact=true href=crate::href(ctx.path("delete")) attr:class="app-link app-link--standalone">{tr!("Remove this review from this device")}</A>
                </p>
            </Show>
            <p class="app-body">
                <A exact=true href=crate::href("/settings/key") attr:class="app-link app-link--standalone">{tr!("This device’s signing key")}</A>
            </p>
        </section>
    }
}

/// The same summary for a care record system that takes in FHIR R4 (a
/// Bundle with the signed file inside it), made from the records copy.
#[component]
fn FhirDownload(
    file: review_core::summary::SignedFile,
    said: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let name = format!(
        "{}.fhir.json",
        file.file_name
            .strip_suffix(".json")
            .unwrap_or(&file.file_name)
    );
    let hint = tr!("File: {name} (FHIR R4)", name = name);
    let save = move |_| {
        let made = review_core::fhir::bundle_of_records_copy(file.text.as_bytes())
            .and_then(|bundle| {
                download::download(&name, "application/fhir+json", &bundle.to_string())
            })
            .map(|()| {
                tr!(
                    "The summary for a FHIR record system was saved as {name}.",
                    name = name
                )
            })
            .map_err(|e| tr!("The FHIR record could not be saved: {why}.", why = e));
        said.set(Some(made));
    };
    view! {
        <p class="app-body">
            {tr!("If your records system takes in FHIR, download this instead: the same summary as a FHIR R4 Bundle, with the signed file inside it.")}
        </p>
        <SecondaryAction on_press=Callback::new(save)>{tr!("Download for a FHIR record system")}</SecondaryAction>
        <p class="app-hint">{hint}</p>
    }
}

/// What the key screen shows.
#[derive(Clone, PartialEq)]
enum Shown {
    None,
    Ready {
        fingerprint: String,
        guard: KeyGuard,
    },
    /// A key that cannot be read or used: it may be put aside for a new one.
    Unusable(String),
    Unavailable(String),
}

/// This device's signing key: its fingerprint, the public key to give the
/// records team so they can trust the device's summaries, and, honestly,
/// what keeps the private part from being copied or used.
#[component]
pub fn SigningKeyPage() -> impl IntoView {
    // Bumped when the key is looked at in the browser, made or replaced here.
    let changed = RwSignal::new(0u32);
    let problem = RwSignal::new(None::<String>);
    let said = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Why the key the browser keeps cannot be used, once looked at.
    let unusable = RwSignal::new(None::<String>);
    let state = Memo::new(move |_| {
        changed.track();
        if let Some(why) = unusable.get() {
            return Shown::Unusable(tr!(
                "The signing key kept on this device cannot be used: {why}.",
                why = why
            ));
        }
        match signing::key_state() {
            KeyState::None => Shown::None,
            KeyState::Ready { jwk, guard } => Shown::Ready {
                fingerprint: jwk.thumbprint(),
                guard,
            },
            KeyState::Unreadable(why) => Shown::Unusable(tr!(
                "The signing key kept on this device cannot be read: {why}.",
                why = why
            )),
            KeyState::Unavailable(why) => Shown::Unavailable(why),
        }
    });
    // The screen first shows the plain copy of the public key; the browser's
    // key store is the truth, so it is looked at (and brought up to date).
    leptos::task::spawn_local(async move {
        let looked = signing::settle().await;
        if let Err(Trouble::Failed(why)) = &looked {
            let _ = problem.try_set(Some(tr!(
                "The key could not be looked at: {why}.",
                why = why
            )));
        }
        let _ = unusable.try_set(match looked {
            Err(Trouble::Unusable(why)) => Some(why),
            _ => None,
        });
        let _ = changed.try_update(|n| *n += 1);
    });
    let run = move |replace: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = if replace {
                signing::replace_unreadable_key().await
            } else {
                signing::key_or_make().await
            };
            let _ = busy.try_set(false);
            match result {
                Ok(_) => {
                    let _ = problem.try_set(None);
                    let _ = unusable.try_set(None);
                    let _ = changed.try_update(|n| *n += 1);
                }
                Err(e) => {
                    let _ =
                        problem.try_set(Some(tr!("The key could not be made: {why}.", why = e)));
                }
            }
        });
    };
    let download_public = move |_| {
        let KeyState::Ready { jwk, .. } = signing::key_state() else {
            return;
        };
        let fingerprint = jwk.thumbprint();
        let short: String = fingerprint.chars().take(8).collect();
        let name = format!("review-together-public-key-{short}.json");
        said.set(Some(
            match download::download(&name, "application/json", &jwk.for_team()) {
                Ok(()) => tr!("The public key was saved as {name}.", name = name),
                Err(e) => tr!("The public key could not be saved: {why}.", why = e),
            },
        ));
    };
    let button = move |label: String, working: String, replace: bool| {
        view! {
            <button type="button" class="app-button" disabled=move || busy.get()
                on:click=move |_| run(replace)>
                {move || if busy.get() { working.clone() } else { label.clone() }}
            </button>
        }
    };
    view! {
        <Page back="/settings" back_text={tr!("Device settings")} title={tr!("This device’s signing key")}
            intro={tr!("Every summary made on this device is signed with this device’s key. Your records team uses the public part of the key to check that a summary came from this device and has not changed. The app never shows the private part or sends it anywhere.")}>
            {move || match state.get() {
                Shown::Ready { fingerprint, guard } => view! {
                    <h2 class="app-heading-m">{tr!("Fingerprint")}</h2>
                    <p class="app-body">{tr!("Read this to your records team when you register the key, so they can check they have the right one.")}</p>
                    <p class="app-fingerprint" id="key-fingerprint" translate="no">{signing::grouped(&fingerprint)}</p>
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=download_public>
                            {tr!("Download the public key")}
                        </button>
                    </div>
                    <p class="app-hint">{tr!("The public key is safe to share: it can check signatures but cannot make them.")}</p>
                    <KeptHow guard=guard />
                }
                .into_any(),
                Shown::None => view! {
                    <p class="app-body">
                        {tr!("This device has no signing key yet. One is made when the first review is started. You can make it now to register it with your team first.")}
                    </p>
                    <div class="app-button-group">
                        {button(tr!("Make the signing key now"), tr!("Making the key…"), false)}
                    </div>
                }
                .into_any(),
                Shown::Unusable(why) => view! {
                    <div class="app-notification-banner app-notification-banner--warning" role="alert">
                        <div class="app-notification-banner__content">
                            <p class="app-body">
                                {tr!("{why} It has been left as it is, and no summary can be signed until there is a key.", why = why)}
                            </p>
                        </div>
                    </div>
                    <p class="app-body">
                        {tr!("You can make a new key. The old one is kept aside on this device. Summaries signed before still check with the old public key; register the new one with your team.")}
                    </p>
                    <div class="app-button-group">
                        {button(tr!("Make a new key"), tr!("Making the key…"), true)}
                    </div>
                }
                .into_any(),
                Shown::Unavailable(why) => view! {
                    <p class="app-error-message" role="alert">
                        {tr!("The key cannot be looked at because {why}.", why = why)}
                    </p>
                }
                .into_any(),
            }}
            <Problem message=problem />
            <div role="status" aria-live="polite">
                {move || said.get().map(|text| view! { <p class="app-body">{text}</p> })}
            </div>
        </Page>
    }
}

/// What keeps the private part of the key from being copied or used, in
/// plain words: nothing claimed that is not so.
#[component]
fn KeptHow(
    /// What guards the key, as the browser's key store last said.
    guard: KeyGuard,
) -> impl IntoView {
    let has_pin = crate::browser::pin::is_set();
    let (kept, use_it) = match (guard, has_pin) {
        (KeyGuard::BrowserPin, _) => (
            tr!("This browser keeps the private part of the key, locked with the device PIN. No page can read or copy it, not even this app: the app can only ask the browser to sign with it."),
            tr!("It can sign only while the app is unlocked with the PIN."),
        ),
        (KeyGuard::Browser, true) => (
            tr!("This browser keeps the private part of the key. No page can read or copy it, not even this app: the app can only ask the browser to sign with it."),
            tr!("It is not yet locked with the device PIN: that happens the next time the app is unlocked."),
        ),
        (KeyGuard::Browser, false) => (
            tr!("This browser keeps the private part of the key. No page can read or copy it, not even this app: the app can only ask the browser to sign with it."),
            tr!("This device has no PIN, so anyone who can use this tablet can still have summaries signed with its key. Set a device PIN to lock the key with it."),
        ),
        (KeyGuard::Storage, true) => (
            tr!("This browser cannot keep a signing key out of the page’s reach, so the private part of the key is kept in the app’s storage on this device, locked with the device PIN."),
            tr!("While the app is unlocked, the key is in the page’s memory when it signs. A browser that is up to date keeps the key itself: the app moves it there when it can."),
        ),
        (KeyGuard::Storage, false) => (
            tr!("This browser cannot keep a signing key out of the page’s reach, so the private part of the key is kept in the app’s storage on this device."),
            tr!("This device has no PIN: anyone who can open this browser’s storage could copy the key. Set a device PIN to lock it, or use a browser that is up to date, which keeps the key itself."),
        ),
    };
    view! {
        <h2 class="app-heading-m">{tr!("How the key is kept")}</h2>
        <p class="app-body">{kept}</p>
        <p class="app-body">{use_it}</p>
        {(!has_pin).then(|| view! {
            <p class="app-body">
                <A exact=true href=crate::href("/settings/pin") attr:class="app-link app-link--standalone">{tr!("Set a device PIN")}</A>
            </p>
        })}
    }
}

/// Where the summary is offered: whether the reflection is written yet, and
/// the way to it.
#[component]
fn ReflectionLink() -> impl IntoView {
    let ctx = use_review();
    let signed = ctx
        .review
        .with_untracked(|r| matches!(reflection_store::load_addendum(&r.id), Ok(Some(_))));
    view! {
        <h2 class="app-heading-m">{tr!("Looking back on the review")}</h2>
        <p class="app-body">
            {if signed {
                tr!("Your reflection is signed and added to the records copy.")
            } else {
                tr!("Ask the carer and the person they care for how the review was for them, and note what went well and what you would do differently. It is for the records only.")
            }}
        </p>
        <p class="app-body">
            <A exact=true href=crate::href(ctx.path("reflection")) attr:class="app-link app-link--standalone">
                {if signed { tr!("See your reflection") } else { tr!("Write your reflection") }}
            </A>
        </p>
    }
}
