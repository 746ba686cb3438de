//! How people and dates are put into words, once for every screen, message
//! and copy: a participant's name or role, possessives, lists of names, long
//! dates. It holds no rule of the meeting and changes nothing.

use crate::model::{Participant, Review, Role, Timestamp};
use crate::{tr, trn};
use chrono::NaiveDate;

/// How a participant is called in a sentence: their name, or their role
/// ("the carer", "the person being cared for") while they have none.
pub fn called(p: &Participant) -> String {
    let name = p.name.trim();
    if name.is_empty() {
        match p.role {
            Role::Individual => tr!("the person being cared for"),
            r => format!("the {}", r.noun()),
        }
    } else {
        name.to_string()
    }
}

/// "Ayesha's", "James'": the possessive of a name.
pub fn possessive_of(name: &str) -> String {
    if name.ends_with('s') {
        tr!("[possessive of a name ending in s] {name}'", name = name)
    } else {
        tr!("[possessive of a name] {name}'s", name = name)
    }
}

/// A participant's possessive: "Ayesha's", or "the carer's" (the person
/// cared for is "the person's") while they have no name.
pub fn possessive(p: &Participant) -> String {
    let name = p.name.trim();
    if name.is_empty() {
        match p.role {
            Role::Individual => tr!("the person's"),
            Role::Worker => tr!("the worker's"),
            Role::Carer => tr!("the carer's"),
            Role::Advocate => tr!("the advocate's"),
            Role::Interpreter => tr!("the interpreter's"),
            Role::KeyPerson => tr!("the key person's"),
            Role::OtherProfessional => tr!("the other professional's"),
        }
    } else {
        possessive_of(name)
    }
}

/// "an advocate" → "An advocate", for text that starts a sentence or a row.
pub fn capitalise(s: &str) -> String {
    crate::i18n::past_mark(s, |s| first_letter(s, char::to_uppercase))
}

/// "Signs (for example Makaton)" → "signs (for example Makaton)", for words
/// that go inside a sentence.
pub fn lower_first(s: &str) -> String {
    crate::i18n::past_mark(s, |s| first_letter(s, char::to_lowercase))
}

fn first_letter<I: Iterator<Item = char>>(s: &str, change: impl Fn(char) -> I) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| change(f).chain(chars).collect())
        .unwrap_or_default()
}

/// "Ayesha", "Ayesha and Joan", "Ayesha, Joan and Sam".
/// "1 device", "3 devices": a count and its noun, plural where it should be.
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr!("{list} and {last}", list = rest.join(", "), last = last),
    }
}

/// "24 November 2026".
pub fn long_date(date: NaiveDate) -> String {
    crate::i18n::long_date(date)
}

/// "24 November 2026 at 11:58", in the time zone the moment was recorded in.
pub fn long_moment(t: &Timestamp) -> String {
    tr!(
        "{date} at {time}",
        date = long_date(t.date_naive()),
        time = t.format("%H:%M")
    )
}

/// A wait in words, rounded up to the second: "1 second", "2 minutes",
/// "1 minute and 5 seconds".
pub fn wait_words(ms: i64) -> String {
    let secs = (ms.max(0) + 999) / 1000;
    let (m, s) = (secs / 60, secs % 60);
    let seconds = |n: i64| trn!(n, "{n} second", "{n} seconds");
    let minutes = |n: i64| trn!(n, "{n} minute", "{n} minutes");
    match (m, s) {
        (0, s) => seconds(s),
        (m, 0) => minutes(m),
        (m, s) => tr!(
            "{minutes} and {seconds}",
            minutes = minutes(m),
            seconds = seconds(s)
        ),
    }
}

/// The places where a summary and its review differ, in words, then how
/// many more there are: "criteria 1 › ratings 2 › point; outcome and 3 more".
pub fn places(differences: &[String], unlisted: usize) -> String {
    let listed = differences
        .iter()
        .map(|d| json_place(d))
        .collect::<Vec<_>>()
        .join("; ");
    if unlisted > 0 {
        format!("{listed} and {unlisted} more")
    } else {
        listed
    }
}

/// A place in a signed summary, from its JSON Pointer (RFC 6901), in words
/// that wrap on a narrow screen, counting from 1:
/// `/criteria/0/ratings/1/point` → "criteria 1 › ratings 2 › point".
pub fn json_place(pointer: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in pointer.split('/').skip(1) {
        let part = part.replace("~1", "/").replace("~0", "~");
        match (part.parse::<usize>(), parts.last_mut()) {
            (Ok(n), Some(last)) => *last = format!("{last} {}", n + 1),
            (Ok(n), None) => parts.push((n + 1).to_string()),
            (Err(_), _) => parts.push(part),
        }
    }
    if parts.is_empty() {
        tr!("the whole summary")
    } else {
        parts.join(" › ")
    }
}

/// [`long_moment`] of RFC 3339 text, or the text as it is when it is not one.
pub fn long_moment_of(text: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| long_moment(&t))
        .unwrap_or_else(|_| text.to_string())
}

impl Review {
    /// How the (first) carer is called: their name, or "the carer".
    pub fn carer_called(&self) -> String {
        self.carer().map(called).unwrap_or_else(|| tr!("the carer"))
    }

    /// "Ayesha's", or "the carer's".
    pub fn carer_possessive(&self) -> String {
        self.carer()
            .map(possessive)
            .unwrap_or_else(|| tr!("the carer's"))
    }

    /// How the person cared for is called: their name, or "the person being cared for".
    pub fn individual_called(&self) -> String {
        self.individual()
            .map(called)
            .unwrap_or_else(|| tr!("the person being cared for"))
    }

    /// "Joan's", or "the person's".
    pub fn individual_possessive(&self) -> String {
        self.individual()
            .map(possessive)
            .unwrap_or_else(|| tr!("the person's"))
    }

    /// The people asked to agree (P17): everyone taking part except the
    /// worker and the advocates and interpreters (who help others take part
    /// rather than agreeing as themselves), carers first (their agreement is the one the review needs,
    /// and an error summary link lands on the first box), as (id, "Name, role").
    pub fn agreers(&self) -> Vec<(String, String)> {
        let mut people: Vec<_> = self
            .participants
            .iter()
            .filter(|p| p.is_present() && p.role != Role::Worker && !p.role.is_supporter())
            .collect();
        people.sort_by_key(|p| p.role != Role::Carer);
        people
            .into_iter()
            .map(|p| (p.id.clone(), p.display_name()))
            .collect()
    }
}

/// Whether `text` cites the standard by code ("P19", "P1–P5", "revision
/// 7"): words people read in the room never do (issue 26); the codes are
/// the worker's and the records'.
pub fn cites_the_standard(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let is_code = |w: &str| {
        w.strip_prefix('P')
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| (1..=23).contains(&n))
    };
    words.iter().any(|w| is_code(w))
        || words
            .windows(2)
            .any(|pair| pair[0].eq_ignore_ascii_case("revision") && pair[1].parse::<u32>().is_ok())
}

#[cfg(test)]
mod json_place_tests {
    use super::json_place;

    #[test]
    fn pointers_read_as_places_counted_from_one() {
        for (pointer, words) in [
            (
                "/criteria/0/ratings/1/point",
                "criteria 1 › ratings 2 › point",
            ),
            ("/outcome/decision", "outcome › decision"),
            ("/0", "1"),
            ("/a~1b/c~0d", "a/b › c~d"),
            ("", "the whole summary"),
        ] {
            assert_eq!(json_place(pointer), words, "{pointer}");
        }
    }

    #[test]
    fn codes_of_the_standard_are_found_and_nothing_else() {
        for text in [
            "P19",
            "Getting ready · P18",
            "(P1–P5, P6)",
            "serves P4, P19.",
            "see revision 7",
        ] {
            assert!(super::cites_the_standard(text), "{text}");
        }
        for text in [
            "P24 is not one",
            "P0",
            "PA",
            "Page 19",
            "Top19",
            "a revision of the plan",
            "19 people",
        ] {
            assert!(!super::cites_the_standard(text), "{text}");
        }
    }

    #[test]
    fn places_are_listed_then_counted() {
        let two = ["/outcome".to_string(), "/criteria/2".to_string()];
        assert_eq!(super::places(&two, 0), "outcome; criteria 3");
        assert_eq!(super::places(&two, 4), "outcome; criteria 3 and 4 more");
    }
}
