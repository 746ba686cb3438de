//! The outcome (P23): the decision, the views of it, and the next review.

pub mod checks;
pub mod commands;
pub mod dates;
pub mod types;

pub use dates::*;
pub use types::*;
