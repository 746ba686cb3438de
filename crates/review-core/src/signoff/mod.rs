//! Check and sign off (P23): who still signs, each signature, the lock the
//! worker's signature puts on the review, amendments, and whether the
//! tablet's clock is to be believed when the summary is signed (`clock`), and
//! the log of copies given (`given`).

pub mod clock;
pub mod given;
pub mod rules;
pub mod types;

pub use clock::{clock_doubt, ClockDoubt, ReviewMoment, AFTER_LAST_SAVED, BEFORE_LAST_SAVED};
pub use rules::*;
pub use types::{CopyGiven, GivenHow};
