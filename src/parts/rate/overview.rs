//! How it is going, against the criteria (P19): every criterion with where
//! its ratings stand and their spread, and the way to rate each.

use crate::components::{easy_read, EasyReadBox, EasyWords, FieldMessages, PartPage};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::progress::Part;
use review_core::rating::{spread_in_words, still_to_rate, Standing};
use review_core::tr;
use review_core::validate::{self, FieldError};

/// The id of a criterion's "Rate" link on the overview. The core's ids name
/// fields of the criterion's own page, so on the overview each message links
/// here instead (as "Who is here" links each person's card).
fn rate_link_id(criterion: &str) -> String {
    format!("criterion-{criterion}-rate")
}

/// The tag's colour for where a criterion stands.
fn standing_class(standing: Standing) -> &'static str {
    match standing {
        Standing::RatedByEveryone => "app-tag app-tag--green",
        Standing::Waiting(_) => "app-tag app-tag--blue",
        _ => "app-tag app-tag--grey",
    }
}

/// How it is going, against the criteria (P19): every criterion with where
/// its ratings stand and their spread.
#[component]
pub fn Ratings() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(|r| {
        r.criteria
            .iter()
            .flat_map(|c| {
                validate::criterion_review(r, c)
                    .into_iter()
                    .map(|e| FieldError {
                        field: rate_link_id(&c.id),
                        ..e
                    })
            })
            .collect::<Vec<_>>()
    }));
    let criteria = ctx.select(|r| r.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let no_raters = ctx.select(|r| r.raters().next().is_none());
    let easy = easy_read();
    view! {
        <PartPage part=Part::Ratings errors=errors>
            <Show when=move || !easy.get() fallback=|| view! {
                <p class="app-body">{tr!("We look at each thing in turn. Everyone says how it is going for them.")}</p>
            }>
                <p class="app-body">
                    {tr!("Take each thing you agreed to look at in turn. Everyone taking part gives their own rating, and you give your own professional view after theirs. Different views stay different: they are never averaged.")}
                </p>
            </Show>
            <Show when=move || no_raters.get()>
                <div class="app-warning-text">
                    <strong class="app-warning-text__text">
                        <span class="app-visually-hidden">{tr!("Warning:")}" "</span>
                        {tr!("Nobody taking part gives a rating yet. The carer, the person cared for, key people, other professionals and you give one when they are in the room or joining remotely.")}
                    </strong>
                </div>
                <p class="app-body">
                    {tr!("Check")}" " <A exact=true href=crate::href(ctx.part_path(Part::WhoIsHere))>{tr!("who is here")}</A> "."
                </p>
            </Show>
            <Show when=move || criteria.with(Vec::is_empty)>
                <p class="app-body">
                    {crate::components::linked(
                        &tr!("Nothing has been chosen to look at yet. Choose it in {criteria}."),
                        |slot| (slot == "criteria").then(|| view! { <A exact=true href=crate::href(ctx.part_path(Part::Criteria))>{tr!("what we will look at")}</A> }.into_any()),
                    )}
                </p>
            </Show>
            <ul class="app-list app-stack">
                <For each=move || criteria.get() key=|id| id.clone()
                    children=move |id| view! { <CriterionCard id=id errors=errors /> } />
            </ul>
        </PartPage>
    }
}

/// One criterion on the overview: its wording, where it stands, the spread,
/// who is still to rate it, and a way to rate it.
#[component]
fn CriterionCard(
    /// The criterion's id.
    id: String,
    /// The page's errors (each rating still missing).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let locked = crate::state::read_only();
    let card = ctx.select_by(&id, move |r, cid| {
        r.criterion(cid).map(|c| {
            let standing = Standing::of(r, c);
            let (tag, class) = (standing.words(), standing_class(standing));
            let reason = r
                .criterion_review(&c.id)
                .and_then(|cr| cr.not_discussed.clone());
            let words = match reason {
                Some(reason) if !reason.trim().is_empty() => {
                    tr!("Why: {reason}", reason = reason.trim())
                }
                Some(_) => tr!("The reason is not recorded yet."),
                None => spread_in_words(r, c),
            };
            let still_to_rate = still_to_rate(r, c);
            let easy = EasyWords::of(c);
            (
                review_core::i18n::seed(&c.wording),
                tag,
                class,
                words,
                still_to_rate,
                easy,
            )
        })
    });
    let easy_on = easy_read();
    let href = ctx.path(&format!("rate/{id}"));
    let heading_id = format!("criterion-{id}-title");
    move || {
        card.get().map(|(wording, tag, class, words, still_to_rate, easy)| {
            view! {
                <li class="app-card">
                    <div class="app-card__header">
                        <h2 class="app-card__title app-heading-s" id=heading_id.clone()>{wording.clone()}</h2>
                        <strong class=class>{tag}</strong>
                    </div>
                    <div class="app-card__body">
                        <FieldMessages errors=errors field=rate_link_id(&id) />
                        {easy_on.get().then(|| view! { <EasyReadBox words=easy /> })}
                        <p class="app-body">{words}</p>
                        {still_to_rate.map(|w| view! { <p class="app-body">{w}</p> })}
                    </div>
                    <div class="app-card__actions">
                        <A exact=true href=crate::href(href.clone()) attr:id=rate_link_id(&id) attr:class="app-button app-button--secondary">
                            {move || if locked.get() { tr!("View") } else { tr!("Rate") }} <span class="app-visually-hidden">{format!(" “{wording}”")}</span>
                        </A>
                    </div>
                </li>
            }
        })
    }
}
