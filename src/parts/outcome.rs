use super::rate::{called_in_sentence, channel_choices, channel_hint, channel_options};
use crate::clock;
use crate::components::{
    focus_by_id, BackLink, Choice, DateInput, ErrorSummary, Page, PersonChoice, Radios, TextArea,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::outcome::{
    default_next_review, next_review, MONTHS_AFTER_NO_CHANGE, WEEKS_AFTER_A_NEW_PLAN,
};
use review_core::progress::Part;
use review_core::validate::{self, ids, long_date};
use review_core::{ActionField, Command, OutcomeDecision, OutcomeField, Person, RatingChannel};

/// What each decision means for the next review, under its radio.
fn decision_hint(decision: OutcomeDecision) -> String {
    match decision {
        OutcomeDecision::NoChange => {
            format!("The next review is usually {MONTHS_AFTER_NO_CHANGE} months from now.")
        }
        OutcomeDecision::ChangeToPlan => format!(
            "The next review is sooner, {WEEKS_AFTER_A_NEW_PLAN} weeks from now, to check the changes are working."
        ),
        OutcomeDecision::ChangeToPlanAndBudget => format!(
            "A reassessment is arranged. The next review is {WEEKS_AFTER_A_NEW_PLAN} weeks from now."
        ),
    }
}

/// Actions and outcome (P23): who will do what by when, what the review
/// decided and why, everyone's view of it, and when the next review is.
#[component]
pub fn ActionsAndOutcome() -> impl IntoView {
    let ctx = use_review();
    let errors =
        PageErrors::new(ctx.select(|r| [validate::actions(r), validate::outcome(r)].concat()));
    let actions = ctx.select(|r| r.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
    let outcome = ctx.select(|r| r.outcome.clone());
    let (carer, individual) = ctx.review.with_untracked(|r| {
        (
            r.carer()
                .map(called_in_sentence)
                .unwrap_or_else(|| "the carer".into()),
            r.individual()
                .map(called_in_sentence)
                .unwrap_or_else(|| "the person cared for".into()),
        )
    });
    let channels = ctx.select(|r| {
        r.individual()
            .map(|p| (channel_options(r, p), channel_hint(r)))
    });
    let add = move |_| {
        let id = clock::new_id();
        if ctx.dispatch(Command::AddAction { id: id.clone() }).is_ok() {
            request_animation_frame(move || focus_by_id(&ids::action(&id, "what")));
        }
    };
    let set = move |field: OutcomeField| ctx.send(Command::SetOutcome(field));
    let text =
        move |f: fn(&review_core::Outcome) -> String| Signal::derive(move || outcome.with(f));
    let navigate = use_navigate();
    let next = move |_| {
        if errors.submit() {
            navigate(&ctx.path(""), Default::default());
        }
    };
    view! {
        <BackLink href=ctx.path("") text="Back to the review" />
        <Page title=Part::Outcome.title() caption="The review · P23"
            has_errors=Signal::derive(move || !errors.visible().with(Vec::is_empty))>
            <ErrorSummary errors=errors.visible() attempts=errors.attempts />
            <h2 class="app-heading-m">"Actions"</h2>
            <p class="app-body">"What will be done after the review, who will do it, and by when."</p>
            <Show when=move || actions.with(Vec::is_empty)>
                <p class="app-body">"No actions yet."</p>
            </Show>
            <For each=move || actions.get() key=|id| id.clone()
                children=move |id| view! { <ActionCard id=id errors=errors /> } />
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" on:click=add>"Add an action"</button>
            </div>

            <hr class="app-section-break app-section-break--xl app-section-break--visible" />
            <h2 class="app-heading-m">"Outcome"</h2>
            <p class="app-body">"What the review decided and why, and what everyone thinks of it."</p>
            <Radios id="outcome-decision" legend="What did the review decide?"
                choices=OutcomeDecision::ALL.iter().map(|d| Choice::new(*d, d.key(), d.label()).hint(decision_hint(*d))).collect()
                value=Signal::derive(move || outcome.with(|o| o.decision))
                error=errors.for_field("outcome-decision")
                on_change=Callback::new(move |d| set(OutcomeField::Decision(d))) />
            <TextArea id="outcome-rationale" label="Why is this the outcome?"
                hint="What the review found that led to this decision."
                value=text(|o| o.rationale.clone()) error=errors.for_field("outcome-rationale") rows=4
                on_input=Callback::new(move |v| set(OutcomeField::Rationale(v))) />
            <TextArea id="outcome-carer-view" label=format!("What does {carer} think of the outcome?")
                value=text(|o| o.carer_view.clone()) error=errors.for_field("outcome-carer-view") rows=3
                on_input=Callback::new(move |v| set(OutcomeField::CarerView(v))) />
            <TextArea id="outcome-individual-view" label=format!("What does {individual} think of the outcome?")
                hint="In their own words, as far as you can."
                value=text(|o| o.individual_view.clone()) error=errors.for_field("outcome-individual-view") rows=3
                on_input=Callback::new(move |v| set(OutcomeField::IndividualView(v))) />
            {
                let legend = format!("How did {individual} give their view? (optional)");
                move || channels.get().map(|(options, hint)| {
                    let (legend, choices) = (legend.clone(), channel_choices(options));
                    let value = Signal::derive(move || outcome.with(|o| o.individual_view_through.clone()));
                    let on_change = Callback::new(move |c: RatingChannel| set(OutcomeField::IndividualViewThrough(Some(c))));
                    match hint {
                        Some(hint) => view! {
                            <Radios id="outcome-individual-view-through" legend=legend hint=hint
                                choices=choices value=value on_change=on_change />
                        }.into_any(),
                        None => view! {
                            <Radios id="outcome-individual-view-through" legend=legend
                                choices=choices value=value on_change=on_change />
                        }.into_any(),
                    }
                })
            }
            <TextArea id="outcome-other-views" label="Other views and any disagreements (optional)"
                hint="Write each view in the words of the person who holds it, and say whose it is. A disagreement is recorded here, not settled."
                value=text(|o| o.other_views.clone()) rows=4
                on_input=Callback::new(move |v| set(OutcomeField::OtherViews(v))) />
            <NextReviewDate errors=errors />
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=next>"Continue"</button>
                <A href=ctx.path("") attr:class="app-link">"Back to the review"</A>
            </div>
        </Page>
    }
}

/// The next review date: the default (12 months, or 8 weeks after a change
/// to the plan) until someone chooses another.
#[component]
fn NextReviewDate(
    /// The page's errors (the date).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let date = ctx.select(next_review);
    let suggested = ctx.select(|r| {
        let changes = r
            .outcome
            .decision
            .is_some_and(OutcomeDecision::changes_plan);
        (default_next_review(r), changes)
    });
    let chosen = ctx.select(|r| {
        r.outcome
            .next_review
            .is_some_and(|d| d != default_next_review(r))
    });
    let on_change =
        Callback::new(move |d| ctx.send(Command::SetOutcome(OutcomeField::NextReview(d))));
    let use_suggested = move |_| ctx.send(Command::SetOutcome(OutcomeField::NextReview(None)));
    view! {
        // The hint names the suggested date, which moves with the decision.
        // It is rebuilt only then, never while someone is typing a date.
        {move || {
            let (default, changes) = suggested.get();
            let why = if changes {
                format!("{WEEKS_AFTER_A_NEW_PLAN} weeks after this review, because the plan is changing")
            } else {
                format!("{MONTHS_AFTER_NO_CHANGE} months after this review, as the plan is not changing")
            };
            view! {
                <DateInput id="next-review" label="Date of the next review"
                    hint=format!("Suggested: {} ({why}). You can choose another date.", long_date(default))
                    value=Signal::derive(move || Some(date.get()))
                    error=errors.for_field("next-review")
                    on_change=on_change />
            }
        }}
        <Show when=move || chosen.get()>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" on:click=use_suggested>
                    {move || format!("Use the suggested date, {}", long_date(suggested.get().0))}
                </button>
            </div>
        </Show>
    }
}

/// One action: what, who, by when, and the criterion it answers.
#[component]
fn ActionCard(
    /// The action's id.
    id: String,
    /// The page's errors (the action's fields).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let aid = id.clone();
    let action = ctx.select(move |r| {
        r.actions
            .iter()
            .position(|a| a.id == aid)
            .map(|i| (i + 1, r.actions[i].clone()))
    });
    let number = Signal::derive(move || action.with(|a| a.as_ref().map(|a| a.0).unwrap_or(0)));
    let criteria = ctx.select(|r| {
        r.criteria
            .iter()
            .map(|c| (c.id.clone(), c.wording.trim().to_string()))
            .collect::<Vec<_>>()
    });
    let linked =
        Signal::derive(move || action.with(|a| a.as_ref().and_then(|a| a.1.criterion.clone())));
    let aid = id.clone();
    let set = move |field: ActionField| {
        ctx.send(Command::SetAction {
            id: aid.clone(),
            field,
        })
    };
    let (s1, s2, s3, s4) = (set.clone(), set.clone(), set.clone(), set);
    let aid = id.clone();
    let remove = move |_| ctx.send(Command::RemoveAction { id: aid.clone() });
    let criterion_id = ids::action(&id, "criterion");
    view! {
        <div class="app-card">
            <div class="app-card__header">
                <h3 class="app-card__title app-heading-s">{move || format!("Action {}", number.get())}</h3>
            </div>
            <div class="app-card__body">
                <TextArea id=ids::action(&id, "what") label="What will be done?"
                    value=Signal::derive(move || action.with(|a| a.as_ref().map(|a| a.1.what.clone()).unwrap_or_default()))
                    error=errors.for_field(ids::action(&id, "what")) rows=2
                    on_input=Callback::new(move |v| s1(ActionField::What(v))) />
                <PersonChoice id=ids::action(&id, "owner") legend="Who will do it?"
                    value=Signal::derive(move || action.with(|a| a.as_ref().and_then(|a| a.1.owner.clone())))
                    error=errors.for_field(ids::action(&id, "owner"))
                    name_error=errors.for_field(ids::action(&id, "owner-name"))
                    on_change=Callback::new(move |p: Option<Person>| s2(ActionField::Owner(p))) />
                <DateInput id=ids::action(&id, "due") label="When will it be done by?"
                    hint="On or after the day of this review."
                    value=Signal::derive(move || action.with(|a| a.as_ref().and_then(|a| a.1.due)))
                    error=errors.for_field(ids::action(&id, "due"))
                    on_change=Callback::new(move |d| s3(ActionField::Due(d))) />
                <Show when=move || !criteria.with(Vec::is_empty)>
                    <div class="app-form-group">
                        <label class="app-label" for=criterion_id.clone()>"Which of the things you looked at does it answer? (optional)"</label>
                        <select class="app-select" id=criterion_id.clone() name=criterion_id.clone()
                            disabled=move || crate::state::read_only().get()
                            on:change={
                                let s4 = s4.clone();
                                move |ev| {
                                    let v = event_target_value(&ev);
                                    s4(ActionField::Criterion((!v.is_empty()).then_some(v)))
                                }
                            }>
                            <option value="" prop:selected=move || linked.with(Option::is_none)>"None of them"</option>
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
                </Show>
            </div>
            <div class="app-card__actions">
                <button type="button" class="app-button app-button--secondary" on:click=remove>
                    {move || format!("Remove action {}", number.get())}
                </button>
            </div>
        </div>
    }
}
