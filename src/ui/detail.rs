//! One milestone in full: every field, readings over time, notes newest
//! first (the selected one marked), and its recent history.

use super::detail_notes::{history_lines, note_lines};
use super::theme::Theme;
use super::{is_overdue, value_text};
use crate::app::App;
use crate::app::pane::OpenMilestone;
use crate::domain::pace::{Light, Verdict};
use crate::domain::progress::format_value;
use crate::ui::width::{truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(
    app: &App,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    open: &OpenMilestone,
    focused: bool,
) {
    let ui = app.ui();
    let d = &open.detail;
    let m = &d.milestone;
    let cells = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let field = |lines: &mut Vec<Line>, label: &str, value: String| {
        for (i, l) in wrap(&format!("{label}: {value}"), cells)
            .into_iter()
            .enumerate()
        {
            if i == 0 && l.starts_with(label) {
                let rest = l[label.len()..].to_owned();
                lines.push(Line::from(vec![
                    Span::styled(label.to_owned(), theme.dim()),
                    Span::raw(rest),
                ]));
            } else {
                lines.push(Line::raw(l));
            }
        }
    };
    for l in wrap(&m.title, cells) {
        lines.push(Line::styled(l, theme.title()));
    }
    field(
        &mut lines,
        ui.status,
        format!(
            "{} {}",
            super::theme::mark(m.status),
            app.lang.status(m.status)
        ),
    );
    field(&mut lines, ui.kind, app.lang.kind(m.kind).to_owned());
    let pct = m
        .measure()
        .percent()
        .map(|p| format!(" ({p}%)"))
        .unwrap_or_default();
    // A past figure (no target) is shown with the day it was true.
    let as_of = match (m.kind, m.target, d.readings.iter().map(|r| &r.as_of).max()) {
        (crate::domain::Kind::Numeric, None, Some(day)) => format!(" ({} {day})", ui.as_of),
        _ => String::new(),
    };
    field(
        &mut lines,
        &format!("{}/{}", ui.current, ui.target),
        format!("{}{pct}{as_of}", value_text(app, m)),
    );
    if let Some(b) = m.baseline {
        field(&mut lines, ui.baseline, app.lang.amount(b, &m.unit));
    }
    // Only a weight someone set: 1 is every milestone's.
    if m.weight != 1.0 {
        field(&mut lines, ui.weight, format_value(m.weight));
    }
    let due = match &m.due {
        Some(due) if is_overdue(app, m) => format!("{due} ({})", ui.overdue),
        Some(due) => due.to_string(),
        None => ui.no_due.to_owned(),
    };
    field(&mut lines, ui.due, due);
    // A yes/no task done records its day as a reading; that is its date.
    let task = m.kind == crate::domain::Kind::YesNo;
    if task
        && m.status == crate::domain::Status::Done
        && let Some(r) = d.readings.iter().max_by(|a, b| a.as_of.cmp(&b.as_of))
    {
        field(&mut lines, ui.done_on, r.as_of.clone());
    }
    let s = super::standing(app, m);
    if s.light != Light::Off || s.verdict == Verdict::Cancelled {
        let unit = &m.unit;
        field(
            &mut lines,
            ui.standing,
            format!(
                "{} {} · {}",
                super::theme::light_mark(s.light),
                app.lang.light(s.light),
                app.lang.reason(&s, unit, &m.said, app.clock())
            ),
        );
        if let Some(goal) = s.goal.filter(|g| g.step_of.is_some() || g.base != 0.0) {
            let said = app.lang.goal_line(&goal, unit);
            lines.extend(wrap(&format!("  {said}"), cells).into_iter().map(Line::raw));
        }
        if let Some(p) = s.pace {
            let pace = app.lang.pace_line(p.elapsed, p.done, p.gap_points);
            lines.extend(wrap(&format!("  {pace}"), cells).into_iter().map(Line::raw));
            if let (Some(f), Some(goal)) = (p.forecast, s.goal) {
                let said = app.lang.forecast_line(&goal.end.to_string(), f, unit);
                lines.extend(wrap(&format!("  {said}"), cells).into_iter().map(Line::raw));
            }
        }
    }
    // What the planner opened the detail to see (the title, the value, the
    // time limit, the standing and its pace) stays at the top; what follows
    // scrolls below it with the selected note.
    let pinned = lines.len();
    let who = m.responsible();
    if !who.is_empty() {
        let from = if who.inherited { ui.inherited } else { "" };
        let or_dash = |s: &str| {
            if s.is_empty() {
                "—".to_owned()
            } else {
                s.to_owned()
            }
        };
        field(
            &mut lines,
            &format!("{}/{}", ui.owner, ui.lead),
            format!("{}/{}{from}", or_dash(&who.unit), or_dash(&who.lead)),
        );
    }
    if let Some((_, id)) = m.origin.rsplit_once('#') {
        field(
            &mut lines,
            app.lang.carried_label(),
            app.lang.carried_item(id),
        );
        // Where it stood last year, when the earlier plan is in the store.
        let earlier = app.earlier.as_ref().and_then(|e| {
            let was = e.items.get(&id.parse::<i64>().ok()?)?;
            Some((e.year, was))
        });
        if let Some((year, was)) = earlier {
            let amount = |v: Option<f64>| {
                v.map_or_else(|| "—".to_owned(), |v| app.lang.amount(v, &was.unit))
            };
            let said = app.lang.earlier_standing(
                &amount(was.target),
                &amount(was.current),
                app.lang.status(was.status),
            );
            field(&mut lines, &app.lang.earlier_year_label(year), said);
        }
    }
    if !m.indicator.is_empty() {
        field(&mut lines, app.lang.indicator_label(), m.indicator.clone());
    }
    field(
        &mut lines,
        ui.updated,
        format!(
            "{} {} · {} {}",
            app.names.said(&m.updated_by),
            app.clock().local_minute(&m.updated_at),
            ui.version,
            m.version
        ),
    );

    for line in super::chart::of_detail(app, d, cells) {
        lines.push(Line::styled(line, theme.dim()));
    }
    if !d.readings.is_empty() && !task {
        lines.push(Line::styled(
            format!("── {} ({})", ui.readings, d.readings.len()),
            theme.dim(),
        ));
        for r in d.readings.iter().rev() {
            lines.push(Line::raw(truncate(
                &format!(
                    "{}  {}  {}",
                    r.as_of,
                    app.lang.amount(r.value, &m.unit),
                    app.names.said(&r.author)
                ),
                cells,
            )));
        }
    }
    lines.push(Line::styled(
        format!("── {} ({})", ui.notes, d.notes.len()),
        theme.dim(),
    ));
    let height = area.height as usize;
    let block = |i: usize| {
        if i < d.notes.len() {
            note_lines(app, theme, &d.notes[i], i == open.note_sel, focused, cells)
        } else {
            history_lines(app, theme, d, cells)
        }
    };
    // Pinned only when a useful view is left below it (four rows: a note's
    // head and its first lines); a pane too low scrolls everything.
    let view = if pinned + MIN_BELOW <= height {
        let rest = lines.split_off(pinned);
        let mut view = lines;
        view.extend(in_view(
            rest,
            height - pinned,
            open.note_sel,
            d.notes.len(),
            block,
        ));
        view
    } else {
        in_view(lines, height, open.note_sel, d.notes.len(), block)
    };
    frame.render_widget(Paragraph::new(view), area);
}

/// The fewest rows left below the pinned standing for it to stay pinned.
const MIN_BELOW: usize = 4;

/// The lines the view shows, with the selected note's first line four rows
/// above the bottom (or everything from the top when it fits, or the last
/// page at the end), as scrolling a paragraph of every line would show
/// them. Only the notes in view are laid out: a milestone with ten
/// thousand notes costs a frame what one with ten does. `block(i)` lays out
/// note `i`, and `block(notes)` what follows the notes.
fn in_view<'a>(
    head: Vec<Line<'a>>,
    height: usize,
    sel: usize,
    notes: usize,
    block: impl Fn(usize) -> Vec<Line<'a>>,
) -> Vec<Line<'a>> {
    if notes == 0 {
        // Nothing to select: from the top, as far as it goes.
        let mut lines = head;
        lines.extend(block(0));
        let skip = 4usize
            .saturating_sub(height)
            .min(lines.len().saturating_sub(height));
        lines.drain(..skip);
        lines.truncate(height);
        return lines;
    }
    let sel = sel.min(notes - 1);
    // From the selected note down, until the view is full or nothing is left.
    let mut below: Vec<Line> = Vec::new();
    for i in sel..=notes {
        if below.len() >= height.max(4) {
            break;
        }
        below.extend(block(i));
    }
    let after_head = below.len().min(4);
    if after_head >= height {
        // A view lower than four rows shows what follows the first line.
        below.drain(..after_head - height);
        below.truncate(height);
        return below;
    }
    let row = height - after_head;
    // Up from the selected note, until its first line sits at `row`.
    let mut above: Vec<Vec<Line>> = Vec::new();
    let mut count = 0;
    for i in (0..sel).rev() {
        if count >= row {
            break;
        }
        let b = block(i);
        count += b.len();
        above.push(b);
    }
    if count < row {
        count += head.len();
        above.push(head);
    }
    let mut lines: Vec<Line> = above.into_iter().rev().flatten().collect();
    let skip = count.saturating_sub(row);
    lines.drain(..skip.min(lines.len()));
    lines.extend(below);
    lines.truncate(height);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the view showed when every line was laid out and the paragraph
    /// scrolled to keep the selected note in view.
    fn scrolled_whole(
        head: usize,
        notes: &[usize],
        after: usize,
        sel: usize,
        height: usize,
    ) -> Vec<String> {
        let mut all: Vec<String> = (0..head).map(|k| format!("h{k}")).collect();
        let mut selected_line = 0;
        for (i, &n) in notes.iter().enumerate() {
            if i == sel {
                selected_line = all.len();
            }
            all.extend((0..n).map(|k| format!("n{i}.{k}")));
        }
        all.extend((0..after).map(|k| format!("a{k}")));
        let scroll = (selected_line + 4)
            .saturating_sub(height)
            .min(all.len().saturating_sub(height));
        all.into_iter().skip(scroll).take(height).collect()
    }

    proptest! {
        #[test]
        fn laying_out_only_what_shows_shows_the_same(
            head in 0usize..12,
            notes in proptest::collection::vec(1usize..7, 0..25),
            after in 0usize..6,
            sel in 0usize..25,
            height in 0usize..30,
        ) {
            let sel = if notes.is_empty() { 0 } else { sel % notes.len() };
            let block = |i: usize| -> Vec<Line<'static>> {
                if i < notes.len() {
                    (0..notes[i]).map(|k| Line::raw(format!("n{i}.{k}"))).collect()
                } else {
                    (0..after).map(|k| Line::raw(format!("a{k}"))).collect()
                }
            };
            let head_lines = (0..head).map(|k| Line::raw(format!("h{k}"))).collect();
            let shown: Vec<String> = in_view(head_lines, height, sel, notes.len(), block)
                .iter()
                .map(std::string::ToString::to_string)
                .collect();
            prop_assert_eq!(shown, scrolled_whole(head, &notes, after, sel, height));
        }
    }

    /// Ten thousand notes: only those near the selection are laid out.
    #[test]
    fn a_long_note_list_lays_out_only_the_view() {
        let laid = std::cell::Cell::new(0);
        let block = |i: usize| {
            laid.set(laid.get() + 1);
            vec![Line::raw(format!("n{i}")), Line::raw("  body")]
        };
        let shown = in_view(vec![Line::raw("title")], 20, 5_000, 10_000, block);
        assert_eq!(shown.len(), 20);
        assert!(shown.iter().any(|l| l.to_string() == "n5000"));
        assert!(laid.get() <= 22, "laid out {} notes", laid.get());
    }
}
