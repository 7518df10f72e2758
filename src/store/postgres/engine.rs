//! The server as an engine: its transactions, its LISTEN counter, its
//! trigram search, and the pinyin keys it keeps up itself after a write.

use super::Server;
use crate::domain::rows::Hit;
use crate::store::engine::Engine;
use crate::store::error::Result;
use crate::store::lineage::same_plan;
use crate::store::plan_rows::PlanStanding;
use crate::store::sql::Db;

impl Engine for Server {
    fn db(&self) -> &dyn Db {
        self
    }

    fn is_server(&self) -> bool {
        true
    }

    fn data_version(&self) -> Result<i64> {
        self.heard()
    }

    fn snapshot(&self, read: &mut dyn FnMut() -> Result<()>) -> Result<()> {
        Server::snapshot(self, read)
    }

    fn write(
        &mut self,
        what: &str,
        seen: Option<&str>,
        change: &mut dyn FnMut(&dyn Db) -> Result<()>,
    ) -> Result<()> {
        Server::write(self, what, |tx| {
            same_plan(tx, seen)?;
            change(tx)?;
            super::catch_up_pinyin(tx)
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        super::search(self, query, limit)
    }

    fn plans_side_by_side(&self, today: &str) -> Result<Option<Vec<PlanStanding>>> {
        super::plans::standings(self, today).map(Some)
    }
}
