#!/usr/bin/env bash
# The in-kernel interest set (issue 20), one command, as root:
#
#   sudo bench/interest.sh        # BUILD=dir; RUNS (default 5)
#
# The getppid loop (build/bench/getppid_loop 2000000, CPU ns per call, the
# fastest of RUNS) untraced, under `tracetop --print 'evt.type=openat'
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
loop_fastest() { local i; for i in $(seq "$RUNS"); do loop_once; done | fastest; }

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

none=$(loop_fastest)
start_selective_tracetop
tt=$(loop_fastest)
mode=$(sed -n 's/^tracetop: probe: \(.*\)$/\1/p' "$work/tt.err")
stop_any
start_openat_bpftrace
bt=$(loop_fastest)
stop_any
none2=$(loop_fastest)

echo "untraced:                                  $none cpu-ns/call"
echo "tracetop --print 'evt.type=openat':        $tt cpu-ns/call = $(ratio "$tt" "$none")× (probe: $mode)"
echo "bpftrace on sys_enter/exit_openat only:    $bt cpu-ns/call = $(ratio "$bt" "$none")×"
echo "untraced again:                            $none2 cpu-ns/call = $(ratio "$none2" "$none")×"
echo "tracetop's slowdown / the floor's:         $(awk -v t="$tt" -v b="$bt" 'BEGIN {printf "%.2f", t / b}') (target ≤ 1.05)"
echo "# load average at the end: $(loadavg)"
