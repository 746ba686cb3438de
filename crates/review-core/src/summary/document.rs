//! The exported summary of a signed-off review: the document records teams
//! import, whose JSON Schema is derived from these types. Built from a
//! [`crate::model::Review`] in `from_review.rs`.
//!
//! These are the types of format 2, the format this build writes. Format 1
//! (read forever, never written) is in `v1.rs`; it shares every record type
//! here that it had in the same shape. How formats change is written down in
//! `docs/formats.md`: format 2 only ever gains optional members.
//!
//! Portable by rule: ids, enumerations and dates are strings; the only
//! numbers are small integers; no `null`; text is Unicode NFC. Every object
//! is closed (`deny_unknown_fields`), so the schema closes every object too.

pub use super::confidentiality_record::*;
pub use super::copy_record::*;
pub use super::follow_up_record::*;
pub use super::people_record::*;
pub use super::sign_off_record::*;
pub use super::strings::*;
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;

// ---- The document -----------------------------------------------------------

/// The summary of one signed-off carer review (SCDHSC0387 P17–P23), as a
/// records team receives it. Signed with Ed25519 as a detached JWS over the
/// RFC 8785 canonical form of the document without `signature`; the JWS
/// protected header holds only `alg`, `typ`, `kid` and `jwk`.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Review Together summary, format version 2")]
pub struct Summary {
    pub format: Format,
    pub format_version: FormatVersionText,
    /// This document's own id; a new one for every summary, amendments included.
    pub document_id: DocumentId,
    /// The review's id in the app that recorded it.
    pub review_id: String,
    /// 1 for the first signed version of the review, one more for each amendment.
    pub version: NonZeroU32,
    /// Set when this version amends an earlier one: which, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<AmendmentRecord>,
    /// The summary of the version this one amends (only with `amends`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousDocument>,
    /// The summary of the earlier review this one follows on from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<PreviousDocument>,
    /// When the review meeting was started.
    pub created_at: DateTimeText,
    /// When the last signature locked the review.
    pub finalised_at: DateTimeText,
    /// When the device signed this document: the device's own clock.
    pub signed_at: DateTimeText,
    /// The language the summary's text is in.
    pub language: LanguageTag,
    pub app: AppInfo,
    pub standard: StandardInfo,
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The organisation's code in the NHS Organisation Data Service, in
    /// capitals (since December 2026, issue 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Z0-9]{3,10}$"))]
    pub ods_code: Option<String>,
    /// The social care worker who ran the review.
    pub worker: PersonSummary,
    /// The carer whose review this is.
    pub carer: PersonSummary,
    /// The person the carer looks after.
    pub individual: PersonSummary,
    /// Everyone taking part, with the help they needed to take part (P18).
    pub participants: Vec<ParticipantRecord>,
    /// How the review was run, as agreed with the carer (P17).
    pub process: ProcessRecord,
    /// Who receives this summary and what stays private (P17, P23).
    pub confidentiality: ConfidentialityRecord,
    /// What the review looked at (P17), and everyone's own rating and words on it (P19).
    pub criteria: Vec<CriterionRecord>,
    /// Services, support and gaps (P20).
    pub services: ServicesRecord,
    /// Support for the individual while the carer meets their own needs (P21).
    pub cover: CoverRecord,
    /// Matters beyond the worker's scope and who takes them on (P22).
    pub escalations: EscalationsRecord,
    /// What will be done, by whom and when (P23).
    pub actions: Vec<ActionRecord>,
    /// What became of the actions and escalations of the review
    /// `continues` names (since December 2026, issue 27; absent when the
    /// review did not follow one on, or brought none of them forward).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpRecord>,
    /// What the review decided, everyone's view of it, and the next review (P23).
    pub outcome: OutcomeRecord,
    /// Everyone's sign-off, in the order they signed (P23).
    pub sign_offs: Vec<SignOffRecord>,
    /// What each advocate and interpreter confirmed at sign-off, in the
    /// order they did: they help someone else take part and do not sign as
    /// parties (since December 2026; absent when nobody was there to help,
    /// and in summaries signed before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmations: Vec<ConfirmationRecord>,
    /// The records copy only: each recipient's copy made at the same
    /// sign-off, by its id and the SHA-256 of its file (absent when the
    /// sharing agreement sends no copies, and in summaries signed before
    /// copies were made).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_copies: Vec<CopyLink>,
    /// A recipient's copy only: whose it is and what it keeps back. Such a
    /// file holds only what that recipient may see (`docs/formats.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_for: Option<CopyFor>,
    /// A detached compact JWS (RFC 7515 appendix F): `BASE64URL(header)..BASE64URL(signature)`.
    /// Absent until the summary is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]{85}[AQgw]$"))]
    pub signature: Option<String>,
}

/// Another summary, by its document id and the SHA-256 of its file.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviousDocument {
    /// Its `documentId`.
    pub id: DocumentId,
    /// SHA-256 of its file's bytes, exactly as stored.
    pub sha256: Sha256Base64Url,
}

impl Summary {
    /// The same summary, naming the summary of the version it amends.
    pub fn with_previous(mut self, previous: PreviousDocument) -> Summary {
        self.previous = Some(previous);
        self
    }

    /// The same summary, following on from an earlier review's summary
    /// (a review that carried the last one forward names it itself).
    pub fn with_continues(mut self, earlier: PreviousDocument) -> Summary {
        self.continues = Some(earlier);
        self
    }
}

impl PreviousDocument {
    /// The reference to a stored summary file: its id and the hash of its bytes.
    pub fn of_file(id: DocumentId, file_bytes: &[u8]) -> PreviousDocument {
        PreviousDocument {
            id,
            sha256: Sha256Base64Url(super::keys::sha256_base64url(file_bytes)),
        }
    }
}

/// The earlier version an amendment replaces.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmendmentRecord {
    /// The review id of the version replaced.
    pub previous_review_id: String,
    pub previous_version: NonZeroU32,
    pub reason: String,
    pub what_changed: String,
    pub amended_at: DateTimeText,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandardInfo {
    pub code: StandardCode,
    /// The criteria of the standard the review covers.
    pub criteria: Vec<String>,
}

/// How the review ran (P17).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProcessRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReviewReason>,
    /// What had changed, or why the review was happening then, in words,
    /// when it was given (since December 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why_now: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    /// The optional parts of the review proper the carer chose, in agenda order.
    pub agenda: Vec<AgendaItem>,
    pub time_boxes: Vec<TimeBox>,
    /// Whether the carer wanted time with the worker without the individual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_private_time: Option<bool>,
    /// Participant ids of those who agreed how the review runs.
    pub agreed_by: Vec<String>,
    /// How each of them showed it, when it was recorded (since December
    /// 2026; their agreement to the criteria is part of the same P17
    /// agreement). Absent when none was recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed_how: Vec<PersonAgreedHow>,
}

/// Minutes set aside for an agenda item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeBox {
    pub item: AgendaItem,
    pub minutes: u32,
}

/// Where a criterion came from.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum CriterionOrigin {
    /// From Review Together's criteria library, by its key.
    Library { key: String },
    /// Written at the meeting.
    Custom {},
}

/// A criterion agreed with the carer (P17) and how it went (P19).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriterionRecord {
    pub id: String,
    pub source: CriterionOrigin,
    pub group: CriterionGroup,
    pub wording: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<String>,
    /// Codes of the standard's criteria it serves, e.g. `P19`.
    pub serves: Vec<String>,
    pub scale: Scale,
    /// The points of its scale, best first. Ratings are points, never numbers:
    /// they are not averaged.
    pub scale_points: Vec<ScalePoint>,
    /// Participant ids of those who agreed to use it.
    pub agreed_by: Vec<String>,
    /// Everyone's own rating, in participant order.
    pub ratings: Vec<RatingRecord>,
    /// What was said about it, and who said it.
    pub evidence: Vec<EvidenceRecord>,
    /// Why it was not discussed, when it was not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_discussed: Option<String>,
}

/// How someone's view reached the meeting.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ChannelRecord {
    Directly {},
    Advocate { by: PersonRef },
    Interpreter { by: PersonRef },
    CommunicationMethod { method: CommunicationMethod },
}

/// One participant's own rating of one criterion (P19).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RatingRecord {
    pub participant: String,
    pub point: ScalePoint,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<ChannelRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<PersonRef>,
    pub text: String,
    /// Who may see it (absent in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// Services and support (P20).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServicesRecord {
    /// Whether the carer uses any services or support; absent if not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use: Option<bool>,
    pub resources: Vec<ResourceRecord>,
    /// Needs no service meets.
    pub gaps: Vec<GapRecord>,
}

/// A resource, service or facility, with its benefits, difficulties and changes (P20).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourceRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    pub name: String,
    /// How it helped the carer's health and wellbeing, point by point.
    pub benefits: Vec<RemarkRecord>,
    /// What has been difficult about it.
    pub difficulties: Vec<RemarkRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_met: Option<NeedsMet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<ResourceDecision>,
    /// What needs to change (or happen when it stops).
    pub changes: Vec<RemarkRecord>,
    /// Who may see how well it met the carer's needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_met_visibility: Option<Visibility>,
}

/// One point someone made, in their words, with an id of its own.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemarkRecord {
    pub id: String,
    pub text: String,
    pub said_by: SpeakerRecord,
    /// Who may see it (absent in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// Who made a point: a participant, someone named, a removed participant,
/// everyone at the meeting, or not recorded (never guessed).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum SpeakerRecord {
    Participant { id: String },
    Named { name: String },
    Removed { name: String },
    Everyone {},
    NotRecorded {},
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GapRecord {
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noticed_by: Option<PersonRef>,
    /// Who may see it (absent in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// Support for the individual while the carer has time for themselves (P21).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverRecord {
    /// Whether the individual's support must change; absent if not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<bool>,
    pub arrangements: Vec<CoverArrangementRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverArrangementRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makes_room_for: Option<CarerNeed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makes_room_for_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CoverKind>,
    /// When and how often, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    pub risks: Vec<CoverRiskRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverRiskRecord {
    pub id: String,
    pub risk: String,
    pub management: String,
    /// Who may see it (absent in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// Whether and how the individual agreed to an arrangement made for them.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(
    tag = "status",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum AgreementRecord {
    Agreed {
        /// How they showed it (since December 2026; absent if not recorded).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        how: Option<crate::agreement::types::HowAgreed>,
    },
    /// Before December 2026 only (now `agreed` with `how`).
    AgreedThroughAdvocate {
        by: PersonRef,
    },
    NotAgreed {
        what_happens_next: String,
    },
    NotAskedYet {},
}

/// Matters beyond the worker's scope (P22).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationsRecord {
    /// Whether anything needed someone else's help; absent if not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<bool>,
    pub matters: Vec<EscalationRecord>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationRecord {
    pub id: String,
    pub matter: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why_beyond_scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<EscalationRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_whom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentRecord>,
    pub status: EscalationStatus,
    /// Who may see it (absent in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// Whether information about the matter may be shared.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "answer", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ConsentRecord {
    Yes {},
    No {},
    /// Shared without consent because of a risk of harm.
    NotNeededBecauseOfRisk {
        reason: String,
    },
}

/// Something someone will do after the review (P23).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionRecord {
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateText>,
    /// The id of the criterion it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// Who may see it (absent in reviews from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
}

/// The outcome of the review (P23).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutcomeRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<OutcomeDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_view_through: Option<ChannelRecord>,
    /// Other views and any disagreements, in the words of those who hold them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_views: Option<String>,
    /// Whose the other views are (absent when nobody was recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_views_said_by: Option<SpeakerRecord>,
    pub next_review: DateText,
    /// True when the meeting chose the date; false when it is the default
    /// (12 months on, or 8 weeks when the plan changes).
    pub next_review_chosen: bool,
    /// Who may see each of the reasons and views above (absent in reviews
    /// from before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale_visibility: Option<Visibility>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_view_visibility: Option<Visibility>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_view_visibility: Option<Visibility>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_views_visibility: Option<Visibility>,
}
