//! How it is going (P19): everyone's own rating, how their view reached
//! the meeting, what was said, and the spread of views.

pub mod checks;
pub mod commands;
pub mod spread;
pub mod types;

pub use types::*;
