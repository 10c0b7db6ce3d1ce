#!/usr/bin/env bash
# The per-event path (issue 15, perf): CPU time (user+sys, fastest of 3 runs)
# of one pass over a big capture, `tracetop -r BIG --json -v VIEW`, against
# `csysdig -r BIG -v procs -j` and, when given, a baseline tracetop (the
# branch point's build) on the same file in the same run. Prints events per
# CPU-second (the rate per core) and the ratios.
#   bench/pass_cpu.sh [MIN_EVENTS] [BASELINE_TRACETOP]   (default 10000000;
#       BUILD=dir picks this build; VIEWS="procs syscalls" the views; CSYSDIG=0 skips csysdig)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init pass_cpu
events=${1:-10000000}
base=${2:+$(realpath "$2")}
need_built "$TT" "$BUILD/bench/make_big_capture"
need_tools /usr/bin/time
make_work
big_capture "$events"
say_capture_size
export TERM=${TERM:-xterm}
[ "$TERM" = dumb ] && export TERM=xterm
# CPU seconds of one run of the command line "$@" (its output thrown away).
cpu_once() {
  /usr/bin/time -o "$work/time" -f '%U %S' "$@" >/dev/null 2>&1
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}
cpu() { for _ in 1 2 3; do cpu_once "$@"; done | fastest; }
n=$(grep -o '^[0-9]*' <<<"$("$BUILD/bench/make_big_capture" ../shared/captures/curl_google.scap "$work/count.scap" "$events")")
rm -f "$work/count.scap"
rate() { awk -v n="$n" -v s="$1" 'BEGIN { printf "%.2f", n / s / 1e6 }'; }
theirs=""
if [ "${CSYSDIG:-1}" != 0 ]; then
  theirs=$(cpu csysdig -r "$BIG" -v procs -j)
  echo "csysdig -j -v procs          : $theirs s CPU ($(rate "$theirs") M events/s)"
fi
for view in ${VIEWS:-procs syscalls}; do
  ours=$(cpu "$TT" -r "$BIG" --json -v "$view")
  line="tracetop --json -v $view: $ours s CPU ($(rate "$ours") M events/s)"
  if [ -n "$base" ]; then
    was=$(cpu "$base" -r "$BIG" --json -v "$view")
    line+=", baseline $was s ($(rate "$was") M events/s): $(ratio "$was" "$ours")x faster"
  fi
  [ -n "$theirs" ] && [ "$view" = procs ] && line+=", csysdig/tracetop: $(ratio "$theirs" "$ours")x"
  echo "$line"
done
