//! The sharing agreement on "Keeping things private", the second page of
//! "How we will review" (P17, P23): who gets a copy of the summary, and who
//! may see what is said unless an item says otherwise. Each item's own
//! choice is on the item (`VisibilityChoice`).

use crate::browser::clock;
use crate::components::{remove_from, Checkboxes, Choice, Editable, Radios, TextArea, TextInput};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::progress::Part;
use review_core::sharing::provider_copies_matching_nothing;
use review_core::tr;
use review_core::validate::ids;
use review_core::{Command, RecipientKind, Visibility};

/// The copies and the default visibility, with notes on copies.
#[component]
pub fn SharingAgreement(
    /// The page's errors.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let agreement = ctx.select(|r| r.process.confidentiality.clone());
    let one_each: Vec<Choice<RecipientKind>> = RecipientKind::ALL
        .into_iter()
        .filter(|k| !k.is_named())
        .map(|k| Choice::new(k, k.key(), k.label()))
        .collect();
    let named = ctx.select(|r| {
        r.process
            .confidentiality
            .copies
            .iter()
            .filter(|c| c.kind.is_named())
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    });
    let add = move |kind: RecipientKind| {
        let id = clock::new_id();
        ctx.send(Command::AddNamedCopy {
            id: id.clone(),
            kind,
        });
        let field = ids::copy_name(&id);
        request_animation_frame(move || crate::components::focus_by_id(&field));
    };
    view! {
        <Checkboxes easy="sharing.copies" id="copies" legend={tr!("Who gets a copy of the summary?")}
            hint={tr!("The records always keep the whole summary. Each copy leaves out what its reader may not see. Tick none if only the records keep it.")}
            choices=one_each
            value=Signal::derive(move || agreement.with(|a| a.copies.iter().map(|c| c.kind).collect::<Vec<_>>()))
            on_toggle=Callback::new(move |(kind, gets)| ctx.send(Command::SetCopy { kind, gets })) />
        <For each=move || named.get() key=|id| id.clone()
            children=move |id| view! { <NamedCopy id=id errors=errors /> } />
        <UnmatchedServiceCopies once_listed=true />
        <Editable>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary"
                    on:click=move |_| add(RecipientKind::Provider)>
                    {tr!("Add a service that gets a copy")}
                </button>
                <button type="button" class="app-button app-button--secondary"
                    on:click=move |_| add(RecipientKind::Other)>
                    {tr!("Add someone else who gets a copy")}
                </button>
            </div>
        </Editable>
        <Radios easy="sharing.visibility" id="default-visibility" legend={tr!("Who may see what is said, unless you choose otherwise for an item?")}
            hint={tr!("Each note, view and action can be given its own choice where it is written.")}
            choices=Visibility::ALL.iter().map(|v| Choice::new(*v, v.key(), v.label()).hint(v.hint())).collect()
            value=Signal::derive(move || agreement.with(|a| a.default_visibility))
            error=errors.for_field("default-visibility")
            on_change=Callback::new(move |v| ctx.send(Command::SetDefaultVisibility(v))) />
        <TextArea easy="sharing.recipients" id="recipients" label={tr!("Anything more about copies (optional)")}
            hint={tr!("For example: the GP only with the carer's consent, or a copy sent by post")}
            value=Signal::derive(move || agreement.with(|a| a.recipients.clone()))
            error=errors.for_field("recipients") rows=2
            on_input=Callback::new(move |v| ctx.send(Command::SetSummaryRecipients(v))) />
    }
}

/// A copy for a service or a person, by name.
#[component]
fn NamedCopy(
    /// The copy's id.
    id: String,
    /// The page's errors, for its name.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let copy = ctx.select_by(&id, move |r, key| {
        r.process
            .confidentiality
            .copy(key)
            .map(|c| (c.kind, c.name.clone()))
    });
    let label = move || match copy.with(|c| c.as_ref().map(|c| c.0)) {
        Some(RecipientKind::Provider) => tr!("Name of the service that gets a copy"),
        _ => tr!("Name of the person who gets a copy"),
    };
    let easy_key = move || match copy.with(|c| c.as_ref().map(|c| c.0)) {
        Some(RecipientKind::Provider) => "sharing.service-name",
        _ => "sharing.recipient-name",
    };
    let field = ids::copy_name(&id);
    let button = format!("remove-copy-{id}");
    let (set_id, remove_id) = (id.clone(), id.clone());
    view! {
        <div class="app-card">
            <div class="app-card__body">
                {move || view! {
                    <TextInput easy=easy_key() id=field.clone() label=label()
                        value=Signal::derive(move || copy.with(|c| c.as_ref().map(|c| c.1.clone()).unwrap_or_default()))
                        error=errors.for_field(field.clone()) width="app-input--width-30"
                        on_input=Callback::new({
                            let id = set_id.clone();
                            move |name| ctx.send(Command::SetCopyName { id: id.clone(), name })
                        }) />
                }}
            </div>
            <Editable>
                <div class="app-card__actions">
                    <button type="button" class="app-button app-button--secondary" id=button.clone()
                        on:click={
                            let (button, id) = (button.clone(), remove_id.clone());
                            move |_| {
                                let name = copy.with_untracked(|c| c.as_ref().map(|c| c.1.trim().to_string()).unwrap_or_default());
                                let what = if name.is_empty() { "a copy".to_string() } else { tr!("the copy for {name}", name = name) };
                                remove_from(ctx, &button, Command::RemoveCopy { id: id.clone() }, what);
                            }
                        }>
                        {tr!("Remove this copy")}
                    </button>
                </div>
            </Editable>
        </div>
    }
}

/// The services sent a copy whose copy would hold nothing of their own
/// (`provider_copies_matching_nothing`: no service by their name and no
/// action theirs), said while it can still be put right, with the ways to
/// the parts where the names are written.
#[component]
pub fn UnmatchedServiceCopies(
    /// Say it only once a service or an action is listed (this page, which
    /// chooses the copies, comes before them in the meeting).
    #[prop(optional)]
    once_listed: bool,
) -> impl IntoView {
    let ctx = use_review();
    let names = ctx.select(move |r| {
        if once_listed && r.resources.is_empty() && r.actions.is_empty() {
            return Vec::new();
        }
        provider_copies_matching_nothing(r)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    });
    move || {
        let names = names.get();
        (!names.is_empty()).then(|| {
            let which = match names.as_slice() {
                [one] => tr!("The copy for {one} would hold nothing of its own: no service in this review is called “{one}”, and no action is theirs.", one = one),
                more => tr!("The copies for {list} would hold nothing of their own: no service in this review goes by those names, and no action is theirs.", list = review_core::words::and_list(more)),
            };
            view! {
                <div class="app-warning-text">
                    <p class="app-warning-text__text">
                        {which}" "
                        {crate::components::linked(
                            &tr!("A service’s copy holds the feedback on the service of the same name, and the actions it owns: check the names in {services} and {outcome}."),
                            |slot| match slot {
                                "services" => Some(view! { <A exact=true href=crate::href(ctx.part_path(Part::Services)) attr:class="app-link">{tr!("Services and support")}</A> }.into_any()),
                                "outcome" => Some(view! { <A exact=true href=crate::href(ctx.part_path(Part::Outcome)) attr:class="app-link">{tr!("Actions and outcome")}</A> }.into_any()),
                                _ => None,
                            },
                        )}
                    </p>
                </div>
            }
        })
    }
}
