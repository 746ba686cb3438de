use super::{parts_done, task_list_parts};
use crate::clock;
use crate::components::{BackLink, Page, TaskList};
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;

/// The review's task list: every part, its status, and a way to any of them.
#[component]
pub fn Overview() -> impl IntoView {
    let ctx = use_review();
    let carer = ctx.select(|r| {
        r.carer()
            .map(|c| c.name.trim().to_string())
            .filter(|n| !n.is_empty())
    });
    let started = ctx.select(|r| clock::long_date(&r.created_at));
    let done = ctx.select(parts_done);
    let parts = ctx.select(task_list_parts);
    view! {
        <BackLink href="/" text="All reviews" />
        <Page title="Carer review" caption=format!("Started {}", started.get_untracked())>
            <p class="app-body-l">
                {move || match carer.get() {
                    Some(name) => format!("Review with {name}."),
                    None => "The carer has not been named yet.".to_string(),
                }}
            </p>
            <p class="app-body">
                {move || {
                    let (d, t) = done.get();
                    format!("You have done {d} of {t} parts. You can do them in any order and come back to any part.")
                }}
            </p>
            <h2 class="app-heading-m">"Getting ready"</h2>
            <TaskList parts=parts />
            <h2 class="app-heading-m">"Other things you can do"</h2>
            <p class="app-body">
                <A href=ctx.path("delete") attr:class="app-link">"Delete this review"</A>
            </p>
        </Page>
    }
}
