//! The points someone who does not agree chooses at sign-off (P23): rows of
//! the check page as they were shown to them, each with why they do not
//! agree with it (`review_core::check::rows_to_disagree_with`).

use crate::components::{focus_by_id, Select, TextArea};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::check::rows_to_disagree_with;
use review_core::signoff::{form, point_why_field, DisagreedPoint};

/// One point chosen: the row as shown, and why, typed (its own signal, so
/// typing never redraws the list).
#[derive(Clone)]
pub(super) struct Chosen {
    point: DisagreedPoint,
    why: RwSignal<String>,
}

/// The points as the form holds them, with what each says of why.
pub(super) fn points_of(chosen: &[Chosen]) -> Vec<DisagreedPoint> {
    chosen
        .iter()
        .map(|c| DisagreedPoint {
            why: c.why.get(),
            ..c.point.clone()
        })
        .collect()
}

/// "What do they not agree with?": a list to choose a row from, and each
/// row chosen with why.
#[component]
pub(super) fn DisagreedPoints(
    /// Whose sign-off it is ("Tom Khan").
    name: String,
    /// The points chosen so far.
    chosen: RwSignal<Vec<Chosen>>,
    /// The sign-off form's errors (each point's why).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    // The rows as the check page shows them to the person signing now.
    let rows = ctx.review.with_untracked(rows_to_disagree_with);
    let options = {
        let rows = rows.clone();
        Signal::derive(move || {
            let taken: Vec<DisagreedPoint> =
                chosen.with(|c| c.iter().map(|c| c.point.clone()).collect());
            std::iter::once((
                String::new(),
                "Choose something from the review".to_string(),
            ))
            .chain(
                rows.iter()
                    .enumerate()
                    .filter(|(_, r)| !taken.contains(r))
                    .map(|(i, r)| (i.to_string(), format!("{}: {}", r.part.title(), r.about))),
            )
            .collect::<Vec<_>>()
        })
    };
    // What the list shows: back to "Choose…" once a row is taken from it.
    let picked = RwSignal::new(String::new());
    let add = Callback::new(move |key: String| {
        picked.set(key.clone());
        let Some(row) = key.parse::<usize>().ok().and_then(|i| rows.get(i)) else {
            return;
        };
        let at = chosen.with_untracked(Vec::len);
        chosen.update(|c| {
            c.push(Chosen {
                point: row.clone(),
                why: RwSignal::new(String::new()),
            })
        });
        request_animation_frame(move || {
            picked.set(String::new());
            focus_by_id(&point_why_field(at));
        });
    });
    let remove = move |at: usize| {
        chosen.update(|c| {
            if at < c.len() {
                c.remove(at);
            }
        });
        request_animation_frame(|| focus_by_id(form::POINT));
    };
    view! {
        <div class="app-form-group">
            <h3 class="app-heading-m">{format!("What does {name} not agree with?")}</h3>
            <p class="app-hint">
                "Choose each thing from the review they do not agree with, and say why. You can choose more than one."
            </p>
            <ul class="app-list app-stack">
                {move || chosen.get().into_iter().enumerate().map(|(at, c)| {
                    let field = point_why_field(at);
                    let about = c.point.about.clone();
                    let why = c.why;
                    view! {
                        <li class="app-card">
                            <div class="app-card__header">
                                <h4 class="app-card__title">{format!("{}: {}", c.point.part.title(), about)}</h4>
                            </div>
                            <div class="app-card__body">
                                <p class="app-body">{format!("The review says: {}", c.point.said)}</p>
                                <TextArea easy="sign.point-why" id=field.clone() label=format!("Why do they not agree with \u{201c}{about}\u{201d}?")
                                    value=why rows=2 error=errors.for_field(field)
                                    on_input=Callback::new(move |v| why.set(v)) />
                                <div class="app-card__actions">
                                    <button type="button" class="app-button app-button--secondary" on:click=move |_| remove(at)>
                                        "Remove" <span class="app-visually-hidden">{format!(" \u{201c}{about}\u{201d}")}</span>
                                    </button>
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Select easy="sign.point" id=form::POINT label="Add something they do not agree with" options=options
                value=picked on_change=add />
        </div>
    }
}
