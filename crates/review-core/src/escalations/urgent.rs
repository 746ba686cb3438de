//! Things that need someone else's help (P22).

use crate::model::*;

/// Safeguarding matters that cannot wait, whatever their status. The app
/// sends nothing to anyone, so while one is recorded the page tells the
/// worker to phone the safeguarding team now.
pub fn urgent_safeguarding(review: &Review) -> Vec<&Escalation> {
    review
        .escalations
        .iter()
        .filter(|e| e.is_urgent_safeguarding())
        .collect()
}
