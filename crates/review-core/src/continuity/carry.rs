//! Bringing the last signed review into a new one (issue 27, point 2):
//! what can be carried forward ([`proposals`], one line each, for the
//! worker to confirm), and the new review made from what they chose
//! ([`Review::carry_forward`]). Nothing comes in unchosen.
//!
//! What comes in keeps its id from last time, so an item hidden from
//! someone then keeps that visibility now, and last time's ratings stay
//! beside the same criterion and person. What was said then (notes,
//! benefits, views) stays in last time's record: this meeting asks again.

use super::check::Checked;
use super::types::{LastAction, LastEscalation, LastRating, LastReview};
use crate::base::{DomainError, Person};
use crate::cover::types::{CoverArrangement, CoverRisk};
use crate::criteria::types::{Criterion, CriterionSource};
use crate::escalations::types::EscalationStatus;
use crate::review::Review;
use crate::services::types::{Gap, Resource};
use crate::setup::people::{InterpreterNeed, Participant, ParticipationSupport, Role};
use crate::setup::sharing::Visibility;
use crate::summary::{CriterionOrigin, ParticipantRecord, PersonRef, Summary};
use crate::tr;
use crate::words::long_date;
use std::collections::BTreeSet;

/// The kinds of thing that can be carried forward, in the order they are offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    People,
    Criteria,
    Services,
    Cover,
    Actions,
    Escalations,
}
impl Group {
    pub const ALL: [Group; 6] = [
        Group::People,
        Group::Criteria,
        Group::Services,
        Group::Cover,
        Group::Actions,
        Group::Escalations,
    ];

    /// Its key, for element ids.
    pub fn key(self) -> &'static str {
        match self {
            Group::People => "people",
            Group::Criteria => "criteria",
            Group::Services => "services",
            Group::Cover => "cover",
            Group::Actions => "actions",
            Group::Escalations => "escalations",
        }
    }

    /// Its heading on the page that offers it.
    pub fn heading(self) -> String {
        match self {
            Group::People => tr!("Who took part"),
            Group::Criteria => tr!("What the review looked at, and its scales"),
            Group::Services => tr!("Services, support and gaps"),
            Group::Cover => tr!("Support for the person cared for"),
            Group::Actions => tr!("Actions to follow up"),
            Group::Escalations => tr!("Matters still open with someone else"),
        }
    }

    /// What carrying it forward does.
    pub fn hint(self) -> String {
        match self {
            Group::People => {
                tr!("Their details and the help they needed come in to be checked. The worker is you.")
            }
            Group::Criteria => {
                tr!("Everyone agrees them again, and each rating shows last time's beside it.")
            }
            Group::Services => tr!("Their names come in; how they helped is asked again."),
            Group::Cover => {
                tr!("The arrangements come in; the person cared for is asked again whether they agree.")
            }
            Group::Actions => tr!("The meeting says what became of each one."),
            Group::Escalations => tr!("The meeting says whether each one is resolved."),
        }
    }
}

/// One thing the last review can give the new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// `person/…`, `criterion/…`, `service/…`, `gap/…`, `cover/…`,
    /// `action/…` or `escalation/…`, with last time's id.
    pub key: String,
    pub group: Group,
    /// What it is, in words.
    pub words: String,
    /// More about it, in words (may be empty).
    pub detail: String,
    /// Who could see it last time, when it was kept from someone (it stays
    /// kept from them).
    pub kept_from: Option<Visibility>,
}

/// Everything the last review can give the new one, in meeting order.
pub fn proposals(last: &Summary) -> Vec<Proposal> {
    let mut out = Vec::new();
    let mut push = |group, key: String, words: &str, detail: String, v: Option<Visibility>| {
        out.push(Proposal {
            key,
            group,
            words: words.trim().to_string(),
            detail,
            kept_from: v.filter(|v| *v != Visibility::Everyone),
        })
    };
    for p in last.participants.iter().filter(|p| p.role != Role::Worker) {
        let words = if p.name.trim().is_empty() {
            p.role.label().to_string()
        } else {
            tr!("{name}, {role}", name = p.name.trim(), role = p.role.noun())
        };
        let detail = p.relationship.clone().unwrap_or_default();
        push(Group::People, person_key(&p.id), &words, detail, None);
    }
    for c in &last.criteria {
        let detail = match (c.not_discussed.is_some(), c.ratings.len()) {
            (true, _) => tr!("Not discussed last time"),
            (false, 0) => tr!("Not rated last time"),
            (false, 1) => tr!("1 rating last time"),
            (false, n) => tr!("{n} ratings last time", n = n),
        };
        push(
            Group::Criteria,
            format!("criterion/{}", c.id),
            &c.wording,
            detail,
            None,
        );
    }
    for r in &last.services.resources {
        let detail = r.kind.map(|k| k.label().to_string()).unwrap_or_default();
        push(
            Group::Services,
            format!("service/{}", r.id),
            &r.name,
            detail,
            None,
        );
    }
    for g in &last.services.gaps {
        let detail = tr!("A gap in support");
        push(
            Group::Services,
            format!("gap/{}", g.id),
            &g.what,
            detail,
            g.visibility,
        );
    }
    for a in &last.cover.arrangements {
        let kind = a.kind.map_or_else(|| tr!("Support"), |k| k.label());
        let words = match a.provider.as_deref().map(str::trim) {
            Some(by) if !by.is_empty() => format!("{kind}: {by}"),
            _ => kind.to_string(),
        };
        let detail = a.when.clone().unwrap_or_default();
        push(
            Group::Cover,
            format!("cover/{}", a.id),
            &words,
            detail,
            None,
        );
    }
    for a in &last.actions {
        let due = a
            .due
            .as_ref()
            .and_then(|d| d.as_str().parse().ok())
            .map(long_date);
        let detail = match (&a.owner, due) {
            (Some(o), Some(d)) => format!("{}, by {d}", ref_name(last, o)),
            (Some(o), None) => ref_name(last, o),
            (None, Some(d)) => format!("By {d}"),
            (None, None) => String::new(),
        };
        push(
            Group::Actions,
            format!("action/{}", a.id),
            &a.what,
            detail,
            a.visibility,
        );
    }
    for e in last
        .escalations
        .matters
        .iter()
        .filter(|e| e.status != EscalationStatus::Done)
    {
        let detail = match e.to_whom.as_deref().map(str::trim) {
            Some(to) if !to.is_empty() => {
                tr!("With {to}: {status}", to = to, status = e.status.label())
            }
            _ => e.status.label().to_string(),
        };
        push(
            Group::Escalations,
            format!("escalation/{}", e.id),
            &e.matter,
            detail,
            e.visibility,
        );
    }
    out
}

fn person_key(id: &str) -> String {
    format!("person/{id}")
}

/// A person the last summary names, in words.
fn ref_name(last: &Summary, person: &PersonRef) -> String {
    match person {
        PersonRef::Participant { id } => {
            last.participants.iter().find(|p| p.id == *id).map_or_else(
                || tr!("Someone who took part"),
                |p| p.name.trim().to_string(),
            )
        }
        PersonRef::Named { name } | PersonRef::Removed { name } => name.trim().to_string(),
    }
}

impl Review {
    /// Bring into this new review what the worker chose of the last one
    /// (`chosen`: keys of [`proposals`]). Only for a review nothing has
    /// been done in yet; the link to the last summary is kept whatever
    /// was chosen.
    pub fn carry_forward(
        &mut self,
        last: &Checked,
        chosen: &BTreeSet<String>,
    ) -> Result<(), DomainError> {
        if self.last.is_some() || !self.criteria.is_empty() || self.participants.len() > 2 {
            return Err(DomainError::AlreadyStarted);
        }
        let s = &last.summary;
        let picked = |key: String| chosen.contains(&key);
        let old_worker = s.worker.participant_id.clone();
        let worker = self
            .participants_with(Role::Worker)
            .next()
            .map(|w| w.id.clone())
            .unwrap_or_default();
        // People: the carried individual takes the new one's place.
        let carried: Vec<Participant> = s
            .participants
            .iter()
            .filter(|p| p.role != Role::Worker && picked(person_key(&p.id)))
            .map(|p| participant(p, &self.reference_rules))
            .collect();
        if carried.iter().any(|p| p.role == Role::Individual) {
            self.participants.retain(|p| p.role != Role::Individual);
        }
        self.participants.extend(carried);
        // Who said or owns something now: a carried participant (last
        // time's worker is this review's), or a name.
        let person = |r: &PersonRef, review: &Review| -> Person {
            match r {
                PersonRef::Participant { id } if *id == old_worker => Person::participant(&worker),
                PersonRef::Participant { id } if review.participant(id).is_some() => {
                    Person::participant(id)
                }
                other => Person::named(ref_name(s, other)),
            }
        };
        let mut ratings = Vec::new();
        for c in s
            .criteria
            .iter()
            .filter(|c| picked(format!("criterion/{}", c.id)))
        {
            self.criteria.push(Criterion {
                id: c.id.clone(),
                source: match &c.source {
                    CriterionOrigin::Library { key } => {
                        CriterionSource::Library { key: key.clone() }
                    }
                    CriterionOrigin::Custom {} => CriterionSource::Custom,
                },
                group: c.group,
                wording: c.wording.clone(),
                easy_read: c.easy_read.clone().unwrap_or_default(),
                serves: c.serves.clone(),
                scale: c.scale,
                agreed_by: Vec::new(),
            });
            for r in &c.ratings {
                let who = if r.participant == old_worker {
                    worker.clone()
                } else {
                    r.participant.clone()
                };
                if self.participant(&who).is_some() {
                    ratings.push(LastRating {
                        criterion: c.id.clone(),
                        participant: who,
                        point: r.point,
                    });
                }
            }
        }
        for r in s
            .services
            .resources
            .iter()
            .filter(|r| picked(format!("service/{}", r.id)))
        {
            let mut resource = Resource::new(r.id.clone());
            resource.kind = r.kind;
            resource.name = r.name.clone();
            self.resources.push(resource);
        }
        for g in s
            .services
            .gaps
            .iter()
            .filter(|g| picked(format!("gap/{}", g.id)))
        {
            let noticed_by = g.noticed_by.as_ref().map(|p| person(p, self));
            self.gaps.push(Gap {
                id: g.id.clone(),
                what: g.what.clone(),
                noticed_by,
            });
            self.keep_visibility(&g.id, g.visibility);
        }
        if !self.resources.is_empty() || !self.gaps.is_empty() {
            self.services_in_use = Some(!self.resources.is_empty()).filter(|u| *u);
        }
        for a in s
            .cover
            .arrangements
            .iter()
            .filter(|a| picked(format!("cover/{}", a.id)))
        {
            let mut arrangement = CoverArrangement::new(a.id.clone());
            arrangement.makes_room_for = a.makes_room_for;
            arrangement.makes_room_for_detail = a.makes_room_for_detail.clone().unwrap_or_default();
            arrangement.kind = a.kind;
            arrangement.when = a.when.clone().unwrap_or_default();
            arrangement.provider = a.provider.clone().unwrap_or_default();
            arrangement.funding = a.funding;
            for r in &a.risks {
                arrangement.risks.push(CoverRisk {
                    id: r.id.clone(),
                    risk: r.risk.clone(),
                    management: r.management.clone(),
                });
                self.keep_visibility(&r.id, r.visibility);
            }
            self.cover_arrangements.push(arrangement);
        }
        if !self.cover_arrangements.is_empty() {
            self.cover_needed = Some(true);
        }
        let actions = s
            .actions
            .iter()
            .filter(|a| picked(format!("action/{}", a.id)))
            .map(|a| LastAction {
                id: a.id.clone(),
                what: a.what.clone(),
                owner: a.owner.as_ref().map(|o| person(o, self)),
                due: a.due.as_ref().map(|d| d.as_str().to_string()),
                visibility: a.visibility,
                answer: None,
                carried_as: None,
            })
            .collect();
        let escalations = s
            .escalations
            .matters
            .iter()
            .filter(|e| {
                e.status != EscalationStatus::Done && picked(format!("escalation/{}", e.id))
            })
            .map(|e| LastEscalation {
                id: e.id.clone(),
                matter: e.matter.clone(),
                to_whom: e.to_whom.clone().unwrap_or_default(),
                visibility: e.visibility,
                answer: None,
            })
            .collect();
        self.last = Some(LastReview {
            document_id: s.document_id.as_str().to_string(),
            sha256: last.sha256.clone(),
            review_id: s.review_id.clone(),
            finalised_at: s.finalised_at.as_str().to_string(),
            ratings,
            actions,
            escalations,
        });
        Ok(())
    }

    /// An item brought forward stays kept from whoever it was kept from.
    fn keep_visibility(&mut self, key: &str, visibility: Option<Visibility>) {
        if let Some(v) = visibility {
            self.visibility.insert(key.to_string(), v);
        }
    }
}

/// A participant as last time's record has them: their details, the
/// references the team's rules still ask for, and the help they needed;
/// how they attend and whether each need is met are asked again.
fn participant(p: &ParticipantRecord, rules: &[crate::identifiers::IdentifierRule]) -> Participant {
    let mut out = Participant::new(p.id.clone(), p.role);
    out.name = p.name.clone();
    out.relationship = p.relationship.clone().unwrap_or_default();
    out.job_title = p.job_title.clone().unwrap_or_default();
    out.what_matters = p.what_matters.clone().unwrap_or_default();
    out.references = p
        .references
        .iter()
        .filter(|r| rules.iter().any(|rule| rule.id == r.id))
        .map(|r| (r.id.clone(), r.value.clone()))
        .collect();
    out.nhs_number = p.nhs_number.clone().unwrap_or_default();
    out.date_of_birth = p.date_of_birth.clone().unwrap_or_default();
    let s = &p.support;
    out.support = ParticipationSupport {
        preferred_language: s.preferred_language.clone().unwrap_or_default(),
        screen_language: s.screen_language.map(Into::into),
        interpreter: s.interpreter.as_ref().map(|i| InterpreterNeed {
            mode: i.mode,
            language: i.language.clone().unwrap_or_default(),
        }),
        advocate: s.advocate,
        communication: s.communication.clone(),
        communication_detail: s.communication_detail.clone().unwrap_or_default(),
        adjustments: s.adjustments.clone().unwrap_or_default(),
    };
    out
}
