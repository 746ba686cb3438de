//! The changes to cover (P21): arrangements and their risks.

use crate::base::{
    add_listed, answer_list_question, entries, entry_mut, remove_entry, DomainError,
};
use crate::command::Command;
use crate::cover::types::*;
use crate::review::Review;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_cover(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            SetCoverNeeded(needed) => {
                answer_list_question(&mut self.cover_needed, &self.cover_arrangements, needed)?
            }
            AddCoverArrangement { id } => {
                self.fresh(&id)?;
                let arrangement = CoverArrangement::new(id);
                add_listed(self.cover_needed, &mut self.cover_arrangements, arrangement)?;
            }
            SetCoverArrangement { id, field } => {
                let field = match field {
                    CoverField::Agreement(Some(IndividualAgreement::AgreedThroughAdvocate {
                        by,
                    })) => {
                        CoverField::Agreement(Some(IndividualAgreement::AgreedThroughAdvocate {
                            by: self.checked_go_between(by)?,
                        }))
                    }
                    CoverField::Agreement(Some(IndividualAgreement::Agreed { how: Some(how) })) => {
                        let individual = self
                            .individual()
                            .map(|p| p.id.clone())
                            .ok_or(DomainError::IndividualRequired)?;
                        CoverField::Agreement(Some(IndividualAgreement::Agreed {
                            how: Some(crate::agreement::checked(self, &individual, how)?),
                        }))
                    }
                    f => f,
                };
                let a = self.arrangement_mut(&id)?;
                match field {
                    CoverField::MakesRoomFor(need) => a.makes_room_for = Some(need),
                    CoverField::MakesRoomForDetail(text) => a.makes_room_for_detail = clean(&text),
                    CoverField::Kind(kind) => a.kind = Some(kind),
                    CoverField::When(text) => a.when = clean(&text),
                    CoverField::Provider(text) => a.provider = clean(&text),
                    CoverField::Funding(funding) => a.funding = Some(funding),
                    CoverField::Agreement(agreement) => {
                        a.agreement = agreement.map(|agreement| match agreement {
                            IndividualAgreement::NotAgreed { what_happens_next } => {
                                IndividualAgreement::NotAgreed {
                                    what_happens_next: clean(&what_happens_next),
                                }
                            }
                            other => other,
                        })
                    }
                }
            }
            RemoveCoverArrangement { id } => remove_entry(
                &mut self.cover_arrangements,
                &id,
                DomainError::UnknownArrangement,
            )?,
            AddCoverRisk { arrangement, id } => {
                self.fresh(&id)?;
                self.arrangement_mut(&arrangement)?.risks.push(CoverRisk {
                    id,
                    risk: String::new(),
                    management: String::new(),
                });
            }
            SetCoverRisk {
                id,
                risk,
                management,
            } => {
                let r = self.cover_risk_mut(&id)?;
                r.risk = clean(&risk);
                r.management = clean(&management);
            }
            RemoveCoverRisk { id } => {
                self.cover_risk_mut(&id)?;
                for a in &mut self.cover_arrangements {
                    a.risks.retain(|r| r.id != id);
                }
            }

            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    pub(crate) fn arrangement_mut(
        &mut self,
        id: &str,
    ) -> Result<&mut CoverArrangement, DomainError> {
        entry_mut(
            &mut self.cover_arrangements,
            id,
            DomainError::UnknownArrangement,
        )
    }

    pub(crate) fn cover_risk_mut(&mut self, id: &str) -> Result<&mut CoverRisk, DomainError> {
        let risks = self
            .cover_arrangements
            .iter_mut()
            .flat_map(|a| &mut a.risks);
        entry_mut(risks, id, DomainError::UnknownRisk)
    }
}

entries!(CoverArrangement, CoverRisk);
