# --context-switches adds the scheduler's switch events; without it there
# are none.
source "$(dirname "$0")/lib.sh"
need_root

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
without=$(switches)
if [ "$without" -eq 0 ]; then pass "no switch events without the option"; else fail "$without switch events without --context-switches"; fi
finish
