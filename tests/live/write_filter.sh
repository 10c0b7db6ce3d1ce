#!/usr/bin/env bash
# tracetop -w FILE FILTER, live: the file holds the events the filter
# accepts, the ones a --print run with the same filter alongside prints (the
# workload runs inside both), and a filter on event types narrows the capture
# in the kernel as it does for --print. sysdig 0.29.3 reads the file alike.
source "$(dirname "$0")/lib.sh"
need_root
need_sysdig

export TRACETOP_BPF_DEBUG=1
# tidy (session 6): the workload and its child run under names of this run's
# own (the kernel names a process after the path it was started by), so the
# same workload of another test run on the machine never matches the filter.
ln -s "$WORKLOAD" "$SCRATCH/ttw_$$"
ln -s "$CHILD" "$SCRATCH/ttc_$$"
WORKLOAD="$SCRATCH/ttw_$$" CHILD="$SCRATCH/ttc_$$"
FILTER="proc.name=ttw_$$ or proc.name=ttc_$$"
FMT_EV='%thread.tid %evt.dir %evt.type'
filter="evt.type in (openat, connect) and ($FILTER)"
cap="$SCRATCH/filtered.scap"

"$TRACETOP" "${RINGS[@]}" --print -p "$FMT_EV" "$filter" >"$SCRATCH/printed" 2>"$SCRATCH/print.err" &
printer=$!
wait_until_capturing "$printer" "$SCRATCH/print.err"
run_workload_under "$SCRATCH/stdout" -w "$cap" --duration 6 "$filter"
kill -INT "$printer"; wait "$printer"

[ -s "$SCRATCH/stdout" ] && fail "-w without --print printed on standard output"
grep -q '^tracetop: probe: per-syscall' "$SCRATCH/tracetop.err" &&
  pass "the filter narrows the recording's capture (per-syscall tracepoints)" ||
  fail "the recording's capture is not narrowed: $(grep '^tracetop: probe' "$SCRATCH/tracetop.err")"

"$TRACETOP" -r "$cap" -p "$FMT_EV" >"$SCRATCH/ours" 2>"$SCRATCH/ours.err" || fail "tracetop -r: $(cat "$SCRATCH/ours.err")"
n=$(wc -l <"$SCRATCH/ours")
types=$(awk '{print $3}' "$SCRATCH/ours" | sort -u | tr '\n' ' ')
[ "$types" = "connect openat " ] && pass "only the filter's types are recorded ($n events)" ||
  fail "recorded types: $types"
sysdig -r "$cap" -p "$FMT_EV" >"$SCRATCH/theirs" 2>/dev/null
[ "$n" -gt 0 ] && cmp -s "$SCRATCH/ours" "$SCRATCH/theirs" && pass "sysdig reads the same $n events" ||
  fail "sysdig reads $(wc -l <"$SCRATCH/theirs") events, tracetop $n"
if ! grep -q ', 0 dropped' "$SCRATCH/tracetop.err" || ! grep -q ', 0 dropped' "$SCRATCH/print.err"; then
  echo "note: events were dropped ($(cat "$SCRATCH/tracetop.err" "$SCRATCH/print.err" | tr '\n' ' ')); exact comparison skipped"
elif diff <(sort "$SCRATCH/printed") <(sort "$SCRATCH/ours") >"$SCRATCH/diff"; then
  pass "the file holds exactly the events --print shows with the filter"
else
  fail "the file and --print with the filter differ: $(head -6 "$SCRATCH/diff")"
fi
finish
