//! What the review looks at (P17): criteria from our library or written
//! at the meeting, their scales, and who agreed to each.

pub mod checks;
pub mod commands;
pub mod library;
pub mod types;

pub use types::*;
