//! Building a [`Summary`] from a signed-off [`Review`]: a pure function of
//! the review, the document id, the app's version and the language.

use super::document::*;
use crate::model::*;
use crate::readiness::needs_of;
use crate::sharing::{
    needs_met_key, visibility_of, CARER_VIEW, INDIVIDUAL_VIEW, OTHER_VIEWS, OUTCOME_RATIONALE,
};
use crate::signoff::{Amendment, SignOff, SignOffDecision, SignOffMethod};
use crate::text::clean;
use crate::tr;
use std::num::NonZeroU32;

pub use super::errors::SummaryError;

/// Text as it goes into the summary: NFC (as it was entered) and trimmed.
fn text(s: &str) -> String {
    clean(s).trim().to_string()
}

/// Optional text: absent when blank.
fn opt_text(s: &str) -> Option<String> {
    Some(text(s)).filter(|t| !t.is_empty())
}

/// RFC 3339 to the second, with the offset the moment was recorded in.
pub(crate) fn moment(t: &Timestamp) -> DateTimeText {
    DateTimeText(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
}

/// The last summary a review follows on from, by id and file hash.
fn continues(last: &crate::continuity::types::LastReview) -> Option<PreviousDocument> {
    Some(PreviousDocument {
        id: DocumentId::try_from(last.document_id.as_str()).ok()?,
        sha256: Sha256Base64Url::try_from(last.sha256.as_str()).ok()?,
    })
}

fn day(d: chrono::NaiveDate) -> DateText {
    DateText(d.format("%Y-%m-%d").to_string())
}

fn person(p: &Person) -> PersonRef {
    match p {
        Person::Participant { id } => PersonRef::Participant { id: id.clone() },
        Person::Named { name } => PersonRef::Named { name: text(name) },
        Person::Removed { name } => PersonRef::Removed { name: text(name) },
    }
}

fn channel(c: &RatingChannel) -> ChannelRecord {
    match c {
        RatingChannel::Directly => ChannelRecord::Directly {},
        RatingChannel::Advocate { by } => ChannelRecord::Advocate { by: person(by) },
        RatingChannel::Interpreter { by } => ChannelRecord::Interpreter { by: person(by) },
        RatingChannel::CommunicationMethod { method } => {
            ChannelRecord::CommunicationMethod { method: *method }
        }
    }
}

fn person_summary(p: &Participant) -> PersonSummary {
    PersonSummary {
        participant_id: p.id.clone(),
        name: text(&p.name),
        relationship: opt_text(&p.relationship),
    }
}

fn readiness_of(review: &Review, p: &Participant) -> Vec<ReadinessRecord> {
    needs_of(p)
        .into_iter()
        .map(|need| {
            let (kind, method) = match need {
                Need::Interpreter => (NeedKind::Interpreter, None),
                Need::Advocate => (NeedKind::Advocate, None),
                Need::Communication(m) => (NeedKind::Communication, Some(m)),
                Need::Adjustments => (NeedKind::Adjustments, None),
            };
            let status = review.readiness.get(&need_key(&p.id, need));
            let (status, action, reason_to_continue) = match status {
                None => (None, None, None),
                Some(NeedStatus::Met) => (Some(NeedResult::Met), None, None),
                Some(NeedStatus::NotMet {
                    action,
                    reason_to_continue,
                }) => (
                    Some(NeedResult::NotMet),
                    opt_text(action),
                    opt_text(reason_to_continue),
                ),
            };
            ReadinessRecord {
                need: kind,
                method,
                status,
                action,
                reason_to_continue,
            }
        })
        .collect()
}

fn participant_record(review: &Review, p: &Participant) -> Result<ParticipantRecord, SummaryError> {
    let s = &p.support;
    Ok(ParticipantRecord {
        id: p.id.clone(),
        role: p.role,
        name: text(&p.name),
        relationship: opt_text(&p.relationship),
        job_title: p.job_title_given().and_then(opt_text),
        age: p.age_given(),
        what_matters: p.what_matters_given().and_then(opt_text),
        references: references_of(review, p),
        nhs_number: p.nhs_number_given().map(|n| n.digits().to_string()),
        date_of_birth: p.date_of_birth_given().map(|d| d.to_string()),
        staff_id: p.staff_id_given().map(str::to_string),
        attendance: p
            .attendance
            .ok_or_else(|| SummaryError::Incomplete(tr!("attendance for {id}", id = p.id)))?,
        support: SupportRecord {
            preferred_language: opt_text(&s.preferred_language),
            screen_language: s.screen_language.and_then(ScreenLanguage::of),
            interpreter: s.interpreter.as_ref().map(|i| InterpreterRecord {
                mode: i.mode,
                language: opt_text(&i.language),
            }),
            advocate: s.advocate,
            communication: s.communication.clone(),
            communication_detail: opt_text(&s.communication_detail),
            adjustments: opt_text(&s.adjustments),
        },
        readiness: if p.role == Role::Worker {
            Vec::new()
        } else {
            readiness_of(review, p)
        },
    })
}

fn criterion_record(review: &Review, c: &Criterion) -> CriterionRecord {
    let cr = review.criterion_review(&c.id);
    // Participant order (the worker last), as the spread of ratings shows them.
    let ratings = cr
        .map(|cr| {
            let mut ratings: Vec<&Rating> = cr.ratings.iter().collect();
            ratings.sort_by_key(|r| {
                review
                    .rating_order()
                    .position(|p| p.id == r.participant)
                    .unwrap_or(usize::MAX)
            });
            ratings
                .into_iter()
                .map(|r| RatingRecord {
                    participant: r.participant.clone(),
                    point: r.point,
                    through: r.through.as_ref().map(channel),
                })
                .collect()
        })
        .unwrap_or_default();
    CriterionRecord {
        id: c.id.clone(),
        source: match &c.source {
            CriterionSource::Library { key } => CriterionOrigin::Library { key: key.clone() },
            CriterionSource::Custom => CriterionOrigin::Custom {},
        },
        group: c.group,
        wording: text(&c.wording),
        easy_read: opt_text(&c.easy_read),
        serves: c.serves.clone(),
        scale: c.scale,
        scale_points: c.scale.choices().to_vec(),
        agreed_by: c.agreed_by.clone(),
        ratings,
        evidence: cr
            .map(|cr| {
                cr.evidence
                    .iter()
                    .map(|e| EvidenceRecord {
                        id: e.id.clone(),
                        said_by: e.said_by.as_ref().map(person),
                        text: text(&e.text),
                        visibility: visibility_of(review, &e.id),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        not_discussed: cr.and_then(|cr| cr.not_discussed.as_deref()).map(text),
    }
}

/// Who may see an answer the review has one of, when it says something.
fn said(review: &Review, answer: &str, key: &str) -> Option<Visibility> {
    if answer.trim().is_empty() {
        None
    } else {
        visibility_of(review, key)
    }
}

fn speaker(s: &Speaker) -> SpeakerRecord {
    match s {
        Speaker::NotRecorded => SpeakerRecord::NotRecorded {},
        Speaker::Everyone => SpeakerRecord::Everyone {},
        Speaker::Person(p) => match person(p) {
            PersonRef::Participant { id } => SpeakerRecord::Participant { id },
            PersonRef::Named { name } => SpeakerRecord::Named { name },
            PersonRef::Removed { name } => SpeakerRecord::Removed { name },
        },
    }
}

/// The points of a list that say something, in the order they were made.
fn remark_records(review: &Review, remarks: &[Remark]) -> Vec<RemarkRecord> {
    written(remarks)
        .map(|r| RemarkRecord {
            id: r.id.clone(),
            text: text(&r.text),
            said_by: speaker(&r.said_by),
            visibility: visibility_of(review, &r.id),
        })
        .collect()
}

fn resource_record(review: &Review, r: &Resource) -> ResourceRecord {
    ResourceRecord {
        id: r.id.clone(),
        kind: r.kind,
        name: text(&r.name),
        benefits: remark_records(review, &r.benefits),
        difficulties: remark_records(review, &r.difficulties),
        needs_met: r.needs_met,
        needs_met_visibility: r
            .needs_met
            .and_then(|_| visibility_of(review, &needs_met_key(&r.id))),
        decision: r.decision,
        changes: remark_records(review, &r.changes),
    }
}

fn cover_record(review: &Review, a: &CoverArrangement) -> CoverArrangementRecord {
    CoverArrangementRecord {
        id: a.id.clone(),
        makes_room_for: a.makes_room_for,
        makes_room_for_detail: opt_text(&a.makes_room_for_detail),
        kind: a.kind,
        when: opt_text(&a.when),
        provider: opt_text(&a.provider),
        funding: a.funding,
        risks: a
            .risks
            .iter()
            .map(|r| CoverRiskRecord {
                id: r.id.clone(),
                risk: text(&r.risk),
                management: text(&r.management),
                visibility: visibility_of(review, &r.id),
            })
            .collect(),
        agreement: a.agreement.as_ref().map(|ag| match ag {
            IndividualAgreement::Agreed { how } => AgreementRecord::Agreed { how: how.clone() },
            IndividualAgreement::AgreedThroughAdvocate { by } => {
                AgreementRecord::AgreedThroughAdvocate { by: person(by) }
            }
            IndividualAgreement::NotAgreed { what_happens_next } => AgreementRecord::NotAgreed {
                what_happens_next: text(what_happens_next),
            },
            IndividualAgreement::NotAskedYet => AgreementRecord::NotAskedYet {},
        }),
    }
}

fn escalation_record(review: &Review, e: &Escalation) -> EscalationRecord {
    EscalationRecord {
        id: e.id.clone(),
        matter: text(&e.matter),
        why_beyond_scope: opt_text(&e.why_beyond_scope),
        route: e.route,
        route_detail: opt_text(&e.route_detail),
        to_whom: opt_text(&e.to_whom),
        urgency: e.urgency,
        owner: e.owner.as_ref().map(person),
        due: e.due.map(day),
        consent: e.consent.as_ref().map(|c| match c {
            ConsentToShare::Yes => ConsentRecord::Yes {},
            ConsentToShare::No => ConsentRecord::No {},
            ConsentToShare::NotNeededBecauseOfRisk { reason } => {
                ConsentRecord::NotNeededBecauseOfRisk {
                    reason: text(reason),
                }
            }
        }),
        status: e.status,
        visibility: visibility_of(review, &e.id),
    }
}

fn sign_off_record(s: &SignOff) -> SignOffRecord {
    SignOffRecord {
        participant: s.participant.clone(),
        decision: match &s.decision {
            SignOffDecision::Agrees => DecisionRecord::Agrees {},
            SignOffDecision::AgreesWithComment {
                comment,
                visibility,
            } => DecisionRecord::AgreesWithComment {
                comment: text(comment),
                visibility: *visibility,
            },
            SignOffDecision::Disagrees {
                reason,
                visibility,
                points,
            } => DecisionRecord::Disagrees {
                reason: text(reason),
                visibility: *visibility,
                points: points
                    .iter()
                    .map(|p| DisagreedPointRecord {
                        part: p.part,
                        about: text(&p.about),
                        said: text(&p.said),
                        item: p.item.clone(),
                        why: text(&p.why),
                    })
                    .collect(),
            },
        },
        method: match &s.method {
            SignOffMethod::Tap => MethodRecord::Tap {},
            SignOffMethod::TypedName { name } => MethodRecord::TypedName { name: text(name) },
            // The mark is kept exactly as drawn (it is already a plain path).
            SignOffMethod::DrawnMark { path } => MethodRecord::DrawnMark {
                path: SvgPath(path.clone()),
            },
            SignOffMethod::ThroughSupporter { by, how } => MethodRecord::ThroughSupporter {
                by: by.clone(),
                how: text(how),
            },
        },
        signed_at: moment(&s.signed_at),
        shown: s.shown,
        how: s.how.clone(),
    }
}

fn version(v: u32) -> Result<NonZeroU32, SummaryError> {
    NonZeroU32::new(v).ok_or_else(|| SummaryError::Incomplete(tr!("version number")))
}

fn amendment_record(a: &Amendment) -> Result<AmendmentRecord, SummaryError> {
    Ok(AmendmentRecord {
        previous_review_id: a.previous_id.clone(),
        previous_version: version(a.previous_version)?,
        reason: text(&a.reason),
        what_changed: text(&a.what_changed),
        amended_at: moment(&a.amended_at),
    })
}

impl Summary {
    /// The summary of a signed-off review. Pure: the document id (a fresh
    /// UUID), the app's version, the language and the signing time come from
    /// the caller, and the same inputs always give the same summary.
    pub fn from_review(
        review: &Review,
        document_id: &str,
        app_version: &str,
        language: &str,
        signed_at: &Timestamp,
    ) -> Result<Summary, SummaryError> {
        // English words whatever the screens speak (issue 30).
        crate::i18n::with_catalogue(None, || {
            if review.state != ReviewState::SignedOff {
                return Err(SummaryError::NotSignedOff);
            }
            let finalised_at = review.finalised_at.ok_or(SummaryError::NotSignedOff)?;
            let document_id = DocumentId::try_from(document_id)
                .map_err(|_| SummaryError::BadDocumentId(document_id.to_string()))?;
            let language = LanguageTag::try_from(language)
                .map_err(|_| SummaryError::BadLanguage(language.to_string()))?;
            let worker = review
                .participants_with(Role::Worker)
                .next()
                .ok_or_else(|| SummaryError::Incomplete("worker".into()))?;
            let carer = review
                .carer()
                .ok_or_else(|| SummaryError::Incomplete("carer".into()))?;
            let individual = review
                .individual()
                .ok_or_else(|| SummaryError::Incomplete(tr!("person being cared for")))?;
            let p = &review.process;
            let chosen_next_review = review.outcome.next_review;
            let o = &review.outcome;
            Ok(Summary {
                format: Format,
                format_version: FormatVersionText,
                document_id,
                review_id: review.id.clone(),
                version: version(review.version)?,
                amends: review.amends.as_ref().map(amendment_record).transpose()?,
                previous: None,
                continues: review.last.as_ref().and_then(continues),
                created_at: moment(&review.created_at),
                finalised_at: moment(&finalised_at),
                signed_at: moment(signed_at),
                language,
                app: AppInfo {
                    name: APP_NAME.into(),
                    version: text(app_version),
                },
                standard: StandardInfo {
                    code: StandardCode,
                    criteria: STANDARD_CRITERIA.iter().map(|c| c.to_string()).collect(),
                },
                organisation: text(&review.organisation),
                team: opt_text(&review.team),
                ods_code: opt_text(&review.ods_code),
                worker: person_summary(worker),
                carer: person_summary(carer),
                individual: person_summary(individual),
                participants: review
                    .participants
                    .iter()
                    .map(|p| participant_record(review, p))
                    .collect::<Result<_, _>>()?,
                process: ProcessRecord {
                    reason: p.reason,
                    why_now: opt_text(&p.why_now),
                    depth: p.depth,
                    agenda: p.agenda.clone(),
                    time_boxes: p
                        .time_boxes
                        .iter()
                        .map(|(item, minutes)| TimeBox {
                            item: *item,
                            minutes: *minutes,
                        })
                        .collect(),
                    carer_private_time: p.carer_private_time,
                    agreed_by: p.agreed_by.clone(),
                    agreed_how: p
                        .agreed_how
                        .iter()
                        .map(|(participant, how)| PersonAgreedHow {
                            participant: participant.clone(),
                            how: how.clone(),
                        })
                        .collect(),
                },
                confidentiality: ConfidentialityRecord {
                    recipients: text(&p.confidentiality.recipients),
                    copies: p
                        .confidentiality
                        .copies
                        .iter()
                        .map(|c| CopyRecord {
                            id: c.id.clone(),
                            kind: c.kind,
                            name: opt_text(&c.name),
                        })
                        .collect(),
                    default_visibility: p.confidentiality.default_visibility,
                    restrictions: p
                        .confidentiality
                        .restrictions
                        .iter()
                        .map(|r| RestrictionRecord {
                            id: r.id.clone(),
                            what: text(&r.what),
                            not_with: text(&r.not_with),
                        })
                        .collect(),
                },
                criteria: review
                    .criteria
                    .iter()
                    .map(|c| criterion_record(review, c))
                    .collect(),
                services: ServicesRecord {
                    in_use: review.services_in_use,
                    resources: review
                        .resources
                        .iter()
                        .map(|r| resource_record(review, r))
                        .collect(),
                    gaps: review
                        .gaps
                        .iter()
                        .map(|g| GapRecord {
                            id: g.id.clone(),
                            what: text(&g.what),
                            noticed_by: g.noticed_by.as_ref().map(person),
                            visibility: visibility_of(review, &g.id),
                        })
                        .collect(),
                },
                cover: CoverRecord {
                    needed: review.cover_needed,
                    arrangements: review
                        .cover_arrangements
                        .iter()
                        .map(|a| cover_record(review, a))
                        .collect(),
                },
                escalations: EscalationsRecord {
                    needed: review.escalation_needed,
                    matters: review
                        .escalations
                        .iter()
                        .map(|e| escalation_record(review, e))
                        .collect(),
                },
                actions: review
                    .actions
                    .iter()
                    .map(|a| ActionRecord {
                        id: a.id.clone(),
                        what: text(&a.what),
                        owner: a.owner.as_ref().map(person),
                        due: a.due.map(day),
                        criterion: a.criterion.clone(),
                        visibility: visibility_of(review, &a.id),
                    })
                    .collect(),
                follow_up: FollowUpRecord::of_review(review, person),
                outcome: OutcomeRecord {
                    decision: review.outcome.decision,
                    rationale: opt_text(&review.outcome.rationale),
                    carer_view: opt_text(&review.outcome.carer_view),
                    individual_view: opt_text(&review.outcome.individual_view),
                    individual_view_through: review
                        .outcome
                        .individual_view_through
                        .as_ref()
                        .map(channel),
                    other_views: opt_text(&review.outcome.other_views),
                    other_views_said_by: Some(&o.other_views_said_by)
                        .filter(|s| !s.is_not_recorded() && !o.other_views.trim().is_empty())
                        .map(speaker),
                    next_review: day(crate::outcome::dates::next_review(review)),
                    next_review_chosen: chosen_next_review.is_some(),
                    rationale_visibility: said(review, &o.rationale, OUTCOME_RATIONALE),
                    carer_view_visibility: said(review, &o.carer_view, CARER_VIEW),
                    individual_view_visibility: said(review, &o.individual_view, INDIVIDUAL_VIEW),
                    other_views_visibility: said(review, &o.other_views, OTHER_VIEWS),
                },
                sign_offs: review.sign_offs.iter().map(sign_off_record).collect(),
                confirmations: review
                    .confirmations
                    .iter()
                    .map(|c| ConfirmationRecord {
                        participant: c.participant.clone(),
                        confirms: c.confirms,
                        confirmed: c.confirmed,
                        note: (!c.note.is_empty()).then(|| text(&c.note)),
                        confirmed_at: moment(&c.at),
                    })
                    .collect(),
                recipient_copies: Vec::new(),
                copy_for: None,
                signature: None,
            })
        })
    }
}
