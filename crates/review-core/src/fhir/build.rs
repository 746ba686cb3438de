//! Building the Bundle: one function per resource, each from the part of the
//! summary it says, referring to the others by their `urn:uuid:` full URLs.
//! FHIR allows no empty strings, so text that is empty is left out.
//!
//! The people and their ratings are `people.rs`; the care plan, the
//! matters and the sharing agreement `plan.rs`; the JSON values `values.rs`.

use super::codes::*;
use super::values::*;
use crate::summary::document::*;
use crate::summary::keys::sha256_base64url;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The FHIR R4 Bundle (type `collection`) of a verified records copy:
/// `file` is the signed file exactly as stored, `kid` its signing key's id.
pub fn bundle(summary: &Summary, file: &[u8], kid: &str) -> Value {
    // For records systems: English words, whatever the screens speak.
    crate::i18n::with_catalogue(None, || bundle_in_english(summary, file, kid))
}

fn bundle_in_english(summary: &Summary, file: &[u8], kid: &str) -> Value {
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

pub(super) struct Builder<'a> {
    pub(super) s: &'a Summary,
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
    pub(super) fn uuid(&self, what: &str) -> String {
        let digest = Sha256::digest(format!(
            "review-together/fhir\n{}\n{what}",
            self.s.document_id
        ));
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Uuid::new_v8(bytes).hyphenated().to_string()
    }

    pub(super) fn url(&self, what: &str) -> String {
        format!("urn:uuid:{}", self.uuid(what))
    }

    /// The start of a resource: its type and id.
    pub(super) fn resource(&self, kind: &str, what: &str) -> Vec<(&'static str, Value)> {
        vec![("resourceType", s(kind)), ("id", s(&self.uuid(what)))]
    }

    pub(super) fn person(&self, participant: &str) -> Value {
        self.people
            .get(participant)
            .map_or_else(|| display(participant), |url| reference(url))
    }

    pub(super) fn person_ref(&self, who: &PersonRef) -> Value {
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
