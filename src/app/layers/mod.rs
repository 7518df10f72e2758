//! The cockpit's layers, one file each: what a layer shows, and how it
//! takes an action (`Layered::update`); the `App` methods a layer's
//! commands run live beside it. A new layer is a file here, its rows in
//! the key table and one line in the router.

pub(super) mod agenda;
pub(super) mod compare;
pub(super) mod confirm;
pub(super) mod conflict;
pub(super) mod editor;
pub(super) mod explain;
pub(super) mod form;
pub(super) mod help;
pub(super) mod history;
pub(super) mod menu;
pub(super) mod project_form;
pub(super) mod search;
