//! The recipients' copies of a summary (P23): from the records copy (every
//! item), one copy for each recipient the sharing agreement names, holding
//! only the items that recipient may see and a count of the items it keeps
//! back, never what they are.
//!
//! A copy is made from the records document alone ([`copy_for`]), so anyone
//! holding both files can make it again and compare ([`check_copy`]): a
//! copy that holds anything more, or anything other, than its recipient may
//! see does not match. What a copy leaves out:
//! - every item (a note, a point, a gap, a risk, a matter, an action, a
//!   reason or a view, how well a service met the carer's needs) whose
//!   visibility does not allow the recipient, and every item with no
//!   visibility at all (nothing was decided for it, so nothing is shared);
//! - what someone said as they signed, when the recipient may not see it:
//!   the sign-off stays (who signed, how, and whether they agreed) and its
//!   comment or reason is empty, its `visibility` saying why, and the
//!   points they did not agree with are left out; a point is left out too
//!   when what it is about is not in the copy (a matter or an action it
//!   does not hold, another provider's service);
//! - what must not be shared (the agreement's restrictions): the records
//!   only, as the check page shows them to the worker only;
//! - for a provider: every service but the ones listed under its name, and
//!   every action but the ones it owns (its own feedback and its own work);
//! - of the follow-up of the last review, what the recipient could not see
//!   then (the same rules, with last time's visibility).
//!
//! The records copy is signed last and names each copy by its id and the
//! SHA-256 of its file; a copy names the records copy by its id only (a
//! hash each way could not be made).

use super::document::*;
use super::errors::{ErrorCode, Verification, VerifyError};
use crate::setup::sharing::{RecipientKind, Visibility};
use crate::text::same_name;
use crate::tr;
use sha2::{Digest, Sha256};

/// The document id of `recipient`'s copy of the records copy `records`:
/// made from both, so it is the same every time the copy is made (a UUID,
/// version 8, from the first 16 bytes of a SHA-256).
pub fn copy_document_id(records: &DocumentId, recipient: &str) -> DocumentId {
    let digest = Sha256::digest(format!("review-together/copy\n{records}\n{recipient}"));
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    DocumentId(uuid::Uuid::new_v8(bytes).hyphenated().to_string())
}

/// The copy of `records` for `recipient` (one of its
/// `confidentiality.copies`). `records` is the records copy as signed,
/// without its signature and links (those are left out here either way).
pub fn copy_for(records: &Summary, recipient: &CopyRecord) -> Summary {
    // A signed copy's words are the records copy's: English (issue 30).
    crate::i18n::with_catalogue(None, || copy_in_english(records, recipient))
}

fn copy_in_english(records: &Summary, recipient: &CopyRecord) -> Summary {
    let mut copy = records.clone();
    copy.signature = None;
    copy.recipient_copies.clear();
    copy.document_id = copy_document_id(&records.document_id, &recipient.id);
    let mut filter = Filter {
        kind: recipient.kind,
        provider: (recipient.kind == RecipientKind::Provider)
            .then(|| recipient.name.as_deref().map(same_name).unwrap_or_default()),
        kept_back: 0,
    };
    filter.apply(&mut copy);
    copy.copy_for = Some(CopyFor {
        recipient: recipient.clone(),
        records_copy: records.document_id.clone(),
        kept_back: filter.kept_back,
    });
    copy
}

/// Every copy the records copy's agreement sends, in its order.
pub fn copies_of(records: &Summary) -> Vec<Summary> {
    records
        .confidentiality
        .copies
        .iter()
        .map(|r| copy_for(records, r))
        .collect()
}

/// Why a file is not the copy it says it is of a records copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyMismatch {
    /// The file does not say it is a recipient's copy.
    NotACopy,
    /// It says it was made from another records copy.
    OtherRecords,
    /// Its recipient is not one the records copy's agreement sends a copy to.
    UnknownRecipient(String),
    /// It holds something other than its recipient's copy: the places that
    /// differ, as JSON Pointers (at most [`super::MAX_DIFFERENCES`]).
    Differs(Vec<String>),
}

impl std::fmt::Display for CopyMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CopyMismatch::NotACopy => f.write_str(&tr!("it is not a recipient's copy")),
            CopyMismatch::OtherRecords => {
                f.write_str(&tr!("it was made from another summary's records copy"))
            }
            CopyMismatch::UnknownRecipient(id) => f.write_str(&tr!("its recipient ({id}) is not one the sharing agreement sends a copy to", id = id)),
            CopyMismatch::Differs(places) => write!(
                f,
                "it does not hold what its recipient may see of the records copy (it differs at {})",
                places.join(", ")
            ),
        }
    }
}

/// Whether `copy` is exactly the copy [`copy_for`] makes of `records` for
/// the recipient it names (signatures and links left out of both).
pub fn check_copy(records: &Summary, copy: &Summary) -> Result<(), CopyMismatch> {
    let of = copy.copy_for.as_ref().ok_or(CopyMismatch::NotACopy)?;
    if of.records_copy != records.document_id || records.copy_for.is_some() {
        return Err(CopyMismatch::OtherRecords);
    }
    let recipient = records
        .confidentiality
        .copies
        .iter()
        .find(|r| r.id == of.recipient.id)
        .ok_or_else(|| CopyMismatch::UnknownRecipient(of.recipient.id.clone()))?;
    let expected = copy_for(records, recipient);
    let mut given = copy.clone();
    given.signature = None;
    let (a, b) = (
        serde_json::to_value(&expected).unwrap_or_default(),
        serde_json::to_value(&given).unwrap_or_default(),
    );
    let places = super::matching::differing_places(&a, &b);
    if places.is_empty() {
        Ok(())
    } else {
        Err(CopyMismatch::Differs(places))
    }
}

/// A recipient's copy checked beside the records copy it names (both
/// verified already): `None` when the records copy names it by its id and
/// the SHA-256 of its file, the same key signed both, and it holds exactly
/// what its recipient may see; else why not, as a [`ErrorCode::CopyMismatch`].
/// `None` too when either is not intact, or `copy` is not a copy of
/// `records` (their own checks say so).
pub fn copy_against_records(records: &Verification, copy: &Verification) -> Option<VerifyError> {
    let (Some(r), Some(c)) = (&records.summary, &copy.summary) else {
        return None;
    };
    let of = c.copy_for.as_ref()?;
    if !records.is_intact() || !copy.is_intact() || of.records_copy != r.document_id {
        return None;
    }
    let mismatch = |why: String| {
        Some(VerifyError::new(
            ErrorCode::CopyMismatch,
            tr!(
                "This is not the copy its summary ({document_id}) names: {why}.",
                document_id = r.document_id,
                why = why
            ),
        ))
    };
    if records.kid != copy.kid {
        return mismatch(tr!("it was signed by another key"));
    }
    let named = r
        .recipient_copies
        .iter()
        .any(|l| l.document_id == c.document_id && l.sha256.as_str() == copy.sha256);
    if !named {
        return mismatch(tr!("the summary does not name this file"));
    }
    check_copy(r, c).err().and_then(|e| mismatch(e.to_string()))
}

struct Filter {
    kind: RecipientKind,
    /// A provider's name, as [`same_name`] gives it.
    provider: Option<String>,
    kept_back: u32,
}

impl Filter {
    fn allows(&self, visibility: Option<Visibility>) -> bool {
        visibility.is_some_and(|v| v.allows(self.kind))
    }

    /// Keep the items of `list` the recipient may see (and, for a
    /// provider, that are its own); count the rest.
    fn keep<T>(&mut self, list: &mut Vec<T>, keep: impl Fn(&Self, &T) -> bool) {
        let before = list.len();
        list.retain(|item| keep(self, item));
        self.kept_back += (before - list.len()) as u32;
    }

    /// Leave out one optional text the recipient may not see.
    fn text(&mut self, text: &mut Option<String>, visibility: &mut Option<Visibility>) -> bool {
        if text.is_some() && !self.allows(*visibility) {
            *text = None;
            *visibility = None;
            self.kept_back += 1;
            return false;
        }
        true
    }

    fn is_providers(&self, name: &str) -> bool {
        self.provider
            .as_ref()
            .is_none_or(|p| !p.is_empty() && *p == same_name(name))
    }

    fn apply(&mut self, copy: &mut Summary) {
        copy.confidentiality.restrictions.clear();
        for c in &mut copy.criteria {
            self.keep(&mut c.evidence, |f, e| f.allows(e.visibility));
        }
        let resources = &mut copy.services.resources;
        let theirs = |f: &Self, r: &ResourceRecord| f.is_providers(&r.name);
        // Another provider's service: all of it stays out, its items counted.
        let others: usize = resources
            .iter()
            .filter(|r| !theirs(self, r))
            .map(|r| {
                let said = r.benefits.len() + r.difficulties.len() + r.changes.len();
                said + usize::from(r.needs_met.is_some())
            })
            .sum();
        self.kept_back += others as u32;
        resources.retain(|r| theirs(self, r));
        for r in resources.iter_mut() {
            for list in [&mut r.benefits, &mut r.difficulties, &mut r.changes] {
                self.keep(list, |f, p| f.allows(p.visibility));
            }
            if r.needs_met.is_some() && !self.allows(r.needs_met_visibility) {
                r.needs_met = None;
                r.needs_met_visibility = None;
                self.kept_back += 1;
            }
        }
        self.keep(&mut copy.services.gaps, |f, g| f.allows(g.visibility));
        for a in &mut copy.cover.arrangements {
            self.keep(&mut a.risks, |f, r| f.allows(r.visibility));
        }
        self.keep(&mut copy.escalations.matters, |f, m| f.allows(m.visibility));
        self.keep(&mut copy.actions, |f, a| {
            f.allows(a.visibility)
                && (f.provider.is_none()
                    || matches!(&a.owner, Some(PersonRef::Named { name }) if f.is_providers(name)))
        });
        if let Some(follow_up) = &mut copy.follow_up {
            self.keep(&mut follow_up.actions, |f, a| {
                f.allows(a.visibility)
                    && (f.provider.is_none()
                        || matches!(&a.owner, Some(PersonRef::Named { name }) if f.is_providers(name)))
            });
            self.keep(&mut follow_up.escalations, |f, e| f.allows(e.visibility));
        }
        if copy
            .follow_up
            .as_ref()
            .is_some_and(|f| f.actions.is_empty() && f.escalations.is_empty())
        {
            copy.follow_up = None;
        }
        let o = &mut copy.outcome;
        self.text(&mut o.rationale, &mut o.rationale_visibility);
        self.text(&mut o.carer_view, &mut o.carer_view_visibility);
        if !self.text(&mut o.individual_view, &mut o.individual_view_visibility) {
            o.individual_view_through = None;
        }
        if !self.text(&mut o.other_views, &mut o.other_views_visibility) {
            o.other_views_said_by = None;
        }
        // Items the copy still holds, which a point someone did not agree
        // with may name (the check page's rows name matters and actions).
        let held: std::collections::HashSet<String> = copy
            .escalations
            .matters
            .iter()
            .map(|m| m.id.clone())
            .chain(copy.actions.iter().map(|a| a.id.clone()))
            .collect();
        for s in &mut copy.sign_offs {
            let no_points = &mut Vec::new();
            let (words, visibility, points) = match &mut s.decision {
                DecisionRecord::Agrees {} => continue,
                DecisionRecord::AgreesWithComment {
                    comment,
                    visibility,
                } => (comment, *visibility, no_points),
                DecisionRecord::Disagrees {
                    reason,
                    visibility,
                    points,
                } => (reason, *visibility, points),
            };
            // Their words and the points they did not agree with are one
            // item, kept back together.
            if !self.allows(visibility) {
                if !words.is_empty() || !points.is_empty() {
                    self.kept_back += 1;
                }
                words.clear();
                points.clear();
                continue;
            }
            // A point whose row is about something the copy does not hold
            // goes too (that thing is counted where it is left out).
            points.retain(|p| match &p.item {
                Some(item) => held.contains(item),
                None => p.part != crate::part::Part::Services || self.is_providers(&p.about),
            });
        }
    }
}
