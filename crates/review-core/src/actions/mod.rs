//! Actions (P23): what will be done, by whom, and when.

pub mod checks;
pub mod commands;
pub mod types;

pub use types::*;
