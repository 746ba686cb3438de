//! The changes to services and support (P20): resources, their points,
//! and the gaps.

use crate::base::{
    add_listed, answer_list_question, entries, entry_mut, remove_entry, DomainError, Remark,
    Speaker,
};
use crate::command::Command;
use crate::review::Review;
use crate::services::types::*;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_services(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            SetServicesInUse(in_use) => {
                answer_list_question(&mut self.services_in_use, &self.resources, in_use)?
            }
            AddResource { id } => {
                self.fresh(&id)?;
                add_listed(self.services_in_use, &mut self.resources, Resource::new(id))?;
            }
            SetResource { id, field } => {
                let r = self.resource_mut(&id)?;
                match field {
                    ResourceField::Kind(kind) => r.kind = Some(kind),
                    ResourceField::Name(text) => r.name = clean(&text),
                    ResourceField::NeedsMet(met) => r.needs_met = Some(met),
                    ResourceField::Decision(decision) => r.decision = Some(decision),
                }
            }
            AddResourceRemark { resource, list, id } => {
                self.fresh(&id)?;
                self.resource_mut(&resource)?
                    .remarks_mut(list)
                    .push(Remark::new(id));
            }
            SetRemark { id, text, said_by } => {
                let said_by = match said_by {
                    Speaker::Person(p) => Speaker::Person(self.checked_person(p)?),
                    s => s,
                };
                let remark = self.remark_mut(&id)?;
                remark.text = clean(&text);
                remark.said_by = said_by;
            }
            RemoveRemark { id } => {
                self.remark_mut(&id)?;
                for r in &mut self.resources {
                    for list in ResourceList::ALL {
                        r.remarks_mut(*list).retain(|m| m.id != id);
                    }
                }
            }
            RemoveResource { id } => {
                remove_entry(&mut self.resources, &id, DomainError::UnknownResource)?
            }
            AddGap { id } => {
                self.fresh(&id)?;
                self.gaps.push(Gap {
                    id,
                    what: String::new(),
                    noticed_by: None,
                });
            }
            SetGap {
                id,
                what,
                noticed_by,
            } => {
                let noticed_by = noticed_by.map(|p| self.checked_person(p)).transpose()?;
                let g = self.gap_mut(&id)?;
                g.what = clean(&what);
                g.noticed_by = noticed_by;
            }
            RemoveGap { id } => remove_entry(&mut self.gaps, &id, DomainError::UnknownGap)?,

            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    pub(crate) fn resource_mut(&mut self, id: &str) -> Result<&mut Resource, DomainError> {
        entry_mut(&mut self.resources, id, DomainError::UnknownResource)
    }

    pub(crate) fn remark_mut(&mut self, id: &str) -> Result<&mut Remark, DomainError> {
        let remarks = self.resources.iter_mut().flat_map(|r| {
            r.benefits
                .iter_mut()
                .chain(&mut r.difficulties)
                .chain(&mut r.changes)
        });
        entry_mut(remarks, id, DomainError::UnknownRemark)
    }

    pub(crate) fn gap_mut(&mut self, id: &str) -> Result<&mut Gap, DomainError> {
        entry_mut(&mut self.gaps, id, DomainError::UnknownGap)
    }
}

entries!(Resource, Gap);
