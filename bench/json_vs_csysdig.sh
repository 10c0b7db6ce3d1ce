#!/usr/bin/env bash
# A view as JSON over a large capture (issue 5): `tracetop -r BIG --json -v
# procs` against `csysdig -r BIG -v procs -j` on the same capture, in the same
# run. Prints each mean time and the ratio; the target is tracetop 10x faster.
#   bench/json_vs_csysdig.sh [MIN_EVENTS]   (from the repository root after ./setup.sh build;
#                                           BUILD=dir picks another build directory, VIEW=id another view)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init json_vs_csysdig
events=${1:-2000000}
view=${VIEW:-procs}
make_work
big_capture "$events"
say_capture_size
# csysdig refuses to start without a terminal type, even when it only prints JSON.
export TERM=${TERM:-xterm}
[ "$TERM" = dumb ] && export TERM=xterm

# Same rows first: a fast wrong answer is no answer (row keys of the last slice).
n_ours=$("$TT" -r "$BIG" --json -v "$view" | python3 -c '
import json, sys
d = json.load(sys.stdin)
rows = d.get("rows", d.get("data", []))
print(len(rows))' 2>/dev/null || echo "?")
n_theirs=$(csysdig -r "$BIG" -v "$view" -j 2>/dev/null | python3 -c '
import json, sys
slices = [s for s in json.load(sys.stdin)["slices"] if "data" in s]
print(len(slices[-1]["data"]) if slices else 0)' 2>/dev/null || echo "?")
t=$(hyperfine_mean "$TT -r $BIG --json -v $view > /dev/null")
c=$(hyperfine_mean "csysdig -r $BIG -v $view -j > /dev/null 2>&1")
python3 - "$t" "$c" "$events" "$view" "$n_ours" "$n_theirs" <<'PY'
import sys
t, c, n, view = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
print(f"view {view}: {sys.argv[5]} rows (csysdig {sys.argv[6]})")
print(f"tracetop --json : {t:8.3f} s  ({n / t / 1e6:5.2f} M events/s)")
print(f"csysdig -j      : {c:8.3f} s  ({n / c / 1e6:5.2f} M events/s)")
print(f"tracetop is {c / t:.1f}x faster than csysdig (target: 10x)")
PY
