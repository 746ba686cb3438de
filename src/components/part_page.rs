//! The frame of every part of the meeting: "Back to the review", the
//! part's caption and heading, the error summary, the questions, then
//! Continue (to the part's next page, else the part `Part::next` names, or
//! the task list) and the way back. A part's screen is only its questions.
//! A part asked over more than one page (`Part::page_count`) says which
//! page this is, and each later page leads back to the one before.

use super::error_summary::ErrorSummary;
use super::list_part::{ListErrorSummary, ListState};
use super::page::Page;
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::progress::Part;
use review_core::tr;

/// One part of the meeting.
#[component]
pub fn PartPage(
    /// The part this page is.
    part: Part,
    /// The page's errors (shown once someone tries to go on).
    errors: PageErrors,
    /// On a list part, its list: the error summary opens the card a link
    /// points into, and Continue with problems opens every card with one.
    #[prop(optional)]
    list: Option<ListState>,
    /// Shown above everything else, errors too (an urgent safeguarding warning).
    #[prop(optional, into)]
    first: Option<ViewFn>,
    /// Which of the part's pages this is (from 0); `errors` are its own.
    #[prop(optional)]
    page: usize,
    children: Children,
) -> impl IntoView {
    let ctx = use_review();
    let navigate = use_navigate();
    let go_on = move |_| {
        if errors.submit() {
            let path = if page + 1 < part.page_count() {
                ctx.path(&part.page_path(page + 1))
            } else {
                let next = ctx.review.with_untracked(|r| part.next(r));
                next.map_or_else(|| ctx.path(""), |p| ctx.part_path(p))
            };
            navigate(&path, Default::default());
        } else if let Some(list) = list {
            list.open_with_errors();
        }
    };
    let (back, back_text) = match page.checked_sub(1) {
        None => (ctx.path(""), tr!("Back to the review")),
        Some(before) => (
            ctx.path(&part.page_path(before)),
            tr!(
                "Back to {page}",
                page = part.page_title(before).to_lowercase()
            ),
        ),
    };
    let caption = match part.page_count() {
        1 => part.caption(),
        pages => tr!(
            "{part} · {page} of {pages}",
            part = part.caption(),
            page = page + 1,
            pages = pages
        ),
    };
    view! {
        <Page back=back back_text=back_text title=part.page_title(page) caption=caption about=part.codes()
            has_errors=Signal::derive(move || !errors.visible().with(Vec::is_empty))>
            {first.map(|f| f.run())}
            {match list {
                Some(list) => view! { <ListErrorSummary list=list /> }.into_any(),
                None => view! { <ErrorSummary errors=errors.visible() attempts=errors.attempts /> }.into_any(),
            }}
            {children()}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=go_on>{tr!("Continue")}</button>
                <A exact=true href=crate::href(ctx.path("")) attr:class="app-link">{tr!("Back to the review")}</A>
            </div>
        </Page>
    }
}
