//! From one review to the next (issue 27): checking the last signed
//! review's summary before building on it (`check`), carrying what the
//! worker chooses of it into a new review (`carry`), following up its
//! actions and escalations and showing its ratings beside this time's
//! (`follow_up`), in questions a page asks (`questions`). What a review keeps of the last one is in `types`; its
//! summary names the last one in `continues` and records the follow-up.

pub mod carry;
pub mod check;
pub mod follow_up;
pub mod questions;
pub mod types;

pub use carry::{proposals, Group, Proposal};
pub use check::{check_last, Checked, LastFrom, Refused};
pub use follow_up::{
    action_follow_ups, escalation_follow_ups, last_action_field, last_escalation_field, LastTime,
};
pub use questions::Question;
pub use types::*;
