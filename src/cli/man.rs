//! `deskcoll man`: the manual pages, made by clap_mangen from the command line's own
//! definition, so that they say what `--help` says and never drift from it.

use super::{Cli, EXIT_ERROR, Failure};
use crate::i18n::Lang;
use crate::tr;
use clap::CommandFactory;
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
    let mut out = format!(
        ".SH \"EXIT STATUS\"\n{}\n.SH FILES\n",
        tr!(lang, "man-exit-status")
    );
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
    out.push_str(&format!(
        "{ENVIRONMENT}{}, \\fBNO_COLOR\\fR.\n{}\n",
        tr!(lang, "man-environment-serve"),
        tr!(lang, "man-environment-secrets")
    ));
    out
}

/// The variables, by name.
const ENVIRONMENT: &str = r#".SH ENVIRONMENT
\fBDESKCOLL_BASE_URL\fR, \fBDESKCOLL_TASKS_URL\fR, \fBDESKCOLL_RESULT_URL\fR,
\fBDESKCOLL_USER\fR, \fBDESKCOLL_PASSWORD\fR, \fBDESKCOLL_HASH_KEY\fR,
\fBDESKCOLL_AGENT_ID\fR, \fBDESKCOLL_IP_ADDRESS\fR, \fBDESKCOLL_TERMIN_URL\fR,
\fBDESKCOLL_TERMIN_AUTH\fR, \fBDESKCOLL_TERMIN_TOKEN\fR, \fBDESKCOLL_TERMIN_USER\fR,
\fBDESKCOLL_TERMIN_PASSWORD\fR, \fBDESKCOLL_TERMIN_ACCESS_KEY\fR,
\fBDESKCOLL_TERMIN_ACCESS_SECRET\fR, \fBDESKCOLL_TERMIN_LOGIN_URL\fR,
\fBDESKCOLL_CONFIG\fR, \fBDESKCOLL_SYSTEM_CONFIG\fR, \fBDESKCOLL_OUTBOX\fR,
\fBDESKCOLL_DIAL_COMMAND\fR, \fBDESKCOLL_TWIN_*\fR
"#;

/// The command line as the pages describe it (no `help` subcommand: `--help` is).
fn definition() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
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

/// deskcoll(1): every option and every command (at every depth), with what the definition
/// cannot say (exit status, files, environment) in `lang`.
pub fn page(lang: Lang) -> std::io::Result<Vec<u8>> {
    let cmd = definition();
    let mut rendered = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut rendered)?;
    let rendered = String::from_utf8_lossy(&rendered).into_owned();
    let more = format!("{}{}", commands_section(&cmd), more(lang));
    // Before the version, where a reader looks for them.
    let page = match rendered.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{more}{}", &rendered[..at], &rendered[at + 1..]),
        None => format!("{rendered}{more}"),
    };
    Ok(page.into_bytes())
}

/// Writes deskcoll.1 and a page per command into `dir`; returns their paths.
pub fn write_all(dir: &Path, lang: Lang) -> std::io::Result<Vec<PathBuf>> {
    fn each(cmd: clap::Command, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            each(sub.clone(), dir, out)?;
        }
        out.push(clap_mangen::Man::new(cmd).generate_to(dir)?);
        Ok(())
    }
    std::fs::create_dir_all(dir)?;
    let mut out = Vec::new();
    for sub in definition().get_subcommands().filter(|s| !s.is_hide_set()) {
        each(sub.clone(), dir, &mut out)?;
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
