//! A list of points about a service (how it helps, what was difficult, what
//! needs to change): each point its own text with who said it, one more
//! added on request, any removed. The first field is always there, so a
//! list with nothing in it yet reads as a plain question.

use super::fields::{Select, TextArea};
use super::focus::focus_by_id;
use super::submit::SecondaryAction;
use super::visibility::VisibilityChoice;
use crate::browser::clock;
use crate::state::use_review;
use leptos::prelude::*;
use review_core::tr;
use review_core::validate::ids;
use review_core::{Command, Remark, ResourceList, Speaker};

/// The points of one of a service's lists.
#[component]
pub fn ResourceRemarks(
    /// The service's id.
    #[prop(into)]
    resource: String,
    /// Which of its lists.
    list: ResourceList,
    /// The question, the first point's label.
    #[prop(into)]
    label: String,
    /// Help text under the question.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The error for the list (shown by the first point).
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let ctx = use_review();
    let rid = resource.clone();
    let remarks = ctx.select(move |r| {
        r.resources
            .iter()
            .find(|x| x.id == rid)
            .map(|x| x.remarks(list).to_vec())
            .unwrap_or_default()
    });
    // The first field shows even before anything is written in it.
    let rows = Memo::new(move |_| remarks.with(|r| r.len().max(1)));
    let list_id = ids::resource(&resource, list.key());
    let add_id = format!("{list_id}-add");
    let hidden_label = format!(" {}", tr!("to: {label}", label = label));
    let add = {
        let resource = resource.clone();
        move |_| {
            let id = clock::new_id();
            ctx.send(Command::AddResourceRemark {
                resource: resource.clone(),
                list,
                id: id.clone(),
            });
            let at = remarks.with_untracked(Vec::len).saturating_sub(1);
            let field = field_id(&list_id_of(&resource, list), at, &id);
            request_animation_frame(move || focus_by_id(&field));
        }
    };
    view! {
        <div class="app-remarks">
            <For each=move || 0..rows.get() key=|i| *i let:at>
                <RemarkRow resource=resource.clone() list=list at=at remarks=remarks
                    label=label.clone() hint=hint.clone().filter(|_| at == 0)
                    error=Signal::derive(move || if at == 0 { error.get() } else { None }) />
            </For>
            <SecondaryAction id=add_id on_press=Callback::new(add)>
                {tr!("Add another point")}
                <span class="app-visually-hidden">{hidden_label}</span>
            </SecondaryAction>
        </div>
    }
}

fn list_id_of(resource: &str, list: ResourceList) -> String {
    ids::resource(resource, list.key())
}

/// The first point's field has the list's id (the core's validation points
/// there); the others their own.
fn field_id(list_id: &str, at: usize, remark: &str) -> String {
    if at == 0 {
        list_id.to_string()
    } else {
        format!("remark-{remark}")
    }
}

/// One point: its words, who said it, and Remove (when there is more than
/// the first field to remove).
#[component]
fn RemarkRow(
    resource: String,
    list: ResourceList,
    at: usize,
    remarks: Memo<Vec<Remark>>,
    label: String,
    hint: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let ctx = use_review();
    let remark = Memo::new(move |_| remarks.with(|r| r.get(at).cloned()));
    let list_id = list_id_of(&resource, list);
    // Position-keyed, so the field under the cursor is the same element when
    // the first keystroke turns "nothing yet" into a point.
    let id = Memo::new({
        let list_id = list_id.clone();
        move |_| remark.with(|r| field_id(&list_id, at, r.as_ref().map_or("", |r| r.id.as_str())))
    });
    let text = Signal::derive(move || {
        remark.with(|r| r.as_ref().map(|r| r.text.clone()).unwrap_or_default())
    });
    let point_id = Memo::new(move |_| remark.with(|r| r.as_ref().map(|r| r.id.clone())));
    let said_by = Signal::derive(move || {
        remark.with(|r| r.as_ref().map(|r| r.said_by.clone()).unwrap_or_default())
    });
    let write = {
        let resource = resource.clone();
        move |text: String, said_by: Speaker| {
            let id = match remark.get_untracked() {
                Some(r) => r.id,
                None => {
                    let id = clock::new_id();
                    ctx.send(Command::AddResourceRemark {
                        resource: resource.clone(),
                        list,
                        id: id.clone(),
                    });
                    id
                }
            };
            ctx.send(Command::SetRemark { id, text, said_by });
        }
    };
    let on_text = {
        let write = write.clone();
        Callback::new(move |text: String| {
            let said_by = match remark.get_untracked() {
                Some(r) => r.said_by,
                None => ctx.review.with_untracked(|r| r.default_speaker()),
            };
            write(text, said_by)
        })
    };
    let on_speaker = Callback::new(move |key: String| {
        if let Some(speaker) = Speaker::from_key(&key) {
            write(text.get_untracked(), speaker);
        }
    });
    let options = Signal::derive(move || {
        let current = said_by.get();
        ctx.review.with(|r| r.speaker_options(&current))
    });
    let speaker_key = Signal::derive(move || said_by.with(Speaker::key));
    let label = if at == 0 {
        label
    } else {
        tr!("{list}: point {n}", list = list.label(), n = at + 1)
    };
    let removable =
        move || remarks.with(|r| r.len() > 1 || (at == 0 && r.len() == 1 && !r[0].text.is_empty()));
    let remove = {
        let add_id = format!("{list_id}-add");
        move |_| {
            let Some(r) = remark.get_untracked() else {
                return;
            };
            let what = if r.text.trim().is_empty() {
                tr!(
                    "point {n} of {list}",
                    n = at + 1,
                    list = review_core::words::lower_first(&list.label())
                )
            } else {
                tr!("the point “{text}”", text = r.text.trim())
            };
            if !ctx.send_removal(Command::RemoveRemark { id: r.id }, what) {
                return;
            }
            // Focus stays in the list: on the point now in this place, or on
            // the button that adds one.
            let next = remarks
                .with_untracked(|r| r.get(at).map(|n| field_id(&list_id, at, &n.id)))
                .unwrap_or_else(|| add_id.clone());
            request_animation_frame(move || focus_by_id(&next));
        }
    };
    view! {
        <div class="app-remarks__item">
            {move || {
                let id = id.get();
                let easy = match list {
                    ResourceList::Benefits => "services.benefits",
                    ResourceList::Difficulties => "services.difficulties",
                    ResourceList::Changes => "services.changes",
                };
                let field = match hint.clone() {
                    Some(hint) => view! {
                        <TextArea easy=easy id=id.clone() label=label.clone() hint=hint value=text error=error
                            on_input=on_text rows=2 />
                    }
                    .into_any(),
                    None => view! {
                        <TextArea easy=easy id=id.clone() label=label.clone() value=text error=error
                            on_input=on_text rows=2 />
                    }
                    .into_any(),
                };
                view! {
                    {field}
                    <Select easy="services.said-by" id=format!("{id}-said-by") label={tr!("Who said this?")} options=options
                        value=speaker_key on_change=on_speaker />
                }
            }}
            // Once the point is there (its first letter typed), who may see it.
            {move || point_id.get().map(|item| view! { <VisibilityChoice item=item what={tr!("this point")} /> })}
            <Show when=removable>
                <button type="button" class="app-button app-button--secondary app-u-mb-0"
                    on:click=remove.clone()>
                    {tr!("Remove this point")}
                    <span class="app-visually-hidden">" "{move || tr!("“{text}”", text = text.get())}</span>
                </button>
            </Show>
        </div>
    }
}
