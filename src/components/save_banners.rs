//! The banners about saving a review: why the latest changes are not
//! stored (with the review as a file), and that another tab is changing it
//! (with "Edit here instead").

use super::banner::Banner;
use super::locked_download::LockedDownload;
use crate::browser::storage;
use crate::saving::{open_review, take_over, Tab};
use crate::state::use_app;
use leptos::prelude::*;
use review_core::draft;
use review_core::tr;

/// Says why the latest changes are not stored, and offers them as a file.
#[component]
pub fn SaveProblemBanner() -> impl IntoView {
    let app = use_app();
    let download = |found: &review_core::recovery::DeviceRecovery| {
        // A backup of the review as on screen: it opens with "Open a
        // backup", and is locked like any backup.
        let review = open_review()?;
        let (name, text) = crate::signing::backup_file(&review, found)?;
        crate::browser::download::download(&name, "application/json", &text)?;
        Ok(tr!(
            "The review was downloaded as {name}. It opens with “Open a backup”, with the recovery code.",
            name = name
        ))
    };
    move || {
        app.problem.get().map(|problem| {
            let advice = match &problem {
                storage::StorageError::Full => tr!("Everything you type stays on this screen while this page is open, so you can carry on. Download the review as a file now so that nothing is lost if the page is closed. To make room, delete reviews you no longer need from this device."),
                storage::StorageError::Refused(draft::WriteRefused::ChangedElsewhere { .. }) => tr!("Your version stays on this screen while this page is open. Download it as a file so that nothing is lost, then reload this page to see the saved version."),
                storage::StorageError::Refused(_) => tr!("Your version stays on this screen while this page is open. Download it as a file so that nothing is lost."),
                _ => tr!("Everything you type stays on this screen while this page is open. Download the review as a file so that nothing is lost if the page is closed."),
            };
            view! {
                <Banner id="save-problem-title" title={tr!("Not saved on this device")} warning=true
                    heading=tr!("Your latest changes could not be saved because {why}.", why = problem)>
                        <p class="app-body">{advice}</p>
                        <LockedDownload label={tr!("Download this review as a file")} download=download />
                </Banner>
            }
        })
    }
}

/// Says that another tab or window is changing this review, and offers to
/// change it here instead. Not shown on a signed-off review: nobody changes it.
#[component]
pub fn OtherTabBanner(
    /// Whether the review is signed off (and so read-only everywhere).
    #[prop(into)]
    signed_off: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let edit_here = move |_| {
        take_over();
        // The button goes away: keep the keyboard where the page starts.
        super::focus::focus_by_id("main-content");
    };
    move || {
        let tab = app.tab.get();
        (!tab.editing() && !signed_off.get()).then(|| {
            let kept = app.problem.with(Option::is_none);
            let (heading, body) = match tab {
                Tab::TakenOver if kept => (
                    tr!("This review is now being changed in another tab or window."),
                    tr!("What you typed here before then was saved on this device. You can read the review here, and changes saved there appear here."),
                ),
                Tab::TakenOver => (
                    tr!("This review is now being changed in another tab or window."),
                    tr!("You can read the review here, and changes saved there appear here."),
                ),
                _ => (
                    tr!("This review is open in another tab or window, where it can be changed."),
                    tr!("You can read it here, and changes saved there appear here. Only one tab can change a review at a time."),
                ),
            };
            view! {
                <Banner id="other-tab-title" title={tr!("Read only in this tab")} heading=heading>
                        <p class="app-body">{body}</p>
                        <div class="app-button-group">
                            <button type="button" class="app-button" on:click=edit_here>{tr!("Edit here instead")}</button>
                        </div>
                </Banner>
            }
        })
    }
}
