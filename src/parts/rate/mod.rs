//! How it is going (P19): the overview of every criterion, and one
//! criterion at a time.

mod criterion;
mod last_time;
mod overview;

pub use criterion::RateCriterion;
pub use overview::Ratings;
