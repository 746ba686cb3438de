//! Backups: download a review as a file, with its signed summary when this
//! device keeps one, and open one again here or on another device (with the
//! PIN of the device it came from, when it was made on a device with a PIN).
//! Opening never signs anything: a summary in the backup is kept only when
//! the core found it intact and saying exactly what the review says.

use crate::browser::{clock, download, pin, storage, upload};
use crate::components::{Page, SubmitButton};
use crate::state::{use_app, use_review};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use review_core::backup::{self, Restore, Restored, Sealed};

/// "Download a backup of this review".
#[component]
pub fn BackupDownload() -> impl IntoView {
    let ctx = use_review();
    let said = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| {
        let (name, text) = crate::signing::backup_file(&ctx.review.get_untracked());
        said.set(Some(
            download::download(&name, "application/json", &text)
                .map(|()| format!("The backup was saved as {name}."))
                .map_err(|e| format!("The backup could not be saved: {e}.")),
        ));
    };
    view! {
        <div class="app-button-group">
            <button type="button" class="app-button app-button--secondary" on:click=save>
                "Download a backup of this review"
            </button>
        </div>
        <p class="app-hint">
            {if pin::is_set() {
                "The backup is locked with this device’s PIN: it opens on another device with the same PIN."
            } else {
                "Keep the backup safe: it holds everything in the review. Set a device PIN to lock backups."
            }}
        </p>
        <div role="status" aria-live="polite">
            {move || said.get().map(|r| match r {
                Ok(text) => view! { <p class="app-body">{text}</p> }.into_any(),
                Err(text) => view! { <p class="app-error-message">{text}</p> }.into_any(),
            })}
        </div>
    }
}

/// Where opening a backup has got to.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    Problem(String),
    NeedsPin(Sealed),
    /// A review with the same id is already on the device.
    AlreadyHere(Box<Restored>),
}

/// Save an opened review (with its checked summary) and go to it. A copy
/// gets a new id, and so no summary: its summary names the original, and
/// nothing is signed here (a signed-off copy says it was not signed off on
/// this device). A summary the device kept for the review it replaces is
/// kept aside, never overwritten.
fn keep(restored: Restored, as_copy: bool) -> Result<Opened, String> {
    let notes = restored.notes();
    let Restored {
        mut review,
        summary,
        unknown,
        ..
    } = restored;
    if as_copy {
        review.id = clock::new_id();
    }
    let had_signed_files = summary.is_some() || !unknown.is_empty();
    let summary = summary.filter(|_| !as_copy);
    // Signed files of kinds this build does not know belong to the
    // original, as its summary does: kept with it, never with a copy.
    if !as_copy && !unknown.is_empty() {
        storage::save_other_signed_files(&review.id, &unknown).map_err(|e| {
            format!("The backup's other signed files could not be kept on this device: {e}. Nothing was changed.")
        })?;
    }
    if let Some(file) = &summary {
        let key = review_core::draft::summary_key(&review.id);
        if let Some(earlier) =
            storage::raw(&key).filter(|e| *e != review_core::draft::encode_summary(file))
        {
            storage::keep_aside(&format!("earlier-summary/{}/{}", review.id, clock::new_id()), &earlier)
                .map_err(|e| format!("The summary already on this device could not be kept aside: {e}. Nothing was changed."))?;
        }
        storage::save_summary(file).map_err(|e| {
            format!(
                "The signed summary could not be kept on this device: {e}. Nothing was changed."
            )
        })?;
    }
    storage::save_review(&review)
        .map_err(|e| format!("The review could not be kept on this device: {e}."))?;
    let said = if as_copy {
        let mut said = vec![
            "The backup was opened as a copy, beside the review already on this device."
                .to_string(),
        ];
        if had_signed_files {
            said.push("Its signed files stay with the review they were signed for, so the copy has none: it was not signed off on this device.".into());
        }
        said
    } else {
        std::iter::once("The backup was opened.".to_string())
            .chain(notes)
            .collect()
    };
    Ok(Opened {
        id: review.id,
        said: said.join(" "),
    })
}

/// A review opened from a backup, and what to tell the person who opened it.
struct Opened {
    id: String,
    said: String,
}

/// A backup holds one review: far smaller than this.
const MAX_BACKUP_BYTES: f64 = 20_000_000.0;

/// Open a backup file.
#[component]
pub fn OpenBackup() -> impl IntoView {
    let step = RwSignal::new(Step::Choose);
    let entered = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let app = use_app();
    // To the review, with what opening it found said there.
    let go = {
        let navigate = navigate.clone();
        move |opened: Opened| {
            app.flash.set(Some(opened.said));
            navigate(&format!("/review/{}", opened.id), Default::default());
        }
    };
    let arrived = {
        let go = go.clone();
        move |restored: Restored| {
            let exists = matches!(
                storage::load_review(&restored.review.id),
                Ok(Some(_)) | Err(_)
            );
            if exists {
                step.set(Step::AlreadyHere(Box::new(restored)));
            } else {
                match keep(restored, false) {
                    Ok(opened) => go(opened),
                    Err(e) => step.set(Step::Problem(e)),
                }
            }
        }
    };
    let chosen = {
        let arrived = arrived.clone();
        move |ev: leptos::ev::Event| {
            let Some(file) = upload::chosen_file(&ev) else {
                return;
            };
            let arrived = arrived.clone();
            leptos::task::spawn_local(async move {
                let bytes = match upload::read_bytes(&file, MAX_BACKUP_BYTES).await {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        step.set(Step::Problem(format!("{e}.")));
                        return;
                    }
                };
                match backup::restore(&bytes) {
                    Ok(Restore::Ready(restored)) => arrived(*restored),
                    Ok(Restore::NeedsPin(sealed)) => step.set(Step::NeedsPin(sealed)),
                    Err(e) => step.set(Step::Problem(format!("{e}."))),
                }
            });
        }
    };
    let unlock = {
        let arrived = arrived.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Step::NeedsPin(sealed) = step.get_untracked() else {
                return;
            };
            let typed = entered.get_untracked();
            if busy.get_untracked() || typed.is_empty() {
                return;
            }
            busy.set(true);
            let arrived = arrived.clone();
            leptos::task::spawn_local(async move {
                // `restore` checked the salt and count; derive checks them again.
                let salt = sealed.salt_bytes().unwrap_or_default();
                let result = match pin::derive(&typed, &salt, sealed.iterations).await {
                    Ok(key) => backup::restore_sealed(&sealed, &key).map_err(|e| format!("{e}.")),
                    Err(e) => Err(format!("The backup could not be opened: {e}.")),
                };
                busy.set(false);
                entered.set(String::new());
                match result {
                    Ok(restored) => arrived(restored),
                    Err(e) => step.set(Step::Problem(e)),
                }
            });
        }
    };
    let body = move || {
        match step.get() {
        Step::Choose | Step::Problem(_) => {
            let problem = match step.get() {
                Step::Problem(p) => Some(p),
                _ => None,
            };
            view! {
                {problem.map(|p| view! {
                    <div class="app-notification-banner app-notification-banner--warning" role="alert">
                        <div class="app-notification-banner__content"><p class="app-body">{p}</p></div>
                    </div>
                })}
                <div class="app-form-group">
                    <label class="app-label app-label--s" for="backup-file">"Backup file"</label>
                    <input type="file" id="backup-file" class="app-file-upload"
                        accept=".json,application/json" on:change=chosen.clone() />
                </div>
            }
            .into_any()
        }
        Step::NeedsPin(_) => view! {
            <form novalidate on:submit=unlock.clone()>
                <div class="app-form-group">
                    <label class="app-label app-label--s" for="backup-pin">
                        "PIN of the device the backup was made on"
                    </label>
                    <input class="app-input app-input--width-10" id="backup-pin" name="backup-pin"
                        type="password" inputmode="numeric" autocomplete="off"
                        disabled=move || busy.get()
                        prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev)) />
                </div>
                <div class="app-button-group">
                    <SubmitButton label="Open the backup" working="Opening…" busy=busy />
                </div>
            </form>
        }
        .into_any(),
        Step::AlreadyHere(restored) => {
            let (replace_review, copy_review) = ((*restored).clone(), *restored);
            let (go1, go2) = (go.clone(), go.clone());
            view! {
                <p class="app-body">
                    "This review is already on this device. You can replace the one here with the backup, or keep both."
                </p>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--warning" on:click=move |_| {
                        match keep(replace_review.clone(), false) {
                            Ok(opened) => go1(opened),
                            Err(e) => step.set(Step::Problem(e)),
                        }
                    }>"Replace the one on this device"</button>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        match keep(copy_review.clone(), true) {
                            Ok(opened) => go2(opened),
                            Err(e) => step.set(Step::Problem(e)),
                        }
                    }>"Keep both"</button>
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <Page back="/" back_text="All reviews" title="Open a backup"
            intro="Choose a backup file made by Review Together on this device or another one. The review opens here as it was when the backup was made.">
            {body}
        </Page>
    }
}
