//! The symbols a readable copy shows, as inline SVG (a page of its own
//! cannot fetch the app's files): the app's symbols, read from
//! `public/symbols/` when the core is built, and the faces of the rating
//! scales, drawn as the rating screen draws them (`face_mouth`).

use crate::model::ScalePoint;

/// A symbol beside some words (easy read only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    /// One of the app's symbols (`public/symbols/<name>.svg`).
    Named(&'static str),
    /// The face of a point of a rating scale, as the rating screen draws it.
    Face(ScalePoint),
}

/// The symbols a copy can show: each criterion's (`seeds/criteria.json`)
/// and a criterion in the meeting's own words (tested).
const NAMED: [(&str, &str); 18] = [
    (
        "assessment",
        include_str!("../../../../public/symbols/assessment.svg"),
    ),
    ("bed", include_str!("../../../../public/symbols/bed.svg")),
    ("book", include_str!("../../../../public/symbols/book.svg")),
    (
        "break",
        include_str!("../../../../public/symbols/break.svg"),
    ),
    (
        "calendar",
        include_str!("../../../../public/symbols/calendar.svg"),
    ),
    (
        "clock",
        include_str!("../../../../public/symbols/clock.svg"),
    ),
    (
        "coins",
        include_str!("../../../../public/symbols/coins.svg"),
    ),
    (
        "free-time",
        include_str!("../../../../public/symbols/free-time.svg"),
    ),
    ("hand", include_str!("../../../../public/symbols/hand.svg")),
    (
        "heart",
        include_str!("../../../../public/symbols/heart.svg"),
    ),
    ("home", include_str!("../../../../public/symbols/home.svg")),
    (
        "lightbulb",
        include_str!("../../../../public/symbols/lightbulb.svg"),
    ),
    ("note", include_str!("../../../../public/symbols/note.svg")),
    (
        "people",
        include_str!("../../../../public/symbols/people.svg"),
    ),
    (
        "phone",
        include_str!("../../../../public/symbols/phone.svg"),
    ),
    (
        "services",
        include_str!("../../../../public/symbols/services.svg"),
    ),
    (
        "shield",
        include_str!("../../../../public/symbols/shield.svg"),
    ),
    ("talk", include_str!("../../../../public/symbols/talk.svg")),
];

/// The mouth of the face for a point of a rating scale (a 48 × 48 box):
/// the one drawing the rating screen and the readable copies share.
pub fn face_mouth(point: ScalePoint) -> &'static str {
    match point {
        ScalePoint::VeryGood => "M13 27 Q24 43 35 27 Z",
        ScalePoint::GoingWell | ScalePoint::Good => "M15 29 Q24 38 33 29",
        ScalePoint::Unsure | ScalePoint::Okay => "M16 32 H32",
        ScalePoint::NotGoingWell | ScalePoint::Poor => "M15 36 Q24 27 33 36",
        ScalePoint::VeryPoor => "M13 38 Q24 23 35 38 Z",
    }
}

/// The mouth of the face for an answer to "How was this review for you?"
/// (the rating faces' own drawing); none for "did not say".
pub fn feeling_mouth(feeling: crate::reflection::Feeling) -> Option<&'static str> {
    use crate::reflection::Feeling;
    let point = match feeling {
        Feeling::Good => ScalePoint::Good,
        Feeling::Mixed => ScalePoint::Okay,
        Feeling::NotGood => ScalePoint::Poor,
        Feeling::DidNotSay => return None,
    };
    Some(face_mouth(point))
}

/// The symbol as SVG markup, hidden from screen readers (the words beside
/// it say the same). `None` for a name the app has no symbol for.
pub(super) fn svg(symbol: Symbol) -> Option<String> {
    const OPEN: &str = r#"<svg class="app-readable__symbol" aria-hidden="true" focusable="false" "#;
    match symbol {
        Symbol::Named(name) => NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, svg)| svg.trim().replacen("<svg ", OPEN, 1)),
        Symbol::Face(point) => Some(format!(
            r#"{OPEN}viewBox="0 0 48 48" width="48" height="48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"><circle cx="24" cy="24" r="21" fill="none"/><circle cx="17" cy="18" r="1.5" fill="none"/><circle cx="31" cy="18" r="1.5" fill="none"/><path d="{}" fill="none"/></svg>"#,
            face_mouth(point)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_symbol_can_be_drawn_in_a_copy() {
        let library = crate::criteria::library::criteria_library();
        let names = library
            .criteria
            .iter()
            .map(|c| c.symbol.as_str())
            .chain([crate::criteria::library::OWN_WORDS_SYMBOL]);
        for name in names {
            let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
            assert!(
                svg(Symbol::Named(leaked)).is_some(),
                "no drawing for {name}"
            );
        }
    }
}
