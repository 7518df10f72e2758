//! A plan document in the pieces a file gives them, one at a time: what an
//! import reads, checks and writes without ever holding the whole plan (a
//! city's plan is half a gigabyte of JSON).

use super::plan::{Area, Direction, PlanDoc, PlanInfo, Program, Project};

/// One piece of a plan document. A file may give them in any order, and
/// the groups only once each; a project comes whole, with its milestones,
/// readings and notes.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// The format header and the plan's own fields.
    Plan {
        format: String,
        format_version: u32,
        plan: PlanInfo,
    },
    Directions(Vec<Direction>),
    Programs(Vec<Program>),
    Areas(Vec<Area>),
    Project(Box<Project>),
}

/// Why the pieces stopped before the end: the document turned out to be
/// refused, or its reader went away. Whoever was writing them undoes all
/// of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abandoned;

/// What a plan's pieces added up to, for the planner and the history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub directions: usize,
    pub projects: usize,
    pub milestones: usize,
    pub notes: usize,
}

impl Tally {
    pub fn add(&mut self, piece: &Piece) {
        match piece {
            Piece::Directions(d) => self.directions += d.len(),
            Piece::Project(p) => {
                self.projects += 1;
                self.milestones += p.milestones.len();
                self.notes +=
                    p.notes.len() + p.milestones.iter().map(|m| m.notes.len()).sum::<usize>();
            }
            Piece::Plan { .. } | Piece::Programs(_) | Piece::Areas(_) => {}
        }
    }
}

impl PlanDoc {
    /// The document taken apart in the order an export writes it.
    pub fn into_pieces(self) -> impl Iterator<Item = Piece> {
        let head = [
            Piece::Plan {
                format: self.format,
                format_version: self.format_version,
                plan: self.plan,
            },
            Piece::Directions(self.directions),
            Piece::Programs(self.programs),
            Piece::Areas(self.areas),
        ];
        head.into_iter().chain(
            self.projects
                .into_iter()
                .map(|p| Piece::Project(Box::new(p))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2023_plan_in_pieces_counts_as_a_whole() {
        let doc = crate::seed::plan_2023("2023-01-01T00:00:00+08:00", "test");
        let (milestones, notes) = (doc.milestone_count(), doc.note_count());
        let mut tally = Tally::default();
        let pieces: Vec<Piece> = doc.clone().into_pieces().collect();
        pieces.iter().for_each(|p| tally.add(p));
        assert_eq!(tally.directions, doc.directions.len());
        assert_eq!(tally.projects, doc.projects.len());
        assert_eq!((tally.milestones, tally.notes), (milestones, notes));
        assert!(matches!(pieces[0], Piece::Plan { .. }));
    }
}
