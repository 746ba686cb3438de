//! Every change to a review goes through [`Review::apply`], so the rules of the
//! meeting live in one place and can be tested without a browser.

use crate::library::LibraryCriterion;
use crate::model::*;
use crate::text::{clean, is_blank};
use std::fmt;

/// A change someone makes at the meeting.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    AddParticipant {
        id: Id,
        role: Role,
    },
    RemoveParticipant {
        id: Id,
    },
    SetParticipantRole {
        id: Id,
        role: Role,
    },
    SetParticipantName {
        id: Id,
        name: String,
    },
    SetRelationship {
        id: Id,
        relationship: String,
    },
    SetAttendance {
        id: Id,
        attendance: Attendance,
    },

    SetPreferredLanguage {
        id: Id,
        language: String,
    },
    SetInterpreterNeeded {
        id: Id,
        needed: bool,
    },
    SetInterpreterMode {
        id: Id,
        mode: InterpreterMode,
    },
    SetInterpreterLanguage {
        id: Id,
        language: String,
    },
    SetAdvocate {
        id: Id,
        advocate: Option<AdvocateKind>,
    },
    SetCommunication {
        id: Id,
        method: CommunicationMethod,
        used: bool,
    },
    SetCommunicationDetail {
        id: Id,
        detail: String,
    },
    SetAdjustments {
        id: Id,
        adjustments: String,
    },
    SetNeedStatus {
        participant: Id,
        need: Need,
        status: Option<NeedStatus>,
    },

    SetReason(ReviewReason),
    SetDepth(Depth),
    SetAgendaItem {
        item: AgendaItem,
        used: bool,
    },
    SetTimeBox {
        item: AgendaItem,
        minutes: Option<u32>,
    },
    SetCarerPrivateTime(bool),
    SetSummaryRecipients(String),
    AddRestriction {
        id: Id,
    },
    SetRestriction {
        id: Id,
        what: String,
        not_with: String,
    },
    RemoveRestriction {
        id: Id,
    },
    SetProcessAgreement {
        participant: Id,
        agreed: bool,
    },

    AddLibraryCriterion {
        id: Id,
        criterion: LibraryCriterion,
    },
    AddCustomCriterion {
        id: Id,
        group: CriterionGroup,
        wording: String,
    },
    SetCriterionWording {
        id: Id,
        wording: String,
    },
    SetCriterionScale {
        id: Id,
        scale: Scale,
    },
    RemoveCriterion {
        id: Id,
    },
    SetCriterionAgreement {
        criterion: Id,
        participant: Id,
        agreed: bool,
    },
}

/// Why a command could not be applied. The wording is shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    Locked,
    UnknownParticipant,
    UnknownCriterion,
    UnknownRestriction,
    DuplicateId,
    /// The individual is always part of the review, even when absent.
    IndividualRequired,
    AlreadyInReview,
    EmptyWording,
    TimeBoxOutOfRange,
    NotOnAgenda,
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DomainError::Locked => "This review has been signed off and cannot be changed",
            DomainError::UnknownParticipant => "That person is no longer part of this review",
            DomainError::UnknownCriterion => "That criterion is no longer part of this review",
            DomainError::UnknownRestriction => "That sharing limit is no longer part of this review",
            DomainError::DuplicateId => "That item already exists",
            DomainError::IndividualRequired => {
                "The person being cared for is always part of the review, even when they are not here"
            }
            DomainError::AlreadyInReview => "That criterion is already in this review",
            DomainError::EmptyWording => "Enter the wording of the criterion",
            DomainError::TimeBoxOutOfRange => "Enter a time between 1 and 240 minutes",
            DomainError::NotOnAgenda => "Choose this part of the review before setting a time for it",
        })
    }
}

impl std::error::Error for DomainError {}

/// The longest time box the app accepts, in minutes.
pub const MAX_TIME_BOX: u32 = 240;

impl Review {
    /// A new review with the device's defaults, the worker from the settings
    /// and an individual (who is always a participant).
    pub fn new(
        id: Id,
        now: Timestamp,
        settings: &DeviceSettings,
        worker_id: Id,
        individual_id: Id,
    ) -> Review {
        let mut worker = Participant::new(worker_id, Role::Worker);
        worker.name = clean(&settings.worker_name);
        worker.attendance = Some(Attendance::InPerson);
        let individual = Participant::new(individual_id, Role::Individual);
        Review {
            id,
            created_at: now,
            updated_at: now,
            state: ReviewState::Draft,
            organisation: clean(&settings.organisation),
            team: clean(&settings.team),
            participants: vec![worker, individual],
            readiness: Default::default(),
            process: ReviewProcess {
                agenda: AgendaItem::ALL.to_vec(),
                ..Default::default()
            },
            criteria: Vec::new(),
        }
    }

    /// Apply one change. On error the review is unchanged.
    pub fn apply(&mut self, command: Command, now: Timestamp) -> Result<(), DomainError> {
        if self.state == ReviewState::SignedOff {
            return Err(DomainError::Locked);
        }
        self.apply_unstamped(command)?;
        self.updated_at = now;
        Ok(())
    }

    fn person(&mut self, id: &str) -> Result<&mut Participant, DomainError> {
        self.participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(DomainError::UnknownParticipant)
    }

    fn criterion_mut(&mut self, id: &str) -> Result<&mut Criterion, DomainError> {
        self.criteria
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(DomainError::UnknownCriterion)
    }

    fn has_id(&self, id: &str) -> bool {
        self.participants.iter().any(|p| p.id == id)
            || self.criteria.iter().any(|c| c.id == id)
            || self
                .process
                .confidentiality
                .restrictions
                .iter()
                .any(|r| r.id == id)
    }

    /// A need that changed must be checked again before the review proper.
    fn recheck(&mut self, participant: &str, need: Need) {
        self.readiness.remove(&need_key(participant, need));
    }

    fn apply_unstamped(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        // Which need (if any) this command changes, so its readiness is asked again.
        let changed_need = match &command {
            SetInterpreterNeeded { id, .. }
            | SetInterpreterMode { id, .. }
            | SetInterpreterLanguage { id, .. } => Some((id.clone(), Need::Interpreter)),
            SetAdvocate { id, .. } => Some((id.clone(), Need::Advocate)),
            SetCommunication { id, method, .. } => Some((id.clone(), Need::Communication(*method))),
            SetAdjustments { id, .. } => Some((id.clone(), Need::Adjustments)),
            _ => None,
        };
        self.apply_change(command)?;
        if let Some((id, need)) = changed_need {
            self.recheck(&id, need);
        }
        Ok(())
    }

    fn apply_change(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            AddParticipant { id, role } => {
                if self.has_id(&id) {
                    return Err(DomainError::DuplicateId);
                }
                self.participants.push(Participant::new(id, role));
            }
            RemoveParticipant { id } => {
                let role = self.person(&id)?.role;
                if role == Role::Individual && self.participants_with(Role::Individual).count() == 1
                {
                    return Err(DomainError::IndividualRequired);
                }
                self.participants.retain(|p| p.id != id);
                // Nothing may keep pointing at someone who is no longer here.
                let prefix = format!("{id}/");
                self.readiness.retain(|k, _| !k.starts_with(&prefix));
                self.process.agreed_by.retain(|p| *p != id);
                for c in &mut self.criteria {
                    c.agreed_by.retain(|p| *p != id);
                }
            }
            SetParticipantRole { id, role } => {
                let current = self.person(&id)?.role;
                if current == Role::Individual
                    && role != Role::Individual
                    && self.participants_with(Role::Individual).count() == 1
                {
                    return Err(DomainError::IndividualRequired);
                }
                self.person(&id)?.role = role;
            }
            SetParticipantName { id, name } => self.person(&id)?.name = clean(&name),
            SetRelationship { id, relationship } => {
                self.person(&id)?.relationship = clean(&relationship)
            }
            SetAttendance { id, attendance } => self.person(&id)?.attendance = Some(attendance),
            SetPreferredLanguage { id, language } => {
                self.person(&id)?.support.preferred_language = clean(&language)
            }
            SetInterpreterNeeded { id, needed } => {
                let support = &mut self.person(&id)?.support;
                match (needed, support.interpreter.is_some()) {
                    (true, false) => support.interpreter = Some(InterpreterNeed::default()),
                    (false, true) => support.interpreter = None,
                    _ => {}
                }
            }
            SetInterpreterMode { id, mode } => {
                self.person(&id)?
                    .support
                    .interpreter
                    .get_or_insert_with(Default::default)
                    .mode = Some(mode)
            }
            SetInterpreterLanguage { id, language } => {
                self.person(&id)?
                    .support
                    .interpreter
                    .get_or_insert_with(Default::default)
                    .language = clean(&language)
            }
            SetAdvocate { id, advocate } => self.person(&id)?.support.advocate = advocate,
            SetCommunication { id, method, used } => {
                let methods = &mut self.person(&id)?.support.communication;
                methods.retain(|m| *m != method);
                if used {
                    methods.push(method);
                    methods.sort();
                }
            }
            SetCommunicationDetail { id, detail } => {
                self.person(&id)?.support.communication_detail = clean(&detail)
            }
            SetAdjustments { id, adjustments } => {
                self.person(&id)?.support.adjustments = clean(&adjustments)
            }
            SetNeedStatus {
                participant,
                need,
                status,
            } => {
                self.person(&participant)?;
                let key = need_key(&participant, need);
                match status {
                    None => {
                        self.readiness.remove(&key);
                    }
                    Some(NeedStatus::Met) => {
                        self.readiness.insert(key, NeedStatus::Met);
                    }
                    Some(NeedStatus::NotMet {
                        action,
                        reason_to_continue,
                    }) => {
                        self.readiness.insert(
                            key,
                            NeedStatus::NotMet {
                                action: clean(&action),
                                reason_to_continue: clean(&reason_to_continue),
                            },
                        );
                    }
                }
            }

            SetReason(reason) => self.process.reason = Some(reason),
            SetDepth(depth) => self.process.depth = Some(depth),
            SetAgendaItem { item, used } => {
                let agenda = &mut self.process.agenda;
                agenda.retain(|i| *i != item);
                if used {
                    agenda.push(item);
                    agenda.sort();
                } else {
                    self.process.time_boxes.remove(&item);
                }
            }
            SetTimeBox { item, minutes }
                if minutes.is_some() && !self.process.agenda.contains(&item) =>
            {
                return Err(DomainError::NotOnAgenda);
            }
            SetTimeBox { item, minutes } => match minutes {
                None => {
                    self.process.time_boxes.remove(&item);
                }
                Some(m) if (1..=MAX_TIME_BOX).contains(&m) => {
                    self.process.time_boxes.insert(item, m);
                }
                Some(_) => return Err(DomainError::TimeBoxOutOfRange),
            },
            SetCarerPrivateTime(wanted) => self.process.carer_private_time = Some(wanted),
            SetSummaryRecipients(text) => self.process.confidentiality.recipients = clean(&text),
            AddRestriction { id } => {
                if self.has_id(&id) {
                    return Err(DomainError::DuplicateId);
                }
                self.process
                    .confidentiality
                    .restrictions
                    .push(SharingRestriction {
                        id,
                        ..Default::default()
                    });
            }
            SetRestriction { id, what, not_with } => {
                let r = self
                    .process
                    .confidentiality
                    .restrictions
                    .iter_mut()
                    .find(|r| r.id == id)
                    .ok_or(DomainError::UnknownRestriction)?;
                r.what = clean(&what);
                r.not_with = clean(&not_with);
            }
            RemoveRestriction { id } => {
                let list = &mut self.process.confidentiality.restrictions;
                let before = list.len();
                list.retain(|r| r.id != id);
                if list.len() == before {
                    return Err(DomainError::UnknownRestriction);
                }
            }
            SetProcessAgreement {
                participant,
                agreed,
            } => {
                self.person(&participant)?;
                set_member(&mut self.process.agreed_by, participant, agreed);
            }

            AddLibraryCriterion { id, criterion } => {
                if self.has_id(&id) {
                    return Err(DomainError::DuplicateId);
                }
                let already = self.criteria.iter().any(|c| {
                    matches!(&c.source, CriterionSource::Library { key } if *key == criterion.key)
                });
                if already {
                    return Err(DomainError::AlreadyInReview);
                }
                self.criteria.push(Criterion {
                    id,
                    source: CriterionSource::Library { key: criterion.key },
                    group: criterion.group,
                    wording: criterion.wording,
                    easy_read: criterion.easy_read,
                    serves: criterion.serves,
                    scale: Scale::ThreePoint,
                    agreed_by: Vec::new(),
                });
            }
            AddCustomCriterion { id, group, wording } => {
                if self.has_id(&id) {
                    return Err(DomainError::DuplicateId);
                }
                let wording = clean(&wording);
                if is_blank(&wording) {
                    return Err(DomainError::EmptyWording);
                }
                self.criteria.push(Criterion {
                    id,
                    source: CriterionSource::Custom,
                    group,
                    easy_read: String::new(),
                    wording,
                    serves: vec!["P19".into()],
                    scale: Scale::ThreePoint,
                    agreed_by: Vec::new(),
                });
            }
            SetCriterionWording { id, wording } => {
                let wording = clean(&wording);
                if is_blank(&wording) {
                    return Err(DomainError::EmptyWording);
                }
                let c = self.criterion_mut(&id)?;
                if c.wording != wording {
                    c.wording = wording;
                    // Agreement was to the old words.
                    c.agreed_by.clear();
                }
            }
            SetCriterionScale { id, scale } => {
                let c = self.criterion_mut(&id)?;
                if c.scale != scale {
                    c.scale = scale;
                    c.agreed_by.clear();
                }
            }
            RemoveCriterion { id } => {
                let before = self.criteria.len();
                self.criteria.retain(|c| c.id != id);
                if self.criteria.len() == before {
                    return Err(DomainError::UnknownCriterion);
                }
            }
            SetCriterionAgreement {
                criterion,
                participant,
                agreed,
            } => {
                self.person(&participant)?;
                set_member(
                    &mut self.criterion_mut(&criterion)?.agreed_by,
                    participant,
                    agreed,
                );
            }
        }
        Ok(())
    }
}

fn set_member(list: &mut Vec<Id>, id: Id, member: bool) {
    list.retain(|p| *p != id);
    if member {
        list.push(id);
    }
}
