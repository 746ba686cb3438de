//! Backups: download a review as a file, with its signed summary when this
//! device keeps one, locked with the device's recovery code, and open one
//! again here or on another device with that code (or, for a backup an
//! earlier build locked with a PIN, with the PIN of the device it came from).
//! Opening never signs anything: a summary in the backup is kept only when
//! the core found it intact and saying exactly what the review says.

use crate::browser::{clock, download, pin, reflection_store, storage, upload};
use crate::components::{
    FileChoice, LockedDownload, Notice, Page, RecoveryCodeShown, Said, SubmitButton,
};
use crate::state::{use_app, use_review};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use review_core::backup::{self, CodeLocked, Restore, Restored, Sealed};
use review_core::recovery::{DeviceRecovery, RecoveryCode};
use review_core::tr;

/// "Download a backup of this review".
#[component]
pub fn BackupDownload() -> impl IntoView {
    let ctx = use_review();
    let download = move |found: &DeviceRecovery| {
        let (name, text) = crate::signing::backup_file(&ctx.review.get_untracked(), found)?;
        download::download(&name, "application/json", &text)?;
        Ok(tr!("The backup was saved as {name}.", name = name))
    };
    view! {
        <LockedDownload label={tr!("Download a backup of this review")} secondary=true download=download />
        <p class="app-hint">
            {tr!("The backup is locked with this device’s recovery code: it opens on any device with that code, and not with the PIN. Keep the code apart from the file.")}
        </p>
    }
}

/// Where opening a backup has got to.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    Problem(String),
    NeedsPin(Sealed),
    /// Locked with a recovery code; what was wrong with the last code typed.
    NeedsCode(CodeLocked, Option<String>),
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
        copies,
        addendum,
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
            tr!("The backup's other signed files could not be kept on this device: {why}. Nothing was changed.", why = e)
        })?;
    }
    if let Some(file) = &summary {
        // The copies first: a summary is only ever kept with its copies.
        let copies_key = review_core::draft::copies_key(&review.id);
        if let Some(earlier) =
            storage::raw(&copies_key).filter(|e| *e != review_core::draft::encode_copies(&copies))
        {
            storage::keep_aside(&format!("earlier-copies/{}/{}", review.id, clock::new_id()), &earlier)
                .map_err(|e| tr!("The recipients' copies already on this device could not be kept aside: {why}. Nothing was changed.", why = e))?;
        }
        storage::save_copies(&review.id, &copies).map_err(|e| {
            tr!("The recipients' copies could not be kept on this device: {why}. Nothing was changed.", why = e)
        })?;
        let key = review_core::draft::summary_key(&review.id);
        if let Some(earlier) =
            storage::raw(&key).filter(|e| *e != review_core::draft::encode_summary(file))
        {
            storage::keep_aside(&format!("earlier-summary/{}/{}", review.id, clock::new_id()), &earlier)
                .map_err(|e| tr!("The summary already on this device could not be kept aside: {why}. Nothing was changed.", why = e))?;
        }
        storage::save_summary(file).map_err(|e| {
            tr!(
                "The signed summary could not be kept on this device: {why}. Nothing was changed.",
                why = e
            )
        })?;
        // Checked against the summary just kept; one kept here before is
        // kept aside, never overwritten.
        if let Some(addendum) = &addendum {
            let key = review_core::draft::addendum_key(&review.id);
            if let Some(earlier) =
                storage::raw(&key).filter(|e| *e != review_core::draft::encode_addendum(addendum))
            {
                storage::keep_aside(&format!("earlier-addendum/{}/{}", review.id, clock::new_id()), &earlier)
                    .map_err(|e| tr!("The worker’s reflection already on this device could not be kept aside: {why}. Nothing was changed.", why = e))?;
            }
            reflection_store::save_addendum(addendum).map_err(|e| {
                tr!(
                    "The worker’s signed reflection could not be kept on this device: {why}.",
                    why = e
                )
            })?;
        }
    }
    storage::save_review(&review).map_err(|e| {
        tr!(
            "The review could not be kept on this device: {why}.",
            why = e
        )
    })?;
    let said = if as_copy {
        let mut said = vec![tr!(
            "The backup was opened as a copy, beside the review already on this device."
        )];
        if had_signed_files {
            said.push(tr!("Its signed files stay with the review they were signed for, so the copy has none: it was not signed off on this device."));
        }
        said
    } else {
        std::iter::once(tr!("The backup was opened."))
            .chain(notes)
            .collect()
    };
    Ok(Opened {
        id: review.id,
        said: said.join(" "),
    })
}

/// Open a backup locked with a recovery code: the code worked through each
/// recovery slot's salt and count (checked when the file was read) until one
/// opens, then everything in it checked as for any backup.
async fn open_locked(
    locked: &CodeLocked,
    code: &RecoveryCode,
) -> Result<Restored, backup::BackupError> {
    for (index, slot) in locked.slots.iter().enumerate() {
        let salt = slot
            .salt_bytes()
            .map_err(backup::BackupError::BadCodeLock)?;
        let key = pin::derive(code.secret(), &salt, slot.iterations)
            .await
            .map_err(|_| backup::BackupError::WrongCode)?;
        if let Ok(file_key) = locked.file_key(index, &key) {
            return backup::restore_with_code(locked, &file_key);
        }
    }
    Err(backup::BackupError::WrongCode)
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
                    Ok(Restore::NeedsCode(locked)) => step.set(Step::NeedsCode(locked, None)),
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
                    Err(e) => Err(tr!("The backup could not be opened: {why}.", why = e)),
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
    let open_with_code = {
        let arrived = arrived.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Step::NeedsCode(locked, _) = step.get_untracked() else {
                return;
            };
            if busy.get_untracked() {
                return;
            }
            let code = match RecoveryCode::parse(&entered.get_untracked()) {
                Ok(code) => code,
                Err(e) => {
                    step.set(Step::NeedsCode(locked, Some(format!("{e}."))));
                    return;
                }
            };
            busy.set(true);
            let arrived = arrived.clone();
            leptos::task::spawn_local(async move {
                let result = open_locked(&locked, &code).await;
                busy.set(false);
                match result {
                    Ok(restored) => {
                        entered.set(String::new());
                        arrived(restored);
                    }
                    // A wrong code is typed again; anything else ends here.
                    Err(e @ backup::BackupError::WrongCode) => {
                        step.set(Step::NeedsCode(locked, Some(format!("{e}."))))
                    }
                    Err(e) => step.set(Step::Problem(format!("{e}."))),
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
                    <Notice warning=true><p class="app-body">{p}</p></Notice>
                })}
                <FileChoice id="backup-file" label={tr!("Backup file")} accept=".json,application/json"
                    on_change=chosen.clone() />
            }
            .into_any()
        }
        Step::NeedsPin(_) => open_form(unlock.clone(), busy, view! {
                <div class="app-form-group">
                    <label class="app-label app-label--s" for="backup-pin">
                        {tr!("PIN of the device the backup was made on")}
                    </label>
                    <input class="app-input app-input--width-10" id="backup-pin" name="backup-pin"
                        type="password" inputmode="numeric" autocomplete="off"
                        disabled=move || busy.get()
                        prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev)) />
                </div>
        })
        .into_any(),
        Step::NeedsCode(locked, problem) => {
            let made = locked
                .code_made_at()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| format!(" {}", tr!("It was locked with the code made on {when}.", when = review_core::words::long_moment(&t))))
                .unwrap_or_default();
            let invalid = problem.is_some();
            open_form(open_with_code.clone(), busy, view! {
                    <div class="app-form-group" class:app-form-group--error=invalid>
                        <label class="app-label app-label--s" for="backup-code">{tr!("Recovery code")}</label>
                        <p class="app-hint" id="backup-code-hint">
                            {tr!("The five groups of five letters and numbers written down when the device the backup came from made its recovery code.{made} The device PIN does not open a backup.", made = made)}
                        </p>
                        {problem.map(|p| view! {
                            <p class="app-error-message" id="backup-code-error">
                                <span class="app-visually-hidden">{tr!("Error:")}" "</span>{p}
                            </p>
                        })}
                        <input class="app-input app-input--width-30 app-input--code" id="backup-code" name="backup-code"
                            type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                            aria-describedby=if invalid { "backup-code-hint backup-code-error" } else { "backup-code-hint" }
                            aria-invalid=if invalid { "true" } else { "false" }
                            disabled=move || busy.get()
                            prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev)) />
                    </div>
            })
            .into_any()
        }
        Step::AlreadyHere(restored) => {
            let (replace_review, copy_review) = ((*restored).clone(), *restored);
            let (go1, go2) = (go.clone(), go.clone());
            view! {
                <p class="app-body">
                    {tr!("This review is already on this device. You can replace the one here with the backup, or keep both.")}
                </p>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--warning" on:click=move |_| {
                        match keep(replace_review.clone(), false) {
                            Ok(opened) => go1(opened),
                            Err(e) => step.set(Step::Problem(e)),
                        }
                    }>{tr!("Replace the one on this device")}</button>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        match keep(copy_review.clone(), true) {
                            Ok(opened) => go2(opened),
                            Err(e) => step.set(Step::Problem(e)),
                        }
                    }>{tr!("Keep both")}</button>
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <Page back="/" back_text={tr!("All reviews")} title={tr!("Open a backup")}
            intro={tr!("Choose a backup file made by Review Together on this device or another one. The review opens here as it was when the backup was made.")}>
            {body}
        </Page>
    }
}

/// What the device's recovery code page says of the code in use.
#[derive(Clone, PartialEq)]
enum CodeNow {
    None,
    /// Made then (in words).
    Made(String),
    Unreadable(String),
}

fn code_now() -> CodeNow {
    match crate::browser::recovery::current() {
        Ok(None) => CodeNow::None,
        Ok(Some(found)) => CodeNow::Made(
            chrono::DateTime::parse_from_rfc3339(&found.slot.made_at)
                .map(|t| review_core::words::long_moment(&t))
                .unwrap_or(found.slot.made_at),
        ),
        Err(e) => CodeNow::Unreadable(e),
    }
}

/// The device's recovery code: what it locks, when it was made, and a new
/// one made (and shown once) when the old is lost or was seen.
#[component]
pub fn RecoveryCodePage() -> impl IntoView {
    let changed = RwSignal::new(0u32);
    let now = Memo::new(move |_| {
        changed.track();
        code_now()
    });
    let shown = RwSignal::new(None::<(String, Option<String>)>);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<Result<String, String>>);
    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        said.set(None);
        leptos::task::spawn_local(async move {
            match crate::browser::recovery::make().await {
                Ok(made) => {
                    shown.set(Some((made.code.grouped(), made.not_kept)));
                    request_animation_frame(|| {
                        crate::components::focus_by_id("recovery-code-title")
                    });
                }
                Err(e) => said.set(Some(Err(tr!(
                    "The recovery code could not be made: {why}.",
                    why = e
                )))),
            }
            busy.set(false);
        });
    };
    let written = Callback::new(move |()| {
        shown.set(None);
        changed.update(|n| *n += 1);
        said.set(Some(Ok(tr!(
            "The new recovery code is in use: everything downloaded from now on is locked with it."
        ))));
    });
    let kept_how = if pin::is_set() {
        tr!("On this device, the key the code opens is locked with the device PIN, like the reviews.")
    } else {
        tr!("This device has no PIN, so the key the code opens is kept unlocked on it: anyone who can open this browser’s storage could open its backups, as they could read its reviews. Set a device PIN to lock both.")
    };
    view! {
        <Page back="/settings" back_text={tr!("Device settings")} title={tr!("Recovery code")}
            intro={tr!("Everything downloaded from this device to keep or to move (backups, and a review downloaded when the device could not save it) is locked with this device’s recovery code. Anyone with a file and the code can open it on any device; the device PIN does not open it.")}>
            {move || match shown.get() {
                Some((code, not_kept)) => view! {
                    <RecoveryCodeShown code=code not_kept=not_kept done={tr!("I have written it down")} on_done=written />
                }.into_any(),
                None => view! {
                    {move || match now.get() {
                        CodeNow::None => view! {
                            <p class="app-body" id="recovery-now">{tr!("This device has no recovery code yet. One is made, and shown, the first time a backup is downloaded, or you can make it now.")}</p>
                        }.into_any(),
                        CodeNow::Made(when) => view! {
                            <p class="app-body" id="recovery-now">{tr!("This device’s recovery code was made on {when}. It is not shown again. If it is lost, or someone else may have seen it, make a new one: backups made after that are locked with the new code, and earlier backups still open with the code they were made with.", when = when)}</p>
                        }.into_any(),
                        CodeNow::Unreadable(why) => view! {
                            <p class="app-error-message" id="recovery-now">{tr!("The recovery code’s key kept on this device cannot be read ({why}), so nothing can be downloaded until a new code is made. Backups made before still open with their own code.", why = why)}</p>
                        }.into_any(),
                    }}
                    <p class="app-body">{kept_how.clone()}</p>
                    <div class="app-button-group">
                        <button type="button" class="app-button app-button--secondary" disabled=move || busy.get() on:click=make>
                            {move || match (busy.get(), now.get()) {
                                (true, _) => tr!("Making the recovery code…"),
                                (false, CodeNow::None) => tr!("Make the recovery code"),
                                (false, _) => tr!("Make a new recovery code"),
                            }}
                        </button>
                    </div>
                }.into_any(),
            }}
            <Said said=said />
        </Page>
    }
}

/// The form that opens a locked backup: `field` asks for the PIN or the
/// recovery code, and one button sends it.
fn open_form(
    on_submit: impl FnMut(leptos::ev::SubmitEvent) + 'static,
    busy: RwSignal<bool>,
    field: impl IntoView,
) -> impl IntoView {
    view! {
        <form novalidate on:submit=on_submit>
            {field}
            <div class="app-button-group">
                <SubmitButton label={tr!("Open the backup")} working={tr!("Opening…")} busy=busy />
            </div>
        </form>
    }
}
