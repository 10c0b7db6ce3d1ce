#!/usr/bin/env bash
# Resident memory of the live explorer over time (bench/README.md, "Memory
# under time"), as root:
# 1. MINUTES (default 10) of the explorer (Processes view, 1 s refresh) while
#    one paced getppid loop per CPU makes LOOP_RATE calls a second in all
#    (default 500,000) and a fork/exec loop starts short processes; VmRSS
#    sampled every 10 s. Flat means the last sample is within 10 % of the
#    one at the end of the first minute.
# 2. 10,000 threads alive at once (bench/thread_crowd.c), started while the
#    explorer runs: VmRSS once they are all known, against 100 MB.
#
#   sudo bench/memory.sh [MINUTES]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init memory
need_root "live capture"
CROWD="$BUILD/bench/thread_crowd"
need_built "$TT" "$LOOP" "$CROWD" "$BUILD/bench/spawn_loop"
need_tools tmux
minutes=${1:-10}
rate=${LOOP_RATE:-500000}
make_work
sock="ttmemory$$"
loads=()
bench_on_exit() {
  for p in "${loads[@]}"; do kill "$p" 2>/dev/null || true; done
  tmux -L "$sock" kill-server 2>/dev/null || true
}

# Starts the explorer in tmux; sets tt to its pid once it shows a live screen.
start_explorer() {
  tmux -L "$sock" new-session -d -s t -x 160 -y 40 "TERM=xterm-256color exec $TT -d 1000"
  local i
  for i in $(seq 300); do
    tt=$(tmux -L "$sock" display -p -t t '#{pane_pid}' 2>/dev/null || true)
    [ -n "$tt" ] && tmux -L "$sock" capture-pane -t t -p | grep -q '^Source: live' && return 0
    sleep 0.2
  done
  die "the explorer did not start"
}
rss_kb() { awk '/^VmRSS/ {print $2}' /proc/"$1"/status; }
stop_explorer() { tmux -L "$sock" send-keys -t t q; sleep 1; tmux -L "$sock" kill-server 2>/dev/null || true; }

echo "memory: $(nproc) CPUs, load average $(loadavg)"
start_explorer
cpus=$(nproc)
for c in $(seq "$cpus"); do
  "$LOOP" $((rate / cpus * 60 * minutes * 2)) $((rate / cpus)) >/dev/null & loads+=($!)
done
(while :; do "$BUILD/bench/spawn_loop" 200 >/dev/null; sleep 0.2; done) & loads+=($!)
first_minute=""
for s in $(seq 0 10 $((minutes * 60))); do
  [ "$s" -eq 0 ] || sleep 10
  r=$(rss_kb "$tt")
  echo "t=${s}s rss=$((r / 1024)) MiB"
  [ "$s" -eq 60 ] && first_minute=$r
done
last=$r
for p in "${loads[@]}"; do kill "$p" 2>/dev/null || true; done
loads=()
stop_explorer
[ -n "$first_minute" ] || first_minute=$last
echo "RESULT flat: rss after 1 min $((first_minute / 1024)) MiB, at the end $((last / 1024)) MiB, ratio $(ratio "$last" "$first_minute")"

start_explorer
before=$(rss_kb "$tt")
coproc crowd { "$CROWD" 10000; }
read -r ready count <&"${crowd[0]}"
[ "$ready" = ready ] || die "thread_crowd did not start"
sleep 5  # two refreshes: every thread is in the model and on the screen
during=$(rss_kb "$tt")
threads=$(tmux -L "$sock" capture-pane -t t -p | head -3 | tr '\n' ' ')
exec {crowd[1]}>&-
wait "$crowd_PID" || true
stop_explorer
echo "RESULT threads: $count threads alive, rss $((before / 1024)) MiB before, $((during / 1024)) MiB with them (bound 100 MB)"
echo "header: $threads"
