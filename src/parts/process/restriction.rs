//! One thing that must not be shared, and with whom, on "Keeping things
//! private" (the second page of "How we will review").

use crate::components::{Editable, TextInput};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::tr;
use review_core::validate::ids;
use review_core::Command;

/// One thing that must not be shared, and with whom.
#[component]
pub fn Restriction(
    /// The restriction's id.
    id: String,
    /// The page's errors, for the two fields.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let current = ctx.select_by(&id, move |r, rid| {
        r.process
            .confidentiality
            .restriction(rid)
            .map(|x| (x.what.clone(), x.not_with.clone()))
            .unwrap_or_default()
    });
    let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
    let set_what = Callback::new(move |what: String| {
        let not_with = current.with_untracked(|c| c.1.clone());
        ctx.send(Command::SetRestriction {
            id: id1.clone(),
            what,
            not_with,
        })
    });
    let set_not_with = Callback::new(move |not_with: String| {
        let what = current.with_untracked(|c| c.0.clone());
        ctx.send(Command::SetRestriction {
            id: id2.clone(),
            what,
            not_with,
        })
    });
    view! {
        <div class="app-card">
            <div class="app-card__body">
                <TextInput easy="sharing.restriction-what" id=ids::restriction_what(&id) label={tr!("What must not be shared")}
                    value=Signal::derive(move || current.with(|c| c.0.clone()))
                    error=errors.for_field(ids::restriction_what(&id)) on_input=set_what width="app-input--full" />
                <TextInput easy="sharing.restriction-not-with" id=ids::restriction_not_with(&id) label={tr!("Who it must not be shared with")}
                    value=Signal::derive(move || current.with(|c| c.1.clone()))
                    error=errors.for_field(ids::restriction_not_with(&id)) on_input=set_not_with width="app-input--width-30" />
            </div>
            <Editable>
                <div class="app-card__actions">
                    <button type="button" class="app-button app-button--secondary"
                        id=format!("remove-restriction-{id3}")
                        on:click={
                            let id3 = id3.clone();
                            move |_| {
                                let what = current.with_untracked(|(what, _)| if what.trim().is_empty() {
                                    tr!("something that must not be shared")
                                } else {
                                    tr!("“{when}” from what must not be shared", when = what.trim())
                                });
                                crate::components::remove_from(ctx, &format!("remove-restriction-{id3}"),
                                    Command::RemoveRestriction { id: id3.clone() },
                                    what,
                                );
                            }
                        }>
                        {tr!("Remove this")}
                    </button>
                </div>
            </Editable>
        </div>
    }
}
