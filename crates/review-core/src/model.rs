//! The review meeting as plain data, every part's types in one place for
//! the app, the summary and the tests. The types live with their parts;
//! this module only gathers them. No signals, no clock, no randomness.

pub use crate::actions::types::*;
pub use crate::base::{written, DeviceSettings, Id, Person, Remark, Speaker, Timestamp};
pub use crate::cover::types::*;
pub use crate::criteria::types::*;
pub use crate::escalations::types::*;
pub use crate::outcome::types::*;
pub use crate::ratings::types::*;
pub use crate::review::*;
pub use crate::services::types::*;
pub use crate::setup::people::*;
pub use crate::setup::process::*;
pub use crate::setup::sharing::*;
pub use crate::signoff::types::{CopyGiven, GivenHow};
