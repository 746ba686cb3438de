//! Amend a signed-off review (P23): a new version that everyone signs
//! again; the signed version is kept as it is.

use crate::browser::{clock, storage};
use crate::components::{ErrorSummary, Page, Problem, TextArea};
use crate::state::{use_app, use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use review_core::signoff::{amend_form_errors, form};
use review_core::tr;

/// Start a new version of a signed-off review, saying what changes and why.
#[component]
pub fn Amend() -> impl IntoView {
    let ctx = use_review();
    // The review is locked, but the amendment's own questions are not.
    provide_context(crate::state::ReadOnly::default());
    let app = use_app();
    let navigate = use_navigate();
    let reason = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Checked when they ask for the new version, as every page is.
    let errors = PageErrors::new(Memo::new(move |_| {
        amend_form_errors(&reason.get(), &what.get())
    }));
    let error = move |field: &'static str| errors.for_field(field);
    let amend = move |_| {
        problem.set(None);
        if !errors.submit() {
            return;
        }
        let result = ctx.review.with_untracked(|r| {
            r.amend(
                clock::new_id(),
                &reason.get_untracked(),
                &what.get_untracked(),
                clock::now(),
            )
        });
        match result {
            Ok(next) => match storage::save_review(&next) {
                Ok(()) => {
                    app.flash.set(None);
                    navigate(&format!("/review/{}", next.id), Default::default());
                }
                Err(e) => problem.set(Some(tr!(
                    "The new version could not be saved: {why}.",
                    why = e
                ))),
            },
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Page back=ctx.path("sign") back_text={tr!("Back to the sign-off")} title={tr!("Amend this review")} caption={tr!("Check and sign off")} about=&["P23"]
            intro={tr!("This makes a new version of the review that you can change and everyone signs again. The signed version is kept as it is.")}>
            <ErrorSummary errors=errors.visible() attempts=errors.attempts />
            <TextArea easy="amend.reason" id=form::AMEND_REASON label={tr!("Why does the review need amending?")} value=reason rows=3
                error=error(form::AMEND_REASON) on_input=Callback::new(move |v| reason.set(v)) />
            <TextArea easy="amend.what" id=form::AMEND_WHAT label={tr!("What will change?")} value=what rows=3
                error=error(form::AMEND_WHAT) on_input=Callback::new(move |v| what.set(v)) />
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=amend>{tr!("Make a new version")}</button>
            </div>
        </Page>
    }
}
