//! Building the Bundle: one function per resource, each from the part of the
//! summary it says, referring to the others by their `urn:uuid:` full URLs.
//! FHIR allows no empty strings, so text that is empty is left out.

use super::codes::*;
use crate::setup::people::Role;
use crate::summary::document::*;
use crate::summary::keys::sha256_base64url;
use base64::Engine;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The FHIR R4 Bundle (type `collection`) of a verified records copy:
/// `file` is the signed file exactly as stored, `kid` its signing key's id.
pub fn bundle(summary: &Summary, file: &[u8], kid: &str) -> Value {
    let b = Builder::new(summary);
    let mut entries = vec![b.organization(), b.device(kid)];
    entries.extend(b.people());
    entries.push(b.questionnaire());
    entries.extend(b.responses());
    entries.push(b.care_plan());
    entries.extend(b.tasks());
    entries.push(b.consent());
    entries.push(b.document_reference(file));
    entries.push(b.provenance());
    let bundle_id = b.uuid("bundle");
    json!({
        "resourceType": "Bundle",
        "id": bundle_id,
        "identifier": { "system": URI, "value": format!("urn:uuid:{bundle_id}") },
        "type": "collection",
        "timestamp": summary.signed_at.as_str(),
        "entry": entries
            .into_iter()
            .map(|resource| {
                let id = resource["id"].as_str().unwrap_or_default().to_string();
                json!({ "fullUrl": format!("urn:uuid:{id}"), "resource": resource })
            })
            .collect::<Vec<_>>(),
    })
}

struct Builder<'a> {
    s: &'a Summary,
    /// Each participant's resource, by participant id: its full URL.
    people: BTreeMap<&'a str, String>,
}

/// Text as FHIR takes it: trimmed, and absent when empty.
fn text(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|t| !t.is_empty())
}

/// An object of the members whose values are present (not `null`).
fn object(members: Vec<(&str, Value)>) -> Value {
    let map: Map<String, Value> = members
        .into_iter()
        .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    Value::Object(map)
}

fn reference(url: &str) -> Value {
    json!({ "reference": url })
}

fn the_text(words: &str) -> Value {
    text(words).map_or(Value::Null, |t| json!({ "text": t }))
}

impl<'a> Builder<'a> {
    fn new(s: &'a Summary) -> Builder<'a> {
        let mut b = Builder {
            s,
            people: BTreeMap::new(),
        };
        for p in &s.participants {
            let url = format!("urn:uuid:{}", b.uuid(&format!("participant/{}", p.id)));
            b.people.insert(&p.id, url);
        }
        b
    }

    /// The id of one of this Bundle's resources: a UUID (version 8) from the
    /// document id and what the resource is, the same every time.
    fn uuid(&self, what: &str) -> String {
        let digest = Sha256::digest(format!(
            "review-together/fhir\n{}\n{what}",
            self.s.document_id
        ));
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Uuid::new_v8(bytes).hyphenated().to_string()
    }

    fn url(&self, what: &str) -> String {
        format!("urn:uuid:{}", self.uuid(what))
    }

    fn person(&self, participant: &str) -> Value {
        self.people
            .get(participant)
            .map_or_else(|| json!({ "display": participant }), |url| reference(url))
    }

    fn person_ref(&self, who: &PersonRef) -> Value {
        match who {
            PersonRef::Participant { id } => self.person(id),
            PersonRef::Named { name } | PersonRef::Removed { name } => {
                text(name).map_or(Value::Null, |n| json!({ "display": n }))
            }
        }
    }

    fn organization(&self) -> Value {
        let s = self.s;
        object(vec![
            ("resourceType", json!("Organization")),
            ("id", json!(self.uuid("organization"))),
            (
                "identifier",
                json!(s
                    .ods_code
                    .iter()
                    .map(|code| json!({ "system": ODS_CODE, "value": code }))
                    .collect::<Vec<_>>()),
            ),
            ("name", json!(text(&s.organisation))),
            (
                "alias",
                json!(s
                    .team
                    .as_deref()
                    .and_then(text)
                    .into_iter()
                    .collect::<Vec<_>>()),
            ),
        ])
    }

    /// The tablet that signed: its key's thumbprint and the app's version.
    fn device(&self, kid: &str) -> Value {
        json!({
            "resourceType": "Device",
            "id": self.uuid("device"),
            "identifier": [{ "system": KEY_THUMBPRINT, "value": kid }],
            "deviceName": [{ "name": self.s.app.name, "type": "user-friendly-name" }],
            "version": [{ "value": self.s.app.version }],
            "owner": reference(&self.url("organization")),
        })
    }

    /// Each participant as a Patient, Practitioner or RelatedPerson, and the
    /// carer also as the individual's RelatedPerson.
    fn people(&self) -> Vec<Value> {
        let s = self.s;
        let individual = self.person(&s.individual.participant_id);
        let mut out = Vec::new();
        for p in &s.participants {
            let mut identifier = vec![json!({ "system": PARTICIPANT, "value": p.id })];
            identifier.extend(
                p.nhs_number
                    .iter()
                    .map(|n| json!({ "system": NHS_NUMBER, "value": n })),
            );
            identifier.extend(p.staff_id.as_deref().and_then(text).map(|staff| {
                json!({ "system": STAFF_ID, "value": staff, "assigner": reference(&self.url("organization")) })
            }));
            identifier.extend(p.references.iter().filter_map(|r| {
                Some(json!({
                    "system": format!("{TEAM_REFERENCE}{}", r.id),
                    "type": { "text": text(&r.label)? },
                    "value": text(&r.value)?,
                }))
            }));
            let name = text(&p.name).map(|n| vec![json!({ "text": n })]);
            let id = self.uuid(&format!("participant/{}", p.id));
            let resource = match p.role {
                Role::Carer | Role::Individual => object(vec![
                    ("resourceType", json!("Patient")),
                    ("id", json!(id)),
                    ("identifier", json!(identifier)),
                    ("name", json!(name)),
                    ("birthDate", json!(p.date_of_birth)),
                    (
                        "link",
                        if p.role == Role::Carer {
                            json!([{ "other": reference(&self.url("carer-as-related-person")), "type": "seealso" }])
                        } else {
                            Value::Null
                        },
                    ),
                ]),
                Role::Worker | Role::OtherProfessional => object(vec![
                    ("resourceType", json!("Practitioner")),
                    ("id", json!(id)),
                    ("identifier", json!(identifier)),
                    ("name", json!(name)),
                ]),
                Role::Advocate | Role::Interpreter | Role::KeyPerson => object(vec![
                    ("resourceType", json!("RelatedPerson")),
                    ("id", json!(id)),
                    ("identifier", json!(identifier)),
                    ("patient", individual.clone()),
                    ("relationship", json!([{ "text": p.role.label() }])),
                    ("name", json!(name)),
                ]),
            };
            out.push(resource);
        }
        // The carer as the individual's carer, in the carer's own words.
        out.push(object(vec![
            ("resourceType", json!("RelatedPerson")),
            ("id", json!(self.uuid("carer-as-related-person"))),
            (
                "identifier",
                json!([{ "system": PARTICIPANT, "value": s.carer.participant_id }]),
            ),
            ("patient", individual),
            (
                "relationship",
                json!([object(vec![
                    (
                        "coding",
                        json!([{ "system": ROLE_CODE, "code": "CAREGIVER", "display": "caregiver" }])
                    ),
                    ("text", json!(s.carer.relationship.as_deref().and_then(text))),
                ])]),
            ),
            ("name", json!(text(&s.carer.name).map(|n| vec![json!({ "text": n })]))),
        ]));
        out
    }

    /// The criteria as questions, each answered with a point of its scale.
    fn questionnaire(&self) -> Value {
        let items: Vec<Value> = self
            .s
            .criteria
            .iter()
            .map(|c| {
                object(vec![
                    ("linkId", json!(c.id)),
                    (
                        "code",
                        json!(c
                            .serves
                            .iter()
                            .map(|p| json!({ "system": STANDARD, "code": p }))
                            .collect::<Vec<_>>()),
                    ),
                    ("text", json!(text(&c.wording))),
                    ("type", json!("choice")),
                    (
                        "answerOption",
                        json!(c
                            .scale_points
                            .iter()
                            .map(|p| json!({ "valueCoding": scale_coding(c, *p) }))
                            .collect::<Vec<_>>()),
                    ),
                ])
            })
            .collect();
        object(vec![
            ("resourceType", json!("Questionnaire")),
            ("id", json!(self.uuid("questionnaire"))),
            ("url", json!(self.url("questionnaire"))),
            ("title", json!("The criteria agreed for this carer review")),
            ("status", json!("active")),
            ("subjectType", json!(["Patient"])),
            ("date", json!(self.s.finalised_at.as_str())),
            ("item", json!(items)),
        ])
    }

    /// Each person's own ratings (P19): who rated, and through whom.
    fn responses(&self) -> Vec<Value> {
        let s = self.s;
        s.participants
            .iter()
            .filter_map(|p| {
                let mut through = None;
                let items: Vec<Value> = s
                    .criteria
                    .iter()
                    .filter_map(|c| {
                        let r = c.ratings.iter().find(|r| r.participant == p.id)?;
                        if let Some(
                            ChannelRecord::Advocate { by } | ChannelRecord::Interpreter { by },
                        ) = &r.through
                        {
                            through = Some(self.person_ref(by));
                        }
                        Some(json!({
                            "linkId": c.id,
                            "text": text(&c.wording),
                            "answer": [{ "valueCoding": scale_coding(c, r.point) }],
                        }))
                    })
                    .collect();
                (!items.is_empty()).then(|| {
                    object(vec![
                        ("resourceType", json!("QuestionnaireResponse")),
                        ("id", json!(self.uuid(&format!("response/{}", p.id)))),
                        ("questionnaire", json!(self.url("questionnaire"))),
                        ("status", json!("completed")),
                        ("subject", self.person(&s.individual.participant_id)),
                        ("authored", json!(s.finalised_at.as_str())),
                        ("author", through.unwrap_or_else(|| self.person(&p.id))),
                        ("source", self.person(&p.id)),
                        ("item", json!(items)),
                    ])
                })
            })
            .collect()
    }

    /// Cover (P21) and actions as the individual's care plan's activities.
    fn care_plan(&self) -> Value {
        let s = self.s;
        let item_id = |id: &str| json!([{ "url": ITEM_ID, "valueString": id }]);
        let cover = s.cover.arrangements.iter().map(|a| {
            let agreed = matches!(
                a.agreement,
                Some(
                    AgreementRecord::Agreed { .. } | AgreementRecord::AgreedThroughAdvocate { .. }
                )
            );
            let description = [
                a.kind.map(|k| k.label().to_string()),
                a.when.clone(),
                a.provider.clone(),
            ]
            .into_iter()
            .flatten()
            .filter(|t| text(t).is_some())
            .collect::<Vec<_>>()
            .join(" — ");
            json!({
                "extension": item_id(&a.id),
                "detail": object(vec![
                    ("kind", json!("ServiceRequest")),
                    ("code", a.kind.map_or(Value::Null, |k| json!({
                        "coding": [{ "system": COVER_KIND, "code": k.key(), "display": k.label() }],
                    }))),
                    ("status", json!(if agreed { "scheduled" } else { "not-started" })),
                    ("description", json!(text(&description))),
                ]),
            })
        });
        let actions = s.actions.iter().map(|a| {
            json!({
                "extension": item_id(&a.id),
                "detail": object(vec![
                    ("kind", json!("Task")),
                    ("status", json!("not-started")),
                    ("scheduledPeriod", a.due.as_ref().map_or(Value::Null, |d| json!({ "end": d.as_str() }))),
                    ("performer", json!(a.owner.iter().map(|o| self.person_ref(o)).filter(|v| !v.is_null()).collect::<Vec<_>>())),
                    ("description", json!(text(&a.what))),
                ]),
            })
        });
        object(vec![
            ("resourceType", json!("CarePlan")),
            ("id", json!(self.uuid("care-plan"))),
            ("status", json!("active")),
            ("intent", json!("plan")),
            ("title", json!("Carer review: cover and actions")),
            ("subject", self.person(&s.individual.participant_id)),
            ("created", json!(s.finalised_at.as_str())),
            ("author", self.person(&s.worker.participant_id)),
            ("activity", json!(cover.chain(actions).collect::<Vec<_>>())),
        ])
    }

    /// Each matter escalated (P22) as a Task.
    fn tasks(&self) -> Vec<Value> {
        let s = self.s;
        s.escalations
            .matters
            .iter()
            .map(|m| {
                let notes: Vec<Value> = [
                    m.to_whom.as_deref().map(|t| format!("To: {t}")),
                    m.route_detail.as_deref().map(|t| format!("Where: {t}")),
                ]
                .into_iter()
                .flatten()
                .filter(|t| !t.trim().ends_with(':'))
                .map(|t| json!({ "text": t }))
                .collect();
                object(vec![
                    ("resourceType", json!("Task")),
                    ("id", json!(self.uuid(&format!("escalation/{}", m.id)))),
                    ("identifier", json!([{ "system": ESCALATION, "value": m.id }])),
                    ("status", json!(task_status(m.status))),
                    ("intent", json!("order")),
                    ("priority", json!(m.urgency.map(priority))),
                    ("code", m.route.map_or(Value::Null, |r| json!({
                        "coding": [{ "system": ROUTE, "code": r.key(), "display": r.label() }],
                    }))),
                    ("description", json!(text(&m.matter))),
                    ("for", self.person(&s.carer.participant_id)),
                    ("authoredOn", json!(s.finalised_at.as_str())),
                    ("requester", self.person(&s.worker.participant_id)),
                    ("owner", m.owner.as_ref().map_or(Value::Null, |o| self.person_ref(o))),
                    ("reasonCode", the_text(m.why_beyond_scope.as_deref().unwrap_or_default())),
                    ("restriction", m.due.as_ref().map_or(Value::Null, |d| json!({ "period": { "end": d.as_str() } }))),
                    ("note", json!(notes)),
                ])
            })
            .collect()
    }

    /// The sharing agreement (P17, P23): who receives a copy, and what is
    /// not to be shared with whom.
    fn consent(&self) -> Value {
        let s = self.s;
        let recipient = |who: &str| {
            json!({
                "role": { "coding": [{ "system": PARTICIPATION_TYPE, "code": "IRCP", "display": "information recipient" }] },
                "reference": { "display": who },
            })
        };
        let restrictions: Vec<Value> = s
            .confidentiality
            .restrictions
            .iter()
            .filter_map(|r| {
                Some(json!({
                    "type": "deny",
                    "actor": [recipient(text(&r.not_with)?)],
                    "code": [{ "text": text(&r.what)? }],
                }))
            })
            .collect();
        let copies: Vec<Value> = s
            .confidentiality
            .copies
            .iter()
            .map(|c| recipient(&c.whose()))
            .collect();
        let rule = text(&s.confidentiality.recipients).map_or_else(
            || "The sharing agreement made at the review".to_string(),
            |r| format!("The sharing agreement made at the review: {r}"),
        );
        json!({
            "resourceType": "Consent",
            "id": self.uuid("consent"),
            "status": "active",
            "scope": { "coding": [{ "system": CONSENT_SCOPE, "code": "patient-privacy", "display": "Privacy Consent" }] },
            "category": [{ "coding": [{ "system": LOINC, "code": "59284-0", "display": "Patient Consent" }] }],
            "patient": self.person(&s.carer.participant_id),
            "dateTime": s.finalised_at.as_str(),
            "organization": [reference(&self.url("organization"))],
            "policyRule": { "text": rule },
            "provision": object(vec![
                ("type", json!("permit")),
                ("actor", json!(copies)),
                ("provision", json!(restrictions)),
            ]),
        })
    }

    /// The signed file itself, so it can always be checked again.
    fn document_reference(&self, file: &[u8]) -> Value {
        let s = self.s;
        json!({
            "resourceType": "DocumentReference",
            "id": self.uuid("document"),
            "masterIdentifier": { "system": URI, "value": format!("urn:uuid:{}", s.document_id) },
            "identifier": [{ "system": SHA256, "value": sha256_base64url(file) }],
            "status": "current",
            "docStatus": "final",
            "type": { "text": "Carer review summary, signed (Review Together)" },
            "subject": self.person(&s.carer.participant_id),
            "date": s.signed_at.as_str(),
            "author": [self.person(&s.worker.participant_id)],
            "custodian": reference(&self.url("organization")),
            "description": format!("The signed summary of the carer review of {}, version {}", s.carer.name.trim(), s.version),
            "content": [{
                "attachment": {
                    "contentType": "application/json",
                    "language": s.language.as_str(),
                    "data": base64::engine::general_purpose::STANDARD.encode(file),
                    "size": file.len(),
                    "title": format!("{}.json", s.document_id),
                    "creation": s.signed_at.as_str(),
                },
                "format": { "system": FORMAT_CODE, "code": "review-together-summary" },
            }],
            "context": { "period": { "start": s.created_at.as_str(), "end": s.finalised_at.as_str() } },
        })
    }

    /// Who made the file: the device signed it; each person signed off.
    fn provenance(&self) -> Value {
        let s = self.s;
        let device = reference(&self.url("device"));
        let mut agents = vec![json!({
            "type": { "coding": [{ "system": PROVENANCE_PARTICIPANT, "code": "assembler", "display": "Assembler" }] },
            "who": device.clone(),
        })];
        agents.extend(s.sign_offs.iter().map(|o| {
            let role = s
                .participants
                .iter()
                .find(|p| p.id == o.participant)
                .map(|p| p.role.label());
            let decision = match o.decision {
                DecisionRecord::Agrees {} => "agrees",
                DecisionRecord::AgreesWithComment { .. } => "agrees, with a comment",
                DecisionRecord::Disagrees { .. } => "does not agree",
            };
            object(vec![
                ("type", json!({ "coding": [{ "system": PROVENANCE_PARTICIPANT, "code": "attester", "display": "Attester" }] })),
                ("role", json!(role.map(|r| vec![json!({ "text": format!("{r}: signed off and {decision}") })]))),
                ("who", self.person(&o.participant)),
            ])
        }));
        let signature = s.signature.as_deref().map_or(Value::Null, |jws| {
            json!([{
                "type": [{ "system": SIGNATURE_TYPE, "code": "1.2.840.10065.1.12.1.5", "display": "Verification Signature" }],
                "when": s.signed_at.as_str(),
                "who": device,
                "sigFormat": "application/jose",
                "data": base64::engine::general_purpose::STANDARD.encode(jws),
            }])
        });
        object(vec![
            ("resourceType", json!("Provenance")),
            ("id", json!(self.uuid("provenance"))),
            ("target", json!([reference(&self.url("document"))])),
            ("recorded", json!(s.signed_at.as_str())),
            ("agent", json!(agents)),
            ("signature", signature),
        ])
    }
}

/// A point of a criterion's scale as a coding of that scale.
fn scale_coding(c: &CriterionRecord, point: crate::criteria::types::ScalePoint) -> Value {
    json!({ "system": format!("{SCALE}{}", c.scale.key()), "code": point.key(), "display": point.label() })
}
