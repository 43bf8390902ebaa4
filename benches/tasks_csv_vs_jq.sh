#!/bin/bash
# `deskcoll tasks --format csv` against `curl | jq` writing four columns of the same list,
# from a local twin of N tasks, run in turn (A B A B ...) so that a drifting machine affects
# both alike; prints each one's median and the ratio of the medians. Skips (exit 0, saying
# why) without curl or jq (apt install curl jq). The credentials are the seed document's
# published examples, the twin's defaults: fixtures, never a real server's.
# Run: cargo build --release && benches/tasks_csv_vs_jq.sh 100000
set -u
here=$(dirname "$0")
# shellcheck source=benches/whole.sh
. "$here/whole.sh"
need curl jq
N=${1:?usage: benches/tasks_csv_vs_jq.sh TASKS}
BIN=$(realpath "${DESKCOLL_BIN:-target/release/deskcoll}")
PORT=${PORT:-18791}
H=$(mktemp -d)
export DESKCOLL_BASE_URL=http://127.0.0.1:$PORT DESKCOLL_USER=SERVICEMNC DESKCOLL_PASSWORD='Mnc%^21' HOME=$H XDG_DATA_HOME=$H/data XDG_CONFIG_HOME=$H/config
"$BIN" serve --addr "127.0.0.1:$PORT" --tasks "$N" --contracts "$N" --seed 1 >/dev/null 2>&1 &
TWIN=$!
trap 'kill $TWIN 2>/dev/null; rm -rf "$H"' EXIT
until curl -s -o /dev/null "$DESKCOLL_BASE_URL/"; do sleep 0.2; done
cat >"$H/a.sh" <<EOS
exec "$BIN" tasks --format csv
EOS
cat >"$H/b.sh" <<EOS
curl -s -u "\$DESKCOLL_USER:\$DESKCOLL_PASSWORD" "\$DESKCOLL_BASE_URL/api/DailyTask_DeskColl" | jq -r '.data[] | [.contract_no,.name,.overdue,.total_amount] | @csv'
EOS
a=() b=()
for i in $(seq 0 "$RUNS"); do
  for which in a b; do
    s=$(date +%s%N)
    sh "$H/$which.sh" >/dev/null 2>&1
    e=$(date +%s%N)
    # the first pair warms up
    [ "$i" = 0 ] && continue
    if [ $which = a ]; then a+=($(((e - s) / 1000000))); else b+=($(((e - s) / 1000000))); fi
  done
done
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
ma=$(med "${a[@]}") mb=$(med "${b[@]}")
echo "tasks of $N: deskcoll tasks --format csv: median $ma ms (${a[*]})"
echo "tasks of $N: curl | jq @csv:              median $mb ms (${b[*]})"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "ratio (medians): %.2f\n", a / b }'
median_of "peak memory, deskcoll tasks --format csv" sh "$H/a.sh"
