//! Building the Bundle: one function per resource, each from the part of the
//! summary it says, referring to the others by their `urn:uuid:` full URLs.
//! FHIR allows no empty strings, so text that is empty is left out.
//!
//! Values are made with the small helpers below rather than `json!`: each
//! `json!` interpolation is a `to_value(..).unwrap()` with its own panic
//! path, which cost the app's download 20 KB of wasm (gzip).

use super::codes::*;
use crate::setup::people::Role;
use crate::summary::document::*;
use crate::summary::keys::sha256_base64url;
use base64::Engine;
use serde_json::{Map, Value};
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
    let entries = entries
        .into_iter()
        .map(|resource| {
            let id = resource["id"].as_str().unwrap_or_default();
            object(vec![
                ("fullUrl", s(&format!("urn:uuid:{id}"))),
                ("resource", resource),
            ])
        })
        .collect();
    object(vec![
        ("resourceType", s("Bundle")),
        ("id", s(&bundle_id)),
        (
            "identifier",
            system_value(URI, &format!("urn:uuid:{bundle_id}")),
        ),
        ("type", s("collection")),
        ("timestamp", s(summary.signed_at.as_str())),
        ("entry", Value::Array(entries)),
    ])
}

/// Text as FHIR takes it: trimmed, and absent when empty.
fn text(t: &str) -> Option<&str> {
    Some(t.trim()).filter(|t| !t.is_empty())
}

/// A string value; `Null` (left out) when it is empty.
fn s(t: &str) -> Value {
    text(t).map_or(Value::Null, |t| Value::String(t.to_owned()))
}

fn opt(t: Option<&str>) -> Value {
    t.map_or(Value::Null, s)
}

fn list(items: Vec<Value>) -> Value {
    Value::Array(items.into_iter().filter(|v| !v.is_null()).collect())
}

/// An object of the members that are present: `Null`, an empty list or an
/// empty object is left out (FHIR has no empty elements).
fn object(members: Vec<(&str, Value)>) -> Value {
    let map: Map<String, Value> = members
        .into_iter()
        .filter(|(_, v)| match v {
            Value::Null => false,
            Value::Array(a) => !a.is_empty(),
            Value::Object(o) => !o.is_empty(),
            _ => true,
        })
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    if map.is_empty() {
        Value::Null
    } else {
        Value::Object(map)
    }
}

fn reference(url: &str) -> Value {
    object(vec![("reference", s(url))])
}

fn display(name: &str) -> Value {
    object(vec![("display", s(name))])
}

fn the_text(words: &str) -> Value {
    object(vec![("text", s(words))])
}

/// An identifier or a coding's system and value/code.
fn system_value(system: &str, value: &str) -> Value {
    object(vec![("system", s(system)), ("value", s(value))])
}

fn coding(system: &str, code: &str, shown: &str) -> Value {
    object(vec![
        ("system", s(system)),
        ("code", s(code)),
        ("display", s(shown)),
    ])
}

/// A CodeableConcept of one coding.
fn concept(system: &str, code: &str, shown: &str) -> Value {
    object(vec![("coding", list(vec![coding(system, code, shown)]))])
}

fn name_of(n: &str) -> Value {
    list(vec![the_text(n)])
}

fn base64(bytes: &[u8]) -> Value {
    Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
}

struct Builder<'a> {
    s: &'a Summary,
    /// Each participant's resource, by participant id: its full URL.
    people: BTreeMap<&'a str, String>,
}

impl<'a> Builder<'a> {
    fn new(summary: &'a Summary) -> Builder<'a> {
        let mut b = Builder {
            s: summary,
            people: BTreeMap::new(),
        };
        for p in &summary.participants {
            let url = b.url(&format!("participant/{}", p.id));
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

    /// The start of a resource: its type and id.
    fn resource(&self, kind: &str, what: &str) -> Vec<(&'static str, Value)> {
        vec![("resourceType", s(kind)), ("id", s(&self.uuid(what)))]
    }

    fn person(&self, participant: &str) -> Value {
        self.people
            .get(participant)
            .map_or_else(|| display(participant), |url| reference(url))
    }

    fn person_ref(&self, who: &PersonRef) -> Value {
        match who {
            PersonRef::Participant { id } => self.person(id),
            PersonRef::Named { name } | PersonRef::Removed { name } => display(name),
        }
    }

    fn organization(&self) -> Value {
        let summary = self.s;
        let mut r = self.resource("Organization", "organization");
        r.extend([
            (
                "identifier",
                list(
                    summary
                        .ods_code
                        .iter()
                        .map(|c| system_value(ODS_CODE, c))
                        .collect(),
                ),
            ),
            ("name", s(&summary.organisation)),
            ("alias", list(vec![opt(summary.team.as_deref())])),
        ]);
        object(r)
    }

    /// The tablet that signed: its key's thumbprint and the app's version.
    fn device(&self, kid: &str) -> Value {
        let app = &self.s.app;
        let mut r = self.resource("Device", "device");
        r.extend([
            ("identifier", list(vec![system_value(KEY_THUMBPRINT, kid)])),
            (
                "deviceName",
                list(vec![object(vec![
                    ("name", s(&app.name)),
                    ("type", s("user-friendly-name")),
                ])]),
            ),
            (
                "version",
                list(vec![object(vec![("value", s(&app.version))])]),
            ),
            ("owner", reference(&self.url("organization"))),
        ]);
        object(r)
    }

    /// Each participant as a Patient, Practitioner or RelatedPerson, and the
    /// carer also as the individual's RelatedPerson.
    fn people(&self) -> Vec<Value> {
        let summary = self.s;
        let individual = self.person(&summary.individual.participant_id);
        let mut out = Vec::new();
        for p in &summary.participants {
            let mut identifier = vec![system_value(PARTICIPANT, &p.id)];
            identifier.extend(p.nhs_number.iter().map(|n| system_value(NHS_NUMBER, n)));
            identifier.extend(p.staff_id.as_deref().and_then(text).map(|staff| {
                object(vec![
                    ("system", s(STAFF_ID)),
                    ("value", s(staff)),
                    ("assigner", reference(&self.url("organization"))),
                ])
            }));
            identifier.extend(p.references.iter().map(|r| {
                object(vec![
                    ("system", s(&format!("{TEAM_REFERENCE}{}", r.id))),
                    ("type", the_text(&r.label)),
                    ("value", s(&r.value)),
                ])
            }));
            let kind = match p.role {
                Role::Carer | Role::Individual => "Patient",
                Role::Worker | Role::OtherProfessional => "Practitioner",
                Role::Advocate | Role::Interpreter | Role::KeyPerson => "RelatedPerson",
            };
            let mut r = self.resource(kind, &format!("participant/{}", p.id));
            r.push(("identifier", list(identifier)));
            if kind == "RelatedPerson" {
                r.push(("patient", individual.clone()));
                r.push(("relationship", list(vec![the_text(p.role.label())])));
            }
            r.push(("name", name_of(&p.name)));
            if kind == "Patient" {
                r.push(("birthDate", opt(p.date_of_birth.as_deref())));
            }
            if p.role == Role::Carer {
                r.push((
                    "link",
                    list(vec![object(vec![
                        ("other", reference(&self.url("carer-as-related-person"))),
                        ("type", s("seealso")),
                    ])]),
                ));
            }
            out.push(object(r));
        }
        // The carer as the individual's carer, in the carer's own words.
        let carer = &summary.carer;
        let mut r = self.resource("RelatedPerson", "carer-as-related-person");
        r.extend([
            (
                "identifier",
                list(vec![system_value(PARTICIPANT, &carer.participant_id)]),
            ),
            ("patient", individual),
            (
                "relationship",
                list(vec![object(vec![
                    (
                        "coding",
                        list(vec![coding(ROLE_CODE, "CAREGIVER", "caregiver")]),
                    ),
                    ("text", opt(carer.relationship.as_deref())),
                ])]),
            ),
            ("name", name_of(&carer.name)),
        ]);
        out.push(object(r));
        out
    }

    /// The criteria as questions, each answered with a point of its scale.
    fn questionnaire(&self) -> Value {
        let items = self
            .s
            .criteria
            .iter()
            .map(|c| {
                object(vec![
                    ("linkId", s(&c.id)),
                    (
                        "code",
                        list(c.serves.iter().map(|p| coding(STANDARD, p, p)).collect()),
                    ),
                    ("text", s(&c.wording)),
                    ("type", s("choice")),
                    (
                        "answerOption",
                        list(
                            c.scale_points
                                .iter()
                                .map(|p| object(vec![("valueCoding", scale_coding(c, *p))]))
                                .collect(),
                        ),
                    ),
                ])
            })
            .collect();
        let mut r = self.resource("Questionnaire", "questionnaire");
        r.extend([
            ("url", s(&self.url("questionnaire"))),
            ("title", s("The criteria agreed for this carer review")),
            ("status", s("active")),
            ("subjectType", list(vec![s("Patient")])),
            ("date", s(self.s.finalised_at.as_str())),
            ("item", list(items)),
        ]);
        object(r)
    }

    /// Each person's own ratings (P19): who rated, and through whom.
    fn responses(&self) -> Vec<Value> {
        let summary = self.s;
        let mut out = Vec::new();
        for p in &summary.participants {
            let mut through = None;
            let mut items = Vec::new();
            for c in &summary.criteria {
                let Some(r) = c.ratings.iter().find(|r| r.participant == p.id) else {
                    continue;
                };
                if let Some(ChannelRecord::Advocate { by } | ChannelRecord::Interpreter { by }) =
                    &r.through
                {
                    through = Some(self.person_ref(by));
                }
                items.push(object(vec![
                    ("linkId", s(&c.id)),
                    ("text", s(&c.wording)),
                    (
                        "answer",
                        list(vec![object(vec![(
                            "valueCoding",
                            scale_coding(c, r.point),
                        )])]),
                    ),
                ]));
            }
            if items.is_empty() {
                continue;
            }
            let mut r = self.resource("QuestionnaireResponse", &format!("response/{}", p.id));
            r.extend([
                ("questionnaire", s(&self.url("questionnaire"))),
                ("status", s("completed")),
                ("subject", self.person(&summary.individual.participant_id)),
                ("authored", s(summary.finalised_at.as_str())),
                ("author", through.unwrap_or_else(|| self.person(&p.id))),
                ("source", self.person(&p.id)),
                ("item", list(items)),
            ]);
            out.push(object(r));
        }
        out
    }

    /// Cover (P21) and actions as the individual's care plan's activities.
    fn care_plan(&self) -> Value {
        let summary = self.s;
        let activity = |id: &str, detail: Vec<(&str, Value)>| {
            object(vec![
                (
                    "extension",
                    list(vec![object(vec![
                        ("url", s(ITEM_ID)),
                        ("valueString", s(id)),
                    ])]),
                ),
                ("detail", object(detail)),
            ])
        };
        let mut activities = Vec::new();
        for a in &summary.cover.arrangements {
            let agreed = matches!(
                a.agreement,
                Some(
                    AgreementRecord::Agreed { .. } | AgreementRecord::AgreedThroughAdvocate { .. }
                )
            );
            let description = [
                a.kind.map(|k| k.label()),
                a.when.as_deref(),
                a.provider.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter_map(text)
            .collect::<Vec<_>>()
            .join(" — ");
            activities.push(activity(
                &a.id,
                vec![
                    ("kind", s("ServiceRequest")),
                    (
                        "code",
                        a.kind
                            .map_or(Value::Null, |k| concept(COVER_KIND, k.key(), k.label())),
                    ),
                    (
                        "status",
                        s(if agreed { "scheduled" } else { "not-started" }),
                    ),
                    ("description", s(&description)),
                ],
            ));
        }
        for a in &summary.actions {
            activities.push(activity(
                &a.id,
                vec![
                    ("kind", s("Task")),
                    ("status", s("not-started")),
                    (
                        "scheduledPeriod",
                        object(vec![("end", opt(a.due.as_ref().map(|d| d.as_str())))]),
                    ),
                    (
                        "performer",
                        list(a.owner.iter().map(|o| self.person_ref(o)).collect()),
                    ),
                    ("description", s(&a.what)),
                ],
            ));
        }
        let mut r = self.resource("CarePlan", "care-plan");
        r.extend([
            ("status", s("active")),
            ("intent", s("plan")),
            ("title", s("Carer review: cover and actions")),
            ("subject", self.person(&summary.individual.participant_id)),
            ("created", s(summary.finalised_at.as_str())),
            ("author", self.person(&summary.worker.participant_id)),
            ("activity", list(activities)),
        ]);
        object(r)
    }

    /// Each matter escalated (P22) as a Task.
    fn tasks(&self) -> Vec<Value> {
        let summary = self.s;
        summary
            .escalations
            .matters
            .iter()
            .map(|m| {
                let note = |label: &str, t: Option<&str>| {
                    t.and_then(text)
                        .map_or(Value::Null, |t| the_text(&format!("{label}: {t}")))
                };
                let mut r = self.resource("Task", &format!("escalation/{}", m.id));
                r.extend([
                    ("identifier", list(vec![system_value(ESCALATION, &m.id)])),
                    ("status", s(task_status(m.status))),
                    ("intent", s("order")),
                    ("priority", opt(m.urgency.map(priority))),
                    (
                        "code",
                        m.route
                            .map_or(Value::Null, |r| concept(ROUTE, r.key(), r.label())),
                    ),
                    ("description", s(&m.matter)),
                    ("for", self.person(&summary.carer.participant_id)),
                    ("authoredOn", s(summary.finalised_at.as_str())),
                    ("requester", self.person(&summary.worker.participant_id)),
                    (
                        "owner",
                        m.owner.as_ref().map_or(Value::Null, |o| self.person_ref(o)),
                    ),
                    (
                        "reasonCode",
                        the_text(m.why_beyond_scope.as_deref().unwrap_or_default()),
                    ),
                    (
                        "restriction",
                        object(vec![(
                            "period",
                            object(vec![("end", opt(m.due.as_ref().map(|d| d.as_str())))]),
                        )]),
                    ),
                    (
                        "note",
                        list(vec![
                            note("To", m.to_whom.as_deref()),
                            note("Where", m.route_detail.as_deref()),
                        ]),
                    ),
                ]);
                object(r)
            })
            .collect()
    }

    /// The sharing agreement (P17, P23): who receives a copy, and what is
    /// not to be shared with whom.
    fn consent(&self) -> Value {
        let summary = self.s;
        let agreement = &summary.confidentiality;
        let recipient = |who: &str| {
            object(vec![
                (
                    "role",
                    concept(PARTICIPATION_TYPE, "IRCP", "information recipient"),
                ),
                ("reference", display(who)),
            ])
        };
        let restrictions = agreement
            .restrictions
            .iter()
            .filter(|r| text(&r.not_with).is_some() && text(&r.what).is_some())
            .map(|r| {
                object(vec![
                    ("type", s("deny")),
                    ("actor", list(vec![recipient(&r.not_with)])),
                    ("code", list(vec![the_text(&r.what)])),
                ])
            })
            .collect();
        let copies = agreement
            .copies
            .iter()
            .map(|c| recipient(&c.whose()))
            .collect();
        let rule = text(&agreement.recipients).map_or_else(
            || "The sharing agreement made at the review".to_string(),
            |r| format!("The sharing agreement made at the review: {r}"),
        );
        let mut r = self.resource("Consent", "consent");
        r.extend([
            ("status", s("active")),
            (
                "scope",
                concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
            ),
            (
                "category",
                list(vec![concept(LOINC, "59284-0", "Patient Consent")]),
            ),
            ("patient", self.person(&summary.carer.participant_id)),
            ("dateTime", s(summary.finalised_at.as_str())),
            (
                "organization",
                list(vec![reference(&self.url("organization"))]),
            ),
            ("policyRule", the_text(&rule)),
            (
                "provision",
                object(vec![
                    ("type", s("permit")),
                    ("actor", list(copies)),
                    ("provision", list(restrictions)),
                ]),
            ),
        ]);
        object(r)
    }

    /// The signed file itself, so it can always be checked again.
    fn document_reference(&self, file: &[u8]) -> Value {
        let summary = self.s;
        let mut r = self.resource("DocumentReference", "document");
        r.extend([
            (
                "masterIdentifier",
                system_value(URI, &format!("urn:uuid:{}", summary.document_id)),
            ),
            (
                "identifier",
                list(vec![system_value(SHA256, &sha256_base64url(file))]),
            ),
            ("status", s("current")),
            ("docStatus", s("final")),
            (
                "type",
                the_text("Carer review summary, signed (Review Together)"),
            ),
            ("subject", self.person(&summary.carer.participant_id)),
            ("date", s(summary.signed_at.as_str())),
            (
                "author",
                list(vec![self.person(&summary.worker.participant_id)]),
            ),
            ("custodian", reference(&self.url("organization"))),
            (
                "description",
                s(&format!(
                    "The signed summary of the carer review of {}, version {}",
                    summary.carer.name.trim(),
                    summary.version
                )),
            ),
            (
                "content",
                list(vec![object(vec![
                    (
                        "attachment",
                        object(vec![
                            ("contentType", s("application/json")),
                            ("language", s(summary.language.as_str())),
                            ("data", base64(file)),
                            ("size", Value::from(file.len())),
                            ("title", s(&format!("{}.json", summary.document_id))),
                            ("creation", s(summary.signed_at.as_str())),
                        ]),
                    ),
                    (
                        "format",
                        object(vec![
                            ("system", s(FORMAT_CODE)),
                            ("code", s("review-together-summary")),
                        ]),
                    ),
                ])]),
            ),
            (
                "context",
                object(vec![(
                    "period",
                    object(vec![
                        ("start", s(summary.created_at.as_str())),
                        ("end", s(summary.finalised_at.as_str())),
                    ]),
                )]),
            ),
        ]);
        object(r)
    }

    /// Who made the file: the device signed it; each person signed off.
    fn provenance(&self) -> Value {
        let summary = self.s;
        let device = reference(&self.url("device"));
        let mut agents = vec![object(vec![
            (
                "type",
                concept(PROVENANCE_PARTICIPANT, "assembler", "Assembler"),
            ),
            ("who", device.clone()),
        ])];
        for o in &summary.sign_offs {
            let role = summary
                .participants
                .iter()
                .find(|p| p.id == o.participant)
                .map(|p| p.role.label());
            let decision = match o.decision {
                DecisionRecord::Agrees {} => "agrees",
                DecisionRecord::AgreesWithComment { .. } => "agrees, with a comment",
                DecisionRecord::Disagrees { .. } => "does not agree",
            };
            agents.push(object(vec![
                (
                    "type",
                    concept(PROVENANCE_PARTICIPANT, "attester", "Attester"),
                ),
                (
                    "role",
                    list(vec![role.map_or(Value::Null, |r| {
                        the_text(&format!("{r}: signed off and {decision}"))
                    })]),
                ),
                ("who", self.person(&o.participant)),
            ]));
        }
        let signature = summary.signature.as_deref().map_or(Value::Null, |jws| {
            list(vec![object(vec![
                (
                    "type",
                    list(vec![coding(
                        SIGNATURE_TYPE,
                        "1.2.840.10065.1.12.1.5",
                        "Verification Signature",
                    )]),
                ),
                ("when", s(summary.signed_at.as_str())),
                ("who", device),
                ("sigFormat", s("application/jose")),
                ("data", base64(jws.as_bytes())),
            ])])
        });
        let mut r = self.resource("Provenance", "provenance");
        r.extend([
            ("target", list(vec![reference(&self.url("document"))])),
            ("recorded", s(summary.signed_at.as_str())),
            ("agent", list(agents)),
            ("signature", signature),
        ]);
        object(r)
    }
}

/// A point of a criterion's scale as a coding of that scale.
fn scale_coding(c: &CriterionRecord, point: crate::criteria::types::ScalePoint) -> Value {
    coding(
        &format!("{SCALE}{}", c.scale.key()),
        point.key(),
        point.label(),
    )
}
