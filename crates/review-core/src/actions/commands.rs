//! The changes to actions (P23).

use crate::actions::types::*;
use crate::base::{entries, entry_mut, remove_entry, DomainError};
use crate::command::Command;
use crate::review::Review;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_actions(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            AddAction { id } => {
                self.fresh(&id)?;
                self.actions.push(Action::new(id));
            }
            SetAction { id, field } => {
                let field = match field {
                    ActionField::Owner(owner) => {
                        ActionField::Owner(owner.map(|p| self.checked_person(p)).transpose()?)
                    }
                    ActionField::Criterion(Some(c)) => {
                        self.criterion_mut(&c)?;
                        ActionField::Criterion(Some(c))
                    }
                    f => f,
                };
                let a = self.action_mut(&id)?;
                match field {
                    ActionField::What(text) => a.what = clean(&text),
                    ActionField::Owner(owner) => a.owner = owner,
                    ActionField::Due(due) => a.due = due,
                    ActionField::Criterion(criterion) => a.criterion = criterion,
                }
            }
            RemoveAction { id } => {
                remove_entry(&mut self.actions, &id, DomainError::UnknownAction)?
            }
            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    pub(crate) fn action_mut(&mut self, id: &str) -> Result<&mut Action, DomainError> {
        entry_mut(&mut self.actions, id, DomainError::UnknownAction)
    }
}

entries!(Action);
