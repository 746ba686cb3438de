//! What we will look at (P17): criteria from our library or typed in, each
//! with its scale and who agreed to it.

use crate::browser::clock;
use crate::components::SecondaryAction;
use crate::components::{
    easy_read, Checkboxes, Choice, EasyReadBox, EasyWords, Editable, FieldMessages, PartPage,
    Radios, TextArea, TextInput,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::library::criteria_library;
use review_core::progress::Part;
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::{Command, CriterionGroup, CriterionSource, Scale};

/// What the review will look at (P17): criteria from our library or typed in,
/// each with its scale and the carer's agreement.
#[component]
pub fn Criteria() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::criteria));
    let chosen = ctx.select(|r| r.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    view! {
        <PartPage part=Part::Criteria errors=errors>
            <p class="app-body">
                {tr!("Choose together what the review will look at. Later, everyone will say how each one is going.")}
            </p>
            <h2 class="app-heading-m">{tr!("Chosen so far")}</h2>
            <Show when=move || chosen.with(Vec::is_empty)>
                <p class="app-body">{tr!("Nothing chosen yet.")}</p>
            </Show>
            <ul class="app-list app-stack">
                <For each=move || chosen.get() key=|id| id.clone()
                    children=move |id| view! { <ChosenCriterion id=id errors=errors /> } />
            </ul>
            <Editable>
                <h2 class="app-heading-m" id="add-criteria" tabindex="-1">{tr!("Choose from our list")}</h2>
                <FieldMessages errors=errors field="add-criteria" />
                <LibrarySearch />
                <CustomCriterion />
            </Editable>
        </PartPage>
    }
}

/// Our list: a search over every criterion, or, while nothing is typed,
/// the three groups folded (issue 26: the page stays short).
#[component]
fn LibrarySearch() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        query.with(|q| {
            criteria_library()
                .search(q)
                .into_iter()
                .map(|c| c.key.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <TextInput easy="criteria.search" id="library-search" label={tr!("Search our list")}
            hint={tr!("A word or two, for example: money, breaks, calls.")}
            value=query on_input=Callback::new(move |q| query.set(q)) width="app-input--width-20" />
        {move || {
            if query.with(|q| q.trim().is_empty()) {
                return CriterionGroup::ALL.into_iter().map(|g| view! { <LibraryGroup group=g /> }).collect_view().into_any();
            }
            let keys = found.get();
            if keys.is_empty() {
                return view! {
                    <p class="app-body" role="status">{tr!("Nothing in our list has those words. Try another word, or use “Add your own” below.")}</p>
                }.into_any();
            }
            let legend = review_core::trn!(keys.len(), "{n} criterion has those words", "{n} criteria have those words");
            view! {
                <p class="app-visually-hidden" role="status">{legend.clone()}</p>
                <LibraryChoices id="library-found".to_string() legend=legend hint=String::new() keys=keys />
            }.into_any()
        }}
    }
}

/// One group of our library, folded: three long lists on one page is too much at once.
#[component]
fn LibraryGroup(
    /// The group to list.
    group: CriterionGroup,
) -> impl IntoView {
    let lib = criteria_library();
    let info = lib.group(group);
    let keys = lib
        .in_group(group)
        .map(|c| c.key.clone())
        .collect::<Vec<_>>();
    let count = keys.len();
    view! {
        <details class="app-details">
            <summary class="app-details__summary">
                <span class="app-details__summary-text">{tr!("{title} ({count} to choose from)", title = review_core::i18n::seed(&info.title), count = count)}</span>
            </summary>
            <div class="app-details__text">
                <LibraryChoices id=format!("library-{}", group.key()) legend=review_core::i18n::seed(&info.title)
                    hint=review_core::i18n::seed(&info.description) keys=keys />
            </div>
        </details>
    }
}

/// Criteria of our library as checkboxes: ticking adds one to the review,
/// unticking removes it (with Undo).
#[component]
fn LibraryChoices(
    /// The checkboxes' group id.
    id: String,
    /// Their legend.
    legend: String,
    /// Help under the legend (none when empty).
    hint: String,
    /// The library keys to offer, in order.
    keys: Vec<String>,
) -> impl IntoView {
    let ctx = use_review();
    let lib = criteria_library();
    // Keys of library criteria in the review, and the review's id for each.
    let in_review = ctx.select(|r| {
        r.criteria
            .iter()
            .filter_map(|c| match &c.source {
                CriterionSource::Library { key } => Some((key.clone(), c.id.clone())),
                CriterionSource::Custom => None,
            })
            .collect::<Vec<_>>()
    });
    let choices = keys
        .iter()
        .filter_map(|k| lib.get(k))
        .map(|c| {
            let symbol = review_core::easy::Sym::from_file(&c.symbol)
                .unwrap_or(review_core::easy::Sym::Note);
            Choice::new(c.key.clone(), &c.key, review_core::i18n::seed(&c.wording))
                .hint(tr!(
                    "Easy read: {easy_read}",
                    easy_read = review_core::i18n::seed(&c.easy_read)
                ))
                .easy(review_core::i18n::seed(&c.easy_read), symbol)
        })
        .collect();
    let toggle = Callback::new(move |(key, used): (String, bool)| {
        if used {
            if let Some(c) = criteria_library().get(&key) {
                ctx.send(Command::AddLibraryCriterion {
                    id: clock::new_id(),
                    criterion: c.clone(),
                });
            }
        } else if let Some(id) = in_review
            .with_untracked(|v| v.iter().find(|(k, _)| *k == key).map(|(_, id)| id.clone()))
        {
            let wording = criteria_library()
                .get(&key)
                .map(|c| tr!("“{text}”", text = review_core::i18n::seed(&c.wording)))
                .unwrap_or_default();
            ctx.send_removal(Command::RemoveCriterion { id }, wording);
        }
    });
    view! {
        <Checkboxes easy="criteria.group" id=id legend=legend hint=(!hint.is_empty()).then_some(hint)
            choices=choices
            value=Signal::derive(move || in_review.with(|v| v.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()))
            on_toggle=toggle />
    }
}

/// A criterion typed in at the meeting, folded under "Add your own".
#[component]
fn CustomCriterion() -> impl IntoView {
    let ctx = use_review();
    let wording = RwSignal::new(String::new());
    let group = RwSignal::new(Some(CriterionGroup::Partnership));
    let problem = RwSignal::new(None::<String>);
    let lib = criteria_library();
    let add = move |_| {
        let cmd = Command::AddCustomCriterion {
            id: clock::new_id(),
            group: group.get_untracked().unwrap_or(CriterionGroup::Partnership),
            wording: wording.get_untracked(),
        };
        match ctx.dispatch(cmd) {
            Ok(()) => {
                wording.set(String::new());
                problem.set(None);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    // Folded (issue 26: a short page); it stays open once opened, so a
    // message about the wording is seen by the field.
    view! {
        <details class="app-details">
            <summary class="app-details__summary">
                <span class="app-details__summary-text">{tr!("Add your own")}</span>
            </summary>
            <div class="app-details__text">
                <TextArea easy="criteria.custom" id="custom-wording" label={tr!("What else should the review look at?")}
                    hint={tr!("Write it so that people can say whether it is going well. For example: the evening calls from the care agency come on time.")}
                    value=wording error=problem rows=2 on_input=Callback::new(move |v| wording.set(v)) />
                <Radios easy="criteria.custom-group" id="custom-group" legend={tr!("Which area is it about?")}
                    choices=CriterionGroup::ALL.iter().map(|g| Choice::new(*g, g.key(), review_core::i18n::seed(&lib.group(*g).title))).collect()
                    value=group on_change=Callback::new(move |g| group.set(Some(g))) />
                <SecondaryAction on_press=Callback::new(add)>{tr!("Add this to the review")}</SecondaryAction>
            </div>
        </details>
    }
}

/// A chosen criterion: its scale, who agreed to it, and a way to remove it.
/// One that everyone it needs agreed to when the page opened is folded to
/// one line (issue 26: a short page), with Change to open it; one still to
/// agree, or just added, stays open while the page is.
#[component]
fn ChosenCriterion(
    /// The criterion's id.
    id: String,
    /// The page's errors (the agreement field).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let criterion = ctx.select_by(&id, move |r, cid| {
        r.criteria.iter().find(|c| c.id == cid).cloned()
    });
    let present = ctx.select(|r| r.agreers());
    let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
    let set_scale = Callback::new(move |scale: Scale| {
        ctx.send(Command::SetCriterionScale {
            id: id1.clone(),
            scale,
        })
    });
    let agree = Callback::new(move |(participant, agreed): (String, bool)| {
        ctx.send(Command::SetCriterionAgreement {
            criterion: id2.clone(),
            participant,
            agreed,
        })
    });
    let group_id = ids::criterion_agreement(&id);
    let heading_id = format!("criterion-{id}-title");
    let body_id = format!("criterion-{id}-body");
    let open = RwSignal::new(
        ctx.review
            .with_untracked(|r| validate::criteria(r).iter().any(|e| e.field == group_id)),
    );
    let change = crate::components::change_word();
    let folded_line = move || {
        criterion.with(|c| {
            c.as_ref().map(|c| {
                let names: Vec<String> = ctx.review.with(|r| {
                    c.agreed_by
                        .iter()
                        .filter_map(|pid| r.participant(pid))
                        .map(review_core::words::called)
                        .collect()
                });
                tr!(
                    "{what}. Agreed by {list}.",
                    what = c.scale.label(),
                    list = review_core::words::and_list(&names)
                )
            })
        })
    };
    let easy = easy_read();
    let easy_words = move || {
        easy.get()
            .then(|| criterion.with(|c| c.as_ref().map(EasyWords::of)))
            .flatten()
    };
    view! {
        <li class="app-card">
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s" id=heading_id dir="auto">
                    {move || criterion.with(|c| c.as_ref().map(|c| review_core::i18n::seed(&c.wording)).unwrap_or_default())}
                </h3>
                <p class="app-hint app-u-mb-0">
                    {move || criterion.with(|c| c.as_ref().map(|c| {
                        match c.source { CriterionSource::Library { .. } => tr!("From our list"), CriterionSource::Custom => tr!("Added by you") }
                    }).unwrap_or_default())}
                </p>
                <button type="button" class="app-button app-button--secondary app-u-mb-0"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=body_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { tr!("Close") } else { change.get().to_string() }}
                    <span class="app-visually-hidden">{move || criterion.with(|c| c.as_ref().map(|c| format!(" {}", tr!("“{text}”", text = review_core::i18n::seed(&c.wording)))).unwrap_or_default())}</span>
                </button>
            </div>
            <Show when=move || !open.get()>
                <p class="app-body app-card__summary">{folded_line}</p>
            </Show>
            <div class="app-card__body" id=body_id.clone() hidden=move || !open.get()>
                {move || easy_words().map(|words| view! { <EasyReadBox words=words /> })}
                <Radios easy="criteria.scale" id=format!("criterion-{id}-scale") legend={tr!("How will people rate it?")}
                    choices=Choice::list(&Scale::ALL, Scale::key, Scale::label)
                    value=Signal::derive(move || criterion.with(|c| c.as_ref().map(|c| c.scale)))
                    on_change=set_scale />
                {move || {
                    let people = present.get();
                    if people.is_empty() {
                        return view! { <p class="app-body">{tr!("Add who is here first, so they can agree.")}</p> }.into_any();
                    }
                    let choices = people.iter().map(|(pid, name)| Choice::new(pid.clone(), pid, name).easy(name.clone(), review_core::easy::Sym::Person)).collect();
                    view! {
                        <Checkboxes easy="criteria.agreed-by" id=group_id.clone() legend={tr!("Who agrees to look at this?")}
                            hint={tr!("Changing the wording or the scale asks everyone again.")}
                            choices=choices
                            value=Signal::derive(move || criterion.with(|c| c.as_ref().map(|c| c.agreed_by.clone()).unwrap_or_default()))
                            error=errors.for_field(group_id.clone())
                            on_toggle=agree />
                    }.into_any()
                }}
            </div>
            <Editable>
                <div class="app-card__actions" hidden=move || !open.get()>
                    <button type="button" class="app-button app-button--secondary"
                        id=format!("remove-criterion-{id3}")
                        on:click={
                            let id3 = id3.clone();
                            move |_| {
                                let what = criterion.with_untracked(|c| c.as_ref().map(|c| tr!("“{text}”", text = review_core::i18n::seed(&c.wording))).unwrap_or_default());
                                crate::components::remove_from(ctx, &format!("remove-criterion-{id3}"),
                                    Command::RemoveCriterion { id: id3.clone() },
                                    what,
                                );
                            }
                        }>
                        {tr!("Remove")} <span class="app-visually-hidden">" "{tr!("this criterion")}</span>
                    </button>
                </div>
            </Editable>
        </li>
    }
}
