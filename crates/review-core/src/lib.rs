//! Review Together's core: the carer review meeting (SCDHSC0387 P17–P23) as
//! plain data and pure functions. No web dependency, no clock, no randomness:
//! the app passes in the time and fresh ids.

pub mod backup;
pub mod check;
pub mod command;
pub mod display;
pub mod draft;
pub mod escalation;
pub mod library;
pub mod lists;
pub mod model;
pub mod outcome;
pub mod progress;
pub mod rating;
pub mod readiness;
pub mod retention;
pub mod signoff;
pub mod summary;
pub mod text;
pub mod validate;
pub mod vault;
pub mod words;

pub use command::{
    ActionField, Command, CoverField, DomainError, EscalationField, OutcomeField, ResourceField,
};
pub use display::{DisplaySettings, TextSize};
pub use model::*;
