//! A pane's heading: its name, its red and yellow counts, how many
//! projects it holds, and the marks that say more panes lie either side
//! when a lens has more than fit.

use super::theme::light_mark;
use super::width::{truncate, width};
use crate::app::App;
use crate::domain::lens::Lens;
use crate::domain::pace::Light;

/// Below this many cells a pane shows too little of a project's name:
/// more panes than fit this way scroll sideways with the focus.
const MIN_PANE_CELLS: u16 = 26;

/// Which panes are drawn side by side: the first one's index and how many,
/// the focused one always among them.
pub fn visible_panes(n: usize, focus: usize, cells: u16) -> (usize, usize) {
    let fit = usize::from((cells / MIN_PANE_CELLS).max(1));
    let shown = n.min(fit);
    let first = (focus + 1)
        .saturating_sub(shown)
        .min(n.saturating_sub(shown));
    (first, shown)
}

/// The title of pane `index`, `cells` wide, on a screen `screen` wide.
pub fn title(app: &App, index: usize, cells: u16, screen: u16) -> String {
    let d = &app.panes[index].group;
    let focused = index == app.focus;
    let name = app.pane_name(d);
    // Panes scrolled out of sight either side are marked on the edge ones.
    let (first, shown) = visible_panes(app.panes.len(), app.focus, screen);
    let before = if index == first && first > 0 && !app.zoomed {
        "‹"
    } else {
        ""
    };
    let after = if index + 1 == first + shown && index + 1 < app.panes.len() && !app.zoomed {
        " ›"
    } else {
        ""
    };
    // Red and yellow items under the heading, once counted (in the
    // background: see app::lights); nothing rather than a stale count.
    let mut lights = String::new();
    if let Some(c) = app.light_counts(&d.group) {
        for (n, light) in [
            (c.red, Light::Red),
            (c.yellow, Light::Yellow),
            (c.waiting, Light::Grey),
        ] {
            if n > 0 {
                lights.push_str(&format!(" {}{n}", light_mark(light)));
            }
        }
    }
    // A unit answers for items: its pane counts those, so its red and
    // yellow read against its whole load; other lenses count projects.
    let (n, of) = if app.lens == Lens::Owners {
        (d.rollup.milestones, app.ui().items_n)
    } else {
        (d.projects, app.ui().projects_n)
    };
    let title = format!(
        "{before}{}{name}{lights} · {n} {of} ",
        if focused { "▶ " } else { " " },
    );
    // A cut title keeps its `›`: it is what says more panes lie that way.
    let room = (cells.saturating_sub(2) as usize).saturating_sub(width(after));
    format!("{}{after}", truncate(&title, room))
}
