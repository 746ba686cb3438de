//! Every part's checks in one place for the screens and the task list:
//! each [`FieldError`] names the id of the element it links to on the page
//! that shows it. The checks themselves live with their parts.

pub use crate::actions::checks::*;
pub use crate::cover::checks::*;
pub use crate::criteria::checks::*;
pub use crate::escalations::checks::*;
pub use crate::field_errors::FieldError;
pub use crate::ids;
pub use crate::outcome::checks::*;
pub use crate::ratings::checks::*;
pub use crate::services::checks::*;
pub use crate::setup::checks::*;
