# --context-switches adds the scheduler's switch events; without it there
# are none.
source "$(dirname "$0")/lib.sh"
need_root
need_sysdig

# switch lines of a 2-second capture with the options "$@".
switches() {
  local out="$SCRATCH/switch.txt"
  "$TRACETOP" "${RINGS[@]}" --print -p '%evt.type %evt.args' --duration 2 "$@" evt.type=switch >"$out" 2>"$SCRATCH/tracetop.err" &
  local tt=$!
  wait_until_capturing "$tt" "$SCRATCH/tracetop.err"
  # Something to switch between: a loop that sleeps 200 times.
  "$GETPPID_LOOP" 20000 10000 >/dev/null
  wait "$tt" || fail "tracetop failed: $(cat "$SCRATCH/tracetop.err")"
  grep -c '^switch next=' "$out"
}

with=$(switches --context-switches)
if [ "$with" -gt 0 ]; then pass "--context-switches: $with switch events"; else fail "--context-switches: no switch event"; fi
expect_line "$SCRATCH/switch.txt" '^switch next=[0-9]+.* pgft_maj=[0-9]+ pgft_min=[0-9]+ vm_size=[0-9]+ vm_rss=[0-9]+ vm_swap=[0-9]+' "switch events carry the next thread and memory counters"
# thread.exectime and thread.totexectime: a recording with switches read by
# sysdig 0.29.3 (the oracle) and by tracetop, every event, with and without
# a filter (each use of the fields keeps its own per-CPU and per-thread sums).
rec="$SCRATCH/switches.scap"
"$TRACETOP" "${RINGS[@]}" -w "$rec" --context-switches --duration 2 2>"$SCRATCH/rec.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/rec.err"
"$GETPPID_LOOP" 20000 10000 >/dev/null
wait "$tt" || fail "tracetop -w failed: $(cat "$SCRATCH/rec.err")"
fmt='*%evt.num %evt.cpu %thread.tid %thread.exectime %thread.totexectime'
for filter in "" "evt.type=switch" "thread.exectime>0"; do
  sysdig -r "$rec" -p "$fmt" $filter >"$SCRATCH/s.exec" 2>/dev/null
  "$TRACETOP" -r "$rec" --print -p "$fmt" $filter >"$SCRATCH/t.exec" 2>&1
  counted=$(awk '$4 > 0' "$SCRATCH/s.exec" | wc -l)
  if [ "$counted" -gt 0 ] && cmp -s "$SCRATCH/s.exec" "$SCRATCH/t.exec"; then
    pass "thread.exectime/totexectime [$filter] as sysdig prints them ($(wc -l <"$SCRATCH/s.exec") events, $counted with CPU time)"
  else
    fail "thread.exectime/totexectime [$filter]: $counted with CPU time in sysdig; differs: $(diff "$SCRATCH/s.exec" "$SCRATCH/t.exec" | head -3 | tr '\n' ' ')"
  fi
done
without=$(switches)
if [ "$without" -eq 0 ]; then pass "no switch events without the option"; else fail "$without switch events without --context-switches"; fi
finish
