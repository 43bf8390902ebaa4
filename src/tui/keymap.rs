//! Every key binding, in one table: the key handler, the footer hints and the `?` help overlay
//! all read it, so what the help says is what the keys do. Each binding has an action name;
//! `[keys]` in the config file rebinds actions by that name.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for; the page decides what that means in its state.
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
    CycleSort,
    ReverseSort,
    /// Termin: sort by the next column, turn it round, a date range, group, ageing, changes.
    SortColumn,
    ReverseColumn,
    DateRange,
    GroupBy,
    Ageing,
    ChangedOnly,
    OpenForm,
    Refresh,
    Help,
    Quit,
    ForceQuit,
    /// Tab 1..4.
    ShowTab(usize),
    NextTab,
    PrevTab,
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
    /// Open the phone picker.
    Call,
    /// Dial phone N (1..4) of the picker.
    Dial(usize),
    Submit,
    Cancel,
    Yes,
    No,
}

/// Where the keyboard focus is; each has its own bindings. The pages fall back on `Global`
/// for keys they do not bind; text fields, prompts and questions do not.
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
    /// A yes/no question.
    Confirm,
    /// A number shown large: any key closes it.
    Overlay,
    /// The key table: scrolls, any other key closes it.
    Help,
    /// The phone picker.
    Picker,
}

impl Context {
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::Queue,
        Context::Filter,
        Context::Form,
        Context::Outbox,
        Context::Termin,
        Context::Prompt,
        Context::Confirm,
        Context::Overlay,
        Context::Help,
        Context::Picker,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Queue => "Queue",
            Context::Filter => "Filter (typing)",
            Context::Form => "Result form",
            Context::Outbox => "Outbox",
            Context::Termin => "Termin",
            Context::Prompt => "Prompt",
            Context::Confirm => "Questions",
            Context::Overlay => "Dial",
            Context::Help => "Help",
            Context::Picker => "Phone picker",
        }
    }

    /// Pages take the global keys they do not bind themselves.
    pub fn falls_back_to_global(self) -> bool {
        matches!(
            self,
            Context::Global | Context::Queue | Context::Outbox | Context::Termin
        )
    }
}

pub type Key = (KeyCode, KeyModifiers);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    /// The action's name in `[keys]`.
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub help: &'static str,
    pub command: Command,
    /// The word shown in the footer; "" for bindings only the help overlay lists.
    pub hint: &'static str,
}

impl Binding {
    /// How the keys are written in hints and help: "j/↓", "Ctrl-S".
    pub fn label(&self) -> String {
        let names: Vec<String> = self
            .keys
            .iter()
            .map(|(c, m)| super::keyspec::name(*c, *m))
            .collect();
        match names.len() {
            // A family of keys reads better as its range.
            n if n > 3 => format!("{}..{}", names[0], names[n - 1]),
            _ => names.join("/"),
        }
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn ch(c: char) -> Key {
    (KeyCode::Char(c), NONE)
}

const fn key(code: KeyCode) -> Key {
    (code, NONE)
}

use Command as C;
use Context::{Confirm, Filter, Form, Global, Outbox, Picker, Prompt, Queue, Termin};

/// One shipped binding: (context, action name, keys, help, command, footer hint).
type Shipped = (
    Context,
    &'static str,
    &'static [Key],
    &'static str,
    Command,
    &'static str,
);

#[rustfmt::skip]
const DEFAULTS: &[Shipped] = &[
    (Queue, "move_down", &[ch('j'), key(KeyCode::Down)], "move down", C::Down, "down"),
    (Queue, "move_up", &[ch('k'), key(KeyCode::Up)], "move up", C::Up, "up"),
    (Queue, "page_down", &[key(KeyCode::PageDown), (KeyCode::Char('d'), CTRL)], "page down", C::PageDown, ""),
    (Queue, "page_up", &[key(KeyCode::PageUp), (KeyCode::Char('u'), CTRL)], "page up", C::PageUp, ""),
    (Queue, "first", &[ch('g'), key(KeyCode::Home)], "first task", C::First, ""),
    (Queue, "last", &[ch('G'), key(KeyCode::End)], "last task", C::Last, ""),
    (Queue, "record", &[key(KeyCode::Enter)], "record a result", C::OpenForm, "record"),
    (Queue, "filter", &[ch('/')], "filter by name, contract, customer code, phone", C::StartFilter, "filter"),
    (Queue, "clear_filter", &[key(KeyCode::Esc)], "clear the filter", C::ClearFilter, ""),
    (Queue, "sort", &[ch('s')], "change the sort order (shows its top)", C::CycleSort, "sort"),
    (Queue, "reverse_sort", &[ch('S')], "turn the sort order round", C::ReverseSort, ""),
    (Queue, "refresh", &[ch('r'), key(KeyCode::F(5))], "refresh the queue", C::Refresh, "refresh"),
    (Queue, "promises", &[ch('p')], "promises: due today/tomorrow, broken, all", C::PromiseFilter, "promises"),
    (Queue, "call", &[ch('c')], "call: pick a phone (asks past the contact limit or outside the calling window)", C::Call, "call"),
    (Outbox, "move_down", &[ch('j'), key(KeyCode::Down)], "move down", C::Down, "down"),
    (Outbox, "move_up", &[ch('k'), key(KeyCode::Up)], "move up", C::Up, "up"),
    (Outbox, "page_down", &[key(KeyCode::PageDown)], "page down", C::PageDown, ""),
    (Outbox, "page_up", &[key(KeyCode::PageUp)], "page up", C::PageUp, ""),
    (Outbox, "first", &[ch('g'), key(KeyCode::Home)], "newest", C::First, ""),
    (Outbox, "last", &[ch('G'), key(KeyCode::End)], "oldest", C::Last, ""),
    (Outbox, "send", &[ch('R')], "send now (asks first for an uncertain one)", C::Retry, "send"),
    (Outbox, "edit", &[ch('e'), key(KeyCode::Enter)], "edit a rejected result", C::Edit, "edit"),
    (Outbox, "mark_delivered", &[ch('D')], "mark an uncertain result delivered (asks first)", C::MarkDelivered, "delivered"),
    (Outbox, "discard", &[ch('x')], "discard (asks first; it stays listed)", C::Discard, "discard"),
    (Termin, "move_down", &[ch('j'), key(KeyCode::Down)], "move down", C::Down, "down"),
    (Termin, "move_up", &[ch('k'), key(KeyCode::Up)], "move up", C::Up, "up"),
    (Termin, "page_down", &[key(KeyCode::PageDown)], "page of rows down", C::PageDown, ""),
    (Termin, "page_up", &[key(KeyCode::PageUp)], "page of rows up", C::PageUp, ""),
    (Termin, "first", &[ch('g'), key(KeyCode::Home)], "first row", C::First, ""),
    (Termin, "last", &[ch('G'), key(KeyCode::End)], "last row", C::Last, ""),
    (Termin, "next_page", &[ch('l'), key(KeyCode::Right)], "next page", C::NextPage, "next"),
    (Termin, "prev_page", &[ch('h'), key(KeyCode::Left)], "previous page", C::PrevPage, "prev"),
    (Termin, "first_page", &[ch('H')], "first page", C::FirstPage, ""),
    (Termin, "last_page", &[ch('L')], "last page", C::LastPage, ""),
    (Termin, "go_to_page", &[ch(':')], "go to page", C::GoToPage, "page"),
    (Termin, "more_rows", &[ch('+')], "more rows a page", C::PageSizeUp, ""),
    (Termin, "fewer_rows", &[ch('-')], "fewer rows a page", C::PageSizeDown, ""),
    (Termin, "search", &[ch('/')], "search PO, PR, invoice, buyer, vendor", C::StartFilter, "search"),
    (Termin, "status_filter", &[ch('s')], "filter by status (cycles through those loaded)", C::CycleStatus, "status"),
    (Termin, "load_all", &[ch('A')], "load all pages (Esc cancels), then totals", C::LoadAll, "all"),
    (Termin, "totals", &[ch('t')], "totals per status and vendor (after A)", C::Totals, "totals"),
    (Termin, "export", &[ch('E')], "export the rows shown to CSV", C::Export, "export"),
    (Termin, "refresh", &[ch('r'), key(KeyCode::F(5))], "reload the page", C::Refresh, ""),
    (Termin, "sort_column", &[ch('o')], "sort all by entry date, bill, status, vendor, buyer, step, then none", C::SortColumn, "order"),
    (Termin, "reverse_column", &[ch('O')], "turn that order round", C::ReverseColumn, ""),
    (Termin, "date_range", &[ch('d')], "entry dates from/to (WIB): YYYY-MM-DD YYYY-MM-DD", C::DateRange, "dates"),
    (Termin, "group", &[ch('F')], "group all by status, vendor, buyer, month, then none", C::GroupBy, "group"),
    (Termin, "open_group", &[key(KeyCode::Enter)], "open the group under the cursor (Esc comes back)", C::OpenForm, ""),
    (Termin, "aging", &[ch('a')], "ageing of unfinished work: days since entry per status", C::Ageing, "ageing"),
    (Termin, "changes", &[ch('c')], "only what is new or changed since the last look", C::ChangedOnly, "changes"),
    (Termin, "clear_filter", &[key(KeyCode::Esc)], "cancel loading all / clear search and status", C::ClearFilter, ""),
    (Prompt, "accept", &[key(KeyCode::Enter)], "accept", C::AcceptPrompt, "accept"),
    (Prompt, "cancel", &[key(KeyCode::Esc)], "cancel", C::CancelPrompt, "cancel"),
    (Filter, "accept", &[key(KeyCode::Enter), key(KeyCode::Down)], "keep the filter, back to the list", C::AcceptPrompt, "done"),
    (Filter, "cancel", &[key(KeyCode::Esc)], "clear the filter", C::CancelPrompt, "clear"),
    (Form, "next_field", &[key(KeyCode::Tab)], "next field", C::NextField, "next"),
    (Form, "prev_field", &[key(KeyCode::BackTab)], "previous field", C::PrevField, "back"),
    (Form, "pick_down", &[key(KeyCode::Down)], "next code in the list", C::PickDown, ""),
    (Form, "pick_up", &[key(KeyCode::Up)], "previous code in the list", C::PickUp, ""),
    (Form, "take_code", &[key(KeyCode::Enter)], "take the code / next field (submits on the last)", C::NextField, ""),
    (Form, "submit", &[(KeyCode::Char('s'), CTRL)], "submit", C::Submit, "submit"),
    (Form, "cancel", &[key(KeyCode::Esc)], "cancel (asks when something was typed)", C::Cancel, "cancel"),
    (Picker, "pick_down", &[ch('j'), key(KeyCode::Down)], "next phone", C::Down, "down"),
    (Picker, "pick_up", &[ch('k'), key(KeyCode::Up)], "previous phone", C::Up, "up"),
    (Picker, "accept", &[key(KeyCode::Enter)], "dial the phone shown", C::AcceptPrompt, "dial"),
    (Picker, "call_1", &[ch('1')], "dial phone 1", C::Dial(1), ""),
    (Picker, "call_2", &[ch('2')], "dial phone 2", C::Dial(2), ""),
    (Picker, "call_3", &[ch('3')], "dial phone 3", C::Dial(3), ""),
    (Picker, "call_4", &[ch('4')], "dial phone 4", C::Dial(4), ""),
    (Picker, "cancel", &[key(KeyCode::Esc)], "close without dialing", C::CancelPrompt, "cancel"),
    (Context::Help, "scroll_down", &[ch('j'), key(KeyCode::Down), key(KeyCode::PageDown)], "scroll the help down", C::Down, "down"),
    (Context::Help, "scroll_up", &[ch('k'), key(KeyCode::Up), key(KeyCode::PageUp)], "scroll the help up", C::Up, "up"),
    (Confirm, "yes", &[ch('y'), ch('Y')], "yes, go ahead", C::Yes, "yes"),
    (Confirm, "no", &[ch('n'), ch('N'), key(KeyCode::Esc)], "no (any other key too)", C::No, "no"),
    (Global, "help", &[ch('?'), key(KeyCode::F(1))], "help", C::Help, "help"),
    (Global, "tab_1", &[ch('1'), (KeyCode::Char('1'), KeyModifiers::ALT)], "Queue tab", C::ShowTab(1), ""),
    (Global, "tab_2", &[ch('2'), (KeyCode::Char('2'), KeyModifiers::ALT)], "Termin tab", C::ShowTab(2), ""),
    (Global, "tab_3", &[ch('3'), (KeyCode::Char('3'), KeyModifiers::ALT)], "Outbox tab", C::ShowTab(3), ""),
    (Global, "tab_4", &[ch('4'), (KeyCode::Char('4'), KeyModifiers::ALT)], "Today tab", C::ShowTab(4), ""),
    (Global, "next_tab", &[key(KeyCode::Tab)], "next tab", C::NextTab, ""),
    (Global, "prev_tab", &[key(KeyCode::BackTab)], "previous tab", C::PrevTab, ""),
    (Global, "quit", &[ch('q')], "quit", C::Quit, "quit"),
    (Global, "force_quit", &[(KeyCode::Char('c'), CTRL)], "quit (asks when a form has input)", C::ForceQuit, ""),
];

/// The bindings in force: the shipped ones with the user's `[keys]` applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|&(context, name, keys, help, command, hint)| Binding {
                    context,
                    name,
                    keys: keys.to_vec(),
                    help,
                    command,
                    hint,
                })
                .collect(),
        }
    }
}

fn matches(spec: &Key, event: &KeyEvent) -> bool {
    // Shift is part of the character ('G', '?'); only Ctrl and Alt must agree.
    let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    spec.0 == event.code && (spec.1 & significant) == (event.modifiers & significant)
}

/// Whether two key specs are pressed by the same key event.
fn same_key(a: &Key, b: &Key) -> bool {
    matches(a, &KeyEvent::new(b.0, b.1))
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The command a key gives in a context (not falling back to `Global`).
    pub fn lookup(&self, context: Context, event: &KeyEvent) -> Option<Command> {
        self.bindings
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|k| matches(k, event)))
            .map(|b| b.command)
    }

    /// The command a key gives on a page: its own binding, else the global one.
    pub fn lookup_page(&self, context: Context, event: &KeyEvent) -> Option<Command> {
        self.lookup(context, event).or_else(|| {
            context
                .falls_back_to_global()
                .then(|| self.lookup(Context::Global, event))
                .flatten()
        })
    }

    /// Footer hints for a focus: its own, then the global ones where they apply. A hint
    /// names the action's first key; help lists them all.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        if context == Context::Overlay {
            return vec![("any key".into(), "closes")];
        }
        if context == Context::Help {
            let mut hints: Vec<(String, &'static str)> = self
                .bindings
                .iter()
                .filter(|b| b.context == Context::Help)
                .filter_map(|b| Some((first_key(b)?, b.hint)))
                .collect();
            hints.push(("any other key".into(), "closes"));
            return hints;
        }
        let own = self
            .bindings
            .iter()
            .filter(|b| b.context == context && !b.hint.is_empty());
        let global = self.bindings.iter().filter(|b| {
            b.context == Global
                && !b.hint.is_empty()
                && context != Global
                && context.falls_back_to_global()
        });
        own.chain(global)
            .filter_map(|b| Some((first_key(b)?, b.hint)))
            .collect()
    }

    /// Help overlay rows for a focus: its bindings, then the global ones, then how questions
    /// are answered.
    pub fn help(&self, context: Context) -> Vec<&Binding> {
        let mut contexts = vec![context];
        if context.falls_back_to_global() && context != Global {
            contexts.push(Global);
        }
        contexts.push(Confirm);
        contexts
            .into_iter()
            .flat_map(|c| self.bindings.iter().filter(move |b| b.context == c))
            .collect()
    }

    /// The shipped bindings with the config file's `[keys]`; an error names the line.
    pub fn from_config(overrides: &[crate::config::KeyOverride]) -> Result<Keymap, String> {
        let mut parsed = Vec::new();
        for o in overrides {
            let keys = o
                .keys
                .iter()
                .map(|k| super::keyspec::parse(k))
                .collect::<Result<Vec<Key>, String>>()
                .map_err(|e| format!("line {}: [keys] {}: {e}", o.line, o.action))?;
            if keys.is_empty() {
                return Err(format!(
                    "line {}: [keys] {} has no key (an action needs at least one)",
                    o.line, o.action
                ));
            }
            parsed.push((o.action.clone(), keys, o.line));
        }
        Keymap::default().with_overrides(&parsed)
    }

    /// Rebinds the named actions: `keys` replaces every binding of that action, in every
    /// context. Unknown names and keys that now mean two things are refused.
    pub fn with_overrides(
        mut self,
        overrides: &[(String, Vec<Key>, usize)],
    ) -> Result<Keymap, String> {
        for (name, keys, line) in overrides {
            let mut found = false;
            for b in self.bindings.iter_mut().filter(|b| b.name == name.as_str()) {
                b.keys = keys.clone();
                found = true;
            }
            if !found {
                return Err(format!(
                    "line {line}: [keys] has no action '{name}' (the names are in the README)"
                ));
            }
        }
        for (name, _, line) in overrides {
            if let Some(clash) = self.clash_of(name) {
                return Err(format!("line {line}: [keys] {clash}"));
            }
        }
        Ok(self)
    }

    /// A key of action `name` that another action of the same focus also uses.
    fn clash_of(&self, name: &str) -> Option<String> {
        for b in self.bindings.iter().filter(|b| b.name == name) {
            let rivals = self.bindings.iter().filter(|o| {
                o.name != name
                    && (o.context == b.context
                        || (o.context == Global && b.context.falls_back_to_global())
                        || (b.context == Global && o.context.falls_back_to_global()))
            });
            for o in rivals {
                if let Some(k) = b
                    .keys
                    .iter()
                    .find(|k| o.keys.iter().any(|ok| same_key(k, ok)))
                {
                    return Some(format!(
                        "'{}' is bound to both {name} and {} ({})",
                        super::keyspec::name(k.0, k.1),
                        o.name,
                        o.context.title()
                    ));
                }
            }
        }
        None
    }
}

fn first_key(b: &Binding) -> Option<String> {
    b.keys.first().map(|(c, m)| super::keyspec::name(*c, *m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn shifted_characters_and_control_keys() {
        let keys = Keymap::default();
        assert_eq!(
            keys.lookup(Queue, &k(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(C::Last)
        );
        assert_eq!(
            keys.lookup(Form, &k(KeyCode::Char('s'), CTRL)),
            Some(C::Submit)
        );
        assert_eq!(
            keys.lookup(Form, &k(KeyCode::Char('s'), NONE)),
            None,
            "plain s is typed"
        );
        assert_eq!(
            keys.lookup(Global, &k(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(C::Help)
        );
    }

    #[test]
    fn every_hint_is_also_in_help_and_questions_are_in_help() {
        let keys = Keymap::default();
        for ctx in Context::ALL {
            let help = keys.help(ctx);
            assert!(
                help.iter().any(|b| b.command == C::Yes),
                "{ctx:?} help lacks y"
            );
            if matches!(ctx, Context::Overlay | Context::Help) {
                continue;
            }
            for (key, hint) in keys.hints(ctx) {
                assert!(
                    help.iter()
                        .any(|b| b.hint == hint && first_key(b).as_deref() == Some(key.as_str())),
                    "{key} {hint} hinted but not in help"
                );
            }
        }
    }

    #[test]
    fn no_hint_twice_and_no_shipped_key_means_two_things() {
        let keys = Keymap::default();
        for ctx in Context::ALL {
            let hints = keys.hints(ctx);
            let mut labels: Vec<_> = hints.iter().map(|(l, w)| (l.clone(), *w)).collect();
            labels.sort();
            labels.dedup();
            assert_eq!(labels.len(), hints.len(), "{ctx:?}");
        }
        for b in keys.bindings() {
            let same_context = keys
                .bindings()
                .iter()
                .filter(|o| o.context == b.context && o.name != b.name);
            for o in same_context {
                assert!(
                    !b.keys
                        .iter()
                        .any(|k| o.keys.iter().any(|ok| same_key(k, ok))),
                    "{} and {} share a key",
                    b.name,
                    o.name
                );
            }
        }
    }

    #[test]
    fn every_action_name_is_in_the_readme() {
        let readme = include_str!("../../README.md");
        for b in Keymap::default().bindings() {
            let named = readme.contains(&format!("`{}`", b.name))
                || b.name.strip_prefix("call_").is_some() && readme.contains("`call_1`..`call_4`")
                || b.name.strip_prefix("tab_").is_some() && readme.contains("`tab_1`..`tab_4`");
            assert!(named, "{} is not in the README", b.name);
        }
    }

    #[test]
    fn config_keys_are_read_and_bad_ones_name_their_line() {
        let o = |action: &str, keys: &[&str], line| crate::config::KeyOverride {
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line,
        };
        let keys = Keymap::from_config(&[o("move_down", &["j", "ctrl-n"], 2)]).unwrap();
        assert_eq!(
            keys.lookup(Queue, &k(KeyCode::Char('n'), CTRL)),
            Some(C::Down)
        );
        assert_eq!(
            keys.lookup(Outbox, &k(KeyCode::Char('n'), CTRL)),
            Some(C::Down)
        );
        assert_eq!(
            keys.lookup(Queue, &k(KeyCode::Down, NONE)),
            None,
            "only what is named"
        );
        let err = Keymap::from_config(&[o("quit", &["ctlr-q"], 5)]).unwrap_err();
        assert!(
            err.starts_with("line 5:") && err.contains("ctlr-q"),
            "{err}"
        );
        let err = Keymap::from_config(&[o("quit", &[], 6)]).unwrap_err();
        assert!(err.starts_with("line 6:"), "{err}");
    }

    #[test]
    fn overrides_rebind_by_name_and_refuse_unknown_names_and_clashes() {
        let ctrl_q = (KeyCode::Char('q'), CTRL);
        let keys = Keymap::default()
            .with_overrides(&[("quit".into(), vec![ctrl_q], 3)])
            .unwrap();
        assert_eq!(
            keys.lookup(Global, &k(KeyCode::Char('q'), CTRL)),
            Some(C::Quit)
        );
        assert_eq!(keys.lookup(Global, &k(KeyCode::Char('q'), NONE)), None);
        assert!(keys.hints(Queue).contains(&("Ctrl-Q".to_string(), "quit")));
        let help = keys.help(Queue);
        assert!(
            help.iter()
                .any(|b| b.name == "quit" && b.label() == "Ctrl-Q")
        );

        let err = Keymap::default()
            .with_overrides(&[("qiut".into(), vec![ctrl_q], 7)])
            .unwrap_err();
        assert!(err.contains("line 7") && err.contains("qiut"), "{err}");

        let err = Keymap::default()
            .with_overrides(&[("sort".into(), vec![ch('j')], 9)])
            .unwrap_err();
        assert!(err.contains("line 9") && err.contains("move_down"), "{err}");
        let err = Keymap::default()
            .with_overrides(&[("refresh".into(), vec![ch('q')], 4)])
            .unwrap_err();
        assert!(
            err.contains("quit"),
            "a page key may not hide a global one: {err}"
        );
    }
}
