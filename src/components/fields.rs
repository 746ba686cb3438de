//! Labelled form fields, and the frame every question shares. Each shows
//! its error under the label, marks itself `aria-invalid`, and points
//! `aria-describedby` at its hint and error; a question of the meeting
//! shows its easy read in easy-read mode, with Read aloud under it.

use super::easy::{read_aloud_for, shown_words, EasyKey, Words};
use leptos::prelude::*;
use review_core::tr;

/// `aria-describedby` for a field with an optional hint and a maybe-shown error.
pub(crate) fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> Signal<Option<String>> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    Signal::derive(move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

/// A form group's class, marked while its field is in error.
pub(crate) fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if error.with(Option::is_some) {
            "app-form-group app-form-group--error"
        } else {
            "app-form-group"
        }
    }
}

#[component]
fn Hint(id: String, text: Option<String>) -> impl IntoView {
    text.map(|t| view! { <div class="app-hint" id=format!("{id}-hint")>{t}</div> })
}

#[component]
fn ErrorMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p class="app-error-message" id=format!("{id}-error")>
                    <span class="app-visually-hidden">{tr!("Error:")}" "</span>
                    {message}
                </p>
            }
        })
    }
}

/// The frame every text field shares: the group (marked when in error), its
/// label, hint and error message, then the control that `control` makes from
/// the field's id, its `aria-describedby` and whether the review is locked.
fn field_frame<V: IntoView>(
    id: String,
    label: String,
    hint: MaybeProp<String>,
    error: Signal<Option<String>>,
    easy: Option<EasyKey>,
    control: impl FnOnce(String, Signal<Option<String>>, Signal<bool>) -> V,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let described = described_by(&id, hint.is_some(), error);
    let locked = crate::state::read_only();
    let (label_words, read_aloud) = question_words(&id, label, easy, Vec::new());
    view! {
        <div class=group_class(error)>
            <label class="app-label" for=id.clone()>{label_words}</label>
            {read_aloud}
            <Hint id=id.clone() text=hint />
            <ErrorMessage id=id.clone() error=error />
            {control(id, described, locked)}
        </div>
    }
}

/// A question's words as shown (standard, or its easy read) and, when it
/// has its easy read, its "Read aloud" for itself and `answers`.
pub(crate) fn question_words(
    id: &str,
    standard: String,
    easy: Option<EasyKey>,
    answers: Vec<Words>,
) -> (AnyView, Option<AnyView>) {
    let easy_text = easy.as_ref().and_then(EasyKey::question);
    let words = Words {
        standard,
        easy: easy_text,
        // Not "-words": the first answer's id is the question's.
        id: format!("{id}-question"),
    };
    let shown = shown_words(
        words.standard.clone(),
        words.easy.clone(),
        words.id.clone(),
        false,
    )
    .into_any();
    let read = easy
        .is_some()
        .then(|| read_aloud_for(words, answers).into_any());
    (shown, read)
}

/// A one-line text field.
#[component]
pub fn TextInput(
    /// The input's id; error summary links point here.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives the text on every keystroke.
    on_input: Callback<String>,
    /// Extra class for width, e.g. "app-input--width-20".
    #[prop(optional)]
    width: &'static str,
    /// The `autocomplete` token; "off" unless the field is about the user.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The `inputmode`, e.g. "numeric".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The input's `type`: "text" unless told ("date" for [`DateInput`]).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// Send the value on `change` (when the field is left or a picker
    /// closes) rather than on every keystroke.
    #[prop(optional)]
    on_change_only: bool,
    /// Its easy read (`review_core::easy`), for a question of the meeting.
    #[prop(optional, into)]
    easy: EasyKey,
) -> impl IntoView {
    let class = move || {
        let err = if error.with(Option::is_some) {
            " app-input--error"
        } else {
            ""
        };
        format!("app-input {width}{err}")
    };
    field_frame(
        id,
        label,
        hint,
        error,
        easy.given(),
        move |id, described, locked| {
            view! {
                <input
                    class=class
                    id=id.clone()
                    name=id
                    type=kind.unwrap_or("text")
                    spellcheck="false"
                    autocomplete=autocomplete.unwrap_or("off")
                    inputmode=inputmode
                    aria-describedby=described
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=value
                    readonly=move || locked.get()
                    on:input=move |ev| if !on_change_only { on_input.run(event_target_value(&ev)) }
                    on:change=move |ev| if on_change_only { on_input.run(event_target_value(&ev)) }
                />
            }
        },
    )
}

/// A date field using the browser's own date picker (large and familiar on
/// tablets). Empty or unreadable input gives `None`.
#[component]
pub fn DateInput(
    /// The input's id; error summary links point here.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The date chosen so far.
    #[prop(into)]
    value: Signal<Option<chrono::NaiveDate>>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives the new date (or `None` when cleared).
    on_change: Callback<Option<chrono::NaiveDate>>,
    /// Its easy read (`review_core::easy`), for a question of the meeting.
    #[prop(optional, into)]
    easy: EasyKey,
) -> impl IntoView {
    let text = Signal::derive(move || {
        value
            .get()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    });
    let on_text = Callback::new(move |v: String| {
        on_change.run(chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
    });
    view! {
        <TextInput id=id label=label hint=hint value=text error=error on_input=on_text
            width="app-input--width-10" kind="date" on_change_only=true easy=easy />
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    /// The textarea's id; error summary links point here.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives the text on every keystroke.
    on_input: Callback<String>,
    /// Visible rows (default 4).
    #[prop(optional)]
    rows: Option<u32>,
    /// Its easy read (`review_core::easy`), for a question of the meeting.
    #[prop(optional, into)]
    easy: EasyKey,
) -> impl IntoView {
    field_frame(
        id,
        label,
        hint,
        error,
        easy.given(),
        move |id, described, locked| {
            view! {
                <textarea
                    class=move || if error.with(Option::is_some) { "app-textarea app-input--error" } else { "app-textarea" }
                    id=id.clone()
                    name=id
                    rows=rows.unwrap_or(4)
                    aria-describedby=described
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=value
                    readonly=move || locked.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                ></textarea>
            }
        },
    )
}

/// A drop-down choice, for a short answer beside another field (who said a
/// point) where a whole group of radios would crowd the page.
#[component]
pub fn Select(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The options as (key, words), in order.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The key chosen now.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the key chosen.
    on_change: Callback<String>,
    /// Its easy read (`review_core::easy`), for a question of the meeting.
    #[prop(optional, into)]
    easy: EasyKey,
) -> impl IntoView {
    let locked = crate::state::read_only();
    // Read aloud says the choices as they are when the page is drawn (a
    // closed list shows none of them, so none is marked as it is read).
    let answers = options.with_untracked(|o| {
        o.iter()
            .map(|(key, words)| Words {
                standard: words.clone(),
                easy: None,
                id: format!("{id}-{key}-option"),
            })
            .collect()
    });
    let (label_words, read_aloud) = question_words(&id, label, easy.given(), answers);
    view! {
        <div class="app-form-group app-form-group--compact">
            <label class="app-label" for=id.clone()>{label_words}</label>
            {read_aloud}
            <select class="app-select" id=id.clone() name=id
                disabled=move || locked.get()
                prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(key, words)| {
                    let selected = value.with_untracked(|v| *v == key);
                    view! { <option value=key selected=selected>{words}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A question whose answers are picked: its id (the first answer's), the
/// question, its hint, its error, the answers, and what follows the fieldset
/// inside the question's group.
pub(crate) struct Question {
    pub id: String,
    pub legend: String,
    pub hint: Option<String>,
    pub error: Signal<Option<String>>,
    pub answers: AnyView,
    pub after: AnyView,
    /// The question's easy read, for a question of the meeting.
    pub easy: Option<EasyKey>,
    /// The answers' words, for Read aloud.
    pub answer_words: Vec<Words>,
}

/// The frame every question with answers to pick shares (choices, ratings,
/// faces): the group marked in error, a fieldset described by its hint and
/// error, the question as its legend, then the answers.
pub(crate) fn question_frame(question: Question) -> impl IntoView {
    let Question {
        id,
        legend,
        hint,
        error,
        answers,
        after,
        easy,
        answer_words,
    } = question;
    let described = described_by(&id, hint.is_some(), error);
    let (legend, read_aloud) = question_words(&id, legend, easy, answer_words);
    view! {
        <div class=group_class(error)>
            <fieldset class="app-fieldset" aria-describedby=described>
                <legend class="app-fieldset__legend app-fieldset__legend--m">{legend}</legend>
                {read_aloud}
                <Hint id=id.clone() text=hint />
                <ErrorMessage id=id error=error />
                {answers}
            </fieldset>
            {after}
        </div>
    }
}
