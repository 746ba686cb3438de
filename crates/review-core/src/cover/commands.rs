//! The changes to cover (P21): arrangements and their risks.

use crate::base::DomainError;
use crate::command::Command;
use crate::cover::types::*;
use crate::review::Review;
use crate::text::clean;

impl Review {
    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_cover(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            SetCoverNeeded(false) if !self.cover_arrangements.is_empty() => {
                return Err(DomainError::StillListed);
            }
            SetCoverNeeded(needed) => self.cover_needed = Some(needed),
            AddCoverArrangement { id } => {
                self.fresh(&id)?;
                if self.cover_needed == Some(false) {
                    return Err(DomainError::AnsweredNo);
                }
                self.cover_arrangements.push(CoverArrangement::new(id));
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
            RemoveCoverArrangement { id } => {
                self.arrangement_mut(&id)?;
                self.cover_arrangements.retain(|a| a.id != id);
            }
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
        self.cover_arrangements
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(DomainError::UnknownArrangement)
    }

    pub(crate) fn cover_risk_mut(&mut self, id: &str) -> Result<&mut CoverRisk, DomainError> {
        self.cover_arrangements
            .iter_mut()
            .flat_map(|a| a.risks.iter_mut())
            .find(|r| r.id == id)
            .ok_or(DomainError::UnknownRisk)
    }
}
