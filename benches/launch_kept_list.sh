#!/bin/bash
# Launch -> first drawn queue, whole processes in a pseudo-terminal of 200x60 (script(1), the
# hidden --exit-after-first-queue flag): from the kept list with the server gone (A) and
# reading the same list from a local twin with nothing kept (B). Medians of 5 (benches/whole.sh;
# needs GNU time and script: apt install time bsdutils). The credentials are the seed
# document's published examples, the twin's defaults: fixtures, never a real server's.
# Run: cargo build --release && benches/launch_kept_list.sh 1000 && benches/launch_kept_list.sh 100000
set -u
here=$(dirname "$0")
. "$here/whole.sh"
need script curl
N=${1:?usage: benches/launch_kept_list.sh TASKS}
BIN=$(realpath "${DESKCOLL_BIN:-target/release/deskcoll}")
PORT=${PORT:-18790}
H=$(mktemp -d)
mkdir -p "$H/a" "$H/b"
export DESKCOLL_BASE_URL=http://127.0.0.1:$PORT DESKCOLL_USER=SERVICEMNC DESKCOLL_PASSWORD='Mnc%^21' DESKCOLL_HASH_KEY=8de3ef10fec04f05adb8631f9186a437 DESKCOLL_LANG=en TERM=xterm-256color
"$BIN" serve --addr 127.0.0.1:$PORT --tasks "$N" --contracts "$N" --seed 1 >/dev/null 2>&1 &
TWIN=$!
trap 'kill $TWIN 2>/dev/null; rm -rf "$H"' EXIT
until curl -s -o /dev/null "$DESKCOLL_BASE_URL/"; do sleep 0.2; done
# B: the twin up, nothing kept (the kept file removed before each run)
cat >"$H/b.sh" <<EOS
rm -f $H/b/data/deskcoll/task-list-*
HOME=$H/b XDG_DATA_HOME=$H/b/data XDG_CONFIG_HOME=$H/b/config script -qc 'stty cols 200 rows 60; $BIN --exit-after-first-queue' /dev/null > /dev/null
EOS
median_of "B $N: launch from a local twin, nothing kept" sh "$H/b.sh"
# keep the list for A, then the server goes away
HOME=$H/a XDG_DATA_HOME=$H/a/data XDG_CONFIG_HOME=$H/a/config "$BIN" tasks --format csv >/dev/null
kill $TWIN
wait $TWIN 2>/dev/null
cat >"$H/a.sh" <<EOS
HOME=$H/a XDG_DATA_HOME=$H/a/data XDG_CONFIG_HOME=$H/a/config script -qc 'stty cols 200 rows 60; $BIN --exit-after-first-queue' /dev/null > /dev/null
EOS
median_of "A $N: launch from the kept list, the server gone" sh "$H/a.sh"
ls -l "$H"/a/data/deskcoll/task-list-* | awk '{print "kept file: " $5 " bytes"}'
