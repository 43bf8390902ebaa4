# shellcheck shell=bash
# Helpers for the whole-process benches (sourced): each command runs once to warm up, then
# RUNS times (5); the median wall time and the largest peak memory are printed. Needs bash,
# GNU time (/usr/bin/time, `apt install time`) and the commands each bench names.
RUNS=${RUNS:-5}

need() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "skipped: '$tool' not found (install it: apt install $tool)" >&2
      exit 0
    fi
  done
}

# median_of NAME COMMAND...: prints "NAME: median S s (min A, max B), peak P MiB".
median_of() {
  local name=$1
  shift
  local out
  out=$(mktemp)
  "$@" >/dev/null 2>&1 # warm-up
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -a -o "$out" "$@" >/dev/null 2>&1
  done
  sort -n "$out" | awk -v name="$name" '
    { t[NR] = $1; if ($2 > peak) peak = $2 }
    END { printf "%s: median %.3f s (min %.3f, max %.3f), peak %.1f MiB\n",
          name, t[int((NR + 1) / 2)], t[1], t[NR], peak / 1024 }'
  rm -f "$out"
}
