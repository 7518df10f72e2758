//! The one key table. It decides what every key does in every layer, and
//! the help screen and the hint bar are drawn from it, so they cannot drift
//! from behaviour.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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
    Conflict,
    /// The plan was replaced under an open form or editor: the planner's
    /// text is shown (and was kept in a file); there is nothing to save.
    Replaced,
}

impl Layer {
    pub const ALL: [Layer; 10] = [
        Layer::Panes,
        Layer::Search,
        Layer::Form,
        Layer::Menu,
        Layer::Editor,
        Layer::Confirm,
        Layer::History,
        Layer::Conflict,
        Layer::Replaced,
        Layer::Help,
    ];

    /// Text layers hand keys the table does not claim to the text field.
    pub fn takes_text(self) -> bool {
        matches!(self, Layer::Search | Layer::Form | Layer::Editor)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
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
    NewNote,
    EditNote,
    History,
    Add,
    Rename,
    Delete,
    Undo,
    /// Enter in a form, a menu or the search list.
    Submit,
    /// Esc in any overlay: back out one step.
    Cancel,
    /// Ctrl-U in a text field, as in readline.
    ClearLine,
    /// Ctrl-S in the note editor.
    Save,
    NewLine,
    Yes,
    No,
    KeepTheirs,
    Overwrite,
    EditAgain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub layer: Layer,
    pub keys: &'static [Key],
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
    /// Shown in the one-line hint bar of its layer.
    pub hint: bool,
}

use Action as A;
use KeyCode as C;
use Layer as L;

const fn b(
    layer: Layer,
    keys: &'static [Key],
    action: Action,
    zh: &'static str,
    en: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        layer,
        keys,
        action,
        zh,
        en,
        hint,
    }
}

pub static BINDINGS: &[Binding] = &[
    b(
        L::Panes,
        &[k('j'), code(C::Down)],
        A::Down,
        "下移",
        "down",
        false,
    ),
    b(L::Panes, &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(
        L::Panes,
        &[k('g'), code(C::Home)],
        A::Top,
        "到顶",
        "top",
        false,
    ),
    b(
        L::Panes,
        &[k('G'), code(C::End)],
        A::Bottom,
        "到底",
        "bottom",
        false,
    ),
    b(
        L::Panes,
        &[code(C::PageUp)],
        A::PageUp,
        "上一页",
        "page up",
        false,
    ),
    b(
        L::Panes,
        &[code(C::PageDown)],
        A::PageDown,
        "下一页",
        "page down",
        false,
    ),
    b(L::Panes, &[code(C::Enter)], A::Open, "进入", "open", true),
    b(
        L::Panes,
        &[code(C::Esc), code(C::Backspace)],
        A::Back,
        "返回",
        "back",
        true,
    ),
    b(
        L::Panes,
        &[code(C::Tab), k('l'), code(C::Right)],
        A::FocusNext,
        "下一栏",
        "next pane",
        false,
    ),
    b(
        L::Panes,
        &[code(C::BackTab), k('h'), code(C::Left)],
        A::FocusPrev,
        "上一栏",
        "previous pane",
        false,
    ),
    b(
        L::Panes,
        &[k('z')],
        A::Zoom,
        "放大/还原本栏",
        "zoom pane",
        false,
    ),
    b(L::Panes, &[k('/')], A::Search, "搜索", "search", true),
    b(
        L::Panes,
        &[k('e')],
        A::EditValue,
        "填报完成值",
        "record value",
        true,
    ),
    b(
        L::Panes,
        &[k('s')],
        A::EditStatus,
        "修改状态",
        "status",
        true,
    ),
    b(
        L::Panes,
        &[k('d')],
        A::EditDue,
        "修改完成时限",
        "due date",
        false,
    ),
    b(
        L::Panes,
        &[k('t')],
        A::EditTarget,
        "修改目标值和单位",
        "target and unit",
        false,
    ),
    b(
        L::Panes,
        &[k('n')],
        A::NewNote,
        "新建备注",
        "new note",
        true,
    ),
    b(
        L::Panes,
        &[k('E')],
        A::EditNote,
        "编辑所选备注",
        "edit note",
        false,
    ),
    b(
        L::Panes,
        &[k('H')],
        A::History,
        "查看修改记录",
        "history of changes",
        false,
    ),
    b(
        L::Panes,
        &[k('a')],
        A::Add,
        "新增项目/目标任务",
        "add here",
        false,
    ),
    b(L::Panes, &[k('r')], A::Rename, "重命名", "rename", false),
    b(
        L::Panes,
        &[k('D')],
        A::Delete,
        "删除(需确认)",
        "delete",
        false,
    ),
    b(
        L::Panes,
        &[k('u')],
        A::Undo,
        "撤销本次会话的上一次修改",
        "undo",
        false,
    ),
    b(L::Panes, &[k('?')], A::Help, "帮助", "help", true),
    b(
        L::Panes,
        &[k('q'), ctrl('c')],
        A::Quit,
        "退出",
        "quit",
        true,
    ),
    b(
        L::Search,
        &[code(C::Down), ctrl('n')],
        A::Down,
        "下一条结果",
        "next result",
        false,
    ),
    b(
        L::Search,
        &[code(C::Up), ctrl('p')],
        A::Up,
        "上一条结果",
        "previous result",
        false,
    ),
    b(
        L::Search,
        &[code(C::Enter)],
        A::Submit,
        "跳转到所选",
        "go to result",
        true,
    ),
    b(
        L::Search,
        &[ctrl('u')],
        A::ClearLine,
        "清空",
        "clear",
        false,
    ),
    b(
        L::Search,
        &[code(C::Esc)],
        A::Cancel,
        "关闭搜索",
        "close",
        true,
    ),
    b(L::Form, &[code(C::Enter)], A::Submit, "保存", "save", true),
    b(L::Form, &[ctrl('u')], A::ClearLine, "清空", "clear", true),
    b(L::Form, &[code(C::Esc)], A::Cancel, "取消", "cancel", true),
    b(
        L::Menu,
        &[k('j'), code(C::Down)],
        A::Down,
        "下移",
        "down",
        false,
    ),
    b(L::Menu, &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(
        L::Menu,
        &[code(C::Enter)],
        A::Submit,
        "选定",
        "choose",
        true,
    ),
    b(
        L::Menu,
        &[code(C::Esc), k('q')],
        A::Cancel,
        "取消",
        "cancel",
        true,
    ),
    b(
        L::Editor,
        &[ctrl('s')],
        A::Save,
        "保存备注",
        "save note",
        true,
    ),
    // Ctrl-J is the byte LF: a terminal without bracketed paste pastes
    // line breaks as LF, and the text field's own binding for it (delete to
    // the start of the line) would eat the pasted text line by line.
    b(
        L::Editor,
        &[code(C::Enter), ctrl('j')],
        A::NewLine,
        "换行",
        "new line",
        false,
    ),
    b(
        L::Editor,
        &[code(C::Esc)],
        A::Cancel,
        "关闭(有改动时先确认)",
        "close (asks if changed)",
        true,
    ),
    b(
        L::Editor,
        &[ctrl('c')],
        A::Quit,
        "退出程序(先确认)",
        "quit (asks first)",
        false,
    ),
    b(L::Confirm, &[k('y'), k('Y')], A::Yes, "确认", "yes", true),
    b(
        L::Confirm,
        &[k('n'), k('N'), code(C::Esc)],
        A::No,
        "取消",
        "no",
        true,
    ),
    b(
        L::Conflict,
        &[k('t')],
        A::KeepTheirs,
        "保留他人的版本(放弃我的)",
        "keep theirs (drop mine)",
        true,
    ),
    b(
        L::Conflict,
        &[k('o')],
        A::Overwrite,
        "用我的覆盖",
        "overwrite with mine",
        true,
    ),
    b(
        L::Conflict,
        &[k('e'), code(C::Esc)],
        A::EditAgain,
        "继续编辑我的",
        "edit mine again",
        true,
    ),
    b(
        L::Replaced,
        &[code(C::Esc), code(C::Enter), k('q')],
        A::Cancel,
        "关闭(文字已另存)",
        "close (the text was kept in a file)",
        true,
    ),
    b(
        L::History,
        &[code(C::Esc), k('H'), k('q')],
        A::Cancel,
        "关闭",
        "close",
        true,
    ),
    b(
        L::History,
        &[k('j'), code(C::Down)],
        A::Down,
        "下滚",
        "scroll down",
        true,
    ),
    b(
        L::History,
        &[k('k'), code(C::Up)],
        A::Up,
        "上滚",
        "scroll up",
        true,
    ),
    b(
        L::Help,
        &[code(C::Esc), k('?'), k('q')],
        A::Cancel,
        "关闭帮助",
        "close help",
        true,
    ),
    b(
        L::Help,
        &[k('j'), code(C::Down)],
        A::Down,
        "下滚",
        "scroll down",
        false,
    ),
    b(
        L::Help,
        &[k('k'), code(C::Up)],
        A::Up,
        "上滚",
        "scroll up",
        false,
    ),
];

/// The action a key means in `layer`, if any. Shift on a letter is carried
/// by the letter itself (`G`, `E`, `D`), so it is ignored for characters.
pub fn action_for(layer: Layer, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mods = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    BINDINGS
        .iter()
        .filter(|b| b.layer == layer)
        .find(|b| b.keys.iter().any(|k| k.code == key.code && k.mods == mods))
        .map(|b| b.action)
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
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_layer() {
        for layer in Layer::ALL {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.layer == layer) {
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
        assert_eq!(keys_label(&BINDINGS[0]), "j/↓");
    }
}
