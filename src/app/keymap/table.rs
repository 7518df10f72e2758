//! The table itself: one line per binding, in the order help shows them.
//! Kept unformatted on purpose: a table reads best as a table.

use super::{Action as A, Binding, EVERY, Key, Layer as L, TEXT, alt, b, code, ctrl, k, with_ctrl};
use crossterm::event::KeyCode as C;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // The panes.
    b(&[L::Panes], &[k('j'), code(C::Down)], A::Down, "下移", "down", false),
    b(&[L::Panes], &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(&[L::Panes], &[k('g'), code(C::Home)], A::Top, "到顶", "top", false),
    b(&[L::Panes], &[k('G'), code(C::End)], A::Bottom, "到底", "bottom", false),
    b(&[L::Panes], &[code(C::PageUp)], A::PageUp, "上一页", "page up", false),
    b(&[L::Panes], &[code(C::PageDown)], A::PageDown, "下一页", "page down", false),
    b(&[L::Panes], &[code(C::Enter)], A::Open, "进入", "open", true),
    b(&[L::Panes], &[code(C::Esc), code(C::Backspace)], A::Back, "返回", "back", true),
    b(&[L::Panes], &[code(C::Tab), k('l'), code(C::Right)], A::FocusNext, "下一栏", "next pane", false),
    b(&[L::Panes], &[code(C::BackTab), k('h'), code(C::Left)], A::FocusPrev, "上一栏", "previous pane", false),
    b(&[L::Panes], &[k('z')], A::Zoom, "放大/还原本栏", "zoom pane", false),
    b(&[L::Panes], &[k('/')], A::Search, "搜索", "search", true),
    b(&[L::Panes], &[k('e')], A::EditValue, "填报完成值", "record value", true),
    b(&[L::Panes], &[k('s')], A::EditStatus, "修改状态", "status", true),
    b(&[L::Panes], &[k('d')], A::EditDue, "修改完成时限", "time limit", false),
    b(&[L::Panes], &[k('t')], A::EditTarget, "修改目标值、单位、分年度目标、年初基数", "target, unit, yearly steps, base", false),
    b(&[L::Panes], &[k('L')], A::Lens, "切换分组:方向/工程/方面/责任单位", "group by: direction / program / area / owner", false),
    b(&[L::Panes], &[k('b')], A::LinkAreas, "关联方面(民生、制度保障)", "link the project to areas", false),
    b(&[L::Panes], &[k('o')], A::EditOwner, "设定责任单位/责任人", "owner (unit/lead)", false),
    b(&[L::Panes], &[k('n')], A::NewNote, "新建备注", "new note", true),
    b(&[L::Panes], &[k('E')], A::EditNote, "编辑所选备注", "edit note", false),
    b(&[L::Panes], &[k('H')], A::History, "修改记录(项目上:其下全部修改)", "history of changes (on a project: all under it)", false),
    b(&[L::Panes], &[k('C')], A::ChangeLog, "全部修改记录:本周、本月,可按人筛选", "all changes: this week / month, by person", false),
    b(&[L::Panes], &[k('B')], A::Compare, "与基线比较:目标值、完成时限的变动", "moved targets and time limits since a baseline", false),
    b(&[L::Panes], &[k('x')], A::Explain, "进度为何偏低:拉低本项目的目标任务", "what pulls this project down", false),
    b(&[L::Panes], &[k('X')], A::ExplainPane, "进度为何偏低:拉低本栏(方向/工程/方面)的目标任务", "what pulls this pane down", false),
    b(&[L::Panes], &[k('R')], A::Report, "生成本周工作进展报告", "write this week's report", false),
    b(&[L::Panes], &[k('A')], A::Agenda, "议程:逾期、将到期、未设时限", "agenda: overdue, due soon, undated", false),
    b(&[L::Panes], &[k('y')], A::Copy, "复制所选一行到剪贴板;刚写好报告时复制其路径", "copy the item's line (or a new report's path)", false),
    b(&[L::Panes], &[k('O')], A::Origin, "结转来源:打开上一年度计划中的这一项", "carried from: this item in the earlier plan", false),
    b(&[L::Panes], &[k('P')], A::Plans, "各单位、各年度计划一览,切换计划", "the plans side by side: units, years; switch", false),
    b(&[L::Panes], &[k('a')], A::Add, "新增项目/目标任务", "add here", false),
    b(&[L::Panes], &[k('r')], A::Rename, "重命名", "rename", false),
    b(&[L::Panes], &[k('D')], A::Delete, "删除(需确认)", "delete", false),
    b(&[L::Panes], &[k('u')], A::Undo, "撤销本次会话的上一次修改", "undo", false),
    b(&[L::Panes], &[k('?')], A::Help, "帮助", "help", true),
    b(&[L::Panes], &[k('q')], A::Quit, "退出", "quit", true),
    // The plans side by side.
    b(&[L::Plans], &[k('j'), code(C::Down)], A::Down, "下移", "down", false),
    b(&[L::Plans], &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(&[L::Plans], &[code(C::Enter)], A::Submit, "打开所选计划", "open the plan", true),
    b(&[L::Plans], &[k('c')], A::City, "城市:本年度各单位对比(再按:全部计划)", "the city: this year by unit (again: all)", true),
    b(&[L::Plans], &[code(C::Esc), k('P'), k('q')], A::Cancel, "关闭", "close", true),
    // The agenda.
    b(&[L::Agenda], &[k('j'), code(C::Down)], A::Down, "下移", "down", false),
    b(&[L::Agenda], &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(&[L::Agenda], &[k('g'), code(C::Home)], A::Top, "到顶", "top", false),
    b(&[L::Agenda], &[k('G'), code(C::End)], A::Bottom, "到底", "bottom", false),
    b(&[L::Agenda], &[code(C::PageUp)], A::PageUp, "上一页", "page up", false),
    b(&[L::Agenda], &[code(C::PageDown)], A::PageDown, "下一页", "page down", false),
    b(&[L::Agenda], &[code(C::Enter)], A::Submit, "跳转到所选", "go to item", true),
    b(&[L::Agenda], &[k('d')], A::ByDirection, "只看下一个方向(最后回到全部)", "next direction only (then all)", false),
    b(&[L::Agenda], &[k('p')], A::ByProgram, "只看下一个工程", "next program only", false),
    b(&[L::Agenda], &[k('o')], A::ByOwner, "只看下一个责任单位", "next owner only", false),
    b(&[L::Agenda], &[k('w')], A::SoonWindow, "将到期的范围:7/14/30/60/90 天", "due soon within 7/14/30/60/90 days", false),
    b(&[L::Agenda], &[k('r')], A::AlarmingOnly, "只看红灯、黄灯(再按显示全部)", "red and yellow only (again: all)", false),
    b(&[L::Agenda], &[code(C::Esc), k('A'), k('q')], A::Cancel, "关闭", "close", true),
    // What pulls a project down.
    b(&[L::Explain], &[k('j'), code(C::Down)], A::Down, "下移", "down", false),
    b(&[L::Explain], &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(&[L::Explain], &[code(C::Enter)], A::Submit, "跳转到所选", "go to item", true),
    b(&[L::Explain], &[code(C::Esc), k('x'), k('q')], A::Cancel, "关闭", "close", true),
    // What moved since a baseline.
    b(&[L::Compare], &[k('j'), code(C::Down)], A::Down, "下移", "down", false),
    b(&[L::Compare], &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(&[L::Compare], &[k('b')], A::NextBaseline, "与上一个基线比较(最后回到最新)", "the baseline before (then the newest)", true),
    b(&[L::Compare], &[code(C::Enter)], A::Submit, "跳转到所选", "go to item", true),
    b(&[L::Compare], &[code(C::Esc), k('B'), k('q')], A::Cancel, "关闭", "close", true),
    // Search.
    b(&[L::Search], &[code(C::Down), ctrl('n')], A::Down, "下一条结果", "next result", false),
    b(&[L::Search], &[code(C::Up), ctrl('p')], A::Up, "上一条结果", "previous result", false),
    b(&[L::Search], &[code(C::Enter)], A::Submit, "跳转到所选", "go to result", true),
    b(&[L::Search], &[code(C::Esc)], A::Cancel, "关闭搜索", "close", true),
    // A one-field form.
    b(&[L::Form], &[code(C::Enter)], A::Submit, "保存", "save", true),
    b(&[L::Form], &[code(C::Esc)], A::Cancel, "取消", "cancel", true),
    // The status menu.
    b(&[L::Menu], &[k('j'), code(C::Down)], A::Down, "下移", "down", false),
    b(&[L::Menu], &[k('k'), code(C::Up)], A::Up, "上移", "up", false),
    b(&[L::Menu], &[code(C::Enter)], A::Submit, "选定", "choose", true),
    b(&[L::Menu], &[code(C::Esc), k('q')], A::Cancel, "取消", "cancel", true),
    // The note editor.
    b(&[L::Editor], &[ctrl('s')], A::Save, "保存备注", "save note", true),
    // Ctrl-J is the byte LF: a terminal without bracketed paste sends a
    // pasted line break as LF, so it must be a new line, not a command.
    b(&[L::Editor], &[code(C::Enter), ctrl('j')], A::NewLine, "换行", "new line", false),
    b(&[L::Editor], &[code(C::Up)], A::Up, "上一行", "line up", false),
    b(&[L::Editor], &[code(C::Down)], A::Down, "下一行", "line down", false),
    b(&[L::Editor], &[with_ctrl(C::Home)], A::Top, "到全文开头", "start of text", false),
    b(&[L::Editor], &[with_ctrl(C::End)], A::Bottom, "到全文末尾", "end of text", false),
    b(&[L::Editor], &[code(C::Esc)], A::Cancel, "关闭(有改动时先确认)", "close (asks if changed)", true),
    // Editing keys of every text field (search, forms, the note editor).
    b(TEXT, &[code(C::Left), ctrl('b')], A::Left, "光标左移一字", "back one character", false),
    b(TEXT, &[code(C::Right), ctrl('f')], A::Right, "光标右移一字", "forward one character", false),
    b(TEXT, &[with_ctrl(C::Left), alt('b')], A::WordLeft, "左移一词", "back one word", false),
    b(TEXT, &[with_ctrl(C::Right), alt('f')], A::WordRight, "右移一词", "forward one word", false),
    b(TEXT, &[code(C::Home), ctrl('a')], A::LineStart, "到行首", "start of line", false),
    b(TEXT, &[code(C::End), ctrl('e')], A::LineEnd, "到行尾", "end of line", false),
    b(TEXT, &[code(C::Backspace), ctrl('h')], A::DeleteBack, "删除前一字", "delete back", false),
    b(TEXT, &[code(C::Delete), ctrl('d')], A::DeleteForward, "删除后一字", "delete forward", false),
    b(TEXT, &[ctrl('w'), alt_backspace()], A::DeleteWordBack, "删除前一词", "delete word back", false),
    b(TEXT, &[alt('d'), with_ctrl(C::Delete)], A::DeleteWordForward, "删除后一词", "delete word forward", false),
    b(TEXT, &[ctrl('u')], A::KillToStart, "删除到行首", "delete to start of line", true),
    b(TEXT, &[ctrl('k')], A::KillToEnd, "删除到行尾", "delete to end of line", false),
    b(TEXT, &[ctrl('y')], A::Yank, "粘回刚删除的文字", "put back what was deleted", false),
    // A yes/no question.
    b(&[L::Confirm], &[k('y'), k('Y')], A::Yes, "确认", "yes", true),
    b(&[L::Confirm], &[k('n'), k('N'), code(C::Esc)], A::No, "取消", "no", true),
    // Someone saved the same thing first.
    b(&[L::Conflict], &[k('t')], A::KeepTheirs, "保留他人的版本(放弃我的)", "keep theirs (drop mine)", true),
    b(&[L::Conflict], &[k('o')], A::Overwrite, "用我的覆盖", "overwrite with mine", true),
    b(&[L::Conflict], &[k('e'), code(C::Esc)], A::EditAgain, "继续编辑我的", "edit mine again", true),
    b(&[L::Replaced], &[code(C::Esc), code(C::Enter), k('q')], A::Cancel, "关闭(文字已另存)", "close (the text was kept in a file)", true),
    // Reading: the history of changes and this help.
    b(&[L::History], &[code(C::Esc), k('H'), k('q')], A::Cancel, "关闭", "close", true),
    b(&[L::History], &[k('j'), code(C::Down)], A::Down, "下滚", "scroll down", true),
    b(&[L::History], &[k('a')], A::WholePane, "整栏的修改记录(在项目的记录中)", "the whole pane's (in a project's)", true),
    b(&[L::History], &[k('k'), code(C::Up)], A::Up, "上滚", "scroll up", true),
    b(&[L::Log], &[code(C::Esc), k('C'), k('q')], A::Cancel, "关闭", "close", true),
    b(&[L::Log], &[k('d')], A::LogPeriod, "时段:本周/本月/全部", "period: this week / month / all", true),
    b(&[L::Log], &[k('p')], A::LogPerson, "只看下一个人的修改(最后回到全部)", "next person only (then everyone)", true),
    b(&[L::Log], &[k('j'), code(C::Down)], A::Down, "下滚", "scroll down", true),
    b(&[L::Log], &[k('k'), code(C::Up)], A::Up, "上滚", "scroll up", true),
    b(&[L::Help], &[code(C::Esc), k('?'), k('q')], A::Cancel, "关闭帮助", "close help", true),
    b(&[L::Help], &[k('j'), code(C::Down)], A::Down, "下滚", "scroll down", false),
    b(&[L::Help], &[k('k'), code(C::Up)], A::Up, "上滚", "scroll up", false),
    // Everywhere: Ctrl-C leaves the cockpit; typed text that is not saved
    // yet is never dropped without a question.
    b(EVERY, &[ctrl('z')], A::Suspend, "挂起到后台(在终端输入 fg 回来)", "suspend to the background (fg comes back)", false),
    b(EVERY, &[ctrl('c')], A::Quit, "退出程序(有未保存的文字时先确认)", "quit (asks first if typed text is unsaved)", false),
];

const fn alt_backspace() -> Key {
    Key {
        code: C::Backspace,
        mods: crossterm::event::KeyModifiers::ALT,
    }
}
