#!/usr/bin/env bash
# tracetop against its peers, one command, as root (issue 7):
#
#   sudo bench/peers.sh          # BUILD=dir; RUNS (default 3); SKIP_FILES=1 leaves out the capture-file part
#
# Live: four workloads, each untraced (the baseline, measured first and
# again last in the same run), under `tracetop -w` (every event recorded),
# `strace -f -o /dev/null`, `perf trace -o /dev/null`, and an empty bpftrace
# program on raw_syscalls enter+exit (the floor: what attaching anything to
# every system call costs). Figures are the fastest of RUNS, per operation,
# as ratios to the first untraced run:
#   - syscall loop: bench/getppid_loop (getppid, timed inside the loop), ns/call;
#   - file-tree walk: tar cf /dev/null /usr/include, seconds;
#   - fork/exec: bench/spawn_loop (fork, execv /bin/true, waitpid), µs/process;
#   - loopback TCP: bench/tcp_pingpong (64-byte round trips on 127.0.0.1,
#     bounded by a count and 60 s), µs/round trip.
# strace and perf trace get fewer operations (they are hundreds of times
# slower); the per-operation figure does not depend on the count.
# Files: bench/print_vs_sysdig.sh, filter_vs_sysdig.sh and json_vs_csysdig.sh
# (tracetop against sysdig/csysdig 0.29.3 on a 2M-event capture), their
# figures gathered in the same table.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$here/$BUILD" ;; esac
TT="$BUILD/ui/tracetop"
RUNS=${RUNS:-3}
LOOP="$BUILD/bench/getppid_loop" SPAWN="$BUILD/bench/spawn_loop" PINGPONG="$BUILD/bench/tcp_pingpong"
BPFTRACE_PROG='tracepoint:raw_syscalls:sys_enter {} tracepoint:raw_syscalls:sys_exit {}'

[ "$(id -u)" -eq 0 ] || { echo "peers: needs root (BPF, perf trace)" >&2; exit 1; }
for tool in "$TT" "$LOOP" "$SPAWN" "$PINGPONG"; do
  [ -x "$tool" ] || { echo "peers: $tool missing; meson compile -C $BUILD" >&2; exit 1; }
done
for tool in strace perf bpftrace hyperfine sysdig; do
  command -v "$tool" >/dev/null || { echo "peers: $tool missing (./setup.sh build installs it)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/peers.XXXXXX)
bg=""
cleanup() {
  if [ -n "$bg" ]; then kill -INT "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# measure WORKLOAD FAST|SLOW [prefix...]: one figure per operation.
measure() {
  local what=$1 speed=$2; shift 2
  local t0 t1
  case "$what.$speed" in
    loop.fast) "$@" "$LOOP" 2000000 | awk '{print $1}' ;;
    loop.slow) "$@" "$LOOP" 20000 | awk '{print $1}' ;;
    tar.*) t0=$(date +%s%N); "$@" tar cf /dev/null /usr/include 2>/dev/null; t1=$(date +%s%N)
           awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", (b - a) / 1e9}' ;;
    spawn.fast) "$@" "$SPAWN" 2000 | awk '{print $1}' ;;
    spawn.slow) "$@" "$SPAWN" 200 | awk '{print $1}' ;;
    tcp.fast) "$@" "$PINGPONG" 100000 64 60 | awk '{print $1}' ;;
    tcp.slow) "$@" "$PINGPONG" 5000 64 60 | awk '{print $1}' ;;
  esac
}
fastest() { local i; for i in $(seq "$RUNS"); do measure "$@"; done | sort -g | head -1; }

wait_for_line() {
  local i
  for i in $(seq 300); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    kill -0 "$bg" 2>/dev/null || { echo "peers: tracer died: $(cat "$1")" >&2; exit 1; }
    sleep 0.1
  done
  echo "peers: tracer not ready after 30 s: $(cat "$1")" >&2; exit 1
}
start_tracetop() { "$TT" -w "$work/x.scap" 2>"$work/tt.err" & bg=$!; wait_for_line "$work/tt.err" 'capturing'; }
stop_tracetop() {
  kill -INT "$bg"; wait "$bg" || { echo "peers: tracetop failed: $(cat "$work/tt.err")" >&2; exit 1; }
  bg=""
  DROPS=$(sed -n 's/.*events captured, \([0-9]*\) dropped.*/\1/p' "$work/tt.err")
  rm -f "$work/x.scap"
}
start_bpftrace() { bpftrace -e "$BPFTRACE_PROG" >"$work/bt.out" 2>&1 & bg=$!; wait_for_line "$work/bt.out" 'Attaching'; }
stop_bpftrace() { kill -INT "$bg"; wait "$bg" || true; bg=""; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "# peers: $(date -u '+%F %H:%M') UTC, kernel $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), RUNS=$RUNS"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
tar cf /dev/null /usr/include 2>/dev/null || true   # warm the page cache

declare -A fig dropped
workloads="loop tar spawn tcp"
for what in $workloads; do
  fig[$what.none]=$(fastest "$what" fast)
  start_tracetop; fig[$what.tracetop]=$(fastest "$what" fast); stop_tracetop; dropped[$what]=$DROPS
  fig[$what.strace]=$(fastest "$what" slow strace -f -o /dev/null)
  fig[$what.perf]=$(fastest "$what" slow perf trace -o /dev/null)
  start_bpftrace; fig[$what.bpftrace]=$(fastest "$what" fast); stop_bpftrace
  fig[$what.none2]=$(fastest "$what" fast)
done

echo
echo "| workload | untraced | tracetop -w | strace -f | perf trace | bpftrace (floor) | untraced again | tracetop drops |"
echo "|---|---|---|---|---|---|---|---|"
for what in $workloads; do
  case $what in
    loop) unit="ns/call"; label="getppid loop" ;;
    tar) unit="s"; label="tar cf /dev/null /usr/include" ;;
    spawn) unit="µs/process"; label="fork/exec /bin/true" ;;
    tcp) unit="µs/round trip"; label="loopback TCP, 64 B round trips" ;;
  esac
  b=${fig[$what.none]}
  printf '| %s | %s %s | **%s×** | %s× | %s× | %s× | %s× | %s |\n' "$label" "$b" "$unit" \
    "$(ratio "${fig[$what.tracetop]}" "$b")" "$(ratio "${fig[$what.strace]}" "$b")" \
    "$(ratio "${fig[$what.perf]}" "$b")" "$(ratio "${fig[$what.bpftrace]}" "$b")" \
    "$(ratio "${fig[$what.none2]}" "$b")" "${dropped[$what]}"
done
echo "# load average at the end of the live part: $(cut -d' ' -f1-3 /proc/loadavg)"

[ "${SKIP_FILES:-0}" = 1 ] && exit 0
# Capture files: the existing comparisons, their figures in one table.
echo
BUILD_REL=$(realpath --relative-to="$here" "$BUILD")
export BUILD=$BUILD_REL
bench/print_vs_sysdig.sh >"$work/print.txt" 2>&1
bench/filter_vs_sysdig.sh >"$work/filter.txt" 2>&1
bench/json_vs_csysdig.sh >"$work/json.txt" 2>&1
echo "| capture file (≥2M events) | tracetop | sysdig / csysdig 0.29.3 | ratio |"
echo "|---|---|---|---|"
python3 - "$work/print.txt" "$work/filter.txt" "$work/json.txt" <<'PY'
import re, sys
label, ours = "--print (default line)", None
for path in sys.argv[1:]:
    for line in open(path):
        line = line.strip()
        if line.startswith("filter: "): label = "--print with filter " + line[len("filter: "):]
        elif line.startswith("view "): label = "--json -v " + line.split()[1].rstrip(":")
        m = re.match(r"(tracetop --print|tracetop --json)\s*:\s*([\d.]+) s", line)
        if m: ours = float(m.group(2))
        m = re.match(r"(sysdig -r|csysdig -j)\s*:\s*([\d.]+) s", line)
        if m and ours:
            theirs = float(m.group(2))
            print(f"| {label} | {ours:.3f} s | {theirs:.3f} s | **{theirs / ours:.1f}× faster** |")
            ours = None
PY
echo
echo "# the scripts' own output:"
cat "$work/print.txt" "$work/filter.txt" "$work/json.txt" | sed 's/^/#   /'
