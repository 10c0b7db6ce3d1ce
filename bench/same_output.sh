#!/usr/bin/env bash
# Byte identity of the per-event path (issue 15, perf): the outputs of this
# build and of a baseline tracetop (built from the branch point, say) on the
# same big capture must be equal, byte for byte. A faster pass that changes
# one number is a broken pass.
#   bench/same_output.sh BASELINE_TRACETOP [MIN_EVENTS]   (default 2000000;
#       BUILD=dir picks this side's build directory; VIEWS="procs files" the
#       views, default every view --list-views names)
# Prints one line per output (same / DIFFERENT) and exits 1 when any differs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init same_output
[ $# -ge 1 ] || die "usage: bench/same_output.sh BASELINE_TRACETOP [MIN_EVENTS]"
base=$(realpath "$1")
events=${2:-2000000}
need_built "$TT" "$base" "$BUILD/bench/make_big_capture"
make_work
big_capture "$events"
say_capture_size
views=${VIEWS:-$("$TT" --list-views 2>/dev/null | awk '{print $1}')}
status=0
compare() {  # NAME ARGS...: runs both binaries with ARGS on the capture
  local name=$1
  shift
  "$base" -r "$BIG" "$@" >"$work/base.out" 2>&1 || true
  "$TT" -r "$BIG" "$@" >"$work/new.out" 2>&1 || true
  if cmp -s "$work/base.out" "$work/new.out"; then
    printf '%-40s same (%s bytes)\n' "$name" "$(wc -c <"$work/new.out")"
  else
    printf '%-40s DIFFERENT\n' "$name"
    diff "$work/base.out" "$work/new.out" | head -5
    status=1
  fi
}
for v in $views; do compare "--json -v $v" --json -v "$v"; done
compare "--json -v procs (scope proc.name=curl)" --json -v procs "proc.name=curl"
compare "--json -v files --from/--to" --json -v files --from +2000 --to +6000
compare "--print" --print
compare "--print -p format, filter" --print -p "%evt.num %proc.name %evt.type %fd.name %evt.latency" "evt.failed=false"
compare "--print, result filter" --print "evt.failed=true or evt.res=ENOENT or evt.rawres>3"
exit $status
