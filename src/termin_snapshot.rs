//! The last full look at the termin transactions, kept on this desk (per server, in the data
//! folder, readable by its user only), so that the next look can tell what changed. The CLI
//! (`termin --changes`) and the Termin tab keep it the same way.

use crate::domain::Transaction;
use crate::domain::termin_desk::{Changes, Snapshot};
use std::io;
use std::path::PathBuf;

/// Where the snapshot of `server` lives (its name: a digest of the server, never the URL).
pub fn path_for(server: &str) -> Option<PathBuf> {
    let key = crate::domain::result::sign(server, "termin-snapshot");
    Some(crate::config::data_dir()?.join(format!("termin-snapshot-{}.json", &key[..16])))
}

fn read(path: &std::path::Path) -> Option<Snapshot> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// What changed since the last look at `server`, keeping this one as the next "last look".
pub fn compare_and_keep(
    server: &str,
    all: &[Transaction],
    now_rfc3339: String,
) -> io::Result<Changes> {
    let Some(path) = path_for(server) else {
        return Ok(Changes::between(None, all));
    };
    let changes = Changes::between(read(&path).as_ref(), all);
    if let Some(dir) = path.parent() {
        crate::files::own_private_dir(dir)?;
    }
    let bytes = serde_json::to_vec(&Snapshot::of(all, now_rfc3339)).map_err(io::Error::other)?;
    crate::files::write_private(&path, &bytes)?;
    Ok(changes)
}
