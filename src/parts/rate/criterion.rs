//! Rate one criterion (P19): everyone's own rating on big tiles, how each
//! view reached the meeting, the spread, what was said, or why it was not
//! discussed.

use crate::browser::clock;
use crate::components::SecondaryAction;
use crate::components::{
    easy_read, focus_by_id, Choice, EasyReadBox, EasyWords, Editable, NotInReview, Page,
    PersonChoice, Radios, ReadAloud, TextArea, VisibilityChoice,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use review_core::progress::Part;
use review_core::rating::{
    asks_channel, channel_hint, channel_options, speech_for, spread_in_words, who_chose_what,
};
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::words::called;
use review_core::{Command, Person, RatingChannel, Role, ScalePoint};

/// One criterion at a time (P19): everyone's own rating, how each view
/// reached the meeting, the spread, what was said, or why it was not discussed.
#[component]
pub fn RateCriterion() -> impl IntoView {
    let params = use_params_map();
    let cid = Memo::new(move |_| params.with(|p| p.get("cid").unwrap_or_default()));
    // The router keeps this view when only `:cid` changes ("Next criterion"),
    // so the screen is built afresh for each criterion: its own errors, and
    // focus on its heading.
    move || view! { <CriterionScreen cid=cid.get() /> }
}

/// Whose turn it is: the first two raters still to rate, as (name, role).
#[derive(Clone, Debug, PartialEq)]
struct Turn {
    now: Option<(String, String)>,
    then: Option<(String, String)>,
    has_raters: bool,
}

#[component]
fn CriterionScreen(
    /// The criterion's id, from the address.
    cid: String,
) -> impl IntoView {
    let ctx = use_review();
    let overview = ctx.part_path(Part::Ratings);
    let c = cid.clone();
    let criterion = ctx.select(move |r| r.criterion(&c).cloned());
    let Some(initial) = criterion.get_untracked() else {
        return view! {
            <NotInReview title={tr!("This is not in the review")}
                why={tr!("It may have been removed from what the review looks at.")}
                back=overview back_text={tr!("Back to all criteria")} />
        }
        .into_any();
    };
    let c = cid.clone();
    let errors = PageErrors::new(ctx.select(move |r| {
        r.criterion(&c)
            .map(|c| validate::criterion_review(r, c))
            .unwrap_or_default()
    }));
    let c = cid.clone();
    let (number, total, next_id) = ctx.review.with_untracked(|r| {
        let i = r.criteria.iter().position(|x| x.id == c).unwrap_or(0);
        (
            i + 1,
            r.criteria.len(),
            r.criteria.get(i + 1).map(|x| x.id.clone()),
        )
    });
    let c = cid.clone();
    let raters = ctx.select(move |r| {
        if r.criterion(&c).is_none() {
            return Vec::new();
        }
        r.raters().map(|p| p.id.clone()).collect::<Vec<_>>()
    });
    let c = cid.clone();
    let turn = ctx.select(move |r| {
        let mut waiting = r
            .raters()
            .filter(|p| r.rating(&c, &p.id).is_none())
            .map(|p| (p.short_name(), p.role.noun()));
        Turn {
            now: waiting.next(),
            then: waiting.next(),
            has_raters: r.raters().next().is_some(),
        }
    });
    let c = cid.clone();
    let not_discussed = ctx.select(move |r| {
        r.criterion_review(&c)
            .and_then(|cr| cr.not_discussed.clone())
    });
    let c = cid.clone();
    let any_rated = ctx.select(move |r| {
        r.criterion_review(&c)
            .is_some_and(|cr| !cr.ratings.is_empty())
    });
    let c = cid.clone();
    let notes = ctx.select(move |r| {
        r.criterion_review(&c)
            .map(|cr| cr.evidence.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let reason_id = ids::not_discussed_reason(&cid);
    let c = cid.clone();
    let focus_reason = reason_id.clone();
    let mark_not_discussed = Callback::new(move |()| {
        if ctx
            .dispatch(Command::SetNotDiscussed {
                criterion: c.clone(),
                reason: Some(String::new()),
            })
            .is_ok()
        {
            let id = focus_reason.clone();
            request_animation_frame(move || focus_by_id(&id));
        }
    });
    let c = cid.clone();
    let discussed_after_all = Callback::new(move |()| {
        ctx.send(Command::SetNotDiscussed {
            criterion: c.clone(),
            reason: None,
        })
    });
    let c = cid.clone();
    let set_reason = Callback::new(move |reason: String| {
        ctx.send(Command::SetNotDiscussed {
            criterion: c.clone(),
            reason: Some(reason),
        })
    });
    let c = cid.clone();
    let add_note = move |_| {
        let id = clock::new_id();
        if ctx
            .dispatch(Command::AddEvidence {
                id: id.clone(),
                criterion: c.clone(),
            })
            .is_ok()
        {
            request_animation_frame(move || focus_by_id(&ids::evidence(&id, "text")));
        }
    };
    let navigate = use_navigate();
    let next_path = next_id
        .as_ref()
        .map(|id| ctx.path(&format!("rate/{id}")))
        .unwrap_or_else(|| overview.clone());
    let next = move |_| {
        if errors.submit() {
            navigate(&next_path, Default::default());
        }
    };
    let next_text = if next_id.is_some() {
        tr!("Next criterion")
    } else {
        tr!("Continue")
    };
    let c = cid.clone();
    let spread_view = ctx.select(move |r| {
        r.criterion(&c).map(|crit| {
            let points = who_chose_what(r, crit);
            let any = points.iter().any(|(_, who)| !who.is_empty());
            (spread_in_words(r, crit), any, points)
        })
    });
    let title = review_core::i18n::seed(initial.wording.trim());
    let lead = review_core::i18n::seed(initial.easy_read.trim());
    let easy_words = EasyWords::of(&initial);
    let easy = easy_read();
    // What "Read aloud" says: the thing being rated (in easy read, its short
    // sentence) and the choices on the tiles, in their words.
    let speech = {
        let (title, short) = (title.clone(), easy_words.sentence.clone());
        Signal::derive(move || {
            let what = if easy.get() {
                short.clone()
            } else {
                title.clone()
            };
            let choices: Vec<String> = criterion.with(|c| {
                c.as_ref()
                    .map(|c| c.scale.choices().iter().map(|p| p.label()).collect())
                    .unwrap_or_default()
            });
            vec![crate::components::Spoken::said(speech_for(&what, &choices))]
        })
    };
    let reason_value = Signal::derive(move || not_discussed.get().unwrap_or_default());
    view! {
        <Page back=overview.clone() back_text={tr!("Back to all criteria")} title=title title_dir="auto" doc_title=tr!("How it is going: criterion {number} of {total}", number = number, total = total)
            caption=tr!("The review · {number} of {total}", number = number, total = total) about=&["P19"]
            errors=errors>
            {move || if easy.get() {
                view! { <EasyReadBox words=easy_words.clone() /> }.into_any()
            } else {
                (!lead.is_empty()).then(|| view! {
                    <p class="app-body-l"><span class="app-visually-hidden">{tr!("Easy read:")}" "</span>{lead.clone()}</p>
                }).into_any()
            }}
            <Show
                when=move || not_discussed.with(Option::is_none)
                fallback=move || {
                    let reason_id = reason_id.clone();
                    view! {
                        <div class="app-inset-text">
                            <p class="app-body">{tr!("This was not discussed today, so nobody is asked for a rating.")}</p>
                        </div>
                        <TextArea easy="rate.not-discussed" id=reason_id.clone() label={tr!("Why was it not discussed?")}
                            hint={tr!("For example: there was not enough time, or the carer did not want to talk about it today.")}
                            value=reason_value error=errors.for_field(reason_id) rows=3 on_input=set_reason />
                        <Editable>
                            <SecondaryAction on_press=discussed_after_all>{tr!("It was discussed after all")}</SecondaryAction>
                        </Editable>
                    }
                }
            >
                // Whose turn it is, and Read aloud beside it; how to rate
                // on one line: the first person's faces start on the first
                // screen (issue 26).
                <div class="app-turn-banner app-turn-banner--with-action app-raters__turn">
                    <p class="app-turn-banner__text app-turn-banner__text--split" role="status">
                        {move || {
                            let t = turn.get();
                            match t.now {
                                Some((name, noun)) => view! {
                                    <span>
                                        <span class="app-turn-banner__label">{tr!("Now:")}" "</span>
                                        {crate::components::name_and_role(name, noun, true)}
                                    </span>
                                    {t.then.map(|(name, noun)| view! {
                                        <span class="app-turn-banner__next">{tr!("Then: {name}, {noun}", name = name, noun = noun)}</span>
                                    })}
                                }.into_any(),
                                None if t.has_raters => view! { {tr!("Everyone has given their rating.")} }.into_any(),
                                None => view! { {tr!("Nobody taking part gives a rating.")} }.into_any(),
                            }
                        }}
                    </p>
                    <ReadAloud text=speech only_with_voice=true />
                </div>
                <p class="app-body app-raters__how">
                    {move || if easy.get() {
                        tr!("Everyone has a turn. Tap the face that shows what you think.")
                    } else {
                        tr!("Each person in turn taps the face that matches what they think.")
                    }}
                </p>
                // Each person's rating under a line, but the first: their
                // faces start on the first screen.
                <div class="app-raters">
                    <For each=move || raters.get() key=|id| id.clone()
                        children={
                            let cid = cid.clone();
                            move |pid| view! { <RaterRating criterion=cid.clone() participant=pid errors=errors /> }
                        } />
                </div>
                <h2 class="app-heading-m">{tr!("How the views compare")}</h2>
                {move || spread_view.get().map(|(words, any, points)| view! {
                    <p class="app-body">{words}</p>
                    {any.then(|| view! {
                        <dl class="app-summary-list">
                            {points.into_iter().map(|(label, who)| view! {
                                <div class="app-summary-list__row">
                                    <dt class="app-summary-list__key">{label}</dt>
                                    <dd class="app-summary-list__value">
                                        {if who.is_empty() { tr!("Nobody") } else { who.join(", ") }}
                                    </dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    })}
                })}
                <details class="app-details">
                    <summary class="app-details__summary">
                        <span class="app-details__summary-text">{tr!("Not discussing this today?")}</span>
                    </summary>
                    <div class="app-details__text">
                        <Show
                            when=move || any_rated.get()
                            fallback=move || {
                                view! {
                                    <p class="app-body">
                                        {tr!("If there was not enough time, or someone did not want to talk about it, record that and why.")}
                                    </p>
                                    <Editable>
                                        <button type="button" class="app-button app-button--secondary" on:click=move |_| mark_not_discussed.run(())>
                                            {tr!("Mark as not discussed")}
                                        </button>
                                    </Editable>
                                }
                            }
                        >
                            <p class="app-body">
                                {tr!("Ratings have been given for this. To mark it as not discussed, clear each rating first.")}
                            </p>
                        </Show>
                    </div>
                </details>
            </Show>
            <h2 class="app-heading-m">{tr!("What people said")}</h2>
            <p class="app-body">{tr!("Note what people say about this, and who said it.")}</p>
            <For each=move || notes.get() key=|id| id.clone()
                children=move |id| view! { <Note id=id errors=errors /> } />
            <Editable>
                <SecondaryAction on_press=Callback::new(add_note.clone())>{tr!("Add a note")}</SecondaryAction>
            </Editable>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=next>{next_text}</button>
                <A exact=true href=crate::href(overview) attr:class="app-link">{tr!("Back to all criteria")}</A>
            </div>
        </Page>
    }
    .into_any()
}

/// One person's own rating: a big tile per point of the scale (radios, so a
/// tap or the arrow keys choose), then how their view reached the meeting.
#[component]
fn RaterRating(
    /// The criterion being rated.
    criterion: String,
    /// The participant whose rating this is.
    participant: String,
    /// The page's errors (the rating of this person).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let (c, p) = (criterion.clone(), participant.clone());
    let scale = ctx.select(move |r| r.criterion(&c).map(|c| c.scale).unwrap_or_default());
    let (c, p2) = (criterion.clone(), participant.clone());
    let rating = ctx.select(move |r| r.rating(&c, &p2).cloned());
    let channels = ctx.select(move |r| {
        r.participant(&p)
            .filter(|p| asks_channel(p))
            .map(|person| (channel_options(r, person), channel_hint(r)))
    });
    let (legend, role) = ctx.review.with_untracked(|r| {
        r.participant(&participant)
            .map(|p| {
                (
                    review_core::words::capitalise(&tr!("{whose} rating", whose = review_core::words::possessive(p))),
                    match p.role {
                        Role::Worker => tr!("Social care worker: your own professional view, given after everyone else’s"),
                        role => role.label(),
                    },
                )
            })
            .unwrap_or_default()
    });
    let called = ctx
        .review
        .with_untracked(|r| r.participant(&participant).map(called).unwrap_or_default());
    // How the view reached the meeting is kept with the rating; asked once a
    // point is chosen, it is kept here while a rating is cleared and given again.
    let through =
        RwSignal::new(rating.with_untracked(|r| r.as_ref().and_then(|r| r.through.clone())));
    let (c, p) = (criterion.clone(), participant.clone());
    let set_point = Callback::new(move |point: ScalePoint| {
        ctx.send(Command::SetRating {
            criterion: c.clone(),
            participant: p.clone(),
            point: Some(point),
            through: through.get_untracked(),
        })
    });
    let (c, p) = (criterion.clone(), participant.clone());
    let set_through = Callback::new(move |channel: RatingChannel| {
        through.set(Some(channel.clone()));
        if let Some(point) = rating.with_untracked(|r| r.as_ref().map(|r| r.point)) {
            ctx.send(Command::SetRating {
                criterion: c.clone(),
                participant: p.clone(),
                point: Some(point),
                through: Some(channel),
            })
        }
    });
    let (c, p) = (criterion.clone(), participant.clone());
    let clear = move |_| {
        ctx.send(Command::SetRating {
            criterion: c.clone(),
            participant: p.clone(),
            point: None,
            through: None,
        })
    };
    let group = ids::rating(&criterion, &participant);
    let error = errors.for_field(group.clone());
    let locked = crate::state::read_only();
    let tiles = {
        let group = group.clone();
        move || {
            scale
                .get()
                .choices()
                .iter()
                .enumerate()
                .map(|(i, point)| {
                    let point = *point;
                    let id = if i == 0 {
                        group.clone()
                    } else {
                        format!("{group}-{}", point.key())
                    };
                    view! {
                        <div class="app-rating__item">
                            <input class="app-rating__input" type="radio" id=id.clone() name=group.clone()
                                value=point.key()
                                prop:checked=move || rating.with(|r| r.as_ref().map(|r| r.point) == Some(point))
                                disabled=move || locked.get()
                                on:change=move |_| set_point.run(point) />
                            <label class="app-rating__option" for=id.clone()>
                                <crate::components::Face mouth=review_core::readable::face_mouth(point) />
                                <span class="app-rating__text" id=format!("{id}-words")>{point.label()}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()
        }
    };
    let rated = Memo::new(move |_| rating.with(Option::is_some));
    let through_id = format!("{group}-through");
    let clear_name = called.clone();
    let answer_words = scale
        .get_untracked()
        .choices()
        .iter()
        .enumerate()
        .map(|(i, point)| crate::components::Words {
            standard: point.label().to_string(),
            easy: None,
            id: if i == 0 {
                format!("{group}-words")
            } else {
                format!("{group}-{}-words", point.key())
            },
        })
        .collect();
    view! {
        <hr class="app-section-break app-section-break--l app-section-break--visible" />
        {crate::components::question_frame(crate::components::Question {
            id: group.clone(),
            easy: Some(("rate.rating", called.clone()).into()),
            answer_words,
            legend,
            hint: Some(role.to_string()),
            error,
            answers: view! {
                <div class="app-rating">{tiles}</div>
                <super::last_time::LastTime criterion=criterion.clone() participant=participant.clone() />
            }
            .into_any(),
            after: view! {
                <Show when=move || rating.with(Option::is_some) && !locked.get()>
                    <div class="app-button-group">
                        <button type="button" class="app-button app-button--link-style" on:click=clear.clone()>
                            {tr!("Clear rating")} <span class="app-visually-hidden">" "{tr!("of {name}", name = clear_name.clone())}</span>
                        </button>
                    </div>
                </Show>
            }
            .into_any(),
        })}
        // How their view reached the meeting is asked once they have given it.
        {move || channels.get().filter(|_| rated.get()).map(|(options, hint)| {
            let legend = tr!("How did {called} give their view?", called = called);
            let value = Signal::derive(move || through.get());
            let choices = options.into_iter().map(|o| {
                        let symbol = review_core::easy::channel_symbol(&o.channel);
                        let words = o.words.clone();
                        Choice::new(o.channel, &o.key, &o.words).easy(words, symbol)
                    }).collect();
            view! {
                <Radios easy=("rate.through", called.clone()) id=through_id.clone() legend=legend hint=hint inline=true choices=choices value=value on_change=set_through />
            }
        })}
    }
}

/// Something said about the criterion, and who said it.
#[component]
fn Note(
    /// The note's id.
    id: String,
    /// The page's errors (the note's text and who said it).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let note = ctx.select_by(&id, move |r, nid| {
        r.criterion_reviews.values().find_map(|cr| {
            cr.evidence
                .iter()
                .position(|e| e.id == nid)
                .map(|i| (i + 1, cr.evidence[i].clone()))
        })
    });
    let number = Signal::derive(move || note.with(|n| n.as_ref().map(|n| n.0).unwrap_or(0)));
    let text = Signal::derive(move || {
        note.with(|n| n.as_ref().map(|n| n.1.text.clone()).unwrap_or_default())
    });
    let said_by =
        Signal::derive(move || note.with(|n| n.as_ref().and_then(|n| n.1.said_by.clone())));
    let nid = id.clone();
    let set_text = Callback::new(move |text: String| {
        ctx.send(Command::SetEvidence {
            id: nid.clone(),
            said_by: said_by.get_untracked(),
            text,
        })
    });
    let nid = id.clone();
    let set_who = Callback::new(move |who: Option<Person>| {
        ctx.send(Command::SetEvidence {
            id: nid.clone(),
            said_by: who,
            text: text.get_untracked(),
        })
    });
    let nid = id.clone();
    let remove_id = format!("remove-note-{id}");
    let remove = {
        let remove_id = remove_id.clone();
        move |_| {
            let what = tr!("note {n}", n = number.get_untracked());
            crate::components::remove_from(
                ctx,
                &remove_id,
                Command::RemoveEvidence { id: nid.clone() },
                what,
            );
        }
    };
    view! {
        <div class="app-card">
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s">{move || tr!("Note {n}", n = number.get())}</h3>
            </div>
            <div class="app-card__body">
                <TextArea easy="rate.note" id=ids::evidence(&id, "text") label={tr!("What was said")}
                    value=text error=errors.for_field(ids::evidence(&id, "text")) rows=3 on_input=set_text />
                <PersonChoice easy="rate.said-by" id=ids::evidence(&id, "said-by") legend={tr!("Who said it?")}
                    value=said_by error=errors.for_field(ids::evidence(&id, "said-by"))
                    name_error=errors.for_field(ids::evidence(&id, "said-by-name")) on_change=set_who />
                <VisibilityChoice item=id.clone() what={tr!("this note")} />
            </div>
            <Editable>
                <div class="app-card__actions">
                    <button type="button" class="app-button app-button--secondary" id=remove_id.clone() on:click=remove.clone()>
                        {move || tr!("Remove note {get}", get = number.get())}
                    </button>
                </div>
            </Editable>
        </div>
    }
}
