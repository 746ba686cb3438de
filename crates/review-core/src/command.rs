//! Every change to a review goes through [`Review::apply`], so the rules of the
//! meeting live in one place and can be tested without a browser.

use crate::library::LibraryCriterion;
use crate::model::*;
use crate::text::{clean, is_blank};
use chrono::NaiveDate;
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

    // ---- P19: how it is going, against the criteria ----
    /// Give, change (`point: Some`) or take back (`point: None`) one
    /// participant's own rating of a criterion.
    SetRating {
        criterion: Id,
        participant: Id,
        point: Option<ScalePoint>,
        through: Option<RatingChannel>,
    },
    /// Mark a criterion as not discussed, with the reason (`Some`, may be
    /// empty while it is typed), or as discussed again (`None`).
    SetNotDiscussed {
        criterion: Id,
        reason: Option<String>,
    },
    AddEvidence {
        id: Id,
        criterion: Id,
    },
    SetEvidence {
        id: Id,
        said_by: Option<Person>,
        text: String,
    },
    RemoveEvidence {
        id: Id,
    },

    // ---- P20: services and support ----
    SetServicesInUse(bool),
    AddResource {
        id: Id,
    },
    SetResource {
        id: Id,
        field: ResourceField,
    },
    RemoveResource {
        id: Id,
    },
    /// Start a new point in one of a resource's lists (how it helps, what
    /// was difficult, what needs to change).
    AddResourceRemark {
        resource: Id,
        list: ResourceList,
        id: Id,
    },
    /// Change a point's words and who said it (the speaker must be in the
    /// review, or named, or everyone, or not recorded).
    SetRemark {
        id: Id,
        text: String,
        said_by: Speaker,
    },
    RemoveRemark {
        id: Id,
    },
    AddGap {
        id: Id,
    },
    SetGap {
        id: Id,
        what: String,
        noticed_by: Option<Person>,
    },
    RemoveGap {
        id: Id,
    },

    // ---- P21: support while the carer has time for themselves ----
    SetCoverNeeded(bool),
    AddCoverArrangement {
        id: Id,
    },
    SetCoverArrangement {
        id: Id,
        field: CoverField,
    },
    RemoveCoverArrangement {
        id: Id,
    },
    AddCoverRisk {
        arrangement: Id,
        id: Id,
    },
    SetCoverRisk {
        id: Id,
        risk: String,
        management: String,
    },
    RemoveCoverRisk {
        id: Id,
    },

    // ---- P22: things that need someone else's help ----
    SetEscalationNeeded(bool),
    AddEscalation {
        id: Id,
    },
    SetEscalation {
        id: Id,
        field: EscalationField,
    },
    RemoveEscalation {
        id: Id,
    },

    // ---- P23: actions and outcome ----
    AddAction {
        id: Id,
    },
    SetAction {
        id: Id,
        field: ActionField,
    },
    RemoveAction {
        id: Id,
    },
    SetOutcome(OutcomeField),

    // ---- Joint use: one tablet, passed round the table ----
    /// The tablet goes to `to`, who must be in the room. It changes who is
    /// using the app, not what the review says: signatures stand.
    PassTablet {
        to: Id,
    },
}

/// One answer about a [`Resource`]; one question per page sends one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResourceField {
    Kind(ResourceKind),
    Name(String),
    NeedsMet(NeedsMet),
    Decision(ResourceDecision),
}

/// One answer about a [`CoverArrangement`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoverField {
    MakesRoomFor(CarerNeed),
    MakesRoomForDetail(String),
    Kind(CoverKind),
    When(String),
    Provider(String),
    Funding(Funding),
    Agreement(Option<IndividualAgreement>),
}

/// One answer about an [`Escalation`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EscalationField {
    Matter(String),
    WhyBeyondScope(String),
    Route(EscalationRoute),
    RouteDetail(String),
    ToWhom(String),
    Urgency(Urgency),
    Owner(Option<Person>),
    Due(Option<NaiveDate>),
    Consent(Option<ConsentToShare>),
    Status(EscalationStatus),
}

/// One answer about an [`Action`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionField {
    What(String),
    Owner(Option<Person>),
    Due(Option<NaiveDate>),
    /// The criterion it answers; it must be in the review.
    Criterion(Option<Id>),
}

/// One answer about the [`Outcome`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeField {
    Decision(OutcomeDecision),
    Rationale(String),
    CarerView(String),
    IndividualView(String),
    IndividualViewThrough(Option<RatingChannel>),
    OtherViews(String),
    /// `None` goes back to the default date.
    NextReview(Option<NaiveDate>),
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
    UnknownNote,
    UnknownResource,
    UnknownGap,
    UnknownArrangement,
    UnknownRisk,
    UnknownEscalation,
    UnknownAction,
    UnknownRemark,
    /// The worker, advocates, interpreters and people not taking part do not rate.
    DoesNotRate,
    NotOnScale,
    /// Ratings and "not discussed" exclude each other; neither silently
    /// replaces the other, so nothing anyone said is lost by a tap.
    MarkedNotDiscussed,
    AlreadyRated,
    /// A "no" answer while its list still has entries.
    StillListed,
    /// Adding to a list whose question was answered "no".
    AnsweredNo,
    /// Advocates and interpreters who pass on a view are participants.
    NotAParticipant,
    /// The tablet only goes to someone in the room.
    NotInTheRoom,
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
            DomainError::UnknownNote => "That note is no longer part of this review",
            DomainError::UnknownResource => "That service or support is no longer part of this review",
            DomainError::UnknownGap => "That gap in support is no longer part of this review",
            DomainError::UnknownArrangement => "That arrangement is no longer part of this review",
            DomainError::UnknownRisk => "That risk is no longer part of this review",
            DomainError::UnknownEscalation => "That matter is no longer part of this review",
            DomainError::UnknownAction => "That action is no longer part of this review",
            DomainError::UnknownRemark => "That point is no longer part of this review",
            DomainError::DoesNotRate => {
                "Only the carer, the person being cared for, key people and other professionals who are taking part give a rating"
            }
            DomainError::NotOnScale => "That rating is not one of the choices for this criterion",
            DomainError::MarkedNotDiscussed => {
                "This was marked as not discussed: change that before giving a rating"
            }
            DomainError::AlreadyRated => {
                "Ratings have already been given for this: remove them first"
            }
            DomainError::StillListed => "Remove what is listed here before answering no",
            DomainError::AnsweredNo => "The answer here is no: change it to yes before adding to the list",
            DomainError::NotAParticipant => "Choose someone who is part of this review",
            DomainError::NotInTheRoom => {
                "The tablet can only be passed to someone in the room"
            }
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
            criterion_reviews: Default::default(),
            services_in_use: None,
            resources: Vec::new(),
            gaps: Vec::new(),
            cover_needed: None,
            cover_arrangements: Vec::new(),
            escalation_needed: None,
            escalations: Vec::new(),
            actions: Vec::new(),
            outcome: Outcome::default(),
            sign_offs: Vec::new(),
            finalised_at: None,
            version: 1,
            amends: None,
            turn: None,
        }
    }

    /// Apply one change. On error the review is unchanged.
    pub fn apply(&mut self, command: Command, now: Timestamp) -> Result<(), DomainError> {
        if self.state == ReviewState::SignedOff {
            return Err(DomainError::Locked);
        }
        if let Command::PassTablet { to } = command {
            // Not a change to what the review says: no new "last changed"
            // time, and nobody's signature is asked for again.
            return self.pass_tablet(to);
        }
        self.apply_unstamped(command)?;
        self.updated_at = now;
        // Signatures were given to what the review said before this change.
        self.sign_offs.clear();
        // Someone who left the room (or the review) cannot be holding the
        // tablet: it goes back to the worker.
        if self
            .turn
            .as_deref()
            .is_some_and(|id| !self.participant(id).is_some_and(Participant::in_the_room))
        {
            self.turn = None;
        }
        Ok(())
    }

    fn pass_tablet(&mut self, to: Id) -> Result<(), DomainError> {
        let taker = self.person(&to)?;
        if !taker.in_the_room() {
            return Err(DomainError::NotInTheRoom);
        }
        self.turn = Some(to);
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
            || self
                .criterion_reviews
                .values()
                .any(|c| c.evidence.iter().any(|e| e.id == id))
            || self
                .resources
                .iter()
                .any(|r| r.id == id || r.all_remarks().any(|m| m.id == id))
            || self.gaps.iter().any(|g| g.id == id)
            || self
                .cover_arrangements
                .iter()
                .any(|a| a.id == id || a.risks.iter().any(|r| r.id == id))
            || self.escalations.iter().any(|e| e.id == id)
            || self.actions.iter().any(|a| a.id == id)
    }

    fn fresh(&self, id: &str) -> Result<(), DomainError> {
        if self.has_id(id) {
            Err(DomainError::DuplicateId)
        } else {
            Ok(())
        }
    }

    /// A person as a command gives it: a participant must be in the review;
    /// typed names are cleaned.
    fn checked_person(&self, person: Person) -> Result<Person, DomainError> {
        Ok(match person {
            Person::Participant { id } => {
                if self.participant(&id).is_none() {
                    return Err(DomainError::UnknownParticipant);
                }
                Person::Participant { id }
            }
            Person::Named { name } => Person::Named { name: clean(&name) },
            Person::Removed { name } => Person::Removed { name: clean(&name) },
        })
    }

    /// Advocates and interpreters are participants (or were, before removal).
    fn checked_go_between(&self, person: Person) -> Result<Person, DomainError> {
        match person {
            Person::Named { .. } => Err(DomainError::NotAParticipant),
            p => self.checked_person(p),
        }
    }

    fn checked_channel(&self, channel: RatingChannel) -> Result<RatingChannel, DomainError> {
        Ok(match channel {
            RatingChannel::Advocate { by } => RatingChannel::Advocate {
                by: self.checked_go_between(by)?,
            },
            RatingChannel::Interpreter { by } => RatingChannel::Interpreter {
                by: self.checked_go_between(by)?,
            },
            c => c,
        })
    }

    /// Ratings belong to people who rate: when someone stops rating (their
    /// role or attendance changed, or they were removed) their ratings go.
    fn drop_ratings_of_non_raters(&mut self) {
        let raters: Vec<Id> = self.raters().map(|p| p.id.clone()).collect();
        for cr in self.criterion_reviews.values_mut() {
            cr.ratings.retain(|r| raters.contains(&r.participant));
        }
        self.criterion_reviews.retain(|_, cr| !cr.is_empty());
    }

    fn evidence_mut(&mut self, id: &str) -> Result<&mut EvidenceNote, DomainError> {
        self.criterion_reviews
            .values_mut()
            .flat_map(|c| c.evidence.iter_mut())
            .find(|e| e.id == id)
            .ok_or(DomainError::UnknownNote)
    }

    fn resource_mut(&mut self, id: &str) -> Result<&mut Resource, DomainError> {
        self.resources
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(DomainError::UnknownResource)
    }

    fn remark_mut(&mut self, id: &str) -> Result<&mut Remark, DomainError> {
        self.resources
            .iter_mut()
            .flat_map(|r| {
                r.benefits
                    .iter_mut()
                    .chain(&mut r.difficulties)
                    .chain(&mut r.changes)
            })
            .find(|m| m.id == id)
            .ok_or(DomainError::UnknownRemark)
    }

    fn gap_mut(&mut self, id: &str) -> Result<&mut Gap, DomainError> {
        self.gaps
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(DomainError::UnknownGap)
    }

    fn arrangement_mut(&mut self, id: &str) -> Result<&mut CoverArrangement, DomainError> {
        self.cover_arrangements
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(DomainError::UnknownArrangement)
    }

    fn cover_risk_mut(&mut self, id: &str) -> Result<&mut CoverRisk, DomainError> {
        self.cover_arrangements
            .iter_mut()
            .flat_map(|a| a.risks.iter_mut())
            .find(|r| r.id == id)
            .ok_or(DomainError::UnknownRisk)
    }

    fn escalation_mut(&mut self, id: &str) -> Result<&mut Escalation, DomainError> {
        self.escalations
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or(DomainError::UnknownEscalation)
    }

    fn action_mut(&mut self, id: &str) -> Result<&mut Action, DomainError> {
        self.actions
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(DomainError::UnknownAction)
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
                let removed = self.person(&id)?;
                let (role, former_name) = (removed.role, removed.short_name());
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
                // A rating is that person's own voice in this meeting: it
                // goes with them. What they said and what they took on
                // stays, under the name they had.
                self.drop_ratings_of_non_raters();
                self.for_each_person(|p| {
                    if p.participant_id() == Some(id.as_str()) {
                        *p = Person::Removed {
                            name: former_name.clone(),
                        };
                    }
                });
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
                self.drop_ratings_of_non_raters();
            }
            SetParticipantName { id, name } => self.person(&id)?.name = clean(&name),
            SetRelationship { id, relationship } => {
                self.person(&id)?.relationship = clean(&relationship)
            }
            SetAttendance { id, attendance } => {
                self.person(&id)?.attendance = Some(attendance);
                self.drop_ratings_of_non_raters();
            }
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
                let rated = self
                    .criterion_review(&id)
                    .is_some_and(|cr| !cr.ratings.is_empty());
                let c = self.criterion_mut(&id)?;
                if c.scale != scale && rated {
                    // Points of one scale do not translate into the other.
                    return Err(DomainError::AlreadyRated);
                }
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
                self.criterion_reviews.remove(&id);
                // The action still stands; only its link goes.
                for a in &mut self.actions {
                    if a.criterion.as_deref() == Some(id.as_str()) {
                        a.criterion = None;
                    }
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

            SetRating {
                criterion,
                participant,
                point,
                through,
            } => {
                let scale = self.criterion_mut(&criterion)?.scale;
                if !self.person(&participant)?.rates() {
                    return Err(DomainError::DoesNotRate);
                }
                let through = through.map(|c| self.checked_channel(c)).transpose()?;
                if let Some(point) = point {
                    if point.scale() != scale {
                        return Err(DomainError::NotOnScale);
                    }
                    let not_discussed = self
                        .criterion_review(&criterion)
                        .is_some_and(|cr| cr.not_discussed.is_some());
                    if not_discussed {
                        return Err(DomainError::MarkedNotDiscussed);
                    }
                }
                let entry = self.criterion_reviews.entry(criterion.clone()).or_default();
                match point {
                    None => entry.ratings.retain(|r| r.participant != participant),
                    Some(point) => {
                        let rating = Rating {
                            participant,
                            point,
                            through,
                        };
                        match entry
                            .ratings
                            .iter_mut()
                            .find(|r| r.participant == rating.participant)
                        {
                            Some(r) => *r = rating,
                            None => entry.ratings.push(rating),
                        }
                    }
                }
                self.tidy_criterion_review(&criterion);
            }
            SetNotDiscussed { criterion, reason } => {
                self.criterion_mut(&criterion)?;
                let entry = self.criterion_reviews.entry(criterion.clone()).or_default();
                match reason {
                    Some(_) if !entry.ratings.is_empty() => {
                        return Err(DomainError::AlreadyRated);
                    }
                    Some(reason) => entry.not_discussed = Some(clean(&reason)),
                    None => entry.not_discussed = None,
                }
                self.tidy_criterion_review(&criterion);
            }
            AddEvidence { id, criterion } => {
                self.fresh(&id)?;
                self.criterion_mut(&criterion)?;
                self.criterion_reviews
                    .entry(criterion)
                    .or_default()
                    .evidence
                    .push(EvidenceNote {
                        id,
                        said_by: None,
                        text: String::new(),
                    });
            }
            SetEvidence { id, said_by, text } => {
                let said_by = said_by.map(|p| self.checked_person(p)).transpose()?;
                let note = self.evidence_mut(&id)?;
                note.said_by = said_by;
                note.text = clean(&text);
            }
            RemoveEvidence { id } => {
                self.evidence_mut(&id)?;
                for cr in self.criterion_reviews.values_mut() {
                    cr.evidence.retain(|e| e.id != id);
                }
                self.criterion_reviews.retain(|_, cr| !cr.is_empty());
            }

            SetServicesInUse(false) if !self.resources.is_empty() => {
                return Err(DomainError::StillListed);
            }
            SetServicesInUse(in_use) => self.services_in_use = Some(in_use),
            AddResource { id } => {
                self.fresh(&id)?;
                if self.services_in_use == Some(false) {
                    return Err(DomainError::AnsweredNo);
                }
                self.resources.push(Resource::new(id));
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
                self.resource_mut(&id)?;
                self.resources.retain(|r| r.id != id);
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
            RemoveGap { id } => {
                self.gap_mut(&id)?;
                self.gaps.retain(|g| g.id != id);
            }

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

            SetEscalationNeeded(false) if !self.escalations.is_empty() => {
                return Err(DomainError::StillListed);
            }
            SetEscalationNeeded(needed) => self.escalation_needed = Some(needed),
            AddEscalation { id } => {
                self.fresh(&id)?;
                if self.escalation_needed == Some(false) {
                    return Err(DomainError::AnsweredNo);
                }
                self.escalations.push(Escalation::new(id));
            }
            SetEscalation { id, field } => {
                let field = match field {
                    EscalationField::Owner(owner) => {
                        EscalationField::Owner(owner.map(|p| self.checked_person(p)).transpose()?)
                    }
                    f => f,
                };
                let e = self.escalation_mut(&id)?;
                match field {
                    EscalationField::Matter(text) => e.matter = clean(&text),
                    EscalationField::WhyBeyondScope(text) => e.why_beyond_scope = clean(&text),
                    EscalationField::Route(route) => e.route = Some(route),
                    EscalationField::RouteDetail(text) => e.route_detail = clean(&text),
                    EscalationField::ToWhom(text) => e.to_whom = clean(&text),
                    EscalationField::Urgency(urgency) => e.urgency = Some(urgency),
                    EscalationField::Owner(owner) => e.owner = owner,
                    EscalationField::Due(due) => e.due = due,
                    EscalationField::Consent(consent) => {
                        e.consent = consent.map(|c| match c {
                            ConsentToShare::NotNeededBecauseOfRisk { reason } => {
                                ConsentToShare::NotNeededBecauseOfRisk {
                                    reason: clean(&reason),
                                }
                            }
                            other => other,
                        })
                    }
                    EscalationField::Status(status) => e.status = status,
                }
            }
            RemoveEscalation { id } => {
                self.escalation_mut(&id)?;
                self.escalations.retain(|e| e.id != id);
            }

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
                self.action_mut(&id)?;
                self.actions.retain(|a| a.id != id);
            }
            PassTablet { to } => self.pass_tablet(to)?,
            SetOutcome(field) => {
                let field = match field {
                    OutcomeField::IndividualViewThrough(through) => {
                        OutcomeField::IndividualViewThrough(
                            through.map(|c| self.checked_channel(c)).transpose()?,
                        )
                    }
                    f => f,
                };
                let o = &mut self.outcome;
                match field {
                    OutcomeField::Decision(decision) => o.decision = Some(decision),
                    OutcomeField::Rationale(text) => o.rationale = clean(&text),
                    OutcomeField::CarerView(text) => o.carer_view = clean(&text),
                    OutcomeField::IndividualView(text) => o.individual_view = clean(&text),
                    OutcomeField::IndividualViewThrough(through) => {
                        o.individual_view_through = through
                    }
                    OutcomeField::OtherViews(text) => o.other_views = clean(&text),
                    OutcomeField::NextReview(date) => o.next_review = date,
                }
            }
        }
        Ok(())
    }

    /// An entry with nothing left in it goes, so the stored review stays as
    /// small as what was said.
    fn tidy_criterion_review(&mut self, criterion: &str) {
        if self
            .criterion_reviews
            .get(criterion)
            .is_some_and(CriterionReview::is_empty)
        {
            self.criterion_reviews.remove(criterion);
        }
    }
}

fn set_member(list: &mut Vec<Id>, id: Id, member: bool) {
    list.retain(|p| *p != id);
    if member {
        list.push(id);
    }
}
