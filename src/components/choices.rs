//! Questions whose answers are picked: radios (one answer) and checkboxes
//! (any answers), each row a whole tap target, each answer with its easy
//! read beside its symbol in easy-read mode.

use super::easy::{shown_words, EasyKey, EasyText, Words};
use super::fields::{question_frame, Question};
use leptos::prelude::*;

/// One option of a radio or checkbox group.
#[derive(Clone)]
pub struct Choice<T> {
    pub value: T,
    /// Stable word used in the element id (e.g. "in-person").
    pub key: String,
    pub label: String,
    pub hint: Option<String>,
    /// Its own easy read (a person, a criterion); otherwise the question's
    /// easy read finds it by its key.
    pub easy: Option<EasyText>,
    /// The language its words are in, when not the page's (a language's
    /// own name, "Cymraeg"), so a screen reader says them rightly.
    pub lang: Option<&'static str>,
}

impl<T: Copy> Choice<T> {
    /// One choice per value of a fixed list (an enum's `ALL`), with its key and label.
    pub fn list<L: AsRef<str>>(
        all: &[T],
        key: fn(T) -> &'static str,
        label: fn(T) -> L,
    ) -> Vec<Self> {
        all.iter()
            .map(|v| Choice::new(*v, key(*v), label(*v).as_ref()))
            .collect()
    }
}

impl<T> Choice<T> {
    pub fn new(value: T, key: &str, label: impl Into<String>) -> Self {
        Choice {
            value,
            key: key.to_string(),
            label: label.into(),
            hint: None,
            easy: None,
            lang: None,
        }
    }
    /// Its words are in the language `tag`.
    pub fn in_lang(mut self, tag: &'static str) -> Self {
        self.lang = Some(tag);
        self
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// Its easy read: `words` beside `symbol`.
    pub fn easy(mut self, words: impl Into<String>, symbol: review_core::easy::Sym) -> Self {
        self.easy = Some(EasyText {
            words: words.into(),
            symbol,
        });
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

/// One option's words: its key (in element ids), label, hint and easy read.
struct OptionText {
    key: String,
    label: String,
    hint: Option<String>,
    easy: Option<EasyText>,
    lang: Option<&'static str>,
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
    easy: Option<EasyKey>,
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
        easy,
    } = group;
    let locked = crate::state::read_only();
    // Each answer's easy read: its own, or the question's for its key.
    let options: Vec<OptionText> = options
        .into_iter()
        .map(|mut o| {
            if o.easy.is_none() {
                o.easy = easy.as_ref().and_then(|k| k.answer(&o.key));
            }
            o
        })
        .collect();
    let answers: Vec<Words> = options
        .iter()
        .enumerate()
        .map(|(i, o)| Words {
            standard: o.label.clone(),
            easy: o.easy.clone(),
            id: format!("{}-words", option_id(&id, i, &o.key)),
        })
        .collect();
    // Re-applies `checked` after each change: when the change is refused the
    // value does not change, and the box the browser ticked must be unticked.
    let resync = RwSignal::new(0u32);
    let block = kind.block();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, OptionText { key, label, hint: item_hint, easy: item_easy, lang })| {
            let input_id = option_id(&id, i, &key);
            let words = shown_words(label, item_easy, format!("{input_id}-words"), true);
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
                    <label class=format!("{block}__label") for=input_id lang=lang>{words}</label>
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
        easy,
        answer_words: answers,
    })
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
                easy: c.easy,
                lang: c.lang,
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
    /// Its easy read (`review_core::easy`), for a question of the meeting.
    #[prop(optional, into)]
    easy: EasyKey,
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
        easy: easy.given(),
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
    /// Its easy read (`review_core::easy`), for a question of the meeting.
    #[prop(optional, into)]
    easy: EasyKey,
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
        easy: easy.given(),
    })
}
