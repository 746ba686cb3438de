//! The worker's note on a screen: which criteria of the National
//! Occupational Standard the screen serves, in our words, folded away at the
//! foot of the page. The people in the room read plain words; the codes are
//! the worker's, and the records copy's (issue 26).

use leptos::prelude::*;
use review_core::library::standard_note;

/// "About this part (for the worker)": the codes `codes` names, each with
/// our one-line paraphrase, in a folded detail. A screen that serves every
/// criterion (the task list, the check page) is "about this review".
#[component]
pub fn AboutThisPart(
    /// The criteria the screen serves ("P18").
    codes: &'static [&'static str],
) -> impl IntoView {
    let std = standard_note();
    let what = if codes.len() >= std.criteria.len() {
        "review"
    } else {
        "part"
    };
    let lines = codes
        .iter()
        .map(|code| {
            let summary = std.summary(code).unwrap_or_default().to_owned();
            view! { <li><strong>{*code}</strong>" "{summary}</li> }
        })
        .collect_view();
    view! {
        <details class="app-details app-about">
            <summary class="app-details__summary">
                <span class="app-details__summary-text">{format!("About this {what} (for the worker)")}</span>
            </summary>
            <div class="app-details__text">
                <p class="app-body">{format!(
                    "What this {what} does toward the National Occupational Standard {} ({}), in our words. The records copy of the summary names the same criteria.",
                    std.code, std.title
                )}</p>
                <ul class="app-list app-list--bullet">{lines}</ul>
            </div>
        </details>
    }
}
