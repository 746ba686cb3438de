//! How it is going, against the criteria (P19): everyone's own rating,
//! shown as a spread. Different ratings stay different: nothing here turns
//! them into a score or an average, so no one's view is lost in a middle.

use crate::model::*;

/// One point of the scale and who chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointCount {
    pub point: ScalePoint,
    /// Participant ids, in the order people were added to the review.
    pub who: Vec<Id>,
}

impl PointCount {
    pub fn count(&self) -> usize {
        self.who.len()
    }
}

/// The distribution of the ratings of one criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    pub scale: Scale,
    /// Every point of the scale, best first, including those nobody chose.
    pub points: Vec<PointCount>,
    /// How many ratings were given.
    pub rated: usize,
    /// People who rate and have not rated yet.
    pub waiting_for: Vec<Id>,
    /// At least two ratings, all on the same point.
    pub all_agree: bool,
    /// The best and worst points chosen (`None` while nobody has rated).
    pub best: Option<ScalePoint>,
    pub worst: Option<ScalePoint>,
    /// Steps between the best and the worst point chosen (0 to 4).
    pub distance: u8,
    pub not_discussed: bool,
}

/// The spread of ratings of `criterion` in `review`.
pub fn spread(review: &Review, criterion: &Criterion) -> Spread {
    let cr = review.criterion_review(&criterion.id);
    let ratings: &[Rating] = cr.map(|c| c.ratings.as_slice()).unwrap_or_default();
    let rating_of = |id: &str| ratings.iter().find(|r| r.participant == id);
    // Participant order, not the order ratings were given, so the same
    // ratings always read the same.
    let rated_in_order: Vec<(&Id, ScalePoint)> = review
        .participants
        .iter()
        .filter_map(|p| rating_of(&p.id).map(|r| (&p.id, r.point)))
        .collect();
    let points = criterion
        .scale
        .choices()
        .iter()
        .map(|point| PointCount {
            point: *point,
            who: rated_in_order
                .iter()
                .filter(|(_, chosen)| chosen == point)
                .map(|(id, _)| (*id).clone())
                .collect(),
        })
        .collect();
    let best = rated_in_order
        .iter()
        .map(|(_, p)| *p)
        .min_by_key(|p| p.step());
    let worst = rated_in_order
        .iter()
        .map(|(_, p)| *p)
        .max_by_key(|p| p.step());
    let distance = match (best, worst) {
        (Some(b), Some(w)) => w.step() - b.step(),
        _ => 0,
    };
    Spread {
        scale: criterion.scale,
        points,
        rated: rated_in_order.len(),
        waiting_for: review
            .raters()
            .filter(|p| rating_of(&p.id).is_none())
            .map(|p| p.id.clone())
            .collect(),
        all_agree: rated_in_order.len() >= 2 && distance == 0,
        best,
        worst,
        distance,
        not_discussed: cr.is_some_and(|c| c.not_discussed.is_some()),
    }
}
