#!/usr/bin/env bash
# Offline filtering speed: `tracetop -r BIG --print FILTER` against
# `sysdig -r BIG FILTER` on the same large capture, in the same run, for a
# few filters (the seed's example, a network one, a five-clause one). Prints
# each mean time and the ratio; the target is tracetop at least 3x faster.
#   bench/filter_vs_sysdig.sh [MIN_EVENTS]   (from the repository root after ./setup.sh build;
#                                            BUILD=dir picks another build directory)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init filter_vs_sysdig
events=${1:-2000000}
make_work
big_capture "$events"
say_capture_size

# Each filter, written for tracetop (file.name is our alias) and for sysdig.
filters=(
  "evt.type=open and proc.name=curl and file.name contains /etc|evt.type=open and proc.name=curl and fd.name contains /etc"
  "evt.type=connect and fd.port=80|evt.type=connect and fd.port=80"
  "evt.type in (read, write, open, openat, close) and evt.dir=< and not evt.failed=true and proc.name=curl and fd.name startswith /usr|evt.type in (read, write, open, openat, close) and evt.dir=< and not evt.failed=true and proc.name=curl and fd.name startswith /usr"
)
worst=0
for pair in "${filters[@]}"; do
  ours=${pair%%|*}; theirs=${pair#*|}
  # Same selection first: a fast wrong answer is no answer.
  n_ours=$("$TT" -r "$BIG" --print -p '%evt.num' "$ours" | wc -l)
  n_theirs=$(sysdig -r "$BIG" -p '%evt.num' "$theirs" 2>/dev/null | wc -l)
  t=$(hyperfine_mean "$TT -r $BIG --print '$ours' > /dev/null")
  s=$(hyperfine_mean "sysdig -r $BIG '$theirs' > /dev/null 2>&1")
  worst=$(python3 - "$t" "$s" "$events" "$ours" "$n_ours" "$n_theirs" "$worst" <<'PY'
import sys
t, s, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
f, no, nt, worst = sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
print(f"filter: {f}", file=sys.stderr)
print(f"  selects {no} events (sysdig {nt}){'' if no == nt else '  <-- DIFFERENT'}", file=sys.stderr)
print(f"  tracetop --print : {t:8.3f} s  ({n / t / 1e6:5.2f} M events/s)", file=sys.stderr)
print(f"  sysdig -r        : {s:8.3f} s  ({n / s / 1e6:5.2f} M events/s)", file=sys.stderr)
print(f"  tracetop is {s / t:.1f}x faster than sysdig (target: 3x)", file=sys.stderr)
r = s / t
print(r if worst == 0 else min(worst, r))
PY
)
done
echo "slowest ratio over the filters: ${worst}x (target: 3x)"
