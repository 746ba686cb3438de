//! The one list pattern (services, cover, matters for someone else's help,
//! actions): a yes/no question in front of the list, one card per entry that
//! folds to its short answers, "Add …", and Remove with a question first.
//! Which card a field is in, what the page calls it and how it stands come
//! from `review_core::lists`; the screens give only their questions.

use super::choices::{Choice, Radios};
use super::editable::{change_word, Editable};
use super::error_summary::ErrorSummary;
use super::focus::focus_by_id;
use super::undo::remove_from;
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use review_core::lists::{labelled, CardStatus, ListKind};
use review_core::tr;
use review_core::{Command, DomainError, Review};

/// The list on one page: its kind, its errors, and which cards are open.
/// One card is open at a time, which keeps a long page calm at the table;
/// after a Continue with problems every card with a problem opens, so each
/// message sits by its field.
#[derive(Clone, Copy)]
pub struct ListState {
    pub kind: ListKind,
    pub errors: PageErrors,
    open: RwSignal<Vec<String>>,
}

impl ListState {
    /// The list of `kind` on this page, with the first card still to finish open.
    pub fn new(kind: ListKind, errors: PageErrors) -> ListState {
        let first = use_review()
            .review
            .with_untracked(|r| kind.first_unfinished(r));
        ListState {
            kind,
            errors,
            open: RwSignal::new(first.into_iter().collect()),
        }
    }

    pub fn is_open(self, id: &str) -> bool {
        self.open.with(|open| open.iter().any(|o| o == id))
    }

    /// Open this card and close the others, or close it if it is open.
    pub fn toggle(self, id: &str) {
        self.open.update(|open| {
            if open.iter().any(|o| o == id) {
                open.retain(|o| o != id);
            } else {
                *open = vec![id.to_string()];
            }
        });
    }

    /// Open these cards as well; true when one of them was closed.
    fn open_also(self, ids: impl IntoIterator<Item = String>) -> bool {
        let closed: Vec<String> = ids
            .into_iter()
            .filter(|id| !self.open.with_untracked(|open| open.contains(id)))
            .collect();
        if closed.is_empty() {
            return false;
        }
        self.open.update(|open| {
            for id in closed {
                if !open.contains(&id) {
                    open.push(id);
                }
            }
        });
        true
    }

    /// After a Continue with problems: open every card that has one.
    pub fn open_with_errors(self) {
        let ctx = use_review();
        let cards: Vec<String> = self.errors.all.with_untracked(|all| {
            ctx.review.with_untracked(|r| {
                all.iter()
                    .filter_map(|e| self.kind.card_of(r, &e.field))
                    .collect()
            })
        });
        self.open_also(cards);
    }

    /// Add an entry (`add` makes the command from a fresh id); when the core
    /// takes it, its card opens alone with focus on its first question.
    pub fn add(self, add: impl FnOnce(String) -> Command) {
        let ctx = use_review();
        let id = crate::browser::clock::new_id();
        if ctx.dispatch(add(id.clone())).is_ok() {
            self.open.set(vec![id.clone()]);
            let field = self.kind.first_field(&id);
            request_animation_frame(move || focus_by_id(&field));
        }
    }
}

/// One entry of a list as its card reads and writes it: the entry as it
/// stands, what the page calls it ("Arrangement 2"), its field ids and
/// messages, and a setter per field. Every card builds on one, so a card
/// holds only its questions.
pub struct Entry<T: Send + Sync + 'static, F: 'static> {
    pub list: ListState,
    id: StoredValue<String>,
    /// The entry as it stands (`None` once it is removed).
    pub item: Memo<Option<T>>,
    /// What the page calls it, e.g. "Matter 2".
    pub label: Memo<String>,
    send: Callback<F>,
}

impl<T: Send + Sync + 'static, F: 'static> Clone for Entry<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static, F: 'static> Copy for Entry<T, F> {}

impl<T, F> Entry<T, F>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: 'static,
{
    /// The entry `id` of `list`: `find` reads it from the review, `set`
    /// makes the command that sets one of its fields.
    pub fn new(
        list: ListState,
        id: &str,
        find: fn(&Review, &str) -> Option<T>,
        set: fn(String, F) -> Command,
    ) -> Self {
        let ctx = use_review();
        let item = {
            let id = id.to_string();
            ctx.select(move |r| find(r, &id))
        };
        let label = {
            let id = id.to_string();
            ctx.select(move |r| list.kind.label_of(r, &id).unwrap_or_default())
        };
        let send = {
            let id = id.to_string();
            Callback::new(move |field: F| ctx.send(set(id.clone(), field)))
        };
        Entry {
            list,
            id: StoredValue::new(id.to_string()),
            item,
            label,
            send,
        }
    }

    pub fn id(self) -> String {
        self.id.get_value()
    }

    /// One answer of the entry, kept up to date (its default once removed).
    pub fn read<V>(self, answer: fn(&T) -> V) -> Signal<V>
    where
        V: Default + Send + Sync + 'static,
    {
        let item = self.item;
        Signal::derive(move || item.with(|x| x.as_ref().map(answer).unwrap_or_default()))
    }

    /// [`read`](Self::read), as a memo: what depends on it redraws only
    /// when the answer itself changes (a memo keeps radios and their focus).
    pub fn memo<V>(self, answer: fn(&T) -> V) -> Memo<V>
    where
        V: Default + PartialEq + Send + Sync + 'static,
    {
        let item = self.item;
        Memo::new(move |_| item.with(|x| x.as_ref().map(answer).unwrap_or_default()))
    }

    /// Sets one field.
    pub fn send(self, field: F) {
        self.send.run(field)
    }

    /// A field's setter, e.g. `entry.set(CoverField::When)`.
    pub fn set<V: 'static>(self, field: fn(V) -> F) -> Callback<V> {
        Callback::new(move |value| self.send(field(value)))
    }

    /// The id of one of its fields, e.g. `cover-{id}-when`.
    pub fn field(self, name: &str) -> String {
        self.id.with_value(|id| self.list.kind.field(id, name))
    }

    /// The message for one of its fields, once shown.
    pub fn error(self, name: &str) -> Signal<Option<String>> {
        self.list.errors.for_field(self.field(name))
    }

    /// Its heading: what the page calls it, then `detail` once that is answered
    /// ("Matter 2: Safeguarding team").
    pub fn title(self, detail: fn(&T) -> Option<String>) -> Signal<String> {
        let (item, label) = (self.item, self.label);
        Signal::derive(move || match item.with(|x| x.as_ref().and_then(detail)) {
            Some(d) => tr!("{title}: {detail}", title = label.get(), detail = d),
            None => label.get(),
        })
    }

    /// What Remove names, e.g. "matter 2".
    pub fn what(self) -> Signal<String> {
        let label = self.label;
        Signal::derive(move || label.get().to_lowercase())
    }
}

/// The page's error summary: each message names its card ("Matter 2: …"),
/// and a link into a closed card opens it first, then moves focus to the
/// field once it has been drawn.
#[component]
pub fn ListErrorSummary(
    /// The page's list.
    list: ListState,
) -> impl IntoView {
    let ctx = use_review();
    let visible = list.errors.visible();
    let labelled = Memo::new(move |_| {
        let errors = visible.get();
        ctx.review.with(|r| {
            errors
                .iter()
                .map(|e| labelled(r, list.kind, e))
                .collect::<Vec<_>>()
        })
    });
    let follow = move |ev: leptos::ev::MouseEvent| {
        let Some(field) = event_target::<web_sys::Element>(&ev)
            .closest("a")
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href"))
            .and_then(|h| h.strip_prefix('#').map(str::to_string))
        else {
            return;
        };
        let card = ctx.review.with_untracked(|r| list.kind.card_of(r, &field));
        if let Some(card) = card {
            if list.open_also([card]) {
                request_animation_frame(move || focus_by_id(&field));
            }
        }
    };
    view! {
        <div on:click=follow>
            <ErrorSummary errors=labelled attempts=list.errors.attempts />
        </div>
    }
}

/// A list part's body: the yes/no question in front of it (when the list
/// has one), then, once the answer is yes or there are entries, a heading,
/// one card per entry, and "Add …".
#[component]
pub fn ListSection(
    /// The page's list.
    list: ListState,
    /// The question in front of the list.
    #[prop(into)]
    legend: String,
    /// Help text under the question.
    #[prop(into)]
    hint: String,
    /// What to say when "No" is refused because the list has entries.
    #[prop(into)]
    still_listed: String,
    /// The heading over the cards.
    #[prop(into)]
    heading: String,
    /// The words of the "Add …" button.
    #[prop(into)]
    add_text: String,
    /// One entry's card, by its id.
    card: Callback<String, AnyView>,
    /// The question's easy read (`review_core::easy`).
    #[prop(optional, into)]
    easy: super::easy::EasyKey,
) -> impl IntoView {
    let ctx = use_review();
    let kind = list.kind;
    let errors = list.errors;
    let needed = ctx.select(move |r| kind.needed(r));
    let ids = ctx.select(move |r| kind.ids(r));
    let add = Callback::new(move |()| list.add(|id| kind.add_command(id)));
    let question = kind.question_id().map(|id| {
        let answer = Callback::new(move |yes: bool| match kind.answer(yes) {
            Some(command) => ctx.dispatch(command),
            None => Ok(()),
        });
        view! {
            <ListQuestion easy=easy id=id legend=legend hint=hint value=needed error=errors.for_field(id)
                still_listed=still_listed on_answer=answer />
        }
    });
    view! {
        {question}
        <Show when=move || needed.get() == Some(true) || !ids.with(Vec::is_empty)>
            <h2 class="app-heading-m">{heading.clone()}</h2>
            <ul class="app-list app-stack">
                <For each=move || ids.get() key=|id| id.clone() children=move |id| card.run(id) />
            </ul>
            <AddButton id=kind.add_button() text=add_text.clone()
                error=errors.for_field(kind.add_button()) on_add=add />
        </Show>
    }
}

/// The yes/no question in front of a list ("Does Ayesha use any services or
/// support?"). The core refuses "No" while the list has entries: the refusal
/// shows as the question's error (the radios go back to the answer that
/// stands by themselves).
#[component]
pub fn ListQuestion(
    /// The radios' id: the core's field id, e.g. `services-in-use`.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// Help text under the question.
    #[prop(into)]
    hint: String,
    /// The answer so far.
    #[prop(into)]
    value: Signal<Option<bool>>,
    /// The page's error for the question.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// What to say when "No" is refused because the list has entries.
    #[prop(into)]
    still_listed: String,
    /// Sends the answer; an `Err` is the core's refusal.
    on_answer: Callback<bool, Result<(), DomainError>>,
    /// The question's easy read (`review_core::easy`).
    #[prop(optional, into)]
    easy: super::easy::EasyKey,
) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || refused.get().or_else(|| error.get()));
    let answer = Callback::new(move |yes: bool| {
        refused.set(on_answer.run(yes).err().map(|e| match e {
            DomainError::StillListed => still_listed.clone(),
            e => e.to_string(),
        }))
    });
    view! {
        <Radios easy=easy id=id legend=legend hint=hint inline=true
            choices=vec![Choice::new(true, "yes", tr!("Yes")), Choice::new(false, "no", tr!("No"))]
            value=value error=shown on_change=answer />
    }
}

fn status_class(status: CardStatus) -> &'static str {
    match status {
        CardStatus::Done => "app-tag app-tag--green",
        CardStatus::NotFinished => "app-tag app-tag--blue",
        CardStatus::NeedsAttention => "app-tag app-tag--red",
    }
}

/// One entry of a list: its heading and status, a button that opens or
/// closes it (it stays in place, so focus does), its short answers while
/// closed, its questions while open, and Remove (after which focus goes to
/// "Add …").
#[component]
pub fn ListCard<T, F>(
    /// The entry.
    entry: Entry<T, F>,
    /// The heading (what the page calls the entry, unless given).
    #[prop(optional, into)]
    title: Option<Signal<String>>,
    /// What Remove names ("matter 2", unless given).
    #[prop(optional, into)]
    what: Option<Signal<String>>,
    /// The short answers shown while the card is closed.
    #[prop(into)]
    summary: ViewFn,
    /// Shown open or closed, above the rest (a warning about the entry).
    #[prop(optional, into)]
    always: Option<ViewFn>,
    /// The questions shown while it is open.
    children: ChildrenFn,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: 'static,
{
    let (list, id) = (entry.list, entry.id());
    let title = title.unwrap_or_else(|| entry.label.into());
    let what = what.unwrap_or_else(|| entry.what());
    // The card's element id is its fields' prefix ("cover-{id}"); the
    // heading is `{dom_id}-title`, the body `{dom_id}-body`.
    let dom_id = entry.field("").trim_end_matches('-').to_string();
    let ctx = use_review();
    let status = {
        let id = id.clone();
        ctx.select(move |r| list.kind.status_of(r, &id))
    };
    let open = {
        let id = id.clone();
        Signal::derive(move || list.is_open(&id))
    };
    let change = change_word();
    let remove_id = format!("{dom_id}-remove");
    let remove = {
        let remove_id = remove_id.clone();
        Callback::new(move |()| {
            remove_from(
                ctx,
                &remove_id,
                list.kind.remove_command(entry.id()),
                what.get_untracked(),
            )
        })
    };
    view! {
        <li class="app-card">
            <div class="app-card__header">
                <div>
                    <h3 class="app-card__title app-heading-s" id=format!("{dom_id}-title")>{title}</h3>
                    <strong class=move || status_class(status.get())>{move || status.get().label()}</strong>
                </div>
                <button type="button" class="app-button app-button--secondary app-u-mb-0"
                    id=format!("{dom_id}-toggle")
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=format!("{dom_id}-body")
                    on:click=move |_| list.toggle(&id)>
                    {move || if open.get() { tr!("Close") } else { change.get().to_string() }}
                    <span class="app-visually-hidden">{move || format!(" {}", title.get())}</span>
                </button>
            </div>
            <div class="app-card__body" id=format!("{dom_id}-body")>
                {always.map(|a| a.run())}
                <Show when=move || open.get() fallback=summary.clone()>{children()}</Show>
            </div>
            <Editable>
                <RemoveWithConfirm id=remove_id.clone() what=what on_remove=remove />
            </Editable>
        </li>
    }
}

/// The short answers a closed card shows, on one line ("Kind: Equipment ·
/// What happens now: Keep"): a folded card stays one line high however much
/// was said, cut short with "…" where the line is full. Every word is still
/// read out, and opening the card (or the check page) shows them in full.
#[component]
pub fn ShortAnswers(
    /// (question, answer) pairs.
    rows: Vec<(String, String)>,
) -> impl IntoView {
    let last = rows.len().saturating_sub(1);
    view! {
        <p class="app-body app-card__line">
            {rows
                .into_iter()
                .enumerate()
                .map(|(n, (key, value))| view! {
                    <span class="app-card__key">{key}": "</span>{value}
                    {(n < last).then(|| view! { <span aria-hidden="true">" · "</span> })}
                })
                .collect_view()}
        </p>
    }
}

/// "Not answered yet" for an empty answer.
pub fn or_not_yet(text: &str) -> String {
    if text.trim().is_empty() {
        tr!("Not answered yet")
    } else {
        text.trim().to_string()
    }
}

/// "Remove", then a question before what was written is lost.
#[component]
pub fn RemoveWithConfirm(
    /// The button's id, so focus can come back to it.
    #[prop(into)]
    id: String,
    /// What is removed, e.g. "this gap in support".
    #[prop(into)]
    what: Signal<String>,
    /// Removes it.
    on_remove: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let back_to = id.clone();
    let keep = move |_| {
        confirming.set(false);
        // The button pressed has gone: focus goes back to "Remove".
        let back_to = back_to.clone();
        request_animation_frame(move || focus_by_id(&back_to));
    };
    view! {
        <div class="app-card__actions">
            <button type="button" class="app-button app-button--secondary" id=id
                on:click=move |_| confirming.set(true)>
                {tr!("Remove")}<span class="app-visually-hidden">{move || format!(" {}", what.get())}</span>
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="app-card__body">
                <div class="app-notification-banner app-notification-banner--warning" role="alert">
                    <div class="app-notification-banner__content">
                        <p class="app-body">{move || tr!("Remove {when}? You can undo it straight after.", when = what.get())}</p>
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--warning"
                                on:click=move |_| on_remove.run(())>
                                {tr!("Yes, remove it")}
                            </button>
                            <button type="button" class="app-button app-button--secondary" on:click=keep.clone()>
                                {tr!("No, keep it")}
                            </button>
                        </div>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// An "Add …" button that an error summary link can point at, with its
/// message shown above it; nothing where the review cannot be changed.
#[component]
pub fn AddButton(
    /// The button's id: the core's field id, e.g. `add-resource`.
    #[prop(into)]
    id: String,
    /// The button's words.
    #[prop(into)]
    text: String,
    /// The page's error for the button, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Adds the entry.
    on_add: Callback<()>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let button = move || {
        let (id, error_id, text) = (id.clone(), error_id.clone(), text.clone());
        let described = error_id.clone();
        view! {
            <div class=move || if error.with(Option::is_some) { "app-form-group app-form-group--error" } else { "app-form-group" }>
                {move || error.get().map(|m| view! {
                    <p class="app-error-message" id=error_id.clone()>
                        <span class="app-visually-hidden">{tr!("Error:")}" "</span>{m}
                    </p>
                })}
                <button type="button" class="app-button app-button--secondary app-u-mb-0" id=id
                    aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                    on:click=move |_| on_add.run(())>
                    {text}
                </button>
            </div>
        }
    };
    view! { <Editable>{button.clone()}</Editable> }
}
