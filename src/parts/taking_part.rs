//! Help to take part (P18): each person's language, interpreter, advocate,
//! ways of communicating and adjustments.

use crate::components::{
    change_word, Checkboxes, Choice, FieldMessages, NotInReview, Page, PartPage, Radios, TextArea,
    TextInput,
};
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use review_core::i18n::Lang;
use review_core::progress::Part;
use review_core::readiness::{need_label, needs_of};
use review_core::tr;
use review_core::validate::{self, ids};
use review_core::{AdvocateKind, Command, CommunicationMethod, InterpreterMode, Participant, Role};

/// What each person needs to take a full part (P18), person by person.
#[component]
pub fn TakingPart() -> impl IntoView {
    let ctx = use_review();
    let errors = PageErrors::new(ctx.select(validate::taking_part));
    let people = ctx.select(|r| r.supported_participants().cloned().collect::<Vec<_>>());
    view! {
        <PartPage part=Part::TakingPart errors=errors>
            <p class="app-body">
                {tr!("Ask each person what helps them take a full part: their language, an interpreter or advocate, and how they like to communicate.")}
            </p>
            <dl class="app-summary-list">
                {move || people.get().into_iter().map(|p| view! { <SupportRow person=p errors=errors /> }).collect_view()}
            </dl>
        </PartPage>
    }
}

/// A short description of what a person needs, for the summary list.
fn needs_summary(p: &Participant) -> String {
    let mut parts = Vec::new();
    if !p.support.preferred_language.trim().is_empty() {
        parts.push(tr!(
            "Prefers {language}",
            language = p.support.preferred_language.trim()
        ));
    }
    if let Some(lang) = p.support.screen_language {
        parts.push(tr!(
            "The tablet and their copy in {language}",
            language = lang.name()
        ));
    }
    parts.extend(
        needs_of(p)
            .into_iter()
            .map(|n| review_core::words::capitalise(&need_label(p, n))),
    );
    if parts.is_empty() {
        tr!("Nothing recorded yet")
    } else {
        parts.join(". ")
    }
}

#[component]
fn SupportRow(
    /// The person the row describes.
    person: Participant,
    /// The page's errors (what is missing about this person).
    errors: PageErrors,
) -> impl IntoView {
    let ctx = use_review();
    let name = if person.name.trim().is_empty() {
        person.role.label().to_string()
    } else {
        person.name.trim().to_string()
    };
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{name.clone()}<br /><span class="app-hint">{person.role.label()}</span></dt>
            <dd class="app-summary-list__value">
                <FieldMessages errors=errors field=ids::participant_card(&person.id) />
                {needs_summary(&person)}
            </dd>
            <dd class="app-summary-list__actions">
                <A exact=true href=crate::href(ctx.path(&format!("taking-part/{}", person.id))) attr:id=ids::participant_card(&person.id) attr:class="app-link">
                    {change_word()} <span class="app-visually-hidden">" "{tr!("what helps {name} take part", name = name)}</span>
                </A>
            </dd>
        </div>
    }
}

/// One person's language, interpreter, advocate, ways of communicating and adjustments.
#[component]
pub fn PersonSupport() -> impl IntoView {
    let params = use_params_map();
    let pid = Memo::new(move |_| params.with(|p| p.get("pid").unwrap_or_default()));
    // The router keeps this view when only `:pid` changes (going from one
    // person to the next), so the screen is built afresh for each person.
    move || view! { <PersonSupportScreen pid=pid.get() /> }
}

#[component]
fn PersonSupportScreen(
    /// The person's id, from the address.
    pid: String,
) -> impl IntoView {
    let ctx = use_review();
    let id = pid.clone();
    let person = ctx.select(move |r| r.participant(&id).cloned());
    let back = ctx.part_path(Part::TakingPart);
    let Some(initial) = person.get_untracked() else {
        return view! {
            <NotInReview title={tr!("This person is not in the review")}
                back=back back_text={tr!("Back to help to take part")} />
        }
        .into_any();
    };
    let errors = PageErrors::new(Memo::new(move |_| {
        person.with(|p| p.as_ref().map(validate::taking_part_of).unwrap_or_default())
    }));
    let support = move |f: fn(&Participant) -> String| {
        Signal::derive(move || person.with(|p| p.as_ref().map(f).unwrap_or_default()))
    };
    // Each field sends one command for this person.
    let pid_for_cmd = pid.clone();
    let cmd = move |make: fn(String, String) -> Command| {
        let id = pid_for_cmd.clone();
        Callback::new(move |v: String| ctx.send(make(id.clone(), v)))
    };
    let id_l = pid.clone();
    let set_screen_language = Callback::new(move |language: Option<Lang>| {
        ctx.send(Command::SetScreenLanguage {
            id: id_l.clone(),
            language,
        })
    });
    let screen_language =
        Signal::derive(move || person.with(|p| p.as_ref().map(|p| p.support.screen_language)));
    // Each language by its own name, for the person looking for theirs.
    let mut screen_choices = vec![Choice::new(
        None,
        "tablet",
        tr!(
            "As the tablet is set ({language})",
            language = crate::browser::language::stored().name()
        ),
    )];
    screen_choices.extend(
        Lang::ALL
            .iter()
            .map(|l| Choice::new(Some(*l), l.tag(), l.own_name()).in_lang(l.tag())),
    );
    let asks_screen_language = initial.role != Role::Worker;
    let set_interpreter_language =
        cmd(|id, language| Command::SetInterpreterLanguage { id, language });
    let set_detail = cmd(|id, detail| Command::SetCommunicationDetail { id, detail });
    let id_a = pid.clone();
    let set_interpreter = Callback::new(move |needed: bool| {
        ctx.send(Command::SetInterpreterNeeded {
            id: id_a.clone(),
            needed,
        })
    });
    let id_b = pid.clone();
    let set_mode = Callback::new(move |mode: InterpreterMode| {
        ctx.send(Command::SetInterpreterMode {
            id: id_b.clone(),
            mode,
        })
    });
    let id_c = pid.clone();
    let set_advocate = Callback::new(move |advocate: Option<AdvocateKind>| {
        ctx.send(Command::SetAdvocate {
            id: id_c.clone(),
            advocate,
        })
    });
    let id_d = pid.clone();
    let toggle_method = Callback::new(move |(method, used): (CommunicationMethod, bool)| {
        ctx.send(Command::SetCommunication {
            id: id_d.clone(),
            method,
            used,
        })
    });
    let interpreter = Signal::derive(move || {
        person.with(|p| p.as_ref().map(|p| p.support.interpreter.is_some()))
    });
    let mode = Signal::derive(move || {
        person.with(|p| {
            p.as_ref()
                .and_then(|p| p.support.interpreter.as_ref().and_then(|i| i.mode))
        })
    });
    let advocate = Signal::derive(move || person.with(|p| p.as_ref().map(|p| p.support.advocate)));
    let methods = Signal::derive(move || {
        person.with(|p| {
            p.as_ref()
                .map(|p| p.support.communication.clone())
                .unwrap_or_default()
        })
    });
    let navigate = use_navigate();
    let back_to = back.clone();
    let done = move |_| {
        if errors.submit() {
            navigate(&back_to, Default::default());
        }
    };
    let called = if initial.name.trim().is_empty() {
        tr!("the {role}", role = initial.role.noun())
    } else {
        initial.name.trim().to_string()
    };
    let mut advocate_choices = vec![Choice::new(None, "none", tr!("No advocate"))];
    advocate_choices.extend(
        AdvocateKind::ALL
            .iter()
            .map(|a| Choice::new(Some(*a), a.key(), a.label())),
    );
    view! {
        <Page back=back back_text={tr!("Back to help to take part")} title=tr!("What helps {called} take part", called = called) doc_title={tr!("What helps someone take part")}
            caption={tr!("Help to take part")} about=&["P18"]
            errors=errors>
            <TextInput easy="taking-part.language" id="preferred-language" label={tr!("Preferred language")} hint={tr!("For example: English, Urdu, British Sign Language")}
                value=support(|p| p.support.preferred_language.clone()) error=errors.for_field("preferred-language")
                on_input=cmd(|id, language| Command::SetPreferredLanguage { id, language }) width="app-input--width-20" />
            // Folded, as most keep the tablet's language; open once chosen.
            {asks_screen_language.then(|| view! {
                <details class="app-details app-details--attached" open=initial.support.screen_language.is_some()>
                    <summary class="app-details__summary">
                        <span class="app-details__summary-text">{tr!("The tablet and their copy in their language")}</span>
                    </summary>
                    <div class="app-details__text">
                        <Radios easy="taking-part.screen-language" id="screen-language" legend={tr!("The tablet and their copy: which language?")}
                            hint={tr!("Its screens change while they hold it. The team's record stays in English.")} inline=true
                            choices=screen_choices value=screen_language on_change=set_screen_language />
                    </div>
                </details>
            })}
            <Radios easy="taking-part.interpreter" id="interpreter" legend={tr!("Do they need an interpreter?")} inline=true
                choices=vec![Choice::new(true, "yes", tr!("Yes")), Choice::new(false, "no", tr!("No"))]
                value=interpreter on_change=set_interpreter />
            <Show when=move || interpreter.get() == Some(true)>
                <Radios easy="taking-part.interpreter-mode" id="interpreter-mode" legend={tr!("What kind of interpreter?")}
                    choices=Choice::list(&InterpreterMode::ALL, InterpreterMode::key, InterpreterMode::label)
                    value=mode error=errors.for_field("interpreter-mode") on_change=set_mode />
                <Show when=move || mode.get() == Some(InterpreterMode::Spoken)>
                    <TextInput easy="taking-part.interpreter-language" id="interpreter-language" label={tr!("Language to interpret")}
                        value=support(|p| p.support.interpreter.as_ref().map(|i| i.language.clone()).unwrap_or_default())
                        error=errors.for_field("interpreter-language")
                        on_input=set_interpreter_language width="app-input--width-20" />
                </Show>
            </Show>
            <Radios easy="taking-part.advocate" id="advocate" legend={tr!("Do they have an advocate?")}
                hint={tr!("An advocate helps someone have their say and speaks up for them.")}
                choices=advocate_choices value=advocate on_change=set_advocate />
            <Checkboxes easy="taking-part.communication" id="communication" legend={tr!("How do they like to communicate?")} hint={tr!("Select all that apply.")}
                choices=Choice::list(&CommunicationMethod::ALL, CommunicationMethod::key, CommunicationMethod::label)
                value=methods on_toggle=toggle_method />
            <Show when=move || methods.with(|m| m.iter().any(|m| m.needs_preparation()))>
                <TextArea easy="taking-part.communication-detail" id="communication-detail" label={tr!("Details of how they communicate")}
                    hint={tr!("For example: which signs or symbols, what the communication passport says, which aid or device")}
                    value=support(|p| p.support.communication_detail.clone()) error=errors.for_field("communication-detail")
                    on_input=set_detail rows=3 />
            </Show>
            <TextArea easy="taking-part.adjustments" id="adjustments" label={tr!("Other adjustments made (optional)")}
                hint={tr!("For example: a quiet room, more breaks, large print, a hearing loop, meeting at home")}
                value=support(|p| p.support.adjustments.clone())
                on_input=cmd(|id, adjustments| Command::SetAdjustments { id, adjustments }) rows=3 />
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=done>{tr!("Continue")}</button>
            </div>
        </Page>
    }
    .into_any()
}
