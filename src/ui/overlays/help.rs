//! Help: every key of every layer, drawn from the key table that
//! dispatches them.

use crate::app::App;
use crate::app::keymap::{EVERY, Layer, TEXT, keys_label, keys_label_ascii};
use crate::i18n::Ui;
use crate::ui::describe;
use crate::ui::theme::Theme;
use crate::ui::width::{pad, truncate};
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let ui = app.ui();
    let popup = centered(
        area,
        area.width.saturating_sub(2).min(72),
        area.height.saturating_sub(2),
    );
    let inner = boxed(frame, popup, ui.help_title, theme);
    let mut lines = Vec::new();
    let key_cells = 22.min(inner.width as usize / 2);
    // A section per layer, then the keys every text field shares and the
    // ones that hold everywhere, each listed once.
    let singles = Layer::ALL.map(|l| ([l], layer_name(ui, l)));
    let sections = singles
        .iter()
        .map(|(l, name)| (&l[..], *name))
        .chain([(TEXT, ui.layer_text), (EVERY, ui.layer_every)]);
    for (layers, name) in sections {
        lines.push(Line::styled(format!("── {name}"), theme.title()));
        for (b, keys) in app.keymap.bindings().filter(|(b, _)| b.layers == layers) {
            lines.push(Line::from(vec![
                Span::styled(
                    pad(
                        &truncate(
                            &if app.look.ascii {
                                keys_label_ascii(keys)
                            } else {
                                keys_label(keys)
                            },
                            key_cells,
                        ),
                        key_cells,
                    ),
                    theme.key(),
                ),
                Span::raw(truncate(
                    describe(app.lang, b),
                    (inner.width as usize).saturating_sub(key_cells),
                )),
            ]));
        }
    }
    let max = crate::ui::cells(lines.len()).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max), 0)), inner);
}

fn layer_name(ui: &Ui, layer: Layer) -> &'static str {
    match layer {
        Layer::Panes => ui.layer_panes,
        Layer::Search => ui.layer_search,
        Layer::Form => ui.layer_form,
        Layer::Menu => ui.layer_menu,
        Layer::Editor => ui.layer_editor,
        Layer::Confirm => ui.layer_confirm,
        Layer::Help => ui.layer_help,
        Layer::History => ui.history,
        Layer::Conflict => ui.conflict_title,
        Layer::Replaced => ui.plan_replaced_title,
        Layer::Agenda => ui.agenda_title,
        Layer::Explain => ui.explain_title,
        Layer::Compare => ui.compare_layer,
        Layer::Plans => ui.plans_layer,
        Layer::Log => ui.log_layer,
    }
}
