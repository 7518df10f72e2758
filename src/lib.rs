//! plan-cockpit: a terminal cockpit for the Dongcheng "3+5+N" development plan.
//!
//! Arrows point one way, from the top down — nothing imports a module above
//! it, and no modules import each other in a circle (this is the one place
//! they are written down; the README and docs/layout.md point here):
//!
//! `cli → term → ui → app → report → formats → i18n → store → domain`
//!
//! with `config` between `cli` and `app`, `generate` beside `ui`, and
//! `kept`, `user` and `files` low beside `store`. The UI imports no store
//! type; `store` and `domain` never word a message (they return typed
//! errors that `i18n` puts into words); `domain` imports nothing of ours and
//! knows no terminal and no database; only `store` speaks SQL, and what
//! differs between the engines is one trait (`store/engine.rs`) that
//! `store/sqlite/` and `store/postgres/` implement. Platform calls go through std, rustix and nix: no
//! hand-written `unsafe`.

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

#[cfg(test)]
mod house_tests;
