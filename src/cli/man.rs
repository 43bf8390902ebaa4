//! `deskcoll man`: the manual pages, made by clap_mangen from the command line's own
//! definition, so that they say what `--help` says and never drift from it.

use super::{EXIT_ERROR, Failure};
use crate::i18n::Lang;
use crate::tr;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// Write every page into this folder instead (deskcoll.1 and one per command:
    /// deskcoll-tasks.1, deskcoll-outbox-flush.1, ...) and print their names.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// What the definition cannot say: the exit codes, the files, the environment, in the
/// language (the section headings stay English, as clap's own do).
fn more(lang: Lang) -> String {
    let file = |path: &str, text: String| format!(".TP\n\\fI{path}\\fR\n{text}\n");
    let mut out = String::from(".SH \"EXIT STATUS\"\n");
    for (code, _) in super::EXIT_TABLE {
        let what = crate::i18n::text(lang, &format!("exit-code-{code}"));
        out.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff_text(&what)));
    }
    out.push_str(&format!(".PP\n{}\n", tr!(lang, "man-exit-doctor")));
    out.push_str(&environment());
    out.push_str(&format!(
        "\\fBDESKCOLL_TWIN_*\\fR {}.\n{}\n",
        tr!(lang, "man-environment-serve"),
        tr!(lang, "man-environment-secrets")
    ));
    out.push_str(".SH FILES\n");
    out.push_str(&file(
        "/etc/deskcoll/config.toml",
        tr!(lang, "man-files-system"),
    ));
    out.push_str(&file(
        "~/.config/deskcoll/config.toml",
        tr!(lang, "man-files-user"),
    ));
    out.push_str(&file(
        "~/.local/share/deskcoll/outbox.sqlite3",
        tr!(lang, "man-files-outbox"),
    ));
    out.push_str(&file(
        "/usr/share/doc/deskcoll/config.toml",
        tr!(lang, "man-files-template"),
    ));
    out
}

/// Every variable deskcoll reads (`tests/packaging.rs` checks the sources name no other).
pub const VARIABLES: &[&str] = &[
    "DESKCOLL_BASE_URL",
    "DESKCOLL_TASKS_URL",
    "DESKCOLL_RESULT_URL",
    "DESKCOLL_USER",
    "DESKCOLL_PASSWORD",
    "DESKCOLL_HASH_KEY",
    "DESKCOLL_AGENT_ID",
    "DESKCOLL_IP_ADDRESS",
    "DESKCOLL_TERMIN_URL",
    "DESKCOLL_TERMIN_AUTH",
    "DESKCOLL_TERMIN_TOKEN",
    "DESKCOLL_TERMIN_USER",
    "DESKCOLL_TERMIN_PASSWORD",
    "DESKCOLL_TERMIN_ACCESS_KEY",
    "DESKCOLL_TERMIN_ACCESS_SECRET",
    "DESKCOLL_TERMIN_LOGIN_URL",
    "DESKCOLL_CONFIG",
    "DESKCOLL_SYSTEM_CONFIG",
    "DESKCOLL_OUTBOX",
    "DESKCOLL_DIAL_COMMAND",
    "DESKCOLL_LANG",
    "DESKCOLL_DEMO_ADDR",
    "DESKCOLL_TWIN_USER",
    "DESKCOLL_TWIN_PASSWORD",
    "DESKCOLL_TWIN_HASH_KEY",
    "DESKCOLL_TWIN_TERMIN_TOKEN",
    "DESKCOLL_TWIN_ACCESS_KEY",
    "DESKCOLL_TWIN_ACCESS_SECRET",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "NO_COLOR",
    "TERM",
    "COLORTERM",
    "HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
];

/// The ENVIRONMENT section: every variable by name, then what the definition cannot say.
fn environment() -> String {
    let names: Vec<String> = VARIABLES.iter().map(|v| format!("\\fB{}\\fR", v)).collect();
    format!(".SH ENVIRONMENT\n{}.\n", names.join(",\n"))
}

/// Text for a roff line: a leading dot or quote escaped, hyphens as minus signs.
fn roff_text(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    match s.chars().next() {
        Some('.') | Some('\'') => format!("\\&{s}"),
        _ => s,
    }
}

/// The command line as the pages describe it (no `help` subcommand: `--help` is).
fn definition() -> clap::Command {
    let mut cmd = super::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every command at every depth (`outbox flush` too), its usage and what it does.
fn commands_section(cmd: &clap::Command) -> String {
    fn each(cmd: &clap::Command, roff: &mut roff::Roff) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let usage = sub.clone().render_usage().to_string();
            let usage = usage.trim().trim_start_matches("Usage:").trim();
            roff.control("TP", []).text([roff::bold(usage)]);
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            roff.text([roff::roman(about)]);
            each(sub, roff);
        }
    }
    let mut roff = roff::Roff::new();
    roff.control("SH", ["COMMANDS"]);
    each(cmd, &mut roff);
    // The page has defined its apostrophe already.
    roff.render()
        .lines()
        .skip_while(|l| l.starts_with(".ie ") || l.starts_with(".el "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The version's date: the latest release in CHANGELOG.md (`## [0.1.0] - 2026-11-20`).
pub fn release_date() -> &'static str {
    const CHANGELOG: &str = include_str!("../../CHANGELOG.md");
    CHANGELOG
        .lines()
        .filter_map(|l| l.strip_prefix("## ["))
        .find_map(|l| l.split(" - ").nth(1))
        .map(str::trim)
        .unwrap_or("")
}

/// Roff without the apostrophe definition each rendering starts with (the page has it).
fn body(rendered: Vec<u8>) -> String {
    String::from_utf8_lossy(&rendered)
        .lines()
        .skip_while(|l| l.starts_with(".ie ") || l.starts_with(".el "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The examples of a command's help (what comes before the exit codes), as a literal block.
fn examples(cmd: &clap::Command) -> String {
    let help = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let text = help.split("Exit codes:").next().unwrap_or("").trim();
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::from(".SH EXAMPLES\n.nf\n");
    for line in text.lines() {
        let line = line
            .strip_prefix("Examples:")
            .or_else(|| line.strip_prefix("Example:"))
            .unwrap_or(line);
        if line.trim().is_empty() && out.ends_with(".nf\n") {
            continue;
        }
        out.push_str(&roff_text(line));
        out.push('\n');
    }
    out.push_str(".fi\n");
    out
}

/// SEE ALSO: the main page, the command's parent and its own commands' pages.
fn see_also(name: &str, cmd: &clap::Command) -> String {
    let mut pages: Vec<String> = Vec::new();
    if let Some((parent, _)) = name.rsplit_once('-').filter(|_| name != "deskcoll") {
        pages.push(parent.to_string());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(format!("{name}-{}", sub.get_name()));
    }
    if !pages.contains(&"deskcoll".to_string()) && name != "deskcoll" {
        pages.insert(0, "deskcoll".into());
    }
    let mut out = String::from(".SH \"SEE ALSO\"\n");
    let refs: Vec<String> = pages
        .iter()
        .map(|p| format!(".BR {} (1)", roff_text(p)))
        .collect();
    if refs.is_empty() {
        out.push_str(".BR deskcoll (1)\n");
    } else {
        out.push_str(&refs.join(" ,\n"));
        out.push('\n');
    }
    out
}

/// One page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, (COMMANDS), EXIT STATUS, ENVIRONMENT,
/// FILES, EXAMPLES and SEE ALSO, the version and its date in the footer.
fn page_of(name: &str, cmd: &clap::Command, lang: Lang, main: bool) -> std::io::Result<String> {
    let man = clap_mangen::Man::new(cmd.clone())
        .title(name.to_uppercase())
        .date(release_date())
        .source(format!("deskcoll {}", env!("CARGO_PKG_VERSION")))
        .manual("deskcoll manual");
    let mut out = String::new();
    let mut title = Vec::new();
    man.render_title(&mut title)?;
    out.push_str(&String::from_utf8_lossy(&title));
    let mut part = |f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| -> std::io::Result<()> {
        let mut v = Vec::new();
        f(&mut v)?;
        out.push_str(&body(v));
        Ok(())
    };
    part(&|w| man.render_name_section(w))?;
    part(&|w| man.render_synopsis_section(w))?;
    part(&|w| man.render_description_section(w))?;
    part(&|w| man.render_options_section(w))?;
    if main {
        out.push_str(&commands_section(cmd));
    } else if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        part(&|w| man.render_subcommands_section(w))?;
    }
    out.push_str(&more(lang));
    out.push_str(&examples(cmd));
    out.push_str(&see_also(name, cmd));
    Ok(tidy(&out))
}

/// deskcoll(1): every option and every command (at every depth), with what the definition
/// cannot say (exit status, files, environment) in `lang`.
pub fn page(lang: Lang) -> std::io::Result<Vec<u8>> {
    Ok(page_of("deskcoll", &definition(), lang, true)?.into_bytes())
}

/// The page as `mandoc -T lint` wants it: no blank lines (an implicit paragraph), no line
/// break next to one, no trailing blanks, filled text in lines of at most 80 bytes.
fn tidy(page: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut literal = false;
    for line in page.lines() {
        let line = line.trim_end();
        if line.is_empty() && !literal {
            continue;
        }
        if line == ".nf" {
            literal = true;
        } else if line == ".fi" {
            literal = false;
        }
        // A break next to a paragraph start or another break says nothing.
        let paragraph = |l: &str| {
            [".br", ".TP", ".PP", ".SH", ".RS", ".IP", ".RE"]
                .iter()
                .any(|m| l.starts_with(m))
        };
        if line == ".br" && lines.last().is_some_and(|l| paragraph(l)) {
            continue;
        }
        if paragraph(line) && lines.last().is_some_and(|l| l == ".br") {
            lines.pop();
        }
        if literal || line.starts_with('.') || line.len() <= 80 {
            lines.push(line.to_string());
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !current.is_empty() && current.len() + 1 + word.len() > 80 {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            lines.push(current);
        }
    }
    // A wrapped line must not start as a request would.
    let mut out = String::new();
    for l in lines {
        if l.starts_with('\'') {
            out.push_str("\\&");
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Writes deskcoll.1 and a page per command into `dir`; returns their paths.
pub fn write_all(dir: &Path, lang: Lang) -> std::io::Result<Vec<PathBuf>> {
    fn each(
        name: String,
        cmd: &clap::Command,
        dir: &Path,
        lang: Lang,
        out: &mut Vec<PathBuf>,
    ) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            each(format!("{name}-{}", sub.get_name()), sub, dir, lang, out)?;
        }
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, page_of(&name, cmd, lang, false)?)?;
        out.push(path);
        Ok(())
    }
    std::fs::create_dir_all(dir)?;
    let mut out = Vec::new();
    let cmd = definition();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        each(
            format!("deskcoll-{}", sub.get_name()),
            sub,
            dir,
            lang,
            &mut out,
        )?;
    }
    let main = dir.join("deskcoll.1");
    std::fs::write(&main, page(lang)?)?;
    out.insert(0, main);
    Ok(out)
}
pub fn run(args: ManArgs, lang: Lang) -> Result<(), Failure> {
    let failed = |e: std::io::Error| Failure::new(EXIT_ERROR, format!("man: {e}"));
    match args.out_dir {
        None => super::output::emit_raw(&page(lang).map_err(failed)?)?,
        Some(dir) => {
            for p in write_all(&dir, lang).map_err(failed)? {
                say!("{}", p.display());
            }
        }
    }
    Ok(())
}
