//! The review's task list: every part of this meeting, its status, and the
//! way to each; the review proper opens once getting ready is done.

use crate::components::{Flash, Page, TaskList};
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::progress::{parts, parts_done, ready_for_review_proper, Part};
use review_core::tr;

/// The review's task list: every part, its status, and a way to any of them.
#[component]
pub fn Overview() -> impl IntoView {
    let ctx = use_review();
    let carer = ctx.select(|r| {
        r.carer()
            .map(|c| c.name.trim().to_string())
            .filter(|n| !n.is_empty())
    });
    let started = ctx.select(|r| review_core::words::long_date(r.created_at.date_naive()));
    let done = ctx.select(parts_done);
    let getting_ready = ctx.select(|r| {
        parts(r)
            .into_iter()
            .filter(|p| Part::GETTING_READY.contains(p))
            .collect::<Vec<_>>()
    });
    let review_proper = ctx.select(|r| {
        parts(r)
            .into_iter()
            .filter(|p| Part::REVIEW_PROPER.contains(p))
            .collect::<Vec<_>>()
    });
    let ready = ctx.select(ready_for_review_proper);
    let locked = ctx.select(|r| r.state == review_core::ReviewState::SignedOff);
    // Not once anyone has signed: what they signed must not change.
    let unsigned =
        ctx.select(|r| r.sign_offs.is_empty() && r.state != review_core::ReviewState::SignedOff);
    let plan = ctx.select(|r| {
        (r.process.carer_private_time == Some(true))
            .then(|| review_core::private_turn::plan_in_words(&r.process.private_plan))
            .flatten()
    });
    view! {
        <Page back="/" back_text={tr!("All reviews")} title={tr!("Carer review")} caption=tr!("Started {date}", date = started.get_untracked())
            about=&["P17", "P18", "P19", "P20", "P21", "P22", "P23"]>
            <Flash />
            <p class="app-body-l">
                {move || match carer.get() {
                    Some(name) => tr!("Review with {name}.", name = name),
                    None => tr!("The carer has not been named yet."),
                }}
            </p>
            <p class="app-body">
                {move || {
                    let (d, t) = done.get();
                    tr!("You have done {done} of {total} parts. You can do them in any order and come back to any part.", done = d, total = t)
                }}
            </p>
            <h2 class="app-heading-m">{tr!("Getting ready")}</h2>
            <TaskList parts=getting_ready />
            <h2 class="app-heading-m">{tr!("The review")}</h2>
            <Show when=move || !ready.get()>
                <p class="app-body">{tr!("These parts open once everything under getting ready is done.")}</p>
            </Show>
            <TaskList parts=review_proper waiting=Signal::derive(move || !ready.get()) />
            <Show when=move || ready.get() && unsigned.get()>
                <h2 class="app-heading-m">{tr!("Time on their own")}</h2>
                <p class="app-body">
                    {move || match plan.get() {
                        Some(plan) => tr!("Planned: {plan}. The carer, or the person cared for with their advocate, answers on their own.", plan = plan),
                        None => tr!("The carer, or the person cared for with their advocate, can answer on their own, with only their own questions on the screen."),
                    }}
                </p>
                <p class="app-body">
                    <A exact=true href=crate::href(ctx.path("private")) attr:class="app-link app-link--standalone">{tr!("Give someone time on their own")}</A>
                </p>
            </Show>
            <h2 class="app-heading-m">{tr!("Check and sign off")}</h2>
            <p class="app-body">
                <A exact=true href=crate::href(ctx.path("check")) attr:class="app-link app-link--standalone">{tr!("Check the review and sign it off")}</A>
            </p>
            <Show when=move || locked.get()>
                <super::summary::SummaryDownload />
            </Show>
            <super::team::TeamContacts />
            <h2 class="app-heading-m">{tr!("Other things you can do")}</h2>
            <super::backup::BackupDownload />
            <p class="app-body">
                <A exact=true href=crate::href(ctx.path("delete")) attr:class="app-link app-link--standalone">{tr!("Delete this review")}</A>
            </p>
        </Page>
    }
}
