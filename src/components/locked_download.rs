//! Downloads that leave the device locked with its recovery code: a backup,
//! and the review downloaded when storage will not keep it.

use super::focus::focus_by_id;
use crate::browser::recovery;
use leptos::prelude::*;
use review_core::recovery::DeviceRecovery;
use review_core::tr;

/// What a new recovery code's panel shows: the code, grouped, and why the
/// device could not keep it, when it could not.
#[derive(Clone)]
struct Shown {
    code: String,
    not_kept: Option<String>,
}

/// A recovery code just made, shown this once with what it protects, and
/// the button that says it is written down (`done`), after which the
/// screen forgets it.
#[component]
pub fn RecoveryCodeShown(
    /// The code in its groups.
    code: String,
    /// Why the device could not keep it, when it could not.
    not_kept: Option<String>,
    /// What the button says.
    #[prop(into)]
    done: String,
    on_done: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="app-recovery" role="group" aria-labelledby="recovery-code-title">
            <h2 class="app-heading-m" id="recovery-code-title" tabindex="-1">{tr!("Write down this recovery code")}</h2>
            <p class="app-body">{tr!("Everything downloaded from this device is locked with this code. Write it down now, on paper, and keep it apart from the tablet.")}</p>
            <p class="app-recovery__code" id="recovery-code" translate="no">
                {code.split('-').enumerate().map(|(i, group)| view! {
                    {(i > 0).then_some("-")}
                    <span class="app-recovery__group">{group.to_string()}</span>
                }).collect_view()}
            </p>
            <p class="app-body">{tr!("Anyone with a downloaded file and this code can open it. Without the code nobody can, not even with the device PIN. The code is not shown again.")}</p>
            {not_kept.map(|why| view! {
                <p class="app-error-message">{tr!("This device could not keep the code ({why}): it locks downloads from this page until the page is closed. Make a new one in Device settings when there is room.", why = why)}</p>
            })}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| on_done.run(())>{done}</button>
            </div>
        </div>
    }
}

/// A button that downloads a file locked with the device's recovery code.
/// On a device with no code yet, pressing it makes the code and shows it,
/// once, with what it protects; the download follows when the worker says
/// it is written down. What happened is said below it.
#[component]
pub fn LockedDownload<F>(
    /// What the button says.
    #[prop(into)]
    label: String,
    /// A secondary button rather than the screen's main one.
    #[prop(optional)]
    secondary: bool,
    /// Make and download the file with the device's recovery set-up: what
    /// to say when it was saved, or what went wrong.
    download: F,
) -> impl IntoView
where
    F: Fn(&DeviceRecovery) -> Result<String, String> + Clone + Send + Sync + 'static,
{
    let said = RwSignal::new(None::<Result<String, String>>);
    let shown = RwSignal::new(None::<Shown>);
    let busy = RwSignal::new(false);
    let go = {
        let download = download.clone();
        move || {
            said.set(Some(match recovery::current() {
                Ok(Some(found)) => download(&found),
                Ok(None) => Err(tr!("this device has no recovery code")),
                Err(e) => Err(tr!("the recovery code’s key kept on this device cannot be read ({why}); make a new recovery code in Device settings", why = e)),
            }))
        }
    };
    let press = {
        let go = go.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            if !matches!(recovery::current(), Ok(None)) {
                go();
                return;
            }
            busy.set(true);
            said.set(None);
            leptos::task::spawn_local(async move {
                match recovery::make().await {
                    Ok(made) => {
                        shown.set(Some(Shown {
                            code: made.code.grouped(),
                            not_kept: made.not_kept,
                        }));
                        request_animation_frame(|| focus_by_id("recovery-code-title"));
                    }
                    Err(e) => said.set(Some(Err(tr!(
                        "the recovery code could not be made: {why}",
                        why = e
                    )))),
                }
                busy.set(false);
            });
        }
    };
    let written = move || {
        // The code leaves the screen for good, then the file is saved.
        shown.set(None);
        go();
    };
    let class = if secondary {
        "app-button app-button--secondary"
    } else {
        "app-button"
    };
    let label = StoredValue::new(label);
    view! {
        {move || match shown.get() {
            None => view! {
                <div class="app-button-group">
                    <button type="button" class=class disabled=move || busy.get() on:click=press.clone()>
                        {move || if busy.get() { tr!("Making the recovery code…") } else { label.get_value() }}
                    </button>
                </div>
            }.into_any(),
            Some(Shown { code, not_kept }) => {
                let written = written.clone();
                view! {
                <RecoveryCodeShown code=code not_kept=not_kept
                    done={tr!("I have written it down: download")} on_done=Callback::new(move |()| written()) />
                }.into_any()
            }
        }}
        <div role="status" aria-live="polite">
            {move || said.get().map(|r| match r {
                Ok(text) => view! { <p class="app-body">{text}</p> }.into_any(),
                Err(text) => view! { <p class="app-error-message">{tr!("The file could not be downloaded: {text}.", text = text)}</p> }.into_any(),
            })}
        </div>
    }
}
