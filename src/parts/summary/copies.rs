//! The recipients' copies of a signed-off review (P23): one for each person
//! or service the sharing agreement sends a copy to, each holding only what
//! they may see, signed with the summary. Made at the worker's sign-off
//! (`crate::signing`); here they are only offered, byte for byte as signed.

use crate::browser::download;
use crate::components::Said;
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::summary::CopyFile;
use review_core::tr;
use review_core::words::long_moment;

/// How many items a copy leaves out, read from the copy itself.
fn kept_back(file: &CopyFile) -> Option<u32> {
    let value: serde_json::Value = serde_json::from_str(&file.text).ok()?;
    value["copyFor"]["keptBack"]
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
}

fn leaves_out(n: Option<u32>) -> String {
    match n {
        Some(0) => tr!("Leaves out nothing said or written at the review."),
        Some(1) => tr!("Leaves out 1 item this reader may not see."),
        Some(n) => tr!("Leaves out {n} items this reader may not see.", n = n),
        None => String::new(),
    }
}

/// The copies, each with its own download. `agreed` is how many copies the
/// review's sharing agreement sends (a review signed off before copies
/// were made has none signed).
#[component]
pub fn CopiesDownload(
    copies: Result<Vec<CopyFile>, String>,
    agreed: usize,
    /// The review's own path, which each copy's page is under.
    review: String,
) -> impl IntoView {
    let said = RwSignal::new(None::<Result<String, String>>);
    let ctx = use_review();
    let body = match copies {
        Err(problem) => view! {
            <p class="app-error-message" role="alert">
                {tr!("The copies cannot be offered: {problem}.", problem = problem)}
            </p>
        }
        .into_any(),
        Ok(files) if files.is_empty() => view! {
            <p class="app-body">
                {if agreed == 0 {
                    tr!("The sharing agreement sends no copies beside the records, so only the summary was signed.")
                } else {
                    tr!("This review was signed off before the app made a copy for each person, so only the summary was signed. It holds everything: do not give it to anyone the agreement keeps items from.")
                }}
            </p>
        }
        .into_any(),
        Ok(files) => {
            let rows = files
                .into_iter()
                .map(|file| {
                    let whose = file.recipient.whose();
                    let hidden = format!(" {}", whose.to_lowercase());
                    let hidden_link = hidden.clone();
                    // The last time it was given (the copy's page has them all).
                    let given = {
                        let document = file.document_id.clone();
                        ctx.select(move |r| {
                            r.times_given(&document).last().map_or_else(
                                || tr!("Not given yet."),
                                |g| tr!("Given: {how} on {when}.", how = review_core::words::lower_first(&g.how.label()), when = long_moment(&g.at)),
                            )
                        })
                    };
                    let save = {
                        let file = file.clone();
                        let whose = whose.clone();
                        move |_| {
                            said.set(Some(
                                download::download(&file.file_name, "application/json", &file.text)
                                    .map(|()| tr!("{whose} was saved as {file_name}.", whose = whose, file_name = file.file_name))
                                    .map_err(|e| tr!("{whose} could not be saved: {why}.", whose = whose, why = e)),
                            ))
                        }
                    };
                    view! {
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">{whose}</dt>
                            <dd class="app-summary-list__value">
                                <p class="app-body">{leaves_out(kept_back(&file))}</p>
                                <p class="app-body">{given}</p>
                                <p class="app-hint">{tr!("File: {name} (JSON)", name = file.file_name)}</p>
                            </dd>
                            <dd class="app-summary-list__actions">
                                <A exact=true href=crate::href(format!("{review}/copy/{}", file.recipient.id)) attr:class="app-link">
                                    {tr!("Read, print or give")}
                                    <span class="app-visually-hidden">{hidden_link}</span>
                                </A>
                                <button type="button" class="app-button app-button--secondary" on:click=save>
                                    {tr!("Download")}
                                    <span class="app-visually-hidden">{hidden}</span>
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <p class="app-body">
                    {tr!("Each copy holds only what that person or service may see, as agreed in “How we will review”, and says how many items it leaves out (never what they are). Each is signed with the summary, which names it, so your records team can check any copy.")}
                </p>
                <dl class="app-summary-list">{rows}</dl>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="recipient-copies">
            <h2 class="app-heading-m" id="recipient-copies">{tr!("Copies for each person")}</h2>
            {body}
            <Said said=said />
        </section>
    }
}
