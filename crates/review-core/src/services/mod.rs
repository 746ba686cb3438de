//! Services and support (P20).

pub mod checks;
pub mod commands;
pub mod types;

pub use types::*;
