//! The easy read of "Getting ready": who is here, help to take part, being
//! ready, how we will review, keeping things private, what we will look at;
//! and the answers asked in many places. Keys and names: see `easy`.

use super::symbols::Sym::{self, *};

pub(super) const ENTRIES: &[(&str, &str, Sym)] = &[
    // Answers asked in many places.
    ("any.yes", "Yes", Yes),
    ("any.no", "No", No),
    ("any.other", "Something else", SomethingElse),
    ("any.someone-else", "Someone else", SomethingElse),
    ("any.none", "No", No),
    ("person.named", "Who is it? Their name and job.", Person),
    // Who is here.
    ("who.name", "Their name.", Person),
    ("who.role", "What do they do in this meeting?", People),
    ("who.role.worker", "Social care worker", Worker),
    ("who.role.carer", "Carer", Carer),
    ("who.role.individual", "The person cared for", CaredFor),
    (
        "who.role.advocate",
        "Advocate: speaks up for them",
        Advocate,
    ),
    ("who.role.interpreter", "Interpreter", Interpreter),
    ("who.role.key-person", "Family or friend", People),
    (
        "who.role.other-professional",
        "Another professional",
        Professional,
    ),
    (
        "who.relationship",
        "How are they family or friends?",
        People,
    ),
    ("who.attendance", "How are they here today?", InRoom),
    ("who.attendance.in-person", "Here in the room", InRoom),
    (
        "who.attendance.remote",
        "On the phone or a video call",
        Video,
    ),
    (
        "who.attendance.absent-views-gathered",
        "Not here. We know what they think.",
        Talk,
    ),
    ("who.job-title", "Their job.", Work),
    ("who.age", "How old are they?", Birthday),
    ("who.what-matters", "What matters to them?", Matters),
    ("who.staff-id", "Their staff number.", IdCard),
    ("who.nhs-number", "Their NHS number.", IdCard),
    ("who.date-of-birth", "Their birthday.", Birthday),
    ("who.reference", "A number for the records: {name}.", IdCard),
    // Help to take part.
    (
        "taking-part.language",
        "Which language do they like to use?",
        Language,
    ),
    (
        "taking-part.screen-language",
        "The tablet and their copy: which language?",
        Language,
    ),
    (
        "taking-part.screen-language.tablet",
        "As the tablet is set",
        Device,
    ),
    (
        "taking-part.interpreter",
        "Do they need an interpreter?",
        Interpreter,
    ),
    (
        "taking-part.interpreter-mode",
        "What kind of interpreter?",
        Interpreter,
    ),
    (
        "taking-part.interpreter-mode.spoken",
        "Someone who speaks their language",
        Talk,
    ),
    (
        "taking-part.interpreter-mode.bsl",
        "Someone who uses sign language",
        SignLanguage,
    ),
    (
        "taking-part.interpreter-language",
        "Which language?",
        Language,
    ),
    (
        "taking-part.advocate",
        "Does someone speak up for them?",
        Advocate,
    ),
    (
        "taking-part.advocate.care-act",
        "An advocate from a service",
        Advocate,
    ),
    (
        "taking-part.advocate.imca",
        "An advocate for big decisions",
        Mind,
    ),
    (
        "taking-part.advocate.informal",
        "A friend or someone in the family",
        People,
    ),
    (
        "taking-part.communication",
        "How do they like to talk with people?",
        Talk,
    ),
    (
        "taking-part.communication.spoken",
        "Talking and listening",
        Talk,
    ),
    ("taking-part.communication.signs", "Signs", SignLanguage),
    ("taking-part.communication.symbols", "Symbols", Symbols),
    (
        "taking-part.communication.pictures",
        "Pictures or photos",
        Picture,
    ),
    (
        "taking-part.communication.writing",
        "Writing or reading",
        Note,
    ),
    (
        "taking-part.communication.objects-of-reference",
        "Things they can hold",
        Object,
    ),
    (
        "taking-part.communication.communication-passport",
        "Their communication passport",
        Passport,
    ),
    (
        "taking-part.communication.aids",
        "A talking aid or device",
        Device,
    ),
    (
        "taking-part.communication-detail",
        "Tell us more about how they talk.",
        Talk,
    ),
    (
        "taking-part.adjustments",
        "What else helps them take part?",
        Equipment,
    ),
    // Ready to start.
    (
        "ready.interpreter",
        "Is the interpreter ready for {name}?",
        Interpreter,
    ),
    (
        "ready.advocate",
        "Is the advocate ready for {name}?",
        Advocate,
    ),
    (
        "ready.method-spoken",
        "Is {name} ready to talk and listen?",
        Talk,
    ),
    (
        "ready.method-signs",
        "Are the signs ready for {name}?",
        SignLanguage,
    ),
    (
        "ready.method-symbols",
        "Are the symbols ready for {name}?",
        Symbols,
    ),
    (
        "ready.method-pictures",
        "Are the pictures ready for {name}?",
        Picture,
    ),
    (
        "ready.method-writing",
        "Is the writing ready for {name}?",
        Note,
    ),
    (
        "ready.method-objects-of-reference",
        "Are the things to hold ready for {name}?",
        Object,
    ),
    (
        "ready.method-communication-passport",
        "Is the communication passport here for {name}?",
        Passport,
    ),
    (
        "ready.method-aids",
        "Is the talking aid ready for {name}?",
        Device,
    ),
    (
        "ready.adjustments",
        "Is the help {name} asked for ready?",
        Equipment,
    ),
    ("any.met", "Yes, it is ready", Yes),
    ("any.not-met", "No, it is not ready", No),
    ("ready.action", "What did you do about it?", Action),
    ("ready.reason", "Why can we go on without it?", Question),
    // How we will review.
    ("process.reason", "Why are we meeting?", Question),
    (
        "process.reason.six-to-eight-weeks",
        "The first review of the plan",
        First,
    ),
    (
        "process.reason.annual",
        "The review we have every year",
        Days,
    ),
    ("process.reason.requested", "Someone asked for it", Ask),
    (
        "process.reason.change-in-circumstances",
        "Something has changed",
        Change,
    ),
    ("process.why-now", "What has changed?", Change),
    ("process.depth", "How much will we look at?", List),
    ("process.depth.light-touch", "A quick check", Quick),
    ("process.depth.full", "Everything, step by step", List),
    ("process.agenda", "What will we talk about?", Talk),
    (
        "process.agenda.partnership",
        "How we work together",
        Together,
    ),
    ("process.agenda.services", "Services and support", Services),
    (
        "process.agenda.cover",
        "Help for {individual} while {carer} has a break",
        Cover,
    ),
    (
        "process.agenda.escalation",
        "Things someone else must help with",
        Escalate,
    ),
    (
        "process.private-time",
        "Does {carer} want time alone with the worker?",
        Private,
    ),
    (
        "process.agreement",
        "Who agrees to do the review this way?",
        Agree,
    ),
    ("process.time", "Minutes for: {name}", Time),
    ("process.private-minutes", "How long?", Time),
    ("process.private-slot", "When?", Days),
    (
        "process.private-slot.after-ratings",
        "After we say how it is going",
        Rating,
    ),
    (
        "process.private-slot.after-services",
        "After services and support",
        Services,
    ),
    (
        "process.private-slot.before-outcome",
        "Before we decide",
        Outcome,
    ),
    (
        "process.private-slot.at-the-end",
        "At the end, before we sign",
        Sign,
    ),
    // Keeping things private.
    ("sharing.copies", "Who gets a copy?", Copy),
    ("sharing.copies.carer", "The carer", Carer),
    (
        "sharing.copies.individual",
        "The person cared for",
        CaredFor,
    ),
    ("sharing.copies.gp", "Their doctor", Doctor),
    (
        "sharing.copies.provider",
        "A service that helps them",
        Services,
    ),
    (
        "sharing.copies.carers-team",
        "The carers' team",
        CarersCentre,
    ),
    ("sharing.copies.other", "Someone else", SomethingElse),
    ("sharing.visibility", "Who can see what we say?", See),
    ("sharing.visibility.everyone", "Everyone", People),
    (
        "sharing.visibility.not-individual",
        "Not the person cared for",
        NotCaredFor,
    ),
    ("sharing.visibility.not-carer", "Not the carer", NotCarer),
    (
        "sharing.visibility.not-providers",
        "Not services or the doctor",
        NotServices,
    ),
    (
        "sharing.visibility.worker-and-records",
        "Only the worker and the records",
        Private,
    ),
    ("sharing.recipients", "Anything more about copies?", Copy),
    ("sharing.recipient-name", "Their name.", Person),
    ("sharing.service-name", "The name of the service.", Services),
    (
        "sharing.restriction-what",
        "What must we not share?",
        Private,
    ),
    (
        "sharing.restriction-not-with",
        "Who must not see it?",
        Person,
    ),
    ("sharing.item", "Who can see this?", See),
    // What we will look at.
    ("criteria.search", "Look for words in our list.", Search),
    ("criteria.group", "Things to look at", List),
    (
        "criteria.group.partnership",
        "How we work together",
        Together,
    ),
    ("criteria.group.wellbeing", "How {carer} is", Health),
    ("criteria.group.individual", "How {individual} is", CaredFor),
    ("criteria.custom", "What else should we look at?", Note),
    ("criteria.custom-group", "What is it about?", List),
    (
        "criteria.custom-group.partnership",
        "How we work together",
        Together,
    ),
    ("criteria.custom-group.wellbeing", "How {carer} is", Health),
    (
        "criteria.custom-group.individual",
        "How {individual} is",
        CaredFor,
    ),
    (
        "criteria.scale",
        "How will people say how it is going?",
        Rating,
    ),
    ("criteria.scale.three-point", "Three choices", ThreeChoices),
    ("criteria.scale.five-step", "Five steps", FiveSteps),
    ("criteria.agreed-by", "Who agrees to look at this?", Agree),
];
