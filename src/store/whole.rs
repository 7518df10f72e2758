//! What a store does with the whole plan or the whole place — import,
//! backup, copy, the file's own checks — each done by its engine in its
//! own way (see `Engine`), or refused where the engine does not offer it.
//! Here only what both share: the right to write, the plan seen, and
//! following the plan a replace put in.

use super::engine::{Bulk, Pieces};
use super::error::{Error, Result};
use super::handle::{Access, Counts, Store};
use super::location::FileId;
use super::transfer::{Batch, Tally};
use crate::domain::piece::{Abandoned, Piece};
use crate::domain::plan::PlanDoc;
use std::path::Path;

impl Store {
    /// Is the place under us still the one we opened (the file's name still
    /// leading to it, with one link)? Once it failed it stays failed.
    pub fn check_file(&mut self) -> Result<()> {
        self.engine.check_place()
    }

    /// The file as opened, for a check made by another connection.
    pub fn file_id(&self) -> FileId {
        self.engine.file_id()
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.engine.schema_version()
    }

    pub fn journal_mode(&self) -> Result<String> {
        self.engine.journal_mode()
    }

    /// `PRAGMA quick_check`: "ok", or what is wrong.
    pub fn quick_check(&self) -> Result<String> {
        self.engine.quick_check()
    }

    /// Writes a consistent copy to `dest`, which must not exist yet, with the
    /// same private permissions as the database, then checks the copy.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.engine.backup_to(dest)
    }

    /// Replaces the plan with `doc`, which must have passed
    /// `domain::validate::prepare`. Ids and order are kept, so that an
    /// export re-imports to the same plan. History is kept; one history row
    /// records the import.
    pub fn replace_plan(&mut self, doc: PlanDoc, source: &str) -> Result<Counts> {
        self.replace_plan_from(doc.into_pieces().map(Ok), source)
    }

    /// Replaces the plan with the pieces of a document as they come (each
    /// checked by `domain::validate::Validator` first), in one transaction:
    /// an `Abandoned` among them, or any failure, undoes all of it and
    /// leaves the database as it was.
    pub fn replace_plan_from(
        &mut self,
        mut pieces: impl Iterator<Item = std::result::Result<Piece, Abandoned>>,
        source: &str,
    ) -> Result<Counts> {
        self.writable()?;
        let before = if self.is_empty()? {
            None
        } else {
            Some(self.counts()?.summary())
        };
        let (seen, now, author) = self.who();
        let by = Bulk {
            seen: seen.as_deref(),
            now: &now,
            author: &author,
        };
        let pieces: &mut Pieces<'_> = &mut pieces;
        self.engine.replace_plan(pieces, source, before, &by)?;
        self.follow_plan()?;
        self.counts()
    }

    /// Every row of the plan, in one read transaction: a commit by another
    /// planner during the read is wholly in it or wholly out.
    pub fn send_rows(&self, send: &mut dyn FnMut(Batch) -> bool) -> Result<Tally> {
        self.engine.send_rows(send)
    }

    /// Writes a whole plan from `rows` in one transaction, over the one the
    /// place holds when `replace` (else it must hold none), then reads back
    /// what it wrote and commits only if that equals `sent()`, the tally
    /// of the reading side. Over a plan that was there, ids and versions
    /// stay above all it gave out and the plan gets a new identity.
    pub fn take_rows(
        &mut self,
        rows: &mut dyn Iterator<Item = Batch>,
        replace: bool,
        sent: &mut dyn FnMut() -> Result<Tally>,
    ) -> Result<Tally> {
        let had_plan = !self.is_empty()?;
        if had_plan && !replace {
            return Err(Error::HoldsPlan {
                place: self.path().display().to_string(),
            });
        }
        self.writable()?;
        let (seen, now, author) = self.who();
        let by = Bulk {
            seen: seen.as_deref(),
            now: &now,
            author: &author,
        };
        let written = self.engine.take_rows(rows, had_plan, sent, &by)?;
        self.follow_plan()?;
        Ok(written)
    }

    fn writable(&self) -> Result<()> {
        match &self.access {
            Access::ReadOnly(why) => Err(Error::ReadOnly(why.clone())),
            Access::ReadWrite => Ok(()),
        }
    }

    /// The plan seen, the time now and the author, for a whole-plan write.
    fn who(&self) -> (Option<String>, String, String) {
        let seen = self.plan.as_ref().map(|p| p.identity.clone());
        (seen, self.clock.now_text(), self.author.clone())
    }
}
