#!/usr/bin/env bash
# tracetop against its peers, one command, as root (issue 7):
#
#   sudo bench/peers.sh          # BUILD=dir; RUNS (default 3); SKIP_FILES=1 leaves out the capture-file part
#   sudo RUNS=1 DIVIDE=100 MIN_EVENTS=20000 bench/peers.sh   # a quick check of the script, figures meaningless
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

source "$(dirname "$0")/lib.sh"
bench_init peers
RUNS=${RUNS:-3}
DIVIDE=${DIVIDE:-1}   # divides every operation count: DIVIDE=100 RUNS=1 checks the script in seconds
SPAWN="$BUILD/bench/spawn_loop" PINGPONG="$BUILD/bench/tcp_pingpong"

need_root "BPF, perf trace"
need_built "$TT" "$LOOP" "$SPAWN" "$PINGPONG"
need_tools strace perf bpftrace hyperfine sysdig
make_work

# measure WORKLOAD FAST|SLOW [prefix...]: one figure per operation.
measure() {
  local what=$1 speed=$2; shift 2
  local t0 t1
  case "$what.$speed" in
    loop.fast) "$@" "$LOOP" $((2000000 / DIVIDE)) | awk '{print $1}' ;;
    loop.slow) "$@" "$LOOP" $((20000 / DIVIDE)) | awk '{print $1}' ;;
    tar.*) t0=$(date +%s%N); "$@" tar cf /dev/null /usr/include 2>/dev/null; t1=$(date +%s%N)
           awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", (b - a) / 1e9}' ;;
    spawn.fast) "$@" "$SPAWN" $((2000 / DIVIDE)) | awk '{print $1}' ;;
    spawn.slow) "$@" "$SPAWN" $((200 / DIVIDE)) | awk '{print $1}' ;;
    tcp.fast) "$@" "$PINGPONG" $((100000 / DIVIDE)) 64 60 | awk '{print $1}' ;;
    tcp.slow) "$@" "$PINGPONG" $((5000 / DIVIDE)) 64 60 | awk '{print $1}' ;;
  esac
}

echo "# peers: $(date -u '+%F %H:%M') UTC, kernel $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), RUNS=$RUNS"
wait_for_no_other_probes
echo "# load average at start: $(loadavg); BPF tracing links of other programs: $(other_probes)"
tar cf /dev/null /usr/include 2>/dev/null || true   # warm the page cache

workloads="loop tar spawn tcp"
for what in $workloads; do measure_against_peers "$what"; done

echo
echo "| workload | untraced | tracetop -w | strace -f | perf trace | bpftrace (floor) | untraced again | tracetop drops |"
echo "|---|---|---|---|---|---|---|---|"
peers_row "getppid loop" "ns/call" loop "${fig_drops[loop]}"
peers_row "tar cf /dev/null /usr/include" "s" tar "${fig_drops[tar]}"
peers_row "fork/exec /bin/true" "µs/process" spawn "${fig_drops[spawn]}"
peers_row "loopback TCP, 64 B round trips" "µs/round trip" tcp "${fig_drops[tcp]}"
echo "# load average at the end of the live part: $(loadavg); BPF tracing links of other programs: $(other_probes)"

[ "${SKIP_FILES:-0}" = 1 ] && exit 0
# Capture files: the existing comparisons, their figures in one table.
echo
export BUILD
bench/print_vs_sysdig.sh ${MIN_EVENTS:-} >"$work/print.txt" 2>&1
bench/filter_vs_sysdig.sh ${MIN_EVENTS:-} >"$work/filter.txt" 2>&1
bench/json_vs_csysdig.sh ${MIN_EVENTS:-} >"$work/json.txt" 2>&1
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
