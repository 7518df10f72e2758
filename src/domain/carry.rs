//! Next year's plan from this year's: the plan's frame (directions, 工程,
//! 方面) and, with carry-over, every item not finished — neither done nor
//! cancelled — with its project, its owner and its last standing (status,
//! value, time limit, yearly steps: a multi-year target is judged by its next
//! year's step in the new plan), each marked with where it came from. Done
//! and cancelled items stay behind; no reading, note or history is copied:
//! they stay with the plan they were written in. Nothing is invented.

use super::plan::{Milestone, PlanDoc, PlanHead, Project};
use super::status::Status;

/// What carrying over made, and what it left behind.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    pub doc: PlanDoc,
    /// (project, item title, id in the earlier plan), in plan order.
    pub items: Vec<(String, String, i64)>,
    pub left_done: usize,
    pub left_dropped: usize,
}

/// The new plan `title`/`year`/`unit` from `from` (whose identity is
/// `origin`): its frame, and its unfinished items when `carry`.
pub fn next_plan(from: &PlanDoc, origin: &str, head: &PlanHead, carry: bool) -> Carried {
    // The frame only: the projects are gone through one at a time below.
    let mut doc = PlanDoc {
        format: from.format.clone(),
        format_version: from.format_version,
        plan: from.plan.clone(),
        directions: from.directions.clone(),
        programs: from.programs.clone(),
        areas: from.areas.clone(),
        projects: Vec::new(),
    };
    doc.plan.title.clone_from(&head.title);
    doc.plan.year = i32::from(head.year);
    doc.plan.unit.clone_from(&head.unit);
    doc.projects = Vec::new();
    let mut out = Carried {
        doc,
        items: Vec::new(),
        left_done: 0,
        left_dropped: 0,
    };
    for p in &from.projects {
        let mut kept: Vec<Milestone> = Vec::new();
        for m in &p.milestones {
            match m.status {
                Status::Done => out.left_done += 1,
                Status::Dropped => out.left_dropped += 1,
                _ if carry => {
                    out.items.push((p.name.clone(), m.title.clone(), m.id));
                    kept.push(carried(m, origin));
                }
                _ => {}
            }
        }
        if !kept.is_empty() {
            out.doc.projects.push(Project {
                milestones: kept,
                notes: Vec::new(),
                areas: p.areas.clone(),
                name: p.name.clone(),
                description: p.description.clone(),
                owner: p.owner.clone(),
                lead: p.lead.clone(),
                start: p.start.clone(),
                due: p.due.clone(),
                created_at: p.created_at.clone(),
                created_by: p.created_by.clone(),
                updated_at: p.updated_at.clone(),
                updated_by: p.updated_by.clone(),
                ..*p
            });
        }
    }
    out
}

/// The item as it stands, without what belongs to the year it was written
/// in (its readings, notes and record of who made it), marked with where it
/// came from.
fn carried(m: &Milestone, origin: &str) -> Milestone {
    Milestone {
        readings: Vec::new(),
        notes: Vec::new(),
        origin: format!("{origin}#{}", m.id),
        created_at: None,
        created_by: None,
        updated_at: None,
        updated_by: None,
        version: Default::default(),
        ..m.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::PlanHead;

    #[test]
    fn unfinished_items_carry_with_their_standing_and_done_ones_stay_behind() {
        let mut from = crate::seed::plan_2023("2023-01-01T00:00:00Z", "test");
        from.projects[0].milestones[0].status = Status::Done;
        from.projects[1].milestones[0].status = Status::Dropped;
        let count = |s: Status| {
            from.projects
                .iter()
                .flat_map(|p| &p.milestones)
                .filter(|m| m.status == s)
                .count()
        };
        let (done, dropped) = (count(Status::Done), count(Status::Dropped));
        let all: usize = from.projects.iter().map(|p| p.milestones.len()).sum();
        let blocked = &mut from.projects[2].milestones[0];
        blocked.status = Status::Blocked;
        blocked.current = Some(7.0);
        let blocked_id = blocked.id;
        let head = PlanHead {
            title: "东城街道2024年发展工作计划".into(),
            year: 2024,
            unit: "东城街道".into(),
        };
        let c = next_plan(&from, "abc", &head, true);
        assert_eq!((c.left_done, c.left_dropped), (done, dropped));
        assert_eq!(c.items.len(), all - done - dropped);
        assert_eq!(c.doc.plan.year, 2024);
        assert_eq!(c.doc.directions, from.directions, "the frame is the plan's");
        let moved = c
            .doc
            .projects
            .iter()
            .flat_map(|p| &p.milestones)
            .find(|m| m.origin == format!("abc#{blocked_id}"))
            .unwrap();
        assert_eq!((moved.status, moved.current), (Status::Blocked, Some(7.0)));
        assert!(moved.readings.is_empty() && moved.notes.is_empty());
        assert!(c.doc.projects.iter().all(|p| p.notes.is_empty()));

        let frame = next_plan(&from, "abc", &head, false);
        assert!(frame.doc.projects.is_empty() && frame.items.is_empty());
    }
}
