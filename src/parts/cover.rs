//! Support for the person cared for while the carer has time for themselves
//! (P21): each arrangement, its risks, and whether the person agreed.

use crate::components::{
    focus_by_id, or_not_yet, Choice, Entry, HowAgreedPick, ListCard, ListSection, ListState,
    PartPage, Radios, RemoveWithConfirm, ShortAnswers, TextArea, TextInput, VisibilityChoice,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::agreement::{in_words, HowAgreed};
use review_core::lists::ListKind;
use review_core::progress::Part;
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::words::capitalise;
use review_core::{
    AgreementAnswer, CarerNeed, Command, CoverArrangement, CoverField, CoverKind, Funding,
    IndividualAgreement,
};

/// Support while the carer has time for themselves (P21).
#[component]
pub fn Cover() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::cover));
    let list = ListState::new(ListKind::Cover, errors);
    let (individual, individual_s, carer) = ctx.review.with_untracked(|r| {
        (
            r.individual_called(),
            r.individual_possessive(),
            r.carer_called(),
        )
    });
    view! {
        <PartPage part=Part::Cover errors=errors list=list>
            <p class="app-body">
                {tr!("{individual} may need other support while {carer} has time for their own needs. Agree each one together, and ask {individual} what they think.", individual = individual, carer = carer)}
            </p>
            <ListSection easy="cover.needed" list=list
                legend=tr!("Does {whose} support need to change while the carer has time for themselves?", whose = individual_s)
                hint={tr!("For example: a sitting service while the carer goes to an appointment, a short stay while they have a break.")}
                still_listed="To answer no, first remove the arrangements listed below"
                heading={tr!("Arrangements")} add_text={tr!("Add an arrangement")}
                card=Callback::new(move |id| view! { <ArrangementCard id=id list=list /> }.into_any()) />
        </PartPage>
    }
}

/// One arrangement: closed, its short answers; open, its questions.
#[component]
fn ArrangementCard(
    /// The arrangement's id.
    id: String,
    /// The page's list.
    list: ListState,
) -> impl IntoView {
    let ctx = use_review();
    let arrangement = Entry::new(
        list,
        &id,
        |r, id| r.cover_arrangements.iter().find(|a| a.id == id).cloned(),
        |id, field| Command::SetCoverArrangement { id, field },
    );
    let risks = arrangement.memo(|a| a.risks.iter().map(|k| k.id.clone()).collect::<Vec<_>>());
    let (individual, carer) = ctx
        .review
        .with_untracked(|r| (r.individual_called(), r.carer_called()));
    let need = arrangement.memo(|a| a.makes_room_for);
    let agreement = arrangement.memo(|a| a.agreement.clone());
    let answer =
        Memo::new(move |_| agreement.with(|a| a.as_ref().map(IndividualAgreement::answer)));
    let next_step = Signal::derive(move || {
        agreement.with(|a| match a {
            Some(IndividualAgreement::NotAgreed { what_happens_next }) => what_happens_next.clone(),
            _ => String::new(),
        })
    });
    // What was typed as the next step, kept while another answer is tried, so
    // that going back to "No" does not lose it (the core keeps one answer).
    let typed_next_step = RwSignal::new(next_step.get_untracked());
    let set_answer = Callback::new(move |answer: AgreementAnswer| {
        let made = agreement.with_untracked(|before| {
            IndividualAgreement::from_answer(
                answer,
                before.as_ref(),
                &typed_next_step.get_untracked(),
            )
        });
        arrangement.send(CoverField::Agreement(Some(made)))
    });
    let set_how = Callback::new(move |how: HowAgreed| {
        arrangement.send(CoverField::Agreement(Some(IndividualAgreement::Agreed {
            how: Some(how),
        })))
    });
    let how = Signal::derive(move || {
        agreement.with(|a| a.as_ref().and_then(IndividualAgreement::how_agreed))
    });
    let set_next_step = Callback::new(move |what_happens_next: String| {
        typed_next_step.set(what_happens_next.clone());
        arrangement.send(CoverField::Agreement(Some(
            IndividualAgreement::NotAgreed { what_happens_next },
        )))
    });
    let agreement_choices = AgreementAnswer::ALL
        .iter()
        .map(|a| {
            let c = Choice::new(*a, a.key(), a.label());
            if *a == AgreementAnswer::NotAskedYet {
                c.hint(tr!(
                    "For example, they were not at the meeting. Ask them before it starts."
                ))
            } else {
                c
            }
        })
        .collect::<Vec<_>>();
    // Shown by the "What happens next?" question, and on the card when it is closed.
    let not_agreed_note = tr!("{individual} has not agreed, so this arrangement should not go ahead as it is. Their wishes count: talk again, look for another way, or ask for advice.", individual = capitalise(&individual));
    let note_when_closed = not_agreed_note.clone();
    let summary = move || {
        arrangement.item.with(|a| {
            a.as_ref().map(|a| {
                let note =
                    matches!(a.agreement, Some(IndividualAgreement::NotAgreed { .. })).then(|| {
                        view! {
                            <div class="app-inset-text app-u-mt-0">
                                <p class="app-body">{note_when_closed.clone()}</p>
                            </div>
                        }
                    });
                let need = match a.makes_room_for {
                    Some(CarerNeed::Other) => or_not_yet(&a.makes_room_for_detail),
                    Some(n) => n.label().to_string(),
                    None => or_not_yet(""),
                };
                let agreed = match &a.agreement {
                    None => or_not_yet(""),
                    Some(
                        agreed @ (IndividualAgreement::Agreed { .. }
                        | IndividualAgreement::AgreedThroughAdvocate { .. }),
                    ) => match agreed.how_agreed() {
                        Some(how) => ctx
                            .review
                            .with_untracked(|r| tr!("Yes, {how}", how = in_words(r, &how))),
                        None => tr!("Yes"),
                    },
                    Some(IndividualAgreement::NotAgreed { what_happens_next }) => {
                        tr!("No. Next: {next}", next = or_not_yet(what_happens_next))
                    }
                    Some(other) => other.answer().label().to_string(),
                };
                let risks = match a.risks.len() {
                    0 => tr!("None recorded"),
                    n => review_core::trn!(n, "{n} risk", "{n} risks"),
                };
                let rows = vec![
                    (tr!("Time for"), need),
                    (tr!("When"), or_not_yet(&a.when)),
                    (tr!("Provided by"), or_not_yet(&a.provider)),
                    (
                        tr!("Paid for"),
                        a.funding
                            .map_or_else(|| or_not_yet(""), |f| f.label().to_string()),
                    ),
                    (tr!("Risks"), risks),
                    (tr!("Agreed"), agreed),
                ];
                view! { {note} <ShortAnswers rows=rows /> }
            })
        })
    };
    let aid = id.clone();
    let add_risk = move |_| {
        let rid = crate::browser::clock::new_id();
        ctx.send(Command::AddCoverRisk {
            arrangement: aid.clone(),
            id: rid.clone(),
        });
        request_animation_frame(move || focus_by_id(&ids::cover_risk(&rid, "risk")));
    };
    let (need_legend, kind_legend, agreement_legend) = (
        tr!("What does {carer} need the time for?", carer = carer),
        tr!(
            "What support will {individual} have?",
            individual = individual
        ),
        tr!("Did {individual} agree to this?", individual = individual),
    );
    let (detail_id, how_id, next_id) = (
        arrangement.field("makes-room-for-detail"),
        arrangement.field("how-agreed"),
        arrangement.field("what-happens-next"),
    );
    let individual_id = ctx
        .review
        .with_untracked(|r| r.individual().map(|p| p.id.clone()).unwrap_or_default());
    let field = move |name: &str| arrangement.field(name);
    let err = move |name: &str| arrangement.error(name);
    let text = move |answer: fn(&CoverArrangement) -> String| arrangement.read(answer);
    view! {
        <ListCard entry=arrangement title=arrangement.title(|a| a.kind.map(CoverKind::label))
            summary=summary>
            <Radios easy="cover.need" id=field("makes-room-for") legend=need_legend.clone()
                choices=Choice::list(CarerNeed::ALL, CarerNeed::key, CarerNeed::label)
                value=need error=err("makes-room-for") on_change=arrangement.set(CoverField::MakesRoomFor) />
            {
                let (detail_id, detail_err) = (detail_id.clone(), err("makes-room-for-detail"));
                view! {
                    <Show when=move || need.get() == Some(CarerNeed::Other)>
                        <TextInput easy="cover.need-detail" id=detail_id.clone() label={tr!("What do they need the time for?")}
                            value=text(|a| a.makes_room_for_detail.clone()) error=detail_err
                            on_input=arrangement.set(CoverField::MakesRoomForDetail) width="app-input--width-30" />
                    </Show>
                }
            }
            <Radios easy="cover.kind" id=field("kind") legend=kind_legend.clone()
                choices=Choice::list(CoverKind::ALL, CoverKind::key, CoverKind::label)
                value=arrangement.read(|a| a.kind) error=err("kind") on_change=arrangement.set(CoverField::Kind) />
            <TextInput easy="cover.when" id=field("when") label={tr!("When, and how often?")}
                hint={tr!("For example: Tuesdays from 10am to 4pm, every week")}
                value=text(|a| a.when.clone()) error=err("when") on_input=arrangement.set(CoverField::When) width="app-input--width-30" />
            <TextInput easy="cover.provider" id=field("provider") label={tr!("Who will provide it?")}
                hint={tr!("For example: Northshire Sitting Service, their sister Farah")}
                value=text(|a| a.provider.clone()) error=err("provider") on_input=arrangement.set(CoverField::Provider) width="app-input--width-30" />
            <Radios easy="cover.funding" id=field("funding") legend={tr!("How will it be paid for?")}
                choices=Choice::list(Funding::ALL, Funding::key, Funding::label)
                value=arrangement.read(|a| a.funding) error=err("funding") on_change=arrangement.set(CoverField::Funding) />
            <h4 class="app-heading-s">{tr!("Risks and how they are managed")}</h4>
            <p class="app-hint">{tr!("For example: a new carer who does not know their routine, managed by a handover visit first.")}</p>
            <For each=move || risks.get() key=|id| id.clone()
                children=move |rid| view! { <RiskFields id=rid errors=list.errors /> } />
            <div class="app-form-group">
                <button type="button" class="app-button app-button--secondary app-u-mb-0"
                    id=field("add-risk") on:click=add_risk.clone()>
                    {tr!("Add a risk")}
                </button>
            </div>
            <Radios easy=("cover.agreement", individual.clone()) id=field("agreement") legend=agreement_legend.clone()
                hint={tr!("Their wishes count, whether they say so themselves or through someone who helps them.")}
                choices=agreement_choices.clone()
                value=answer error=err("agreement") on_change=set_answer />
            {
                let how_id = how_id.clone();
                let individual_id = individual_id.clone();
                view! {
                    <Show when=move || answer.get() == Some(AgreementAnswer::Agreed)>
                        <HowAgreedPick id=how_id.clone() person=individual_id.clone() value=how on_change=set_how />
                    </Show>
                }
            }
            {
                let (next_id, next_err, not_agreed_note) =
                    (next_id.clone(), err("what-happens-next"), not_agreed_note.clone());
                view! {
                    <Show when=move || answer.get() == Some(AgreementAnswer::NotAgreed)>
                        <div class="app-inset-text">
                            <p class="app-body">{not_agreed_note.clone()}</p>
                        </div>
                        <TextArea easy="cover.next" id=next_id.clone() label={tr!("What happens next?")}
                            hint={tr!("For example: talk again with their advocate next week; try a sitting service at home instead of a short stay")}
                            value=next_step error=next_err on_input=set_next_step rows=3 />
                    </Show>
                }
            }
        </ListCard>
    }
}

/// One risk of an arrangement and how it is managed.
#[component]
fn RiskFields(
    /// The risk's id.
    id: String,
    /// The page's errors.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let found = ctx.select_by(&id, move |r, rid| {
        r.cover_arrangements.iter().find_map(|a| {
            a.risks.iter().position(|k| k.id == rid).map(|i| {
                let k = &a.risks[i];
                (i + 1, k.risk.clone(), k.management.clone())
            })
        })
    });
    let risk =
        Signal::derive(move || found.with(|f| f.as_ref().map(|f| f.1.clone()).unwrap_or_default()));
    let management =
        Signal::derive(move || found.with(|f| f.as_ref().map(|f| f.2.clone()).unwrap_or_default()));
    let place = Signal::derive(move || found.with(|f| f.as_ref().map(|f| f.0).unwrap_or(1)));
    // The core sets both answers at once; each field sends the other as it stands.
    let rid = id.clone();
    let set_risk = Callback::new(move |risk: String| {
        ctx.send(Command::SetCoverRisk {
            id: rid.clone(),
            risk,
            management: management.get_untracked(),
        })
    });
    let rid = id.clone();
    let set_management = Callback::new(move |management: String| {
        ctx.send(Command::SetCoverRisk {
            id: rid.clone(),
            risk: risk.get_untracked(),
            management,
        })
    });
    let rid = id.clone();
    let add_id = ctx.review.with_untracked(|r| {
        r.cover_arrangements
            .iter()
            .find(|a| a.risks.iter().any(|k| k.id == rid))
            .map(|a| ids::cover(&a.id, "add-risk"))
            .unwrap_or_default()
    });
    let rid = id.clone();
    let remove = Callback::new(move |()| {
        let what = tr!("risk {n}", n = place.get_untracked());
        if ctx.send_removal(Command::RemoveCoverRisk { id: rid.clone() }, what) {
            let add_id = add_id.clone();
            request_animation_frame(move || focus_by_id(&add_id));
        }
    });
    let field = {
        let id = id.clone();
        move |f: &str| ids::cover_risk(&id, f)
    };
    view! {
        <div class="app-card">
            <div class="app-card__body">
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend app-fieldset__legend--s">{move || tr!("Risk {n}", n = place.get())}</legend>
                    <TextArea easy="cover.risk" id=field("risk") label={tr!("What is the risk?")} value=risk
                        error=errors.for_field(field("risk")) on_input=set_risk rows=2 />
                    <TextArea easy="cover.risk-managed" id=field("management") label={tr!("How will it be managed?")} value=management
                        error=errors.for_field(field("management")) on_input=set_management rows=2 />
                </fieldset>
                <VisibilityChoice item=id.clone() what={tr!("this risk")} />
            </div>
            <RemoveWithConfirm id=field("remove") what=Signal::derive(move || tr!("risk {n}", n = place.get())) on_remove=remove />
        </div>
    }
}
