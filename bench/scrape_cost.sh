#!/usr/bin/env bash
# The cost of one --serve scrape with 1,000 processes (bench/README.md,
# "Scrape cost"), as root: tracetop --serve counting only bench/process_crowd
# (its filter), scraped SCRAPES times (default 50) back to back with curl,
# first with no process counted (the baseline), then with 1,000 processes
# alive that each made a few calls (one failing). Per scrape: the wall time
# curl reports, and tracetop's CPU time (every thread's, from
# /proc/PID/task/*/schedstat) minus what it spent draining events over the
# same wall time without scrapes, measured just before. Ratios 1,000 / none.
#
#   sudo bench/scrape_cost.sh [SCRAPES]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init scrape_cost
need_root "live capture"
CROWD="$BUILD/bench/process_crowd"
need_built "$TT" "$CROWD"
need_tools curl python3
scrapes=${1:-50}
make_work
crowd_feed=""
bench_on_exit() { [ -z "$crowd_feed" ] || kill "$crowd_feed" 2>/dev/null || true; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port/metrics"
"$TT" --serve "127.0.0.1:$port" --serve-max-processes 5000 "proc.name=process_crowd" 2>"$work/tt.err" &
bg=$!
for i in $(seq 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && break
  kill -0 "$bg" 2>/dev/null || die "tracetop --serve ended: $(cat "$work/tt.err")"
  sleep 0.1
done

cpu_ns() { cat /proc/"$bg"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%d\n", s}'; }
now_ns() { date +%s%N; }

# Prints "WALL_S CPU_S BYTES": per scrape.
measure() {
  local c0 t0 c1 t1 idle_rate wall_sum
  c0=$(cpu_ns); t0=$(now_ns); sleep 3; c1=$(cpu_ns); t1=$(now_ns)
  idle_rate=$(python3 -c "print(($c1 - $c0) / ($t1 - $t0))")
  : >"$work/times"
  c0=$(cpu_ns); t0=$(now_ns)
  for i in $(seq "$scrapes"); do curl -s -o "$work/body" -w '%{time_total}\n' "$url" >>"$work/times"; done
  c1=$(cpu_ns); t1=$(now_ns)
  wall_sum=$(awk '{s += $1} END {print s}' "$work/times")
  python3 -c "print($wall_sum / $scrapes, max(0.0, ($c1 - $c0) - $idle_rate * ($t1 - $t0)) / 1e9 / $scrapes, $(stat -c %s "$work/body"))"
}

read -r base_wall base_cpu base_bytes < <(measure)
echo "$BENCH: no process: $(printf '%.2f' "$(python3 -c "print($base_wall*1e3)")") ms wall, $(printf '%.2f' "$(python3 -c "print($base_cpu*1e3)")") ms CPU per scrape, $base_bytes bytes"

mkfifo "$work/feed"
sleep 100000 >"$work/feed" &
crowd_feed=$!
"$CROWD" 1000 <"$work/feed" >"$work/crowd.out" &
for i in $(seq 600); do grep -q '^ready' "$work/crowd.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready 1000' "$work/crowd.out" || die "process_crowd did not start 1000 processes"
for i in $(seq 300); do
  n=$(curl -s "$url" | sed -n 's/^tracetop_process_series //p')
  [ "${n:-0}" -ge 1000 ] && break
  sleep 0.1
done
[ "${n:-0}" -ge 1000 ] || die "tracetop counted ${n:-0} processes, not 1000"

read -r wall cpu bytes < <(measure)
echo "$BENCH: 1,000 processes ($n series sets): $(printf '%.2f' "$(python3 -c "print($wall*1e3)")") ms wall, $(printf '%.2f' "$(python3 -c "print($cpu*1e3)")") ms CPU per scrape, $bytes bytes"
echo "$BENCH: ratio to no process: wall $(python3 -c "print(round($wall / $base_wall, 1))")x, CPU $(python3 -c "print(round($cpu / max($base_cpu, 1e-6), 1))")x"
kill "$crowd_feed"; crowd_feed=""
