use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::progress::{Part, Status};

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
                                <A
                                    href=ctx.part_path(part)
                                    attr:class="app-task-list__link"
                                    attr:aria-describedby=status_id.clone()
                                >
                                    {part.title()}
                                </A>
                                <div class="app-task-list__hint">{part.code()}</div>
                            </div>
                            <div class="app-task-list__status" id=status_id>
                                <strong class=move || tag_class(status.get())>
                                    {move || status.get().label()}
                                </strong>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
