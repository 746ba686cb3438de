//! The worker's note on a screen: which criteria of the National
//! Occupational Standard the screen serves, in our words, folded away at the
//! foot of the page. The people in the room read plain words; the codes are
//! the worker's, and the records copy's (issue 26).

use leptos::prelude::*;
use review_core::library::standard_note;
use review_core::{i18n, tr};

/// "About this part (for the worker)": the codes `codes` names, each with
/// our one-line paraphrase, in a folded detail. A screen that serves every
/// criterion (the task list, the check page) is "about this review".
#[component]
pub fn AboutThisPart(
    /// The criteria the screen serves ("P18").
    codes: &'static [&'static str],
) -> impl IntoView {
    let std = standard_note();
    let whole_review = codes.len() >= std.criteria.len();
    let lines = codes
        .iter()
        .map(|code| {
            let summary = i18n::seed(std.summary(code).unwrap_or_default());
            view! { <li><strong translate="no">{*code}</strong>" "{summary}</li> }
        })
        .collect_view();
    let (heading, what_it_does) = if whole_review {
        (
            tr!("About this review (for the worker)"),
            tr!(
                "What this review does toward the National Occupational Standard {code} ({title}), in our words. The records copy of the summary names the same criteria.",
                code = std.code,
                title = i18n::seed(&std.title)
            ),
        )
    } else {
        (
            tr!("About this part (for the worker)"),
            tr!(
                "What this part does toward the National Occupational Standard {code} ({title}), in our words. The records copy of the summary names the same criteria.",
                code = std.code,
                title = i18n::seed(&std.title)
            ),
        )
    };
    view! {
        <details class="app-details app-about">
            <summary class="app-details__summary">
                <span class="app-details__summary-text">{heading}</span>
            </summary>
            <div class="app-details__text">
                <p class="app-body">{what_it_does}</p>
                <ul class="app-list app-list--bullet">{lines}</ul>
            </div>
        </details>
    }
}
