#!/usr/bin/env bash
# How fast the explorer answers a key while the machine is busy (issue 5), as
# root:
#
#   bench/key_response.sh            # BUILD=dir picks the build; PRESSES (20), RATE (1000000 calls/s)
#
# tracetop runs live (no -r) inside a detached tmux session while a getppid
# loop paced at RATE system calls per second runs beside it. Each press is
# `h` (the help pager opens: wait until its text is on the screen) and then
# `q` (it closes: wait until the text is gone); the time from `tmux
# send-keys` to the screen change is taken by polling `tmux capture-pane`.
# The baseline, measured the same way in the same run, is the explorer on a
# capture file (-r) with no load: what polling tmux costs by itself. Prints
# median and p95 of each, and the ratio of the medians.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_init key_response
PRESSES=${PRESSES:-20}
RATE=${RATE:-1000000}
CAPTURE="$HERE/../shared/captures/curl_google.scap"
MARK="q or Esc closes it"    # a line of the help pager

need_root "live capture"
need_built "$TT" "$LOOP"
command -v tmux >/dev/null || die "tmux missing"

sock="key_response_$$"
loop_pid=""
bench_on_exit() {
  [ -n "$loop_pid" ] && kill "$loop_pid" 2>/dev/null || true
  tmux -L "$sock" kill-server 2>/dev/null || true
}
make_work

# From bash's own clock (5.0+), not `date`: the polling loop below runs it
# twice per look, and under load every exec shows in the latency.
now_ns() { local t=${EPOCHREALTIME//[!0-9]/}; echo "${t}000"; }
screen() { tmux -L "$sock" capture-pane -p -t bench 2>/dev/null || true; }

# Waits (up to 10 s) until the screen does (want=1) or does not (want=0)
# contain MARK; prints the milliseconds since $1 (ns).
wait_for() {
  local t0=$1 want=$2 deadline=$(( $(now_ns) + 10000000000 ))
  while :; do
    # Matched inside bash, not with `grep -F "$MARK"`: live, the explorer's
    # procs view lists every process with its arguments, so a grep polling
    # for MARK puts MARK on the table itself and "closed" looks like seconds
    # (until a refresh no longer lists those greps).
    if [[ "$(screen)" == *"$MARK"* ]]; then has=1; else has=0; fi
    [ "$has" = "$want" ] && break
    [ "$(now_ns)" -gt "$deadline" ] && { echo "key_response: no screen change within 10 s" >&2; exit 1; }
  done
  echo $(( ($(now_ns) - t0) / 1000 ))
}

# Runs PRESSES h/q pairs against the explorer started by "$@"; writes one
# latency (microseconds) per key to $work/$label.
measure() {
  local label=$1; shift
  tmux -L "$sock" new-session -d -s bench -x 160 -y 45 "$*"
  local deadline=$(( $(now_ns) + 30000000000 ))
  until screen | grep -q "Help"; do
    [ "$(now_ns)" -gt "$deadline" ] && { echo "key_response: $label: explorer did not start" >&2; screen >&2; exit 1; }
    sleep 0.2
  done
  sleep 2  # past start-up work (the /proc scan, the first refreshes)
  : > "$work/$label"
  for _ in $(seq "$PRESSES"); do
    t0=$(now_ns); tmux -L "$sock" send-keys -t bench h; echo "h $(wait_for "$t0" 1)" >> "$work/$label"
    sleep 0.3
    t0=$(now_ns); tmux -L "$sock" send-keys -t bench q; echo "q $(wait_for "$t0" 0)" >> "$work/$label"
    sleep 0.3
  done
  tmux -L "$sock" kill-server 2>/dev/null || true
  sleep 0.5
}

measure baseline "$TT -r $CAPTURE"
"$LOOP" 100000000000 "$RATE" > /dev/null &
loop_pid=$!
sleep 1
measure live "$TT"
kill "$loop_pid" 2>/dev/null || true
wait "$loop_pid" 2>/dev/null || true
loop_pid=""

python3 - "$work/baseline" "$work/live" "$RATE" <<'PY'
import statistics, sys
def load(p, key=None):
    rows = [line.split() for line in open(p) if line.strip()]
    return sorted(int(us) / 1000 for k, us in rows if key in (None, k))
def p95(v): return v[min(len(v) - 1, round(0.95 * (len(v) - 1)))]
def show(label, v): print(f"{label:38}: median {statistics.median(v):7.1f} ms  p95 {p95(v):7.1f} ms  max {v[-1]:7.1f} ms")
b, l = load(sys.argv[1]), load(sys.argv[2])
print(f"keys per run: {len(l)} (h and q, {len(l) // 2} presses each)")
show("baseline (-r capture, idle)", b)
show(f"live, {int(sys.argv[3]):,} calls/s load", l)
show("  of which h (help opens)", load(sys.argv[2], "h"))
show("  of which q (help closes)", load(sys.argv[2], "q"))
print(f"live/baseline (medians): {statistics.median(l) / statistics.median(b):.1f}x")
PY
