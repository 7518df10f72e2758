//! One row per milestone, for Excel and WPS: UTF-8 with a byte-order mark
//! (without it both open Chinese as mojibake), headers in the planner's
//! language, numbers as numbers.

use crate::domain::PlanDoc;
use crate::domain::plan::Milestone;
use crate::domain::progress::format_value;
use crate::domain::sheet::{Cells, Cols, Mark};
use crate::i18n::Lang;
use std::collections::HashMap;
use std::io::Write;

/// A text cell that starts like a formula is run by spreadsheets; a leading
/// apostrophe makes them show it as text instead (CSV injection).
pub fn text_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_owned(),
    }
}

fn num(v: Option<f64>) -> String {
    v.map(format_value).unwrap_or_default()
}

/// The byte-order mark that tells Excel and WPS the file is UTF-8. Callers
/// put it in front of `write`'s output, after any cleaning of the text.
pub const BOM: &str = "\u{FEFF}";

/// The header row, in `lang`: what `import-values` expects back.
pub fn header(lang: Lang) -> [&'static str; COLUMNS] {
    let w = lang.words();
    [
        w.id,
        w.direction,
        w.program,
        w.project,
        w.milestone,
        w.kind,
        w.unit,
        w.baseline,
        w.current,
        w.target,
        w.progress,
        w.due,
        w.status,
        w.owner,
        w.lead,
        w.updated_at,
        w.updated_by,
        w.version,
        w.mark,
    ]
}

pub const COLUMNS: usize = 19;

/// Where `import-values` finds what it reads back.
pub const COLS: Cols = Cols {
    id: 0,
    title: 4,
    value: 8,
    status: 12,
    note: None,
    version: 17,
    mark: 18,
};

/// The plan at `doc`, of the database whose identity is `plan`.
pub fn write(doc: &PlanDoc, plan: &str, lang: Lang, out: impl Write) -> csv::Result<()> {
    let mut projects = doc.projects.iter().cloned();
    write_streamed(doc, plan, || projects.next(), lang, out)
}

/// `write`, with the projects pulled one at a time from `next` (the head's
/// own `projects` are not read): one project in memory at a time.
pub fn write_streamed(
    head: &PlanDoc,
    plan: &str,
    mut next: impl FnMut() -> Option<crate::domain::plan::Project>,
    lang: Lang,
    out: impl Write,
) -> csv::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(header(lang))?;
    let directions: HashMap<i64, &str> = head
        .directions
        .iter()
        .map(|d| (d.id, lang.name(&d.name, &d.name_en)))
        .collect();
    let programs: HashMap<i64, &str> = head
        .programs
        .iter()
        .map(|p| (p.id, lang.name(&p.name, &p.name_en)))
        .collect();
    while let Some(p) = next() {
        let program = p
            .program
            .and_then(|g| programs.get(&g))
            .copied()
            .unwrap_or("");
        let direction = directions.get(&p.direction).copied().unwrap_or("");
        for m in &p.milestones {
            csv.write_record(row(m, direction, program, &p.name, plan, lang))?;
        }
    }
    csv.flush()?;
    Ok(())
}

fn row(
    m: &Milestone,
    direction: &str,
    program: &str,
    project: &str,
    plan: &str,
    lang: Lang,
) -> Vec<String> {
    let measure = m.measure();
    let value = num(m.current);
    let status = lang.status(m.status);
    let mark = Mark::of(
        plan,
        &Cells {
            id: m.id,
            version: m.version.0,
            title: &m.title,
            value: &value,
            status,
            note: "",
        },
    );
    vec![
        m.id.to_string(),
        text_cell(direction),
        text_cell(program),
        text_cell(project),
        text_cell(&m.title),
        lang.kind(m.kind).to_owned(),
        text_cell(&m.unit),
        num(m.baseline),
        value,
        num(m.target),
        measure.percent().map(|p| p.to_string()).unwrap_or_default(),
        m.due.clone().unwrap_or_default(),
        status.to_owned(),
        text_cell(&m.owner),
        text_cell(&m.lead),
        m.updated_at.clone().unwrap_or_default(),
        text_cell(m.updated_by.as_deref().unwrap_or("")),
        m.version.0.to_string(),
        mark.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("新城市"), "新城市");
    }
}
