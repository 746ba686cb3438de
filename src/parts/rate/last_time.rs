//! Last time's rating beside this time's (issue 27): the point then, and
//! whether this time is better, the same or worse, in words with a symbol
//! beside them (never a symbol alone).

use crate::state::use_review;
use leptos::prelude::*;

/// One person's rating of one criterion at the last review (nothing when
/// the review does not follow one on, or they did not rate it then).
#[component]
pub fn LastTime(criterion: String, participant: String) -> impl IntoView {
    let ctx = use_review();
    let last = ctx.select(move |r| r.last_time(&criterion, &participant));
    move || {
        last.get().map(|l| {
            let trend = l.trend.map_or("none", |t| t.key());
            let symbol = l.trend.map(|t| t.symbol());
            view! {
                <p class="app-last-time" data-trend=trend>
                    {symbol.map(|s| view! { <span class="app-last-time__symbol" aria-hidden="true">{s}</span> })}
                    {l.words()}
                </p>
            }
        })
    }
}
