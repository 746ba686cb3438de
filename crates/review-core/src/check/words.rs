//! The check page's row, and its words for what is not one answer: yes or
//! no, last time's items, who gets a copy, and the numbers the records
//! match someone by.

use crate::model::Review;
use crate::setup::sharing::Visibility;
use crate::tr;

/// One row of the check page: what, the answer, and where to change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub value: String,
    /// Where to change it: a page of the review (a path under the review,
    /// e.g. `who/abc` or `services`) and what is changed there, in words.
    pub change: Option<(String, String)>,
    /// The item (`crate::sharing`) the row tells more of, if any: shown
    /// only where the item is.
    pub item: Option<String>,
    /// Shown to the worker only (the records' view), never during someone
    /// else's turn: what must not be shared names what it protects.
    pub worker_only: bool,
    /// Who may see it, when it tells of last time's action or escalation
    /// (not an item of this review): kept from whoever it was kept from.
    pub last_time: Option<crate::setup::sharing::Visibility>,
}

pub(super) fn row(key: impl Into<String>, value: impl Into<String>) -> Row {
    let value = value.into();
    Row {
        key: key.into(),
        value: if value.trim().is_empty() {
            tr!("Not given")
        } else {
            value
        },
        change: None,
        item: None,
        worker_only: false,
        last_time: None,
    }
}

/// A row of what became of one of last time's actions or escalations.
pub(super) fn followed_up(
    key: String,
    what: &str,
    answer: Option<&str>,
    kept: Option<Visibility>,
) -> Row {
    let answer = answer.map_or_else(|| tr!("Not answered yet"), str::to_string);
    Row {
        last_time: kept,
        ..row(
            key,
            tr!("{what}: {answer}", what = what.trim(), answer = answer),
        )
    }
}

pub(super) fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => tr!("Yes"),
        Some(false) => tr!("No"),
        None => tr!("Not answered"),
    }
}

/// Who gets a copy, in words; the records always keep one.
pub(super) fn copies(p: &crate::ReviewProcess) -> String {
    let mut who: Vec<String> = p
        .confidentiality
        .copies
        .iter()
        .map(|c| {
            if c.kind.is_named() && !c.name.trim().is_empty() {
                c.name.trim().to_string()
            } else {
                // "The carer" in the middle of a list: "the carer".
                let label = c.kind.label();
                crate::words::lower_first(&label)
            }
        })
        .collect();
    who.insert(0, tr!("The records"));
    who.join(", ")
}

/// The numbers the records match someone by (issue 27), in words, as the
/// summary will hold them: the worker's staff ID and the organisation's
/// ODS code; the team's references, NHS number and date of birth of the
/// carer and the person cared for. `None` when there are none.
pub(super) fn numbers_of(review: &Review, p: &crate::Participant) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if p.role == crate::Role::Worker {
        parts.extend(p.staff_id_given().map(|s| tr!("staff ID {s}", s = s)));
        if !review.ods_code.is_empty() {
            parts.push(tr!("organisation ODS code {code}", code = review.ods_code));
        }
    }
    for rule in &review.reference_rules {
        if let Some(value) = p.reference_given(&rule.id) {
            parts.push(format!("{} {value}", rule.label));
        }
    }
    parts.extend(
        p.nhs_number_given()
            .map(|n| tr!("NHS number {number}", number = n.spaced())),
    );
    parts.extend(
        p.date_of_birth_given()
            .map(|d| tr!("born {date}", date = crate::words::long_date(d))),
    );
    (!parts.is_empty()).then(|| crate::words::capitalise(&parts.join("; ")))
}
