//! Services and support (P20): what the carer uses, how it helps their health
//! and wellbeing, and whether it stays; then the gaps in support.
//!
//! The list pieces that "Support while the carer has time for themselves"
//! and "Things that need someone else's help" share with this page (open
//! cards, the yes/no question in front of a list, remove with a question)
//! live here as `pub(super)`: `parts/mod.rs` keeps one module per screen.

use crate::clock;
use crate::components::{
    focus_by_id, BackLink, Choice, ErrorSummary, Page, PersonChoice, Radios, ResourceRemarks,
    TextArea, TextInput,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::progress::Part;
use review_core::validate::{self, ids, FieldError};
use review_core::{
    Command, DomainError, NeedsMet, Participant, Person, Remark, Resource, ResourceDecision,
    ResourceField, ResourceKind, ResourceList,
};

// ---- Shared with cover.rs and escalations.rs --------------------------------

/// Which cards of a list are open for changing. One at a time keeps a long
/// page calm at the table; after a Continue with problems every card with a
/// problem opens, so each message sits by its field.
#[derive(Clone, Copy)]
pub(super) struct OpenCards(RwSignal<Vec<String>>);

impl OpenCards {
    /// `first`: the card to show open when the page opens.
    pub(super) fn new(first: Option<String>) -> Self {
        OpenCards(RwSignal::new(first.into_iter().collect()))
    }

    pub(super) fn is_open(self, id: &str) -> bool {
        self.0.with(|open| open.iter().any(|o| o == id))
    }

    /// Open this card and close the others, or close it if it is open.
    pub(super) fn toggle(self, id: &str) {
        self.0.update(|open| {
            if open.iter().any(|o| o == id) {
                open.retain(|o| o != id);
            } else {
                *open = vec![id.to_string()];
            }
        });
    }

    /// Open only this card (a card just added).
    pub(super) fn open_only(self, id: String) {
        self.0.set(vec![id]);
    }

    /// Open these cards as well; true when one of them was closed.
    pub(super) fn open_also(self, ids: impl IntoIterator<Item = String>) -> bool {
        let closed: Vec<String> = ids
            .into_iter()
            .filter(|id| !self.0.with_untracked(|open| open.contains(id)))
            .collect();
        if closed.is_empty() {
            return false;
        }
        self.0.update(|open| {
            for id in closed {
                if !open.contains(&id) {
                    open.push(id);
                }
            }
        });
        true
    }

    /// After a Continue with problems: open every card that has one.
    pub(super) fn open_with_errors(
        self,
        errors: PageErrors,
        card_of: Callback<String, Option<String>>,
    ) {
        let cards: Vec<String> = errors.all.with_untracked(|all| {
            all.iter()
                .filter_map(|e| card_of.run(e.field.clone()))
                .collect()
        });
        self.open_also(cards);
    }
}

/// The page's error summary. A link to a field in a closed card opens that
/// card first, then moves focus to the field once it has been drawn (the
/// summary's own link handler finds no field while the card is closed).
#[component]
pub(super) fn CardErrorSummary(
    /// The page's errors.
    errors: PageErrors,
    /// The page's open cards.
    cards: OpenCards,
    /// The card (by id) a field id belongs to, if any.
    card_of: Callback<String, Option<String>>,
    /// What a field belongs to, as the page names it ("Matter 2"), so that a
    /// message such as "Enter who it will go to" says which one.
    label_of: Callback<String, Option<String>>,
) -> impl IntoView {
    let visible = errors.visible();
    let labelled = Memo::new(move |_| {
        visible
            .get()
            .into_iter()
            .map(|mut e| {
                if let Some(label) = label_of.run(e.field.clone()) {
                    if !e.message.contains(&label) {
                        e.message = format!("{label}: {}", e.message);
                    }
                }
                e
            })
            .collect::<Vec<_>>()
    });
    let follow = move |ev: leptos::ev::MouseEvent| {
        let Some(link) = event_target::<web_sys::Element>(&ev)
            .closest("a")
            .ok()
            .flatten()
        else {
            return;
        };
        let Some(field) = link
            .get_attribute("href")
            .and_then(|h| h.strip_prefix('#').map(str::to_string))
        else {
            return;
        };
        if let Some(card) = card_of.run(field.clone()) {
            if cards.open_also([card]) {
                request_animation_frame(move || focus_by_id(&field));
            }
        }
    };
    view! {
        <div on:click=follow>
            <ErrorSummary errors=labelled attempts=errors.attempts />
        </div>
    }
}

/// The yes/no question in front of a list ("Does Ayesha use any services or
/// support?"). The core refuses "No" while the list has entries: the refusal
/// shows as the question's error (the radios go back to the answer that
/// stands by themselves).
#[component]
pub(super) fn ListQuestion(
    /// The radios' id: the core's field id, e.g. `services-in-use`.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// Help text under the question.
    #[prop(into)]
    hint: String,
    /// The answer so far.
    #[prop(into)]
    value: Signal<Option<bool>>,
    /// The page's error for the question.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// What to say when "No" is refused because the list has entries.
    #[prop(into)]
    still_listed: String,
    /// Sends the answer; an `Err` is the core's refusal.
    on_answer: Callback<bool, Result<(), DomainError>>,
) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || refused.get().or_else(|| error.get()));
    let answer = Callback::new(move |yes: bool| {
        refused.set(on_answer.run(yes).err().map(|e| match e {
            DomainError::StillListed => still_listed.clone(),
            e => e.to_string(),
        }))
    });
    view! {
        <Radios id=id legend=legend hint=hint inline=true
            choices=vec![Choice::new(true, "yes", "Yes"), Choice::new(false, "no", "No")]
            value=value error=shown on_change=answer />
    }
}

/// A card's status, from the errors of that card alone.
pub(super) fn card_status(errors: &[FieldError]) -> (&'static str, &'static str) {
    if errors.is_empty() {
        ("app-tag app-tag--green", "Done")
    } else if errors.iter().any(|e| e.attention) {
        ("app-tag app-tag--red", "Needs attention")
    } else {
        ("app-tag app-tag--blue", "Not finished")
    }
}

/// The header of a card that opens for changing: its heading, its status,
/// and the button that opens or closes it (it stays in place, so focus does).
#[component]
pub(super) fn CardHeader(
    /// The card's element id; the heading is `{dom_id}-title`, the body `{dom_id}-body`.
    #[prop(into)]
    dom_id: String,
    /// The heading.
    #[prop(into)]
    title: Signal<String>,
    /// The status tag's class and words (see [`card_status`]).
    #[prop(into)]
    status: Signal<(&'static str, &'static str)>,
    /// Whether the card is open.
    #[prop(into)]
    open: Signal<bool>,
    /// Opens or closes the card.
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="app-card__header">
            <div>
                <h3 class="app-card__title app-heading-s" id=format!("{dom_id}-title")>{title}</h3>
                <strong class=move || status.get().0>{move || status.get().1}</strong>
            </div>
            <button type="button" class="app-button app-button--secondary app-u-mb-0"
                id=format!("{dom_id}-toggle")
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=format!("{dom_id}-body")
                on:click=move |_| on_toggle.run(())>
                {move || if open.get() { "Close" } else { "Change" }}
                <span class="app-visually-hidden">{move || format!(" {}", title.get())}</span>
            </button>
        </div>
    }
}

/// The short answers a closed card shows.
pub(super) fn card_summary(rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <dl class="app-summary-list app-u-mb-0">
            {rows
                .into_iter()
                .map(|(key, value)| view! {
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">{key}</dt>
                        <dd class="app-summary-list__value">{value}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

/// A list's points in one line, for a closed card.
fn points(remarks: &[Remark]) -> String {
    review_core::written(remarks)
        .map(|r| r.text.trim())
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Not answered yet" for an empty answer.
pub(super) fn or_not_yet(text: &str) -> String {
    if text.trim().is_empty() {
        "Not answered yet".into()
    } else {
        text.trim().to_string()
    }
}

/// "Remove", then a question before what was written is lost.
#[component]
pub(super) fn RemoveWithConfirm(
    /// The button's id, so focus can come back to it.
    #[prop(into)]
    id: String,
    /// What is removed, e.g. "this gap in support".
    #[prop(into)]
    what: Signal<String>,
    /// Removes it.
    on_remove: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let back_to = id.clone();
    view! {
        <div class="app-card__actions">
            <button type="button" class="app-button app-button--secondary" id=id.clone()
                on:click=move |_| confirming.set(true)>
                "Remove"<span class="app-visually-hidden">{move || format!(" {}", what.get())}</span>
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="app-card__body">
                <div class="app-notification-banner app-notification-banner--warning" role="alert">
                    <div class="app-notification-banner__content">
                        <p class="app-body">{move || format!("Remove {}? What was written about it will be lost.", what.get())}</p>
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--warning"
                                on:click=move |_| on_remove.run(())>
                                "Yes, remove it"
                            </button>
                            <button type="button" class="app-button app-button--secondary"
                                on:click={
                                    let back_to = back_to.clone();
                                    move |_| {
                                        confirming.set(false);
                                        // The button pressed has gone: focus goes back to "Remove".
                                        let back_to = back_to.clone();
                                        request_animation_frame(move || focus_by_id(&back_to));
                                    }
                                }>
                                "No, keep it"
                            </button>
                        </div>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// An "Add ..." button that an error summary link can point at, with its
/// message shown above it.
#[component]
pub(super) fn AddButton(
    /// The button's id: the core's field id, e.g. `add-resource`.
    #[prop(into)]
    id: String,
    /// The button's words.
    #[prop(into)]
    text: String,
    /// The page's error for the button, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Adds the entry.
    on_add: Callback<()>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class=move || if error.with(Option::is_some) { "app-form-group app-form-group--error" } else { "app-form-group" }>
            {
                let error_id = error_id.clone();
                move || error.get().map(|m| view! {
                    <p class="app-error-message" id=error_id.clone()>
                        <span class="app-visually-hidden">"Error: "</span>{m}
                    </p>
                })
            }
            <button type="button" class="app-button app-button--secondary app-u-mb-0" id=id
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                on:click=move |_| on_add.run(())>
                {text}
            </button>
        </div>
    }
}

/// How someone is called in a question: their name, or `fallback`.
pub(super) fn called(p: Option<&Participant>, fallback: &str) -> String {
    p.map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

/// "Ayesha's", "James'", "the carer's".
pub(super) fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

// ---- Services and support ----------------------------------------------------

/// Services and support (P20): each one the carer uses, then the gaps.
#[component]
pub fn Services() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::services));
    let in_use = ctx.select(|r| r.services_in_use);
    let resources = ctx.select(|r| r.resources.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    let gaps = ctx.select(|r| r.gaps.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    let carer = ctx
        .review
        .with_untracked(|r| called(r.carer(), "the carer"));
    let card_of = Callback::new(move |field: String| {
        ctx.review.with_untracked(|r| {
            r.resources
                .iter()
                .find(|x| field.starts_with(&ids::resource(&x.id, "")))
                .map(|x| x.id.clone())
        })
    });
    let label_of = Callback::new(move |field: String| {
        ctx.review.with(|r| {
            if let Some((i, x)) = r
                .resources
                .iter()
                .enumerate()
                .find(|(_, x)| field.starts_with(&ids::resource(&x.id, "")))
            {
                let name = x.name.trim();
                return Some(if name.is_empty() {
                    format!("Service or support {}", i + 1)
                } else {
                    name.to_string()
                });
            }
            r.gaps
                .iter()
                .position(|g| field.starts_with(&ids::gap(&g.id, "")))
                .map(|i| format!("Gap {}", i + 1))
        })
    });
    // The first one still to finish is open when the page opens.
    let cards = OpenCards::new(ctx.review.with_untracked(|r| {
        r.resources
            .iter()
            .find(|x| !validate::resource(r, x).is_empty())
            .map(|x| x.id.clone())
    }));
    let add_resource = Callback::new(move |()| {
        let id = clock::new_id();
        ctx.send(Command::AddResource { id: id.clone() });
        if ctx
            .review
            .with_untracked(|r| r.resources.iter().any(|x| x.id == id))
        {
            cards.open_only(id.clone());
            request_animation_frame(move || focus_by_id(&ids::resource(&id, "kind")));
        }
    });
    let add_gap = Callback::new(move |()| {
        let id = clock::new_id();
        ctx.send(Command::AddGap { id: id.clone() });
        request_animation_frame(move || focus_by_id(&ids::gap(&id, "what")));
    });
    let navigate = use_navigate();
    let next = move |_| {
        if errors.submit() {
            navigate(&ctx.part_path(Part::Cover), Default::default());
        } else {
            cards.open_with_errors(errors, card_of);
        }
    };
    view! {
        <BackLink href=ctx.path("") text="Back to the review" />
        <Page title=Part::Services.title() caption="The review · P20"
            has_errors=Signal::derive(move || !errors.visible().with(Vec::is_empty))>
            <CardErrorSummary errors=errors cards=cards card_of=card_of label_of=label_of />
            <p class="app-body">
                {format!("Talk about each service or support {carer} uses: how it helps their health and wellbeing, what is difficult, and whether to keep, change or stop it.")}
            </p>
            <ListQuestion id="services-in-use" legend=format!("Does {carer} use any services or support?")
                hint="For example: Carer's Allowance, equipment, a sitting service, counselling, a support group or an app."
                value=in_use error=errors.for_field("services-in-use")
                still_listed="To answer no, first remove the services and support listed below"
                on_answer=Callback::new(move |yes| ctx.dispatch(Command::SetServicesInUse(yes))) />
            <Show when=move || in_use.get() == Some(true) || !resources.with(Vec::is_empty)>
                <h2 class="app-heading-m">"Services and support in use"</h2>
                <ul class="app-list app-stack">
                    <For each=move || resources.get() key=|id| id.clone()
                        children=move |id| view! { <ResourceCard id=id errors=errors cards=cards /> } />
                </ul>
                <AddButton id="add-resource" text="Add a service or support"
                    error=errors.for_field("add-resource") on_add=add_resource />
            </Show>
            <h2 class="app-heading-m">"Gaps in support"</h2>
            <p class="app-body">
                {format!("Anything {carer} needs that no service gives them, or that is hard to get. Gaps are passed on to the people who plan services.")}
            </p>
            <ul class="app-list app-stack">
                <For each=move || gaps.get() key=|id| id.clone()
                    children=move |id| view! { <GapCard id=id errors=errors /> } />
            </ul>
            <AddButton id="add-gap" text="Add a gap in support" error=Signal::derive(|| None::<String>) on_add=add_gap />
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=next>"Continue"</button>
                <A href=ctx.path("") attr:class="app-link">"Back to the review"</A>
            </div>
        </Page>
    }
}

/// One service or support: closed, its short answers; open, its questions.
#[component]
fn ResourceCard(
    /// The resource's id.
    id: String,
    /// The page's errors.
    errors: PageErrors,
    /// The page's open cards.
    cards: OpenCards,
) -> impl IntoView {
    let ctx = use_review();
    let rid = id.clone();
    let resource = ctx.select(move |r| r.resources.iter().find(|x| x.id == rid).cloned());
    let rid = id.clone();
    let place = ctx.select(move |r| r.resources.iter().position(|x| x.id == rid).unwrap_or(0) + 1);
    let rid = id.clone();
    let status = ctx.select(move |r| {
        r.resources
            .iter()
            .find(|x| x.id == rid)
            .map(|x| card_status(&validate::resource(r, x)))
            .unwrap_or(card_status(&[]))
    });
    let carer = ctx
        .review
        .with_untracked(|r| possessive(&called(r.carer(), "the carer")));
    let name = Signal::derive(move || {
        resource.with(|r| {
            r.as_ref()
                .map(|r| r.name.trim().to_string())
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || {
        let name = name.get();
        if name.is_empty() {
            format!("Service or support {}", place.get())
        } else {
            name
        }
    });
    let open = {
        let id = id.clone();
        Signal::derive(move || cards.is_open(&id))
    };
    let toggle = {
        let id = id.clone();
        Callback::new(move |()| cards.toggle(&id))
    };
    let send = {
        let id = id.clone();
        move |field: ResourceField| {
            ctx.send(Command::SetResource {
                id: id.clone(),
                field,
            })
        }
    };
    let text = move |f: fn(&Resource) -> String| {
        Signal::derive(move || resource.with(|r| r.as_ref().map(f).unwrap_or_default()))
    };
    let set_text = |make: fn(String) -> ResourceField| {
        let send = send.clone();
        Callback::new(move |v: String| send(make(v)))
    };
    let set_kind = {
        let send = send.clone();
        Callback::new(move |k| send(ResourceField::Kind(k)))
    };
    let set_needs_met = {
        let send = send.clone();
        Callback::new(move |m| send(ResourceField::NeedsMet(m)))
    };
    let set_decision = {
        let send = send.clone();
        Callback::new(move |d| send(ResourceField::Decision(d)))
    };
    let set_name = set_text(ResourceField::Name);
    let kind = Signal::derive(move || resource.with(|r| r.as_ref().and_then(|r| r.kind)));
    let needs_met = Signal::derive(move || resource.with(|r| r.as_ref().and_then(|r| r.needs_met)));
    let decision = Memo::new(move |_| resource.with(|r| r.as_ref().and_then(|r| r.decision)));
    let field = |f: &str| ids::resource(&id, f);
    let (kind_id, name_id, benefits_id, needs_met_id, decision_id, changes_id) = (
        field("kind"),
        field("name"),
        field("benefits"),
        field("needs-met"),
        field("decision"),
        field("changes"),
    );
    let err = |f: &str| errors.for_field(f);
    let (kind_err, name_err, benefits_err, needs_met_err, decision_err, changes_err) = (
        err(&kind_id),
        err(&name_id),
        err(&benefits_id),
        err(&needs_met_id),
        err(&decision_id),
        err(&changes_id),
    );
    let benefits_label = format!("How has it helped {carer} health and wellbeing?");
    let needs_met_legend = format!("How well did it meet {carer} needs?");
    let summary = move || {
        resource.with(|r| {
            r.as_ref().map(|r| {
                card_summary(vec![
                    (
                        "Kind",
                        r.kind
                            .map(|k| k.label().to_string())
                            .unwrap_or_else(|| or_not_yet("")),
                    ),
                    ("How it helps", or_not_yet(&points(&r.benefits))),
                    (
                        "Met their needs",
                        r.needs_met
                            .map(|m| m.label().to_string())
                            .unwrap_or_else(|| or_not_yet("")),
                    ),
                    (
                        "What happens now",
                        match r.decision {
                            None => or_not_yet(""),
                            Some(ResourceDecision::Keep) => {
                                ResourceDecision::Keep.label().to_string()
                            }
                            Some(d) => {
                                format!("{}: {}", d.label(), or_not_yet(&points(&r.changes)))
                            }
                        },
                    ),
                ])
            })
        })
    };
    let dom_id = format!("resource-{id}");
    let remove_id = format!("{dom_id}-remove");
    let what = Signal::derive(move || {
        let name = name.get();
        if name.is_empty() {
            "this service or support".to_string()
        } else {
            name
        }
    });
    let rid = id.clone();
    let remove = Callback::new(move |()| {
        ctx.send(Command::RemoveResource { id: rid.clone() });
        request_animation_frame(|| focus_by_id("add-resource"));
    });
    view! {
        <li class="app-card">
            <CardHeader dom_id=dom_id.clone() title=title status=status open=open on_toggle=toggle />
            <div class="app-card__body" id=format!("{dom_id}-body")>
                <Show when=move || open.get() fallback=summary>
                    <Radios id=kind_id.clone() legend="What kind of service or support is it?"
                        choices=Choice::list(ResourceKind::ALL, ResourceKind::key, ResourceKind::label)
                        value=kind error=kind_err on_change=set_kind />
                    <TextInput id=name_id.clone() label="What is it called?"
                        hint="For example: Northshire Carers' Centre, Carer's Allowance, a bath lift"
                        value=text(|r| r.name.clone()) error=name_err on_input=set_name width="app-input--width-30" />
                    <ResourceRemarks resource=id.clone() list=ResourceList::Benefits label=benefits_label.clone()
                        hint="One point at a time. For example: time to rest, less worry about money, sleeping better. Leave this empty if they have not used it yet."
                        error=benefits_err />
                    <ResourceRemarks resource=id.clone() list=ResourceList::Difficulties
                        label="What has been difficult about it? (optional)"
                        hint="For example: the times do not suit, it costs too much, staff change often" />
                    <Radios id=needs_met_id.clone() legend=needs_met_legend.clone()
                        choices=Choice::list(NeedsMet::ALL, NeedsMet::key, NeedsMet::label)
                        value=needs_met error=needs_met_err on_change=set_needs_met />
                    <Radios id=decision_id.clone() legend="What happens to it now?"
                        choices=Choice::list(ResourceDecision::ALL, ResourceDecision::key, ResourceDecision::label)
                        value=decision error=decision_err on_change=set_decision />
                    {
                        let id = id.clone();
                        move || decision.get().filter(|d| d.needs_changes()).map(|d| {
                            let label = match d {
                                ResourceDecision::Stop => "What needs to happen when it stops?",
                                _ => "What needs to change?",
                            };
                            view! {
                                <ResourceRemarks resource=id.clone() list=ResourceList::Changes label=label
                                    hint="Who will do it, and by when, goes in the actions at the end."
                                    error=changes_err />
                            }
                        })
                    }
                </Show>
            </div>
            <RemoveWithConfirm id=remove_id what=what on_remove=remove />
        </li>
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
    let gid = id.clone();
    let gap = ctx.select(move |r| r.gaps.iter().find(|g| g.id == gid).cloned());
    let gid = id.clone();
    let place = ctx.select(move |r| r.gaps.iter().position(|g| g.id == gid).unwrap_or(0) + 1);
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
    let remove = Callback::new(move |()| {
        ctx.send(Command::RemoveGap { id: gid.clone() });
        request_animation_frame(|| focus_by_id("add-gap"));
    });
    let field = |f: &str| ids::gap(&id, f);
    view! {
        <li class="app-card">
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s">{move || format!("Gap {}", place.get())}</h3>
            </div>
            <div class="app-card__body">
                <TextArea id=field("what") label="What is missing?"
                    hint="For example: no sitting service at weekends, no local support group in the evening"
                    value=what error=errors.for_field(field("what")) on_input=set_what rows=2 />
                <PersonChoice id=field("noticed-by") legend="Who noticed it?" value=noticed_by
                    error=errors.for_field(field("noticed-by")) name_error=errors.for_field(field("noticed-by-name"))
                    on_change=set_noticed_by />
            </div>
            <RemoveWithConfirm id=field("remove") what="this gap in support" on_remove=remove />
        </li>
    }
}
