//! Every key binding, in one table: the key handler, the footer hints and the `?` help overlay
//! all read it, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for; `update` decides what that means in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    StartFilter,
    ClearFilter,
    AcceptFilter,
    CycleSort,
    OpenForm,
    Refresh,
    Help,
    Quit,
    ForceQuit,
    /// The tab is the digit pressed.
    ShowTab,
    NextTab,
    NextField,
    PrevField,
    PickUp,
    PickDown,
    PromiseFilter,
    Retry,
    MarkDelivered,
    Discard,
    Edit,
    NextPage,
    PrevPage,
    FirstPage,
    LastPage,
    GoToPage,
    PageSizeUp,
    PageSizeDown,
    CycleStatus,
    LoadAll,
    Totals,
    Export,
    AcceptPrompt,
    CancelPrompt,
    /// Dial the task's phone N (1..4); 0 is the first phone on file.
    Dial(usize),
    Submit,
    Cancel,
}

/// Where the keyboard focus is; each has its own bindings, and `Global` applies where a
/// text field is not taking the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Queue,
    Filter,
    Form,
    Outbox,
    Termin,
    /// A one-line question (page number, file name, search).
    Prompt,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Queue => "Queue",
            Context::Filter => "Filter (typing)",
            Context::Form => "Result form",
            Context::Outbox => "Outbox",
            Context::Termin => "Termin",
            Context::Prompt => "Prompt",
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the key is written in hints and help.
    pub label: &'static str,
    pub help: &'static str,
    pub command: Command,
    /// The word shown in the footer; "" for bindings only the help overlay lists.
    pub hint: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

const fn key(code: KeyCode) -> (KeyCode, KeyModifiers) {
    (code, NONE)
}

const fn b(
    context: Context,
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    help: &'static str,
    command: Command,
    hint: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        help,
        command,
        hint,
    }
}

use Command as C;
use Context::{Filter, Form, Global, Outbox, Prompt, Queue, Termin};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Queue, &[ch('j'), key(KeyCode::Down)], "j/↓", "move down", C::Down, "down"),
    b(Queue, &[ch('k'), key(KeyCode::Up)], "k/↑", "move up", C::Up, "up"),
    b(Queue, &[key(KeyCode::PageDown), (KeyCode::Char('d'), CTRL)], "PgDn", "page down", C::PageDown, ""),
    b(Queue, &[key(KeyCode::PageUp), (KeyCode::Char('u'), CTRL)], "PgUp", "page up", C::PageUp, ""),
    b(Queue, &[ch('g'), key(KeyCode::Home)], "g/Home", "first task", C::First, ""),
    b(Queue, &[ch('G'), key(KeyCode::End)], "G/End", "last task", C::Last, ""),
    b(Queue, &[key(KeyCode::Enter)], "Enter", "record a result", C::OpenForm, "record"),
    b(Queue, &[ch('/')], "/", "filter by name, contract, customer code, phone", C::StartFilter, "filter"),
    b(Queue, &[key(KeyCode::Esc)], "Esc", "clear the filter", C::ClearFilter, ""),
    b(Queue, &[ch('s')], "s", "change the sort order", C::CycleSort, "sort"),
    b(Queue, &[ch('r'), key(KeyCode::F(5))], "r", "refresh the queue", C::Refresh, "refresh"),
    b(Queue, &[ch('p')], "p", "promises: due today/tomorrow, broken, all", C::PromiseFilter, "promises"),
    b(Queue, &[ch('c')], "c", "call the first phone (asks outside the calling window)", C::Dial(0), "call"),
    b(Queue, &[ch('1')], "1", "call phone 1", C::Dial(1), ""),
    b(Queue, &[ch('2')], "2", "call phone 2", C::Dial(2), ""),
    b(Queue, &[ch('3')], "3", "call phone 3", C::Dial(3), ""),
    b(Queue, &[ch('4')], "4", "call phone 4", C::Dial(4), ""),
    b(Outbox, &[ch('j'), key(KeyCode::Down)], "j/↓", "move down", C::Down, "down"),
    b(Outbox, &[ch('k'), key(KeyCode::Up)], "k/↑", "move up", C::Up, "up"),
    b(Outbox, &[key(KeyCode::PageDown)], "PgDn", "page down", C::PageDown, ""),
    b(Outbox, &[key(KeyCode::PageUp)], "PgUp", "page up", C::PageUp, ""),
    b(Outbox, &[ch('g'), key(KeyCode::Home)], "g/Home", "newest", C::First, ""),
    b(Outbox, &[ch('G'), key(KeyCode::End)], "G/End", "oldest", C::Last, ""),
    b(Outbox, &[ch('R')], "R", "send now (asks first for an uncertain one)", C::Retry, "send"),
    b(Outbox, &[ch('e'), key(KeyCode::Enter)], "e", "edit a rejected result", C::Edit, "edit"),
    b(Outbox, &[ch('D')], "D", "mark an uncertain result delivered (asks first)", C::MarkDelivered, "delivered"),
    b(Outbox, &[ch('x')], "x", "discard (asks first; it stays listed)", C::Discard, "discard"),
    b(Termin, &[ch('j'), key(KeyCode::Down)], "j/↓", "move down", C::Down, "down"),
    b(Termin, &[ch('k'), key(KeyCode::Up)], "k/↑", "move up", C::Up, "up"),
    b(Termin, &[key(KeyCode::PageDown)], "PgDn", "page of rows down", C::PageDown, ""),
    b(Termin, &[key(KeyCode::PageUp)], "PgUp", "page of rows up", C::PageUp, ""),
    b(Termin, &[ch('g'), key(KeyCode::Home)], "g/Home", "first row", C::First, ""),
    b(Termin, &[ch('G'), key(KeyCode::End)], "G/End", "last row", C::Last, ""),
    b(Termin, &[ch('l'), key(KeyCode::Right)], "l/→", "next page", C::NextPage, "next"),
    b(Termin, &[ch('h'), key(KeyCode::Left)], "h/←", "previous page", C::PrevPage, "prev"),
    b(Termin, &[ch('H')], "H", "first page", C::FirstPage, ""),
    b(Termin, &[ch('L')], "L", "last page", C::LastPage, ""),
    b(Termin, &[ch(':')], ":", "go to page", C::GoToPage, "page"),
    b(Termin, &[ch('+')], "+", "more rows a page", C::PageSizeUp, ""),
    b(Termin, &[ch('-')], "-", "fewer rows a page", C::PageSizeDown, ""),
    b(Termin, &[ch('/')], "/", "search PO, PR, invoice, buyer, vendor", C::StartFilter, "search"),
    b(Termin, &[ch('s')], "s", "filter by status (cycles through those loaded)", C::CycleStatus, "status"),
    b(Termin, &[ch('A')], "A", "load all pages (Esc cancels), then totals", C::LoadAll, "all"),
    b(Termin, &[ch('t')], "t", "totals per status and vendor (after A)", C::Totals, "totals"),
    b(Termin, &[ch('E')], "E", "export the rows shown to CSV", C::Export, "export"),
    b(Termin, &[ch('r'), key(KeyCode::F(5))], "r", "reload the page", C::Refresh, ""),
    b(Termin, &[key(KeyCode::Esc)], "Esc", "cancel loading all / clear search and status", C::ClearFilter, ""),
    b(Prompt, &[key(KeyCode::Enter)], "Enter", "accept", C::AcceptPrompt, "accept"),
    b(Prompt, &[key(KeyCode::Esc)], "Esc", "cancel", C::CancelPrompt, "cancel"),
    b(Filter, &[key(KeyCode::Enter), key(KeyCode::Down)], "Enter", "keep the filter, back to the list", C::AcceptFilter, "done"),
    b(Filter, &[key(KeyCode::Esc)], "Esc", "clear the filter", C::ClearFilter, "clear"),
    b(Form, &[key(KeyCode::Tab)], "Tab", "next field", C::NextField, "next"),
    b(Form, &[key(KeyCode::BackTab)], "Shift-Tab", "previous field", C::PrevField, "back"),
    b(Form, &[key(KeyCode::Down)], "↓", "next code in the list", C::PickDown, ""),
    b(Form, &[key(KeyCode::Up)], "↑", "previous code in the list", C::PickUp, ""),
    b(Form, &[key(KeyCode::Enter)], "Enter", "take the code / next field (submits on the last)", C::NextField, ""),
    b(Form, &[(KeyCode::Char('s'), CTRL)], "Ctrl-S", "submit", C::Submit, "submit"),
    b(Form, &[key(KeyCode::Esc)], "Esc", "cancel (asks when something was typed)", C::Cancel, "cancel"),
    b(Global, &[ch('?'), key(KeyCode::F(1))], "?", "help", C::Help, "help"),
    b(Global, &[(KeyCode::Char('1'), ALT), (KeyCode::Char('2'), ALT), (KeyCode::Char('3'), ALT), (KeyCode::Char('4'), ALT), ch('1'), ch('2'), ch('3'), ch('4')], "Alt-1..4", "Queue / Termin / Outbox / Today tab (plain digits outside the queue)", C::ShowTab, ""),
    b(Global, &[key(KeyCode::Tab)], "Tab", "next tab", C::NextTab, ""),
    b(Global, &[ch('q')], "q", "quit", C::Quit, "quit"),
    b(Global, &[(KeyCode::Char('c'), CTRL)], "Ctrl-C", "quit (asks when a form has input)", C::ForceQuit, ""),
];

fn matches(spec: &(KeyCode, KeyModifiers), event: &KeyEvent) -> bool {
    // Shift is part of the character ('G', '?'); only Ctrl and Alt must agree.
    let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    spec.0 == event.code && (spec.1 & significant) == (event.modifiers & significant)
}

/// The command a key gives in a context (not falling back to `Global`).
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Command> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| matches(k, event)))
        .map(|b| b.command)
}

/// Footer hints for a focus: its own, then the global ones.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    let own = BINDINGS
        .iter()
        .filter(|b| b.context == context && !b.hint.is_empty());
    let global = BINDINGS.iter().filter(|b| {
        b.context == Global
            && !b.hint.is_empty()
            && !matches!(context, Global | Form | Filter | Prompt | Termin)
    });
    own.chain(global).map(|b| (b.label, b.hint)).collect()
}

/// Help overlay rows for a focus: its bindings, then the global ones.
pub fn help(context: Context) -> Vec<(Context, &'static Binding)> {
    let mut rows: Vec<_> = BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .map(|b| (context, b))
        .collect();
    if context != Global {
        rows.extend(
            BINDINGS
                .iter()
                .filter(|b| b.context == Global)
                .map(|b| (Global, b)),
        );
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn shifted_characters_and_control_keys() {
        assert_eq!(
            lookup(Queue, &k(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(C::Last)
        );
        assert_eq!(lookup(Form, &k(KeyCode::Char('s'), CTRL)), Some(C::Submit));
        assert_eq!(
            lookup(Form, &k(KeyCode::Char('s'), NONE)),
            None,
            "plain s is typed"
        );
        assert_eq!(
            lookup(Global, &k(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(C::Help)
        );
    }

    #[test]
    fn every_hint_is_also_in_help() {
        for ctx in [Queue, Filter, Form] {
            let help: Vec<_> = help(ctx).iter().map(|(_, b)| b.label).collect();
            for (label, _) in hints(ctx) {
                assert!(help.contains(&label), "{label} hinted but not in help");
            }
        }
    }

    #[test]
    fn no_hint_twice() {
        for ctx in [Global, Queue, Filter, Form, Outbox, Termin, Prompt] {
            let hints = hints(ctx);
            let mut labels: Vec<_> = hints.iter().map(|(l, w)| (*l, *w)).collect();
            labels.sort();
            labels.dedup();
            assert_eq!(labels.len(), hints.len(), "{ctx:?}");
        }
    }
}
