#!/usr/bin/env bash
# The explorer's first pass in CPU time (issue 15, perf): `tracetop -r BIG
# -v syscalls` in a detached tmux, until the header's "Loading" is gone and
# the table is drawn, then quit; the process's user+sys time (fastest of 3)
# and events per CPU-second, for this build and, when given, a baseline.
# CPU time holds on a shared machine where the wall clock does not.
#   bench/explore_cpu.sh [MIN_EVENTS] [BASELINE_TRACETOP]   (default 10000000; BUILD=dir;
#       CAPTURE=FILE times that capture instead of one repeating curl_google.scap,
#       e.g. a steady workload's from bench/steady_capture.sh; VIEW=id, default syscalls)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init explore_cpu
events=${1:-10000000}
base=${2:+$(realpath "$2")}
need_built "$TT" "$BUILD/bench/make_big_capture"
need_tools tmux /usr/bin/time
make_work
sock="explore_cpu_$$"
bench_on_exit() { tmux -L "$sock" kill-server 2>/dev/null || true; }
if [ -n "${CAPTURE:-}" ]; then
  BIG=$(realpath "$CAPTURE")
  n=""  # the header's "Events: N" once loaded (once() below)
else
  big_capture "$events" >"$work/made"
  n=$(grep -o '^[0-9]*' "$work/made")
fi
say_capture_size
once() {  # TRACETOP: CPU seconds of one session
  tmux -L "$sock" new-session -d -x 160 -y 45 \
    "/usr/bin/time -o $work/time -f '%U %S' $1 -r $BIG -v ${VIEW:-syscalls} 2>/dev/null"
  local screen=""
  for _ in $(seq 1200); do
    screen=$(tmux -L "$sock" capture-pane -p -t 0 2>/dev/null || true)
    if grep -q "Events: [1-9]" <<<"$screen" && ! grep -q Loading <<<"$screen"; then break; fi
    sleep 0.05
  done
  [ -z "$n" ] && n=$(grep -o 'Events: [0-9]*' <<<"$screen" | head -1 | grep -o '[0-9]*$')
  tmux -L "$sock" send-keys q
  for _ in $(seq 100); do [ -s "$work/time" ] && break; sleep 0.05; done
  tmux -L "$sock" kill-server 2>/dev/null || true
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
  rm -f "$work/time"
}
report() {  # LABEL TRACETOP
  local s
  s=$(for _ in 1 2 3; do once "$2"; done | fastest)
  echo "$1: $s s CPU, $(awk -v n="$n" -v s="$s" 'BEGIN { printf "%.1f", n / s / 1e6 }') M events per CPU-second"
}
[ -z "$n" ] && once "$TT" >/dev/null  # learns n from the screen (and warms the page cache)
report "tracetop" "$TT"
[ -n "$base" ] && report "baseline" "$base"
exit 0
