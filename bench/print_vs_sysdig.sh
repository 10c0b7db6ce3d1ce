#!/usr/bin/env bash
# Offline printing speed: tracetop against sysdig 0.29.3 on the same large
# capture, in the same run. Prints each mean time and the ratio.
#   bench/print_vs_sysdig.sh [MIN_EVENTS]     (run from the repository root after ./setup.sh build)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-2000000}
build=${BUILD:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big="$work/big.scap"
"./$build/bench/make_big_capture" ../shared/captures/curl_google.scap "$big" "$events"
ls -l "$big" | awk '{print "capture:", $5, "bytes"}'

run() {  # label, command: prints mean seconds of 3 runs after 1 warm-up
  hyperfine --style none --warmup 1 --runs 3 --export-json "$work/h.json" "$2" >/dev/null 2>&1
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
}
t_tracetop=$(run tracetop "./$build/ui/tracetop -r $big --print > /dev/null")
t_sysdig=$(run sysdig "sysdig -r $big > /dev/null 2>&1")
python3 - "$t_tracetop" "$t_sysdig" "$events" <<'PY'
import sys
t, s, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"tracetop --print : {t:8.3f} s  ({n / t / 1e6:5.2f} M events/s)")
print(f"sysdig -r        : {s:8.3f} s  ({n / s / 1e6:5.2f} M events/s)")
print(f"tracetop is {s / t:.1f}x faster than sysdig (target: 5x)")
PY
