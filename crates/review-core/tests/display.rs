//! The display settings kept on the device: their envelope, and that whatever
//! is stored under their key, the app gets settings to start with.

use proptest::prelude::*;
use review_core::draft::{self, DraftError};
use review_core::i18n::Lang;
use review_core::{DisplaySettings, TextSize};
use serde_json::{json, Value};

fn all_on() -> DisplaySettings {
    DisplaySettings {
        text_size: TextSize::Largest,
        high_contrast: true,
        easy_read: true,
        reduce_motion: true,
        read_aloud: true,
        language: Lang::Ur,
    }
}

#[test]
fn display_settings_survive_encode_and_decode() {
    for size in TextSize::ALL {
        for settings in [
            DisplaySettings {
                text_size: size,
                ..Default::default()
            },
            DisplaySettings {
                text_size: size,
                ..all_on()
            },
        ] {
            let raw = draft::encode_display(&settings);
            assert_eq!(draft::decode_display(&raw), Ok(settings));
            assert_eq!(draft::display_or_default(Some(&raw)), settings);
        }
    }
}

#[test]
fn display_settings_have_their_own_key_and_kind() {
    assert_eq!(draft::display_key(), "review-together/display");
    let v: Value = serde_json::from_str(&draft::encode_display(&all_on())).unwrap();
    assert_eq!(
        v,
        json!({
            "version": 1,
            "kind": "display",
            "data": { "textSize": "largest", "highContrast": true, "easyRead": true, "reduceMotion": true, "readAloud": true, "language": "ur" },
        })
    );
    // Not mistaken for the device's other settings, nor they for it.
    let settings = draft::encode_settings(&Default::default());
    assert!(matches!(
        draft::decode_display(&settings),
        Err(DraftError::WrongKind { .. })
    ));
}

#[test]
fn display_settings_from_before_read_aloud_still_read() {
    // As the build before issue 31 stored them: no readAloud.
    let before = r#"{"version": 1, "kind": "display", "data": {"textSize": "large", "highContrast": false, "easyRead": true, "reduceMotion": false}}"#;
    assert_eq!(
        draft::decode_display(before),
        Ok(DisplaySettings {
            text_size: TextSize::Large,
            easy_read: true,
            ..Default::default()
        })
    );
}

#[test]
fn a_language_this_build_does_not_know_reads_as_english() {
    // As the build before issue 30 stored them (no language), and as a newer
    // build might (a language this one does not have): English, the rest kept.
    for data in [
        r#"{"textSize": "large", "easyRead": true}"#,
        r#"{"textSize": "large", "easyRead": true, "language": "fr"}"#,
    ] {
        let raw = format!(r#"{{"version": 1, "kind": "display", "data": {data}}}"#);
        let settings = draft::decode_display(&raw).unwrap();
        assert_eq!(settings.language, Lang::EnGb);
        assert!(settings.easy_read && settings.text_size == TextSize::Large);
    }
    let welsh = r#"{"version": 1, "kind": "display", "data": {"language": "cy"}}"#;
    assert_eq!(draft::decode_display(welsh).unwrap().language, Lang::Cy);
}

#[test]
fn nothing_stored_gives_the_standard_display() {
    assert_eq!(draft::display_or_default(None), DisplaySettings::default());
}

#[test]
fn unreadable_display_settings_give_the_standard_display() {
    let cases = [
        "",
        "not json",
        "{\"version\": 1, \"kind\": \"disp",
        "[]",
        "null",
        r#"{"version": 99, "kind": "display", "data": {}}"#,
        r#"{"version": 1, "kind": "review", "data": {}}"#,
        r#"{"version": 1, "kind": "display", "data": {"textSize": "enormous"}}"#,
        r#"{"version": 1, "kind": "display", "data": 7}"#,
    ];
    for raw in cases {
        assert!(draft::decode_display(raw).is_err(), "{raw} is reported");
        assert_eq!(
            draft::display_or_default(Some(raw)),
            DisplaySettings::default(),
            "{raw}"
        );
    }
}

#[test]
fn a_choice_missing_from_what_is_stored_takes_its_default() {
    // A build that only knew text size and contrast wrote this.
    let raw =
        r#"{"version": 1, "kind": "display", "data": {"textSize": "large", "highContrast": true}}"#;
    assert_eq!(
        draft::decode_display(raw),
        Ok(DisplaySettings {
            text_size: TextSize::Large,
            high_contrast: true,
            ..Default::default()
        })
    );
}

proptest! {
    #[test]
    fn any_stored_text_gives_settings_without_panicking(raw in ".{0,200}") {
        let _ = draft::display_or_default(Some(&raw));
    }
}
