//! plan-cockpit: a terminal cockpit for the Dongcheng "3+5+N" development plan.
//!
//! Arrows point one way: `cli → term → app → {report, domain, store}`,
//! `term → ui` (term/frames.rs writes the frames), `ui → {app, domain}`,
//! `report → {formats, store, domain}` (the reports, for the CLI and `R`),
//! `store → domain`, `formats → domain`.
//! The domain knows no terminal and no database; only `store` speaks SQL.
//! Platform calls go through std, rustix and nix: no hand-written `unsafe`.

#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod files;
pub mod formats;
pub mod generate;
pub mod i18n;
pub mod kept;
pub mod report;
pub mod seed;
pub mod store;
pub mod term;
pub mod ui;
pub mod user;
