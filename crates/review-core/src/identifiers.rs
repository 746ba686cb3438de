//! The numbers a records system matches a summary by (issue 27): a person's
//! NHS number with its modulus 11 check digit, an organisation's ODS code,
//! and a date of birth. Each check takes text as it was typed (spaces and
//! all) and says, in words, what is wrong with it; nothing is stored in a
//! form other than the one typed until it is written into a summary. The
//! team's own references ([`IdentifierRule`]) are checked by their shape.

use crate::tr;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One identifier the team's records use, as the team's configuration
/// names and shapes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IdentifierRule {
    /// A short, stable name for it: lower-case letters, digits and "-".
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// What it is called on screen ("Case reference").
    #[schemars(length(min = 1))]
    pub label: String,
    /// Its shape: "A" a letter, "9" a digit, "*" a letter or digit, any other
    /// character itself ("AB-999999").
    #[schemars(length(min = 1, max = 64))]
    pub format: String,
    /// Whether every review must record it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Where to find it ("On the front of the case file").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl IdentifierRule {
    /// The rule's shape in words, for a message: "AB-999999, where A is a
    /// letter and 9 a digit" (naming only the marks it uses).
    pub fn shape_in_words(&self) -> String {
        let mut marks = [
            ('A', "a letter"),
            ('9', "a digit"),
            ('*', "a letter or digit"),
        ]
        .into_iter()
        .filter(|(m, _)| self.format.contains(*m))
        .enumerate()
        // "A is a letter, 9 a digit and * a letter or digit".
        .map(|(i, (m, what))| {
            if i == 0 {
                format!("{m} is {what}")
            } else {
                format!("{m} {what}")
            }
        })
        .collect::<Vec<_>>();
        let Some(last) = marks.pop() else {
            return self.format.clone();
        };
        if marks.is_empty() {
            format!("{}, where {last}", self.format)
        } else {
            format!("{}, where {} and {last}", self.format, marks.join(", "))
        }
    }

    /// Whether a value has the rule's shape (letters in either case).
    pub fn accepts(&self, value: &str) -> bool {
        let mut pattern = self.format.chars();
        let mut given = value.chars();
        loop {
            match (pattern.next(), given.next()) {
                (None, None) => return true,
                (Some('A'), Some(c)) if c.is_ascii_alphabetic() => {}
                (Some('9'), Some(c)) if c.is_ascii_digit() => {}
                (Some('*'), Some(c)) if c.is_ascii_alphanumeric() => {}
                (Some(p), Some(c)) if !matches!(p, 'A' | '9' | '*') && p == c => {}
                _ => return false,
            }
        }
    }
}

/// A checked NHS number: ten digits whose last is the modulus 11 check
/// digit of the first nine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NhsNumber(String);

/// Why some text is not an NHS number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NhsNumberError {
    /// Something other than digits and spaces.
    NotDigits,
    /// Not ten digits: how many there are.
    Length(usize),
    /// Ten digits, but the last is not the check digit of the first nine
    /// (a digit mistyped or two swapped), or no digit can be (the first
    /// nine give a check value of 10, which no NHS number has).
    CheckDigit,
}

impl fmt::Display for NhsNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NhsNumberError::NotDigits => f.write_str(&tr!("can only have digits and spaces")),
            NhsNumberError::Length(n) => f.write_str(&tr!("must have 10 digits; this has {n}", n = n)),
            NhsNumberError::CheckDigit => f.write_str(&tr!("is not a valid NHS number: a digit may be wrong or two swapped, so check it against a letter from the NHS")),
        }
    }
}

impl NhsNumber {
    /// Checks typed text: digits, with spaces anywhere (as it is often
    /// written, "943 476 5919").
    pub fn parse(text: &str) -> Result<NhsNumber, NhsNumberError> {
        let mut digits = String::with_capacity(10);
        for c in text.chars() {
            match c {
                '0'..='9' => digits.push(c),
                c if c.is_whitespace() => {}
                _ => return Err(NhsNumberError::NotDigits),
            }
        }
        if digits.len() != 10 {
            return Err(NhsNumberError::Length(digits.len()));
        }
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        match check_digit(&d[..9]) {
            Some(check) if check == d[9] => Ok(NhsNumber(digits)),
            _ => Err(NhsNumberError::CheckDigit),
        }
    }

    /// The ten digits, without spaces: as a summary holds it.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// As people write it: "943 476 5919".
    pub fn spaced(&self) -> String {
        format!("{} {} {}", &self.0[..3], &self.0[3..6], &self.0[6..])
    }
}

/// The modulus 11 check digit of an NHS number's first nine digits: each
/// weighted 10 down to 2, summed; 11 less the remainder by 11, where 11 is
/// written 0 and 10 means no valid number has these nine digits.
fn check_digit(first_nine: &[u32]) -> Option<u32> {
    let sum: u32 = first_nine
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| d * w)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        check => Some(check),
    }
}

/// Why some text is not an ODS code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OdsCodeError {
    /// Something other than letters and digits.
    NotLettersOrDigits,
    /// Shorter than 3 or longer than 10 characters: how many there are.
    Length(usize),
}

impl fmt::Display for OdsCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OdsCodeError::NotLettersOrDigits => f.write_str(&tr!(
                "can only have letters and digits, for example RX1 or A81001"
            )),
            OdsCodeError::Length(n) => f.write_str(&tr!(
                "must have 3 to 10 letters and digits; this has {n}",
                n = n
            )),
        }
    }
}

/// An organisation's code in the NHS Organisation Data Service, as records
/// systems write it: letters and digits, 3 to 10 of them, in capitals
/// ("RX1", "A81001", "8HN21"). Spaces around it are dropped.
pub fn ods_code(text: &str) -> Result<String, OdsCodeError> {
    let code = text.trim();
    if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(OdsCodeError::NotLettersOrDigits);
    }
    let n = code.chars().count();
    if !(3..=10).contains(&n) {
        return Err(OdsCodeError::Length(n));
    }
    Ok(code.to_ascii_uppercase())
}

/// Why some text is not a date of birth for this review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDateError {
    /// Not a date written YYYY-MM-DD (as a date field gives it).
    NotADate,
    /// After the day of the review.
    AfterTheReview,
    /// So long before it that they would be older than the oldest age
    /// the review records (which it holds).
    TooLongAgo(u8),
}

impl fmt::Display for BirthDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BirthDateError::NotADate => {
                f.write_str(&tr!("must be a real date, for example 27 3 1958"))
            }
            BirthDateError::AfterTheReview => {
                f.write_str(&tr!("must be on or before the day of the review"))
            }
            BirthDateError::TooLongAgo(oldest) => f.write_str(&tr!(
                "must give an age from 0 to {oldest} on the day of the review",
                oldest = oldest
            )),
        }
    }
}

/// Checks a date of birth written YYYY-MM-DD against the day of the review
/// and the oldest age the review records.
pub fn date_of_birth(
    text: &str,
    review_day: NaiveDate,
    oldest: u8,
) -> Result<NaiveDate, BirthDateError> {
    let born =
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| BirthDateError::NotADate)?;
    if born > review_day {
        return Err(BirthDateError::AfterTheReview);
    }
    if age_on(born, review_day) > u32::from(oldest) {
        return Err(BirthDateError::TooLongAgo(oldest));
    }
    Ok(born)
}

/// Whole years from `born` to `day` (someone born on 29 February is a year
/// older on 1 March in a year without one).
pub fn age_on(born: NaiveDate, day: NaiveDate) -> u32 {
    let years = day.year() - born.year();
    let before_birthday = (day.month(), day.day()) < (born.month(), born.day());
    u32::try_from(years - i32::from(before_birthday)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn nhs_numbers_are_checked_by_their_last_digit() {
        // Valid numbers from NHS Digital's published examples and our own
        // sums: 943 476 5919 (sum 299, check 11 - 2 = 9); 401 023 2137
        // (sum 92, check 11 - 4 = 7); 000 000 0000 (check 11, written 0).
        for (typed, digits) in [
            ("9434765919", "9434765919"),
            ("943 476 5919", "9434765919"),
            (" 943  476 5919 ", "9434765919"),
            ("4010232137", "4010232137"),
            ("0000000000", "0000000000"),
        ] {
            let n = NhsNumber::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(n.digits(), digits);
        }
        assert_eq!(
            NhsNumber::parse("9434765919").unwrap().spaced(),
            "943 476 5919"
        );
        let cases = [
            ("9434765918", NhsNumberError::CheckDigit),
            // Two digits swapped.
            ("9434765991", NhsNumberError::CheckDigit),
            // The first nine give a check value of 10: no number has them.
            ("1000000010", NhsNumberError::CheckDigit),
            ("943476591", NhsNumberError::Length(9)),
            ("94347659190", NhsNumberError::Length(11)),
            ("", NhsNumberError::Length(0)),
            ("943-476-5919", NhsNumberError::NotDigits),
            ("943 476 591O", NhsNumberError::NotDigits),
        ];
        for (typed, why) in cases {
            assert_eq!(NhsNumber::parse(typed), Err(why), "{typed}");
        }
    }

    #[test]
    fn a_check_value_of_ten_has_no_valid_number() {
        // 1×10 + 1×2 = 12, remainder 1 by 11: the check value is 10.
        let nine = [1, 0, 0, 0, 0, 0, 0, 0, 1];
        assert_eq!(check_digit(&nine), None);
        for last in 0..=9 {
            assert_eq!(
                NhsNumber::parse(&format!("100000001{last}")),
                Err(NhsNumberError::CheckDigit)
            );
        }
    }

    #[test]
    fn a_rules_shape_is_said_in_words_naming_only_its_marks() {
        let rule = |format: &str| IdentifierRule {
            id: "r".into(),
            label: "R".into(),
            format: format.into(),
            required: false,
            hint: None,
        };
        assert_eq!(
            rule("CR-999999").shape_in_words(),
            "CR-999999, where 9 is a digit"
        );
        assert_eq!(
            rule("AA-999999").shape_in_words(),
            "AA-999999, where A is a letter and 9 a digit"
        );
        assert_eq!(
            rule("A9*").shape_in_words(),
            "A9*, where A is a letter, 9 a digit and * a letter or digit"
        );
        assert_eq!(rule("XYZ").shape_in_words(), "XYZ");
        assert!(rule("CR-999999").accepts("CR-004512"));
        assert!(!rule("CR-999999").accepts("CR-04512"));
    }

    #[test]
    fn ods_codes_are_letters_and_digits_in_capitals() {
        assert_eq!(ods_code(" rx1 ").as_deref(), Ok("RX1"));
        assert_eq!(ods_code("A81001").as_deref(), Ok("A81001"));
        assert_eq!(ods_code("RX"), Err(OdsCodeError::Length(2)));
        assert_eq!(ods_code("A810011234X"), Err(OdsCodeError::Length(11)));
        assert_eq!(ods_code("RX-1"), Err(OdsCodeError::NotLettersOrDigits));
        assert_eq!(ods_code("R X1"), Err(OdsCodeError::NotLettersOrDigits));
    }

    #[test]
    fn a_date_of_birth_is_a_real_day_before_the_review() {
        let review = day("2026-12-06");
        assert_eq!(
            date_of_birth("1958-03-27", review, 120),
            Ok(day("1958-03-27"))
        );
        assert_eq!(date_of_birth("2026-12-06", review, 120), Ok(review));
        // 120 on the day of the review, a day short of 121: still an age.
        assert!(date_of_birth("1905-12-07", review, 120).is_ok());
        assert_eq!(
            date_of_birth("2026-12-07", review, 120),
            Err(BirthDateError::AfterTheReview)
        );
        assert_eq!(
            date_of_birth("1905-12-06", review, 120),
            Err(BirthDateError::TooLongAgo(120))
        );
        assert_eq!(
            date_of_birth("1958-02-30", review, 120),
            Err(BirthDateError::NotADate)
        );
        assert_eq!(
            date_of_birth("27/03/1958", review, 120),
            Err(BirthDateError::NotADate)
        );
    }

    #[test]
    fn ages_count_whole_years_to_the_day() {
        assert_eq!(age_on(day("1958-03-27"), day("2026-03-26")), 67);
        assert_eq!(age_on(day("1958-03-27"), day("2026-03-27")), 68);
        assert_eq!(age_on(day("2008-02-29"), day("2026-02-28")), 17);
        assert_eq!(age_on(day("2008-02-29"), day("2026-03-01")), 18);
        assert_eq!(age_on(day("2026-12-06"), day("2026-12-06")), 0);
    }
}
