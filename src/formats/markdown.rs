//! The plan as a readable document: directions, their projects with a
//! milestone table and notes, then the programs and areas that cut across.

use crate::domain::plan::{Milestone, Note, Outline, Project};
use crate::domain::progress::{format_value, value_against_target};
use crate::domain::{Kind, PlanDoc};
use crate::i18n::Lang;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Text from the plan, with what would be HTML written as entities:
/// Markdown viewers render inline HTML, so a note's `<script>` or
/// `<img onerror=…>` would run there. `&lt;` reads as `<` everywhere.
pub(super) fn no_html(s: &str) -> String {
    if !s.contains(['<', '>', '&']) {
        return s.to_owned();
    }
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Table cells are one line and must not end the cell early.
fn cell(s: &str) -> String {
    no_html(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// A line of running text must not turn into a heading, list or quote.
fn line(s: &str) -> String {
    let s = no_html(s);
    match s.chars().next() {
        Some('#' | '>' | '-' | '*' | '+' | '|' | '=') => format!("\\{s}"),
        _ => s,
    }
}

fn paragraph(out: &mut String, text: &str) {
    if !text.is_empty() {
        for l in text.lines() {
            out.push_str(&line(l));
            out.push_str("  \n");
        }
        out.push('\n');
    }
}

fn value_cell(m: &Milestone, lang: Lang) -> String {
    match m.kind {
        Kind::YesNo => lang.kind(Kind::YesNo).to_owned(),
        Kind::Numeric => value_against_target(m.current, m.target, &m.unit),
    }
}

fn notes(out: &mut String, notes: &[Note]) {
    for n in notes {
        let date = n
            .created_at
            .as_deref()
            .unwrap_or("")
            .get(..10)
            .unwrap_or("");
        let _ = writeln!(out, "> {} · {date}  ", line(&n.author));
        for l in n.body.lines() {
            let _ = writeln!(out, "> {}  ", no_html(l));
        }
        out.push('\n');
    }
}

fn project(
    out: &mut String,
    p: &Project,
    lang: Lang,
    programs: &HashMap<i64, String>,
    areas: &HashMap<i64, String>,
) {
    let w = lang.words();
    let _ = writeln!(out, "#### {}\n", line(&p.name));
    let mut facts = vec![format!("{}: {}", w.status, lang.status(p.status))];
    if let Some(g) = p.program.and_then(|g| programs.get(&g)) {
        facts.push(format!("{}: {}", w.program, no_html(g)));
    }
    if !p.areas.is_empty() {
        let names: Vec<&str> = p
            .areas
            .iter()
            .filter_map(|a| areas.get(a))
            .map(String::as_str)
            .collect();
        facts.push(format!("{}: {}", w.area, no_html(&names.join("、"))));
    }
    if let Some(d) = &p.due {
        facts.push(format!("{}: {d}", w.due));
    }
    if !p.owner.is_empty() {
        facts.push(format!("{}: {}", w.owner, no_html(&p.owner)));
    }
    if !p.lead.is_empty() {
        facts.push(format!("{}: {}", w.lead, no_html(&p.lead)));
    }
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    paragraph(out, &p.description);
    if !p.milestones.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            w.milestone, w.current_target, w.progress, w.due, w.status
        );
        for m in &p.milestones {
            let measure = m.measure();
            let mut title = cell(&m.title);
            if let Some(b) = m.baseline {
                title.push_str(&format!(" ({}: {})", w.baseline, format_value(b)));
            }
            let _ = writeln!(
                out,
                "| {title} | {} | {} | {} | {} |",
                cell(&value_cell(m, lang)),
                measure
                    .percent()
                    .map_or_else(|| "—".into(), |p| p.to_string()),
                m.due.as_deref().unwrap_or("—"),
                lang.status(m.status)
            );
        }
        out.push('\n');
    }
    notes(out, &p.notes);
    for m in &p.milestones {
        if !m.notes.is_empty() {
            let _ = writeln!(out, "*{}: {}*\n", w.milestone, line(&m.title));
            notes(out, &m.notes);
        }
    }
}

pub fn write(doc: &PlanDoc, lang: Lang, out: impl Write) -> io::Result<()> {
    let outline: Vec<Outline> = doc
        .projects
        .iter()
        .map(|p| Outline {
            id: p.id,
            direction: p.direction,
            program: p.program,
            areas: p.areas.clone(),
            name: p.name.clone(),
        })
        .collect();
    let by_id: HashMap<i64, &Project> = doc.projects.iter().map(|p| (p.id, p)).collect();
    write_streamed(
        doc,
        doc.milestone_count(),
        &outline,
        |id| by_id.get(&id).map(|p| (*p).clone()),
        lang,
        out,
    )
}

/// `write`, with each project fetched whole by `project_of` when its
/// direction's section reaches it (the head's own `projects` are not read;
/// `outline` gives every project's place and name, `milestones` the total):
/// one project in memory at a time.
pub fn write_streamed(
    head: &PlanDoc,
    milestones: usize,
    outline: &[Outline],
    mut project_of: impl FnMut(i64) -> Option<Project>,
    lang: Lang,
    mut out: impl Write,
) -> io::Result<()> {
    let doc = head;
    let w = lang.words();
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", line(&doc.plan.title));
    paragraph(&mut s, &doc.plan.description);
    if !doc.plan.source.is_empty() {
        let _ = writeln!(
            s,
            "*{}: {}*\n",
            w.source,
            no_html(&doc.plan.source.replace('\n', " "))
        );
    }
    let _ = writeln!(
        s,
        "{} {} · {} {} · {} {} · {} {} · {} {} · {} {}\n",
        w.year,
        doc.plan.year,
        w.directions,
        doc.directions.len(),
        w.programs,
        doc.programs.len(),
        w.areas,
        doc.areas.len(),
        w.projects,
        outline.len(),
        w.milestones,
        milestones
    );
    let programs: HashMap<i64, String> = doc
        .programs
        .iter()
        .map(|g| (g.id, lang.name(&g.name, &g.name_en).to_owned()))
        .collect();
    let areas: HashMap<i64, String> = doc
        .areas
        .iter()
        .map(|a| (a.id, lang.name(&a.name, &a.name_en).to_owned()))
        .collect();

    let _ = writeln!(s, "## {}\n", w.directions);
    for d in &doc.directions {
        let _ = writeln!(s, "### {}\n", line(lang.name(&d.name, &d.name_en)));
        paragraph(&mut s, &d.description);
        let mut any = false;
        for o in outline.iter().filter(|p| p.direction == d.id) {
            let Some(p) = project_of(o.id) else {
                return Err(io::Error::other("reading the plan failed"));
            };
            project(&mut s, &p, lang, &programs, &areas);
            any = true;
            out.write_all(s.as_bytes())?;
            s.clear();
        }
        if !any {
            let _ = writeln!(s, "{}\n", w.no_projects);
        }
        out.write_all(s.as_bytes())?;
        s.clear();
    }

    if !doc.programs.is_empty() {
        let _ = writeln!(s, "## {}\n", w.programs);
        for g in &doc.programs {
            let _ = writeln!(s, "### {}\n", line(lang.name(&g.name, &g.name_en)));
            paragraph(&mut s, &g.description);
            for p in outline.iter().filter(|p| p.program == Some(g.id)) {
                let _ = writeln!(s, "- {}", no_html(&p.name));
            }
            s.push('\n');
        }
    }
    if !doc.areas.is_empty() {
        let _ = writeln!(s, "## {}\n", w.areas);
        for a in &doc.areas {
            let _ = writeln!(s, "### {}\n", line(lang.name(&a.name, &a.name_en)));
            paragraph(&mut s, &a.description);
            for p in outline.iter().filter(|p| p.areas.contains(&a.id)) {
                let _ = writeln!(s, "- {}", no_html(&p.name));
            }
        }
    }
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
        assert_eq!(line("# not a heading"), "\\# not a heading");
        assert_eq!(line("新城市"), "新城市");
        assert_eq!(
            cell("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            line("<script>x</script> & 1"),
            "&lt;script&gt;x&lt;/script&gt; &amp; 1"
        );
    }
}
