//! Check and sign off (P23): who still signs, each signature, the lock the
//! worker's signature puts on the review, and amendments.

pub mod rules;
pub mod types;

pub use rules::*;
