//! Support for the person cared for while the carer has time for
//! themselves (P21).

pub mod checks;
pub mod commands;
pub mod types;

pub use types::*;
