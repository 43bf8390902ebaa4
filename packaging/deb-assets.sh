#!/usr/bin/env bash
# The generated files of the Debian package, made by the binary itself so that they never
# drift from it: the manual pages (clap_mangen, `deskcoll man --out-dir`), gzipped, and the
# bash, zsh and fish completions (`deskcoll completions`). Cargo.toml's
# [package.metadata.deb] takes them from target/deb-assets/.
# Usage: packaging/deb-assets.sh DESKCOLL_BINARY OUT_DIR   (packaging/deb.sh runs it)
set -euo pipefail
bin=${1:?usage: deb-assets.sh DESKCOLL_BINARY OUT_DIR}
out=${2:?usage: deb-assets.sh DESKCOLL_BINARY OUT_DIR}
rm -rf "$out/man" "$out/completions"
mkdir -p "$out/man" "$out/completions"
# The pages go to /usr/share/man/man1, where English ones belong, whatever the builder's locale.
DESKCOLL_LANG=en "$bin" man --out-dir "$out/man" >/dev/null
gzip -9n "$out"/man/*.1
"$bin" completions bash >"$out/completions/deskcoll"
"$bin" completions zsh >"$out/completions/_deskcoll"
"$bin" completions fish >"$out/completions/deskcoll.fish"
