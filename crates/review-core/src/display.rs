//! How the screen looks for the people at the tablet: text size, colours,
//! easy read, movement and Read aloud. Kept on the device (not in any review), in its own
//! envelope (see [`crate::draft::encode_display`]), and shown on `<html>` as
//! classes that `style/` turns into other token values.

use crate::tr;
use serde::{Deserialize, Serialize};

/// Three steps of text size. Body text is 19 px at the standard step.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Largest];

    pub fn key(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    pub fn label(self) -> String {
        match self {
            TextSize::Standard => tr!("[text size] Standard"),
            TextSize::Large => tr!("[text size] Large"),
            TextSize::Largest => tr!("[text size] Largest"),
        }
    }
}

/// The display choices of this device. Every field has a default, so a value
/// saved before a choice existed still reads.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct DisplaySettings {
    pub text_size: TextSize,
    /// White and yellow on black, for people who see low contrast poorly.
    pub high_contrast: bool,
    /// Short plain sentences and a symbol beside each thing to rate.
    pub easy_read: bool,
    /// Nothing slides or fades, whatever the system setting says.
    pub reduce_motion: bool,
    /// A Read aloud button under each question of the meeting (there in
    /// easy read whatever this says).
    pub read_aloud: bool,
    /// The language of the screens (issue 30); English when missing.
    pub language: crate::i18n::Lang,
}

/// Every class [`DisplaySettings::classes`] can put on `<html>`, so the app can
/// take off the ones that no longer apply.
pub const ALL_CLASSES: [&str; 5] = [
    "app-text-large",
    "app-text-largest",
    "app-theme-high-contrast",
    "app-easy-read",
    "app-reduce-motion",
];

impl DisplaySettings {
    /// The classes on `<html>` that show these settings.
    pub fn classes(&self) -> Vec<&'static str> {
        let mut classes = Vec::new();
        match self.text_size {
            TextSize::Standard => {}
            TextSize::Large => classes.push("app-text-large"),
            TextSize::Largest => classes.push("app-text-largest"),
        }
        if self.high_contrast {
            classes.push("app-theme-high-contrast");
        }
        if self.easy_read {
            classes.push("app-easy-read");
        }
        if self.reduce_motion {
            classes.push("app-reduce-motion");
        }
        classes
    }

    /// True when nothing has been changed from how the app starts.
    pub fn is_standard(&self) -> bool {
        *self == DisplaySettings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_settings_put_no_class_on_the_page() {
        assert!(DisplaySettings::default().classes().is_empty());
        assert!(DisplaySettings::default().is_standard());
    }

    #[test]
    fn each_choice_has_its_own_class_and_only_known_ones() {
        let cases = [
            (
                DisplaySettings {
                    text_size: TextSize::Large,
                    ..Default::default()
                },
                vec!["app-text-large"],
            ),
            (
                DisplaySettings {
                    text_size: TextSize::Largest,
                    high_contrast: true,
                    easy_read: true,
                    reduce_motion: true,
                    read_aloud: false,
                    language: crate::i18n::Lang::Cy,
                },
                vec![
                    "app-text-largest",
                    "app-theme-high-contrast",
                    "app-easy-read",
                    "app-reduce-motion",
                ],
            ),
        ];
        for (settings, classes) in cases {
            assert_eq!(settings.classes(), classes);
            assert!(settings.classes().iter().all(|c| ALL_CLASSES.contains(c)));
            assert!(!settings.is_standard());
        }
    }

    #[test]
    fn text_sizes_have_distinct_keys_and_labels() {
        let keys: std::collections::HashSet<_> = TextSize::ALL.iter().map(|t| t.key()).collect();
        assert_eq!(keys.len(), 3);
        assert_eq!(TextSize::default(), TextSize::Standard);
        assert_eq!(TextSize::Largest.label(), "Largest");
    }
}
