//! Every change to a review goes through [`Review::apply`], so the rules of the
//! meeting are applied in one place and can be tested without a browser:
//! the [`Command`]s, the new review, and the routing of each command to the
//! part whose `commands` module applies it.

use crate::actions::types::*;
use crate::base::*;
use crate::cover::types::*;
use crate::criteria::library::LibraryCriterion;
use crate::criteria::types::*;
use crate::escalations::types::*;
use crate::outcome::types::*;
use crate::ratings::types::*;
use crate::review::*;
use crate::services::types::*;
use crate::setup::people::*;
use crate::setup::process::*;
use crate::setup::sharing::*;
use crate::text::clean;

pub use crate::setup::process::MAX_TIME_BOX;

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
    /// A job title, for a role that has one.
    SetJobTitle {
        id: Id,
        job_title: String,
    },
    /// An age in years (`None` clears it), for the carer or the person cared for.
    SetAge {
        id: Id,
        age: Option<u8>,
    },
    /// What matters about someone, in their words.
    SetWhatMatters {
        id: Id,
        text: String,
    },
    /// The references the team's records use (issue 27), taken from its
    /// configuration when they are first asked; refused once any is given
    /// under the rules already taken.
    UseReferenceRules {
        rules: Vec<crate::identifiers::IdentifierRule>,
    },
    /// A reference for the carer or the person cared for, as typed, under
    /// one of [`Review::reference_rules`] (empty clears it).
    SetReference {
        id: Id,
        rule: String,
        value: String,
    },
    /// An NHS number as typed (checked by the page's checks, not here, so
    /// nothing typed is lost).
    SetNhsNumber {
        id: Id,
        text: String,
    },
    /// A date of birth, YYYY-MM-DD (empty clears it).
    SetDateOfBirth {
        id: Id,
        text: String,
    },
    /// The worker's staff ID.
    SetStaffId {
        id: Id,
        text: String,
    },
    SetAttendance {
        id: Id,
        attendance: Attendance,
    },

    SetPreferredLanguage {
        id: Id,
        language: String,
    },
    /// The language of their screens while they hold the tablet, and of
    /// their copy (issue 30); `None`: as the tablet is set.
    SetScreenLanguage {
        id: Id,
        language: Option<crate::i18n::Lang>,
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
    /// What has changed, or why the review is happening now, in words.
    SetWhyNow(String),
    SetDepth(Depth),
    SetAgendaItem {
        item: AgendaItem,
        used: bool,
    },
    SetTimeBox {
        item: AgendaItem,
        minutes: Option<u32>,
    },
    /// Whether the carer wants time on their own; "no" forgets its plan.
    SetCarerPrivateTime(bool),
    /// How long the carer's time on their own is planned for (one of
    /// `PRIVATE_MINUTES`), or not said.
    SetPrivateMinutes(Option<u32>),
    /// When in the meeting it comes.
    SetPrivateSlot(Option<PrivateSlot>),
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
    /// How someone who agreed how the review runs, and what it looks at,
    /// showed it (P17).
    SetProcessAgreedHow {
        participant: Id,
        how: crate::agreement::types::HowAgreed,
    },
    /// The carer, the individual, the GP or the carers' team gets a copy
    /// (one each), or not.
    SetCopy {
        kind: RecipientKind,
        gets: bool,
    },
    /// A named copy: a provider or someone else.
    AddNamedCopy {
        id: Id,
        kind: RecipientKind,
    },
    SetCopyName {
        id: Id,
        name: String,
    },
    RemoveCopy {
        id: Id,
    },
    /// Who may see an item unless it says otherwise.
    SetDefaultVisibility(Visibility),
    /// Who may see one item (by its key, `crate::sharing`).
    SetVisibility {
        item: String,
        visibility: Visibility,
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
    /// A note in someone's own words, added in their private turn
    /// (`crate::private_turn`): theirs, and kept from the copy of the other
    /// one at the table from the start.
    AddOwnNote {
        id: Id,
        criterion: Id,
        by: Id,
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
    /// What became of one of last time's actions; carried forward, it
    /// becomes this review's action `carried_id`.
    FollowUpAction {
        id: Id,
        answer: crate::continuity::types::ActionFollowUp,
        carried_id: Id,
    },
    /// Whether one of last time's escalations is resolved.
    FollowUpEscalation {
        id: Id,
        answer: crate::continuity::types::EscalationFollowUp,
    },
}

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
        worker.job_title = clean(&settings.worker_role);
        worker.staff_id = clean(&settings.staff_id);
        worker.attendance = Some(Attendance::InPerson);
        let individual = Participant::new(individual_id, Role::Individual);
        Review {
            id,
            created_at: now,
            updated_at: now,
            state: ReviewState::Draft,
            organisation: clean(&settings.organisation),
            team: clean(&settings.team),
            ods_code: crate::identifiers::ods_code(&settings.ods_code).unwrap_or_default(),
            reference_rules: Vec::new(),
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
            confirmations: Vec::new(),
            finalised_at: None,
            version: 1,
            amends: None,
            turn: None,
            visibility: Default::default(),
            copies_given: Vec::new(),
            last: None,
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
        // Signatures were given to what the review says now: a change waits
        // until they are cleared on purpose (`clear_sign_offs`).
        if self.has_signatures() {
            return Err(DomainError::Signed);
        }
        self.apply_unstamped(command)?;
        self.forget_gone_items();
        self.updated_at = now;
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

    /// Each part applies its own commands (see its `commands` module).
    fn apply_change(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            c @ (AddParticipant { .. }
            | RemoveParticipant { .. }
            | SetParticipantRole { .. }
            | SetParticipantName { .. }
            | SetRelationship { .. }
            | SetJobTitle { .. }
            | SetAge { .. }
            | SetWhatMatters { .. }
            | UseReferenceRules { .. }
            | SetReference { .. }
            | SetNhsNumber { .. }
            | SetDateOfBirth { .. }
            | SetStaffId { .. }
            | SetAttendance { .. }
            | SetPreferredLanguage { .. }
            | SetScreenLanguage { .. }
            | SetInterpreterNeeded { .. }
            | SetInterpreterMode { .. }
            | SetInterpreterLanguage { .. }
            | SetAdvocate { .. }
            | SetCommunication { .. }
            | SetCommunicationDetail { .. }
            | SetAdjustments { .. }
            | SetNeedStatus { .. }
            | SetReason(_)
            | SetWhyNow(_)
            | SetDepth(_)
            | SetAgendaItem { .. }
            | SetTimeBox { .. }
            | SetCarerPrivateTime(_)
            | SetPrivateMinutes(_)
            | SetPrivateSlot(_)
            | SetSummaryRecipients(_)
            | AddRestriction { .. }
            | SetRestriction { .. }
            | RemoveRestriction { .. }
            | SetProcessAgreement { .. }
            | SetProcessAgreedHow { .. }
            | SetCopy { .. }
            | AddNamedCopy { .. }
            | SetCopyName { .. }
            | RemoveCopy { .. }
            | SetDefaultVisibility(_)) => self.apply_setup(c),
            c @ (AddLibraryCriterion { .. }
            | AddCustomCriterion { .. }
            | SetCriterionWording { .. }
            | SetCriterionScale { .. }
            | RemoveCriterion { .. }
            | SetCriterionAgreement { .. }) => self.apply_criteria(c),
            c @ (SetRating { .. }
            | SetNotDiscussed { .. }
            | AddEvidence { .. }
            | SetEvidence { .. }
            | RemoveEvidence { .. }) => self.apply_ratings(c),
            AddOwnNote { id, criterion, by } => self.add_own_note(id, criterion, by),
            c @ (SetServicesInUse(_)
            | AddResource { .. }
            | SetResource { .. }
            | AddResourceRemark { .. }
            | SetRemark { .. }
            | RemoveRemark { .. }
            | RemoveResource { .. }
            | AddGap { .. }
            | SetGap { .. }
            | RemoveGap { .. }) => self.apply_services(c),
            c @ (SetCoverNeeded(_)
            | AddCoverArrangement { .. }
            | SetCoverArrangement { .. }
            | RemoveCoverArrangement { .. }
            | AddCoverRisk { .. }
            | SetCoverRisk { .. }
            | RemoveCoverRisk { .. }) => self.apply_cover(c),
            c @ (SetEscalationNeeded(_)
            | AddEscalation { .. }
            | SetEscalation { .. }
            | RemoveEscalation { .. }) => self.apply_escalations(c),
            c @ (AddAction { .. } | SetAction { .. } | RemoveAction { .. }) => {
                self.apply_actions(c)
            }
            c @ SetOutcome(_) => self.apply_outcome(c),
            c @ (FollowUpAction { .. } | FollowUpEscalation { .. }) => self.apply_follow_up(c),
            SetVisibility { item, visibility } => self.set_visibility(item, visibility),
            PassTablet { to } => self.pass_tablet(to),
        }
    }
}
