//! The screens that load on demand (issue 19): each group's code is a module
//! of its own, fetched the first time one of its screens opens, so the first
//! load holds only the app's frame, the home screen and the lock screen. A
//! review's frame (its context, saving and banners) is a group too, fetched
//! with the first screen of a review. A group is a set of `wasm_split`
//! points with one module name; `scripts/split.mjs` cuts the build along
//! them after Trunk has built it.
//!
//! What it must not do: hold a screen's logic. It says which screen each
//! address shows and which group's module that screen lives in, and it is
//! the way the first load calls into a group's code (settling the device's
//! signing key; the home screen starts a review with the review group's code
//! through a split point of its own, `parts::home`).

use crate::components::Page;
use crate::parts::*;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;
use review_core::tr;

/// A group's module could not be fetched (no network before the app was
/// kept for offline use, or the host did not answer).
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a screen of a group shows: the screen, or why it could not open.
type Shown = Result<AnyView, NotLoaded>;

/// A screen of a group, by its number in that group: the route's type,
/// `Screen<GROUP, N>`, is all a lazy route may carry (it is made with no
/// input), so the numbers are constants below.
pub struct Screen<const GROUP: u8, const N: u8>;

impl<const GROUP: u8, const N: u8> LazyRoute for Screen<GROUP, N> {
    fn data() -> Self {
        Screen
    }

    /// The router fetches every level of a matched address at once: a
    /// review's frame and the screen inside it load side by side. A module
    /// that cannot be fetched here says so when its screen is made (`view`).
    async fn preload() {
        let _ = match GROUP {
            DEVICE => preload_device().await,
            GETTING_READY => preload_getting_ready().await,
            MEETING => preload_meeting().await,
            SIGN_OFF => preload_sign_off().await,
            TASK_LIST => preload_task_list().await,
            REVIEW => preload_review().await,
            _ => Ok(()),
        };
    }

    async fn view(_this: Self) -> AnyView {
        let shown = match GROUP {
            DEVICE => device(N).await,
            GETTING_READY => getting_ready(N).await,
            MEETING => meeting(N).await,
            SIGN_OFF => sign_off(N).await,
            TASK_LIST => task_list(N).await,
            REVIEW => review(N).await,
            _ => Ok(().into_any()),
        };
        shown.unwrap_or_else(|NotLoaded| view! { <CouldNotOpen /> }.into_any())
    }
}

/// Fetches every group's module now. Where the browser has a service worker
/// it keeps them all for offline use anyway; where it has none, the app calls
/// this once it has started, so that every screen still opens if the network
/// goes later. A module that cannot be fetched is tried again when one of its
/// screens opens.
pub async fn fetch_all() {
    let _ = preload_device().await;
    let _ = preload_getting_ready().await;
    let _ = preload_meeting().await;
    let _ = preload_sign_off().await;
    let _ = preload_task_list().await;
    let _ = preload_review().await;
}

/// Where the browser has no service worker, fetch every group's module a
/// second after the app starts (not before its first screen is ready).
pub fn keep_for_offline() {
    if !crate::browser::update::has_service_worker() {
        set_timeout(
            || leptos::task::spawn_local(fetch_all()),
            std::time::Duration::from_secs(1),
        );
    }
}

/// Said when a group's module could not be fetched: nothing is lost, and
/// trying again fetches it.
#[component]
fn CouldNotOpen() -> impl IntoView {
    let again = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <Page title={tr!("This screen could not be opened")}>
            <p class="app-body">
                {tr!("The app fetches this screen the first time it is used, and it could not be fetched: the device may have lost its connection before the app was ready to work offline.")}
            </p>
            <p class="app-body">{tr!("Everything entered so far is saved on this device. Connect to the internet, then try again.")}</p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=again>{tr!("Try again")}</button>
            </div>
        </Page>
    }
}

/// Device settings, the signing key, the key lists and team, the PIN and
/// recovery code, removing data, handing on; checking, opening and
/// following on from files.
pub const DEVICE: u8 = 0;
pub const SETTINGS: u8 = 0;
pub const SIGNING_KEY: u8 = 1;
pub const TEAM_KEYS: u8 = 2;
pub const TEAM: u8 = 3;
pub const PIN: u8 = 4;
pub const RECOVERY_CODE: u8 = 5;
pub const REMOVE_ALL: u8 = 6;
pub const HAND_ON: u8 = 7;
pub const CHECK_SUMMARY: u8 = 8;
pub const OPEN_BACKUP: u8 = 9;
pub const FOLLOW_ON: u8 = 10;

/// Settles the device's signing key (`signing::settle`): its code lives
/// with the key screen's, so the first load does not carry it.
#[leptos::wasm_split::wasm_split(device, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settle_key() -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, NotLoaded> {
    Ok(Box::pin(async {
        let _ = crate::signing::settle().await;
    }))
}

/// At every start and unlock (see `signing::settle`): when there is
/// something to settle, once the device group's module is here; nothing is
/// fetched when there is not.
pub fn settle_signing_key() {
    leptos::task::spawn_local(async {
        if !crate::signing::needs_settling().await {
            return;
        }
        if let Ok(settling) = settle_key().await {
            settling.await;
        }
    });
}

#[leptos::wasm_split::wasm_split(device, wasm_split_path = ::leptos::wasm_split, preload(preload_device), fallible)]
fn device(screen: u8) -> Shown {
    crate::browser::language::outside_reviews();
    Ok(match screen {
        SETTINGS => view! { <DeviceSettingsPage /> }.into_any(),
        SIGNING_KEY => view! { <SigningKeyPage /> }.into_any(),
        TEAM_KEYS => view! { <TeamKeysPage /> }.into_any(),
        TEAM => view! { <TeamConfigPage /> }.into_any(),
        PIN => view! { <PinPage /> }.into_any(),
        RECOVERY_CODE => view! { <RecoveryCodePage /> }.into_any(),
        REMOVE_ALL => view! { <RemoveAllPage /> }.into_any(),
        HAND_ON => view! { <HandOnPage /> }.into_any(),
        CHECK_SUMMARY => view! { <CheckSummary /> }.into_any(),
        OPEN_BACKUP => view! { <OpenBackup /> }.into_any(),
        FOLLOW_ON => view! { <FollowOn /> }.into_any(),
        _ => ().into_any(),
    })
}

/// Part 1, getting ready: who is here, taking part, how we review, what we
/// look at, ready to start.
pub const GETTING_READY: u8 = 1;
pub const WHO: u8 = 0;
pub const PERSON: u8 = 1;
pub const TAKING_PART: u8 = 2;
pub const SUPPORT: u8 = 3;
pub const PROCESS: u8 = 4;
pub const SHARING: u8 = 5;
pub const CRITERIA: u8 = 6;
pub const READY: u8 = 7;

#[leptos::wasm_split::wasm_split(getting_ready, wasm_split_path = ::leptos::wasm_split, preload(preload_getting_ready), fallible)]
fn getting_ready(screen: u8) -> Shown {
    Ok(match screen {
        WHO => view! { <WhoIsHere /> }.into_any(),
        PERSON => view! { <PersonDetails /> }.into_any(),
        TAKING_PART => view! { <TakingPart /> }.into_any(),
        SUPPORT => view! { <PersonSupport /> }.into_any(),
        PROCESS => view! { <HowWeReview /> }.into_any(),
        SHARING => view! { <KeepingThingsPrivate /> }.into_any(),
        CRITERIA => view! { <Criteria /> }.into_any(),
        READY => view! { <Readiness /> }.into_any(),
        _ => ().into_any(),
    })
}

/// Part 2, the meeting: ratings, services, cover, escalations, actions and
/// the outcome, passing the tablet and time on their own.
pub const MEETING: u8 = 2;
pub const RATINGS: u8 = 0;
pub const RATE: u8 = 1;
pub const SERVICES: u8 = 2;
pub const COVER: u8 = 3;
pub const ESCALATIONS: u8 = 4;
pub const OUTCOME: u8 = 5;
pub const DECISION: u8 = 6;
pub const VIEWS: u8 = 7;
pub const PASS: u8 = 8;
pub const PRIVATE: u8 = 9;

#[leptos::wasm_split::wasm_split(meeting, wasm_split_path = ::leptos::wasm_split, preload(preload_meeting), fallible)]
fn meeting(screen: u8) -> Shown {
    Ok(match screen {
        RATINGS => view! { <Ratings /> }.into_any(),
        RATE => view! { <RateCriterion /> }.into_any(),
        SERVICES => view! { <Services /> }.into_any(),
        COVER => view! { <Cover /> }.into_any(),
        ESCALATIONS => view! { <Escalations /> }.into_any(),
        OUTCOME => view! { <ActionsAndOutcome /> }.into_any(),
        DECISION => view! { <TheOutcome /> }.into_any(),
        VIEWS => view! { <EveryonesView /> }.into_any(),
        PASS => view! { <crate::components::PassTheTablet /> }.into_any(),
        PRIVATE => view! { <StartPrivateTurn /> }.into_any(),
        _ => ().into_any(),
    })
}

/// Part 3 and after: checking, signing off, the copies, looking back,
/// amending and deleting a review.
pub const SIGN_OFF: u8 = 3;
pub const CHECK: u8 = 0;
pub const SIGN: u8 = 1;
pub const COPY: u8 = 2;
pub const REFLECTION: u8 = 3;
pub const AMEND: u8 = 4;
pub const DELETE: u8 = 5;

#[leptos::wasm_split::wasm_split(sign_off, wasm_split_path = ::leptos::wasm_split, preload(preload_sign_off), fallible)]
fn sign_off(screen: u8) -> Shown {
    Ok(match screen {
        CHECK => view! { <CheckAnswers /> }.into_any(),
        SIGN => view! { <SignOff /> }.into_any(),
        COPY => view! { <ReadableCopy /> }.into_any(),
        REFLECTION => view! { <WorkerReflection /> }.into_any(),
        AMEND => view! { <Amend /> }.into_any(),
        DELETE => view! { <DeleteReview /> }.into_any(),
        _ => ().into_any(),
    })
}

/// A review's task list, with its downloads once it is signed off.
pub const TASK_LIST: u8 = 4;
pub const OVERVIEW: u8 = 0;

#[leptos::wasm_split::wasm_split(task_list, wasm_split_path = ::leptos::wasm_split, preload(preload_task_list), fallible)]
fn task_list(screen: u8) -> Shown {
    Ok(match screen {
        OVERVIEW => view! { <Overview /> }.into_any(),
        _ => ().into_any(),
    })
}

/// A review's frame (its context, saving, banners and Pause, around the
/// screen of the address), and everything shown during a private turn.
pub const REVIEW: u8 = 5;
pub const FRAME: u8 = 0;

#[leptos::wasm_split::wasm_split(review, wasm_split_path = ::leptos::wasm_split, preload(preload_review), fallible)]
fn review(screen: u8) -> Shown {
    Ok(match screen {
        FRAME => view! { <ReviewShell /> }.into_any(),
        _ => ().into_any(),
    })
}

#[leptos::wasm_split::wasm_split(review, wasm_split_path = ::leptos::wasm_split, fallible)]
fn private_turn(turn: review_core::private_turn::PrivateTurn) -> Shown {
    Ok(view! { <PrivateTurnRoot turn=turn /> }.into_any())
}

/// Everything shown while a private turn is on, once its module is here.
#[component]
pub fn PrivateTurnScreens(turn: review_core::private_turn::PrivateTurn) -> impl IntoView {
    view! {
        <Suspense>
            {Suspend::new(async move {
                private_turn(turn)
                    .await
                    .unwrap_or_else(|NotLoaded| view! { <CouldNotOpen /> }.into_any())
            })}
        </Suspense>
    }
}
