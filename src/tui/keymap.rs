//! Every key binding, in one table: the key handler, the footer hints and the `?` help overlay
//! all read it, so what the help says is what the keys do. Each binding has an action name;
//! `[keys]` in the config file rebinds actions by that name.

use crate::i18n::Lang;
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
    /// Termin: type the statuses to show (several, or "open").
    PickStatuses,
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

    /// The name in message ids: `help-queue-sort`, `context-queue`.
    pub fn slug(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Queue => "queue",
            Context::Filter => "filter",
            Context::Form => "form",
            Context::Outbox => "outbox",
            Context::Termin => "termin",
            Context::Prompt => "prompt",
            Context::Confirm => "confirm",
            Context::Overlay => "overlay",
            Context::Help => "help",
            Context::Picker => "picker",
        }
    }

    /// The help's heading for this focus.
    pub fn title(self, lang: Lang) -> String {
        crate::i18n::text(lang, &format!("context-{}", self.slug()))
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
    pub command: Command,
    /// The footer's word (the message `hint-<hint>`); "" for bindings only the help overlay
    /// lists.
    pub hint: &'static str,
}

impl Binding {
    /// The message id of what the binding does, in the help.
    pub fn help_id(&self) -> String {
        format!("help-{}-{}", self.context.slug(), self.name)
    }

    /// What the binding does, in the help.
    pub fn help(&self, lang: Lang) -> String {
        crate::i18n::text(lang, &self.help_id())
    }

    /// The footer's word ("" for none).
    pub fn hint(&self, lang: Lang) -> String {
        hint_word(lang, self.hint)
    }

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

/// One shipped binding: (context, action name, keys, command, footer hint). The help's words
/// are the message `help-<context>-<action>` of `assets/i18n/*.ftl`, the hint's `hint-<hint>`.
type Shipped = (Context, &'static str, &'static [Key], Command, &'static str);

#[rustfmt::skip]
const DEFAULTS: &[Shipped] = &[
    (Queue, "move_down", &[ch('j'), key(KeyCode::Down)], C::Down, "down"),
    (Queue, "move_up", &[ch('k'), key(KeyCode::Up)], C::Up, "up"),
    (Queue, "page_down", &[key(KeyCode::PageDown), (KeyCode::Char('d'), CTRL)], C::PageDown, ""),
    (Queue, "page_up", &[key(KeyCode::PageUp), (KeyCode::Char('u'), CTRL)], C::PageUp, ""),
    (Queue, "first", &[ch('g'), key(KeyCode::Home)], C::First, ""),
    (Queue, "last", &[ch('G'), key(KeyCode::End)], C::Last, ""),
    (Queue, "record", &[key(KeyCode::Enter)], C::OpenForm, "record"),
    (Queue, "filter", &[ch('/')], C::StartFilter, "filter"),
    (Queue, "clear_filter", &[key(KeyCode::Esc)], C::ClearFilter, ""),
    (Queue, "sort", &[ch('s')], C::CycleSort, "sort"),
    (Queue, "reverse_sort", &[ch('S')], C::ReverseSort, ""),
    (Queue, "refresh", &[ch('r'), key(KeyCode::F(5))], C::Refresh, "refresh"),
    (Queue, "promises", &[ch('p')], C::PromiseFilter, "promises"),
    (Queue, "call", &[ch('c')], C::Call, "call"),
    (Outbox, "move_down", &[ch('j'), key(KeyCode::Down)], C::Down, "down"),
    (Outbox, "move_up", &[ch('k'), key(KeyCode::Up)], C::Up, "up"),
    (Outbox, "page_down", &[key(KeyCode::PageDown)], C::PageDown, ""),
    (Outbox, "page_up", &[key(KeyCode::PageUp)], C::PageUp, ""),
    (Outbox, "first", &[ch('g'), key(KeyCode::Home)], C::First, ""),
    (Outbox, "last", &[ch('G'), key(KeyCode::End)], C::Last, ""),
    (Outbox, "send", &[ch('R')], C::Retry, "send"),
    (Outbox, "edit", &[ch('e'), key(KeyCode::Enter)], C::Edit, "edit"),
    (Outbox, "mark_delivered", &[ch('D')], C::MarkDelivered, "delivered"),
    (Outbox, "discard", &[ch('x')], C::Discard, "discard"),
    (Termin, "move_down", &[ch('j'), key(KeyCode::Down)], C::Down, "down"),
    (Termin, "move_up", &[ch('k'), key(KeyCode::Up)], C::Up, "up"),
    (Termin, "page_down", &[key(KeyCode::PageDown)], C::PageDown, ""),
    (Termin, "page_up", &[key(KeyCode::PageUp)], C::PageUp, ""),
    (Termin, "first", &[ch('g'), key(KeyCode::Home)], C::First, ""),
    (Termin, "last", &[ch('G'), key(KeyCode::End)], C::Last, ""),
    (Termin, "next_page", &[ch('l'), key(KeyCode::Right)], C::NextPage, "next"),
    (Termin, "prev_page", &[ch('h'), key(KeyCode::Left)], C::PrevPage, "prev"),
    (Termin, "first_page", &[ch('H')], C::FirstPage, ""),
    (Termin, "last_page", &[ch('L')], C::LastPage, ""),
    (Termin, "go_to_page", &[ch(':')], C::GoToPage, "page"),
    (Termin, "more_rows", &[ch('+')], C::PageSizeUp, ""),
    (Termin, "fewer_rows", &[ch('-')], C::PageSizeDown, ""),
    (Termin, "search", &[ch('/')], C::StartFilter, "search"),
    (Termin, "status_filter", &[ch('s')], C::CycleStatus, "status"),
    (Termin, "status_pick", &[ch('S')], C::PickStatuses, ""),
    (Termin, "load_all", &[ch('A')], C::LoadAll, "all"),
    (Termin, "totals", &[ch('t')], C::Totals, "totals"),
    (Termin, "export", &[ch('E')], C::Export, "export"),
    (Termin, "refresh", &[ch('r'), key(KeyCode::F(5))], C::Refresh, ""),
    (Termin, "sort_column", &[ch('o')], C::SortColumn, "order"),
    (Termin, "reverse_column", &[ch('O')], C::ReverseColumn, ""),
    (Termin, "date_range", &[ch('d')], C::DateRange, "dates"),
    (Termin, "group", &[ch('F')], C::GroupBy, "group"),
    (Termin, "open_group", &[key(KeyCode::Enter)], C::OpenForm, ""),
    (Termin, "aging", &[ch('a')], C::Ageing, "ageing"),
    (Termin, "changes", &[ch('c')], C::ChangedOnly, "changes"),
    (Termin, "clear_filter", &[key(KeyCode::Esc)], C::ClearFilter, ""),
    (Prompt, "accept", &[key(KeyCode::Enter)], C::AcceptPrompt, "accept"),
    (Prompt, "cancel", &[key(KeyCode::Esc)], C::CancelPrompt, "cancel"),
    (Filter, "accept", &[key(KeyCode::Enter), key(KeyCode::Down)], C::AcceptPrompt, "done"),
    (Filter, "cancel", &[key(KeyCode::Esc)], C::CancelPrompt, "clear"),
    (Form, "next_field", &[key(KeyCode::Tab)], C::NextField, "next"),
    (Form, "prev_field", &[key(KeyCode::BackTab)], C::PrevField, "back"),
    (Form, "pick_down", &[key(KeyCode::Down)], C::PickDown, ""),
    (Form, "pick_up", &[key(KeyCode::Up)], C::PickUp, ""),
    (Form, "take_code", &[key(KeyCode::Enter)], C::NextField, ""),
    (Form, "submit", &[(KeyCode::Char('s'), CTRL)], C::Submit, "submit"),
    (Form, "cancel", &[key(KeyCode::Esc)], C::Cancel, "cancel"),
    (Picker, "pick_down", &[ch('j'), key(KeyCode::Down)], C::Down, "down"),
    (Picker, "pick_up", &[ch('k'), key(KeyCode::Up)], C::Up, "up"),
    (Picker, "accept", &[key(KeyCode::Enter)], C::AcceptPrompt, "dial"),
    (Picker, "call_1", &[ch('1')], C::Dial(1), ""),
    (Picker, "call_2", &[ch('2')], C::Dial(2), ""),
    (Picker, "call_3", &[ch('3')], C::Dial(3), ""),
    (Picker, "call_4", &[ch('4')], C::Dial(4), ""),
    (Picker, "cancel", &[key(KeyCode::Esc)], C::CancelPrompt, "cancel"),
    (Context::Help, "scroll_down", &[ch('j'), key(KeyCode::Down), key(KeyCode::PageDown)], C::Down, "down"),
    (Context::Help, "scroll_up", &[ch('k'), key(KeyCode::Up), key(KeyCode::PageUp)], C::Up, "up"),
    (Confirm, "yes", &[ch('y'), ch('Y')], C::Yes, "yes"),
    (Confirm, "no", &[ch('n'), ch('N'), key(KeyCode::Esc)], C::No, "no"),
    (Global, "help", &[ch('?'), key(KeyCode::F(1))], C::Help, "help"),
    (Global, "tab_1", &[ch('1'), (KeyCode::Char('1'), KeyModifiers::ALT)], C::ShowTab(1), ""),
    (Global, "tab_2", &[ch('2'), (KeyCode::Char('2'), KeyModifiers::ALT)], C::ShowTab(2), ""),
    (Global, "tab_3", &[ch('3'), (KeyCode::Char('3'), KeyModifiers::ALT)], C::ShowTab(3), ""),
    (Global, "tab_4", &[ch('4'), (KeyCode::Char('4'), KeyModifiers::ALT)], C::ShowTab(4), ""),
    (Global, "next_tab", &[key(KeyCode::Tab)], C::NextTab, ""),
    (Global, "prev_tab", &[key(KeyCode::BackTab)], C::PrevTab, ""),
    (Global, "quit", &[ch('q')], C::Quit, "quit"),
    (Global, "force_quit", &[(KeyCode::Char('c'), CTRL)], C::ForceQuit, ""),
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
                .map(|&(context, name, keys, command, hint)| Binding {
                    context,
                    name,
                    keys: keys.to_vec(),
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

    /// How the first key of a command is written ("Ctrl-S"), for words that name a key.
    pub fn key_of(&self, context: Context, command: Command) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.command == command)
            .and_then(|b| b.keys.first())
            .map(|(c, m)| super::keyspec::name(*c, *m))
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

    /// Footer hints for a focus, in words: its own, then the global ones where they apply. A
    /// hint names the action's first key; help lists them all.
    pub fn hints(&self, context: Context, lang: Lang) -> Vec<(String, String)> {
        self.hint_ids(context)
            .into_iter()
            .map(|(key, id)| match key {
                Some(key) => (key, hint_word(lang, id)),
                None => (hint_word(lang, &format!("{id}-key")), hint_word(lang, id)),
            })
            .collect()
    }

    /// The footer's hints as (first key, hint id); no key: the key is the message
    /// `hint-<id>-key` ("any key").
    pub fn hint_ids(&self, context: Context) -> Vec<(Option<String>, &'static str)> {
        if context == Context::Overlay {
            return vec![(None, "closes")];
        }
        if context == Context::Help {
            let mut hints: Vec<(Option<String>, &'static str)> = self
                .bindings
                .iter()
                .filter(|b| b.context == Context::Help)
                .filter_map(|b| Some((Some(first_key(b)?), b.hint)))
                .collect();
            hints.push((None, "closes-other"));
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
            .filter_map(|b| Some((Some(first_key(b)?), b.hint)))
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
                        o.context.title(Lang::En)
                    ));
                }
            }
        }
        None
    }
}

/// A footer word: the message `hint-<id>`.
fn hint_word(lang: Lang, id: &str) -> String {
    if id.is_empty() {
        return String::new();
    }
    crate::i18n::text(lang, &format!("hint-{id}"))
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
            for (key, hint) in keys.hint_ids(ctx) {
                let key = key.expect("a key");
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
            for lang in Lang::ALL {
                let hints = keys.hints(ctx, lang);
                let mut words: Vec<_> = hints.clone();
                words.sort();
                words.dedup();
                assert_eq!(words.len(), hints.len(), "{ctx:?} {lang:?}");
            }
            let hints = keys.hint_ids(ctx);
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
    fn every_binding_has_its_words_in_both_languages() {
        let keys = Keymap::default();
        for lang in Lang::ALL {
            for b in keys.bindings() {
                assert!(
                    crate::i18n::has(lang, &b.help_id()),
                    "{} {lang:?}",
                    b.help_id()
                );
                if !b.hint.is_empty() {
                    assert!(
                        crate::i18n::has(lang, &format!("hint-{}", b.hint)),
                        "{}",
                        b.hint
                    );
                }
            }
            for ctx in Context::ALL {
                assert!(crate::i18n::has(lang, &format!("context-{}", ctx.slug())));
                for (key, id) in keys.hint_ids(ctx) {
                    assert!(crate::i18n::has(lang, &format!("hint-{id}")), "{id}");
                    if key.is_none() {
                        assert!(crate::i18n::has(lang, &format!("hint-{id}-key")), "{id}");
                    }
                }
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
        assert!(
            keys.hints(Queue, Lang::En)
                .contains(&("Ctrl-Q".to_string(), "quit".to_string()))
        );
        assert!(
            keys.hints(Queue, Lang::Id)
                .contains(&("Ctrl-Q".to_string(), "keluar".to_string()))
        );
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
