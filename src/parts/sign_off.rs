//! Check and sign off (P23): check everything on one page, then each person
//! taking part signs (the worker last), which locks the review; a locked
//! review can be amended as a new version.

use super::task_list_parts;
use crate::components::{BackLink, Choice, Page, Radios, TextArea, TextInput};
use crate::state::{use_app, use_review};
use crate::{clock, storage};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use review_core::progress::{Part, Status};
use review_core::signoff::{ready_to_sign, signers, still_to_sign, SignOffDecision, SignOffMethod};
use review_core::validate::called;
use review_core::{outcome, rating, readiness, Participant, Review, ReviewState, Role};
use wasm_bindgen::JsCast;

/// One row of the check page: what, the answer, and where to change it.
struct Row {
    key: String,
    value: String,
    change: Option<(String, String)>,
}

fn row(key: impl Into<String>, value: impl Into<String>) -> Row {
    let value = value.into();
    Row {
        key: key.into(),
        value: if value.trim().is_empty() {
            "Not given".into()
        } else {
            value
        },
        change: None,
    }
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "Not answered",
    }
}

/// The check page's rows for one part, with "Change" links back to it.
fn rows_of(review: &Review, part: Part) -> Vec<Row> {
    let base = format!("/review/{}", review.id);
    let part_href = format!("{base}/{}", part.slug());
    let with_change = |mut r: Row, href: String, what: &str| {
        r.change = Some((href, what.to_string()));
        r
    };
    match part {
        Part::WhoIsHere => review
            .participants
            .iter()
            .map(|p| {
                let attendance = p.attendance.map(|a| a.label()).unwrap_or("Not said");
                let rel = if p.relationship.trim().is_empty() {
                    String::new()
                } else {
                    format!(", {}", p.relationship.trim())
                };
                with_change(
                    row(
                        p.role.label(),
                        format!("{}{rel}. {attendance}", p.name.trim()),
                    ),
                    format!("{base}/who/{}", p.id),
                    &format!("details of {}", called(p)),
                )
            })
            .collect(),
        Part::TakingPart => review
            .supported_participants()
            .map(|p| {
                let mut needs: Vec<String> = readiness::needs_of(p)
                    .into_iter()
                    .map(|n| readiness::need_label(p, n))
                    .collect();
                if !p.support.preferred_language.trim().is_empty() {
                    needs.insert(
                        0,
                        format!("prefers {}", p.support.preferred_language.trim()),
                    );
                }
                let value = if needs.is_empty() {
                    "Nothing needed".into()
                } else {
                    needs.join("; ")
                };
                with_change(
                    row(called(p), value),
                    format!("{base}/taking-part/{}", p.id),
                    &format!("what helps {} take part", called(p)),
                )
            })
            .collect(),
        Part::HowWeReview => {
            let p = &review.process;
            let agreed: Vec<String> = p
                .agreed_by
                .iter()
                .filter_map(|id| review.participant(id))
                .map(called)
                .collect();
            vec![
                row("Why", p.reason.map(|r| r.label()).unwrap_or("")),
                row("How deep", p.depth.map(|d| d.label()).unwrap_or("")),
                row(
                    "Covers",
                    p.agenda
                        .iter()
                        .map(|a| a.label())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                row("Carer's private time", yes_no(p.carer_private_time)),
                row("Summary goes to", p.confidentiality.recipients.clone()),
                row(
                    "Must not be shared",
                    p.confidentiality
                        .restrictions
                        .iter()
                        .map(|r| format!("{} (not with {})", r.what.trim(), r.not_with.trim()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                row("Agreed by", agreed.join(", ")),
            ]
            .into_iter()
            .map(|r| {
                let what = format!("{} (how we will review)", r.key.to_lowercase());
                with_change(r, part_href.clone(), &what)
            })
            .collect()
        }
        Part::Criteria => review
            .criteria
            .iter()
            .map(|c| {
                let agreed: Vec<String> = c
                    .agreed_by
                    .iter()
                    .filter_map(|id| review.participant(id))
                    .map(called)
                    .collect();
                with_change(
                    row(
                        c.wording.trim(),
                        format!("{}. Agreed by {}", c.scale.label(), agreed.join(", ")),
                    ),
                    part_href.clone(),
                    &format!("criterion {}", c.wording.trim()),
                )
            })
            .collect(),
        Part::Readiness => readiness::checks(review)
            .into_iter()
            .map(|c| {
                let status = match c.status {
                    Some(review_core::NeedStatus::Met) => "In place".to_string(),
                    Some(review_core::NeedStatus::NotMet {
                        action,
                        reason_to_continue,
                    }) => {
                        format!(
                            "Not in place. Done: {}. Went on because: {}",
                            action.trim(),
                            reason_to_continue.trim()
                        )
                    }
                    None => "Not checked".into(),
                };
                with_change(
                    row(
                        format!(
                            "{} for {}",
                            readiness::need_label(c.participant, c.need),
                            called(c.participant)
                        ),
                        status,
                    ),
                    part_href.clone(),
                    "readiness",
                )
            })
            .collect(),
        Part::Ratings => review
            .criteria
            .iter()
            .map(|c| {
                let s = rating::spread(review, c);
                let value = if s.not_discussed {
                    "Not discussed".to_string()
                } else {
                    s.points
                        .iter()
                        .filter(|p| p.count() > 0)
                        .map(|p| {
                            let who: Vec<String> = p
                                .who
                                .iter()
                                .map(|id| {
                                    review
                                        .person_name(&review_core::Person::participant(id.clone()))
                                })
                                .collect();
                            format!("{}: {}", p.point.label(), who.join(", "))
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                with_change(
                    row(c.wording.trim(), value),
                    format!("{base}/rate/{}", c.id),
                    &format!("ratings for {}", c.wording.trim()),
                )
            })
            .collect(),
        Part::Services => {
            let mut rows = vec![with_change(
                row("Uses services or support", yes_no(review.services_in_use)),
                part_href.clone(),
                "services",
            )];
            rows.extend(review.resources.iter().map(|r| {
                let decision = r.decision.map(|d| d.label()).unwrap_or("No decision");
                let met = r.needs_met.map(|n| n.label()).unwrap_or("");
                with_change(
                    row(
                        r.name.trim(),
                        format!(
                            "{met}. {decision}. {}",
                            review_core::written(&r.changes)
                                .map(|c| c.text.trim())
                                .collect::<Vec<_>>()
                                .join("; ")
                        ),
                    ),
                    part_href.clone(),
                    &format!("service {}", r.name.trim()),
                )
            }));
            rows.extend(review.gaps.iter().map(|g| {
                with_change(
                    row("Gap in support", g.what.clone()),
                    part_href.clone(),
                    "gap in support",
                )
            }));
            rows
        }
        Part::Cover => {
            let mut rows = vec![with_change(
                row("Support needs to change", yes_no(review.cover_needed)),
                part_href.clone(),
                "cover",
            )];
            rows.extend(review.cover_arrangements.iter().map(|a| {
                let kind = a.kind.map(|k| k.label()).unwrap_or("");
                let agreement = match &a.agreement {
                    Some(review_core::IndividualAgreement::Agreed) => "Agreed".to_string(),
                    Some(review_core::IndividualAgreement::AgreedThroughAdvocate { .. }) => {
                        "Agreed through their advocate".into()
                    }
                    Some(review_core::IndividualAgreement::NotAgreed { what_happens_next }) => {
                        format!("Not agreed. Next: {}", what_happens_next.trim())
                    }
                    Some(review_core::IndividualAgreement::NotAskedYet) | None => {
                        "Not asked yet".into()
                    }
                };
                with_change(
                    row(
                        kind,
                        format!("{}, {}. {agreement}", a.when.trim(), a.provider.trim()),
                    ),
                    part_href.clone(),
                    "cover arrangement",
                )
            }));
            rows
        }
        Part::Escalations => {
            let mut rows = vec![with_change(
                row(
                    "Needs someone else's help",
                    yes_no(review.escalation_needed),
                ),
                part_href.clone(),
                "escalations",
            )];
            rows.extend(review.escalations.iter().map(|e| {
                let route = e.route.map(|r| r.label()).unwrap_or("");
                let urgency = e.urgency.map(|u| u.label()).unwrap_or("");
                with_change(
                    row(
                        e.matter.trim(),
                        format!("{route}, {urgency}. {}", e.status.label()),
                    ),
                    part_href.clone(),
                    &format!("matter {}", e.matter.trim()),
                )
            }));
            rows
        }
        Part::Outcome => {
            let mut rows: Vec<Row> = review
                .actions
                .iter()
                .map(|a| {
                    let owner = a
                        .owner
                        .as_ref()
                        .map(|o| review.person_name(o))
                        .unwrap_or_default();
                    let due = a
                        .due
                        .map(|d| d.format("%-d %B %Y").to_string())
                        .unwrap_or_default();
                    with_change(
                        row("Action", format!("{} ({owner}, by {due})", a.what.trim())),
                        part_href.clone(),
                        "action",
                    )
                })
                .collect();
            rows.push(with_change(
                row(
                    "Outcome",
                    review.outcome.decision.map(|d| d.label()).unwrap_or(""),
                ),
                part_href.clone(),
                "outcome",
            ));
            rows.push(with_change(
                row("Why", review.outcome.rationale.clone()),
                part_href.clone(),
                "reason for the outcome",
            ));
            rows.push(with_change(
                row(
                    "Next review",
                    outcome::next_review(review).format("%-d %B %Y").to_string(),
                ),
                part_href.clone(),
                "next review date",
            ));
            rows
        }
    }
}

/// Every part on one page, things needing attention first (GOV.UK "check
/// your answers"), then on to signing.
#[component]
pub fn CheckAnswers() -> impl IntoView {
    let ctx = use_review();
    let review = ctx.review;
    let unfinished = ctx.select(|r| {
        task_list_parts(r)
            .into_iter()
            .filter(|p| p.status(r) != Status::Done)
            .map(|p| (p, p.status(r)))
            .collect::<Vec<_>>()
    });
    let ready = ctx.select(ready_to_sign);
    view! {
        <BackLink href=ctx.path("") text="Back to the review" />
        <Page title="Check the review before signing" caption="Check and sign off · P23">
            <Show when=move || !unfinished.with(Vec::is_empty)>
                <div class="app-notification-banner app-notification-banner--warning" role="region" aria-labelledby="unfinished-title">
                    <div class="app-notification-banner__content">
                        <h2 class="app-heading-m" id="unfinished-title">"Finish these first"</h2>
                        <ul class="app-list">
                            {move || unfinished.get().into_iter().map(|(p, s)| view! {
                                <li>
                                    <A href=ctx.part_path(p) attr:class="app-link app-link--standalone">{p.title()}</A>
                                    {format!(" – {}", s.label())}
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            </Show>
            {move || review.with(|r| task_list_parts(r).into_iter().map(|part| {
                let rows = rows_of(r, part);
                view! {
                    <h2 class="app-heading-m">{format!("{} ({})", part.title(), part.code())}</h2>
                    <dl class="app-summary-list">
                        {rows.into_iter().map(|row| view! {
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{row.key}</dt>
                                <dd class="app-summary-list__value">{row.value}</dd>
                                <dd class="app-summary-list__actions">
                                    {row.change.map(|(href, what)| view! {
                                        <A href=href attr:class="app-link">
                                            "Change"<span class="app-visually-hidden">{format!(" {what}")}</span>
                                        </A>
                                    })}
                                </dd>
                            </div>
                        }).collect_view()}
                    </dl>
                }
            }).collect_view())}
            <div class="app-button-group">
                <Show
                    when=move || ready.get()
                    fallback=|| view! { <p class="app-body">"Signing opens when every part is done."</p> }
                >
                    <A href=ctx.path("sign") attr:class="app-button">"Continue to sign off"</A>
                </Show>
            </div>
        </Page>
    }
}

/// Where focus goes after a signature: the next person's turn, or the locked review.
const SIGN_TURN: &str = "sign-turn";
const SIGNED_OFF: &str = "signed-off";

/// How someone signs, as chosen on the sign-off screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    Tap,
    TypedName,
    Draw,
    Supporter,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Says {
    Agrees,
    Comment,
    Disagrees,
}

/// Each person taking part signs in turn, the worker last.
#[component]
pub fn SignOff() -> impl IntoView {
    let ctx = use_review();
    let locked = ctx.select(|r| r.state == ReviewState::SignedOff);
    let waiting = ctx.select(|r| still_to_sign(r).into_iter().cloned().collect::<Vec<_>>());
    let signed = ctx.select(|r| {
        r.sign_offs
            .iter()
            .map(|s| {
                let who = r
                    .participant(&s.participant)
                    .map(called)
                    .unwrap_or_default();
                let says = match &s.decision {
                    SignOffDecision::Agrees => "Agrees".to_string(),
                    SignOffDecision::AgreesWithComment { comment } => {
                        format!("Agrees, with a comment: {comment}")
                    }
                    SignOffDecision::Disagrees { reason } => format!("Does not agree: {reason}"),
                };
                let how = match &s.method {
                    SignOffMethod::Tap => "by tapping".to_string(),
                    SignOffMethod::TypedName { .. } => "by typing their name".into(),
                    SignOffMethod::DrawnMark { .. } => "with a drawn mark".into(),
                    SignOffMethod::ThroughSupporter { by, how } => format!(
                        "through {} ({how})",
                        r.participant(by).map(called).unwrap_or_default()
                    ),
                };
                (who, format!("{says}, {how}"))
            })
            .collect::<Vec<_>>()
    });
    let finalised = ctx.select(|r| r.finalised_at.map(|t| clock::long_date(&t)));
    view! {
        <BackLink href=ctx.path("check") text="Back to checking the review" />
        <Page title="Sign off the review" caption="Check and sign off · P23">
            <p class="app-body">
                "Everyone taking part says whether they agree with the review. The worker signs last, and that locks the review."
            </p>
            <Show when=move || !signed.with(Vec::is_empty)>
                <h2 class="app-heading-m">"Signed so far"</h2>
                <dl class="app-summary-list">
                    {move || signed.get().into_iter().map(|(who, what)| view! {
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">{who}</dt>
                            <dd class="app-summary-list__value">{what}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </Show>
            {move || {
                if locked.get() {
                    return view! {
                        <div class="app-notification-banner app-notification-banner--success" role="status">
                            <div class="app-notification-banner__content">
                                <h2 class="app-heading-m" id=SIGNED_OFF tabindex="-1">"The review is signed off"</h2>
                                <p class="app-body">{format!("Signed off on {}. It is locked: nobody can change it now.", finalised.get().unwrap_or_default())}</p>
                            </div>
                        </div>
                        <super::SummaryDownload />
                        <p class="app-body">
                            <A href=ctx.path("amend") attr:class="app-link app-link--standalone">"Amend this review"</A>
                        </p>
                    }
                    .into_any();
                }
                match waiting.get().into_iter().next() {
                    Some(next) => view! { <SignForm person=next /> }.into_any(),
                    None => view! { <p class="app-body">"Nobody is waiting to sign."</p> }.into_any(),
                }
            }}
        </Page>
    }
}

/// The form for the person whose turn it is.
#[component]
fn SignForm(
    /// The person signing now.
    person: Participant,
) -> impl IntoView {
    let ctx = use_review();
    let pid = person.id.clone();
    let name = called(&person);
    let is_worker = person.role == Role::Worker;
    let supporters = ctx.select(|r| {
        signers(r)
            .filter(|p| matches!(p.role, Role::Advocate | Role::Interpreter))
            .map(|p| (p.id.clone(), p.display_name()))
            .collect::<Vec<_>>()
    });
    let says = RwSignal::new(None::<Says>);
    let way = RwSignal::new(None::<Way>);
    let comment = RwSignal::new(String::new());
    let typed = RwSignal::new(String::new());
    let mark = RwSignal::new(String::new());
    let supporter = RwSignal::new(None::<String>);
    let how = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let sign = move |_| {
        let decision = match says.get_untracked() {
            Some(Says::Agrees) => SignOffDecision::Agrees,
            Some(Says::Comment) => SignOffDecision::AgreesWithComment {
                comment: comment.get_untracked(),
            },
            Some(Says::Disagrees) => SignOffDecision::Disagrees {
                reason: comment.get_untracked(),
            },
            None => {
                problem.set(Some("Select whether they agree with the review".into()));
                return;
            }
        };
        let method = match way.get_untracked() {
            Some(Way::Tap) => SignOffMethod::Tap,
            Some(Way::TypedName) => SignOffMethod::TypedName {
                name: typed.get_untracked(),
            },
            Some(Way::Draw) => SignOffMethod::DrawnMark {
                path: mark.get_untracked(),
            },
            Some(Way::Supporter) => SignOffMethod::ThroughSupporter {
                by: supporter.get_untracked().unwrap_or_default(),
                how: how.get_untracked(),
            },
            None => {
                problem.set(Some("Select how they will sign".into()));
                return;
            }
        };
        let result = ctx.sign_off(&pid, decision, method);
        let signed = result.is_ok();
        problem.set(result.err().map(|e| e.to_string()));
        if signed {
            // This form and its button are gone: focus goes to whose turn it
            // is now (or to the locked review), not back to the top of the page.
            request_animation_frame(|| {
                let next_turn = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(SIGN_TURN))
                    .is_some();
                crate::components::focus_by_id(if next_turn { SIGN_TURN } else { SIGNED_OFF });
            });
        }
    };
    let mut ways = vec![
        Choice::new(Way::Tap, "tap", "Tap the button below"),
        Choice::new(Way::TypedName, "typed-name", "Type their name"),
        Choice::new(Way::Draw, "draw", "Draw a mark with a finger"),
    ];
    if !is_worker && !supporters.get_untracked().is_empty() {
        ways.push(Choice::new(
            Way::Supporter,
            "supporter",
            "Through their advocate or interpreter",
        ));
    }
    let role = if is_worker {
        "worker, signing last".to_string()
    } else {
        person.role.noun().to_string()
    };
    view! {
        <div class="app-turn-banner" role="status" id=SIGN_TURN tabindex="-1">
            <span class="app-turn-banner__label">"Now: "</span>
            <span class="app-turn-banner__name">{format!("{name}, {role}")}</span>
        </div>
        <p class="app-body">{format!("Please pass the tablet to {name}.")}</p>
        <Radios id="sign-says" legend=format!("Does {name} agree with the review?")
            choices=vec![
                Choice::new(Says::Agrees, "agrees", "Yes, I agree"),
                Choice::new(Says::Comment, "comment", "I agree, with a comment"),
                Choice::new(Says::Disagrees, "disagrees", "No, I do not agree"),
            ]
            value=says on_change=Callback::new(move |v| says.set(Some(v))) />
        <Show when=move || says.get() == Some(Says::Comment)>
            <TextArea id="sign-comment" label="Their comment" value=comment rows=3
                on_input=Callback::new(move |v| comment.set(v)) />
        </Show>
        <Show when=move || says.get() == Some(Says::Disagrees)>
            <TextArea id="sign-reason" label="Why do they not agree?" value=comment rows=3
                on_input=Callback::new(move |v| comment.set(v)) />
        </Show>
        <Radios id="sign-way" legend="How will they sign?" choices=ways
            value=way on_change=Callback::new(move |v| way.set(Some(v))) />
        <Show when=move || way.get() == Some(Way::TypedName)>
            <TextInput id="sign-typed-name" label="Type your name" value=typed width="app-input--width-30"
                on_input=Callback::new(move |v| typed.set(v)) />
        </Show>
        <Show when=move || way.get() == Some(Way::Draw)>
            <MarkPad path=mark />
        </Show>
        <Show when=move || way.get() == Some(Way::Supporter)>
            <Radios id="sign-supporter" legend="Who is helping them?"
                choices=supporters.get_untracked().into_iter().map(|(id, n)| Choice::new(id.clone(), &id, &n)).collect()
                value=supporter on_change=Callback::new(move |v| supporter.set(Some(v))) />
            <TextArea id="sign-how" label="How did they show what they think?"
                hint="For example: pointed to the thumbs-up symbol, nodded when asked in BSL"
                value=how rows=2 on_input=Callback::new(move |v| how.set(v)) />
        </Show>
        {move || problem.get().map(|p| view! { <p class="app-error-message" role="alert">{p}</p> })}
        <div class="app-button-group">
            <button type="button" class="app-button" on:click=sign>{format!("Sign as {name}")}</button>
        </div>
    }
}

/// A box to draw a mark in with a finger or stylus (pointer events, no
/// scrolling while drawing). The mark is kept as a plain SVG path.
#[component]
fn MarkPad(
    /// Receives the path as it is drawn ("M x y L x y ...").
    path: RwSignal<String>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let drawing = RwSignal::new(false);
    let context = move || {
        canvas.get().and_then(|c| {
            c.get_context("2d")
                .ok()
                .flatten()
                .and_then(|o| o.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        })
    };
    // Canvas coordinates from a pointer event, as whole numbers.
    let point = move |ev: &web_sys::PointerEvent| -> Option<(i32, i32)> {
        let c = canvas.get()?;
        let rect = c.get_bounding_client_rect();
        let sx = f64::from(c.width()) / rect.width().max(1.0);
        let sy = f64::from(c.height()) / rect.height().max(1.0);
        Some((
            ((f64::from(ev.client_x()) - rect.left()) * sx).round() as i32,
            ((f64::from(ev.client_y()) - rect.top()) * sy).round() as i32,
        ))
    };
    let down = move |ev: web_sys::PointerEvent| {
        ev.prevent_default();
        if let (Some((x, y)), Some(cx)) = (point(&ev), context()) {
            drawing.set(true);
            path.update(|p| {
                if !p.is_empty() {
                    p.push(' ');
                }
                p.push_str(&format!("M {x} {y}"));
            });
            cx.begin_path();
            cx.set_line_width(4.0);
            cx.set_stroke_style_str("#0b0c0c");
            cx.move_to(f64::from(x), f64::from(y));
        }
    };
    let moved = move |ev: web_sys::PointerEvent| {
        if !drawing.get_untracked() {
            return;
        }
        if let (Some((x, y)), Some(cx)) = (point(&ev), context()) {
            path.update(|p| p.push_str(&format!(" L {x} {y}")));
            cx.line_to(f64::from(x), f64::from(y));
            cx.stroke();
        }
    };
    let up = move |_| drawing.set(false);
    let clear = move |_| {
        path.set(String::new());
        if let (Some(c), Some(cx)) = (canvas.get(), context()) {
            cx.clear_rect(0.0, 0.0, f64::from(c.width()), f64::from(c.height()));
        }
    };
    view! {
        <div class="app-form-group">
            <p class="app-label" id="mark-label">"Draw your mark in the box"</p>
            <canvas
                class="app-mark-pad"
                width="600"
                height="200"
                role="img"
                aria-labelledby="mark-label"
                node_ref=canvas
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointerleave=up
                on:pointercancel=up
            ></canvas>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" on:click=clear>"Clear the mark"</button>
            </div>
        </div>
    }
}

/// Start a new version of a signed-off review, saying what changes and why.
#[component]
pub fn Amend() -> impl IntoView {
    let ctx = use_review();
    // The review is locked, but the amendment's own questions are not.
    provide_context(crate::state::ReadOnly::default());
    let app = use_app();
    let navigate = use_navigate();
    let reason = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let amend = move |_| {
        let result = ctx.review.with_untracked(|r| {
            r.amend(
                clock::new_id(),
                &reason.get_untracked(),
                &what.get_untracked(),
                clock::now(),
            )
        });
        match result {
            Ok(next) => match storage::save_review(&next) {
                Ok(()) => {
                    app.flash.set(None);
                    navigate(&format!("/review/{}", next.id), Default::default());
                }
                Err(e) => problem.set(Some(format!("The new version could not be saved: {e}."))),
            },
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <BackLink href=ctx.path("sign") text="Back to the sign-off" />
        <Page title="Amend this review" caption="Check and sign off · P23">
            <p class="app-body">
                "This makes a new version of the review that you can change and everyone signs again. The signed version is kept as it is."
            </p>
            <TextArea id="amend-reason" label="Why does the review need amending?" value=reason rows=3
                on_input=Callback::new(move |v| reason.set(v)) />
            <TextArea id="amend-what" label="What will change?" value=what rows=3
                on_input=Callback::new(move |v| what.set(v)) />
            {move || problem.get().map(|p| view! { <p class="app-error-message" role="alert">{p}</p> })}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=amend>"Make a new version"</button>
            </div>
        </Page>
    }
}
