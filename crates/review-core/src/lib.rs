//! Review Together's core: the carer review meeting (SCDHSC0387 P17–P23) as
//! plain data and pure functions. No web dependency, no clock, no randomness:
//! the app passes in the time and fresh ids.
//!
//! It grows by meeting part: each part (`setup`, `criteria`, `ratings`,
//! `services`, `cover`, `escalations`, `actions`, `outcome`, `signoff`) holds
//! its types, its commands and its checks, over a small shared `base`. The
//! [`Review`] holds every part's data (`review`); [`Command`]s are routed to
//! their part (`command`). Above them: the task list (`progress`), the check
//! page (`check`), the list pattern (`lists`), words, drafts, backups, the
//! PIN vault and the signed summary. Dependencies run one way, down this list
//! (tests/architecture.rs).

pub mod actions;
pub mod agreement;
pub mod backup;
pub mod base;
pub mod check;
pub mod command;
pub mod continuity;
pub mod cover;
pub mod criteria;
pub mod display;
pub mod draft;
pub mod easy;
pub mod escalations;
pub mod fhir;
pub mod field_errors;
pub mod i18n;
pub mod identifiers;
pub mod ids;
pub mod lists;
pub mod model;
pub mod outcome;
pub mod part;
pub mod private_turn;
pub mod progress;
pub mod ratings;
pub mod readable;
pub mod recovery;
pub mod reflection;
pub mod retention;
pub mod review;
pub mod services;
pub mod setup;
pub mod sharing;
pub mod signoff;
pub mod summary;
pub mod team;
pub mod text;
pub mod validate;
pub mod vault;
pub mod words;

// The paths the app and the records teams' tool have always used.
pub use criteria::library;
pub use escalations::urgent as escalation;
pub use outcome::dates as outcome_dates;
pub use ratings::spread as rating;
pub use setup::readiness;

pub use base::DomainError;
pub use command::Command;
pub use display::{DisplaySettings, TextSize};
pub use model::*;
