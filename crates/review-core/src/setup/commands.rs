//! Getting ready's changes (P17, P18): people, what helps them take part,
//! the readiness of each need, and how the review runs.

use crate::base::{entries, entry_mut, remove_entry, set_member, DomainError, Person};
use crate::command::Command;
use crate::review::Review;
use crate::setup::people::*;
use crate::setup::process::*;
use crate::setup::sharing::*;
use crate::text::clean;

impl Review {
    /// The carer or the person cared for, whose numbers for the records
    /// (issue 27) are asked; refused for anyone else.
    fn asked_numbers(&mut self, id: &str) -> Result<&mut Participant, DomainError> {
        let person = self.person(id)?;
        if !person.role.has_age() {
            return Err(DomainError::NotAskedOfRole);
        }
        Ok(person)
    }

    /// Apply one of this part's commands (routed here by [`Review::apply`]).
    pub(crate) fn apply_setup(&mut self, command: Command) -> Result<(), DomainError> {
        use Command::*;
        match command {
            AddParticipant { id, role } => {
                self.fresh(&id)?;
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
                self.process.agreed_how.remove(&id);
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
            SetJobTitle { id, job_title } => self.person(&id)?.job_title = clean(&job_title),
            SetAge { id, age } => {
                if age.is_some_and(|a| a > MAX_AGE) {
                    return Err(DomainError::AgeOutOfRange);
                }
                self.person(&id)?.age = age
            }
            SetWhatMatters { id, text } => self.person(&id)?.what_matters = clean(&text),
            UseReferenceRules { rules } => {
                let given = self
                    .participants
                    .iter()
                    .any(|p| p.references_given().next().is_some());
                if given && rules != self.reference_rules {
                    return Err(DomainError::ReferencesGiven);
                }
                self.reference_rules = rules;
            }
            SetReference { id, rule, value } => {
                if !self.reference_rules.iter().any(|r| r.id == rule) {
                    return Err(DomainError::UnknownReference);
                }
                let person = self.asked_numbers(&id)?;
                let value = clean(&value);
                if value.trim().is_empty() {
                    person.references.remove(&rule);
                } else {
                    person.references.insert(rule, value);
                }
            }
            SetNhsNumber { id, text } => {
                self.asked_numbers(&id)?.nhs_number = clean(&text);
            }
            SetDateOfBirth { id, text } => {
                self.asked_numbers(&id)?.date_of_birth = clean(&text);
            }
            SetStaffId { id, text } => {
                let person = self.person(&id)?;
                if person.role != Role::Worker {
                    return Err(DomainError::NotAskedOfRole);
                }
                person.staff_id = clean(&text);
            }
            SetAttendance { id, attendance } => {
                self.person(&id)?.attendance = Some(attendance);
                self.drop_ratings_of_non_raters();
            }
            SetPreferredLanguage { id, language } => {
                self.person(&id)?.support.preferred_language = clean(&language)
            }
            SetScreenLanguage { id, language } => {
                // Only a language the app speaks to people (never the
                // pseudo-locale of the tests); the worker's screens are the
                // tablet's own.
                if language.is_some_and(|l| !crate::i18n::Lang::ALL.contains(&l)) {
                    return Err(DomainError::LanguageNotOffered);
                }
                let person = self.person(&id)?;
                if person.role == Role::Worker {
                    return Err(DomainError::NotAskedOfRole);
                }
                person.support.screen_language = language;
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
            SetWhyNow(text) => self.process.why_now = clean(&text),
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
            SetCarerPrivateTime(wanted) => {
                self.process.carer_private_time = Some(wanted);
                if !wanted {
                    self.process.private_plan = PrivatePlan::default();
                }
            }
            SetPrivateMinutes(Some(m)) if !PRIVATE_MINUTES.contains(&m) => {
                return Err(DomainError::TimeBoxOutOfRange)
            }
            SetPrivateMinutes(_) | SetPrivateSlot(_)
                if self.process.carer_private_time != Some(true) =>
            {
                return Err(DomainError::AnsweredNo)
            }
            SetPrivateMinutes(minutes) => self.process.private_plan.minutes = minutes,
            SetPrivateSlot(slot) => self.process.private_plan.slot = slot,
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
                let restrictions = &mut self.process.confidentiality.restrictions;
                let r = entry_mut(restrictions, &id, DomainError::UnknownRestriction)?;
                r.what = clean(&what);
                r.not_with = clean(&not_with);
            }
            RemoveRestriction { id } => {
                let restrictions = &mut self.process.confidentiality.restrictions;
                remove_entry(restrictions, &id, DomainError::UnknownRestriction)?;
            }
            SetProcessAgreement {
                participant,
                agreed,
            } => {
                if self.person(&participant)?.role.is_supporter() && agreed {
                    return Err(DomainError::SupporterNotAParty);
                }
                if !agreed {
                    self.process.agreed_how.remove(&participant);
                }
                set_member(&mut self.process.agreed_by, participant, agreed);
            }
            SetProcessAgreedHow { participant, how } => {
                if !self.process.agreed_by.contains(&participant) {
                    return Err(DomainError::HasNotAgreed);
                }
                let how = crate::agreement::checked(self, &participant, how)?;
                self.process.agreed_how.insert(participant, how);
            }
            SetCopy { kind, gets } => {
                if kind.is_named() {
                    return Err(DomainError::UnknownCopy);
                }
                let copies = &mut self.process.confidentiality.copies;
                copies.retain(|c| c.kind != kind);
                if gets {
                    // In the order the question offers them.
                    let rank = |k: RecipientKind| RecipientKind::ALL.iter().position(|x| *x == k);
                    let at = copies
                        .iter()
                        .position(|c| rank(c.kind) > rank(kind))
                        .unwrap_or(copies.len());
                    copies.insert(
                        at,
                        Recipient {
                            id: kind.key().into(),
                            kind,
                            name: String::new(),
                        },
                    );
                }
            }
            AddNamedCopy { id, kind } => {
                if !kind.is_named() {
                    return Err(DomainError::UnknownCopy);
                }
                self.fresh(&id)?;
                self.process.confidentiality.copies.push(Recipient {
                    id,
                    kind,
                    name: String::new(),
                });
            }
            SetCopyName { id, name } => {
                let copies = &mut self.process.confidentiality.copies;
                let c = entry_mut(copies, &id, DomainError::UnknownCopy)?;
                if !c.kind.is_named() {
                    return Err(DomainError::UnknownCopy);
                }
                c.name = clean(&name);
            }
            RemoveCopy { id } => {
                let copies = &mut self.process.confidentiality.copies;
                remove_entry(copies, &id, DomainError::UnknownCopy)?;
            }
            SetDefaultVisibility(v) => self.process.confidentiality.default_visibility = Some(v),

            _ => return Err(DomainError::Misrouted),
        }
        Ok(())
    }

    /// A need that changed must be checked again before the review proper.
    pub(crate) fn recheck(&mut self, participant: &str, need: Need) {
        self.readiness.remove(&need_key(participant, need));
    }
}

entries!(Participant, SharingRestriction, Recipient);
