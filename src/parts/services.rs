//! Services and support (P20): what the carer uses, how it helps their
//! health and wellbeing, and whether it stays; then the gaps in support.
//! The list pattern itself is `components::list_part`.

use crate::components::{
    or_not_yet, AddButton, Choice, Entry, ListCard, ListSection, ListState, PartPage, PersonChoice,
    Radios, RemoveWithConfirm, ResourceRemarks, ShortAnswers, TextArea, TextInput,
    VisibilityChoice,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::lists::ListKind;
use review_core::progress::Part;
use review_core::sharing::needs_met_key;
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::{
    written, Command, NeedsMet, Person, Remark, ResourceDecision, ResourceField, ResourceKind,
    ResourceList,
};

/// Services and support (P20): each one the carer uses, then the gaps.
#[component]
pub fn Services() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::services));
    let list = ListState::new(ListKind::Services, errors);
    let gaps = ctx.select(|r| r.gaps.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    let carer = ctx.review.with_untracked(|r| r.carer_called());
    let add_gap = Callback::new(move |()| {
        let id = crate::browser::clock::new_id();
        ctx.send(Command::AddGap { id: id.clone() });
        request_animation_frame(move || crate::components::focus_by_id(&ids::gap(&id, "what")));
    });
    view! {
        <PartPage part=Part::Services errors=errors list=list>
            <p class="app-body">
                {tr!("Talk about each service or support {carer} uses: how it helps their health and wellbeing, what is difficult, and whether to keep, change or stop it.", carer = carer)}
            </p>
            <ListSection easy="services.uses" list=list legend=tr!("Does {carer} use any services or support?", carer = carer)
                hint={tr!("For example: Carer's Allowance, equipment, a sitting service, counselling, a support group or an app.")}
                still_listed="To answer no, first remove the services and support listed below"
                heading={tr!("Services and support in use")} add_text={tr!("Add a service or support")}
                card=Callback::new(move |id| view! { <ResourceCard id=id list=list /> }.into_any()) />
            <h2 class="app-heading-m">{tr!("Gaps in support")}</h2>
            <p class="app-body">
                {tr!("Anything {carer} needs that no service gives them, or that is hard to get. Gaps are passed on to the people who plan services.", carer = carer)}
            </p>
            <Show when=move || gaps.with(Vec::is_empty)>
                <p class="app-body">{tr!("No gaps recorded.")}</p>
            </Show>
            <ul class="app-list app-stack">
                <For each=move || gaps.get() key=|id| id.clone()
                    children=move |id| view! { <GapCard id=id errors=errors /> } />
            </ul>
            <AddButton id="add-gap" text={tr!("Add a gap in support")} on_add=add_gap />
        </PartPage>
    }
}

/// A list's points in one line, for a closed card.
fn points(remarks: &[Remark]) -> String {
    written(remarks)
        .map(|r| r.text.trim())
        .collect::<Vec<_>>()
        .join("; ")
}

/// One service or support: closed, its short answers; open, its questions.
#[component]
fn ResourceCard(
    /// The resource's id.
    id: String,
    /// The page's list.
    list: ListState,
) -> impl IntoView {
    let ctx = use_review();
    let resource = Entry::new(
        list,
        &id,
        |r, id| r.resources.iter().find(|x| x.id == id).cloned(),
        |id, field| Command::SetResource { id, field },
    );
    let carer = ctx.review.with_untracked(|r| r.carer_possessive());
    let name = resource.read(|r| r.name.clone());
    let decision = resource.memo(|r| r.decision);
    let summary = move || {
        resource.item.with(|r| {
            r.as_ref().map(|r| {
                let happens = match r.decision {
                    None => or_not_yet(""),
                    Some(ResourceDecision::Keep) => ResourceDecision::Keep.label().to_string(),
                    Some(d) => format!("{}: {}", d.label(), or_not_yet(&points(&r.changes))),
                };
                let rows = vec![
                    (
                        tr!("Kind"),
                        r.kind
                            .map_or_else(|| or_not_yet(""), |k| k.label().to_string()),
                    ),
                    (tr!("How it helps"), or_not_yet(&points(&r.benefits))),
                    (
                        tr!("Met their needs"),
                        r.needs_met
                            .map_or_else(|| or_not_yet(""), |m| m.label().to_string()),
                    ),
                    (tr!("What happens now"), happens),
                ];
                view! { <ShortAnswers rows=rows /> }
            })
        })
    };
    let (benefits_label, needs_met_legend) = (
        tr!(
            "How has it helped {carer} health and wellbeing?",
            carer = carer
        ),
        tr!("How well did it meet {carer} needs?", carer = carer),
    );
    let what = Signal::derive(move || {
        let name = name.get();
        if name.trim().is_empty() {
            tr!("this service or support")
        } else {
            name.trim().to_string()
        }
    });
    let changes_err = resource.error("changes");
    view! {
        <ListCard entry=resource what=what summary=summary>
            <Radios easy="services.kind" id=resource.field("kind") legend={tr!("What kind of service or support is it?")}
                choices=Choice::list(ResourceKind::ALL, ResourceKind::key, ResourceKind::label)
                value=resource.read(|r| r.kind) error=resource.error("kind")
                on_change=resource.set(ResourceField::Kind) />
            <TextInput easy="services.name" id=resource.field("name") label={tr!("What is it called?")}
                hint={tr!("For example: Northshire Carers' Centre, Carer's Allowance, a bath lift")}
                value=name error=resource.error("name") on_input=resource.set(ResourceField::Name)
                width="app-input--width-30" />
            <ResourceRemarks resource=id.clone() list=ResourceList::Benefits label=benefits_label.clone()
                hint={tr!("One point at a time. For example: time to rest, less worry about money, sleeping better. Leave this empty if they have not used it yet.")}
                error=resource.error("benefits") />
            <ResourceRemarks resource=id.clone() list=ResourceList::Difficulties
                label={tr!("What has been difficult about it? (optional)")}
                hint={tr!("For example: the times do not suit, it costs too much, staff change often")} />
            <Radios easy="services.needs-met" id=resource.field("needs-met") legend=needs_met_legend.clone()
                choices=Choice::list(NeedsMet::ALL, NeedsMet::key, NeedsMet::label)
                value=resource.read(|r| r.needs_met) error=resource.error("needs-met")
                on_change=resource.set(ResourceField::NeedsMet) />
            {
                let key = needs_met_key(&id);
                let met = resource.read(|r| r.needs_met.is_some());
                move || met.get().then(|| view! {
                    <VisibilityChoice item=key.clone() what={tr!("how well it met the carer's needs")} />
                })
            }
            <Radios easy="services.decision" id=resource.field("decision") legend={tr!("What happens to it now?")}
                choices=Choice::list(ResourceDecision::ALL, ResourceDecision::key, ResourceDecision::label)
                value=decision error=resource.error("decision")
                on_change=resource.set(ResourceField::Decision) />
            {
                let id = id.clone();
                move || decision.get().filter(|d| d.needs_changes()).map(|d| {
                    let label = match d {
                        ResourceDecision::Stop => tr!("What needs to happen when it stops?"),
                        _ => tr!("What needs to change?"),
                    };
                    view! {
                        <ResourceRemarks resource=id.clone() list=ResourceList::Changes label=label
                            hint={tr!("Who will do it, and by when, goes in the actions at the end.")}
                            error=changes_err />
                    }
                })
            }
        </ListCard>
    }
}

/// Something the carer needs that no service gives them, and who noticed.
#[component]
fn GapCard(
    /// The gap's id.
    id: String,
    /// The page's errors.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let gap = ctx.select_by(&id, move |r, gid| {
        r.gaps.iter().find(|g| g.id == gid).cloned()
    });
    let place = ctx.select_by(&id, move |r, gid| {
        r.gaps.iter().position(|g| g.id == gid).unwrap_or(0) + 1
    });
    let what = Signal::derive(move || {
        gap.with(|g| g.as_ref().map(|g| g.what.clone()).unwrap_or_default())
    });
    let noticed_by =
        Signal::derive(move || gap.with(|g| g.as_ref().and_then(|g| g.noticed_by.clone())));
    // The core sets both answers at once; each field sends the other as it stands.
    let gid = id.clone();
    let set_what = Callback::new(move |what: String| {
        ctx.send(Command::SetGap {
            id: gid.clone(),
            what,
            noticed_by: noticed_by.get_untracked(),
        })
    });
    let gid = id.clone();
    let set_noticed_by = Callback::new(move |noticed_by: Option<Person>| {
        ctx.send(Command::SetGap {
            id: gid.clone(),
            what: what.get_untracked(),
            noticed_by,
        })
    });
    let gid = id.clone();
    let remove_id = ids::gap(&id, "remove");
    let remove = Callback::new(move |()| {
        let what = tr!("gap {n}", n = place.get_untracked());
        crate::components::remove_from(
            ctx,
            &remove_id,
            Command::RemoveGap { id: gid.clone() },
            what,
        );
    });
    let field = {
        let id = id.clone();
        move |f: &str| ids::gap(&id, f)
    };
    view! {
        <li class="app-card">
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s">{move || tr!("Gap {n}", n = place.get())}</h3>
            </div>
            <div class="app-card__body">
                <TextArea easy="services.missing" id=field("what") label={tr!("What is missing?")}
                    hint={tr!("For example: no sitting service at weekends, no local support group in the evening")}
                    value=what error=errors.for_field(field("what")) on_input=set_what rows=2 />
                <PersonChoice easy="services.noticed-by" id=field("noticed-by") legend={tr!("Who noticed it?")} value=noticed_by
                    error=errors.for_field(field("noticed-by")) name_error=errors.for_field(field("noticed-by-name"))
                    on_change=set_noticed_by />
                <VisibilityChoice item=id.clone() what={tr!("this gap")} />
            </div>
            <RemoveWithConfirm id=field("remove") what={tr!("this gap in support")} on_remove=remove />
        </li>
    }
}
