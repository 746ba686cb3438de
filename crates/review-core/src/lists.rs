//! The parts that are lists of things (services, cover arrangements, matters
//! that need someone else's help, actions), as the one list pattern the app
//! shows them with: which card a field belongs to, what the page calls that
//! card, how each card stands, and which card is open first. The app's list
//! screens differ only in the data this gives them.

use crate::base::Entry;
use crate::command::Command;
use crate::model::{Id, Review};
use crate::tr;
use crate::validate::{self, ids, FieldError};

/// A part that is a list of cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// Services and support (P20); gaps in support are cards that do not fold.
    Services,
    /// Cover arrangements and their risks (P21).
    Cover,
    /// Matters beyond the worker's scope (P22).
    Escalations,
    /// Actions (P23).
    Actions,
}

/// How one card stands, from its own errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStatus {
    Done,
    NotFinished,
    /// Something entered conflicts or was left unresolved.
    NeedsAttention,
}

impl CardStatus {
    pub fn of(errors: &[FieldError]) -> CardStatus {
        if errors.is_empty() {
            CardStatus::Done
        } else if errors.iter().any(|e| e.attention) {
            CardStatus::NeedsAttention
        } else {
            CardStatus::NotFinished
        }
    }

    pub fn label(self) -> String {
        match self {
            CardStatus::Done => tr!("Done"),
            CardStatus::NotFinished => tr!("Not finished"),
            CardStatus::NeedsAttention => tr!("Needs attention"),
        }
    }
}

/// One card of a list: its id and the name the page gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: String,
    /// "Arrangement 2", "Matter 1", a service's name…
    pub label: String,
    /// Field id prefixes that belong to this card (its own, and its risks').
    prefixes: Vec<(String, String)>,
    /// Whether it folds to a summary (a gap in support is always open).
    pub folds: bool,
}

impl Card {
    /// A card whose fields all start with `prefix`.
    fn new(id: &str, label: String, prefix: String, folds: bool) -> Card {
        Card {
            id: id.to_string(),
            prefixes: vec![(prefix, label.clone())],
            label,
            folds,
        }
    }
}

/// One folding card per entry, named by a word and its place ("Matter 2"),
/// its fields' ids made by `ids`.
fn numbered<T: Entry>(
    entries: &[T],
    label: fn(usize) -> String,
    ids: fn(&str, &str) -> String,
) -> Vec<Card> {
    let card = |(i, e): (usize, &T)| Card::new(e.id(), label(i + 1), ids(e.id(), ""), true);
    entries.iter().enumerate().map(card).collect()
}

impl ListKind {
    /// The cards of this list, in page order.
    pub fn cards(self, review: &Review) -> Vec<Card> {
        match self {
            ListKind::Services => {
                let mut cards: Vec<Card> = review
                    .resources
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let name = r.name.trim();
                        let label = if name.is_empty() {
                            tr!("Service or support {n}", n = i + 1)
                        } else {
                            name.to_string()
                        };
                        Card::new(&r.id, label, ids::resource(&r.id, ""), true)
                    })
                    .collect();
                // A gap in support is always open.
                let gaps = numbered(&review.gaps, |n| tr!("Gap {n}", n = n), ids::gap);
                cards.extend(gaps.into_iter().map(|g| Card { folds: false, ..g }));
                cards
            }
            ListKind::Cover => {
                let mut cards = numbered(
                    &review.cover_arrangements,
                    |n| tr!("Arrangement {n}", n = n),
                    ids::cover,
                );
                for (card, a) in cards.iter_mut().zip(&review.cover_arrangements) {
                    card.prefixes
                        .extend(a.risks.iter().enumerate().map(|(j, k)| {
                            let risk = tr!(
                                "{arrangement}, risk {n}",
                                arrangement = card.label,
                                n = j + 1
                            );
                            (ids::cover_risk(&k.id, ""), risk)
                        }));
                }
                cards
            }
            ListKind::Escalations => numbered(
                &review.escalations,
                |n| tr!("Matter {n}", n = n),
                ids::escalation,
            ),
            ListKind::Actions => {
                numbered(&review.actions, |n| tr!("Action {n}", n = n), ids::action)
            }
        }
    }

    /// What the page calls a field's owner ("Arrangement 2, risk 1"), and
    /// the folding card it is in (to open before following a link to it).
    pub fn owner_of(self, review: &Review, field: &str) -> Option<(Option<String>, String)> {
        self.cards(review).into_iter().find_map(|card| {
            card.prefixes
                .iter()
                .rev()
                .find(|(prefix, _)| field.starts_with(prefix.as_str()))
                .map(|(_, label)| (card.folds.then(|| card.id.clone()), label.clone()))
        })
    }

    /// The folding card a field is in, if any.
    pub fn card_of(self, review: &Review, field: &str) -> Option<String> {
        self.owner_of(review, field).and_then(|(card, _)| card)
    }

    /// The errors of one card alone (a keystroke in one card checks only it).
    pub fn errors_of(self, review: &Review, id: &str) -> Vec<FieldError> {
        let found = match self {
            ListKind::Services => review
                .resources
                .iter()
                .find(|r| r.id == id)
                .map(|r| validate::resource(review, r))
                .or_else(|| review.gaps.iter().find(|g| g.id == id).map(validate::gap)),
            ListKind::Cover => review
                .cover_arrangements
                .iter()
                .find(|a| a.id == id)
                .map(|a| validate::cover_arrangement(review, a)),
            ListKind::Escalations => review
                .escalations
                .iter()
                .find(|e| e.id == id)
                .map(|e| validate::escalation(review, e)),
            ListKind::Actions => review
                .actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| validate::action(review, a)),
        };
        found.unwrap_or_default()
    }

    /// The card open when the page opens: the first one still to finish.
    pub fn first_unfinished(self, review: &Review) -> Option<String> {
        self.cards(review)
            .into_iter()
            .find(|c| c.folds && !self.errors_of(review, &c.id).is_empty())
            .map(|c| c.id)
    }

    /// The status of one card.
    pub fn status_of(self, review: &Review, id: &str) -> CardStatus {
        CardStatus::of(&self.errors_of(review, id))
    }

    /// What the page calls one card.
    pub fn label_of(self, review: &Review, id: &str) -> Option<String> {
        self.cards(review)
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.label)
    }

    /// The id of one field of an entry's card, e.g. `cover-{id}-when`.
    pub fn field(self, id: &str, name: &str) -> String {
        let field_id = match self {
            ListKind::Services => ids::resource,
            ListKind::Cover => ids::cover,
            ListKind::Escalations => ids::escalation,
            ListKind::Actions => ids::action,
        };
        field_id(id, name)
    }

    /// The id of the field a new card's first question has, to focus it.
    pub fn first_field(self, id: &str) -> String {
        let first = match self {
            ListKind::Services => "kind",
            ListKind::Cover => "makes-room-for",
            ListKind::Escalations => "matter",
            ListKind::Actions => "what",
        };
        self.field(id, first)
    }

    /// The entries (folding cards) of this list, in page order.
    pub fn ids(self, review: &Review) -> Vec<Id> {
        let ids = |items: &mut dyn Iterator<Item = &Id>| items.cloned().collect();
        match self {
            ListKind::Services => ids(&mut review.resources.iter().map(|r| &r.id)),
            ListKind::Cover => ids(&mut review.cover_arrangements.iter().map(|a| &a.id)),
            ListKind::Escalations => ids(&mut review.escalations.iter().map(|e| &e.id)),
            ListKind::Actions => ids(&mut review.actions.iter().map(|a| &a.id)),
        }
    }

    /// The command that adds an entry with this id.
    pub fn add_command(self, id: Id) -> Command {
        match self {
            ListKind::Services => Command::AddResource { id },
            ListKind::Cover => Command::AddCoverArrangement { id },
            ListKind::Escalations => Command::AddEscalation { id },
            ListKind::Actions => Command::AddAction { id },
        }
    }

    /// The command that removes the entry with this id.
    pub fn remove_command(self, id: Id) -> Command {
        match self {
            ListKind::Services => Command::RemoveResource { id },
            ListKind::Cover => Command::RemoveCoverArrangement { id },
            ListKind::Escalations => Command::RemoveEscalation { id },
            ListKind::Actions => Command::RemoveAction { id },
        }
    }

    /// The yes/no question in front of the list, if it has one: its field
    /// id, the answer so far, and the command an answer sends.
    pub fn question_id(self) -> Option<&'static str> {
        match self {
            ListKind::Services => Some("services-in-use"),
            ListKind::Cover => Some("cover-needed"),
            ListKind::Escalations => Some("escalation-needed"),
            ListKind::Actions => None,
        }
    }

    pub fn needed(self, review: &Review) -> Option<bool> {
        match self {
            ListKind::Services => review.services_in_use,
            ListKind::Cover => review.cover_needed,
            ListKind::Escalations => review.escalation_needed,
            ListKind::Actions => Some(true),
        }
    }

    pub fn answer(self, yes: bool) -> Option<Command> {
        match self {
            ListKind::Services => Some(Command::SetServicesInUse(yes)),
            ListKind::Cover => Some(Command::SetCoverNeeded(yes)),
            ListKind::Escalations => Some(Command::SetEscalationNeeded(yes)),
            ListKind::Actions => None,
        }
    }

    /// The id of the "Add" button (also where focus goes after a removal).
    pub fn add_button(self) -> &'static str {
        match self {
            ListKind::Services => "add-resource",
            ListKind::Cover => "add-cover-arrangement",
            ListKind::Escalations => "add-escalation",
            ListKind::Actions => "add-action",
        }
    }
}

/// A message in the error summary, named after the card it belongs to
/// ("Matter 2: Enter who it will go to") unless it names it already.
pub fn labelled(review: &Review, kind: ListKind, error: &FieldError) -> FieldError {
    let mut e = error.clone();
    if let Some((_, label)) = kind.owner_of(review, &e.field) {
        if !e.message.contains(&label) {
            e.message = format!("{label}: {}", e.message);
        }
    }
    e
}
