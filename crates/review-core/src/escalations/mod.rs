//! Things that need someone else's help (P22), and the urgent
//! safeguarding that cannot wait.

pub mod checks;
pub mod commands;
pub mod types;
pub mod urgent;

pub use types::*;
