//! The code systems and identifier systems the Bundle uses, and our code
//! lists mapped onto FHIR's, one to one (so each maps back).
//!
//! Systems of FHIR, HL7 terminology, LOINC and NHS England are used where
//! one exists; the rest are local names under `urn:review-together:`, which
//! `docs/records-mapping.md` lists (they name our own code lists and ids and
//! resolve nowhere).

use crate::escalations::types::{EscalationStatus, Urgency};

/// An identifier whose value is a URI (here `urn:uuid:…`).
pub const URI: &str = "urn:ietf:rfc:3986";
/// NHS number (NHS England).
pub const NHS_NUMBER: &str = "https://fhir.nhs.uk/Id/nhs-number";
/// Organisation Data Service code (NHS England).
pub const ODS_CODE: &str = "https://fhir.nhs.uk/Id/ods-organization-code";
/// A participant's id within the review.
pub const PARTICIPANT: &str = "urn:review-together:participant-id";
/// The worker's staff ID in their organisation.
pub const STAFF_ID: &str = "urn:review-together:staff-id";
/// One of the team's references for a person: this prefix, then the id of
/// the team's rule ("case-ref").
pub const TEAM_REFERENCE: &str = "urn:review-together:reference:";
/// A matter escalated (P22), by its id in the summary.
pub const ESCALATION: &str = "urn:review-together:escalation-id";
/// Where a matter goes: our routes.
pub const ROUTE: &str = "urn:review-together:escalation-route";
/// The SHA-256 of the signed file, base64url, as the CLI prints it.
pub const SHA256: &str = "urn:review-together:sha256";
/// The signing key's id: its RFC 7638 JWK thumbprint.
pub const KEY_THUMBPRINT: &str = "urn:ietf:rfc:7638";
/// The criteria of the National Occupational Standard the review serves.
pub const STANDARD: &str = "urn:review-together:standard:SCDHSC0387";
/// A rating scale's points: this prefix, then the scale's key.
pub const SCALE: &str = "urn:review-together:scale:";
/// What a cover arrangement is.
pub const COVER_KIND: &str = "urn:review-together:cover-kind";
/// The summary's own id of a care plan activity (an action or a cover
/// arrangement), kept in an extension: an activity has no identifier.
pub const ITEM_ID: &str = "urn:review-together:fhir:item-id";
/// The signed file's format, on the DocumentReference (the file says which
/// version of it it is).
pub const FORMAT_CODE: &str = "urn:review-together:format";

pub const PROVENANCE_PARTICIPANT: &str =
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
pub const PARTICIPATION_TYPE: &str = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
pub const ROLE_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
pub const CONSENT_SCOPE: &str = "http://terminology.hl7.org/CodeSystem/consentscope";
pub const LOINC: &str = "http://loinc.org";
/// ASTM E1762 signature types, as FHIR's Signature.type uses them.
pub const SIGNATURE_TYPE: &str = "urn:iso-astm:E1762-95:2013";

/// A matter's status as a Task's (FHIR `task-status`): to do is `ready`
/// (nothing done yet), referred is `requested` (sent, waiting for the other
/// service), acknowledged is `accepted`, done is `completed`.
pub fn task_status(status: EscalationStatus) -> &'static str {
    match status {
        EscalationStatus::ToDo => "ready",
        EscalationStatus::Referred => "requested",
        EscalationStatus::Acknowledged => "accepted",
        EscalationStatus::Done => "completed",
    }
}

/// [`task_status`] back.
pub fn escalation_status(code: &str) -> Option<EscalationStatus> {
    EscalationStatus::ALL
        .iter()
        .copied()
        .find(|s| task_status(*s) == code)
}

/// How soon, as a request's priority (FHIR `request-priority`).
pub fn priority(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Immediate => "stat",
        Urgency::Within24Hours => "asap",
        Urgency::WithinAWeek => "urgent",
        Urgency::Routine => "routine",
    }
}

/// [`priority`] back.
pub fn urgency(code: &str) -> Option<Urgency> {
    Urgency::ALL.iter().copied().find(|u| priority(*u) == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_and_urgency_maps_to_its_own_code_and_back() {
        for s in EscalationStatus::ALL {
            assert_eq!(escalation_status(task_status(*s)), Some(*s));
        }
        for u in Urgency::ALL {
            assert_eq!(urgency(priority(*u)), Some(*u));
        }
    }
}
