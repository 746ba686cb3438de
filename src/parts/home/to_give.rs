//! The copies still to give (P23): for each review signed off on this
//! device (the latest version, not one an amendment replaced), each
//! recipient's signed copy not yet marked as given, with the way to its
//! page. A copy leaves the list when it is marked given there.

use crate::signing;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::summary::CopyFile;
use review_core::Review;
use review_core::{tr, trn};

/// One copy to give: whose copy, for which review, and its page.
struct ToGive {
    whose: String,
    carer: String,
    signed: String,
    path: String,
}

fn to_give(reviews: &[Review]) -> Vec<ToGive> {
    let mut list = Vec::new();
    for r in reviews {
        // Only a review signed off here keeps its copies.
        let Some(copies) = signing::stored_summary(r)
            .ok()
            .flatten()
            .and_then(|made| made.copies.ok())
        else {
            continue;
        };
        let carer = r
            .carer()
            .map(|c| c.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| tr!("a carer not named"));
        let signed = r
            .finalised_at
            .map(|t| review_core::i18n::long_date(t.date_naive()))
            .unwrap_or_default();
        for copy in r.still_to_give(&copies, |c: &CopyFile| &c.document_id, reviews) {
            list.push(ToGive {
                whose: copy.recipient.whose(),
                carer: carer.clone(),
                signed: signed.clone(),
                path: format!("/review/{}/copy/{}", r.id, copy.recipient.id),
            });
        }
    }
    list
}

/// The list, or nothing when every copy has been given.
#[component]
pub fn CopiesToGive(
    /// The readable reviews on this device.
    reviews: Vec<Review>,
) -> impl IntoView {
    let list = to_give(&reviews);
    (!list.is_empty()).then(|| {
        let count = trn!(
            list.len(),
            "{n} copy signed off on this device has not been marked as given. Each stays here until it is marked as given on its page.",
            "{n} copies signed off on this device have not been marked as given. Each stays here until it is marked as given on its page."
        );
        let items = list
            .into_iter()
            .map(|c| {
                let hidden = format!(" {}", tr!("{whose} from the review with {carer}", whose = c.whose.to_lowercase(), carer = c.carer));
                view! {
                    <li>
                        <p class="app-body">
                            <strong>{c.whose}</strong>
                            {tr!(": the review with {carer}, signed off on {date}.", carer = c.carer, date = c.signed)}" "
                            <A exact=true href=crate::href(c.path) attr:class="app-link">
                                {tr!("Read, print or give")}
                                <span class="app-visually-hidden">{hidden}</span>
                            </A>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="copies-to-give">
                <h2 class="app-heading-m" id="copies-to-give">{tr!("Copies still to give")}</h2>
                <p class="app-body">{count}</p>
                <ul class="app-list app-stack">{items}</ul>
            </section>
        }
    })
}
