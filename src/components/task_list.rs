//! The task list: each part with its status, the status read out with the
//! link (GOV.UK task list pattern).

use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::progress::{Part, Status};
use review_core::tr;

fn tag_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "app-tag app-tag--grey",
        Status::InProgress => "app-tag app-tag--blue",
        Status::Done => "app-tag app-tag--green",
        Status::NeedsAttention => "app-tag app-tag--red",
    }
}

/// Every part of the meeting with its status; each link announces its status.
#[component]
pub fn TaskList(
    /// The parts to list, in order.
    #[prop(into)]
    parts: Signal<Vec<Part>>,
    /// True while these parts cannot start yet: names without links.
    #[prop(optional, into)]
    waiting: Signal<bool>,
) -> impl IntoView {
    let ctx = use_review();
    view! {
        <ul class="app-task-list">
            {move || parts
                .get()
                .into_iter()
                .map(|part| {
                    let status = ctx.select(move |r| part.status(r));
                    let status_id = format!("{}-status", part.slug());
                    view! {
                        <li class="app-task-list__item">
                            <div class="app-task-list__name-and-hint">
                                {
                                    let status_id = status_id.clone();
                                    move || if waiting.get() {
                                        view! { <span>{part.title()}</span> }.into_any()
                                    } else {
                                        view! {
                                            <A
                                                href=crate::href(ctx.part_path(part))
                                                attr:class="app-task-list__link"
                                                attr:aria-describedby=status_id.clone()
                                            >
                                                {part.title()}
                                            </A>
                                        }
                                        .into_any()
                                    }
                                }
                            </div>
                            <div
                                class=move || if waiting.get() { "app-task-list__status app-task-list__status--cannot-start-yet" } else { "app-task-list__status" }
                                id=status_id
                            >
                                {move || if waiting.get() {
                                    tr!("Cannot start yet").into_any()
                                } else {
                                    view! {
                                        <strong class=move || tag_class(status.get())>
                                            {move || status.get().label()}
                                        </strong>
                                    }
                                    .into_any()
                                }}
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
