//! The element ids the checks name and the screens give their fields, so an
//! error summary's link always lands on its field.

use crate::setup::people::{Need, Role};

pub fn participant_card(id: &str) -> String {
    format!("participant-{id}")
}
pub fn add_role(role: Role) -> String {
    format!("add-{}", role.key())
}
pub fn need(participant: &str, need: Need) -> String {
    format!("need-{participant}-{}", need.key())
}
pub fn need_action(participant: &str, need: Need) -> String {
    format!("need-{participant}-{}-action", need.key())
}
pub fn need_reason(participant: &str, need: Need) -> String {
    format!("need-{participant}-{}-reason", need.key())
}
pub fn criterion_agreement(criterion: &str) -> String {
    format!("criterion-{criterion}-agreement")
}
pub fn restriction_what(id: &str) -> String {
    format!("restriction-{id}-what")
}
pub fn copy_name(id: &str) -> String {
    format!("copy-{id}-name")
}
pub fn restriction_not_with(id: &str) -> String {
    format!("restriction-{id}-not-with")
}

// The review proper. `field` is one of the names listed on each
// validator below ("kind", "name", "owner-name"...).
pub fn rating(criterion: &str, participant: &str) -> String {
    format!("rating-{criterion}-{participant}")
}
pub fn not_discussed_reason(criterion: &str) -> String {
    format!("criterion-{criterion}-not-discussed-reason")
}
pub fn evidence(id: &str, field: &str) -> String {
    format!("evidence-{id}-{field}")
}
pub fn resource(id: &str, field: &str) -> String {
    format!("resource-{id}-{field}")
}
pub fn gap(id: &str, field: &str) -> String {
    format!("gap-{id}-{field}")
}
pub fn cover(id: &str, field: &str) -> String {
    format!("cover-{id}-{field}")
}
pub fn cover_risk(id: &str, field: &str) -> String {
    format!("risk-{id}-{field}")
}
pub fn escalation(id: &str, field: &str) -> String {
    format!("escalation-{id}-{field}")
}
pub fn action(id: &str, field: &str) -> String {
    format!("action-{id}-{field}")
}
