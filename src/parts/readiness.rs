//! Ready to start (P18): each need people have to take part, in place, or
//! not in place with what was done and why the meeting goes on.

use crate::components::{Choice, PartPage, Radios, TextArea};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::progress::Part;
use review_core::readiness::{checks, need_label, ready_to_review};
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::{Command, CommunicationMethod, Need, NeedStatus};

/// The check before the review proper (P18): each need met, or not met with
/// what was done and why the meeting can go on.
#[component]
pub fn Readiness() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::readiness));
    let needs = ctx.select(|r| {
        checks(r)
            .into_iter()
            .map(|c| (c.participant.id.clone(), c.need))
            .collect::<Vec<_>>()
    });
    let ready = ctx.select(ready_to_review);
    view! {
        <PartPage part=Part::Readiness errors=errors>
            <p class="app-body">
                {tr!("Before the review starts, check that everything people need to take part is in place.")}
            </p>
            <Show when=move || needs.with(Vec::is_empty)>
                <p class="app-body">
                    {crate::components::linked(
                        &tr!("Nobody has said they need anything set up. If that changes, add it in {taking_part}."),
                        |slot| (slot == "taking_part").then(|| view! { <A exact=true href=crate::href(ctx.part_path(Part::TakingPart))>{tr!("help to take part")}</A> }.into_any()),
                    )}
                </p>
            </Show>
            <For each=move || needs.get() key=|(pid, need)| format!("{pid}/{}", need.key())
                children=move |(pid, need)| view! { <NeedCheck participant=pid need=need errors=errors /> } />
            <div class="app-inset-text" role="status">
                {move || if ready.get() {
                    tr!("Everyone has what they need, or there is a recorded reason to go on. The review can start.")
                } else {
                    tr!("Not ready yet: answer each question above.")
                }}
            </div>
        </PartPage>
    }
}

#[component]
fn NeedCheck(
    /// Whose need it is.
    participant: String,
    /// The need to check.
    need: Need,
    /// The page's errors.
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let state = ctx.select_by(&participant, move |r, pid| {
        let p = r.participant(pid)?;
        let status = r.readiness.get(&review_core::need_key(pid, need)).cloned();
        Some((need_label(p, need), review_core::words::called(p), status))
    });
    let status = Signal::derive(move || state.with(|s| s.as_ref().and_then(|s| s.2.clone())));
    let met =
        Signal::derive(move || status.with(|s| s.as_ref().map(|s| matches!(s, NeedStatus::Met))));
    let texts = move || match status.get() {
        Some(NeedStatus::NotMet {
            action,
            reason_to_continue,
        }) => (action, reason_to_continue),
        _ => Default::default(),
    };
    let (p1, p2, p3) = (
        participant.clone(),
        participant.clone(),
        participant.clone(),
    );
    let set_met = Callback::new(move |is_met: bool| {
        let status = if is_met {
            NeedStatus::Met
        } else {
            let (action, reason_to_continue) = texts();
            NeedStatus::NotMet {
                action,
                reason_to_continue,
            }
        };
        ctx.send(Command::SetNeedStatus {
            participant: p1.clone(),
            need,
            status: Some(status),
        })
    });
    let set_action = Callback::new(move |action: String| {
        let (_, reason_to_continue) = texts();
        ctx.send(Command::SetNeedStatus {
            participant: p2.clone(),
            need,
            status: Some(NeedStatus::NotMet {
                action,
                reason_to_continue,
            }),
        })
    });
    let set_reason = Callback::new(move |reason_to_continue: String| {
        let (action, _) = texts();
        ctx.send(Command::SetNeedStatus {
            participant: p3.clone(),
            need,
            status: Some(NeedStatus::NotMet {
                action,
                reason_to_continue,
            }),
        })
    });
    let who_name = state.with_untracked(|s| s.as_ref().map(|s| s.1.clone()).unwrap_or_default());
    let legend = move || {
        state.with(|s| {
            s.as_ref()
                .map(|(label, who, _)| {
                    tr!(
                        "Is everything ready for {who}: {label}?",
                        who = who,
                        label = label
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="app-card">
            <div class="app-card__body">
                <Radios easy=(need_easy(need), who_name.clone()) id=ids::need(&participant, need) legend=legend()
                    choices=vec![Choice::new(true, "met", tr!("Yes, it is in place")), Choice::new(false, "not-met", tr!("No, it is not"))]
                    value=met error=errors.for_field(ids::need(&participant, need)) on_change=set_met />
                <Show when=move || met.get() == Some(false)>
                    <TextArea easy="ready.action" id=ids::need_action(&participant, need) label={tr!("What did you do about it?")}
                        hint={tr!("For example: booked an interpreter for a new date, used a phone interpreter")}
                        value=Signal::derive(move || texts().0) error=errors.for_field(ids::need_action(&participant, need))
                        rows=2 on_input=set_action />
                    <TextArea easy="ready.reason" id=ids::need_reason(&participant, need) label={tr!("Why can the review go on today without it?")}
                        hint={tr!("If it cannot, stop here and arrange the review again.")}
                        value=Signal::derive(move || texts().1) error=errors.for_field(ids::need_reason(&participant, need))
                        rows=2 on_input=set_reason />
                </Show>
            </div>
        </div>
    }
}

/// The easy read of the question about a need (`review_core::easy`).
fn need_easy(need: Need) -> &'static str {
    match need {
        Need::Interpreter => "ready.interpreter",
        Need::Advocate => "ready.advocate",
        Need::Communication(method) => match method {
            CommunicationMethod::Spoken => "ready.method-spoken",
            CommunicationMethod::Signs => "ready.method-signs",
            CommunicationMethod::Symbols => "ready.method-symbols",
            CommunicationMethod::Pictures => "ready.method-pictures",
            CommunicationMethod::Writing => "ready.method-writing",
            CommunicationMethod::ObjectsOfReference => "ready.method-objects-of-reference",
            CommunicationMethod::CommunicationPassport => "ready.method-communication-passport",
            CommunicationMethod::Aids => "ready.method-aids",
        },
        Need::Adjustments => "ready.adjustments",
    }
}
