# Shared by the bench scripts: finding the build, refusing to start without
# what a script needs, a scratch directory that is always removed, the big
# capture, timing and ratios, and the live tracers whose cost is measured
# (started, waited for until attached, stopped, their summary read).
#
#   source "$(dirname "$0")/lib.sh"
#   bench_init NAME        # NAME starts every message
#
# Every figure the scripts print is a ratio against a baseline measured in the
# same run (bench/README.md); the helpers here only take the measurements.

# Sets HERE (the repository root, also the working directory from then on),
# BUILD (absolute; the BUILD variable, default `build`, is relative to the
# root), TT (tracetop) and LOOP (the getppid loop).
bench_init() {
  BENCH=$1
  HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  cd "$HERE"
  BUILD=${BUILD:-build}
  case "$BUILD" in /*) ;; *) BUILD="$HERE/$BUILD" ;; esac
  TT="$BUILD/ui/tracetop"
  LOOP="$BUILD/bench/getppid_loop"
}

die() { echo "$BENCH: $*" >&2; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "needs root ($1)"; }
need_built() {
  local f
  for f in "$@"; do [ -x "$f" ] || die "$f missing; meson compile -C $BUILD"; done
}
need_tools() {
  local t
  for t in "$@"; do command -v "$t" >/dev/null || die "$t missing (./setup.sh build installs it)"; done
}

# A scratch directory in $work, removed at exit together with a tracer still
# running ($bg). A script with more to undo defines bench_on_exit.
bg=""
make_work() {
  work=$(mktemp -d -t "$BENCH.XXXXXX")
  trap bench_cleanup EXIT
}
bench_cleanup() {
  if [ -n "$bg" ]; then kill -INT "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true; fi
  if declare -F bench_on_exit >/dev/null; then bench_on_exit || true; fi
  rm -rf "$work"
}

# BIG: curl_google.scap repeated (build/bench/make_big_capture) until it holds
# at least $1 events.
big_capture() {
  BIG="$work/big.scap"
  "$BUILD/bench/make_big_capture" ../shared/captures/curl_google.scap "$BIG" "$1"
}
say_capture_size() { ls -l "$BIG" | awk '{print "capture:", $5, "bytes"}'; }

# Mean seconds of command $1 (a shell line): 3 runs after 1 warm-up.
hyperfine_mean() {
  hyperfine --style none --warmup 1 --runs 3 --export-json "$work/h.json" "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
}

# The smallest of the numbers on stdin: other work on a shared machine only
# ever adds time.
fastest() { sort -g | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
# Milliseconds between two $EPOCHREALTIME readings.
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# Someone else's probe on the system-call tracepoints would slow the untraced
# runs too: the count of such links, and a wait (up to $1 seconds, default
# 120) for them to go.
# The tracer this script runs ($bg) holds its own links open: not counted.
other_probes() {
  local all own=0
  all=$(bpftool link show 2>/dev/null | grep -cE '^[0-9]+: (raw_tracepoint|tracing|perf_event)' || true)
  [ -n "$bg" ] && own=$(grep -l '^link_id' /proc/"$bg"/fdinfo/* 2>/dev/null | wc -l)
  echo $((all - own))
}
wait_for_no_other_probes() {
  local i
  for i in $(seq $((${1:-120} / 2))); do [ "$(other_probes)" -eq 0 ] && break; sleep 2; done
}

# Waits until file $1 holds a line matching $2 (the tracer $bg saying it is attached).
wait_for_line() {
  local i
  for i in $(seq 300); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    kill -0 "$bg" 2>/dev/null || die "tracer died: $(cat "$1")"
    sleep 0.1
  done
  die "tracer not ready after 30 s: $(cat "$1")"
}

# tracetop recording every event to TT_DEST (default $work/x.scap), with the
# extra options "$@"; returns once it is capturing. The previous run's stderr
# goes first: the child truncates it only once it runs, and until then its
# "capturing" line would let the measurement start before the probe is attached.
start_tracetop() {
  rm -f "$work/tt.err"
  "$TT" -w "${TT_DEST:-$work/x.scap}" "$@" 2>"$work/tt.err" &
  bg=$!
  wait_for_line "$work/tt.err" 'capturing'
}
# Stops it and reads its summary: EVENTS, DROPS and DROPS_PER_CPU (the
# "cpu N: M, ..." breakdown, empty when nothing was dropped).
stop_tracetop() {
  kill -INT "$bg"; wait "$bg" || die "tracetop failed: $(cat "$work/tt.err")"
  bg=""
  read -r EVENTS DROPS < <(sed -n 's/.*tracetop: \([0-9]*\) events captured, \([0-9]*\) dropped.*/\1 \2/p' "$work/tt.err") || true
  DROPS_PER_CPU=$(sed -n 's/.*events captured, [0-9]* dropped (\(.*\))$/\1/p' "$work/tt.err")
  rm -f "$work/x.scap"
}
# The floor: an empty bpftrace program on every system-call enter and exit.
BPFTRACE_PROG='tracepoint:raw_syscalls:sys_enter {} tracepoint:raw_syscalls:sys_exit {}'
start_bpftrace() {
  rm -f "$work/bt.out"   # as in start_tracetop
  bpftrace -e "$BPFTRACE_PROG" >"$work/bt.out" 2>&1 &
  bg=$!
  wait_for_line "$work/bt.out" 'Attaching'
}
stop_bpftrace() { kill -INT "$bg"; wait "$bg" || true; bg=""; }

# The comparison with the peers, for one workload: `measure WHAT fast|slow
# [command prefix]` (the script's own: one figure per operation; slow is the
# smaller count strace and perf trace get) run RUNS times under each, the
# fastest kept in fig[WHAT.none|tracetop|strace|perf|bpftrace|none2] (none2:
# untraced again, last, to show how noisy the machine was), and tracetop's
# summary in fig_events[WHAT] and fig_drops[WHAT].
declare -A fig fig_events fig_drops
fastest_of_runs() { local i; for i in $(seq "$RUNS"); do measure "$@"; done | fastest; }
measure_against_peers() {
  local what=$1
  fig[$what.none]=$(fastest_of_runs "$what" fast)
  start_tracetop
  fig[$what.tracetop]=$(fastest_of_runs "$what" fast)
  stop_tracetop; fig_events[$what]=$EVENTS; fig_drops[$what]=$DROPS
  fig[$what.strace]=$(fastest_of_runs "$what" slow strace -f -o /dev/null)
  fig[$what.perf]=$(fastest_of_runs "$what" slow perf trace -o /dev/null)
  start_bpftrace
  fig[$what.bpftrace]=$(fastest_of_runs "$what" fast)
  stop_bpftrace
  fig[$what.none2]=$(fastest_of_runs "$what" fast)
}
# One row of the table: label, unit, workload, then any further columns.
peers_row() {
  local label=$1 unit=$2 what=$3 b=${fig[$3.none]}; shift 3
  printf '| %s | %s %s | **%s×** | %s× | %s× | %s× | %s× |' "$label" "$b" "$unit" \
    "$(ratio "${fig[$what.tracetop]}" "$b")" "$(ratio "${fig[$what.strace]}" "$b")" \
    "$(ratio "${fig[$what.perf]}" "$b")" "$(ratio "${fig[$what.bpftrace]}" "$b")" \
    "$(ratio "${fig[$what.none2]}" "$b")"
  local col
  for col in "$@"; do printf ' %s |' "$col"; done
  printf '\n'
}
