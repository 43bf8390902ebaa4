#!/bin/bash
# Launch -> first drawn queue: from the kept list with the server gone (A) vs reading the
# same list from a local twin with nothing kept (B). Needs farm-bench (or read its two
# commands) and script(1). The credentials are the seed document's published examples, the
# twin's defaults: fixtures, never a real server's.
set -u
N=${1:?usage: benches/launch_kept_list.sh TASKS}
BIN=${DESKCOLL_BIN:-target/release/deskcoll}; BIN=$(realpath "$BIN")
PORT=18790
H=$(mktemp -d)
mkdir -p $H/a $H/b
export DESKCOLL_BASE_URL=http://127.0.0.1:$PORT DESKCOLL_USER=SERVICEMNC DESKCOLL_PASSWORD='Mnc%^21' DESKCOLL_HASH_KEY=8de3ef10fec04f05adb8631f9186a437 DESKCOLL_LANG=en TERM=xterm-256color
$BIN serve --addr 127.0.0.1:$PORT --tasks $N --contracts $N --seed 1 > /dev/null 2>&1 &
TWIN=$!
sleep 2
# B: the twin up, nothing kept (the kept file removed before each run)
cat > $H/b.sh <<EOS
rm -f $H/b/data/deskcoll/task-list-*
HOME=$H/b XDG_DATA_HOME=$H/b/data XDG_CONFIG_HOME=$H/b/config script -qc 'stty cols 200 rows 60; $BIN --exit-after-first-queue' /dev/null > /dev/null
EOS
echo 'B: from the local twin, nothing kept'
farm-bench -n 5 --timeout 300 -- sh $H/b.sh 2>&1 | tail -4
# keep the list for A, then the server goes away
HOME=$H/a XDG_DATA_HOME=$H/a/data XDG_CONFIG_HOME=$H/a/config $BIN tasks --format csv > /dev/null
kill $TWIN; wait $TWIN 2>/dev/null
cat > $H/a.sh <<EOS
HOME=$H/a XDG_DATA_HOME=$H/a/data XDG_CONFIG_HOME=$H/a/config script -qc 'stty cols 200 rows 60; $BIN --exit-after-first-queue' /dev/null > /dev/null
EOS
echo 'A: from the kept list, the server gone'
farm-bench -n 5 --timeout 300 -- sh $H/a.sh 2>&1 | tail -4
ls -la $H/a/data/deskcoll/ | grep task-list
