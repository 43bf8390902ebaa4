#!/usr/bin/env bash
# Builds the Debian package: target/debian/deskcoll_<version>-1_<arch>.deb.
# Needs cargo-deb (cargo install cargo-deb --locked) and dpkg-dev (dpkg-shlibdeps).
# The Maintainer field is the builder's, given at build time: DESKCOLL_MAINTAINER="Name
# <mail>", else DEBFULLNAME and DEBEMAIL (as dch reads them). Without one it stops.
# Not part of CI (it builds a release binary); tests/packaging.rs checks the metadata and the
# generated files instead.
#
# Check the result with lintian (apt install lintian):
#   lintian --info --display-info target/debian/deskcoll_*.deb
# It should report no error; the copyright comes from LICENSE, the changelog from
# CHANGELOG.md, the manual pages and completions from the binary (packaging/deb-assets.sh).
set -euo pipefail
here=${BASH_SOURCE[0]%/*}
[ "$here" != "${BASH_SOURCE[0]}" ] || here=.
cd "$here/.."
maintainer=${DESKCOLL_MAINTAINER:-}
if [ -z "$maintainer" ] && [ -n "${DEBFULLNAME:-}" ] && [ -n "${DEBEMAIL:-}" ]; then
  maintainer="$DEBFULLNAME <$DEBEMAIL>"
fi
case $maintainer in
  *@localhost* | "")
    echo "deb: set DESKCOLL_MAINTAINER='Name <mail@example.org>' (or DEBFULLNAME and DEBEMAIL): the package's Maintainer" >&2
    exit 1
    ;;
  *"<"*"@"*">") ;;
  *)
    echo "deb: DESKCOLL_MAINTAINER must read 'Name <mail@domain>', not '$maintainer'" >&2
    exit 1
    ;;
esac
cargo deb --version >/dev/null 2>&1 ||
  { echo "deb: cargo-deb not found: cargo install cargo-deb --locked" >&2; exit 1; }
cargo build --release --locked
packaging/deb-assets.sh target/release/deskcoll target/deb-assets
# Stripped: the release profile keeps line tables for profiling; the package need not.
out=$(cargo deb --no-build --locked --strip "$@" | tail -n 1)
# The builder's Maintainer in the package's control file.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$out" "$work/pkg"
escaped=${maintainer//&/\\&}
sed -i "s|^Maintainer: .*|Maintainer: ${escaped//|/\\|}|" "$work/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/pkg" "$out" >/dev/null
echo "$out"
