//! The app's root: the display settings and the device-PIN gate around
//! everything, then the router with every screen's address, the header
//! (with the save status) and the page not found.

use crate::on_demand::*;
use crate::parts::{Home, LockGate};
use crate::state::provide_app_state;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::{path, Lazy};
use review_core::tr;

#[component]
pub fn App() -> impl IntoView {
    // Before the display settings, which make the app afresh in another
    // language when one is chosen.
    provide_context(crate::state::Remake(RwSignal::new(false)));
    crate::components::provide_display_settings();
    crate::components::provide_voices();
    // The team's configuration: kept plain, so read before any unlock.
    crate::team::provide_team();
    crate::on_demand::keep_for_offline();
    // With a device PIN, nothing below the gate exists until it is unlocked.
    view! {
        <LockGate>
            <Unlocked />
        </LockGate>
    }
}

/// The app itself: made afresh at each unlock, so it reads the device's
/// storage only while the key is there.
#[component]
fn Unlocked() -> impl IntoView {
    provide_app_state();
    // Read once: the app is made afresh when a private turn starts or ends.
    let private = crate::browser::storage::private_turn();
    let in_turn = private.is_some();
    // At every start and unlock: a signing key kept as text by an earlier
    // version moves into the browser, and the key is wrapped under the PIN
    // that is set now (see `signing::settle`).
    settle_signing_key();
    view! {
        <Router base=crate::browser::deployment::router_base()>
            <a
                href="#main-content"
                class="app-skip-link"
                on:click=|ev| {
                    ev.prevent_default();
                    crate::components::focus_by_id("main-content");
                }
            >
                {tr!("Skip to main content")}
            </a>
            <Header in_turn=in_turn />
            <div class="app-width-container">
                <main class="app-main" id="main-content" tabindex="-1">
                    // While a private turn is on, every address shows only it:
                    // the screens below are not made at all.
                    {match private {
                        Some(turn) => Either::Left(view! { <PrivateTurnScreens turn=turn /> }),
                        None => Either::Right(view! {
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/settings") view={Lazy::<Screen<DEVICE, SETTINGS>>::new()} />
                        <Route path=path!("/settings/key") view={Lazy::<Screen<DEVICE, SIGNING_KEY>>::new()} />
                        <Route path=path!("/settings/team-keys") view={Lazy::<Screen<DEVICE, TEAM_KEYS>>::new()} />
                        <Route path=path!("/settings/team") view={Lazy::<Screen<DEVICE, TEAM>>::new()} />
                        <Route path=path!("/settings/pin") view={Lazy::<Screen<DEVICE, PIN>>::new()} />
                        <Route path=path!("/settings/recovery-code") view={Lazy::<Screen<DEVICE, RECOVERY_CODE>>::new()} />
                        <Route path=path!("/settings/remove-all") view={Lazy::<Screen<DEVICE, REMOVE_ALL>>::new()} />
                        <Route path=path!("/settings/hand-on") view={Lazy::<Screen<DEVICE, HAND_ON>>::new()} />
                        <Route path=path!("/check-summary") view={Lazy::<Screen<DEVICE, CHECK_SUMMARY>>::new()} />
                        <Route path=path!("/open-backup") view={Lazy::<Screen<DEVICE, OPEN_BACKUP>>::new()} />
                        <Route path=path!("/follow-on") view={Lazy::<Screen<DEVICE, FOLLOW_ON>>::new()} />
                        <ParentRoute path=path!("/review/:id") view={Lazy::<Screen<REVIEW, FRAME>>::new()}>
                            <Route path=path!("") view={Lazy::<Screen<TASK_LIST, OVERVIEW>>::new()} />
                            <Route path=path!("who") view={Lazy::<Screen<GETTING_READY, WHO>>::new()} />
                            <Route path=path!("who/:pid") view={Lazy::<Screen<GETTING_READY, PERSON>>::new()} />
                            <Route path=path!("taking-part") view={Lazy::<Screen<GETTING_READY, TAKING_PART>>::new()} />
                            <Route path=path!("taking-part/:pid") view={Lazy::<Screen<GETTING_READY, SUPPORT>>::new()} />
                            <Route path=path!("process") view={Lazy::<Screen<GETTING_READY, PROCESS>>::new()} />
                            <Route path=path!("process/sharing") view={Lazy::<Screen<GETTING_READY, SHARING>>::new()} />
                            <Route path=path!("criteria") view={Lazy::<Screen<GETTING_READY, CRITERIA>>::new()} />
                            <Route path=path!("ready") view={Lazy::<Screen<GETTING_READY, READY>>::new()} />
                            <Route path=path!("rate") view={Lazy::<Screen<MEETING, RATINGS>>::new()} />
                            <Route path=path!("rate/:cid") view={Lazy::<Screen<MEETING, RATE>>::new()} />
                            <Route path=path!("services") view={Lazy::<Screen<MEETING, SERVICES>>::new()} />
                            <Route path=path!("cover") view={Lazy::<Screen<MEETING, COVER>>::new()} />
                            <Route path=path!("escalations") view={Lazy::<Screen<MEETING, ESCALATIONS>>::new()} />
                            <Route path=path!("outcome") view={Lazy::<Screen<MEETING, OUTCOME>>::new()} />
                            <Route path=path!("outcome/decision") view={Lazy::<Screen<MEETING, DECISION>>::new()} />
                            <Route path=path!("outcome/views") view={Lazy::<Screen<MEETING, VIEWS>>::new()} />
                            <Route path=path!("check") view={Lazy::<Screen<SIGN_OFF, CHECK>>::new()} />
                            <Route path=path!("sign") view={Lazy::<Screen<SIGN_OFF, SIGN>>::new()} />
                            <Route path=path!("pass") view={Lazy::<Screen<MEETING, PASS>>::new()} />
                            <Route path=path!("amend") view={Lazy::<Screen<SIGN_OFF, AMEND>>::new()} />
                            <Route path=path!("delete") view={Lazy::<Screen<SIGN_OFF, DELETE>>::new()} />
                            <Route path=path!("copy/:recipient") view={Lazy::<Screen<SIGN_OFF, COPY>>::new()} />
                            <Route path=path!("private") view={Lazy::<Screen<MEETING, PRIVATE>>::new()} />
                            <Route path=path!("reflection") view={Lazy::<Screen<SIGN_OFF, REFLECTION>>::new()} />
                        </ParentRoute>
                    </Routes>
                        }),
                    }}
                </main>
            </div>
        </Router>
    }
}

#[component]
fn Header(
    /// Whether a private turn is on: there is nowhere else to go then.
    in_turn: bool,
) -> impl IntoView {
    // In an open review the pill is in the sticky bar at the top of the
    // page (parts::pause), so it stays in view; elsewhere it is here.
    let location = leptos_router::hooks::use_location();
    let in_review = move || location.pathname.with(|p| p.contains("/review/"));
    view! {
        <header class="app-header">
            <div class="app-width-container app-header__container">
                <A exact=true href=crate::href("/") attr:class="app-header__title">{tr!("Review Together")}</A>
                {(!in_turn).then(|| view! {
                    <nav class="app-header__nav" aria-label={tr!("[navigation] Main")}>
                        <ul class="app-header__nav-list">
                            <li><A exact=true href=crate::href("/settings") attr:class="app-header__nav-link">{tr!("Device settings")}</A></li>
                        </ul>
                    </nav>
                })}
                <crate::components::DisplayControl />
                <Show when=move || !in_review()>
                    <crate::components::SaveStatus />
                </Show>
                <crate::components::SaveAnnouncer />
            </div>
        </header>
        <crate::components::LanguageNotice />
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <crate::components::Page title={tr!("Page not found")}>
            <p class="app-body">{tr!("There is no page at this address.")}</p>
            <p class="app-body"><A exact=true href=crate::href("/") attr:class="app-link app-link--standalone">{tr!("Go to the reviews on this device")}</A></p>
        </crate::components::Page>
    }
}
