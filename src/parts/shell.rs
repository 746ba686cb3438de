//! Opens the review named in the address for every page under it: its
//! context, saving and lock for the page's life, the banners about it, and
//! "not found" or "cannot be opened" when it is not there.

use super::pause::{remember_focus, PauseButton, Paused, PausedScreen};
use crate::browser::{download, storage};
use crate::components::Page;
use crate::components::SecondaryAction;
use crate::state::ReviewContext;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;
use review_core::tr;

/// Which frame an open review has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// The meeting: every banner about the review, and whose turn it is.
    Meeting,
    /// A private turn (`super::private_turn`): nothing about anyone else's
    /// part, and no way to pass the tablet on but handing it back.
    PrivateTurn,
}

/// The review `opened`, open for the life of the view: its context, saving
/// and lock, read-only when it must be, the banners about it, Pause, and
/// `inside` (made once the context is there).
pub fn open_review(
    opened: crate::saving::Opened,
    frame: Frame,
    inside: Box<dyn FnOnce() -> AnyView>,
) -> AnyView {
    let ctx = ReviewContext::new(opened.review.clone());
    // Kept on the device while open; stored, and its lock let go, on leaving.
    on_cleanup(crate::saving::begin(ctx.review, &opened));
    provide_context(ctx);
    let locked = ctx.select(|r| r.state == review_core::ReviewState::SignedOff);
    // Read-only when signed off, while another tab is changing it, or
    // once someone has signed (until their signatures are cleared on
    // purpose: SignedSoFarBanner).
    let tab = crate::state::use_app().tab;
    let elsewhere = Signal::derive(move || !tab.get().editing() && !locked.get());
    let signed = ctx.select(|r| !r.sign_offs.is_empty());
    provide_context(crate::state::ReadOnly(Signal::derive(move || {
        locked.get() || elsewhere.get() || signed.get()
    })));
    let paused = Paused::new();
    let still = paused.0;
    let meeting = frame == Frame::Meeting;
    // The screens follow the person holding the tablet (issue 30): the
    // language chosen for them in P18, else the tablet's own, from the
    // hand-over screen on. A signed-off review asks nobody anything. (A
    // private turn follows its person: `super::private_turn`.)
    if meeting {
        let remake = use_context::<crate::state::Remake>();
        // On the hand-over screen, the person taking the tablet reads it.
        let location = leptos_router::hooks::use_location();
        let query = leptos_router::hooks::use_query_map();
        let taking = Memo::new(move |_| {
            let path = location.pathname.get();
            let handing =
                crate::browser::deployment::in_app(&path).split('/').nth(3) == Some("pass");
            handing.then(|| query.with(|q| q.get("to"))).flatten()
        });
        let holder_language = Memo::new(move |_| {
            let taking = taking.get();
            ctx.review.with(|r| {
                if r.state == review_core::ReviewState::SignedOff {
                    return None;
                }
                taking
                    .and_then(|id| r.participant(&id).filter(|p| p.in_the_room()))
                    .or_else(|| r.turn_holder())
                    .and_then(|p| p.support.screen_language)
            })
        });
        Effect::watch(
            move || holder_language.get(),
            move |lang, _, _| crate::browser::language::follow(*lang, remake),
            true,
        );
    }
    let inside = inside();
    view! {
        // Paused: the meeting stays here, hidden and inert, so it
        // comes back as it was (`components::pause`).
        <div hidden=move || still.get() inert=move || still.get()
            on:focusin=move |ev| remember_focus(&ev)>
        <crate::components::SaveProblemBanner />
        <crate::components::OtherTabBanner signed_off=locked />
        {meeting.then(|| view! {
            <Show when=move || locked.get()>
                <div class="app-notification-banner app-notification-banner--success" role="region" aria-label={tr!("Signed off")}>
                    <div class="app-notification-banner__content">
                        <p class="app-body">
                            {crate::components::linked(
                                &tr!("This review is signed off and locked. {amend} to make a new version."),
                                |slot| (slot == "amend").then(|| view! { <A exact=true href=crate::href(ctx.path("amend"))>{tr!("Amend it")}</A> }.into_any()),
                            )}
                        </p>
                    </div>
                </div>
            </Show>
            <crate::components::SignedSoFarBanner />
            <crate::components::TurnBanner />
        })}
        <PauseButton paused=paused />
        // Disabled (buttons too) while another tab is changing the review.
        <fieldset class="app-fieldset" role="none" disabled=elsewhere>
            {inside}
        </fieldset>
        <crate::components::UndoBar />
        </div>
        <Show when=move || still.get()>
            <PausedScreen paused=paused />
        </Show>
    }
    .into_any()
}

/// Opens the review named in the address for every page under it.
#[component]
pub fn ReviewShell() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    move || {
        match crate::saving::load(&id.get()) {
        Ok(Some(opened)) => open_review(opened, Frame::Meeting, Box::new(|| view! { <Outlet /> }.into_any())),
        Ok(None) => view! {
            <Page title={tr!("Review not found")}>
                <p class="app-body">
                    {tr!("There is no review at this address on this device. It may have been deleted, or saved on another device.")}
                </p>
                <p class="app-body"><A exact=true href=crate::href("/") attr:class="app-link app-link--standalone">{tr!("Go to the reviews on this device")}</A></p>
            </Page>
        }
        .into_any(),
        Err(unreadable) => {
            let problem = RwSignal::new(None::<String>);
            let key = unreadable.key.clone();
            let save = move |_| {
                problem.set(download::kept_as_it_is("unreadable-review.json", storage::raw(&key)).err());
            };
            view! {
                <Page title={tr!("This review cannot be opened")}>
                    <p class="app-body">{tr!("This review cannot be opened because {why}.", why = unreadable.error)}</p>
                    <p class="app-body">
                        {tr!("It has been kept on this device exactly as it was. You can download it to pass to your records team.")}
                    </p>
                    <SecondaryAction on_press=Callback::new(save)>{tr!("Download the saved review as it is")}</SecondaryAction>
                    {move || problem.get().map(|p| view! {
                        <p class="app-error-message" role="alert">{tr!("Could not download it: {why}.", why = p)}</p>
                    })}
                    <p class="app-body"><A exact=true href=crate::href("/") attr:class="app-link app-link--standalone">{tr!("Go to the reviews on this device")}</A></p>
                </Page>
            }
            .into_any()
        }
    }
    }
}
