//! Labelled form fields. Each shows its error under the label, marks itself
//! `aria-invalid`, and points `aria-describedby` at its hint and error.

use leptos::prelude::*;

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
                    <span class="app-visually-hidden">"Error: "</span>
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
    control: impl FnOnce(String, Signal<Option<String>>, Signal<bool>) -> V,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let described = described_by(&id, hint.is_some(), error);
    let locked = crate::state::read_only();
    view! {
        <div class=group_class(error)>
            <label class="app-label" for=id.clone()>{label}</label>
            <Hint id=id.clone() text=hint />
            <ErrorMessage id=id.clone() error=error />
            {control(id, described, locked)}
        </div>
    }
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
) -> impl IntoView {
    let class = move || {
        let err = if error.with(Option::is_some) {
            " app-input--error"
        } else {
            ""
        };
        format!("app-input {width}{err}")
    };
    field_frame(id, label, hint, error, move |id, described, locked| {
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
    })
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
            width="app-input--width-10" kind="date" on_change_only=true />
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
) -> impl IntoView {
    field_frame(id, label, hint, error, move |id, described, locked| {
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
    })
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
) -> impl IntoView {
    let locked = crate::state::read_only();
    view! {
        <div class="app-form-group app-form-group--compact">
            <label class="app-label" for=id.clone()>{label}</label>
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

/// One option of a radio or checkbox group.
#[derive(Clone)]
pub struct Choice<T> {
    pub value: T,
    /// Stable word used in the element id (e.g. "in-person").
    pub key: String,
    pub label: String,
    pub hint: Option<String>,
}

impl<T: Copy> Choice<T> {
    /// One choice per value of a fixed list (an enum's `ALL`), with its key and label.
    pub fn list(all: &[T], key: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<Self> {
        all.iter()
            .map(|v| Choice::new(*v, key(*v), label(*v)))
            .collect()
    }
}

impl<T> Choice<T> {
    pub fn new(value: T, key: &str, label: &str) -> Self {
        Choice {
            value,
            key: key.to_string(),
            label: label.to_string(),
            hint: None,
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The id of option `index` in a group: the first option carries the group id
/// so that error summary links land on it.
fn option_id(group: &str, index: usize, key: &str) -> String {
    if index == 0 {
        group.to_string()
    } else {
        format!("{group}-{key}")
    }
}

/// Radios (one answer) or checkboxes (any answers).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Single,
    Multiple,
}

impl Kind {
    fn block(self) -> &'static str {
        match self {
            Kind::Single => "app-radios",
            Kind::Multiple => "app-checkboxes",
        }
    }
}

/// One option's words: its key (in element ids), label and hint.
struct OptionText {
    key: String,
    label: String,
    hint: Option<String>,
}

/// The one choice group behind [`Radios`] and [`Checkboxes`]: a fieldset
/// whose rows are whole tap targets, keyed by each option's index, so it is
/// built once whatever the type of the answers (one copy in the wasm, too).
struct Group {
    kind: Kind,
    id: String,
    legend: String,
    hint: Option<String>,
    options: Vec<OptionText>,
    /// The indexes of the options chosen.
    chosen: Signal<Vec<usize>>,
    error: Signal<Option<String>>,
    /// An option's index and whether it is now chosen.
    on_change: Callback<(usize, bool)>,
    inline: bool,
}

fn choice_group(group: Group) -> impl IntoView {
    let Group {
        kind,
        id,
        legend,
        hint,
        options,
        chosen,
        error,
        on_change,
        inline,
    } = group;
    let locked = crate::state::read_only();
    // Re-applies `checked` after each change: when the change is refused the
    // value does not change, and the box the browser ticked must be unticked.
    let resync = RwSignal::new(0u32);
    let block = kind.block();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, OptionText { key, label, hint: item_hint })| {
            let input_id = option_id(&id, i, &key);
            let hint_id = format!("{input_id}-item-hint");
            view! {
                <div class=format!("{block}__item")>
                    <input
                        class=format!("{block}__input")
                        id=input_id.clone()
                        name=id.clone()
                        type=if kind == Kind::Single { "radio" } else { "checkbox" }
                        value=key
                        aria-describedby=item_hint.is_some().then(|| hint_id.clone())
                        prop:checked=move || {
                            resync.track();
                            chosen.with(|c| c.contains(&i))
                        }
                        disabled=move || locked.get()
                        on:change=move |ev| {
                            on_change.run((i, event_target_checked(&ev)));
                            resync.update(|n| *n += 1);
                        }
                    />
                    <label class=format!("{block}__label") for=input_id>{label}</label>
                    {item_hint.map(|h| view! { <div class=format!("{block}__hint") id=hint_id>{h}</div> })}
                </div>
            }
        })
        .collect_view();
    let list_class = if inline {
        format!("{block} {block}--inline")
    } else {
        block.to_string()
    };
    question_frame(Question {
        id,
        legend,
        hint,
        error,
        answers: view! { <div class=list_class>{items}</div> }.into_any(),
        after: ().into_any(),
    })
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
    } = question;
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <div class=group_class(error)>
            <fieldset class="app-fieldset" aria-describedby=described>
                <legend class="app-fieldset__legend app-fieldset__legend--m">{legend}</legend>
                <Hint id=id.clone() text=hint />
                <ErrorMessage id=id error=error />
                {answers}
            </fieldset>
            {after}
        </div>
    }
}

/// The options of a group as words, and their values in order.
fn split<T>(choices: Vec<Choice<T>>) -> (Vec<OptionText>, Vec<T>) {
    choices
        .into_iter()
        .map(|c| {
            let text = OptionText {
                key: c.key,
                label: c.label,
                hint: c.hint,
            };
            (text, c.value)
        })
        .unzip()
}

/// A fieldset of radios; each whole row is the tap target.
#[component]
pub fn Radios<T>(
    /// The group's id (the first radio's id); error summary links point here.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// Help text under the question.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The answers to choose from.
    choices: Vec<Choice<T>>,
    /// The answer chosen so far.
    #[prop(into)]
    value: Signal<Option<T>>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives the answer when it is chosen.
    on_change: Callback<T>,
    /// Lay the answers out side by side (for two or three short answers).
    #[prop(optional)]
    inline: bool,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (options, values) = split(choices);
    let values = StoredValue::new(values);
    let chosen = Signal::derive(move || {
        value.with(|v| {
            values.with_value(|all| {
                all.iter()
                    .position(|x| Some(x) == v.as_ref())
                    .into_iter()
                    .collect()
            })
        })
    });
    let on_pick = Callback::new(move |(i, _): (usize, bool)| {
        if let Some(v) = values.with_value(|all| all.get(i).cloned()) {
            on_change.run(v);
        }
    });
    choice_group(Group {
        kind: Kind::Single,
        id,
        legend,
        hint: hint.get_untracked(),
        options,
        chosen,
        error,
        on_change: on_pick,
        inline,
    })
}

/// A fieldset of checkboxes; each whole row is the tap target.
#[component]
pub fn Checkboxes<T>(
    /// The group's id (the first box's id); error summary links point here.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// Help text under the question, e.g. "Select all that apply".
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The options.
    choices: Vec<Choice<T>>,
    /// The options ticked so far.
    #[prop(into)]
    value: Signal<Vec<T>>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives an option and whether it is now ticked.
    on_toggle: Callback<(T, bool)>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (options, values) = split(choices);
    let values = StoredValue::new(values);
    let chosen = Signal::derive(move || {
        value.with(|v| {
            values.with_value(|all| {
                all.iter()
                    .enumerate()
                    .filter(|(_, x)| v.contains(x))
                    .map(|(i, _)| i)
                    .collect()
            })
        })
    });
    let on_tick = Callback::new(move |(i, ticked): (usize, bool)| {
        if let Some(v) = values.with_value(|all| all.get(i).cloned()) {
            on_toggle.run((v, ticked));
        }
    });
    choice_group(Group {
        kind: Kind::Multiple,
        id,
        legend,
        hint: hint.get_untracked(),
        options,
        chosen,
        error,
        on_change: on_tick,
        inline: false,
    })
}
