//! The one key table. It decides what every key does in every layer, and
//! the help screen and the hint bar are drawn from it, so they cannot drift
//! from behaviour.

mod bound;
mod table;

pub use bound::{Keymap, Refused, action_name, section_of};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub use table::BINDINGS;

/// Where the keyboard is: each layer has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    Panes,
    Search,
    Form,
    Menu,
    Editor,
    Confirm,
    Help,
    History,
    /// The whole plan's change log (`C`): a history with a period and a
    /// person to narrow to.
    Log,
    Conflict,
    /// The plan was replaced under an open form or editor: the planner's
    /// text is shown (and was kept in a file); there is nothing to save.
    Replaced,
    /// Overdue, due soon and undated work across the whole plan.
    Agenda,
    /// What pulls a project's progress down.
    Explain,
    /// What moved since a baseline.
    Compare,
    /// The database's plans side by side (`P`): a city's units, a unit's
    /// years; Enter opens one.
    Plans,
}

impl Layer {
    pub const ALL: [Layer; 15] = [
        Layer::Panes,
        Layer::Agenda,
        Layer::Explain,
        Layer::Compare,
        Layer::Plans,
        Layer::Search,
        Layer::Form,
        Layer::Menu,
        Layer::Editor,
        Layer::Confirm,
        Layer::History,
        Layer::Log,
        Layer::Conflict,
        Layer::Replaced,
        Layer::Help,
    ];

    /// Text layers hand keys the table does not claim to the text field.
    pub fn takes_text(self) -> bool {
        matches!(self, Layer::Search | Layer::Form | Layer::Editor)
    }
}

/// Each action's name in the settings file is its variant's in snake
/// case (`EditValue` → `edit_value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Quit,
    /// Ctrl-Z: to the background, the terminal put back; `fg` returns.
    Suspend,
    /// `y`: the selected item's line to the clipboard (OSC 52).
    Copy,
    Help,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Back,
    FocusNext,
    FocusPrev,
    Zoom,
    Search,
    EditValue,
    EditStatus,
    EditDue,
    EditTarget,
    /// `o`: 责任单位 and 责任人.
    EditOwner,
    /// `a` in a project's history: the whole pane's.
    WholePane,
    /// `R`: this week's report, written to a file.
    Report,
    /// `b`: the areas (民生 and 制度保障) a project serves.
    LinkAreas,
    /// `L`: group the panes another way.
    Lens,
    NewNote,
    EditNote,
    History,
    /// `C`: the whole plan's change log.
    ChangeLog,
    /// In the change log: the next period (this week, this month, all).
    LogPeriod,
    /// In the change log: the next person (then everyone again).
    LogPerson,
    /// `B`: what moved since a baseline.
    Compare,
    /// In the comparison: the baseline before (then the newest again).
    NextBaseline,
    /// `A`: the agenda.
    Agenda,
    /// `P`: the plans of the database side by side, to open another.
    Plans,
    /// In the plans side by side: the city (this year, unit by unit).
    City,
    /// `O`: a carried item's origin, in the earlier plan of the store.
    Origin,
    /// `x`: what pulls the selected project down.
    Explain,
    /// `X`: what pulls the focused pane (its heading) down.
    ExplainPane,
    /// In the agenda: only the next direction, 工程 or owner.
    ByDirection,
    ByProgram,
    ByOwner,
    /// In the agenda: the next window of "due soon".
    SoonWindow,
    /// In the agenda: only red and yellow items (again: everything).
    AlarmingOnly,
    Add,
    Rename,
    Delete,
    Undo,
    /// Enter in a form, a menu or the search list.
    Submit,
    /// Esc in any overlay: back out one step.
    Cancel,
    /// Ctrl-S in the note editor.
    Save,
    NewLine,
    Yes,
    No,
    KeepTheirs,
    Overwrite,
    EditAgain,
    // Editing keys of a text field, readline-style.
    Left,
    Right,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteWordForward,
    KillToStart,
    KillToEnd,
    /// Puts back the text the last kill removed.
    Yank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub(crate) const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
pub(crate) const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
pub(crate) const fn ctrl(c: char) -> Key {
    with_ctrl(KeyCode::Char(c))
}
const fn with_ctrl(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}
const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
}

/// The layers whose editing keys are the text field's.
pub const TEXT: &[Layer] = &[Layer::Search, Layer::Form, Layer::Editor];
/// Every layer: a key that means the same wherever the keyboard is.
pub const EVERY: &[Layer] = &Layer::ALL;

pub struct Binding {
    /// Where the binding holds: one layer, the text fields, or everywhere.
    pub layers: &'static [Layer],
    pub keys: &'static [Key],
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
    /// Shown in the one-line hint bar of its layer.
    pub hint: bool,
}

impl Binding {
    pub fn holds_in(&self, layer: Layer) -> bool {
        self.layers.contains(&layer)
    }
}

const fn b(
    layers: &'static [Layer],
    keys: &'static [Key],
    action: Action,
    zh: &'static str,
    en: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        layers,
        keys,
        action,
        zh,
        en,
        hint,
    }
}

/// What a turn of the mouse wheel (`down` or up) does in `layer`: what
/// ↓/↑ do there (move through a list, scroll a page), where the table
/// binds them; nothing elsewhere.
pub fn wheel_action(layer: Layer, down: bool) -> Option<Action> {
    let action = if down { Action::Down } else { Action::Up };
    BINDINGS
        .iter()
        .any(|b| b.action == action && b.holds_in(layer))
        .then_some(action)
}

/// The action a key means in `layer` under the table's own keys.
pub fn action_for(layer: Layer, key: KeyEvent) -> Option<Action> {
    Keymap::default().action_for(layer, key)
}

/// How a key is written in help: `j`, `↓`, `Ctrl-S`, `Shift-Tab`.
pub fn key_label(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    // Ctrl-S and Alt-B, as readline's manuals write them.
    let base = match key.code {
        KeyCode::Char(c) if !key.mods.is_empty() => c.to_uppercase().to_string(),
        _ => base,
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

/// The same in ASCII only: arrows by name (`Down`), for `--ascii`, where an
/// arrow would be drawn as `v` and read as a key.
pub fn key_label_ascii(key: &Key) -> String {
    let word = match key.code {
        KeyCode::Up => "Up",
        KeyCode::Down => "Down",
        KeyCode::Left => "Left",
        KeyCode::Right => "Right",
        _ => return key_label(key),
    };
    let arrow = key_label(&Key {
        code: key.code,
        mods: KeyModifiers::NONE,
    });
    key_label(key).replace(&arrow, word)
}

pub fn keys_label_ascii(keys: &[Key]) -> String {
    keys.iter()
        .map(key_label_ascii)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_layer() {
        for layer in Layer::ALL {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.holds_in(layer)) {
                for key in b.keys {
                    assert!(!seen.contains(key), "{layer:?}: {key:?} bound twice");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn shifted_letters_and_ctrl() {
        let ev = |c, m| KeyEvent::new(c, m);
        assert_eq!(
            action_for(Layer::Panes, ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(Layer::Panes, ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Layer::Editor, ev(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::Save)
        );
        assert_eq!(
            action_for(Layer::Editor, ev(KeyCode::Char('s'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action_for(Layer::Panes, ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(keys_label(BINDINGS[0].keys), "j/↓");
    }
}
