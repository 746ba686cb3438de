//! The points someone who does not agree chooses at sign-off (P23): rows of
//! the check page as they were shown to them, each with why they do not
//! agree with it (`review_core::check::rows_to_disagree_with`).

use crate::components::{focus_by_id, Select, TextArea};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::check::rows_to_disagree_with;
use review_core::field_errors::FieldError;
use review_core::signoff::{form, point_why_field, point_why_missing, DisagreedPoint};
use review_core::tr;

/// One point chosen: the row as shown, and why, typed (its own signal, so
/// typing never redraws the list).
#[derive(Clone)]
pub(super) struct Chosen {
    /// As the record keeps it: in English, whatever the screens speak.
    point: DisagreedPoint,
    /// As the person signing saw it, in the language in use.
    shown: DisagreedPoint,
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
    // The rows as the check page shows them to the person signing now, and
    // the same rows in English, as the signed record keeps them.
    let shown = ctx.review.with_untracked(rows_to_disagree_with);
    let rows = ctx
        .review
        .with_untracked(|r| review_core::i18n::with_catalogue(None, || rows_to_disagree_with(r)));
    let options = {
        let (rows, shown) = (rows.clone(), shown.clone());
        Signal::derive(move || {
            let taken: Vec<DisagreedPoint> =
                chosen.with(|c| c.iter().map(|c| c.point.clone()).collect());
            std::iter::once((String::new(), tr!("Choose something from the review")))
                .chain(
                    rows.iter()
                        .zip(&shown)
                        .enumerate()
                        .filter(|(_, (r, _))| !taken.contains(r))
                        .map(|(i, (_, s))| {
                            (
                                i.to_string(),
                                tr!("{part}: {about}", part = s.part.title(), about = s.about),
                            )
                        }),
                )
                .collect::<Vec<_>>()
        })
    };
    // What the list shows: back to "Choose…" once a row is taken from it.
    let picked = RwSignal::new(String::new());
    let add = Callback::new(move |key: String| {
        picked.set(key.clone());
        let Some((row, seen)) = key
            .parse::<usize>()
            .ok()
            .and_then(|i| rows.get(i).zip(shown.get(i)))
        else {
            return;
        };
        let at = chosen.with_untracked(Vec::len);
        chosen.update(|c| {
            c.push(Chosen {
                point: row.clone(),
                shown: seen.clone(),
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
            <h3 class="app-heading-m">{tr!("What does {name} not agree with?", name = name)}</h3>
            <p class="app-hint">
                {tr!("Choose each thing from the review they do not agree with, and say why. You can choose more than one.")}
            </p>
            <ul class="app-list app-stack">
                {move || chosen.get().into_iter().enumerate().map(|(at, c)| {
                    let field = point_why_field(at);
                    let about = c.shown.about.clone();
                    let why = c.why;
                    view! {
                        <li class="app-card">
                            <div class="app-card__header">
                                <h4 class="app-card__title">{tr!("{part}: {about}", part = c.shown.part.title(), about = about.clone())}</h4>
                            </div>
                            <div class="app-card__body">
                                <p class="app-body">{tr!("The review says: {said}", said = c.shown.said)}</p>
                                <TextArea easy="sign.point-why" id=field.clone() label=tr!("Why do they not agree with “{about}”?", about = about)
                                    value=why rows=2 error=errors.for_field(field)
                                    on_input=Callback::new(move |v| why.set(v)) />
                                <div class="app-card__actions">
                                    <button type="button" class="app-button app-button--secondary" on:click=move |_| remove(at)>
                                        {tr!("Remove")} <span class="app-visually-hidden">" "{tr!("“{text}”", text = about.clone())}</span>
                                    </button>
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Select easy="sign.point" id=form::POINT label={tr!("Add something they do not agree with")} options=options
                value=picked on_change=add />
        </div>
    }
}

/// The record names each point in English (`Chosen::point`); its message on
/// the screen names it as the person signing was shown it.
pub(super) fn named_as_shown(errors: &mut [FieldError], chosen: &[Chosen]) {
    for (at, c) in chosen.iter().enumerate() {
        let field = point_why_field(at);
        if let Some(e) = errors.iter_mut().find(|e| e.field == field) {
            e.message = point_why_missing(c.shown.about.trim());
        }
    }
}
