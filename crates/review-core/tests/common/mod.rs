//! Builders shared by the integration tests: fixed times, fixed ids, and a
//! review that has every part of the preparation (part 1) done.

// Each test file compiles this module on its own and uses only some of it.
#![allow(dead_code)]

use review_core::library::LibraryCriterion;
use review_core::progress::Part;
use review_core::*;

/// Ids used throughout the tests.
pub const REVIEW: &str = "review-1";
pub const WORKER: &str = "worker";
pub const INDIVIDUAL: &str = "individual";
pub const CARER: &str = "carer";
pub const RESTRICTION: &str = "restriction-1";
pub const COPY_PROVIDER: &str = "copy-crossroads";
pub const LIBRARY_CRITERION: &str = "criterion-library";
pub const CUSTOM_CRITERION: &str = "criterion-custom";

/// A fixed moment (RFC 3339); time is injected, never read from a clock.
pub fn at(rfc3339: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(rfc3339).expect("a valid RFC 3339 time")
}

/// When the review was created.
pub fn created() -> Timestamp {
    at("2026-11-24T10:00:00+00:00")
}

/// When the commands of a test were applied.
pub fn edited() -> Timestamp {
    at("2026-11-24T10:25:00+00:00")
}

pub fn settings() -> DeviceSettings {
    DeviceSettings {
        organisation: "Northshire County Council".into(),
        team: "Carers Support Team".into(),
        worker_name: "Sam Okafor".into(),
        worker_role: "Social worker".into(),
        ..Default::default()
    }
}

/// A fresh review: the worker from the settings and an individual, nothing else.
pub fn new_review() -> Review {
    Review::new(
        REVIEW.into(),
        created(),
        &settings(),
        WORKER.into(),
        INDIVIDUAL.into(),
    )
}

/// Apply commands in order at [`edited`], panicking with the failing command.
pub fn apply_all(review: &mut Review, commands: impl IntoIterator<Item = Command>) {
    for command in commands {
        let shown = format!("{command:?}");
        review
            .apply(command, edited())
            .unwrap_or_else(|e| panic!("{shown} was refused: {e:?}"));
    }
}

/// A fresh review with `commands` applied.
pub fn review_with(commands: impl IntoIterator<Item = Command>) -> Review {
    let mut review = new_review();
    apply_all(&mut review, commands);
    review
}

/// `review` with `commands` applied: a fixture taken one step further.
pub fn with_applied(mut review: Review, commands: impl IntoIterator<Item = Command>) -> Review {
    apply_all(&mut review, commands);
    review
}

/// Apply one command that must fail, returning its error.
pub fn refused(review: &mut Review, command: Command) -> DomainError {
    let shown = format!("{command:?}");
    match review.apply(command, edited()) {
        Ok(()) => panic!("{shown} was accepted but should have been refused"),
        Err(e) => e,
    }
}

/// `command` is refused with `expected` and leaves `review` exactly as it
/// was; returns the error for any further checks.
pub fn assert_refused_unchanged(
    review: &mut Review,
    command: Command,
    expected: DomainError,
) -> DomainError {
    let before = review.clone();
    let shown = format!("{command:?}");
    let err = refused(review, command);
    assert_eq!(err, expected, "{shown}");
    assert_eq!(
        *review, before,
        "{shown} was refused but changed the review"
    );
    err
}

/// As [`assert_refused_unchanged`], and the user is told `words`.
pub fn assert_refused_saying(
    review: &mut Review,
    command: Command,
    expected: DomainError,
    words: &str,
) {
    let err = assert_refused_unchanged(review, command, expected);
    assert_words(&err, words);
}

/// `error` is put to the user in these `words`.
pub fn assert_words(error: &impl std::fmt::Display, words: &str) {
    assert_eq!(error.to_string(), words);
}

// Small command constructors, so tables read like the meeting.

pub fn add(id: &str, role: Role) -> Command {
    Command::AddParticipant {
        id: id.into(),
        role,
    }
}
pub fn name(id: &str, name: &str) -> Command {
    Command::SetParticipantName {
        id: id.into(),
        name: name.into(),
    }
}
pub fn relationship(id: &str, relationship: &str) -> Command {
    Command::SetRelationship {
        id: id.into(),
        relationship: relationship.into(),
    }
}
pub fn attendance(id: &str, attendance: Attendance) -> Command {
    Command::SetAttendance {
        id: id.into(),
        attendance,
    }
}
pub fn language(id: &str, language: &str) -> Command {
    Command::SetPreferredLanguage {
        id: id.into(),
        language: language.into(),
    }
}
pub fn communication(id: &str, method: CommunicationMethod) -> Command {
    Command::SetCommunication {
        id: id.into(),
        method,
        used: true,
    }
}
pub fn need_status(id: &str, need: Need, status: Option<NeedStatus>) -> Command {
    Command::SetNeedStatus {
        participant: id.into(),
        need,
        status,
    }
}
pub fn not_met(action: &str, reason_to_continue: &str) -> NeedStatus {
    NeedStatus::NotMet {
        action: action.into(),
        reason_to_continue: reason_to_continue.into(),
    }
}
pub fn criterion_agreed(criterion: &str, participant: &str) -> Command {
    Command::SetCriterionAgreement {
        criterion: criterion.into(),
        participant: participant.into(),
        agreed: true,
    }
}

/// A copy of `carer-expert-partner` from `seeds/criteria.json`, written out so
/// that the builders (and the v1 fixture) do not move when the seeds are edited.
pub fn expert_partner() -> LibraryCriterion {
    LibraryCriterion {
        key: "carer-expert-partner".into(),
        group: CriterionGroup::Partnership,
        wording: "What the carer knows about the person they look after is valued and shapes the support.".into(),
        easy_read: "We use what you know about them.".into(),
        symbol: "lightbulb".into(),
        serves: vec!["P1".into(), "P19".into()],
        revision: vec!["10".into()],
    }
}

/// "Who is here" done: the worker, Joan (the individual, 84, living with
/// dementia) and Ayesha (her daughter and carer, 52), both in the room.
pub fn who_is_here_commands() -> Vec<Command> {
    vec![
        name(INDIVIDUAL, "Joan Hughes"),
        attendance(INDIVIDUAL, Attendance::InPerson),
        Command::SetAge {
            id: INDIVIDUAL.into(),
            age: Some(84),
        },
        Command::SetWhatMatters {
            id: INDIVIDUAL.into(),
            text: "Joan lives with dementia; mornings are her best time.".into(),
        },
        add(CARER, Role::Carer),
        name(CARER, "Ayesha Hughes"),
        relationship(CARER, "Daughter"),
        attendance(CARER, Attendance::InPerson),
        Command::SetAge {
            id: CARER.into(),
            age: Some(52),
        },
    ]
}

/// "Help to take part" done: Ayesha needs a Welsh interpreter; Joan uses
/// symbols and would like an informal advocate.
pub fn taking_part_commands() -> Vec<Command> {
    vec![
        language(CARER, "Welsh"),
        Command::SetInterpreterNeeded {
            id: CARER.into(),
            needed: true,
        },
        Command::SetInterpreterMode {
            id: CARER.into(),
            mode: InterpreterMode::Spoken,
        },
        Command::SetInterpreterLanguage {
            id: CARER.into(),
            language: "Welsh".into(),
        },
        language(INDIVIDUAL, "English"),
        communication(INDIVIDUAL, CommunicationMethod::Symbols),
        Command::SetCommunicationDetail {
            id: INDIVIDUAL.into(),
            detail: "Widgit symbols on her board".into(),
        },
        Command::SetAdvocate {
            id: INDIVIDUAL.into(),
            advocate: Some(AdvocateKind::Informal),
        },
    ]
}

/// "How we will review" done, with a time box and one sharing limit.
pub fn process_commands() -> Vec<Command> {
    vec![
        Command::SetReason(ReviewReason::Annual),
        Command::SetWhyNow("Joan's memory has got worse since the spring.".into()),
        Command::SetDepth(Depth::Full),
        Command::SetAgendaItem {
            item: AgendaItem::Escalation,
            used: false,
        },
        Command::SetTimeBox {
            item: AgendaItem::Partnership,
            minutes: Some(20),
        },
        Command::SetCarerPrivateTime(true),
        Command::SetSummaryRecipients("Ayesha, Joan and the Carers Support Team".into()),
        Command::SetCopy {
            kind: RecipientKind::Carer,
            gets: true,
        },
        Command::SetCopy {
            kind: RecipientKind::Individual,
            gets: true,
        },
        Command::AddNamedCopy {
            id: COPY_PROVIDER.into(),
            kind: RecipientKind::Provider,
        },
        Command::SetCopyName {
            id: COPY_PROVIDER.into(),
            name: "Crossroads Care".into(),
        },
        Command::SetDefaultVisibility(Visibility::Everyone),
        Command::AddRestriction {
            id: RESTRICTION.into(),
        },
        Command::SetRestriction {
            id: RESTRICTION.into(),
            what: "Ayesha's own health".into(),
            not_with: "Joan's day centre".into(),
        },
        Command::SetProcessAgreement {
            participant: CARER.into(),
            agreed: true,
        },
    ]
}

/// "What we will look at" done: one library and one custom criterion, agreed.
pub fn criteria_commands() -> Vec<Command> {
    vec![
        Command::AddLibraryCriterion {
            id: LIBRARY_CRITERION.into(),
            criterion: expert_partner(),
        },
        Command::AddCustomCriterion {
            id: CUSTOM_CRITERION.into(),
            group: CriterionGroup::Wellbeing,
            wording: "I get a proper break every week".into(),
        },
        Command::SetCriterionScale {
            id: CUSTOM_CRITERION.into(),
            scale: Scale::FiveStep,
        },
        criterion_agreed(LIBRARY_CRITERION, CARER),
        criterion_agreed(LIBRARY_CRITERION, WORKER),
        criterion_agreed(CUSTOM_CRITERION, CARER),
    ]
}

/// "Ready to start" done: every need checked; the advocate could not come,
/// with what was done and why the review goes on.
pub fn readiness_commands() -> Vec<Command> {
    vec![
        need_status(CARER, Need::Interpreter, Some(NeedStatus::Met)),
        need_status(
            INDIVIDUAL,
            Need::Communication(CommunicationMethod::Symbols),
            Some(NeedStatus::Met),
        ),
        need_status(INDIVIDUAL, Need::Advocate, Some(joan_advocate_not_met())),
    ]
}

/// The resolved "not met" status of Joan's advocate in [`part_one_complete`].
pub fn joan_advocate_not_met() -> NeedStatus {
    not_met(
        "Asked Joan's niece to come to the next review",
        "Joan was happy to go on with Ayesha speaking up for her",
    )
}

/// [`part_one_complete`] as a build from before copies and visibility were
/// asked stored it (the draft fixtures of version 1 and 2).
pub fn part_one_before_visibility() -> Review {
    let mut review = part_one_complete();
    review.process.confidentiality.copies.clear();
    review.process.confidentiality.default_visibility = None;
    // Nor did it keep what version 6 asks: job titles, ages, what matters
    // about someone and why the review is happening now.
    for p in &mut review.participants {
        p.job_title.clear();
        p.age = None;
        p.what_matters.clear();
    }
    review.process.why_now.clear();
    review
}

/// A review with all of part 1 (every part of the task list) done.
pub fn part_one_complete() -> Review {
    review_with(
        [
            who_is_here_commands(),
            taking_part_commands(),
            process_commands(),
            criteria_commands(),
            readiness_commands(),
        ]
        .concat(),
    )
}

/// The review with its state set to signed off (no command signs off yet).
pub fn signed_off() -> Review {
    let mut review = part_one_complete();
    review.state = ReviewState::SignedOff;
    review
}

/// The messages of a list of errors, for exact comparisons.
pub fn messages(errors: &[review_core::validate::FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.message.as_str()).collect()
}

// ---- The review proper (part 2) --------------------------------------------

pub const KEY_PERSON: &str = "key-person";
pub const EVIDENCE: &str = "evidence-1";
pub const CAFE: &str = "resource-cafe";
pub const ALLOWANCE: &str = "resource-allowance";
pub const CAFE_BENEFIT: &str = "remark-cafe-benefit";
pub const CAFE_DIFFICULTY: &str = "remark-cafe-difficulty";
pub const CAFE_CHANGE: &str = "remark-cafe-change";
pub const ALLOWANCE_BENEFIT: &str = "remark-allowance-benefit";
pub const GAP: &str = "gap-1";
pub const SITTER: &str = "cover-sitter";
pub const SITTER_RISK: &str = "risk-1";
pub const SAFEGUARDING: &str = "escalation-safeguarding";
pub const OT: &str = "escalation-ot";
pub const ACTION: &str = "action-1";
pub const ACTION_2: &str = "action-2";

/// A calendar day ("2026-11-24").
pub fn day(iso: &str) -> chrono::NaiveDate {
    iso.parse().expect("a valid ISO date")
}

pub fn rate(criterion: &str, participant: &str, point: ScalePoint) -> Command {
    Command::SetRating {
        criterion: criterion.into(),
        participant: participant.into(),
        point: Some(point),
        through: None,
    }
}

pub fn rate_through(
    criterion: &str,
    participant: &str,
    point: ScalePoint,
    through: RatingChannel,
) -> Command {
    Command::SetRating {
        criterion: criterion.into(),
        participant: participant.into(),
        point: Some(point),
        through: Some(through),
    }
}

pub fn not_discussed(criterion: &str, reason: &str) -> Command {
    Command::SetNotDiscussed {
        criterion: criterion.into(),
        reason: Some(reason.into()),
    }
}

pub fn resource(id: &str, field: ResourceField) -> Command {
    Command::SetResource {
        id: id.into(),
        field,
    }
}

/// Add a point to one of a resource's lists, and say it. `Command`s are one
/// change each, so this is two of them, in the order the app sends them.
pub fn remark(
    resource: &str,
    list: ResourceList,
    id: &str,
    text: &str,
    said_by: Speaker,
) -> Vec<Command> {
    vec![
        Command::AddResourceRemark {
            resource: resource.into(),
            list,
            id: id.into(),
        },
        Command::SetRemark {
            id: id.into(),
            text: text.into(),
            said_by,
        },
    ]
}

pub fn cover(id: &str, field: CoverField) -> Command {
    Command::SetCoverArrangement {
        id: id.into(),
        field,
    }
}

pub fn escalation(id: &str, field: EscalationField) -> Command {
    Command::SetEscalation {
        id: id.into(),
        field,
    }
}

pub fn action(id: &str, field: ActionField) -> Command {
    Command::SetAction {
        id: id.into(),
        field,
    }
}

/// Tom Hughes, Joan's son, joins in the room: a third person who rates.
pub fn key_person_commands() -> Vec<Command> {
    vec![
        add(KEY_PERSON, Role::KeyPerson),
        name(KEY_PERSON, "Tom Hughes"),
        relationship(KEY_PERSON, "Son"),
        attendance(KEY_PERSON, Attendance::InPerson),
    ]
}

/// Joan's ratings come through her symbols board.
pub fn symbols() -> RatingChannel {
    RatingChannel::CommunicationMethod {
        method: CommunicationMethod::Symbols,
    }
}

/// Three people and the worker rate both criteria, differently; Ayesha's
/// words are noted.
pub fn ratings_commands() -> Vec<Command> {
    vec![
        rate(LIBRARY_CRITERION, CARER, ScalePoint::GoingWell),
        rate_through(LIBRARY_CRITERION, INDIVIDUAL, ScalePoint::Unsure, symbols()),
        rate(LIBRARY_CRITERION, KEY_PERSON, ScalePoint::NotGoingWell),
        rate(LIBRARY_CRITERION, WORKER, ScalePoint::Unsure),
        rate(CUSTOM_CRITERION, CARER, ScalePoint::Poor),
        rate_through(CUSTOM_CRITERION, INDIVIDUAL, ScalePoint::Okay, symbols()),
        rate(CUSTOM_CRITERION, KEY_PERSON, ScalePoint::VeryPoor),
        rate(CUSTOM_CRITERION, WORKER, ScalePoint::Poor),
        Command::AddEvidence {
            id: EVIDENCE.into(),
            criterion: CUSTOM_CRITERION.into(),
        },
        Command::SetEvidence {
            id: EVIDENCE.into(),
            said_by: Some(Person::participant(CARER)),
            text: "I have not had a whole day off since March".into(),
        },
        // Ayesha's low mood is not for the services.
        Command::SetVisibility {
            item: EVIDENCE.into(),
            visibility: Visibility::NotProviders,
        },
    ]
}

/// A service or support added to the list, of `kind`, called `name`.
pub fn new_resource(id: &str, kind: ResourceKind, name: &str) -> Vec<Command> {
    vec![
        Command::AddResource { id: id.into() },
        resource(id, ResourceField::Kind(kind)),
        resource(id, ResourceField::Name(name.into())),
    ]
}

/// Two resources (one to change, one to keep) and a gap.
pub fn services_commands() -> Vec<Command> {
    [
        vec![Command::SetServicesInUse(true)],
        new_resource(CAFE, ResourceKind::SupportGroup, "Carers' café"),
        remark(
            CAFE,
            ResourceList::Benefits,
            CAFE_BENEFIT,
            "Ayesha meets other carers and feels less alone",
            Speaker::Person(Person::participant(CARER)),
        ),
        remark(
            CAFE,
            ResourceList::Difficulties,
            CAFE_DIFFICULTY,
            "Two buses each way",
            Speaker::Everyone,
        ),
        vec![
            resource(CAFE, ResourceField::NeedsMet(NeedsMet::Partly)),
            resource(CAFE, ResourceField::Decision(ResourceDecision::Change)),
        ],
        remark(
            CAFE,
            ResourceList::Changes,
            CAFE_CHANGE,
            "Find a group nearer home",
            Speaker::NotRecorded,
        ),
        new_resource(ALLOWANCE, ResourceKind::Financial, "Carer's Allowance"),
        remark(
            ALLOWANCE,
            ResourceList::Benefits,
            ALLOWANCE_BENEFIT,
            "Pays for taxis to Ayesha's own appointments",
            Speaker::Person(Person::named("Ayesha's sister")),
        ),
        vec![
            resource(ALLOWANCE, ResourceField::NeedsMet(NeedsMet::Fully)),
            resource(ALLOWANCE, ResourceField::Decision(ResourceDecision::Keep)),
            Command::AddGap { id: GAP.into() },
            Command::SetGap {
                id: GAP.into(),
                what: "No sitting service at weekends".into(),
                noticed_by: Some(Person::participant(CARER)),
            },
        ],
    ]
    .concat()
}

/// A sitting service Joan first does not agree to, then agrees to.
pub fn cover_commands() -> Vec<Command> {
    vec![
        Command::SetCoverNeeded(true),
        Command::AddCoverArrangement { id: SITTER.into() },
        cover(SITTER, CoverField::MakesRoomFor(CarerNeed::Appointment)),
        cover(SITTER, CoverField::Kind(CoverKind::SittingService)),
        cover(
            SITTER,
            CoverField::When("Every other Tuesday, 9 to 1".into()),
        ),
        cover(SITTER, CoverField::Provider("Crossroads Care".into())),
        cover(SITTER, CoverField::Funding(Funding::Council)),
        Command::AddCoverRisk {
            arrangement: SITTER.into(),
            id: SITTER_RISK.into(),
        },
        Command::SetCoverRisk {
            id: SITTER_RISK.into(),
            risk: "Joan may be anxious with someone new".into(),
            management: "Ayesha stays for the first visit".into(),
        },
        cover(
            SITTER,
            CoverField::Agreement(Some(IndividualAgreement::NotAgreed {
                what_happens_next: "Try one visit with Ayesha there, then ask Joan again".into(),
            })),
        ),
        cover(
            SITTER,
            CoverField::Agreement(Some(IndividualAgreement::Agreed {
                how: Some(pictures_seen_by_the_worker()),
            })),
        ),
    ]
}

/// Escalation back on the agenda; one urgent safeguarding matter and one
/// routine OT referral.
pub fn escalation_commands() -> Vec<Command> {
    vec![
        Command::SetAgendaItem {
            item: AgendaItem::Escalation,
            used: true,
        },
        Command::SetEscalationNeeded(true),
        Command::AddEscalation {
            id: SAFEGUARDING.into(),
        },
        escalation(
            SAFEGUARDING,
            EscalationField::Matter("Joan has bruising she could not explain".into()),
        ),
        escalation(
            SAFEGUARDING,
            EscalationField::WhyBeyondScope(
                "It may be abuse: that needs a safeguarding enquiry".into(),
            ),
        ),
        escalation(
            SAFEGUARDING,
            EscalationField::Route(EscalationRoute::Safeguarding),
        ),
        escalation(
            SAFEGUARDING,
            EscalationField::ToWhom("Northshire Adult Safeguarding Hub".into()),
        ),
        escalation(SAFEGUARDING, EscalationField::Urgency(Urgency::Immediate)),
        escalation(
            SAFEGUARDING,
            EscalationField::Owner(Some(Person::participant(WORKER))),
        ),
        escalation(SAFEGUARDING, EscalationField::Due(Some(day("2026-11-24")))),
        escalation(
            SAFEGUARDING,
            EscalationField::Consent(Some(ConsentToShare::NotNeededBecauseOfRisk {
                reason: "Joan may be at risk of harm".into(),
            })),
        ),
        Command::AddEscalation { id: OT.into() },
        escalation(
            OT,
            EscalationField::Matter("Ayesha struggles to help Joan into the bath".into()),
        ),
        escalation(
            OT,
            EscalationField::WhyBeyondScope("Needs an occupational therapy assessment".into()),
        ),
        escalation(
            OT,
            EscalationField::Route(EscalationRoute::OccupationalTherapy),
        ),
        escalation(OT, EscalationField::ToWhom("Northshire OT team".into())),
        escalation(OT, EscalationField::Urgency(Urgency::Routine)),
        escalation(
            OT,
            EscalationField::Owner(Some(Person::participant(WORKER))),
        ),
        escalation(OT, EscalationField::Due(Some(day("2026-12-15")))),
        escalation(OT, EscalationField::Consent(Some(ConsentToShare::Yes))),
        escalation(OT, EscalationField::Status(EscalationStatus::Referred)),
    ]
}

/// Two actions and an outcome that changes the plan.
pub fn outcome_commands() -> Vec<Command> {
    vec![
        Command::AddAction { id: ACTION.into() },
        action(
            ACTION,
            ActionField::What("Find a carers' group nearer home".into()),
        ),
        action(ACTION, ActionField::Owner(Some(Person::participant(CARER)))),
        action(ACTION, ActionField::Due(Some(day("2026-12-31")))),
        action(
            ACTION,
            ActionField::Criterion(Some(CUSTOM_CRITERION.into())),
        ),
        Command::AddAction {
            id: ACTION_2.into(),
        },
        action(
            ACTION_2,
            ActionField::What("Book the sitting service".into()),
        ),
        action(
            ACTION_2,
            ActionField::Owner(Some(Person::named("Crossroads Care"))),
        ),
        action(ACTION_2, ActionField::Due(Some(day("2026-12-08")))),
        Command::SetOutcome(OutcomeField::Decision(OutcomeDecision::ChangeToPlan)),
        Command::SetOutcome(OutcomeField::Rationale(
            "A sitter gives Ayesha time for her own appointments".into(),
        )),
        Command::SetOutcome(OutcomeField::CarerView("Ayesha is relieved".into())),
        Command::SetOutcome(OutcomeField::IndividualView(
            "Joan is unsure about a new sitter but will try".into(),
        )),
        Command::SetOutcome(OutcomeField::IndividualViewThrough(Some(symbols()))),
        Command::SetOutcome(OutcomeField::OtherViews(
            "Tom thinks Joan needs more help at home".into(),
        )),
        Command::SetOutcome(OutcomeField::OtherViewsSaidBy(Speaker::Person(
            Person::participant(KEY_PERSON),
        ))),
        Command::SetVisibility {
            item: review_core::sharing::OTHER_VIEWS.into(),
            visibility: Visibility::NotIndividual,
        },
        // The suggested date (8 weeks on, as the plan changes), chosen.
        Command::SetOutcome(OutcomeField::NextReview(Some(day("2027-01-19")))),
    ]
}

/// A review with part 1 and every part of the review proper done.
pub fn part_two_complete() -> Review {
    let mut review = part_one_complete();
    apply_all(
        &mut review,
        [
            key_person_commands(),
            ratings_commands(),
            services_commands(),
            cover_commands(),
            escalation_commands(),
            outcome_commands(),
        ]
        .concat(),
    );
    review
}

/// A field error the user has simply not filled in yet.
pub fn missing(field: &str, message: &str) -> review_core::validate::FieldError {
    review_core::validate::FieldError {
        field: field.into(),
        message: message.into(),
        attention: false,
    }
}

/// A field error about something in conflict or left unresolved.
pub fn attention(field: &str, message: &str) -> review_core::validate::FieldError {
    review_core::validate::FieldError {
        field: field.into(),
        message: message.into(),
        attention: true,
    }
}

/// `error` where the check should give it, and no error at all where not.
pub fn only_if(
    given: bool,
    error: review_core::validate::FieldError,
) -> Vec<review_core::validate::FieldError> {
    if given {
        vec![error]
    } else {
        vec![]
    }
}

/// A yes/no question that opens a list (services, cover, escalations), as
/// `check` sees it after `setup`: unanswered, it asks the `question`;
/// answered yes, it asks for the `first_item`; answered no, nothing.
pub fn assert_question_opens_a_list(
    setup: Vec<Command>,
    answer: fn(bool) -> Command,
    check: fn(&Review) -> Vec<review_core::validate::FieldError>,
    question: review_core::validate::FieldError,
    first_item: review_core::validate::FieldError,
) {
    let cases = [
        (vec![], vec![question]),
        (vec![answer(true)], vec![first_item]),
        (vec![answer(false)], vec![]),
    ];
    for (commands, expected) in cases {
        let review = review_with([setup.clone(), commands.clone()].concat());
        assert_eq!(check(&review), expected, "{commands:?}");
    }
}

/// What `describe` says of each of `all`, in order: a table to compare with
/// the one the test expects.
pub fn each<T: Copy, D>(all: &[T], describe: impl Fn(T) -> D) -> Vec<D> {
    all.iter().map(|t| describe(*t)).collect()
}

/// The status of each of `parts` in `review`, in order.
pub fn statuses_of(
    parts: &[review_core::progress::Part],
    review: &Review,
) -> Vec<(review_core::progress::Part, review_core::progress::Status)> {
    parts.iter().map(|p| (*p, p.status(review))).collect()
}

/// Every one of `parts` has `status` in `review`.
pub fn assert_every_part_is(
    parts: &[review_core::progress::Part],
    review: &Review,
    status: review_core::progress::Status,
) {
    let statuses = statuses_of(parts, review);
    assert!(statuses.iter().all(|(_, s)| *s == status), "{statuses:?}");
}

// ---- Signed off, and its summary ---------------------------------------------

pub const ADVOCATE: &str = "advocate";

/// The id of the summary in `tests/fixtures/summary-unsigned.json`.
pub const SUMMARY_ID: &str = "4f1c2b8e-6d3a-4c5e-9b7f-2a1d0e8c6b54";

/// The summary [`signed_off_review`] continues: Joan and Ayesha's review of
/// last year (an invented document id and file).
pub const PREVIOUS_SUMMARY_ID: &str = "9a3e5c71-0b2d-4f6a-8e19-c4d7b2a05f36";

/// A small drawn mark, as the sign-off pad keeps it.
pub const DRAWN_MARK: &str = "M12 40 L18 31 L25 27 L33 30 L37 38 L44 41 L52 33";

/// [`part_two_complete`] with Priya Shah, Joan's advocate, in the room, and
/// everyone signed off in the ways the pad offers: a typed name, through the
/// advocate, a drawn mark; Priya confirming that the views she gave were
/// Joan's own; the worker last, with a tap, which locks the review.
pub fn signed_off_review() -> Review {
    use review_core::signoff::{SignOffDecision as D, SignOffMethod as M};
    let mut r = part_two_complete();
    apply_all(
        &mut r,
        [
            add(ADVOCATE, Role::Advocate),
            name(ADVOCATE, "Priya Shah"),
            relationship(ADVOCATE, "Care Act advocate"),
            attendance(ADVOCATE, Attendance::InPerson),
            // Ayesha agreed how the review runs in her own words (her
            // interpreter is not in these tests' room).
            Command::SetProcessAgreedHow {
                participant: CARER.into(),
                how: review_core::agreement::HowAgreed::new(
                    review_core::agreement::AgreedWay::Directly,
                ),
            },
        ],
    );
    let signatures = [
        (
            CARER,
            D::AgreesWithComment {
                comment: "Please send the café list by email".into(),
                visibility: None,
            },
            M::TypedName {
                name: "Ayesha Hughes".into(),
            },
            "2026-11-24T11:52:10+00:00",
        ),
        (INDIVIDUAL, D::Agrees, M::Tap, "2026-11-24T11:53:02+00:00"),
        (
            KEY_PERSON,
            D::Disagrees {
                reason: "Mum needs more help at home than a sitter every other week".into(),
                // Not for Joan to read.
                visibility: Some(Visibility::NotIndividual),
                // Two rows of the check page: the break planned, and the
                // first action (an item: it is named by its id).
                points: vec![
                    disagreed_point(
                        &r,
                        Part::Cover,
                        |row| row.key != "Support needs to change",
                        "A week a year is not a break",
                    ),
                    disagreed_point(
                        &r,
                        Part::Outcome,
                        |row| row.item.is_some(),
                        "The café list should come by post, not email",
                    ),
                ],
            },
            M::DrawnMark {
                path: DRAWN_MARK.into(),
            },
            "2026-11-24T11:54:45+00:00",
        ),
        (WORKER, D::Agrees, M::Tap, "2026-11-24T11:58:00+00:00"),
    ];
    for (who, decision, method, when) in signatures {
        // Priya, Joan's advocate, confirms what she was there for before
        // the worker signs (she does not sign as a party).
        if who == WORKER {
            let when = "2026-11-24T11:55:30+00:00";
            r.apply(
                Command::PassTablet {
                    to: ADVOCATE.into(),
                },
                at(when),
            )
            .unwrap();
            r.confirm(ADVOCATE, true, "", at(when))
                .unwrap_or_else(|e| panic!("Priya could not confirm: {e}"));
        }
        // Each signs with the tablet in their own hands (the worker's
        // signature with it back in hers): the check page showed each of
        // them what their copy holds.
        r.apply(Command::PassTablet { to: who.into() }, at(when))
            .unwrap_or_else(|e| panic!("the tablet could not go to {who}: {e}"));
        // Joan agrees as she agrees everywhere: through the pictures on
        // her board, the worker seeing it.
        let how = (who == INDIVIDUAL).then(pictures_seen_by_the_worker);
        r.sign_off_with(who, decision, method, how, at(when))
            .unwrap_or_else(|e| panic!("{who} could not sign: {e}"));
    }
    assert_eq!(
        r.state,
        ReviewState::SignedOff,
        "the worker's signature locks it"
    );
    r
}

/// How Joan shows she agrees: pointing to pictures on her board, the
/// worker seeing it.
pub fn pictures_seen_by_the_worker() -> review_core::agreement::HowAgreed {
    review_core::agreement::HowAgreed {
        way: review_core::agreement::AgreedWay::Pictures,
        through: None,
        witness: Some(WORKER.into()),
    }
}

/// The first row of `part` on the check page that `pick` takes, as a point
/// someone does not agree with, and why.
pub fn disagreed_point(
    review: &Review,
    part: Part,
    pick: impl Fn(&review_core::check::Row) -> bool,
    why: &str,
) -> review_core::signoff::DisagreedPoint {
    let row = review_core::check::rows_of(review, part)
        .into_iter()
        .find(|r| pick(r))
        .unwrap_or_else(|| panic!("no such row in {part:?}"));
    review_core::signoff::DisagreedPoint {
        part,
        about: row.key,
        said: row.value,
        item: row.item,
        why: why.into(),
    }
}

/// A records team's key list holding `jwk` as `device`, added on
/// 1 November 2026.
pub fn team_list_of(jwk: summary::PublicJwk, device: &str) -> summary::TeamKeys {
    let mut list = summary::TeamKeys::default();
    list.add(jwk, device, "2026-11-01T09:00:00+00:00").unwrap();
    list
}

// ---- Signing anything, as another tool could ----------------------------------

/// A format 2 protected header for `key`.
pub fn header_for(key: &summary::SigningKey) -> serde_json::Value {
    let jwk = key.public_jwk();
    serde_json::json!({
        "alg": "Ed25519",
        "typ": summary::JWS_TYPE,
        "kid": jwk.thumbprint(),
        "jwk": jwk,
    })
}

/// Sign any JSON document with any header, as another (careless or hostile)
/// tool could: the signature is genuine, so only the other checks can object.
pub fn sign_raw(
    document: &serde_json::Value,
    header: &serde_json::Value,
    key: &summary::SigningKey,
) -> Vec<u8> {
    let mut document = document.clone();
    document.as_object_mut().unwrap().remove("signature");
    let payload = summary::to_canonical_vec(&document).unwrap();
    let jws = summary::detached_jws(&summary::to_canonical_vec(header).unwrap(), &payload, key);
    document["signature"] = jws.into();
    summary::to_canonical_vec(&document).unwrap()
}

// ---- Property tests ------------------------------------------------------------

/// `text` with each `(position, delete, insert)` edit made in turn, counted
/// in characters: how the property tests mutate a stored or signed file.
pub fn with_edits(text: &str, edits: &[(proptest::sample::Index, usize, &str)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (position, delete, insert) in edits {
        let start = position.index(chars.len());
        let end = (start + delete).min(chars.len());
        chars.splice(start..end, insert.chars());
    }
    chars.into_iter().collect()
}

/// Any JSON, a few levels deep: leaves of every kind and `words`, object keys
/// drawn from the regex `keys`, so that the words our stored values and
/// files use turn up often.
pub fn any_json(
    words: &'static [&'static str],
    keys: &'static str,
) -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(words).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

// ---- Files the code generates --------------------------------------------------

/// A frozen file (listed in `FROZEN.sha256`) is written once, by the build
/// that first makes it, when `UPDATE_FIXTURES` is set and it is not there
/// yet; after that it is never rewritten, and what later builds generate
/// may differ (the review the tests build grows): the file is read as it is.
pub fn freeze_once(path: &std::path::Path, generated: &str) -> Vec<u8> {
    if std::env::var_os("UPDATE_FIXTURES").is_some() && !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
    }
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The checked-in file at `path` holds exactly `generated`; with the
/// environment variable `update` set, it is rewritten first. `out_of_date`
/// follows the path in the failure message and says how to regenerate it.
pub fn assert_file_is_generated(
    path: &std::path::Path,
    generated: &str,
    update: &str,
    out_of_date: &str,
) {
    if std::env::var_os(update).is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(on_disk == generated, "{} {out_of_date}", path.display());
}

/// The document id of the tests' signed summaries.
pub const DOC: &str = "0f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
/// When the tests' signed summaries are signed.
pub const SIGNED_AT: &str = "2026-11-24T11:58:00+00:00";

/// What `finalise` and `prepare` are given in the tests: this version of
/// the app, British English, `jwk` signing at `signed_at`.
pub fn finalise_input<'a>(
    document_id: &'a str,
    jwk: &'a review_core::summary::PublicJwk,
    signed_at: &'a Timestamp,
    previous: Option<&'a review_core::summary::SignedFile>,
) -> review_core::summary::Finalise<'a> {
    review_core::summary::Finalise {
        document_id,
        app_version: "0.1.0",
        language: "en-GB",
        jwk,
        signed_at,
        previous,
    }
}

/// `review`'s summary, signed by `key` at `signed_at` (no earlier version).
pub fn signed_by(
    review: &Review,
    key: &review_core::summary::SigningKey,
    document_id: &str,
    signed_at: &str,
) -> review_core::summary::SignedFile {
    let jwk = key.public_jwk();
    let when = at(signed_at);
    review_core::summary::finalise(review, finalise_input(document_id, &jwk, &when, None), key)
        .expect("a signed-off review is finalised")
}

/// When the tests' backups are made.
pub fn backup_time() -> Timestamp {
    at("2026-11-25T10:00:00+00:00")
}

/// A device's PIN key and its record, for sealed backups.
pub fn device_vault() -> (review_core::vault::Vault, review_core::vault::VaultRecord) {
    let key = review_core::vault::Vault::from_key([11; 32]);
    let record = review_core::vault::VaultRecord::new(&key, &[12; 16], 600_000, [13; 12]);
    (key, record)
}

/// `old` (signed off) amended, and the new version signed off again by
/// everyone taking part.
pub fn amended_and_signed_again(old: &Review) -> Review {
    let mut new = old
        .amend(
            "review-2".into(),
            "The sitter service changed its days",
            "Cover on Thursdays, not Tuesdays",
            at("2026-12-01T09:30:00+00:00"),
        )
        .unwrap();
    sign_everyone(&mut new, at("2026-12-01T10:00:00+00:00"));
    assert_eq!(new.state, ReviewState::SignedOff);
    new
}

/// Everyone signs in turn at `when`, agreeing with a tap, and each advocate
/// or interpreter confirms what they were there for.
pub fn sign_everyone(r: &mut Review, when: Timestamp) {
    use review_core::signoff::{next_turn, SignOffDecision, SignOffMethod, Turn};
    while let Some(turn) = next_turn(r) {
        match turn {
            Turn::Sign(p) => r.sign_off(&p.id, SignOffDecision::Agrees, SignOffMethod::Tap, when),
            Turn::Confirm(p) => r.confirm(&p.id, true, "", when),
        }
        .unwrap();
    }
}

/// Pieces of JSON that mutations splice into a file (a signed summary, a
/// backup): punctuation, numbers at the edges, escapes, odd characters.
pub const JSON_TOKENS: &[&str] = &[
    "",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "-0",
    "1e999",
    "0.5",
    "9007199254740993",
    "2",
    "3",
    "\"x\"",
    "\"summary\"",
    "true",
    "\\\"",
    "\\u0000",
    "\\ud800",
    "é",
    "e\u{301}",
    "..",
    "=",
    "eyJ",
    "\u{feff}",
];

// ---- A review for the recipients' copies --------------------------------------

/// The café, renamed as the provider's copy names it (in other capitals
/// and spacing), so the provider has one service of its own.
pub const PROVIDER_SERVICE: &str = "  CROSSROADS   care ";

/// The test review with every written text a unique marker (`M001X`, …),
/// one service and one action the provider's, and the visibility of each
/// item given by `choose` (the items in meeting order).
pub fn marked(choose: impl Fn(usize) -> Visibility) -> Review {
    let mut r = signed_off_review();
    let mut n = 0;
    let mut mark = |s: &mut String| {
        n += 1;
        *s = format!("M{n:03}X");
    };
    for cr in r.criterion_reviews.values_mut() {
        cr.evidence.iter_mut().for_each(|e| mark(&mut e.text));
    }
    for res in &mut r.resources {
        for list in [&mut res.benefits, &mut res.difficulties, &mut res.changes] {
            list.iter_mut().for_each(|p| mark(&mut p.text));
        }
    }
    r.resources[0].name = PROVIDER_SERVICE.into();
    r.gaps.iter_mut().for_each(|g| mark(&mut g.what));
    for a in &mut r.cover_arrangements {
        for risk in &mut a.risks {
            mark(&mut risk.risk);
            mark(&mut risk.management);
        }
    }
    for e in &mut r.escalations {
        mark(&mut e.matter);
        mark(&mut e.why_beyond_scope);
    }
    r.actions.iter_mut().for_each(|a| mark(&mut a.what));
    r.actions[0].owner = Some(Person::Named {
        name: "crossroads care".into(),
    });
    let o = &mut r.outcome;
    for s in [
        &mut o.rationale,
        &mut o.carer_view,
        &mut o.individual_view,
        &mut o.other_views,
    ] {
        mark(s);
    }
    for s in &mut r.sign_offs {
        if let review_core::signoff::SignOffDecision::AgreesWithComment { comment: w, .. }
        | review_core::signoff::SignOffDecision::Disagrees { reason: w, .. } = &mut s.decision
        {
            mark(w);
        }
    }
    let keys: Vec<(String, review_core::sharing::ItemKind)> =
        review_core::sharing::written_items(&r)
            .into_iter()
            .map(|i| (i.key, i.kind))
            .collect();
    for (i, (key, kind)) in keys.into_iter().enumerate() {
        if kind != review_core::sharing::ItemKind::SignOffWords {
            r.visibility.insert(key, choose(i));
            continue;
        }
        let who = key.trim_start_matches("sign-off/");
        let s = r
            .sign_offs
            .iter_mut()
            .find(|s| s.participant == who)
            .unwrap();
        if let review_core::signoff::SignOffDecision::AgreesWithComment { visibility, .. }
        | review_core::signoff::SignOffDecision::Disagrees { visibility, .. } = &mut s.decision
        {
            *visibility = Some(choose(i));
        }
    }
    r
}

/// The markers an item's words hold.
pub fn markers(item: &review_core::sharing::Item) -> Vec<String> {
    item.text
        .match_indices('M')
        .map(|(at, _)| item.text[at..at + 5].to_string())
        .filter(|m| m.ends_with('X'))
        .collect()
}

/// Whether the provider's copy may hold the item at all (its own service,
/// its own action; everything else as for any recipient).
pub fn providers_own(review: &Review, item: &review_core::sharing::Item) -> bool {
    match item.kind {
        review_core::sharing::ItemKind::Benefit | review_core::sharing::ItemKind::Difficulty | review_core::sharing::ItemKind::Change | review_core::sharing::ItemKind::NeedsMet => {
            item.about == PROVIDER_SERVICE.trim()
        }
        review_core::sharing::ItemKind::Action => review.actions.iter().any(|a| {
            a.id == item.key
                && matches!(&a.owner, Some(Person::Named { name }) if name.to_lowercase() == "crossroads care")
        }),
        _ => true,
    }
}

/// Every recipient kind, as a copy names it.
pub fn recipients() -> Vec<review_core::summary::CopyRecord> {
    RecipientKind::ALL
        .iter()
        .map(|&kind| review_core::summary::CopyRecord {
            id: format!("copy-{}", kind.key()),
            kind,
            name: kind.is_named().then(|| "Crossroads Care".to_string()),
        })
        .collect()
}
