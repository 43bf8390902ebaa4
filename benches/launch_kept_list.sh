#!/usr/bin/env bash
# Launch -> first drawn queue: from the kept list with the server gone (A) vs reading the
# same list from a local twin with nothing kept (B). Needs hyperfine (apt install hyperfine,
# or cargo install hyperfine) and script(1) from util-linux. The credentials are the seed
# document's published examples, the twin's defaults: fixtures, never a real server's.
# Usage: benches/launch_kept_list.sh TASKS   (DESKCOLL_BIN names the binary to time)
set -euo pipefail
n=${1:?usage: benches/launch_kept_list.sh TASKS}
command -v hyperfine >/dev/null 2>&1 || { echo "bench: hyperfine not found" >&2; exit 1; }
command -v script >/dev/null 2>&1 || { echo "bench: script(1) not found (util-linux)" >&2; exit 1; }
bin=$(realpath "${DESKCOLL_BIN:-target/release/deskcoll}")
port=18790
h=$(mktemp -d)
mkdir -p "$h/a" "$h/b"
export DESKCOLL_BASE_URL="http://127.0.0.1:$port" DESKCOLL_USER=SERVICEMNC \
  DESKCOLL_PASSWORD='Mnc%^21' DESKCOLL_HASH_KEY=8de3ef10fec04f05adb8631f9186a437 \
  DESKCOLL_LANG=en TERM=xterm-256color
"$bin" serve --addr "127.0.0.1:$port" --tasks "$n" --contracts "$n" --seed 1 >/dev/null 2>&1 &
twin=$!
trap 'kill "$twin" 2>/dev/null || true' EXIT
sleep 2
launch() { # the workstation in a 200x60 pseudo-terminal, home $1, until the queue is drawn
  printf "HOME=%q XDG_DATA_HOME=%q XDG_CONFIG_HOME=%q script -qc %q /dev/null >/dev/null" \
    "$1" "$1/data" "$1/config" "stty cols 200 rows 60; $bin --exit-after-first-queue"
}
median() { # the median of the 5 runs, from hyperfine's JSON (it prints only the mean)
  grep -o '"median": *[0-9.e+-]*' "$1" | head -n 1 | awk '{ printf "  median: %.1f ms\n", $2 * 1000 }'
}
echo 'B: from the local twin, nothing kept'
hyperfine -N -r 5 --export-json "$h/b.json" --prepare "rm -f $h/b/data/deskcoll/task-list-*" "sh -c '$(launch "$h/b")'"
median "$h/b.json"
# Keep the list for A, then the server goes away.
HOME="$h/a" XDG_DATA_HOME="$h/a/data" XDG_CONFIG_HOME="$h/a/config" "$bin" tasks --format csv >/dev/null
kill "$twin"
wait "$twin" 2>/dev/null || true
echo 'A: from the kept list, the server gone'
hyperfine -N -r 5 --export-json "$h/a.json" "sh -c '$(launch "$h/a")'"
median "$h/a.json"
for f in "$h"/a/data/deskcoll/task-list-*; do
  [ -e "$f" ] && ls -la "$f"
done
