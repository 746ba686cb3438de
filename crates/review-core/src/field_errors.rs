//! What a check finds: a [`FieldError`] (the field it links to, the words
//! the error summary shows, whether it needs attention), and the checks
//! every part makes of a person named, an owner, and a due date.

use crate::base::Person;
use crate::criteria::types::Criterion;
use crate::review::Review;
use crate::text::is_blank;
use crate::tr;
use crate::words::long_date;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the field (or control) the message links to.
    pub field: String,
    pub message: String,
    /// True when something already entered is now in conflict or was left
    /// unresolved, rather than simply not filled in yet.
    pub attention: bool,
}

impl FieldError {
    pub(crate) fn missing(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            attention: false,
        }
    }
    pub(crate) fn attention(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            attention: true,
        }
    }
}

/// The check nearly every question makes, pushed in the order the page
/// asks: a plain "missing" error when the answer is not there yet.
pub(crate) trait Missing {
    fn missing_if(&mut self, missing: bool, field: impl Into<String>, message: impl Into<String>);
}

impl Missing for Vec<FieldError> {
    fn missing_if(&mut self, missing: bool, field: impl Into<String>, message: impl Into<String>) {
        if missing {
            self.push(FieldError::missing(field, message));
        }
    }
}

/// A list part's errors: its yes/no question ("unanswered", or "yes" with
/// nothing added yet), then each entry's own, in page order.
pub(crate) fn list_part_errors<T>(
    answer: Option<bool>,
    entries: &[T],
    unanswered: FieldError,
    none_added: FieldError,
    entry: impl Fn(&T) -> Vec<FieldError>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match answer {
        None => errors.push(unanswered),
        Some(true) if entries.is_empty() => errors.push(none_added),
        _ => {}
    }
    errors.extend(entries.iter().flat_map(entry));
    errors
}

/// A criterion's wording in curly quotes, as part 1's messages show it.
pub(crate) fn quoted(c: &Criterion) -> String {
    tr!("“{text}”", text = crate::i18n::seed(c.wording.trim()))
}

/// The error, if any, of someone the record must name: `field` for the
/// choice of person, `field-name` for a name typed in.
pub(crate) fn person_error(
    person: Option<&Person>,
    field: String,
    select: &str,
    enter_name: &str,
) -> Option<FieldError> {
    match person {
        None => Some(FieldError::missing(field, select)),
        Some(Person::Named { name }) if is_blank(name) => {
            Some(FieldError::missing(format!("{field}-name"), enter_name))
        }
        _ => None,
    }
}

/// Like [`person_error`], for someone who takes something on: a removed
/// participant cannot be held to it, so that needs attention.
pub(crate) fn owner_error(
    owner: Option<&Person>,
    field: String,
    select: &str,
    enter_name: &str,
) -> Option<FieldError> {
    match owner {
        Some(Person::Removed { name }) => Some(FieldError::attention(
            field,
            tr!(
                "{select}: {name} is no longer part of this review",
                select = select,
                name = name.trim()
            ),
        )),
        _ => person_error(owner, field, select, enter_name),
    }
}

/// A due date must not be before the day of the review.
pub(crate) fn due_error(
    review: &Review,
    due: Option<NaiveDate>,
    field: String,
    missing: &str,
    too_early: &str,
) -> Option<FieldError> {
    match due {
        None => Some(FieldError::missing(field, missing)),
        Some(d) if d < review.date() => Some(FieldError::attention(
            field,
            format!("{too_early}, {}", long_date(review.date())),
        )),
        Some(_) => None,
    }
}
