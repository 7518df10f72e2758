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

/// How many ids a plan of a store of many plans may hold: each plan made
/// in a folder or on a server takes a block of its own above every plan
/// there, so that a project's, an item's or a note's id names one row in
/// the whole store — `milestone set 2000000019 --plan 南城街道/2024` on
/// 东城's item is refused as not found, never applied to 南城's #19.
pub const ID_BLOCK: i64 = 1_000_000_000;

impl Piece {
    /// The piece with its projects', items' and notes' ids moved into the
    /// block starting at `base` (each keeps its place within a block).
    #[must_use]
    pub fn into_block(self, base: i64) -> Piece {
        let moved = |id: i64| base + id.rem_euclid(ID_BLOCK);
        match self {
            Piece::Project(mut p) => {
                p.id = moved(p.id);
                for n in &mut p.notes {
                    n.id = moved(n.id);
                }
                for m in &mut p.milestones {
                    m.id = moved(m.id);
                    for n in &mut m.notes {
                        n.id = moved(n.id);
                    }
                }
                Piece::Project(p)
            }
            other => other,
        }
    }
}

/// The block a new plan takes in a store whose plans hold ids up to
/// `largest`: the first one above them (block 0 in an empty store).
pub fn block_above(largest: Option<i64>) -> i64 {
    largest.map_or(0, |l| (l.max(0) / ID_BLOCK + 1) * ID_BLOCK)
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

#[cfg(test)]
mod block_tests {
    use super::*;

    #[test]
    fn a_new_plan_takes_the_block_above_every_plan_of_its_store() {
        assert_eq!(
            block_above(None),
            0,
            "the first plan of a store keeps its ids"
        );
        assert_eq!(block_above(Some(55)), ID_BLOCK);
        assert_eq!(block_above(Some(ID_BLOCK + 19)), 2 * ID_BLOCK);
        let mut doc = crate::seed::plan_2023("2023-01-01T00:00:00Z", "test");
        let carried_id = ID_BLOCK + 19;
        doc.projects[0].milestones[0].id = carried_id;
        let moved: Vec<Piece> = doc
            .into_pieces()
            .map(|p| p.into_block(3 * ID_BLOCK))
            .collect();
        let Some(Piece::Project(p)) = moved.iter().find(|p| matches!(p, Piece::Project(_))) else {
            panic!("a project");
        };
        assert!(p.id > 3 * ID_BLOCK && p.id < 4 * ID_BLOCK);
        assert_eq!(
            p.milestones[0].id,
            3 * ID_BLOCK + 19,
            "an item carried from another block keeps its place in the new one"
        );
        assert!(
            p.milestones
                .iter()
                .flat_map(|m| &m.notes)
                .all(|n| n.id > 3 * ID_BLOCK)
        );
    }
}
