#!/usr/bin/env bash
# Latency from a system call to tracetop (bench/README.md, "Latency"): marker
# events at 1/s, 100/s and 10k/s, and at 100/s on top of 1 M getppid calls
# a second; p50, p99 and max of the time to the drain thread (--print
# --unbuffered on a pipe) and to the explorer's screen in tmux. As root.
#
#   sudo bench/latency.sh        (BUILD=dir for another build directory)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init latency
need_root "live capture"
need_built "$TT" "$LOOP" "$BUILD/bench/latency_marker"
need_tools tmux /usr/bin/python3
/usr/bin/python3 -c 'import pyte' 2>/dev/null || die "python3-pyte missing (./setup.sh build installs it)"
exec /usr/bin/python3 "$HERE/bench/latency_measure.py" "$TT" "$BUILD/bench/latency_marker" "$LOOP"
