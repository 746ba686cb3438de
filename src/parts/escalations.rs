//! Things that need someone else's help (P22): matters beyond the worker's
//! scope or expertise, where they go, and who takes them forward.

use crate::components::{
    or_not_yet, Banner, Choice, DateInput, Entry, FollowUps, ListCard, ListSection, ListState,
    PartPage, PersonChoice, Radios, ShortAnswers, TextArea, TextInput, VisibilityChoice,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::continuity::EscalationFollowUp;
use review_core::escalation::urgent_safeguarding;
use review_core::lists::ListKind;
use review_core::progress::Part;
use review_core::tr;
use review_core::validate;
use review_core::words::long_date;
use review_core::{
    Command, ConsentAnswer, ConsentToShare, Escalation, EscalationField, EscalationRoute,
    EscalationStatus, Review, Urgency,
};

/// The words of the safeguarding warning, shown at the top of the page and
/// in the matter's own card.
/// What an urgent safeguarding matter needs at once.
fn phone_now() -> String {
    tr!("This app sends nothing. Phone the safeguarding team now.")
}

/// Things that need someone else's help (P22).
#[component]
pub fn Escalations() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::escalations));
    let list = ListState::new(ListKind::Escalations, errors);
    // What to say on the phone, for each urgent safeguarding matter.
    let urgent = ctx.select(|r| {
        urgent_safeguarding(r)
            .into_iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.matter.trim().to_string(),
                    e.to_whom.trim().to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    // First on the page, above any errors: nothing here is more urgent.
    let first = move || {
        view! {
                <Show when=move || !urgent.with(Vec::is_empty)>
                    <Banner id="urgent-safeguarding-title" title={tr!("Urgent safeguarding")} warning=true urgent=true
                        heading=phone_now()>
                            <dl class="app-summary-list">
                                {move || urgent.get().into_iter().map(|(_, matter, to_whom)| {
                                    let matter = if matter.is_empty() {
                                        tr!("The matter is not written down yet: write it below.")
                                    } else {
                                        matter
                                    };
                                    view! {
                                        <div class="app-summary-list__row">
                                            <dt class="app-summary-list__key">{tr!("What to say")}</dt>
                                            <dd class="app-summary-list__value">{matter}</dd>
                                        </div>
                                        {(!to_whom.is_empty()).then(|| view! {
                                            <div class="app-summary-list__row">
                                                <dt class="app-summary-list__key">{tr!("Who to ask for")}</dt>
                                                <dd class="app-summary-list__value">{to_whom}</dd>
                                            </div>
                                        })}
                                    }
                                }).collect_view()}
                            </dl>
                            <p class="app-body">{tr!("When you have phoned, set the matter’s status to “Referred”.")}</p>
                        </Banner>
                </Show>
        }
    };
    let last = ctx.select(Review::escalation_questions);
    let follow_up =
        Callback::new(move |(id, answer)| ctx.send(Command::FollowUpEscalation { id, answer }));
    view! {
        <PartPage part=Part::Escalations errors=errors list=list first=first>
            <FollowUps easy="escalations.follow-up" heading={tr!("Still open at the last review")} rows=last errors=errors on_answer=follow_up
                kept="One more matter from the last review is for the worker to follow up."
                intro={tr!("Say whether each matter that was with someone else at the last review is resolved now. One still open can be added below as a matter for this review.")}
                choices=|| Choice::list(EscalationFollowUp::ALL, EscalationFollowUp::key, EscalationFollowUp::label) />
            <p class="app-body">
                {tr!("Some things are beyond your role or expertise. Record each one, where it needs to go, and who will take it forward.")}
            </p>
            <ListSection easy="escalations.any" list=list legend={tr!("Does anything need someone else's help?")}
                hint={tr!("For example: a safeguarding concern, an occupational therapy assessment, housing or money advice.")}
                still_listed="To answer no, first remove what is listed below"
                heading={tr!("What needs someone else's help")}
                add_text={tr!("Add something that needs someone else's help")}
                card=Callback::new(move |id| view! { <MatterCard id=id list=list /> }.into_any()) />
        </PartPage>
    }
}

/// One matter: closed, its short answers; open, its questions.
#[component]
fn MatterCard(
    /// The escalation's id.
    id: String,
    /// The page's list.
    list: ListState,
) -> impl IntoView {
    let ctx = use_review();
    let matter = Entry::new(
        list,
        &id,
        |r, id| r.escalations.iter().find(|e| e.id == id).cloned(),
        |id, field| Command::SetEscalation { id, field },
    );
    let owner_name = ctx.select_by(&id, move |r, eid| {
        r.escalations
            .iter()
            .find(|e| e.id == eid)
            .and_then(|e| e.owner.as_ref().map(|o| r.person_name(o)))
    });
    let urgent = matter.memo(Escalation::is_urgent_safeguarding);
    let route = matter.memo(|e| e.route);
    let consent = matter.memo(|e| e.consent.clone());
    let consent_answer =
        Memo::new(move |_| consent.with(|c| c.as_ref().map(ConsentToShare::answer)));
    // The reason typed, kept while another answer is tried, so that going
    // back to "without consent" does not lose it (the core keeps one answer).
    let typed_reason = RwSignal::new(consent.with_untracked(|c| match c {
        Some(ConsentToShare::NotNeededBecauseOfRisk { reason }) => reason.clone(),
        _ => String::new(),
    }));
    let set_consent = Callback::new(move |answer: ConsentAnswer| {
        let made = consent.with_untracked(|before| {
            ConsentToShare::from_answer(answer, before.as_ref(), &typed_reason.get_untracked())
        });
        matter.send(EscalationField::Consent(Some(made)))
    });
    let set_reason = Callback::new(move |reason: String| {
        typed_reason.set(reason.clone());
        matter.send(EscalationField::Consent(Some(
            ConsentToShare::NotNeededBecauseOfRisk { reason },
        )))
    });
    let reason = Signal::derive(move || {
        consent.with(|c| match c {
            Some(ConsentToShare::NotNeededBecauseOfRisk { reason }) => reason.clone(),
            _ => String::new(),
        })
    });
    let consent_choices =
        Choice::list(ConsentAnswer::ALL, ConsentAnswer::key, ConsentAnswer::label);
    let summary = move || {
        matter.item.with(|e| {
            e.as_ref().map(|e| {
                let goes_to = match (e.route, e.to_whom.trim()) {
                    (None, _) => or_not_yet(""),
                    (Some(EscalationRoute::Other), who) => {
                        format!("{} {}", or_not_yet(&e.route_detail), who)
                            .trim()
                            .to_string()
                    }
                    (Some(r), "") => r.label().to_string(),
                    (Some(r), who) => tr!("{route}: {who}", route = r.label(), who = who),
                };
                let consent = match &e.consent {
                    None => or_not_yet(""),
                    Some(ConsentToShare::NotNeededBecauseOfRisk { .. }) => {
                        tr!("Shared without consent because of a risk of harm")
                    }
                    Some(c) => c.answer().label().to_string(),
                };
                let rows = vec![
                    (tr!("Matter"), or_not_yet(&e.matter)),
                    (tr!("Goes to"), goes_to),
                    (
                        tr!("Urgency"),
                        e.urgency
                            .map(|u| u.label().to_string())
                            .unwrap_or_else(|| or_not_yet("")),
                    ),
                    (
                        tr!("Taken forward by"),
                        owner_name.get_untracked().unwrap_or_else(|| or_not_yet("")),
                    ),
                    (
                        tr!("Due by"),
                        e.due.map(long_date).unwrap_or_else(|| or_not_yet("")),
                    ),
                    (tr!("Consent to share"), consent),
                    (tr!("Where it has got to"), e.status.label().to_string()),
                ];
                view! { <ShortAnswers rows=rows /> }
            })
        })
    };
    // Shown open or closed, next to where the urgency was chosen.
    let warning = move || {
        view! {
            <Show when=move || urgent.get()>
                <div class="app-warning-text">
                    <strong class="app-warning-text__text">
                        <span class="app-visually-hidden">{tr!("Warning:")}" "</span>{phone_now()}
                    </strong>
                </div>
            </Show>
        }
    };
    view! {
        <ListCard entry=matter title=matter.title(|e| e.route.map(EscalationRoute::label))
            summary=summary always=warning>
                    <TextArea easy="escalations.matter" id=matter.field("matter") label={tr!("What is the matter?")}
                        hint={tr!("Write it as you would say it on the phone.")}
                        value=matter.read(|e| e.matter.clone()) error=matter.error("matter")
                        on_input=matter.set(EscalationField::Matter) rows=3 />
                    <TextArea easy="escalations.why" id=matter.field("why") label={tr!("Why is it beyond your scope or expertise?")}
                        hint={tr!("For example: it needs a safeguarding enquiry; it needs an occupational therapy assessment")}
                        value=matter.read(|e| e.why_beyond_scope.clone()) error=matter.error("why")
                        on_input=matter.set(EscalationField::WhyBeyondScope) rows=2 />
                    <VisibilityChoice item=matter.id() what={tr!("this matter")} />
                    <Radios easy="escalations.route" id=matter.field("route") legend={tr!("Where does it need to go?")}
                        choices=Choice::list(EscalationRoute::ALL, EscalationRoute::key, EscalationRoute::label)
                        value=route error=matter.error("route") on_change=matter.set(EscalationField::Route) />
                    <Show when=move || route.get() == Some(EscalationRoute::Other)>
                        <TextInput easy="escalations.route-detail" id=matter.field("route-detail") label={tr!("Which service or team?")}
                            value=matter.read(|e| e.route_detail.clone()) error=matter.error("route-detail")
                            on_input=matter.set(EscalationField::RouteDetail) width="app-input--width-30" />
                    </Show>
                    <TextInput easy="escalations.to-whom" id=matter.field("to-whom") label={tr!("Who will it go to?")}
                        hint={tr!("A team or a person, for example: the duty safeguarding team, Dr Shah")}
                        value=matter.read(|e| e.to_whom.clone()) error=matter.error("to-whom")
                        on_input=matter.set(EscalationField::ToWhom) width="app-input--width-30" />
                    <Radios easy="escalations.urgency" id=matter.field("urgency") legend={tr!("How urgent is it?")}
                        choices=Choice::list(Urgency::ALL, Urgency::key, Urgency::label)
                        value=matter.read(|e| e.urgency) error=matter.error("urgency")
                        on_change=matter.set(EscalationField::Urgency) />
                    <PersonChoice easy="escalations.owner" id=matter.field("owner") legend={tr!("Who will take it forward?")}
                        value=matter.read(|e| e.owner.clone()) error=matter.error("owner")
                        name_error=matter.error("owner-name") on_change=matter.set(EscalationField::Owner) />
                    <DateInput easy="escalations.due" id=matter.field("due") label={tr!("Due by")} hint={tr!("On or after the day of this review.")}
                        value=matter.read(|e| e.due) error=matter.error("due")
                        on_change=matter.set(EscalationField::Due) />
                    <Radios easy="escalations.consent" id=matter.field("consent") legend={tr!("Is there consent to share this?")}
                        hint={tr!("Without consent, information may be shared only when there is a risk of harm. Record why.")}
                        choices=consent_choices.clone()
                        value=consent_answer error=matter.error("consent") on_change=set_consent />
                    <Show when=move || consent_answer.get() == Some(ConsentAnswer::BecauseOfRisk)>
                        <TextArea easy="escalations.consent-reason" id=matter.field("consent-reason") label={tr!("What is the risk that means it is shared without consent?")}
                            value=reason error=matter.error("consent-reason") on_input=set_reason rows=2 />
                    </Show>
                    <Radios easy="escalations.status" id=matter.field("status") legend={tr!("Where has it got to?")} inline=true
                        choices=Choice::list(EscalationStatus::ALL, EscalationStatus::key, EscalationStatus::label)
                        value=matter.read(|e| Some(e.status)) on_change=matter.set(EscalationField::Status) />
        </ListCard>
    }
}
