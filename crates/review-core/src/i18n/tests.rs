//! The catalogue's own rules: lookup, fallback, plurals, dates, the pseudo-locale.

use super::*;
use chrono::NaiveDate;

fn welsh(messages: &str) -> Rc<Catalogue> {
    Rc::new(
        Catalogue::from_json(&format!(
            r#"{{"language":"cy","reviewed":false,"messages":{messages}}}"#
        ))
        .unwrap(),
    )
}

#[test]
fn english_is_the_key_and_the_fallback() {
    use_catalogue(None);
    assert_eq!(tr!("Your reviews"), "Your reviews");
    assert_eq!(tr!("[month] May"), "May");
    assert_eq!(tr!("Saved at {time}", time = "11:58"), "Saved at 11:58");
}

#[test]
fn a_catalogue_translates_and_falls_back_to_english() {
    let cy = welsh(r#"{"Your reviews":"Eich adolygiadau","Saved at {time}":"Cadwyd am {time}"}"#);
    with_catalogue(Some(cy), || {
        assert_eq!(tr!("Your reviews"), "Eich adolygiadau");
        assert_eq!(tr!("Saved at {time}", time = "11:58"), "Cadwyd am 11:58");
        assert_eq!(tr!("Not translated yet"), "Not translated yet");
        assert_eq!(current_lang(), Lang::Cy);
    });
    assert_eq!(
        current_lang(),
        Lang::EnGb,
        "with_catalogue puts back the one before"
    );
}

#[test]
fn welsh_plurals_use_six_forms() {
    let cy = welsh(
        r#"{"{n} review|{n} reviews":{"zero":"{n} adolygiad (0)","one":"{n} adolygiad","two":"{n} adolygiad (2)","few":"{n} adolygiad (3)","many":"{n} adolygiad (6)","other":"{n} adolygiad (arall)"}}"#,
    );
    with_catalogue(Some(cy), || {
        let said = |n: u64| trn!(n, "{n} review", "{n} reviews");
        assert_eq!(said(0), "0 adolygiad (0)");
        assert_eq!(said(1), "1 adolygiad");
        assert_eq!(said(2), "2 adolygiad (2)");
        assert_eq!(said(3), "3 adolygiad (3)");
        assert_eq!(said(6), "6 adolygiad (6)");
        assert_eq!(said(4), "4 adolygiad (arall)");
    });
    assert_eq!(trn!(1, "{n} review", "{n} reviews"), "1 review");
    assert_eq!(trn!(0, "{n} review", "{n} reviews"), "0 reviews");
}

#[test]
fn plural_rules_agree_with_cldr() {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    for lang in Lang::ALL {
        let language = lang.tag().split('-').next().unwrap();
        let tag: unic_langid::LanguageIdentifier = language.parse().unwrap();
        let rules = PluralRules::create(tag, PluralRuleType::CARDINAL).unwrap();
        for n in 0..1000u64 {
            let cldr = match rules.select(n).unwrap() {
                PluralCategory::ZERO => Category::Zero,
                PluralCategory::ONE => Category::One,
                PluralCategory::TWO => Category::Two,
                PluralCategory::FEW => Category::Few,
                PluralCategory::MANY => Category::Many,
                PluralCategory::OTHER => Category::Other,
            };
            assert_eq!(category(lang, n), cldr, "{lang:?} {n}");
            assert!(
                Category::of(lang).contains(&cldr),
                "{lang:?} lists {cldr:?}"
            );
        }
    }
}

#[test]
fn dates_follow_the_language() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(long_date(d), "24 November 2026");
    let cy = welsh(r#"{"[month] November":"Tachwedd"}"#);
    assert_eq!(
        with_catalogue(Some(cy), || long_date(d)),
        "24 Tachwedd 2026"
    );
}

#[test]
fn pseudo_marks_every_message_and_keeps_names() {
    with_catalogue(Some(Rc::new(Catalogue::pseudo())), || {
        assert_eq!(
            tr!("Saved at {time}", time = "11:58"),
            "\u{feff}Saved at 11:58\u{feff}"
        );
        assert_eq!(
            trn!(2, "{n} review", "{n} reviews"),
            "\u{feff}2 reviews\u{feff}"
        );
        assert_eq!(current_lang(), Lang::Pseudo);
        // A message inside a message is one message.
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(long_date(d), "\u{feff}24 November 2026\u{feff}");
    });
}

#[test]
fn filling_leaves_unknown_names_and_braces_alone() {
    assert_eq!(fill("{a} and {b}", &[("a", &1)]), "1 and {b}");
    assert_eq!(fill("a { b", &[("a", &1)]), "a { b");
    assert_eq!(placeholders("{a} {b} {a} { x}"), vec!["a", "b"]);
}

#[test]
fn bad_files_are_named() {
    assert_eq!(
        Catalogue::from_json("nope").unwrap_err(),
        CatalogueError::NotJson
    );
    assert_eq!(
        Catalogue::from_json(r#"{"language":"fr","messages":{}}"#).unwrap_err(),
        CatalogueError::UnknownLanguage("fr".into())
    );
    assert_eq!(
        Catalogue::from_json(r#"{"language":"cy","messages":{"a":3}}"#).unwrap_err(),
        CatalogueError::BadMessage("a".into())
    );
}

#[test]
fn a_first_letter_changed_is_the_words_own_in_the_pseudo_locale_too() {
    let upper = |s: &str| crate::words::capitalise(s);
    assert_eq!(upper("an advocate"), "An advocate");
    with_catalogue(Some(Rc::new(Catalogue::pseudo())), || {
        let said = upper(&tr!("an advocate"));
        assert_eq!(said, "\u{feff}An advocate\u{feff}");
    });
}

#[test]
fn a_message_is_cut_at_its_slots_wherever_the_translation_puts_them() {
    use super::Piece::{Slot, Text};
    assert_eq!(
        super::pieces("Check {services} and {outcome}."),
        [
            Text("Check "),
            Slot("services"),
            Text(" and "),
            Slot("outcome"),
            Text(".")
        ]
    );
    assert_eq!(
        super::pieces("{outcome} ایں {services}"),
        [Slot("outcome"), Text(" ایں "), Slot("services")]
    );
    assert_eq!(
        super::pieces("No slots {not one}"),
        [Text("No slots {not one}")]
    );
    assert_eq!(super::pieces(""), []);
}
