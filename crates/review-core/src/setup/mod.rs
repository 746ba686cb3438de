//! Getting ready (P17, P18): who is here, what helps them take part, how
//! the review runs, and whether everything is ready.

pub mod checks;
pub mod commands;
pub mod people;
pub mod process;
pub mod readiness;
pub mod sharing;

pub use people::*;
pub use process::*;
pub use sharing::*;
