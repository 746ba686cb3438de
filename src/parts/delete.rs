//! Delete a review from this device, after a question.

use crate::components::{Page, Problem};
use crate::state::{use_app, use_review};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::tr;

/// Confirm before a review is removed from the device for good.
#[component]
pub fn DeleteReview() -> impl IntoView {
    let ctx = use_review();
    let app = use_app();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<String>);
    let carer = ctx.select(|r| {
        r.carer()
            .map(|c| c.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| tr!("a carer who has not been named yet"))
    });
    let delete = move |_| match crate::state::delete_review(&ctx.id()) {
        Ok(()) => {
            app.flash
                .set(Some(tr!("The review was deleted from this device.")));
            navigate("/", Default::default());
        }
        Err(e) => problem.set(Some(tr!(
            "The review could not be deleted: {why}.",
            why = e
        ))),
    };
    view! {
        <Page back=ctx.path("") back_text={tr!("Back to the review")} title={tr!("Delete this review?")}>
            <div class="app-warning-text">
                <strong class="app-warning-text__text">
                    <span class="app-visually-hidden">{tr!("Warning:")}" "</span>
                    {move || tr!("This deletes the review with {carer} from this device. It cannot be undone.", carer = carer.get())}
                </strong>
            </div>
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button app-button--warning" on:click=delete>{tr!("Yes, delete this review")}</button>
                <A exact=true href=crate::href(ctx.path("")) attr:class="app-link">{tr!("No, keep it")}</A>
            </div>
        </Page>
    }
}
