#!/usr/bin/env bash
# Offline printing speed: tracetop against sysdig 0.29.3 on the same large
# capture, in the same run. Prints each mean time and the ratio.
#   bench/print_vs_sysdig.sh [MIN_EVENTS]     (run from the repository root after ./setup.sh build)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init print_vs_sysdig
events=${1:-2000000}
make_work
big_capture "$events"
say_capture_size

t_tracetop=$(hyperfine_mean "$TT -r $BIG --print > /dev/null")
t_sysdig=$(hyperfine_mean "sysdig -r $BIG > /dev/null 2>&1")
python3 - "$t_tracetop" "$t_sysdig" "$events" <<'PY'
import sys
t, s, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"tracetop --print : {t:8.3f} s  ({n / t / 1e6:5.2f} M events/s)")
print(f"sysdig -r        : {s:8.3f} s  ({n / s / 1e6:5.2f} M events/s)")
print(f"tracetop is {s / t:.1f}x faster than sysdig (target: 5x)")
PY
