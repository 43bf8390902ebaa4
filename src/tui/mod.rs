//! The full-screen workstation.

use crate::clock::Clock;
use crate::config::Config;

pub async fn run(_config: Config, _clock: Clock) -> anyhow::Result<()> {
    anyhow::bail!(
        "the full-screen workstation is not built yet; see `deskcoll --help` for the commands"
    )
}
