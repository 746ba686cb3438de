//! The languages the app speaks, by their BCP 47 tags.

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (UK), in every build.
    #[default]
    EnGb,
    /// Welsh.
    Cy,
    /// Urdu, written right to left.
    Ur,
    /// The pseudo-locale (tag `en-XA`, as Android and Chrome name theirs):
    /// only for tests, never offered.
    Pseudo,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::EnGb, Lang::Cy, Lang::Ur];

    /// Its BCP 47 tag, as `lang=` and the stored settings hold it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::EnGb => "en-GB",
            Lang::Cy => "cy",
            Lang::Ur => "ur",
            Lang::Pseudo => "en-XA",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .chain([Lang::Pseudo])
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// Its name in itself, as a person looking for it reads it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::EnGb | Lang::Pseudo => "English",
            Lang::Cy => "Cymraeg",
            Lang::Ur => "اردو",
        }
    }

    /// Its name in the language in use ("Welsh", "Cymraeg" in Welsh).
    pub fn name(self) -> String {
        match self {
            Lang::EnGb | Lang::Pseudo => crate::tr!("English"),
            Lang::Cy => crate::tr!("Welsh"),
            Lang::Ur => crate::tr!("Urdu"),
        }
    }

    /// Written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ur
    }

    /// Its file in the app's `lang/` folder (English has none).
    pub fn file(self) -> Option<&'static str> {
        match self {
            Lang::EnGb | Lang::Pseudo => None,
            Lang::Cy => Some("lang/cy.json"),
            Lang::Ur => Some("lang/ur.json"),
        }
    }
}

/// Kept as its tag; a tag this build does not know reads as English, so
/// settings from a newer build still open.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Ok(Lang::from_tag(&tag).unwrap_or_default())
    }
}
