//! Review Together: a carer review meeting on one shared tablet.
//! The meeting itself (rules, validation, drafts) lives in `review-core`;
//! this crate is the Leptos shell that shows it and talks to the browser.

pub mod app;
/// Every `A` link's address, in this deployment's folder.
pub use browser::deployment::href;
pub mod browser;
pub mod components;
pub mod on_demand;
pub mod parts;
pub mod saving;
pub mod signing;
pub mod state;
pub mod team;
