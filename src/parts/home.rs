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
use review_core::{tr, trn};
use review_core::{Review, ReviewState};

/// Every review on this device, and the way into a new one.
#[component]
pub fn Home() -> impl IntoView {
    // Outside a review, the tablet's own language (issue 30).
    crate::browser::language::outside_reviews();
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
    let retention_notice = (removed > 0).then(|| trn!(
        removed,
        "{n} signed-off review was removed from this device: it was signed off more than {days} days ago (see Device settings).",
        "{n} signed-off reviews were removed from this device: they were signed off more than {days} days ago (see Device settings).",
        days = days
    ));
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
        <Page title={tr!("Reviews on this device")}>
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
                {tr!("Run a carer review together: who is taking part, how the review will work, and what it will look at.")}
            </p>
            <Show when=move || !app.settings.with(|s| s.is_complete())>
                <div class="app-inset-text">
                    <p class="app-body">
                        {tr!("Before the first review, tell the app your organisation and your name.")}" "
                        <A exact=true href=crate::href("/settings")>{tr!("Set up this device")}</A>
                    </p>
                </div>
            </Show>
            {move || start_problem.get().map(|text| view! {
                <p class="app-error-message" role="alert">{text}</p>
            })}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=start>{tr!("Start a new review")}</button>
                <A exact=true href=crate::href("/follow-on") attr:class="app-button app-button--secondary">{tr!("Start from the last review")}</A>
            </div>
            <UnreadableReviews entries=unreadable />
            <to_give::CopiesToGive reviews=reviews.clone() />
            <ReviewList reviews=reviews />
            <h2 class="app-heading-m">{tr!("Files")}</h2>
            <ul class="app-list">
                <li><A exact=true href=crate::href("/check-summary") attr:class="app-link app-link--standalone">{tr!("Check a summary file")}</A></li>
                <li><A exact=true href=crate::href("/open-backup") attr:class="app-link app-link--standalone">{tr!("Open a backup")}</A></li>
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
        Ok(Err(e)) => Err(tr!("The review could not be started: {why}.", why = e)),
        Err(_) => Err(tr!("The review could not be started: the app could not fetch its screens. Check the connection, then try again.")),
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
            <Banner id="update-ready-title" title={tr!("Update")} heading={tr!("A new version of Review Together is ready")}>
                <p class="app-body">
                    {tr!("It is used from the next time the app is opened. Reviews on this device stay as they are, drafts included.")}
                </p>
                <button type="button" class="app-button" disabled=move || applying.get()
                    on:click=move |_| {
                        applying.set(true);
                        update::apply();
                    }>
                    {move || if applying.get() { tr!("Updating…") } else { tr!("Update now") }}
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
        return view! { <p class="app-body">{tr!("There are no reviews on this device yet.")}</p> }
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
                .unwrap_or_else(|| tr!("Carer not named yet"));
            let (done, total) = review_core::progress::parts_done(&r);
            let (state, tag) = match r.state {
                ReviewState::Draft => (tr!("[state] Draft"), "app-tag app-tag--blue"),
                ReviewState::SignedOff => (tr!("[state] Signed off"), "app-tag app-tag--green"),
            };
            let open = format!("/review/{}", r.id);
            let (open_hidden, delete_hidden) = (
                format!(" {}", tr!("the review with {carer}", carer = carer)),
                format!(" {}", tr!("the review with {carer}", carer = carer)),
            );
            let delete = format!("/review/{}/delete", r.id);
            view! {
                <tr>
                    <th scope="row" class="app-table__header">{carer}</th>
                    <td class="app-table__cell" data-label={tr!("Started")}>{clock::long_date(&r.created_at)}</td>
                    <td class="app-table__cell" data-label={tr!("Progress")}>{tr!("{done} of {total} parts done", done = done, total = total)}</td>
                    <td class="app-table__cell" data-label={tr!("State")}>
                        <strong class=tag>{state}</strong>
                        {(r.version > 1).then(|| view! { <span class="app-hint">{format!(" {}", tr!("Version {number}", number = r.version))}</span> })}
                        {review_core::retention::removal_due(&r, days).map(|due| view! {
                            <span class="app-hint app-table__note">{tr!("Leaves this device on {date}", date = clock::long_date(&due))}</span>
                        })}
                    </td>
                    <td class="app-table__cell">
                        <div class="app-cluster">
                            <A exact=true href=crate::href(open) attr:class="app-link">
                                {tr!("[review] Open")} <span class="app-visually-hidden">{open_hidden}</span>
                            </A>
                            <A exact=true href=crate::href(delete) attr:class="app-link">
                                {tr!("[review] Delete")} <span class="app-visually-hidden">{delete_hidden}</span>
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
            <caption class="app-table__caption" id="saved-reviews">{tr!("Saved reviews")}</caption>
            <thead>
                <tr>
                    <th scope="col" class="app-table__header">{tr!("Carer")}</th>
                    <th scope="col" class="app-table__header">{tr!("Started")}</th>
                    <th scope="col" class="app-table__header">{tr!("Progress")}</th>
                    <th scope="col" class="app-table__header">{tr!("State")}</th>
                    <th scope="col" class="app-table__header"><span class="app-visually-hidden">{tr!("Actions")}</span></th>
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
                        .ok_or_else(|| tr!("it is no longer on this device"))
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
                        <p class="app-body">{tr!("Saved review {number}: {why}.", number = i + 1, why = u.error)}</p>
                        <button type="button" class="app-button app-button--secondary" on:click=save>
                            {tr!("Download saved review {number} as it is", number = i + 1)}
                        </button>
                        {move || problem.get().map(|p| view! {
                            <p class="app-error-message" role="alert">{tr!("Could not download it: {why}.", why = p)}</p>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="app-notification-banner app-notification-banner--warning" role="region" aria-labelledby="unreadable-title">
                <div class="app-notification-banner__content">
                    <h2 class="app-heading-m" id="unreadable-title">{tr!("Some saved reviews could not be opened")}</h2>
                    <p class="app-body">{tr!("They have been kept on this device exactly as they were. Nothing has been deleted.")}</p>
                    <ul class="app-stack">{items}</ul>
                </div>
            </div>
        }
    })
}
