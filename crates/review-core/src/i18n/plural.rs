//! CLDR plural categories for whole numbers, for the three languages the app
//! speaks (CLDR 46 rules, checked against `intl_pluralrules` in the tests):
//! English and Urdu have `one` and `other`; Welsh has six.

use super::lang::Lang;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The categories a language's translations must give.
    pub fn of(lang: Lang) -> &'static [Category] {
        match lang {
            Lang::EnGb | Lang::Ur | Lang::Pseudo => &[Category::One, Category::Other],
            Lang::Cy => &Category::ALL,
        }
    }
}

/// The category of a whole number `n` in `lang`.
pub fn category(lang: Lang, n: u64) -> Category {
    match lang {
        // one: i = 1 and v = 0
        Lang::EnGb | Lang::Ur | Lang::Pseudo => {
            if n == 1 {
                Category::One
            } else {
                Category::Other
            }
        }
        // zero: n = 0; one: n = 1; two: n = 2; few: n = 3; many: n = 6
        Lang::Cy => match n {
            0 => Category::Zero,
            1 => Category::One,
            2 => Category::Two,
            3 => Category::Few,
            6 => Category::Many,
            _ => Category::Other,
        },
    }
}
