//! Sign off (P23): each person taking part says whether they agree with
//! the review and signs in their own way, the worker last, which locks the
//! review and signs its summary.

use crate::components::{
    Banner, Choice, EasyReadOffer, ErrorSummary, HowAgreedPick, Page, Problem, Radios, TextArea,
    TextInput, VisibilityPick,
};
use crate::state::{use_review, PageErrors, SignOffProblem};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::agreement::{in_words, HowAgreed};
use review_core::sharing::shown_now;
use review_core::signoff::{
    confirm_errors, form, form_errors, next_turn, supported_by, Confirms, SignOffDecision,
    SignOffMethod, Turn,
};
use review_core::tr;
use review_core::words::called;
use review_core::{Command, Participant, ReviewState, Role};
use wasm_bindgen::JsCast;

mod points;

/// Where focus goes after a signature: the next person's turn, or the locked review.
const SIGN_TURN: &str = "sign-turn";
const SIGNED_OFF: &str = "signed-off";
/// The question about the tablet's clock, when the worker's signature asks it.
const CLOCK: &str = "clock-doubt";

/// How someone signs, as chosen on the sign-off screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    Tap,
    TypedName,
    Draw,
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
    // Signatures so far make the answers read-only, not the signing itself.
    provide_context(crate::state::ReadOnly(locked.into()));
    let turn = ctx.select(next_turn);
    let signed = ctx.select(|r| {
        r.sign_offs
            .iter()
            .map(|s| {
                let who = r
                    .participant(&s.participant)
                    .map(called)
                    .unwrap_or_default();
                // Words kept from whoever holds the tablet now are not shown.
                let kept = s
                    .decision
                    .words()
                    .is_some_and(|(_, v)| !shown_now(r).shows(v));
                let says = match &s.decision {
                    _ if kept => tr!("Said something not in this copy"),
                    SignOffDecision::Agrees => tr!("Agrees"),
                    SignOffDecision::AgreesWithComment { comment, .. } => {
                        tr!("Agrees, with a comment: {comment}", comment = comment)
                    }
                    SignOffDecision::Disagrees { reason, points, .. } => {
                        let points = points.iter().map(|p| {
                            tr!("not with “{about}”: {why}", about = p.about, why = p.why)
                        });
                        let said: Vec<String> = std::iter::once(reason.clone())
                            .filter(|r| !r.is_empty())
                            .chain(points)
                            .collect();
                        tr!("Does not agree: {list}", list = said.join("; "))
                    }
                };
                let how = match &s.method {
                    SignOffMethod::Tap => tr!("by tapping"),
                    SignOffMethod::TypedName { .. } => tr!("by typing their name"),
                    SignOffMethod::DrawnMark { .. } => tr!("with a drawn mark"),
                    SignOffMethod::ThroughSupporter { by, how } => format!(
                        "through {} ({how})",
                        r.participant(by).map(called).unwrap_or_default()
                    ),
                };
                // How they showed what they think, when it was recorded.
                let shown = s
                    .how
                    .as_ref()
                    .map(|h| format!(" ({})", in_words(r, h)))
                    .unwrap_or_default();
                (who, format!("{says}{shown}, {how}"))
            })
            .chain(r.confirmations.iter().map(|c| {
                let who = r
                    .participant(&c.participant)
                    .map(called)
                    .unwrap_or_default();
                let says = match (c.confirms, c.confirmed) {
                    (Confirms::AccurateInterpretation, true) => {
                        tr!("Confirms the interpreting was accurate")
                    }
                    (Confirms::OwnViewCarried, true) => {
                        tr!("Confirms the views they gave were the person’s own")
                    }
                    (Confirms::AccurateInterpretation, false) => {
                        tr!(
                            "Could not confirm the interpreting was accurate: {note}",
                            note = c.note
                        )
                    }
                    (Confirms::OwnViewCarried, false) => {
                        tr!(
                            "Could not confirm the views they gave were the person’s own: {note}",
                            note = c.note
                        )
                    }
                };
                (who, says)
            }))
            .collect::<Vec<_>>()
    });
    let finalised = ctx.select(|r| {
        r.finalised_at
            .map(|t| review_core::words::long_date(t.date_naive()))
    });
    view! {
        <Page back=ctx.path("check") back_text={tr!("Back to checking the review")} title={tr!("Sign off the review")} caption={tr!("Check and sign off")} about=&["P23"]
            intro={tr!("Everyone taking part says whether they agree with the review; an advocate or interpreter confirms what they were here for. The worker signs last, and that locks the review.")}>
            <Show when=move || !signed.with(Vec::is_empty)>
                <h2 class="app-heading-m">{tr!("Signed so far")}</h2>
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
                                <h2 class="app-heading-m" id=SIGNED_OFF tabindex="-1">{tr!("The review is signed off")}</h2>
                                <p class="app-body">{tr!("Signed off on {get}. It is locked: nobody can change it now.", get = finalised.get().unwrap_or_default())}</p>
                            </div>
                        </div>
                        <crate::parts::summary::SummaryDownload />
                        <super::team::TeamContacts />
                        <p class="app-body">
                            <A exact=true href=crate::href(ctx.path("amend")) attr:class="app-link app-link--standalone">{tr!("Amend this review")}</A>
                        </p>
                    }
                    .into_any();
                }
                match turn.get() {
                    Some(Turn::Sign(next)) => view! { <SignForm person=next /> }.into_any(),
                    Some(Turn::Confirm(next)) => view! { <ConfirmForm person=next /> }.into_any(),
                    None => view! { <p class="app-body">{tr!("Nobody is waiting to sign.")}</p> }.into_any(),
                }
            }}
        </Page>
    }
}

/// The tablet goes to `pid` for their turn (once the form shows), unless
/// it is theirs already. Someone not in the room cannot hold it: the page
/// then stays as the worker's.
fn hand_tablet_to(pid: String) {
    let ctx = use_review();
    Effect::new(move |_| {
        if ctx
            .review
            .with_untracked(|r| r.turn.as_deref() != Some(pid.as_str()))
        {
            let _ = ctx.dispatch(Command::PassTablet { to: pid.clone() });
        }
    });
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
    // Their turn: the tablet is theirs, so the check page shows them what
    // their copy will hold, and their signature records that view.
    hand_tablet_to(pid.clone());
    let says = RwSignal::new(None::<Says>);
    let way = RwSignal::new(None::<Way>);
    let comment = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<points::Chosen>::new());
    let points_name = name.clone();
    let typed = RwSignal::new(String::new());
    let mark = RwSignal::new(String::new());
    // How they show what they think: their own way (P18), recorded for
    // everyone but the worker.
    let how = RwSignal::new(None::<HowAgreed>);
    let problem = RwSignal::new(None::<String>);
    // Why the tablet's clock may be wrong, asked before the worker's
    // signature signs the summary with it.
    let doubt = RwSignal::new(None::<String>);
    // While the worker's signature waits for the browser to sign the
    // summary: the buttons cannot be pressed again.
    let busy = RwSignal::new(false);
    // Who may see their comment or reason: the agreement's default until
    // they choose.
    let words_visibility = RwSignal::new(
        ctx.review
            .with_untracked(|r| r.process.confidentiality.default_visibility),
    );
    // The form as it stands: what they say, and how they sign.
    let decision = move || {
        says.get().map(|s| match s {
            Says::Agrees => SignOffDecision::Agrees,
            Says::Comment => SignOffDecision::AgreesWithComment {
                comment: comment.get(),
                visibility: words_visibility.get(),
            },
            Says::Disagrees => SignOffDecision::Disagrees {
                reason: comment.get(),
                visibility: words_visibility.get(),
                points: chosen.with(|c| points::points_of(c)),
            },
        })
    };
    let method = move || {
        way.get().map(|w| match w {
            Way::Tap => SignOffMethod::Tap,
            Way::TypedName => SignOffMethod::TypedName { name: typed.get() },
            Way::Draw => SignOffMethod::DrawnMark { path: mark.get() },
        })
    };
    // Checked when they ask to sign, as every part's page is (`PageErrors`):
    // a message goes as soon as its answer is put right, and a question
    // that appears later is asked at the next try.
    let errors = {
        let person = person.clone();
        PageErrors::new(Memo::new(move |_| {
            let mut errors = ctx
                .review
                .with(|r| form_errors(r, &person, decision(), method()));
            chosen.with(|c| points::named_as_shown(&mut errors, c));
            errors
        }))
    };
    let error = move |field: &'static str| errors.for_field(field);
    let sign = Callback::new(move |clock_believed: bool| {
        if busy.get_untracked() {
            return;
        }
        problem.set(None);
        if !errors.submit() {
            return;
        }
        let (Some(decision), Some(method)) = (untrack(decision), untrack(method)) else {
            return;
        };
        busy.set(true);
        let pid = pid.clone();
        leptos::task::spawn_local(async move {
            let result = ctx
                .sign_off(pid, decision, method, how.get_untracked(), clock_believed)
                .await;
            // A signature redraws the page without this form: its signals
            // may be gone by now.
            let _ = busy.try_set(false);
            let signed = result.is_ok();
            let _ = doubt.try_set(None);
            let _ = problem.try_set(None);
            match result {
                Err(SignOffProblem::ClockInDoubt(why)) => {
                    let _ = doubt.try_set(Some(why.to_string()));
                    request_animation_frame(|| crate::components::focus_by_id(CLOCK));
                }
                Err(other) => {
                    let _ = problem.try_set(Some(other.to_string()));
                }
                Ok(()) => {}
            }
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
        });
    });
    let ways = vec![
        Choice::new(Way::Tap, "tap", tr!("Tap the button below")),
        Choice::new(Way::TypedName, "typed-name", tr!("Type their name")),
        Choice::new(Way::Draw, "draw", tr!("Draw a mark with a finger")),
    ];
    let role = if is_worker {
        tr!("worker, signing last")
    } else {
        person.role.noun().to_string()
    };
    let look = tr!("Look at what {name} is signing", name = name);
    view! {
        <div class="app-turn-banner" role="status" id=SIGN_TURN tabindex="-1">
            <span class="app-turn-banner__label">{tr!("Now:")}" "</span>
            <span class="app-turn-banner__name">{tr!("{name}, {role}", name = name, role = role)}</span>
        </div>
        <p class="app-body">{tr!("Please pass the tablet to {name}.", name = name.clone())}</p>
        <EasyReadOffer name=name.clone() helps=person.easy_read_helps() />
        <p class="app-body">
            <A exact=true href=crate::href(ctx.path("check?signing=1")) attr:class="app-link app-link--standalone">{look.clone()}</A>
        </p>
        <ErrorSummary errors=errors.visible() attempts=errors.attempts />
        <Radios easy=("sign.says", name.clone()) id=form::SAYS legend=tr!("Does {name} agree with the review?", name = name) error=error(form::SAYS)
            choices=vec![
                Choice::new(Says::Agrees, "agrees", tr!("Yes, I agree")),
                Choice::new(Says::Comment, "comment", tr!("I agree, with a comment")),
                Choice::new(Says::Disagrees, "disagrees", tr!("No, I do not agree")),
            ]
            value=says on_change=Callback::new(move |v| says.set(Some(v))) />
        <Show when=move || says.get() == Some(Says::Comment)>
            <TextArea easy="sign.comment" id=form::COMMENT label={tr!("Their comment")} value=comment rows=3 error=error(form::COMMENT)
                on_input=Callback::new(move |v| comment.set(v)) />
        </Show>
        <Show when=move || says.get() == Some(Says::Disagrees)>
            <points::DisagreedPoints name=points_name.clone() chosen=chosen errors=errors />
            <TextArea easy="sign.reason" id=form::REASON label={tr!("Why do they not agree?")} value=comment rows=3 error=error(form::REASON)
                hint={tr!("In general, or anything more. Leave it empty if what they chose above says why.")}
                on_input=Callback::new(move |v| comment.set(v)) />
        </Show>
        <Show when=move || matches!(says.get(), Some(Says::Comment | Says::Disagrees))>
            <div class="app-visibility">
                <VisibilityPick id="sign-off-words-visibility" value=words_visibility
                    on_change=Callback::new(move |v| words_visibility.set(Some(v))) />
            </div>
        </Show>
        {(!is_worker).then(|| view! {
            <HowAgreedPick id=form::HOW person=person.id.clone() value=how
                on_change=Callback::new(move |h| how.set(Some(h))) />
        })}
        <Radios easy=("sign.way", name.clone()) id=form::WAY legend={tr!("How will they sign?")} choices=ways error=error(form::WAY)
            value=way on_change=Callback::new(move |v| way.set(Some(v))) />
        <Show when=move || way.get() == Some(Way::TypedName)>
            <TextInput easy="sign.typed-name" id=form::TYPED_NAME label={tr!("Type your name")} value=typed width="app-input--width-30" error=error(form::TYPED_NAME)
                on_input=Callback::new(move |v| typed.set(v)) />
        </Show>
        <Show when=move || way.get() == Some(Way::Draw)>
            <MarkPad path=mark error=error(form::MARK) />
        </Show>

        <Problem message=problem />
        <Show when=move || doubt.with(Option::is_some)>
            <Banner id=CLOCK title={tr!("Check the clock")} heading={tr!("Is the tablet’s clock right?")} warning=true urgent=true>
                <p class="app-body">{move || doubt.get().unwrap_or_default()}</p>
                <p class="app-body">{tr!("If it is wrong, correct it in the tablet’s settings, then sign again. Nothing has been signed yet.")}</p>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--warning" disabled=move || busy.get()
                        on:click=move |_| sign.run(true)>
                        {tr!("The clock is right: sign now")}
                    </button>
                </div>
            </Banner>
        </Show>
        <div class="app-button-group">
            <button type="button" class="app-button" disabled=move || busy.get() on:click=move |_| sign.run(false)>
                {move || if busy.get() { "Signing…".to_string() } else { tr!("Sign as {name}", name = name) }}
            </button>
        </div>
    }
}

/// An advocate's or interpreter's turn: they do not agree or sign as
/// themselves, but confirm what they were here for, or say what they cannot.
#[component]
fn ConfirmForm(
    /// The advocate or interpreter whose turn it is.
    person: Participant,
) -> impl IntoView {
    let ctx = use_review();
    let pid = person.id.clone();
    let name = called(&person);
    hand_tablet_to(pid.clone());
    let (for_whom, statement) = ctx.review.with_untracked(|r| {
        let whom = supported_by(r, &person);
        let statement = Confirms::of(person.role)
            .map(|c| c.statement(&whom))
            .unwrap_or_default();
        (whom, statement)
    });
    let answer = RwSignal::new(None::<bool>);
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let errors = PageErrors::new(Memo::new(move |_| {
        confirm_errors(answer.get(), &note.get())
    }));
    let confirm = move |_| {
        problem.set(None);
        if !errors.submit() {
            return;
        }
        let Some(confirmed) = answer.get_untracked() else {
            return;
        };
        match ctx.confirm(&pid, confirmed, &note.get_untracked()) {
            Ok(()) => request_animation_frame(|| crate::components::focus_by_id(SIGN_TURN)),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let role = person.role.noun();
    let button_name = name.clone();
    view! {
        <div class="app-turn-banner" role="status" id=SIGN_TURN tabindex="-1">
            <span class="app-turn-banner__label">{tr!("Now:")}" "</span>
            <span class="app-turn-banner__name">{tr!("{name}, {role}", name = name, role = role)}</span>
        </div>
        <p class="app-body">{tr!("Please pass the tablet to {name}.", name = name.clone())}</p>
        <p class="app-body">
            {tr!("{name} is here to help {for_whom} take part, so they do not agree or sign as themselves. They confirm what they were here for.", name = name, for_whom = for_whom)}
        </p>
        <ErrorSummary errors=errors.visible() attempts=errors.attempts />
        <div class="app-inset-text">
            <p class="app-body">{statement}</p>
        </div>
        <Radios easy=("sign.confirmed", name.clone()) id=form::CONFIRMED legend=tr!("Can {name} confirm this?", name = name) error=errors.for_field(form::CONFIRMED)
            choices=vec![
                Choice::new(true, "yes", tr!("Yes, I confirm it")),
                Choice::new(false, "no", tr!("No, I cannot confirm all of it")),
            ]
            value=answer on_change=Callback::new(move |v| answer.set(Some(v))) />
        <Show when=move || answer.get() == Some(false)>
            <TextArea easy="sign.confirm-note" id=form::CONFIRM_NOTE label={tr!("What can they not confirm, and why?")} value=note rows=3
                hint={tr!("This goes in every copy of the summary.")} error=errors.for_field(form::CONFIRM_NOTE)
                on_input=Callback::new(move |v| note.set(v)) />
        </Show>
        <Problem message=problem />
        <div class="app-button-group">
            <button type="button" class="app-button" on:click=confirm>
                {move || if answer.get() == Some(false) {
                    tr!("Record that {button_name} cannot confirm it", button_name = button_name)
                } else {
                    tr!("Confirm as {button_name}", button_name = button_name)
                }}
            </button>
        </div>
    }
}

/// A box to draw a mark in with a finger or stylus (pointer events, no
/// scrolling while drawing). The mark is kept as a plain SVG path.
#[component]
fn MarkPad(
    /// Receives the path as it is drawn ("M x y L x y ...").
    path: RwSignal<String>,
    /// Why the mark cannot be kept, once someone asked to sign.
    #[prop(into)]
    error: Signal<Option<String>>,
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
        <div class=move || if error.with(Option::is_some) { "app-form-group app-form-group--error" } else { "app-form-group" }>
            <p class="app-label" id="mark-label">{tr!("Draw your mark in the box")}</p>
            {move || error.get().map(|m| view! {
                <p class="app-error-message" id="sign-mark-error">
                    <span class="app-visually-hidden">{tr!("Error:")}" "</span>{m}
                </p>
            })}
            <canvas
                id=form::MARK
                tabindex="-1"
                aria-describedby=move || error.with(Option::is_some).then_some("sign-mark-error")
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
                <button type="button" class="app-button app-button--secondary" on:click=clear>{tr!("Clear the mark")}</button>
            </div>
        </div>
    }
}
