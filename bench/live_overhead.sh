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

source "$(dirname "$0")/lib.sh"
bench_init live_overhead
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

need_root "BPF, perf trace"
need_built "$TT" "$LOOP"
need_tools strace perf bpftrace
make_work

now_ns() { date +%s%N; }

# One measurement, printed as a number: wall ns/call of the loop (loop), its
# CPU ns/call (loopcpu), seconds of tar (tar).
# $1 = loop|loopcpu|tar, $2 = fast (N_FAST calls) or slow (N_SLOW calls, for
# strace and perf trace), then an optional command prefix.
measure() {
  local what=$1 n=$N_FAST
  [ "$2" = slow ] && n=$N_SLOW
  shift 2
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

wait_for_no_other_probes
echo "# live_overhead: $(date -u +%F), kernel $(uname -r), $(nproc) CPUs, RUNS=$RUNS, loop $N_FAST calls ($N_SLOW under strace/perf)"
echo "# load average at start: $(loadavg); BPF tracing links of other programs: $(other_probes)"
"${TAR[@]}" 2>/dev/null || true   # warm the page cache

if want ratios; then
for what in loop loopcpu tar; do measure_against_peers "$what"; done

echo
echo "| workload | untraced | tracetop -w | strace -f | perf trace | bpftrace (floor) | untraced again |"
echo "|---|---|---|---|---|---|---|"
peers_row "getppid loop, wall clock" "ns/call" loop
peers_row "getppid loop, its CPU time" "CPU ns/call" loopcpu
peers_row "tar cf /dev/null /usr/include" "s" tar
echo
summary() { echo "${fig_events[$1]} events, ${fig_drops[$1]} dropped"; }
echo "tracetop -w during the loop runs: $(summary loop) (CPU-time runs: $(summary loopcpu)); during the tar runs: $(summary tar)"
echo "load average at the end: $(loadavg); BPF tracing links of other programs: $(other_probes)"

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
