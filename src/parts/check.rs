//! Check the review before signing (P23, "check your answers"): every part
//! on one page, things needing attention first, each answer with a way back
//! to change it. The rows are `review_core::check`'s.

use crate::components::{change_word, Page};
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::check::rows_of;
use review_core::progress::{self, Status};
use review_core::signoff::ready_to_sign;

/// Every part on one page, things needing attention first (GOV.UK "check
/// your answers"), then on to signing.
#[component]
pub fn CheckAnswers() -> impl IntoView {
    let ctx = use_review();
    let review = ctx.review;
    let unfinished = ctx.select(|r| {
        progress::parts(r)
            .into_iter()
            .filter(|p| p.status(r) != Status::Done)
            .map(|p| (p, p.status(r)))
            .collect::<Vec<_>>()
    });
    let ready = ctx.select(ready_to_sign);
    view! {
        <Page back=ctx.path("") back_text="Back to the review" title="Check the review before signing" caption="Check and sign off · P23">
            <Show when=move || !unfinished.with(Vec::is_empty)>
                <div class="app-notification-banner app-notification-banner--warning" role="region" aria-labelledby="unfinished-title">
                    <div class="app-notification-banner__content">
                        <h2 class="app-heading-m" id="unfinished-title">"Finish these first"</h2>
                        <ul class="app-list">
                            {move || unfinished.get().into_iter().map(|(p, s)| view! {
                                <li>
                                    <A href=crate::href(ctx.part_path(p)) attr:class="app-link app-link--standalone">{p.title()}</A>
                                    {format!(" – {}", s.label())}
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            </Show>
            {move || review.with(|r| progress::parts(r).into_iter().map(|part| {
                let rows = rows_of(r, part);
                view! {
                    <h2 class="app-heading-m">{format!("{} ({})", part.title(), part.code())}</h2>
                    <dl class="app-summary-list">
                        {rows.into_iter().map(|row| view! {
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{row.key}</dt>
                                <dd class="app-summary-list__value">{row.value}</dd>
                                <dd class="app-summary-list__actions">
                                    {row.change.map(|(path, what)| view! {
                                        <A href=crate::href(ctx.path(&path)) attr:class="app-link">
                                            {change_word()}<span class="app-visually-hidden">{format!(" {what}")}</span>
                                        </A>
                                    })}
                                </dd>
                            </div>
                        }).collect_view()}
                    </dl>
                }
            }).collect_view())}
            <div class="app-button-group">
                <Show
                    when=move || ready.get()
                    fallback=|| view! { <p class="app-body">"Signing opens when every part is done."</p> }
                >
                    <A href=crate::href(ctx.path("sign")) attr:class="app-button">"Continue to sign off"</A>
                </Show>
            </div>
        </Page>
    }
}
