#!/usr/bin/env bash
# The in-kernel interest set (issue 20), one command, as root:
#
#   sudo bench/interest.sh        # BUILD=dir; RUNS (default 5)
#
# The getppid loop (build/bench/getppid_loop 2000000, CPU ns per call, the
# fastest of RUNS interleaved rounds) untraced, under `tracetop --print 'evt.type=openat'
# >/dev/null`, under bpftrace counting on the two per-syscall tracepoints
# syscalls:sys_enter_openat and sys_exit_openat alone (the floor of a
# selective tracer: the kernel's syscall-tracing slow path), and untraced
# again. Prints each slowdown against the first untraced figure and
# tracetop's slowdown as a ratio to the floor's: the target is at most 1.05.
# getppid is outside the filter's set, so a probe that runs only on the
# wanted calls' own tracepoints costs it what the floor costs.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_init interest
RUNS=${RUNS:-5}
N=${N:-2000000}

need_root "BPF"
need_built "$TT" "$LOOP"
need_tools bpftrace
make_work

# CPU ns per call of one loop (the loop's own CPU time: what a probe running
# in its context costs it, whatever else the machine does).
loop_once() { "$LOOP" "$N" | awk '{print $3}'; }

start_selective_tracetop() {
  rm -f "$work/tt.err"
  TRACETOP_BPF_DEBUG=1 "$TT" --print 'evt.type=openat' >/dev/null 2>"$work/tt.err" &
  bg=$!
  wait_for_line "$work/tt.err" 'capturing'
}
stop_any() { kill -INT "$bg"; wait "$bg" || true; bg=""; }

BT_PROG='tracepoint:syscalls:sys_enter_openat { @enter = count(); } tracepoint:syscalls:sys_exit_openat { @exit = count(); }'
start_openat_bpftrace() {
  rm -f "$work/bt.out"
  bpftrace -e "$BT_PROG" >"$work/bt.out" 2>&1 &
  bg=$!
  wait_for_line "$work/bt.out" 'Attaching'
}

echo "# interest: $(date -u '+%F %H:%M') UTC, kernel $(uname -r), $(nproc) CPUs, RUNS=$RUNS, getppid_loop $N"
wait_for_no_other_probes
echo "# load average at start: $(loadavg); BPF tracing links of other programs: $(other_probes)"

# Interleaved rounds, the fastest clean figure of each kind kept. Other
# sessions' live tests attach tracers to every system call for seconds at a
# time, which slows whatever is measured meanwhile: a figure counts only if
# no other program's tracing link was attached just before and just after
# it (up to 4×RUNS rounds, until each kind has RUNS clean figures).
# measure KIND: one loop into $work/KIND if clean.
measure() {
  local before v after
  before=$(other_probes); v=$(loop_once); after=$(other_probes)
  if [ "$before" -eq 0 ] && [ "$after" -eq 0 ]; then echo "$v" >>"$work/$1"; echo "$v"
  else echo "($v, disturbed)"; fi
}
clean() { [ -f "$work/$1" ] && wc -l <"$work/$1" || echo 0; }
for r in $(seq $((4 * RUNS))); do
  [ "$(clean none)" -ge "$RUNS" ] && [ "$(clean tt)" -ge "$RUNS" ] && [ "$(clean bt)" -ge "$RUNS" ] && break
  wait_for_no_other_probes 30
  a=$(measure none)
  start_selective_tracetop
  b=$(measure tt)
  mode=$(sed -n 's/^tracetop: probe: \(.*\)$/\1/p' "$work/tt.err")
  stop_any
  start_openat_bpftrace
  c=$(measure bt)
  stop_any
  echo "round $r: untraced $a, tracetop $b, bpftrace $c cpu-ns/call"
done
for k in none tt bt; do [ "$(clean $k)" -gt 0 ] || die "no clean figure for $k: other tracers never left"; done
wait_for_no_other_probes 30
measure none2 >/dev/null
none=$(fastest <"$work/none"); tt=$(fastest <"$work/tt"); bt=$(fastest <"$work/bt")
none2=$( [ -f "$work/none2" ] && fastest <"$work/none2" || echo "$none")

echo "untraced:                                  $none cpu-ns/call"
echo "tracetop --print 'evt.type=openat':        $tt cpu-ns/call = $(ratio "$tt" "$none")× (probe: $mode)"
echo "bpftrace on sys_enter/exit_openat only:    $bt cpu-ns/call = $(ratio "$bt" "$none")×"
echo "untraced again:                            $none2 cpu-ns/call = $(ratio "$none2" "$none")×"
echo "tracetop's slowdown / the floor's:         $(awk -v t="$tt" -v b="$bt" 'BEGIN {printf "%.2f", t / b}') (target ≤ 1.05)"
echo "# load average at the end: $(loadavg)"
