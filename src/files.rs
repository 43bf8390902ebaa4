//! Files that hold names, phones, remarks and secrets: readable by their owner only.
//! Folders deskcoll creates are 0700; the outbox (with its -wal and -shm), the log, exports
//! and the config file are 0600. Elsewhere than Unix these are plain file operations.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Mode of a private file.
pub const FILE_MODE: u32 = 0o600;
/// Mode of a private folder.
pub const DIR_MODE: u32 = 0o700;

/// Creates a folder and any missing parents, each created one 0700. Folders that already
/// exist are left as they are (the outbox may live in a shared folder the user chose).
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(DIR_MODE);
    }
    b.create(path)
}

/// deskcoll's own data folder: created 0700, and made 0700 when an older version left it
/// open (it holds only deskcoll's files).
pub fn own_private_dir(path: &Path) -> io::Result<()> {
    create_private_dir(path)?;
    set_mode(path, DIR_MODE)
}

/// Sets a path's mode (nothing elsewhere than Unix).
pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// Makes an existing file private; a file that does not exist is fine.
pub fn restrict(path: &Path) -> io::Result<()> {
    match set_mode(path, FILE_MODE) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn private_options() -> OpenOptions {
    #[allow(unused_mut)]
    let mut opts = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(FILE_MODE);
    }
    opts
}

/// A new private file; an existing one is never overwritten (`AlreadyExists`).
pub fn create_new_private(path: &Path) -> io::Result<File> {
    private_options().write(true).create_new(true).open(path)
}

/// A private file opened for appending (created 0600, an existing one made 0600).
pub fn open_private_append(path: &Path) -> io::Result<File> {
    let f = private_options().create(true).append(true).open(path)?;
    restrict(path)?;
    Ok(f)
}

/// Writes a whole file only its owner can read, also over an existing file of any mode.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = create_private(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// A file opened for writing from its start, readable by its owner only: the caller writes
/// it (streamed) and syncs it.
pub fn create_private(path: &Path) -> io::Result<std::fs::File> {
    let f = private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    // `mode` applies only when the file is created: an older file keeps its own otherwise.
    restrict(path)?;
    Ok(f)
}

/// The data folder and the log file in it, private: what the workstation writes its log to.
pub fn prepare_log(data_dir: &Path) -> io::Result<std::path::PathBuf> {
    own_private_dir(data_dir)?;
    let log = data_dir.join("deskcoll.log");
    open_private_append(&log)?;
    Ok(log)
}

/// Writes termin rows to a new private CSV file (never over an existing one), in `style`.
/// Cells are escaped by `termin_view::csv_row`. Returns how many rows were written.
pub fn export_termin_csv(
    path: &Path,
    rows: &[crate::domain::Transaction],
    style: crate::domain::text::CsvStyle,
) -> io::Result<usize> {
    use crate::domain::termin_view::{CSV_HEADERS, csv_row};
    let cells: Vec<Vec<String>> = rows.iter().map(csv_row).collect();
    export_csv_table(path, &CSV_HEADERS, &cells, style)
}

/// Writes a table (cells already safe for a spreadsheet) to a new private CSV file, never
/// over an existing one. Returns how many rows were written.
pub fn export_csv_table(
    path: &Path,
    headers: &[impl AsRef<str>],
    rows: &[Vec<String>],
    style: crate::domain::text::CsvStyle,
) -> io::Result<usize> {
    let mut file = io::BufWriter::new(create_new_private(path)?);
    file.write_all(style.preamble())?;
    let mut w = style.writer(file);
    w.write_record(headers.iter().map(|h| h.as_ref()))
        .map_err(io::Error::other)?;
    for row in rows {
        w.write_record(
            row.iter()
                .zip(
                    headers
                        .iter()
                        .map(|h| h.as_ref())
                        .chain(std::iter::repeat("")),
                )
                .map(|(c, h)| style.cell(h, c).into_owned()),
        )
        .map_err(io::Error::other)?;
    }
    w.into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?
        .sync_all()?;
    Ok(rows.len())
}

/// True when the group or others may read the file (a config file holding secrets).
pub fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_the_owners() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("a/b");
        let log = prepare_log(&data).unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&log), 0o600);

        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        set_mode(&open, 0o755).unwrap();
        create_private_dir(&open).unwrap();
        assert_eq!(mode(&open), 0o755, "a folder the user chose is left alone");
        own_private_dir(&open).unwrap();
        assert_eq!(mode(&open), 0o700, "deskcoll's own folder is closed");

        let file = dir.path().join("config.toml");
        std::fs::write(&file, "x").unwrap();
        set_mode(&file, 0o644).unwrap();
        assert!(readable_by_others(&file));
        write_private(&file, b"y").unwrap();
        assert_eq!(mode(&file), 0o600);
        assert!(!readable_by_others(&file));
        assert_eq!(std::fs::read(&file).unwrap(), b"y");

        let export = dir.path().join("export.csv");
        create_new_private(&export).unwrap();
        assert_eq!(mode(&export), 0o600);
        assert_eq!(
            create_new_private(&export).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
    }
}
