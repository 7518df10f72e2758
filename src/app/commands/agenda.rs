//! What the agenda's commands do: read it for a scope, narrow it, jump to an item.

use crate::app::App;
use crate::app::layers::agenda::{AgendaView, all_ids, next_of};
use crate::app::overlay::Overlay;
use crate::domain::agenda::{Narrow, SECTION_LIMIT, WINDOWS};
use crate::domain::lens::Lens;
use crate::domain::scope::Scope;
use crate::store;

impl App {
    /// `A` on the panes.
    pub(in crate::app) fn open_agenda(&mut self) {
        let days = self
            .prefs
            .agenda_days
            .unwrap_or_else(|| crate::domain::agenda::soon_days(self.today));
        match self
            .store
            .agenda(self.today, days, &Scope::everything(), SECTION_LIMIT)
        {
            Ok(agenda) => self.overlays.push(Overlay::Agenda(AgendaView {
                agenda,
                sel: 0,
                scope: Scope::everything(),
                narrowed: Vec::new(),
                alarming: false,
            })),
            Err(e) => self.failed(&e),
        }
    }

    /// `d`, `p`, `o` in the agenda: the next direction, 工程 or owner, and
    /// after the last one the whole plan again; the other narrowings stay.
    pub(in crate::app) fn narrow_agenda(&mut self, by: Narrow) {
        let Some(Overlay::Agenda(view)) = self.overlays.last() else {
            return;
        };
        let mut scope = view.scope.clone();
        let mut days = view.agenda.soon_days;
        let mut alarming = view.alarming;
        let stepped = match by {
            Narrow::Alarming => {
                alarming = !alarming;
                Ok(())
            }
            Narrow::Window => {
                days = WINDOWS
                    .iter()
                    .copied()
                    .find(|w| *w > days)
                    .unwrap_or(WINDOWS[0]);
                Ok(())
            }
            Narrow::Direction => self.store.directions().map(|all| {
                scope.direction = next_of(&all_ids(&all), scope.direction);
            }),
            Narrow::Program => self.store.groups(Lens::Programs).map(|all| {
                scope.program = next_of(&all_ids(&all), scope.program);
            }),
            Narrow::Owner => self.store.owners().map(|all| {
                scope.owner = match &scope.owner {
                    None => all.first().cloned(),
                    Some(now) => all.iter().skip_while(|o| *o != now).nth(1).cloned(),
                };
            }),
        };
        let on = self.judging();
        let found = stepped.and_then(|()| {
            let mut names = self.scope_names(&scope)?;
            let mut agenda = self.store.agenda(self.today, days, &scope, SECTION_LIMIT)?;
            if alarming {
                // The one standing decides, as on every other view.
                agenda = agenda.only(|m| m.standing(on).light.alarm() > 0);
                names.insert(0, self.ui().agenda_alarming.to_owned());
            }
            Ok((names, agenda))
        });
        match found {
            Ok((narrowed, agenda)) => {
                if let Some(Overlay::Agenda(view)) = self.overlays.last_mut() {
                    *view = AgendaView {
                        agenda,
                        sel: 0,
                        scope,
                        narrowed,
                        alarming,
                    };
                }
            }
            Err(e) => self.failed(&e),
        }
    }

    /// The agenda's narrowings in words: `新产业`, `产业发展强基工程`, `经发局`.
    fn scope_names(&self, scope: &Scope) -> store::Result<Vec<String>> {
        let mut names = Vec::new();
        for (lens, id) in [
            (Lens::Directions, scope.direction),
            (Lens::Programs, scope.program),
        ] {
            if let Some(id) = id {
                let groups = self.store.groups(lens)?;
                let g = groups
                    .iter()
                    .find(|g| all_ids(std::slice::from_ref(g)) == [id]);
                names.extend(g.map(|g| self.pane_name(g)));
            }
        }
        names.extend(scope.owner.clone());
        Ok(names)
    }

    /// Opens the milestone's direction pane, drilled down to it, selected.
    pub(in crate::app) fn go_to_milestone(&mut self, id: i64) {
        let found = self.store.milestone(id).and_then(|m| {
            let project = self.store.project(m.project_id)?;
            Ok((m, project))
        });
        match found {
            Ok((m, project)) => self.jump(&store::Hit {
                kind: store::HitKind::Milestone,
                direction_id: project.direction_id,
                project_id: project.id,
                milestone_id: Some(m.id),
                note_id: None,
                path: String::new(),
                text: m.title,
            }),
            Err(e) => self.failed(&e),
        }
    }
}
