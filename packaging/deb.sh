#!/usr/bin/env bash
# Builds the Debian package: target/debian/deskcoll_<version>-1_<arch>.deb.
# Needs cargo-deb (cargo install cargo-deb --locked) and dpkg-dev (dpkg-shlibdeps).
# Not part of CI (it builds a release binary); tests/packaging.rs checks the metadata and the
# generated files instead.
set -euo pipefail
here=${BASH_SOURCE[0]%/*}
[ "$here" != "${BASH_SOURCE[0]}" ] || here=.
cd "$here/.."
cargo deb --version >/dev/null 2>&1 ||
  { echo "deb: cargo-deb not found: cargo install cargo-deb --locked" >&2; exit 1; }
cargo build --release --locked
packaging/deb-assets.sh target/release/deskcoll target/deb-assets
# Stripped: the release profile keeps line tables for profiling; the package need not.
cargo deb --no-build --locked --strip "$@"
