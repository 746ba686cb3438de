//! "Hand this tablet on": before a tablet goes to another worker or is
//! retired, one screen takes the worker through what must leave it first —
//! each review still here and whether its signed summary has left the app,
//! a final backup of each (locked with the recovery code), the signing key's
//! fingerprint for the records team to retire — and then removes everything
//! this deployment keeps on the device (another deployment on the same
//! origin is not touched: see `crate::browser::deployment`).
//!
//! The tablet cannot know that a file reached the records team, only that
//! its summary was saved as a file here (`storage::summary_saved`): the
//! screen says exactly that.

use crate::browser::{download, storage};
use crate::components::{focus_by_id, Checkboxes, Choice, LockedDownload, Page, Problem};
use crate::signing::{self, KeyState};
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::recovery::DeviceRecovery;
use review_core::summary::grouped;
use review_core::words::long_moment_of;
use review_core::{tr, trn};
use review_core::{Review, ReviewState};

/// Where one review stands, in words.
fn standing(review: &Review) -> (String, &'static str, String) {
    match review.state {
        ReviewState::Draft => (
            tr!("Not finished"),
            "app-tag app-tag--red",
            tr!("Not signed off, so no summary has been made. Only a backup keeps it."),
        ),
        ReviewState::SignedOff => match storage::summary_saved(&review.id) {
            Some(saved) => (
                tr!("Summary saved"),
                "app-tag app-tag--green",
                tr!(
                    "Its signed summary was saved from this tablet as {file} on {when}. Check that your records team has it.",
                    file = saved.file_name,
                    when = long_moment_of(&saved.saved_at)
                ),
            ),
            None => (
                tr!("Summary not saved"),
                "app-tag app-tag--red",
                tr!("Signed off, but its signed summary has not been saved from this tablet: open the review and download it for your records team."),
            ),
        },
    }
}

/// One review still on the tablet: where it stands, and its backup.
fn review_card(review: Review) -> impl IntoView {
    let (tag, class, words) = standing(&review);
    let carer = review
        .carer()
        .map(|c| c.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| tr!("Carer not named yet"));
    let heading_id = format!("hand-on-{}", review.id);
    let labelled_by = heading_id.clone();
    let open = format!("/review/{}", review.id);
    let download = move |found: &DeviceRecovery| {
        let (name, text) = signing::backup_file(&review, found)?;
        download::download(&name, "application/json", &text)?;
        Ok(tr!("The backup was saved as {name}.", name = name))
    };
    view! {
        <li class="app-card" aria-labelledby=labelled_by>
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s" id=heading_id>{tr!("Review with {carer}", carer = carer)}</h3>
                <strong class=class>{tag}</strong>
            </div>
            <div class="app-card__body">
                <p class="app-body">{words}</p>
                <LockedDownload label={tr!("Download a backup of this review")} secondary=true download=download />
            </div>
            <div class="app-card__actions">
                <A exact=true href=crate::href(open) attr:class="app-link">{tr!("Open the review")}</A>
            </div>
        </li>
    }
}

/// The signing key, for the records team to retire.
fn key_section() -> impl IntoView {
    let said = match signing::key_state() {
        KeyState::Ready { jwk, .. } => view! {
            <p class="app-body">{tr!("Read this fingerprint to your records team. They retire the key, so that nothing signed on this tablet from now on is taken for this device’s.")}</p>
            <p class="app-fingerprint" id="hand-on-fingerprint" translate="no">{grouped(&jwk.thumbprint())}</p>
            <p class="app-hint">{tr!("Summaries it signed before stay valid once the key is retired.")}</p>
        }
        .into_any(),
        KeyState::None => view! {
            <p class="app-body">{tr!("This tablet has no signing key: there is nothing for the records team to retire.")}</p>
        }
        .into_any(),
        KeyState::Unreadable(why) | KeyState::Unavailable(why) => view! {
            <p class="app-body">{tr!("The signing key on this tablet cannot be read ({why}). Ask your records team to retire every key registered for this tablet.", why = why)}</p>
        }
        .into_any(),
    };
    view! {
        <h2 class="app-heading-m">{tr!("2. Retire the signing key")}</h2>
        {said}
    }
}

#[component]
pub fn HandOnPage() -> impl IntoView {
    let reviews = storage::list_reviews();
    let unreadable = reviews.iter().filter(|r| r.is_err()).count();
    let mut readable: Vec<Review> = reviews.into_iter().filter_map(Result::ok).collect();
    readable.sort_by_key(|a| a.created_at);
    let count = readable.len();
    let confirmed = RwSignal::new(false);
    let unconfirmed = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let remove = move |_| {
        if !confirmed.get_untracked() {
            unconfirmed.set(Some(tr!("Say that everything on this tablet has reached your records team or is in a backup")));
            focus_by_id("hand-on-confirm");
            return;
        }
        unconfirmed.set(None);
        super::privacy::remove_all(busy, problem);
    };
    view! {
        <Page back="/settings" back_text={tr!("Device settings")} title={tr!("Hand this tablet on")}
            intro={tr!("Before this tablet goes to someone else or is retired: make sure everything on it has reached your records team, keep a final backup, have its signing key retired, then remove everything from it.")}>
            <h2 class="app-heading-m">{tr!("1. Reviews still on this tablet")}</h2>
            {match count {
                0 => view! { <p class="app-body">{tr!("There are no reviews on this tablet.")}</p> }.into_any(),
                n => view! {
                    <p class="app-body">{trn!(n, "{n} review is on this tablet. A backup of it is locked with this tablet’s recovery code: keep the code apart from the files.", "{n} reviews are on this tablet. A backup of each is locked with this tablet’s recovery code: keep the code apart from the files.")}</p>
                    <ul class="app-list">{readable.into_iter().map(review_card).collect_view()}</ul>
                }
                .into_any(),
            }}
            {(unreadable > 0).then(|| view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">{review_core::trn!(unreadable, "{n} saved review on this tablet cannot be read. The home screen can download each as it is, for your records team to look at.", "{n} saved reviews on this tablet cannot be read. The home screen can download each as it is, for your records team to look at.")}</p>
                </div>
            })}
            {key_section()}
            <h2 class="app-heading-m">{tr!("3. Remove everything from this tablet")}</h2>
            <p class="app-body">{tr!("This removes every review, summary, setting, the PIN and the signing key that Review Together keeps on this tablet. It cannot be undone. The app itself stays, empty, ready for the next worker.")}</p>
            <Checkboxes id="hand-on-confirm" legend={tr!("Before anything is removed")}
                choices=vec![Choice::new((), "done", tr!("Everything on this tablet has reached our records team, or is in a backup"))]
                value=Signal::derive(move || if confirmed.get() { vec![()] } else { vec![] })
                error=unconfirmed
                on_toggle=Callback::new(move |((), ticked)| confirmed.set(ticked)) />
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button app-button--warning" disabled=move || busy.get() on:click=remove>
                    {move || if busy.get() { tr!("Removing…") } else { tr!("Remove everything from this tablet") }}
                </button>
            </div>
        </Page>
    }
}
