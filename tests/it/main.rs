//! The integration tests, as one test binary: each file here is one
//! subject (a module), and `common/` the helpers they share. One binary
//! links the crate once, where one per file linked it 43 times over (about
//! 3.5 GB of debug binaries, and most of a clean build's link time).

mod carry;
mod change_log;
mod chinese_only;
mod city;
mod cjk_drawing;
mod clock;
mod cockpit_app;
mod cockpit_fuzz;
mod cockpit_pty;
mod cockpit_screens;
mod common;
mod database;
mod detail_pinned;
mod diagnostics;
mod durability;
mod edits_round_trip;
mod event_road;
mod export_restores;
mod failover;
mod faults;
mod files_beside;
mod foreign_client;
mod generate;
mod hostile_env;
mod hostile_text;
mod import_export;
mod import_stream;
mod import_values;
mod layers;
mod ledger;
mod lenses;
mod migrate;
mod milestone_cli;
mod mouse;
mod nothing_raw;
mod outputs;
mod pg_credentials;
mod plans;
mod progress;
mod properties;
mod replaced_history;
mod report;
mod scale;
mod seed;
mod server_restart;
mod settings;
mod sheets_back;
mod shell;
mod standing;
mod two_engines;
mod words;
mod wrong_row;
