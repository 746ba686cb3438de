//! How we will review (P17), over two pages: first why, how deep, what it
//! covers, time boxes and private time; then keeping things private (the
//! sharing agreement, `sharing.rs`, and what must not be shared,
//! `restriction.rs`) and who agrees to it all.

mod restriction;
mod sharing;

use crate::browser::clock;
use crate::components::{
    Checkboxes, Choice, Editable, HowAgreedPick, PartPage, Radios, Select, TextArea, TextInput,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use restriction::Restriction;
use review_core::command::MAX_TIME_BOX;
use review_core::progress::Part;
use review_core::tr;
use review_core::validate;
use review_core::{AgendaItem, Command, Depth, PrivateSlot, ReviewReason, PRIVATE_MINUTES};
use sharing::SharingAgreement;
pub use sharing::UnmatchedServiceCopies;

/// How the review runs, agreed with the carer (P17): why, how deep, what it
/// covers, private time, and who sees the summary.
#[component]
pub fn HowWeReview() -> impl IntoView {
    let ctx = use_review();
    // A time box typed as something that is not a number of minutes (or one
    // out of range) is not stored: it
    // is kept here, and listed with the page's other problems when someone
    // asks to go on.
    let not_numbers = RwSignal::new(Vec::<AgendaItem>::new());
    let errors = PageErrors::new(Memo::new(move |_| {
        let mut errors = ctx.review.with(|r| Part::HowWeReview.errors_on_page(r, 0));
        let used = ctx.review.with(|r| r.process.agenda.clone());
        errors.extend(
            not_numbers
                .get()
                .into_iter()
                .filter(|i| used.contains(i))
                .map(|item| validate::FieldError {
                    field: format!("time-{}", item.key()),
                    message: tr!(
                        "Enter the minutes for “{what}” as a whole number from 1 to {max_time_box}",
                        what = item.label(),
                        max_time_box = MAX_TIME_BOX
                    ),
                    attention: false,
                }),
        );
        errors
    }));
    let process = ctx.select(|r| r.process.clone());
    view! {
        <PartPage part=Part::HowWeReview errors=errors>
            <p class="app-body">{tr!("Agree with the carer how today's review will work.")}</p>
            <Radios easy="process.reason" id="reason" legend={tr!("Why is this review happening?")}
                choices=Choice::list(&ReviewReason::ALL, ReviewReason::key, ReviewReason::label)
                value=Signal::derive(move || process.with(|p| p.reason))
                error=errors.for_field("reason")
                on_change=Callback::new(move |r| ctx.send(Command::SetReason(r))) />
            <TextArea easy="process.why-now" id="why-now" label={tr!("What has changed since the last review, or why is it happening now? (optional)")}
                hint={tr!("In a few words, for example: Joan's memory has got worse; Ayesha has started a new job.")}
                value=Signal::derive(move || process.with(|p| p.why_now.clone())) rows=2
                on_input=Callback::new(move |t| ctx.send(Command::SetWhyNow(t))) />
            <Radios easy="process.depth" id="depth" legend={tr!("How deep will the review go?")}
                choices=Choice::list(&Depth::ALL, Depth::key, Depth::label)
                value=Signal::derive(move || process.with(|p| p.depth))
                error=errors.for_field("depth")
                on_change=Callback::new(move |d| ctx.send(Command::SetDepth(d))) />
            <Checkboxes easy="process.agenda" id="agenda" legend={tr!("What will the review cover?")}
                hint={tr!("Untick anything the carer does not want to cover today. Actions and the outcome are always included.")}
                choices=AgendaItem::ALL.iter().map(|a| Choice::new(*a, a.key(), a.label())).collect()
                value=Signal::derive(move || process.with(|p| p.agenda.clone()))
                error=errors.for_field("agenda")
                on_toggle=Callback::new(move |(item, used)| ctx.send(Command::SetAgendaItem { item, used })) />
            <details class="app-details">
                <summary class="app-details__summary">{tr!("Set a time for each part (optional)")}</summary>
                <div class="app-details__text">
                    {AgendaItem::ALL.into_iter().map(|item| view! { <TimeBox item=item errors=errors not_numbers=not_numbers /> }).collect_view()}
                </div>
            </details>
            <Radios easy="process.private-time" id="private-time" legend={tr!("Would the carer like time with the worker on their own?")}
                hint={tr!("Some carers want to talk about their own needs without the person they care for in the room.")}
                inline=true
                choices=vec![Choice::new(true, "yes", tr!("Yes")), Choice::new(false, "no", tr!("No"))]
                value=Signal::derive(move || process.with(|p| p.carer_private_time))
                error=errors.for_field("private-time")
                on_change=Callback::new(move |v| ctx.send(Command::SetCarerPrivateTime(v))) />
            <Show when=move || process.with(|p| p.carer_private_time == Some(true))>
                <PrivatePlanFields />
            </Show>
        </PartPage>
    }
}

/// The second page of "How we will review" (P17, P23): who gets a copy, who
/// may see what, what must not be shared, then who agrees to it all.
#[component]
pub fn KeepingThingsPrivate() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(|r| Part::HowWeReview.errors_on_page(r, 1)));
    let process = ctx.select(|r| r.process.clone());
    let restrictions = ctx.select(|r| {
        r.process
            .confidentiality
            .restrictions
            .iter()
            .map(|x| x.id.clone())
            .collect::<Vec<_>>()
    });
    let agreers = ctx.select(|r| r.agreers());
    view! {
        <PartPage part=Part::HowWeReview errors=errors page=1>
            <SharingAgreement errors=errors />
            // The heading once there is something under it; until then the
            // button says it.
            <Show when=move || !restrictions.with(Vec::is_empty)>
                <h2 class="app-heading-m">{tr!("Anything that must not be shared")}</h2>
            </Show>
            <For each=move || restrictions.get() key=|id| id.clone()
                children=move |id| view! { <Restriction id=id errors=errors /> } />
            <Editable>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--secondary"
                        on:click=move |_| ctx.send(Command::AddRestriction { id: clock::new_id() })>
                        {tr!("Add something that must not be shared")}
                    </button>
                </div>
            </Editable>
            {move || {
                let people = agreers.get();
                (!people.is_empty()).then(|| {
                    let choices = people.iter().map(|(id, name)| Choice::new(id.clone(), id, name).easy(name.clone(), review_core::easy::Sym::Person)).collect();
                    view! {
                        <Checkboxes easy="process.agreement" id="process-agreement" legend={tr!("Who agrees to review this way?")}
                            choices=choices
                            value=Signal::derive(move || process.with(|p| p.agreed_by.clone()))
                            error=errors.for_field("process-agreement")
                            on_toggle=Callback::new(move |(participant, agreed)| ctx.send(Command::SetProcessAgreement { participant, agreed })) />
                    }
                })
            }}
            // How each person who agreed showed it (their own way: P18).
            <For each=move || process.with(|p| p.agreed_by.clone()) key=|id| id.clone()
                children=move |pid| {
                    let value = Signal::derive({
                        let pid = pid.clone();
                        move || process.with(|p| p.agreed_how.get(&pid).cloned())
                    });
                    let on_change = Callback::new({
                        let pid = pid.clone();
                        move |how| ctx.send(Command::SetProcessAgreedHow { participant: pid.clone(), how })
                    });
                    view! {
                        <HowAgreedPick id=format!("process-agreed-how-{pid}") person=pid value=value on_change=on_change />
                    }
                } />
        </PartPage>
    }
}

/// The optional time set aside for one agenda item, in minutes.
#[component]
fn TimeBox(
    /// The agenda item the time is for.
    item: AgendaItem,
    /// The page's errors (this box's, once someone asked to go on).
    errors: PageErrors,
    /// The boxes whose text is not a number of minutes.
    not_numbers: RwSignal<Vec<AgendaItem>>,
) -> impl IntoView {
    let ctx = use_review();
    let minutes = ctx.select(move |r| r.process.time_boxes.get(&item).copied());
    let used = ctx.select(move |r| r.process.agenda.contains(&item));
    // What was typed, kept while it is not (yet) a valid number of minutes.
    let typed = RwSignal::new(
        minutes
            .get_untracked()
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let on_input = Callback::new(move |text: String| {
        typed.set(text.clone());
        let text = text.trim();
        let minutes = if text.is_empty() {
            Some(None)
        } else {
            text.parse::<u32>().ok().map(Some)
        };
        // A number out of range is refused by the core: the same message.
        let taken = minutes
            .is_some_and(|minutes| ctx.dispatch(Command::SetTimeBox { item, minutes }).is_ok());
        not_numbers.update(|all| {
            all.retain(|i| *i != item);
            if !taken {
                all.push(item);
            }
        });
    });
    let problem = errors.for_field(format!("time-{}", item.key()));
    view! {
        <Show when=move || used.get()>
            <TextInput easy=("process.time", review_core::easy::answer("process.agenda", item.key()).map(|e| review_core::i18n::text(e.words, &[])).unwrap_or_default()) id=format!("time-{}", item.key()) label=tr!("Minutes for: {what}", what = item.label())
                value=typed error=problem inputmode="numeric" width="app-input--width-3" on_input=on_input />
        </Show>
    }
}

/// How long the carer's time on their own is, and when it comes (both
/// optional); the turn itself starts from the task list.
#[component]
fn PrivatePlanFields() -> impl IntoView {
    let ctx = use_review();
    let plan = ctx.select(|r| r.process.private_plan);
    let minutes =
        Signal::derive(move || plan.with(|p| p.minutes.map(|m| m.to_string()).unwrap_or_default()));
    let options = Signal::stored(
        std::iter::once((String::new(), tr!("Not set")))
            .chain(PRIVATE_MINUTES.iter().map(|m| {
                (
                    m.to_string(),
                    review_core::trn!(*m, "{n} minute", "{n} minutes"),
                )
            }))
            .collect::<Vec<_>>(),
    );
    view! {
        <div class="app-inset-text">
            <Select easy="process.private-minutes" id="private-minutes" label={tr!("How long will it be?")} options=options value=minutes
                on_change=Callback::new(move |key: String| ctx.send(Command::SetPrivateMinutes(key.parse().ok()))) />
            <Radios easy="process.private-slot" id="private-slot" legend={tr!("When in the review will it be?")}
                hint={tr!("When the time comes, start it from the task list: the carer then has the tablet to themselves.")}
                choices=Choice::list(&PrivateSlot::ALL, PrivateSlot::key, PrivateSlot::label)
                value=Signal::derive(move || plan.with(|p| p.slot))
                on_change=Callback::new(move |slot| ctx.send(Command::SetPrivateSlot(Some(slot)))) />
        </div>
    }
}
