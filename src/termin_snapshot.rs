//! Full looks at the termin transactions, kept on this desk (per server, in the data folder,
//! readable by its user only) so that a later look can tell what changed: the first full look
//! of each day (in WIB) is kept, a week of them. A comparison never uses a look up: it reads
//! the latest look of an earlier day (or the day asked for), so asking twice gives the same
//! answer. The CLI (`termin --changes`) and the Termin tab keep them the same way.

use crate::domain::Transaction;
use crate::domain::termin_desk::{Changes, Snapshot};
use chrono::NaiveDate;
use std::io;
use std::path::{Path, PathBuf};

/// How many days of looks are kept.
pub const KEEP_DAYS: i64 = 7;

/// The looks at one server, in one folder.
#[derive(Debug, Clone)]
pub struct Looks {
    dir: PathBuf,
    /// A digest of the server, never its URL.
    key: String,
}

impl Looks {
    /// The looks at `server` in the data folder (`None` without one).
    pub fn for_server(server: &str) -> Option<Looks> {
        Some(Looks::in_dir(crate::config::data_dir()?, server))
    }

    pub fn in_dir(dir: PathBuf, server: &str) -> Looks {
        let key = crate::domain::result::sign(server, "termin-snapshot");
        Looks {
            dir,
            key: key[..16].to_string(),
        }
    }

    fn prefix(&self) -> String {
        format!("termin-snapshot-{}-", self.key)
    }

    /// The file of the look of `day`.
    pub fn path_of(&self, day: NaiveDate) -> PathBuf {
        self.dir.join(format!("{}{day}.json", self.prefix()))
    }

    /// The days with a look kept, oldest first.
    pub fn days(&self) -> io::Result<Vec<NaiveDate>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            other => other?,
        };
        let prefix = self.prefix();
        let mut days: Vec<NaiveDate> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let day = name
                    .strip_prefix(&prefix)?
                    .strip_suffix(".json")?
                    .to_string();
                NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()
            })
            .collect();
        days.sort();
        Ok(days)
    }

    /// The look of `day`; one that cannot be read is an error naming its file.
    pub fn read(&self, day: NaiveDate) -> io::Result<Snapshot> {
        let path = self.path_of(day);
        let bytes = std::fs::read(&path).map_err(|e| named(&path, e))?;
        serde_json::from_slice(&bytes).map_err(|e| named(&path, e))
    }

    /// The day compared with: `since` when given (it must have a look), else the latest day
    /// before `today` with one (`None`: no earlier look).
    pub fn base_day(
        &self,
        today: NaiveDate,
        since: Option<NaiveDate>,
    ) -> io::Result<Option<NaiveDate>> {
        let days = self.days()?;
        match since {
            Some(d) if days.contains(&d) => Ok(Some(d)),
            Some(d) => {
                let kept: Vec<String> = days.iter().map(|d| d.to_string()).collect();
                Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "no look kept of {d} (kept: {})",
                        if kept.is_empty() {
                            "none".to_string()
                        } else {
                            kept.join(", ")
                        }
                    ),
                ))
            }
            None => Ok(days.into_iter().rfind(|d| *d < today)),
        }
    }

    /// What changed since the base look (see `base_day`); then `all` is kept as `today`'s look
    /// when it is the first of the day, and looks older than a week are removed.
    pub fn compare_and_keep(
        &self,
        all: &[Transaction],
        today: NaiveDate,
        since: Option<NaiveDate>,
        now_rfc3339: String,
    ) -> io::Result<Changes> {
        let base = match self.base_day(today, since)? {
            Some(day) => Some(self.read(day)?),
            None => None,
        };
        let changes = Changes::between(base.as_ref(), all);
        self.keep(all, today, now_rfc3339)?;
        Ok(changes)
    }

    /// Keeps `all` as `today`'s look unless one is kept already; removes looks older than
    /// `KEEP_DAYS`. Written whole or not at all (a file beside it, then renamed), 0600.
    pub fn keep(
        &self,
        all: &[Transaction],
        today: NaiveDate,
        now_rfc3339: String,
    ) -> io::Result<()> {
        crate::files::own_private_dir(&self.dir)?;
        let path = self.path_of(today);
        if !path.exists() {
            let bytes =
                serde_json::to_vec(&Snapshot::of(all, now_rfc3339)).map_err(io::Error::other)?;
            let tmp = self.dir.join(format!(
                ".{}{today}.{}.tmp",
                self.prefix(),
                std::process::id()
            ));
            crate::files::write_private(&tmp, &bytes)?;
            std::fs::rename(&tmp, &path).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })?;
        }
        for day in self.days()? {
            if (today - day).num_days() >= KEEP_DAYS {
                let _ = std::fs::remove_file(self.path_of(day));
            }
        }
        Ok(())
    }
}

fn named(path: &Path, e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("{}: {e}", path.display()))
}

/// Today in WIB, the day a look is filed under.
pub fn wib_day(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    now.with_timezone(&crate::domain::termin_desk::wib())
        .date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::termin::{General, Payment};

    fn tx(po: &str, step: i64, status: &str) -> Transaction {
        Transaction {
            general: General {
                purchase_order_number: po.into(),
                status_name: status.into(),
                ..General::default()
            },
            payment: Payment {
                step: Some(step),
                ..Payment::default()
            },
            ..Transaction::default()
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_look_is_not_used_up_and_the_first_of_a_day_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let looks = Looks::in_dir(dir.path().join("data"), "http://server");
        let monday = vec![tx("PO-1", 1, "Dikirim")];
        let first = looks
            .compare_and_keep(&monday, day(7), None, "a".into())
            .unwrap();
        assert_eq!(first.since, None, "no earlier look");
        let tuesday = vec![tx("PO-1", 1, "Penagihan")];
        let once = looks
            .compare_and_keep(&tuesday, day(8), None, "b".into())
            .unwrap();
        let twice = looks
            .compare_and_keep(&tuesday, day(8), None, "c".into())
            .unwrap();
        assert_eq!(once, twice, "asking again gives the same answer");
        assert_eq!(once.changed.len(), 1);
        assert_eq!(once.since.as_deref(), Some("a"));
        // The first look of the day was kept, not the second.
        assert_eq!(looks.read(day(8)).unwrap().taken_at, "b");
        // A day named: compared with that day's look.
        let since_today = looks
            .compare_and_keep(&tuesday, day(8), Some(day(8)), "d".into())
            .unwrap();
        assert!(since_today.is_empty());
        let missing = looks.compare_and_keep(&tuesday, day(8), Some(day(1)), "e".into());
        let err = missing.unwrap_err().to_string();
        assert!(
            err.contains("2026-12-01") && err.contains("2026-12-07"),
            "{err}"
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(looks.path_of(day(8)))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_week_is_kept_and_an_unreadable_look_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let looks = Looks::in_dir(dir.path().to_path_buf(), "s");
        for d in 1..=9 {
            looks
                .keep(&[tx("PO", 1, "x")], day(d), d.to_string())
                .unwrap();
        }
        assert_eq!(looks.days().unwrap(), (3..=9).map(day).collect::<Vec<_>>());
        std::fs::write(looks.path_of(day(8)), b"{not json").unwrap();
        let err = looks
            .compare_and_keep(&[], day(9), None, "x".into())
            .unwrap_err()
            .to_string();
        assert!(err.contains("2026-12-08"), "the file is named: {err}");
        // Nothing half-written is left beside the looks.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }
}
