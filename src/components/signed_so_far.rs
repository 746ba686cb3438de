//! Once someone has signed a review that is not yet locked, its answers
//! stand as they were signed: the pages show them read-only
//! (`state::ReadOnly`), and this banner says who signed and offers the one
//! way to change an answer — clearing their signatures, after a question
//! that names whose go. Nothing is cleared behind anyone's back.

use super::banner::{Banner, Notice};
use super::focus::focus_by_id;
use super::submit::SecondaryAction;
use crate::state::use_review;
use leptos::prelude::*;
use review_core::signoff::signed_so_far;
use review_core::tr;
use review_core::words::{and_list, called};

/// Who has signed so far, and the way to change an answer; after the
/// signatures are cleared, a note that says so.
#[component]
pub fn SignedSoFarBanner() -> impl IntoView {
    let ctx = use_review();
    // (everyone whose signature or confirmation goes, the heading's words)
    let signers = ctx.select(|r| {
        let draft = r.state == review_core::ReviewState::Draft;
        let people = signed_so_far(r);
        let names: Vec<String> = people.iter().map(|p| called(p)).collect();
        let (confirmed, signed): (Vec<_>, Vec<_>) =
            people.into_iter().partition(|p| p.role.is_supporter());
        let list = |ps: Vec<&review_core::Participant>| {
            and_list(&ps.into_iter().map(called).collect::<Vec<_>>())
        };
        let heading = match (signed.is_empty(), confirmed.is_empty()) {
            (false, true) => tr!("{signed} signed this review.", signed = list(signed)),
            (true, false) => tr!(
                "{confirmed} confirmed what they were here for.",
                confirmed = list(confirmed)
            ),
            _ => tr!(
                "{signed} signed this review; {confirmed} confirmed what they were here for.",
                signed = list(signed),
                confirmed = list(confirmed)
            ),
        };
        (draft && !names.is_empty()).then(|| (and_list(&names), heading))
    });
    let asking = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let ask = move |_| {
        asking.set(true);
        request_animation_frame(|| focus_by_id("clear-signatures-question"));
    };
    let keep = move |_| {
        asking.set(false);
        request_animation_frame(|| focus_by_id("change-an-answer"));
    };
    let clear = move |_| match ctx.clear_sign_offs() {
        Ok(()) => {
            asking.set(false);
            cleared.set(true);
            request_animation_frame(|| focus_by_id("signatures-cleared"));
        }
        Err(e) => problem.set(Some(tr!(
            "The signatures were not cleared: {why}.",
            why = e
        ))),
    };
    move || {
        match signers.get() {
        Some((names, heading)) => {
            view! {
                <Banner id="signed-so-far-title" title={tr!("Signed so far")} heading=heading>
                    <p class="app-body">{tr!("They signed the answers as they are now, so the answers cannot be changed here. To change one, clear the signatures first: everyone who signed then signs again.")}</p>
                    {move || problem.get().map(|p| view! { <p class="app-error-message" role="alert">{p}</p> })}
                    <Show when=move || asking.get()
                        fallback=move || view! {
                            <SecondaryAction id="change-an-answer" on_press=Callback::new(ask)>{tr!("Change an answer")}</SecondaryAction>
                        }>
                        <h3 class="app-heading-s" id="clear-signatures-question" tabindex="-1">
                            {tr!("Clear the signatures of {names}? They will need to sign again once the change is made.", names = names)}
                        </h3>
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--warning" on:click=clear>
                                {tr!("Yes, clear the signatures")}
                            </button>
                            <button type="button" class="app-button app-button--secondary" on:click=keep>
                                {tr!("No, keep them")}
                            </button>
                        </div>
                    </Show>
                </Banner>
            }
            .into_any()
        }
        None => cleared
            .get()
            .then(|| {
                view! {
                    <div id="signatures-cleared" tabindex="-1">
                        <Notice>
                            <p class="app-body">{tr!("The signatures were cleared. You can change answers now; everyone signs again at the end.")}</p>
                        </Notice>
                    </div>
                }
            })
            .into_any(),
    }
    }
}
