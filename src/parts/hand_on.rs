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
use review_core::{Review, ReviewState};

/// Where one review stands, in words.
fn standing(review: &Review) -> (&'static str, &'static str, String) {
    match review.state {
        ReviewState::Draft => (
            "Not finished",
            "app-tag app-tag--red",
            "Not signed off, so no summary has been made. Only a backup keeps it.".into(),
        ),
        ReviewState::SignedOff => match storage::summary_saved(&review.id) {
            Some(saved) => (
                "Summary saved",
                "app-tag app-tag--green",
                format!(
                    "Its signed summary was saved from this tablet as {} on {}. Check that your records team has it.",
                    saved.file_name,
                    long_moment_of(&saved.saved_at)
                ),
            ),
            None => (
                "Summary not saved",
                "app-tag app-tag--red",
                "Signed off, but its signed summary has not been saved from this tablet: open the review and download it for your records team.".into(),
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
        .unwrap_or_else(|| "Carer not named yet".into());
    let heading_id = format!("hand-on-{}", review.id);
    let labelled_by = heading_id.clone();
    let open = format!("/review/{}", review.id);
    let download = move |found: &DeviceRecovery| {
        let (name, text) = signing::backup_file(&review, found)?;
        download::download(&name, "application/json", &text)?;
        Ok(format!("The backup was saved as {name}."))
    };
    view! {
        <li class="app-card" aria-labelledby=labelled_by>
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s" id=heading_id>{format!("Review with {carer}")}</h3>
                <strong class=class>{tag}</strong>
            </div>
            <div class="app-card__body">
                <p class="app-body">{words}</p>
                <LockedDownload label="Download a backup of this review" secondary=true download=download />
            </div>
            <div class="app-card__actions">
                <A exact=true href=crate::href(open) attr:class="app-link">"Open the review"</A>
            </div>
        </li>
    }
}

/// The signing key, for the records team to retire.
fn key_section() -> impl IntoView {
    let said = match signing::key_state() {
        KeyState::Ready { jwk, .. } => view! {
            <p class="app-body">"Read this fingerprint to your records team. They retire the key, so that nothing signed on this tablet from now on is taken for this device’s."</p>
            <p class="app-fingerprint" id="hand-on-fingerprint">{grouped(&jwk.thumbprint())}</p>
            <p class="app-hint">"Summaries it signed before stay valid once the key is retired."</p>
        }
        .into_any(),
        KeyState::None => view! {
            <p class="app-body">"This tablet has no signing key: there is nothing for the records team to retire."</p>
        }
        .into_any(),
        KeyState::Unreadable(why) | KeyState::Unavailable(why) => view! {
            <p class="app-body">{format!("The signing key on this tablet cannot be read ({why}). Ask your records team to retire every key registered for this tablet.")}</p>
        }
        .into_any(),
    };
    view! {
        <h2 class="app-heading-m">"2. Retire the signing key"</h2>
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
            unconfirmed.set(Some("Say that everything on this tablet has reached your records team or is in a backup".into()));
            focus_by_id("hand-on-confirm");
            return;
        }
        unconfirmed.set(None);
        super::privacy::remove_all(busy, problem);
    };
    view! {
        <Page back="/settings" back_text="Device settings" title="Hand this tablet on"
            intro="Before this tablet goes to someone else or is retired: make sure everything on it has reached your records team, keep a final backup, have its signing key retired, then remove everything from it.">
            <h2 class="app-heading-m">"1. Reviews still on this tablet"</h2>
            {match count {
                0 => view! { <p class="app-body">"There are no reviews on this tablet."</p> }.into_any(),
                n => view! {
                    <p class="app-body">{format!("{} on this tablet. A backup of each is locked with this tablet’s recovery code: keep the code apart from the files.", review_core::words::count_of(n, "review is", "reviews are"))}</p>
                    <ul class="app-list">{readable.into_iter().map(review_card).collect_view()}</ul>
                }
                .into_any(),
            }}
            {(unreadable > 0).then(|| view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">{format!("{} on this tablet cannot be read. The home screen can download each as it is, for your records team to look at.", review_core::words::count_of(unreadable, "saved review", "saved reviews"))}</p>
                </div>
            })}
            {key_section()}
            <h2 class="app-heading-m">"3. Remove everything from this tablet"</h2>
            <p class="app-body">"This removes every review, summary, setting, the PIN and the signing key that Review Together keeps on this tablet. It cannot be undone. The app itself stays, empty, ready for the next worker."</p>
            <Checkboxes id="hand-on-confirm" legend="Before anything is removed"
                choices=vec![Choice::new((), "done", "Everything on this tablet has reached our records team, or is in a backup")]
                value=Signal::derive(move || if confirmed.get() { vec![()] } else { vec![] })
                error=unconfirmed
                on_toggle=Callback::new(move |((), ticked)| confirmed.set(ticked)) />
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button app-button--warning" disabled=move || busy.get() on:click=remove>
                    {move || if busy.get() { "Removing…" } else { "Remove everything from this tablet" }}
                </button>
            </div>
        </Page>
    }
}
