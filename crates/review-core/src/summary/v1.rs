//! Format 1 of the summary, frozen: read and verified forever, never written.
//!
//! Only the types whose shape changed in format 2 are here; every other
//! record type is shared with format 2 (`document.rs`). Its JSON Schema is
//! the frozen `public/schema/summary-v1.json` (its SHA-256 is pinned by a
//! test), which the records teams' CLI validates format 1 files against.
//! [`Summary::upgrade`] reads a format 1 summary as format 2 says it, so
//! everything after verification (the app's checker, exports) handles one
//! shape.

use super::document::{self as v2, *};
use crate::model::{ResourceKind, ResourceList};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;

/// A format 1 summary. Its signing time and document id sit in the JWS
/// protected header, not here; `previous` named either the earlier review
/// it continued or the version it amended.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Review Together summary, format version 1")]
pub struct Summary {
    pub format: Format,
    pub format_version: FormatVersion1Text,
    pub document_id: DocumentId,
    pub review_id: String,
    pub version: NonZeroU32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<AmendmentRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousDocument>,
    pub created_at: DateTimeText,
    pub finalised_at: DateTimeText,
    pub language: LanguageTag,
    pub app: AppInfo,
    pub standard: StandardInfo,
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    pub worker: PersonSummary,
    pub carer: PersonSummary,
    pub individual: PersonSummary,
    pub participants: Vec<ParticipantRecord>,
    pub process: ProcessRecord,
    pub confidentiality: ConfidentialityRecord,
    pub criteria: Vec<CriterionRecord>,
    pub services: ServicesRecord,
    pub cover: CoverRecord,
    pub escalations: EscalationsRecord,
    pub actions: Vec<ActionRecord>,
    pub outcome: OutcomeRecord,
    pub sign_offs: Vec<SignOffRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

/// Services and support (P20), format 1.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServicesRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use: Option<bool>,
    pub resources: Vec<ResourceRecord>,
    pub gaps: Vec<GapRecord>,
}

/// A resource in format 1: benefits, difficulties and changes were one
/// text each.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourceRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefits: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulties: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_met: Option<crate::model::NeedsMet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<crate::model::ResourceDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<String>,
}

/// One text of format 1 as the list of points format 2 holds: the same
/// rule (and ids) as drafts migrated from version 1.
fn remarks(owner: &str, list: ResourceList, text: Option<String>) -> Vec<RemarkRecord> {
    crate::model::migrated_remark(owner, list, text.as_deref().unwrap_or_default())
        .map(|r| RemarkRecord {
            id: r.id,
            text: r.text,
            said_by: SpeakerRecord::NotRecorded {},
            visibility: None,
        })
        .into_iter()
        .collect()
}

impl Summary {
    /// What this summary says, in format 2's shape: `signed_at` is the time
    /// its JWS header claimed, and `previous` goes to `previous` when it
    /// amends a version, else to `continues`. The words are unchanged.
    pub fn upgrade(self, signed_at: DateTimeText) -> v2::Summary {
        let (previous, continues) = if self.amends.is_some() {
            (self.previous, None)
        } else {
            (None, self.previous)
        };
        v2::Summary {
            format: Format,
            format_version: FormatVersionText,
            document_id: self.document_id,
            review_id: self.review_id,
            version: self.version,
            amends: self.amends,
            previous,
            continues,
            created_at: self.created_at,
            finalised_at: self.finalised_at,
            signed_at,
            language: self.language,
            app: self.app,
            standard: self.standard,
            organisation: self.organisation,
            team: self.team,
            ods_code: None,
            worker: self.worker,
            carer: self.carer,
            individual: self.individual,
            participants: self.participants,
            process: self.process,
            confidentiality: self.confidentiality,
            criteria: self.criteria,
            services: v2::ServicesRecord {
                in_use: self.services.in_use,
                resources: self
                    .services
                    .resources
                    .into_iter()
                    .map(|r| v2::ResourceRecord {
                        benefits: remarks(&r.id, ResourceList::Benefits, r.benefits),
                        difficulties: remarks(&r.id, ResourceList::Difficulties, r.difficulties),
                        changes: remarks(&r.id, ResourceList::Changes, r.changes),
                        id: r.id,
                        kind: r.kind,
                        name: r.name,
                        needs_met: r.needs_met,
                        needs_met_visibility: None,
                        decision: r.decision,
                    })
                    .collect(),
                gaps: self.services.gaps,
            },
            cover: self.cover,
            escalations: self.escalations,
            actions: self.actions,
            outcome: self.outcome,
            sign_offs: self.sign_offs,
            confirmations: Vec::new(),
            recipient_copies: Vec::new(),
            copy_for: None,
            follow_up: None,
            signature: self.signature,
        }
    }
}
