//! Actions and outcome (P23), over three pages: who will do what by when;
//! what the review decided and why, and when the next review is; then what
//! everyone thinks of it.

use crate::components::SecondaryAction;
use crate::components::{
    or_not_yet, AddButton, Choice, DateInput, Entry, FollowUps, ListCard, ListState, PartPage,
    PersonChoice, Radios, Select, ShortAnswers, TextArea, VisibilityChoice,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::continuity::ActionFollowUp;
use review_core::lists::ListKind;
use review_core::outcome::{default_next_review, MONTHS_AFTER_NO_CHANGE, WEEKS_AFTER_A_NEW_PLAN};
use review_core::progress::Part;
use review_core::rating::{channel_hint, channel_options};
use review_core::sharing::{CARER_VIEW, INDIVIDUAL_VIEW, OTHER_VIEWS, OUTCOME_RATIONALE};
use review_core::tr;
use review_core::words::long_date;
use review_core::{
    ActionField, Command, OutcomeDecision, OutcomeField, RatingChannel, Review, Speaker,
};

/// What each decision means for the next review, under its radio.
fn decision_hint(decision: OutcomeDecision) -> String {
    match decision {
        OutcomeDecision::NoChange => {
            tr!("The next review is usually {months_after_no_change} months from now.", months_after_no_change = MONTHS_AFTER_NO_CHANGE)
        }
        OutcomeDecision::ChangeToPlan => tr!("The next review is sooner, {weeks_after_a_new_plan} weeks from now, to check the changes are working.", weeks_after_a_new_plan = WEEKS_AFTER_A_NEW_PLAN),
        OutcomeDecision::ChangeToPlanAndBudget => tr!("A reassessment is arranged. The next review is {weeks_after_a_new_plan} weeks from now.", weeks_after_a_new_plan = WEEKS_AFTER_A_NEW_PLAN),
    }
}

/// What stands in for one of last time's actions kept from whoever holds the tablet.
const KEPT_ACTION: &str = "One more of last time’s actions is for the worker to follow up.";

/// Actions and outcome (P23), first page: last time's actions followed
/// up, then who will do what by when.
#[component]
pub fn ActionsAndOutcome() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(|r| Part::Outcome.errors_on_page(r, 0)));
    let list = ListState::new(ListKind::Actions, errors);
    let actions = ctx.select(|r| r.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
    let add = Callback::new(move |()| list.add(|id| Command::AddAction { id }));
    let last = ctx.select(Review::action_questions);
    let follow_up = Callback::new(move |(id, answer)| {
        ctx.send(Command::FollowUpAction {
            id,
            answer,
            carried_id: crate::browser::clock::new_id(),
        })
    });
    view! {
        <PartPage part=Part::Outcome errors=errors list=list>
            <FollowUps easy="outcome.follow-up" heading={tr!("Last time’s actions")} kept=KEPT_ACTION rows=last errors=errors on_answer=follow_up
                intro={tr!("Say what became of each action agreed at the last review. One carried forward comes into this review’s actions below, for a new date.")}
                choices=|| Choice::list(ActionFollowUp::ALL, ActionFollowUp::key, ActionFollowUp::label) />
            <h2 class="app-heading-m">{tr!("Actions")}</h2>
            <p class="app-body">{tr!("What will be done after the review, who will do it, and by when. The outcome comes next.")}</p>
            <Show when=move || actions.with(Vec::is_empty)>
                <p class="app-body">{tr!("No actions yet.")}</p>
            </Show>
            <ul class="app-list app-stack">
                <For each=move || actions.get() key=|id| id.clone()
                    children=move |id| view! { <ActionCard id=id list=list /> } />
            </ul>
            <AddButton id=ListKind::Actions.add_button() text={tr!("Add an action")} on_add=add />
        </PartPage>
    }
}

/// The outcome (P23), the part's second page: what the review decided and
/// why, and when the next review is.
#[component]
pub fn TheOutcome() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(|r| Part::Outcome.errors_on_page(r, 1)));
    let outcome = ctx.select(|r| r.outcome.clone());
    let set = move |field: OutcomeField| ctx.send(Command::SetOutcome(field));
    view! {
        <PartPage part=Part::Outcome errors=errors page=1>
            <p class="app-body">{tr!("What the review decided and why. What everyone thinks of it comes next.")}</p>
            <Radios easy="outcome.decision" id="outcome-decision" legend={tr!("What did the review decide?")}
                choices=OutcomeDecision::ALL.iter().map(|d| Choice::new(*d, d.key(), d.label()).hint(decision_hint(*d))).collect()
                value=Signal::derive(move || outcome.with(|o| o.decision))
                error=errors.for_field("outcome-decision")
                on_change=Callback::new(move |d| set(OutcomeField::Decision(d))) />
            <TextArea easy="outcome.rationale" id="outcome-rationale" label={tr!("Why is this the outcome?")}
                hint={tr!("What the review found that led to this decision.")}
                value=Signal::derive(move || outcome.with(|o| o.rationale.clone()))
                error=errors.for_field("outcome-rationale") rows=4
                on_input=Callback::new(move |v| set(OutcomeField::Rationale(v))) />
            <VisibilityChoice item=OUTCOME_RATIONALE what={tr!("why this is the outcome")} />
            <NextReviewDate errors=errors />
        </PartPage>
    }
}

/// What everyone thinks of the outcome (P23), the part's last page: the
/// carer's view, the individual's (and how they gave it), and any others.
#[component]
pub fn EveryonesView() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(|r| Part::Outcome.errors_on_page(r, 2)));
    let outcome = ctx.select(|r| r.outcome.clone());
    let (carer, individual) = ctx
        .review
        .with_untracked(|r| (r.carer_called(), r.individual_called()));
    let channels = ctx.select(|r| {
        r.individual()
            .map(|p| (channel_options(r, p), channel_hint(r)))
    });
    let set = move |field: OutcomeField| ctx.send(Command::SetOutcome(field));
    let text =
        move |f: fn(&review_core::Outcome) -> String| Signal::derive(move || outcome.with(f));
    view! {
        <PartPage part=Part::Outcome errors=errors page=2>
            <TextArea easy="outcome.carer-view" id="outcome-carer-view" label=tr!("What does {carer} think of the outcome?", carer = carer)
                value=text(|o| o.carer_view.clone()) error=errors.for_field("outcome-carer-view") rows=3
                on_input=Callback::new(move |v| set(OutcomeField::CarerView(v))) />
            <VisibilityChoice item=CARER_VIEW what=tr!("{name}’s view", name = carer) />
            <TextArea easy="outcome.individual-view" id="outcome-individual-view" label=tr!("What does {individual} think of the outcome?", individual = individual)
                hint={tr!("In their own words, as far as you can.")}
                value=text(|o| o.individual_view.clone()) error=errors.for_field("outcome-individual-view") rows=3
                on_input=Callback::new(move |v| set(OutcomeField::IndividualView(v))) />
            <VisibilityChoice item=INDIVIDUAL_VIEW what=tr!("{name}’s view", name = individual) />
            {
                let legend = tr!("How did {individual} give their view? (optional)", individual = individual);
                move || channels.get().map(|(options, hint)| {
                    let choices = options.into_iter().map(|o| {
                        let symbol = review_core::easy::channel_symbol(&o.channel);
                        let words = o.words.clone();
                        Choice::new(o.channel, &o.key, &o.words).easy(words, symbol)
                    }).collect();
                    let value = Signal::derive(move || outcome.with(|o| o.individual_view_through.clone()));
                    let on_change = Callback::new(move |c: RatingChannel| set(OutcomeField::IndividualViewThrough(Some(c))));
                    view! {
                        <Radios easy="outcome.individual-view-through" id="outcome-individual-view-through" legend=legend.clone() hint=hint inline=true
                            choices=choices value=value on_change=on_change />
                    }
                })
            }
            <TextArea easy="outcome.other-views" id="outcome-other-views" label={tr!("Other views and any disagreements (optional)")}
                hint={tr!("Write each view in the words of the person who holds it, and say whose it is. A disagreement is recorded here, not settled.")}
                value=text(|o| o.other_views.clone()) rows=4
                on_input=Callback::new(move |v| set(OutcomeField::OtherViews(v))) />
            <OtherViewsBy />
            <VisibilityChoice item=OTHER_VIEWS what={tr!("the other views")} />
        </PartPage>
    }
}

/// Whose the other views are: a participant, someone else, everyone, or not
/// recorded (never guessed), as for every point.
#[component]
fn OtherViewsBy() -> impl IntoView {
    let ctx = use_review();
    let said_by = ctx.select(|r| r.outcome.other_views_said_by.clone());
    let options = Signal::derive(move || {
        let current = said_by.get();
        ctx.review.with(|r| r.speaker_options(&current))
    });
    let on_change = Callback::new(move |key: String| {
        if let Some(speaker) = Speaker::from_key(&key) {
            ctx.send(Command::SetOutcome(OutcomeField::OtherViewsSaidBy(speaker)));
        }
    });
    view! {
        <Select easy="outcome.other-views-said-by" id="outcome-other-views-said-by" label={tr!("Whose views are these?")} options=options
            value=Signal::derive(move || said_by.with(Speaker::key)) on_change=on_change />
    }
}

/// The next review date: a date is suggested (12 months on, or 8 weeks
/// after a change to the plan) with its reason, and goes into the record
/// only when someone taps it or enters another: a change of decision moves
/// the suggestion, never the date chosen.
#[component]
fn NextReviewDate(
    /// The page's errors (the date).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let date = ctx.select(|r| r.outcome.next_review);
    let suggested = ctx.select(|r| {
        let changes = r
            .outcome
            .decision
            .is_some_and(OutcomeDecision::changes_plan);
        (default_next_review(r), changes)
    });
    let offered = ctx.select(|r| r.outcome.next_review != Some(default_next_review(r)));
    let on_change =
        Callback::new(move |d| ctx.send(Command::SetOutcome(OutcomeField::NextReview(d))));
    let use_suggested = move |_| {
        let (default, _) = suggested.get_untracked();
        ctx.send(Command::SetOutcome(OutcomeField::NextReview(Some(default))));
    };
    let locked = crate::state::read_only();
    view! {
        // The hint names the suggested date, which moves with the decision.
        // It is rebuilt only then, never while someone is typing a date.
        {move || {
            let (default, changes) = suggested.get();
            let why = if changes {
                tr!("{weeks_after_a_new_plan} weeks after this review, because the plan is changing", weeks_after_a_new_plan = WEEKS_AFTER_A_NEW_PLAN)
            } else {
                tr!("{months_after_no_change} months after this review, as the plan is not changing", months_after_no_change = MONTHS_AFTER_NO_CHANGE)
            };
            view! {
                <DateInput easy="outcome.next-review" id="next-review" label={tr!("Date of the next review")}
                    hint=tr!("Suggested: {when} ({why}). Use it, or enter another date.", when = long_date(default), why = why)
                    value=date
                    error=errors.for_field("next-review")
                    on_change=on_change />
            }
        }}
        <Show when=move || offered.get() && !locked.get()>
            <SecondaryAction on_press=Callback::new(use_suggested)>
                {move || tr!("Use the suggested date, {when}", when = long_date(suggested.get().0))}
            </SecondaryAction>
        </Show>
    }
}

/// One action: what, who, by when, and the criterion it answers.
#[component]
fn ActionCard(
    /// The action's id.
    id: String,
    /// The page's list.
    list: ListState,
) -> impl IntoView {
    let ctx = use_review();
    let action = Entry::new(
        list,
        &id,
        |r, id| r.actions.iter().find(|a| a.id == id).cloned(),
        |id, field| Command::SetAction { id, field },
    );
    let criteria = ctx.select(|r| {
        r.criteria
            .iter()
            .map(|c| (c.id.clone(), review_core::i18n::seed(c.wording.trim())))
            .collect::<Vec<_>>()
    });
    let linked = action.read(|a| a.criterion.clone());
    let set_criterion = Callback::new(move |v: String| {
        action.send(ActionField::Criterion((!v.is_empty()).then_some(v)))
    });
    let criterion_id = action.field("criterion");
    let summary = move || {
        action.item.with(|a| {
            a.as_ref().map(|a| {
                let who = a.owner.as_ref().map_or_else(
                    || or_not_yet(""),
                    |o| ctx.review.with_untracked(|r| r.person_name(o)),
                );
                let rows = vec![
                    (tr!("What"), or_not_yet(&a.what)),
                    (tr!("Who"), who),
                    (tr!("By"), a.due.map_or_else(|| or_not_yet(""), long_date)),
                ];
                view! { <ShortAnswers rows=rows /> }
            })
        })
    };
    view! {
        <ListCard entry=action summary=summary>
            <TextArea easy="outcome.action" id=action.field("what") label={tr!("What will be done?")}
                value=action.read(|a| a.what.clone()) error=action.error("what") rows=2
                on_input=action.set(ActionField::What) />
            <VisibilityChoice item=action.id() what={tr!("this action")} />
            <PersonChoice easy="outcome.action-owner" id=action.field("owner") legend={tr!("Who will do it?")}
                value=action.read(|a| a.owner.clone()) error=action.error("owner")
                name_error=action.error("owner-name") on_change=action.set(ActionField::Owner) />
            <DateInput easy="outcome.action-due" id=action.field("due") label={tr!("When will it be done by?")}
                hint={tr!("On or after the day of this review.")}
                value=action.read(|a| a.due) error=action.error("due")
                on_change=action.set(ActionField::Due) />
            {
                let criterion_id = criterion_id.clone();
                view! {
                <Show when=move || !criteria.with(Vec::is_empty)>
                    {
                        let (words, read_aloud) = crate::components::question_words(&criterion_id,
                            tr!("Which of the things you looked at does it answer? (optional)"),
                            Some("outcome.action-criterion".into()), Vec::new());
                        view! {
                    <div class="app-form-group">
                        <label class="app-label" for=criterion_id.clone()>{words}</label>
                        {read_aloud}
                        <select class="app-select" id=criterion_id.clone() name=criterion_id.clone()
                            disabled=move || crate::state::read_only().get()
                            on:change=move |ev| set_criterion.run(event_target_value(&ev))>
                            <option value="" prop:selected=move || linked.with(Option::is_none)>{tr!("None of them")}</option>
                            {move || criteria.get().into_iter().map(|(cid, wording)| {
                                let c = cid.clone();
                                view! {
                                    <option value=cid prop:selected=move || linked.with(|l| l.as_deref() == Some(c.as_str()))>
                                        {wording}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                        }
                    }
                </Show>
                }
            }
        </ListCard>
    }
}
