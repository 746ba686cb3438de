//! Check the review before signing (P23, "check your answers"): every part
//! on one page, things needing attention first, each answer with a way back
//! to change it, and everything said in it with whose words they are and
//! who may see them, so nobody signs what they were not shown. While it is
//! looked over before signing, each part can be folded to keep the page
//! short; at a sign-off it is always in full (`check::shown_in_full`). The
//! rows are `review_core::check`'s; the items `review_core::sharing`'s.

use crate::components::{change_word, Page, VisibilityIcon};
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use review_core::check::{shown_in_full, shown_rows};
use review_core::progress::{self, Part, Status};
use review_core::sharing::{shown_now, written_items, Item};
use review_core::signoff::ready_to_sign;
use review_core::tr;
use review_core::Shown;
use std::collections::HashSet;

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
    // Opened from someone's turn to sign ("?signing"), or once signing has
    // begun, every part is shown in full; before, while it is looked over,
    // each part may be folded to keep the page short (issue 26).
    let signing = use_query_map().with_untracked(|q| q.get("signing").is_some());
    let in_full = ctx.select(move |r| shown_in_full(r, signing));
    let unfolded = RwSignal::new(HashSet::<Part>::new());
    let all_parts = ctx.select(progress::parts);
    let all_open = Signal::derive(move || {
        all_parts.with(|ps| unfolded.with(|o| ps.iter().all(|p| o.contains(p))))
    });
    view! {
        <Page back=ctx.path("") back_text={tr!("Back to the review")} title={tr!("Check the review before signing")} caption={tr!("Check and sign off")} about=&["P17", "P18", "P19", "P20", "P21", "P22", "P23"]>
            <Show when=move || !unfinished.with(Vec::is_empty)>
                <div class="app-notification-banner app-notification-banner--warning" role="region" aria-labelledby="unfinished-title">
                    <div class="app-notification-banner__content">
                        <h2 class="app-heading-m" id="unfinished-title">{tr!("Finish these first")}</h2>
                        <ul class="app-list">
                            {move || unfinished.get().into_iter().map(|(p, s)| view! {
                                <li>
                                    <A exact=true href=crate::href(ctx.part_path(p)) attr:class="app-link app-link--standalone">{p.title()}</A>
                                    {format!(" – {}", s.label())}
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            </Show>
            // The worker's concern, not shown during someone's own turn.
            <Show when=move || review.with(|r| shown_now(r) == Shown::Everything)>
                <crate::parts::process::UnmatchedServiceCopies />
            </Show>
            <WhoseView />
            <Show when=move || !in_full.get()>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--secondary" id="check-show-all"
                        on:click=move |_| {
                            let open = all_open.get_untracked();
                            unfolded.update(|o| if open { o.clear() } else { o.extend(all_parts.get_untracked()) });
                        }>
                        {move || if all_open.get() { tr!("Fold every part") } else { tr!("Show every part") }}
                    </button>
                </div>
            </Show>
            {move || review.with(|r| progress::parts(r).into_iter().map(|part| {
                // A row that tells more of an item is where the item is.
                let rows = shown_rows(r, part);
                // During someone's own turn the parts' pages (which show
                // every item) are not offered.
                let full = shown_now(r) == Shown::Everything;
                let body_id = format!("check-{}", part.slug());
                let controls = body_id.clone();
                let count = review_core::trn!(rows.len(), "{n} answer", "{n} answers");
                let open = move || in_full.get() || unfolded.with(|o| o.contains(&part));
                view! {
                    <h2 class="app-heading-m">{part.title()}</h2>
                    <Show when=move || !in_full.get()>
                        <div class="app-check-fold">
                            <p class="app-body app-u-mb-0">{count.clone()}</p>
                            <button type="button" class="app-button app-button--secondary app-u-mb-0"
                                aria-expanded=move || if open() { "true" } else { "false" }
                                aria-controls=controls.clone()
                                on:click=move |_| unfolded.update(|o| if !o.remove(&part) { o.insert(part); })>
                                {move || if open() { tr!("Hide") } else { tr!("Show") }}
                                <span class="app-visually-hidden">{format!(" {}", part.title())}</span>
                            </button>
                        </div>
                    </Show>
                    <div id=body_id hidden=move || !open()>
                    <dl class="app-summary-list">
                        {rows.into_iter().map(|row| view! {
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{row.key}</dt>
                                <dd class="app-summary-list__value">{row.value}</dd>
                                <dd class="app-summary-list__actions">
                                    {row.change.filter(|_| full).map(|(path, what)| view! {
                                        <A exact=true href=crate::href(ctx.path(&path)) attr:class="app-link">
                                            {change_word()}<span class="app-visually-hidden">{format!(" {what}")}</span>
                                        </A>
                                    })}
                                </dd>
                            </div>
                        }).collect_view()}
                    </dl>
                    <SaidInPart part=part />
                    </div>
                }
            }).collect_view())}
            <div class="app-button-group">
                <Show
                    when=move || ready.get()
                    fallback=|| view! { <p class="app-body">{tr!("Signing opens when every part is done.")}</p> }
                >
                    <A exact=true href=crate::href(ctx.path("sign")) attr:class="app-button">{tr!("Continue to sign off")}</A>
                </Show>
            </div>
        </Page>
    }
}

/// Everything said in one part, each item with its words, whose they are
/// and who may see it.
#[component]
fn SaidInPart(
    /// The part whose items are shown.
    part: Part,
) -> impl IntoView {
    let ctx = use_review();
    // During someone's own turn, only what their copy holds is in the page
    // (never only hidden): what is kept back is counted, not shown.
    let items = ctx.select(move |r| {
        let shown = shown_now(r);
        let (shown, kept): (Vec<Item>, Vec<Item>) = written_items(r)
            .into_iter()
            .filter(|i| i.part == part)
            .partition(|i| shown.shows(i.visibility));
        (shown, kept.len())
    });
    move || {
        let (items, kept) = items.get();
        (!items.is_empty() || kept > 0).then(|| {
            view! {
                <h3 class="app-heading-s">{tr!("What was said: {title}", title = part.title())}</h3>
                <ul class="app-said">
                    {items.into_iter().map(|item| view! { <SaidItem item=item /> }).collect_view()}
                </ul>
                {(kept > 0).then(|| view! {
                    <p class="app-said__kept">{review_core::trn!(kept, "{n} item is not in this copy.", "{n} items are not in this copy.")}</p>
                })}
            }
        })
    }
}

/// One item: what kind, about what, its words, whose, who may see it.
#[component]
fn SaidItem(
    /// The item.
    item: Item,
) -> impl IntoView {
    let kind = if item.about.is_empty() {
        item.kind.label().to_string()
    } else {
        tr!(
            "{kind} · {about}",
            kind = item.kind.label(),
            about = item.about
        )
    };
    let visibility = item.visibility;
    let seen_by = visibility.map_or_else(|| tr!("Not agreed yet"), |v| v.label());
    view! {
        <li class="app-said__item" data-item=item.key.clone()>
            <p class="app-said__kind">{kind}</p>
            <p class="app-body app-said__text">{item.text}</p>
            {item.said_by.map(|who| view! { <p class="app-said__who">{tr!("Said by: {who}", who = who)}</p> })}
            <p class="app-visibility app-visibility--shown">
                <VisibilityIcon visibility=Signal::stored(visibility) />
                <span>{tr!("Who may see it: {seen_by}", seen_by = seen_by)}</span>
            </p>
        </li>
    }
}

/// During someone's own turn, whose view the page is: what their copy will
/// hold, so they sign what they were shown (their signature records it).
#[component]
fn WhoseView() -> impl IntoView {
    let ctx = use_review();
    let view_of = ctx.select(|r| {
        let who = r.turn_holder().map(review_core::words::called).unwrap_or_default();
        match shown_now(r) {
            Shown::Everything => None,
            Shown::CarerCopy | Shown::IndividualCopy => Some(tr!("This page shows what {who}’s copy of the summary will hold. Anything they may not see is left out, and counted under each part.", who = who)),
            Shown::EveryoneOnly => Some(tr!("This page shows {who} what everyone may see. Anything kept to some people is left out, and counted under each part.", who = who)),
        }
    });
    move || {
        view_of.get().map(|words| {
            view! {
                <div class="app-inset-text" role="note"><p class="app-body">{words}</p></div>
            }
        })
    }
}
