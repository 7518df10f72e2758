//! What adding and renaming a project does.

use crate::app::App;
use crate::app::overlay::Purpose;
use crate::app::undo::{ProjectWas, Undo};
use crate::domain::lens::typed_areas;
use crate::domain::validate::typed_owner;

impl App {
    /// Writes project `project` (seen at `version`) as `purpose` says:
    /// its owner, its areas, or else its name.
    pub(in crate::app) fn submit_project_form(
        &mut self,
        project: i64,
        version: i64,
        purpose: &Purpose,
        text: &str,
    ) -> Result<String, String> {
        let written = match purpose {
            Purpose::OwnerProject { .. } => {
                let (unit, lead) = typed_owner(text).map_err(|e| self.lang.refusal(&e))?;
                self.store
                    .set_project_owner(project, version, &unit, &lead)
                    .map(|((u, l), now)| (ProjectWas::Owner(u, l), now))
            }
            Purpose::Areas { .. } => {
                let known = self.store.areas().map_err(|e| self.form_error(e))?;
                let ids = typed_areas(text, &known).map_err(|e| self.lang.refusal(&e))?;
                self.store
                    .set_project_areas(project, version, &ids)
                    .map(|(was, now)| (ProjectWas::Areas(was), now))
            }
            _ => self
                .store
                .rename_project(project, version, text)
                .map(|(was, now)| (ProjectWas::Name(was), now)),
        };
        let (before, now) = written.map_err(|e| self.form_error(e))?;
        // Nothing changed (the same owner typed again): nothing to undo.
        if now != version {
            self.undo.push(Undo::Project {
                id: project,
                version: now,
                was: version,
                before,
            });
        }
        Ok(self.ui().saved.to_owned())
    }
}
