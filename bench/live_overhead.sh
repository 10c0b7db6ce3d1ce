#!/usr/bin/env bash
# What live capture costs the traced machine (issue 4), one command, as root:
#
#   bench/live_overhead.sh            # BUILD=dir picks the build, RSS_SECONDS the memory run
#
# 1. A getppid loop and `tar cf /dev/null /usr/include`, each untraced, under
#    `tracetop -w` (every event recorded), `strace -f`, `perf trace` and an
#    empty bpftrace program on raw_syscalls enter+exit (the floor). Every figure
#    is a ratio to the untraced run of the same invocation: ns per call for the
#    loop (timed inside the loop, so tracer start-up is left out; wall clock,
#    and the loop's own CPU time, which is what a probe running in its context
#    costs it), wall time for tar; the fastest of RUNS runs each (other work
#    on a shared machine only ever adds time).
# 2. Drops at the default buffer size with loops paced at 1 million calls/s in
#    all (one per CPU); the rate achieved is reported.
# 3. User-space draining: events recorded per CPU-second of tracetop, while the
#    unpaced loop runs on another CPU.
# 4. Resident memory of tracetop sampled every 10 s over RSS_SECONDS (default
#    300) of tar in a loop, recorded to a file.
# PARTS="ratios paced drain rss" (the default) picks which of them run.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$here/$BUILD" ;; esac
TT="$BUILD/ui/tracetop"
LOOP="$BUILD/bench/getppid_loop"
RUNS=${RUNS:-5}
N_FAST=${N_FAST:-2000000}   # loop calls untraced and under the BPF tracers
N_SLOW=${N_SLOW:-20000}     # under strace and perf trace (hundreds of times slower)
RSS_SECONDS=${RSS_SECONDS:-300}
PACED_RATE=${PACED_RATE:-1000000}   # calls/s for the drop check, all CPUs together
PACED_SECONDS=${PACED_SECONDS:-5}
PACED_NICE=${PACED_NICE:--5}   # the paced loops' nice: on a busy machine they must get their CPU to make the rate
PARTS=${PARTS:-"ratios paced drain rss"}   # which of the four parts below to run
want() { [[ " $PARTS " == *" $1 "* ]]; }
TAR=(tar cf /dev/null /usr/include)
BPFTRACE_PROG='tracepoint:raw_syscalls:sys_enter {} tracepoint:raw_syscalls:sys_exit {}'

[ "$(id -u)" -eq 0 ] || { echo "live_overhead: needs root (BPF, perf trace)" >&2; exit 1; }
for tool in "$TT" "$LOOP"; do
  [ -x "$tool" ] || { echo "live_overhead: $tool missing; meson compile -C $BUILD" >&2; exit 1; }
done
for tool in strace perf bpftrace; do
  command -v "$tool" >/dev/null || { echo "live_overhead: $tool missing (./setup.sh build installs it)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/live_overhead.XXXXXX)
bg=""
cleanup() {
  if [ -n "$bg" ]; then kill -INT "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fastest() { sort -g | head -1; }
now_ns() { date +%s%N; }

# One measurement, printed as a number: wall ns/call of the loop (loop), its
# CPU ns/call (loopcpu), seconds of tar (tar).
# $1 = loop|loopcpu|tar, $2 = calls (loop), then an optional command prefix.
measure() {
  local what=$1 n=$2; shift 2
  if [ "$what" = loop ]; then
    "$@" "$LOOP" "$n" | awk '{print $1}'
  elif [ "$what" = loopcpu ]; then
    "$@" "$LOOP" "$n" | awk '{print $3}'
  else
    local t0 t1
    t0=$(now_ns); "$@" "${TAR[@]}" 2>/dev/null; t1=$(now_ns)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", (b - a) / 1e9}'
  fi
}
repeat() { local i; for i in $(seq "$RUNS"); do measure "$@"; done | fastest; }

# Waits until file $1 holds a line matching $2 (a tracer saying it is attached).
wait_for_line() {
  local i
  for i in $(seq 300); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    kill -0 "$bg" 2>/dev/null || { echo "live_overhead: tracer died: $(cat "$1")" >&2; exit 1; }
    sleep 0.1
  done
  echo "live_overhead: tracer not ready after 30 s: $(cat "$1")" >&2; exit 1
}

start_tracetop() {  # extra tracetop options in "$@"
  "$TT" -w "$work/x.scap" "$@" 2>"$work/tt.err" &
  bg=$!
  wait_for_line "$work/tt.err" 'capturing'
}
stop_tracetop() {  # sets EVENTS and DROPS from tracetop's summary line
  kill -INT "$bg"; wait "$bg" || { echo "live_overhead: tracetop failed: $(cat "$work/tt.err")" >&2; exit 1; }
  bg=""
  read -r EVENTS DROPS < <(sed -n 's/.*tracetop: \([0-9]*\) events captured, \([0-9]*\) dropped.*/\1 \2/p' "$work/tt.err")
  rm -f "$work/x.scap"
}
start_bpftrace() {
  bpftrace -e "$BPFTRACE_PROG" >"$work/bt.out" 2>&1 &
  bg=$!
  wait_for_line "$work/bt.out" 'Attaching'
}
stop_bpftrace() { kill -INT "$bg"; wait "$bg" || true; bg=""; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# Someone else's probe on the system-call tracepoints would slow the untraced
# runs too: wait for it to go, or say that it was there.
other_probes() { bpftool link show 2>/dev/null | grep -cE '^[0-9]+: (raw_tracepoint|tracing|perf_event)' || true; }
for _ in $(seq 60); do [ "$(other_probes)" -eq 0 ] && break; sleep 2; done
echo "# live_overhead: $(date -u +%F), kernel $(uname -r), $(nproc) CPUs, RUNS=$RUNS, loop $N_FAST calls ($N_SLOW under strace/perf)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg); BPF tracing links of other programs: $(other_probes)"
"${TAR[@]}" 2>/dev/null || true   # warm the page cache

if want ratios; then
declare -A fig drops
for what in loop loopcpu tar; do
  fig[$what.none]=$(repeat "$what" "$N_FAST")
  start_tracetop
  fig[$what.tracetop]=$(repeat "$what" "$N_FAST")
  stop_tracetop; drops[$what]="$EVENTS events, $DROPS dropped"
  fig[$what.strace]=$(repeat "$what" "$N_SLOW" strace -f -o /dev/null)
  fig[$what.perf]=$(repeat "$what" "$N_SLOW" perf trace -o /dev/null)
  start_bpftrace
  fig[$what.bpftrace]=$(repeat "$what" "$N_FAST")
  stop_bpftrace
  fig[$what.none2]=$(repeat "$what" "$N_FAST")   # the baseline again: how noisy is the machine?
done

echo
echo "| workload | untraced | tracetop -w | strace -f | perf trace | bpftrace (floor) | untraced again |"
echo "|---|---|---|---|---|---|---|"
for what in loop loopcpu tar; do
  case $what in
    loop) unit="ns/call"; label="getppid loop, wall clock" ;;
    loopcpu) unit="CPU ns/call"; label="getppid loop, its CPU time" ;;
    tar) unit="s"; label="tar cf /dev/null /usr/include" ;;
  esac
  b=${fig[$what.none]}
  printf '| %s | %s %s | **%s×** | %s× | %s× | %s× | %s× |\n' "$label" "$b" "$unit" \
    "$(ratio "${fig[$what.tracetop]}" "$b")" "$(ratio "${fig[$what.strace]}" "$b")" \
    "$(ratio "${fig[$what.perf]}" "$b")" "$(ratio "${fig[$what.bpftrace]}" "$b")" \
    "$(ratio "${fig[$what.none2]}" "$b")"
done
echo
echo "tracetop -w during the loop runs: ${drops[loop]} (CPU-time runs: ${drops[loopcpu]}); during the tar runs: ${drops[tar]}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); BPF tracing links of other programs: $(other_probes)"

fi

# 2. Drops at the default buffer size: PACED_RATE calls/s (default 1 million)
#    for PACED_SECONDS, shared by one paced loop per CPU, each pinned to its
#    CPU (one loop alone cannot make 1 M traced calls/s on a loaded CPU). The
#    loops sleep between slices, so the reader gets the CPU time they leave.
#    The rate reported is the one achieved: all calls over the longest loop.
#    The loops run at nice PACED_NICE (default -5) so that other work on a
#    shared machine does not keep them from the rate; tracetop's reader runs
#    at nice -10 (it sets that itself).
if want paced; then
  start_tracetop
  ncpu=$(nproc)
  per_cpu=$((PACED_RATE / ncpu))
  paced_pids=()
  for c in $(seq 0 $((ncpu - 1))); do
    nice -n "$PACED_NICE" taskset -c "$c" "$LOOP" $((per_cpu * PACED_SECONDS)) "$per_cpu" >"$work/paced.$c" &
    paced_pids+=($!)
  done
  for p in "${paced_pids[@]}"; do wait "$p"; done
  stop_tracetop
  paced=$(cat "$work"/paced.* | awk '{calls += $5; if ($8 > secs) secs = $8}
    END {printf "%d calls in %.3f s = %.0f calls/s", calls, secs, calls / secs}')
  echo "paced loops (nice $PACED_NICE) under tracetop -w (default --buffer-mb), $ncpu x $per_cpu calls/s asked: $paced achieved; $EVENTS events, $DROPS dropped"
  sed 's/^/  one loop: /' "$work"/paced.*
fi

if want drain; then
# 3. Draining: tracetop's CPU time (utime+stime from /proc) against the events
#    it recorded while the unpaced loop ran flat out.
start_tracetop
read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$bg/stat")
"$LOOP" $((N_FAST * 3)) >/dev/null
sleep 0.5   # let it catch up
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$bg/stat")
stop_tracetop; ev=$EVENTS; dr=$DROPS
hz=$(getconf CLK_TCK)
awk -v ev="$ev" -v dr="$dr" -v t=$(( (u1 - u0) + (s1 - s0) )) -v hz="$hz" \
  'BEGIN {printf "draining: %d events (%d dropped) in %.2f CPU-seconds of tracetop = %.2f million events per CPU-second\n", ev, dr, t / hz, ev / (t / hz) / 1e6}'

fi

# 4. Resident memory over a long run of tar in a loop.
if want rss; then
start_tracetop
( end=$((SECONDS + RSS_SECONDS)); while [ $SECONDS -lt $end ]; do "${TAR[@]}" 2>/dev/null; done ) &
load=$!
samples=()
for _ in $(seq 0 10 "$RSS_SECONDS"); do
  samples+=("$(awk '/VmRSS/ {print $2}' "/proc/$bg/status")")
  sleep 10
done
wait "$load"
size=$(stat -c %s "$work/x.scap")
stop_tracetop; ev=$EVENTS; dr=$DROPS
echo "RSS (KiB) every 10 s over ${RSS_SECONDS} s of tar in a loop, recorded ($ev events, $dr dropped, $((size >> 20)) MiB file): ${samples[*]}"
fi
