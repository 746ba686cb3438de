//! A private turn (issue 23): the carer, or the person cared for with their
//! advocate, answers on their own. The worker starts it from the task list
//! (`/review/:id/private`); from then until the worker takes the tablet back,
//! every address of the app shows only this: the person's own questions (their
//! own words on each criterion still discussed), nothing of anyone else's. The
//! rest of the meeting is not hidden but never made, so it is not in the page
//! at all. Which turn is on is kept on the device (`storage::private_turn`),
//! so a reload, Back or a typed address lands here again. Handing back takes
//! a deliberate tap and shows a neutral screen first, with nothing typed on
//! it. The rules (who, what is asked, who may see it) are the core's
//! (`review_core::private_turn`).

use super::shell::{open_review, Frame};
use crate::browser::{clock, storage};
use crate::components::SecondaryAction;
use crate::components::{focus_by_id, Choice, Page, Problem, Radios, TextArea, VisibilityChoice};
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::private_turn::{self, PrivateTurn};
use review_core::tr;
use review_core::validate::ids;
use review_core::{Command, Participant, Person, Role};
use wasm_bindgen::JsValue;

/// Everything the app shows while a private turn is on, at any address.
#[component]
pub fn PrivateTurnRoot(
    /// The turn, as this device keeps it.
    turn: PrivateTurn,
) -> impl IntoView {
    match crate::saving::load(&turn.review) {
        Ok(Some(opened)) => {
            // The screens are in the language chosen for them (issue 30)
            // until the tablet is handed back.
            let lang = opened
                .review
                .participant(&turn.who)
                .and_then(|p| p.support.screen_language);
            crate::browser::language::follow(lang, use_context::<crate::state::Remake>());
            open_review(
                opened,
                Frame::PrivateTurn,
                Box::new(move || view! { <TurnScreens turn=turn /> }.into_any()),
            )
        }
        // Removed or unreadable since: the turn is over, and the app shows
        // what is at the address.
        _ => {
            let _ = keep(None, true);
            ().into_any()
        }
    }
}

/// Their questions, or (once they have finished) the neutral hand-back.
#[component]
fn TurnScreens(turn: PrivateTurn) -> impl IntoView {
    let handing_back = RwSignal::new(turn.handing_back);
    let turn = StoredValue::new(turn);
    // Finished (`true`), or not finished after all: kept on the device, so
    // a reload shows the same screen.
    let set = Callback::new(move |done: bool| {
        let next = PrivateTurn {
            handing_back: done,
            ..turn.get_value()
        };
        keep(Some(next), false)
            .map(|()| handing_back.set(done))
            .err()
    });
    move || {
        if handing_back.get() {
            view! { <HandBack set=set /> }.into_any()
        } else {
            view! { <OwnQuestions who=turn.get_value().who set=set /> }.into_any()
        }
    }
}

/// Keep the turn on the device (`None`: it is over). When it starts or
/// ends (`remake`), the app is made afresh (storing what the review has
/// waiting first), so the screens of one never exist in the other.
fn keep(turn: Option<PrivateTurn>, remake: bool) -> Result<(), String> {
    match &turn {
        Some(t) => storage::save_private_turn(t),
        None => storage::end_private_turn(),
    }
    .map_err(|e| tr!("This tablet could not keep that: {why}.", why = e))?;
    if remake {
        crate::state::remake_app();
    }
    Ok(())
}

/// The worker's id and name ("the worker" while they have none).
fn worker_name(r: &review_core::Review) -> (Option<String>, String) {
    let worker = r.participants_with(Role::Worker).next();
    (
        worker.map(|p| p.id.clone()),
        worker
            .map(Participant::short_name)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| tr!("the worker")),
    )
}

/// The person's own questions, and "I have finished".
#[component]
fn OwnQuestions(
    /// The participant whose turn it is.
    who: String,
    /// Marks the turn finished; gives back why it could not.
    set: Callback<bool, Option<String>>,
) -> impl IntoView {
    let ctx = use_review();
    // What is asked stays the same through the turn: nothing else can be
    // changed while it is on.
    let (name, kept_from, plan, asked, helpers) = ctx.review.with_untracked(|r| {
        let me = r.participant(&who);
        let role = me.map(|p| p.role).unwrap_or(Role::Carer);
        let other = match role {
            Role::Individual => r.carer(),
            _ => r.individual(),
        }
        .map(Participant::short_name);
        let plan = (role == Role::Carer)
            .then(|| private_turn::plan_in_words(&r.process.private_plan))
            .flatten();
        let helpers: Vec<String> = private_turn::beside(r, &who)
            .into_iter()
            .map(Participant::short_name)
            .collect();
        (
            me.map(Participant::short_name).unwrap_or_default(),
            other,
            plan,
            private_turn::questions(r, &who),
            match helpers.len() {
                0 => None,
                1 => Some(tr!(
                    "{helpers}, your advocate, can stay with you and help you say what you want.",
                    helpers = helpers[0]
                )),
                _ => Some(tr!(
                    "{list}, your advocates, can stay with you and help you say what you want.",
                    list = review_core::words::and_list(&helpers)
                )),
            },
        )
    });
    let problem = RwSignal::new(None::<String>);
    let finished = move |_| {
        crate::saving::flush();
        problem.set(set.run(true));
    };
    let kept = match kept_from {
        Some(other) => tr!("What you write here is kept out of {other}’s copy of the summary, unless you choose otherwise on what you said. The worker and the records keep it.", other = other),
        None => tr!("What you write here is kept out of the other person’s copy of the summary, unless you choose otherwise on what you said."),
    };
    let none = asked.is_empty();
    view! {
        <Page title=tr!("Your time on your own, {name}", name = name) doc_title={tr!("Time on your own")}
            caption={tr!("The review · time on your own")}>
            <div class="app-inset-text">
                <p class="app-body">{tr!("Only your own questions are on this screen. Nobody else’s answers are here.")}</p>
                <p class="app-body">{kept}</p>
                {plan.map(|plan| view! { <p class="app-body">{tr!("Planned: {plan}.", plan = plan)}</p> })}
                {helpers.map(|words| view! { <p class="app-body">{words}</p> })}
            </div>
            {none.then(|| view! {
                <p class="app-body">{tr!("No criteria are being discussed yet, so there is nothing to ask you here. Hand the tablet back when you are ready.")}</p>
            })}
            {asked.into_iter().map(|q| view! { <Question question=q who=who.clone() /> }).collect_view()}
            <h2 class="app-heading-m">{tr!("When you have finished")}</h2>
            <p class="app-body">{tr!("What you write is saved as you type. The next screen shows none of it, so you can pass the tablet back.")}</p>
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button" id="private-turn-finished" on:click=finished>
                    {tr!("I have finished: hand the tablet back")}
                </button>
            </div>
        </Page>
    }
}

/// One criterion: what they have said about it, and room to say more.
#[component]
fn Question(
    question: private_turn::Question,
    /// The participant whose turn it is.
    who: String,
) -> impl IntoView {
    let ctx = use_review();
    let criterion = question.criterion.clone();
    let (c, w) = (criterion.clone(), who.clone());
    let notes = ctx.select(move |r| private_turn::own_notes(r, &c, &w));
    let heading_id = format!("private-{criterion}");
    let wording = question.wording.clone();
    let labelled = heading_id.clone();
    let by = who.clone();
    let add = move |_| {
        let id = clock::new_id();
        if ctx
            .dispatch(Command::AddOwnNote {
                id: id.clone(),
                criterion: criterion.clone(),
                by: by.clone(),
            })
            .is_ok()
        {
            request_animation_frame(move || focus_by_id(&ids::evidence(&id, "text")));
        }
    };
    // Made afresh when a note comes or goes (not as one is typed): the new
    // one takes focus.
    let list = move || {
        notes
            .get()
            .into_iter()
            .map(|id| view! { <OwnNote id=id who=who.clone() /> })
            .collect_view()
    };
    view! {
        <section class="app-private-question" aria-labelledby=labelled>
            <h2 class="app-heading-m" id=heading_id>{question.wording}</h2>
            {(!question.easy_read.is_empty()).then(|| view! {
                <p class="app-body-l"><span class="app-visually-hidden">{tr!("Easy read:")}" "</span>{question.easy_read}</p>
            })}
            {list}
            <SecondaryAction on_press=Callback::new(add)>
                {move || if notes.with(Vec::is_empty) { tr!("Say something about this") } else { tr!("Say something more about this") }}
                <span class="app-visually-hidden">{format!(" “{wording}”")}</span>
            </SecondaryAction>
        </section>
    }
}

/// One thing they said, in their own words.
#[component]
fn OwnNote(
    /// The note's id.
    id: String,
    /// The participant whose words they are.
    who: String,
) -> impl IntoView {
    let ctx = use_review();
    let text = ctx.select_by(&id, move |r, nid| {
        r.evidence_note(nid)
            .map(|n| n.text.clone())
            .unwrap_or_default()
    });
    let nid = id.clone();
    let set_text = Callback::new(move |text: String| {
        ctx.send(Command::SetEvidence {
            id: nid.clone(),
            said_by: Some(Person::participant(who.clone())),
            text,
        })
    });
    let remove_id = format!("remove-note-{id}");
    let nid = id.clone();
    let remove = {
        let remove_id = remove_id.clone();
        move |_| {
            crate::components::remove_from(
                ctx,
                &remove_id,
                Command::RemoveEvidence { id: nid.clone() },
                tr!("what you said"),
            );
        }
    };
    view! {
        <div class="app-card">
            <div class="app-card__body">
                <TextArea easy="private.say" id=ids::evidence(&id, "text") label={tr!("What you want to say")} value=text rows=4 on_input=set_text />
                <VisibilityChoice item=id.clone() what={tr!("what you said")} />
            </div>
            <div class="app-card__actions">
                <button type="button" class="app-button app-button--secondary" id=remove_id on:click=remove>
                    {tr!("Remove this")}
                </button>
            </div>
        </div>
    }
}

/// The neutral screen: nothing they wrote, only "pass the tablet back".
#[component]
fn HandBack(
    /// Back to their own questions (`false`); gives back why it could not.
    set: Callback<bool, Option<String>>,
) -> impl IntoView {
    let ctx = use_review();
    let (worker_id, worker) = ctx.review.with_untracked(worker_name);
    let problem = RwSignal::new(None::<String>);
    let task_list = crate::href(ctx.path(""));
    let back_to_review = move |_| {
        if let Some(id) = worker_id.clone() {
            let _ = ctx.dispatch(Command::PassTablet { to: id });
        }
        // The app is made afresh at the task list: the address changes
        // first, outside the router, which goes with the rest.
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&task_list));
        }
        problem.set(keep(None, true).err());
    };
    let not_yet = move |_| problem.set(set.run(false));
    view! {
        <Page title=tr!("Please pass the tablet back to {worker}", worker = worker) doc_title={tr!("Pass the tablet back")}>
            <p class="app-body">{tr!("Thank you. What you said is saved, and none of it is on this screen.")}</p>
            <Problem message=problem />
            <div class="app-button-group">
                <button type="button" class="app-button" id="private-turn-back" on:click=back_to_review>
                    {tr!("I am {worker}: back to the review", worker = worker)}
                </button>
                <button type="button" class="app-button app-button--secondary" on:click=not_yet>
                    {tr!("Not finished: back to my own questions")}
                </button>
            </div>
        </Page>
    }
}

/// `/review/:id/private`: who has time on their own now, and the start of it.
#[component]
pub fn StartPrivateTurn() -> impl IntoView {
    let ctx = use_review();
    let takers = ctx.select(|r| {
        private_turn::takers(r)
            .map(|p| {
                (
                    p.id.clone(),
                    tr!(
                        "{name} ({role})",
                        name = p.short_name(),
                        role = p.role.noun()
                    ),
                )
            })
            .collect::<Vec<_>>()
    });
    let plan = ctx.select(|r| private_turn::plan_in_words(&r.process.private_plan));
    let first_carer = ctx.review.with_untracked(|r| {
        private_turn::takers(r)
            .find(|p| p.role == Role::Carer)
            .map(|p| p.id.clone())
    });
    let chosen = RwSignal::new(first_carer);
    let not_chosen = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let start = move |_| {
        let Some(who) = chosen.get_untracked() else {
            not_chosen.set(Some(tr!("Select who has time on their own")));
            focus_by_id("private-turn-who");
            return;
        };
        not_chosen.set(None);
        let started = ctx.review.with_untracked(|r| private_turn::start(r, &who));
        match started {
            Ok(turn) => {
                let _ = ctx.dispatch(Command::PassTablet { to: who });
                problem.set(keep(Some(turn), true).err());
            }
            Err(e) => problem.set(Some(tr!("It cannot start: {why}.", why = e))),
        }
    };
    let back = ctx.path("");
    view! {
        <Page back=back.clone() back_text={tr!("Back to the task list")} title={tr!("Time on their own")}
            caption={tr!("The review · time on your own")} about=&["P19", "P20"]
            intro={tr!("The carer, or the person cared for with their advocate, answers on their own while you step back. The screen holds only their own questions until they hand it back.")}>
            {move || plan.get().map(|plan| view! { <p class="app-body">{tr!("Planned in “How we will review”: {plan}.", plan = plan)}</p> })}
            {move || {
                let people = takers.get();
                if people.is_empty() {
                    view! {
                        <p class="app-body">{tr!("Nobody can have time on their own now: only the carer or the person cared for, in the room, can.")}</p>
                    }
                    .into_any()
                } else {
                    let choices = people.iter().map(|(id, name)| Choice::new(id.clone(), id, name).easy(name.clone(), review_core::easy::Sym::Person)).collect();
                    view! {
                        <Radios easy="private.who" id="private-turn-who" legend={tr!("Who has time on their own now?")}
                            choices=choices value=chosen error=not_chosen
                            on_change=Callback::new(move |who| chosen.set(Some(who))) />
                        <Problem message=problem />
                        <div class="app-button-group">
                            <button type="button" class="app-button" on:click=start>{tr!("Give them the tablet")}</button>
                            <A exact=true href=crate::href(back.clone()) attr:class="app-link">{tr!("Not now")}</A>
                        </div>
                    }
                    .into_any()
                }
            }}
        </Page>
    }
}
