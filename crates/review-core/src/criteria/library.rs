//! Our criteria library and our paraphrase of the standard, shipped in
//! `seeds/` and compiled in, so the app needs no network to offer them.

use crate::model::{CriterionGroup, CriterionSource};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const CRITERIA_JSON: &str = include_str!("../../../../seeds/criteria.json");
const STANDARD_JSON: &str = include_str!("../../../../seeds/standard.json");

#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LibraryGroup {
    pub key: CriterionGroup,
    pub title: String,
    pub easy_read: String,
    pub description: String,
    /// Codes of the older standard's criteria the group's criteria serve.
    pub serves: Vec<String>,
    /// Numbers of the revision's criteria they serve.
    pub revision: Vec<String>,
}

/// A criterion a worker and carer can choose to review against.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LibraryCriterion {
    pub key: String,
    pub group: CriterionGroup,
    pub wording: String,
    pub easy_read: String,
    /// Name of one of our symbols in `public/symbols/`.
    pub symbol: String,
    /// Codes of the older standard's criteria it serves (P1–P23).
    pub serves: Vec<String>,
    /// Numbers of the revision's criteria it serves.
    pub revision: Vec<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriteriaLibrary {
    pub version: u32,
    pub groups: Vec<LibraryGroup>,
    pub criteria: Vec<LibraryCriterion>,
}

impl CriteriaLibrary {
    pub fn get(&self, key: &str) -> Option<&LibraryCriterion> {
        self.criteria.iter().find(|c| c.key == key)
    }
    pub fn group(&self, key: CriterionGroup) -> &LibraryGroup {
        self.groups
            .iter()
            .find(|g| g.key == key)
            .expect("every criterion group is described in seeds/criteria.json")
    }
    pub fn in_group(&self, key: CriterionGroup) -> impl Iterator<Item = &LibraryCriterion> {
        self.criteria.iter().filter(move |c| c.group == key)
    }

    /// The criteria whose words hold every word of `query` (in any case,
    /// in any order): the wording, the easy read, the group's title. An
    /// empty query finds nothing: the list is then shown by group.
    pub fn search(&self, query: &str) -> Vec<&LibraryCriterion> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.criteria
            .iter()
            .filter(|c| {
                // In English and in the language in use.
                let title = &self.group(c.group).title;
                let seed = crate::i18n::seed;
                let text = format!(
                    "{} {} {} {} {} {}",
                    c.wording,
                    c.easy_read,
                    title,
                    seed(&c.wording),
                    seed(&c.easy_read),
                    seed(title)
                )
                .to_lowercase();
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .collect()
    }
}

/// One criterion of the standard, in our words.
#[derive(Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandardCriterion {
    pub code: String,
    pub summary: String,
    pub easy_read: String,
    pub part: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RevisionCriterion {
    pub number: String,
    pub summary: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Standard {
    pub version: u32,
    pub code: String,
    pub title: String,
    pub revision_title: String,
    pub criteria: Vec<StandardCriterion>,
    pub revision_criteria: Vec<RevisionCriterion>,
}

impl Standard {
    pub fn criterion(&self, code: &str) -> Option<&StandardCriterion> {
        self.criteria.iter().find(|c| c.code == code)
    }
}

/// The criteria library (parsed once; the file is checked by the tests below).
pub fn criteria_library() -> &'static CriteriaLibrary {
    static LIB: OnceLock<CriteriaLibrary> = OnceLock::new();
    LIB.get_or_init(|| serde_json::from_str(CRITERIA_JSON).expect("seeds/criteria.json is valid"))
}

/// The symbol shown beside a criterion in easy read: its library symbol, or
/// for one typed in at the meeting (or no longer in the library) a note.
/// Each name is a file `public/symbols/<name>.svg`.
pub fn symbol_for(source: &CriterionSource) -> &'static str {
    match source {
        CriterionSource::Library { key } => criteria_library()
            .get(key)
            .map(|c| c.symbol.as_str())
            .unwrap_or(OWN_WORDS_SYMBOL),
        CriterionSource::Custom => OWN_WORDS_SYMBOL,
    }
}

/// The symbol of a criterion written in the meeting's own words.
pub const OWN_WORDS_SYMBOL: &str = "note";

/// The worker's note on the standard: its code and title, then each
/// criterion's code and our one-line paraphrase, for "About this part".
/// Read as plain JSON, not as [`Standard`], so the app carries no parser
/// of the whole file for a few lines of text.
pub struct StandardNote {
    pub code: String,
    pub title: String,
    pub criteria: Vec<(String, String)>,
}

/// The note on the standard, read once from `seeds/standard.json`.
pub fn standard_note() -> &'static StandardNote {
    static NOTE: OnceLock<StandardNote> = OnceLock::new();
    NOTE.get_or_init(|| {
        let json: serde_json::Value =
            serde_json::from_str(STANDARD_JSON).expect("seeds/standard.json is valid");
        let text =
            |v: &serde_json::Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
        StandardNote {
            code: text(&json, "code"),
            title: text(&json, "title"),
            criteria: json["criteria"]
                .as_array()
                .map(|list| {
                    list.iter()
                        .map(|c| (text(c, "code"), text(c, "summary")))
                        .collect()
                })
                .unwrap_or_default(),
        }
    })
}

impl StandardNote {
    /// Our paraphrase of the criterion `code` ("P18").
    pub fn summary(&self, code: &str) -> Option<&str> {
        self.criteria
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, s)| s.as_str())
    }
}

/// Our paraphrase of SCDHSC0387 P17–P23.
pub fn standard() -> &'static Standard {
    static STD: OnceLock<Standard> = OnceLock::new();
    STD.get_or_init(|| serde_json::from_str(STANDARD_JSON).expect("seeds/standard.json is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn library_parses_with_unique_keys_and_every_group_filled() {
        let lib = criteria_library();
        let keys: HashSet<_> = lib.criteria.iter().map(|c| &c.key).collect();
        assert_eq!(keys.len(), lib.criteria.len(), "criterion keys are unique");
        for g in CriterionGroup::ALL {
            lib.group(g);
            assert!(lib.in_group(g).count() >= 3, "group {g:?} has criteria");
        }
    }

    #[test]
    fn every_library_criterion_cites_real_codes_and_has_easy_read() {
        let std = standard();
        let revision: HashSet<_> = std.revision_criteria.iter().map(|r| &r.number).collect();
        for c in &criteria_library().criteria {
            assert!(!c.serves.is_empty(), "{} cites a criterion", c.key);
            for code in &c.serves {
                let n: u32 = code
                    .strip_prefix('P')
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                assert!((1..=23).contains(&n), "{}: {code} is P1–P23", c.key);
            }
            for r in &c.revision {
                assert!(revision.contains(r), "{}: revision {r} is described", c.key);
            }
            assert!(!c.easy_read.trim().is_empty() && c.easy_read.split_whitespace().count() <= 12);
        }
    }

    /// Issue 26: the words people read in the room carry no code of the
    /// standard; the codes are in `serves` and `revision`.
    #[test]
    fn the_words_people_read_carry_no_code() {
        let lib = criteria_library();
        let words = lib
            .groups
            .iter()
            .flat_map(|g| [&g.title, &g.easy_read, &g.description])
            .chain(lib.criteria.iter().flat_map(|c| [&c.wording, &c.easy_read]));
        for text in words {
            assert!(
                !crate::words::cites_the_standard(text),
                "a code in words people read: {text}"
            );
        }
        for g in &lib.groups {
            assert!(
                !g.serves.is_empty(),
                "{:?} cites the criteria it serves",
                g.key
            );
        }
    }

    #[test]
    fn the_library_is_searched_by_every_word_in_any_case() {
        let lib = criteria_library();
        let keys = |q: &str| {
            lib.search(q)
                .iter()
                .map(|c| c.key.clone())
                .collect::<Vec<_>>()
        };
        assert!(keys("").is_empty() && keys("   ").is_empty());
        assert!(keys("zebra").is_empty());
        let carer = keys("KNOWS carer");
        assert!(
            carer.contains(&"carer-expert-partner".to_string()),
            "{carer:?}"
        );
        for c in lib.search("breaks") {
            let text = format!("{} {}", c.wording, c.easy_read).to_lowercase();
            assert!(
                text.contains("breaks")
                    || lib.group(c.group).title.to_lowercase().contains("breaks")
            );
        }
        // A group's title finds every criterion in it.
        for group in &lib.groups {
            let found = keys(&group.title);
            assert!(
                lib.in_group(group.key).all(|c| found.contains(&c.key)),
                "{}",
                group.title
            );
        }
    }

    #[test]
    fn the_note_on_the_standard_says_what_the_standard_says() {
        let (std, note) = (standard(), standard_note());
        assert_eq!((&note.code, &note.title), (&std.code, &std.title));
        assert_eq!(note.criteria.len(), std.criteria.len());
        for c in &std.criteria {
            assert_eq!(
                note.summary(&c.code),
                Some(c.summary.as_str()),
                "{}",
                c.code
            );
        }
        assert_eq!(note.summary("P99"), None);
    }

    #[test]
    fn every_symbol_a_criterion_can_show_is_drawn() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/symbols");
        let mut names: Vec<&str> = criteria_library()
            .criteria
            .iter()
            .map(|c| symbol_for(&CriterionSource::Library { key: c.key.clone() }))
            .collect();
        names.push(symbol_for(&CriterionSource::Custom));
        for name in names {
            let svg = std::fs::read_to_string(dir.join(format!("{name}.svg")))
                .unwrap_or_else(|_| panic!("public/symbols/{name}.svg exists"));
            assert!(
                svg.contains("<svg") && svg.contains("viewBox"),
                "{name}.svg is an SVG"
            );
        }
        assert_eq!(
            symbol_for(&CriterionSource::Library { key: "gone".into() }),
            OWN_WORDS_SYMBOL
        );
    }

    #[test]
    fn standard_covers_p17_to_p23() {
        let std = standard();
        assert_eq!(std.code, "SCDHSC0387");
        for n in 17..=23 {
            assert!(std.criterion(&format!("P{n}")).is_some(), "P{n} described");
        }
    }
}
