//! A list in a pane, a page at a time, and the marks on the pane's border
//! that say how many items lie beyond the page.

use super::theme::Theme;
use crate::app::window::Window;
use crate::ui::width::{width, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A list of items of `per` lines each, shown a page at a time; the
/// selected one is reversed in the focused pane and underlined in the
/// others (both show without colour). Only the visible items are formatted.
///
/// Pages flip rather than scroll line by line: moving within a page then
/// rewrites two rows, not the whole list, which is what a slow SSH link
/// notices. The first item shown follows from the selection alone, so
/// drawing needs no remembered offset.
pub(super) struct PagedList<'a, T, F> {
    pub window: &'a Window<T>,
    /// Lines per item.
    pub per: usize,
    pub lines_of: F,
    /// In the focused pane (the selection reversed, not underlined).
    pub focused: bool,
    /// What an empty list says.
    pub empty: &'a str,
}

impl<T, F: Fn(&T) -> Vec<Line<'static>>> PagedList<'_, T, F> {
    /// Draws the page holding the selection in `area`; how many items lie
    /// above and below it.
    pub(super) fn draw(&self, frame: &mut Frame, theme: Theme, area: Rect) -> Hidden {
        let PagedList {
            window,
            per,
            lines_of,
            focused,
            empty,
        } = self;
        let (per, focused) = (*per, *focused);
        if area.height == 0 {
            return Hidden::default();
        }
        if window.total == 0 {
            let lines: Vec<Line> = wrap(empty, area.width as usize)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim()))
                .collect();
            frame.render_widget(Paragraph::new(lines), area);
            return Hidden::default();
        }
        let fit = (area.height as usize / per).max(1);
        let first = window.sel / fit * fit;
        let mut lines = Vec::with_capacity(fit * per);
        for i in first..(first + fit).min(window.total) {
            let Some(item) = window.get(i) else { continue };
            for mut line in lines_of(item) {
                if i == window.sel {
                    line = line.patch_style(if focused {
                        theme.selected()
                    } else {
                        Style::default().add_modifier(ratatui::style::Modifier::UNDERLINED)
                    });
                }
                lines.push(line);
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
        Hidden {
            above: first,
            below: window.total.saturating_sub(first + fit),
        }
    }
}

/// How many items of a list lie above and below the page shown.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Hidden {
    above: usize,
    below: usize,
}

/// `↑ 12 ↓ 4` on the pane's bottom border, right-aligned: that more items
/// follow costs a few bytes, and only when the page or the count changes.
pub(super) fn hidden_marks(frame: &mut Frame, theme: Theme, pane: Rect, hidden: Hidden) {
    let mut text = String::new();
    if hidden.above > 0 {
        text.push_str(&format!(" ↑ {}", hidden.above));
    }
    if hidden.below > 0 {
        text.push_str(&format!(" ↓ {}", hidden.below));
    }
    if text.is_empty() || pane.height < 2 || pane.width < 4 {
        return;
    }
    text.push(' ');
    let w = super::cells(width(&text)).min(pane.width - 2);
    let at = Rect {
        x: pane.right() - 1 - w,
        y: pane.bottom() - 1,
        width: w,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), at);
}
