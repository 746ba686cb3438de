//! The home screen: the reviews on this device (and any that cannot be
//! opened), starting a new one, the copies still to give (`to_give`),
//! opening a backup, checking a summary.

mod to_give;

use crate::browser::{clock, download, storage, update};
use crate::components::{Banner, Flash, Notice, Page};
use crate::state::{use_app, AppState};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::{Review, ReviewState};

/// Every review on this device, and the way into a new one.
#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let (reviews, unreadable): (Vec<_>, Vec<_>) =
        storage::list_reviews().into_iter().partition(Result::is_ok);
    let reviews: Vec<Review> = reviews.into_iter().filter_map(Result::ok).collect();
    // Signed-off reviews leave the device after the days chosen in the settings.
    let days = crate::browser::pin::retention_days();
    let now = clock::now();
    let (due, mut reviews): (Vec<Review>, Vec<Review>) = reviews
        .into_iter()
        .partition(|r| review_core::retention::is_due(r, days, &now));
    let mut removed = 0;
    for r in due {
        if crate::state::delete_review(&r.id).is_ok() {
            removed += 1;
        } else {
            reviews.push(r);
        }
    }
    let retention_notice = (removed > 0).then(|| match removed {
        1 => format!("1 signed-off review was removed from this device: it was signed off more than {days} days ago (see Device settings)."),
        n => format!("{n} signed-off reviews were removed from this device: they were signed off more than {days} days ago (see Device settings)."),
    });
    let unreadable: Vec<_> = unreadable.into_iter().filter_map(Result::err).collect();
    let navigate = use_navigate();
    let start_problem = RwSignal::new(None::<String>);
    // A second press while the first is starting one does nothing.
    let starting = StoredValue::new(false);

    let start = move |_| {
        if !app.settings.with_untracked(|s| s.is_complete()) {
            navigate("/settings?then=new", Default::default());
            return;
        }
        if starting.get_value() {
            return;
        }
        starting.set_value(true);
        let navigate = navigate.clone();
        // Made with the review group's code, which the review's first
        // screen needs next (`on_demand`).
        leptos::task::spawn_local(async move {
            match start_new_review(app).await {
                Ok(review) => navigate(&format!("/review/{}/who", review.id), Default::default()),
                Err(problem) => start_problem.set(Some(problem)),
            }
            starting.set_value(false);
        });
    };

    view! {
        <Page title="Reviews on this device">
            <Flash />
            {retention_notice.map(|text| view! {
                <div class="app-notification-banner" role="status">
                    <div class="app-notification-banner__content"><p class="app-body">{text}</p></div>
                </div>
            })}
            {move || app.settings_problem.get().map(|text| view! {
                <Notice warning=true><p class="app-body">{text}</p></Notice>
            })}
            <UpdateReady />
            <p class="app-body-l">
                "Run a carer review together: who is taking part, how the review will work, and what it will look at."
            </p>
            <Show when=move || !app.settings.with(|s| s.is_complete())>
                <div class="app-inset-text">
                    <p class="app-body">
                        "Before the first review, tell the app your organisation and your name. "
                        <A exact=true href=crate::href("/settings")>"Set up this device"</A>
                    </p>
                </div>
            </Show>
            {move || start_problem.get().map(|text| view! {
                <p class="app-error-message" role="alert">{text}</p>
            })}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=start>"Start a new review"</button>
                <A exact=true href=crate::href("/follow-on") attr:class="app-button app-button--secondary">"Start from the last review"</A>
            </div>
            <UnreadableReviews entries=unreadable />
            <to_give::CopiesToGive reviews=reviews.clone() />
            <ReviewList reviews=reviews />
            <h2 class="app-heading-m">"Files"</h2>
            <ul class="app-list">
                <li><A exact=true href=crate::href("/check-summary") attr:class="app-link app-link--standalone">"Check a summary file"</A></li>
                <li><A exact=true href=crate::href("/open-backup") attr:class="app-link app-link--standalone">"Open a backup"</A></li>
            </ul>
        </Page>
    }
}

/// Starts a new review from the device's settings (`state::start_review`)
/// with the code of the review group (`on_demand`), which the review's frame
/// needs next anyway: the first load does not carry it.
#[leptos::wasm_split::wasm_split(review, wasm_split_path = ::leptos::wasm_split, fallible)]
fn start_review(
    app: AppState,
    owner: Owner,
) -> Result<Result<Review, storage::StorageError>, leptos::wasm_split::SplitLoaderError> {
    Ok(owner.with(|| crate::state::start_review(&app)))
}

/// A new review, once the review group's module is here: the review, or
/// why it could not be started.
async fn start_new_review(app: AppState) -> Result<Review, String> {
    match start_review(app, Owner::current().unwrap_or_default()).await {
        Ok(Ok(review)) => Ok(review),
        Ok(Err(e)) => Err(format!("The review could not be started: {e}.")),
        Err(_) => Err("The review could not be started: the app could not fetch its screens. Check the connection, then try again.".into()),
    }
}

/// A new build of the app is waiting (`browser::update`): offered here, on
/// the one screen where no review is open, and applied only when the worker
/// chooses. Until then, and until every page of the app is closed, the
/// build in use stays.
#[component]
fn UpdateReady() -> impl IntoView {
    let ready = RwSignal::new(update::is_ready());
    let listener = window_event_listener_untyped(update::READY_EVENT, move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let applying = RwSignal::new(false);
    view! {
        <Show when=move || ready.get()>
            <Banner id="update-ready-title" title="Update" heading="A new version of Review Together is ready".to_string()>
                <p class="app-body">
                    "It is used from the next time the app is opened. Reviews on this device stay as they are, drafts included."
                </p>
                <button type="button" class="app-button" disabled=move || applying.get()
                    on:click=move |_| {
                        applying.set(true);
                        update::apply();
                    }>
                    {move || if applying.get() { "Updating…" } else { "Update now" }}
                </button>
            </Banner>
        </Show>
    }
}

#[component]
fn ReviewList(
    /// The readable reviews, newest first.
    reviews: Vec<Review>,
) -> impl IntoView {
    if reviews.is_empty() {
        return view! { <p class="app-body">"There are no reviews on this device yet."</p> }
            .into_any();
    }
    let days = crate::browser::pin::retention_days();
    let rows = reviews
        .into_iter()
        .map(|r| {
            let carer = r
                .carer()
                .map(|c| c.name.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "Carer not named yet".into());
            let (done, total) = review_core::progress::parts_done(&r);
            let (state, tag) = match r.state {
                ReviewState::Draft => ("Draft", "app-tag app-tag--blue"),
                ReviewState::SignedOff => ("Signed off", "app-tag app-tag--green"),
            };
            let open = format!("/review/{}", r.id);
            let (open_hidden, delete_hidden) = (
                format!(" the review with {carer}"),
                format!(" the review with {carer}"),
            );
            let delete = format!("/review/{}/delete", r.id);
            view! {
                <tr>
                    <th scope="row" class="app-table__header">{carer}</th>
                    <td class="app-table__cell" data-label="Started">{clock::long_date(&r.created_at)}</td>
                    <td class="app-table__cell" data-label="Progress">{format!("{done} of {total} parts done")}</td>
                    <td class="app-table__cell" data-label="State">
                        <strong class=tag>{state}</strong>
                        {(r.version > 1).then(|| view! { <span class="app-hint">{format!(" Version {}", r.version)}</span> })}
                        {review_core::retention::removal_due(&r, days).map(|due| view! {
                            <span class="app-hint app-table__note">{format!("Leaves this device on {}", clock::long_date(&due))}</span>
                        })}
                    </td>
                    <td class="app-table__cell">
                        <div class="app-cluster">
                            <A exact=true href=crate::href(open) attr:class="app-link">
                                "Open" <span class="app-visually-hidden">{open_hidden}</span>
                            </A>
                            <A exact=true href=crate::href(delete) attr:class="app-link">
                                "Delete" <span class="app-visually-hidden">{delete_hidden}</span>
                            </A>
                        </div>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-container" role="region" aria-labelledby="saved-reviews" tabindex="0">
        <table class="app-table">
            <caption class="app-table__caption" id="saved-reviews">"Saved reviews"</caption>
            <thead>
                <tr>
                    <th scope="col" class="app-table__header">"Carer"</th>
                    <th scope="col" class="app-table__header">"Started"</th>
                    <th scope="col" class="app-table__header">"Progress"</th>
                    <th scope="col" class="app-table__header">"State"</th>
                    <th scope="col" class="app-table__header"><span class="app-visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
    .into_any()
}

/// Saved reviews this version cannot read. They are left as they are; the
/// worker can download the raw text for the records team or a newer app.
#[component]
fn UnreadableReviews(
    /// What could not be read, and why.
    entries: Vec<storage::Unreadable>,
) -> impl IntoView {
    (!entries.is_empty()).then(|| {
        let items = entries
            .into_iter()
            .enumerate()
            .map(|(i, u)| {
                let problem = RwSignal::new(None::<String>);
                let key = u.key.clone();
                let save = move |_| {
                    let result = storage::raw(&key)
                        .ok_or_else(|| "it is no longer on this device".to_string())
                        .and_then(|raw| {
                            download::download(
                                &format!("unreadable-review-{}.json", i + 1),
                                "application/json",
                                &raw,
                            )
                        });
                    problem.set(result.err());
                };
                view! {
                    <li>
                        <p class="app-body">{format!("Saved review {}: {}.", i + 1, u.error)}</p>
                        <button type="button" class="app-button app-button--secondary" on:click=save>
                            {format!("Download saved review {} as it is", i + 1)}
                        </button>
                        {move || problem.get().map(|p| view! {
                            <p class="app-error-message" role="alert">{format!("Could not download it: {p}.")}</p>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="app-notification-banner app-notification-banner--warning" role="region" aria-labelledby="unreadable-title">
                <div class="app-notification-banner__content">
                    <h2 class="app-heading-m" id="unreadable-title">"Some saved reviews could not be opened"</h2>
                    <p class="app-body">"They have been kept on this device exactly as they were. Nothing has been deleted."</p>
                    <ul class="app-stack">{items}</ul>
                </div>
            </div>
        }
    })
}
