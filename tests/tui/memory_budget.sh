#!/usr/bin/env bash
# issue 15 (budget): --memory-budget bounds what the first pass builds, the
# index of the events and the model copies too, not only the copy of the
# events. On a plain capture of 800 k events (mapped: its pages are not
# counted), a budget of 8 MiB holds the copy's positions but not the index:
# the header says so with the size that would hold it, the explorer's own
# memory stays within the budget of what it takes with no copy at all, and
# the views and drill-downs show what an explorer with room for it all shows.
source "$(dirname "$0")/lib.sh"
: "${MAKE_BIG_CAPTURE:?run through meson test}"
BIG="$SCRATCH/big.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURE" "$BIG" 800000 > /dev/null || { echo "FAIL: make_big_capture"; exit 1; }
# Sanitized builds keep freed memory aside (ASan's quarantine): no resident figure means anything there.
measure_memory=1
: "${SANITIZED:?run through meson test}"
if [[ $SANITIZED == 1 ]]; then
  measure_memory=0
  echo "note: a sanitized build: the resident memory checks are left out (freed memory is quarantined)"
fi

# The anonymous resident memory of the explorer in the pane, in KiB.
anon_kib() {
  local shell pid
  shell=$(tm display-message -p -t t '#{pane_pid}')
  pid=$(pgrep -P "$shell" -x tracetop | head -1)
  awk '/^RssAnon:/ {print $2}' "/proc/$pid/status"
}

# explore NAME ARGS...: System Calls once loaded, its memory, then Enter on
# the first row; the screens below the header go to $SCRATCH/NAME.*.
explore() {
  local name=$1
  shift
  start 200 50 -r "$BIG" -v syscalls "$@"
  wait_for "CALLS" 60 || fail "System Calls shows ($name)"
  wait_gone "Loading" 120 || fail "the first pass ends ($name)"
  sleep 1
  anon_kib > "$SCRATCH/$name.anon"
  screen | head -3 > "$SCRATCH/$name.header"
  screen | sed -n '/^System Calls/,$p' > "$SCRATCH/$name.table"
  keys Enter
  wait_for "System Calls ▸" 30 || fail "Enter drills down ($name)"
  wait_gone "Loading" 60 || fail "the drill-down completes ($name)"
  sleep 0.5
  screen | sed -n '/^System Calls ▸/,$p' > "$SCRATCH/$name.drill"
  keys q
  check "quits cleanly ($name)" "EXIT STATUS 0"
}

explore none --memory-budget 0
explore small --memory-budget 8
explore whole --memory-budget 4096

if grep -q "larger than --memory-budget 0 MiB" "$SCRATCH/none.header"; then
  pass "budget 0: the header says every view reads the file again"
else
  fail "budget 0: no note in the header: $(cat "$SCRATCH/none.header")"
fi
needed=$(sed -n 's/.*index needs ~\([0-9]*\) MiB > --memory-budget 8: views replay.*/\1/p' "$SCRATCH/small.header")
if [[ -n $needed ]] && ((needed > 8)); then
  pass "budget 8: the header says the index (~$needed MiB) did not fit and views replay"
else
  fail "budget 8: the header's note: $(cat "$SCRATCH/small.header")"
fi
if grep -q "memory-budget" "$SCRATCH/whole.header"; then
  fail "budget 4096: it holds an 800 k-event capture and its index, yet: $(cat "$SCRATCH/whole.header")"
else
  pass "budget 4096: it holds the capture and its index (no note)"
fi
for part in table drill; do
  if [[ -s $SCRATCH/whole.$part ]] && cmp -s "$SCRATCH/whole.$part" "$SCRATCH/small.$part"; then
    pass "budget 8: the $part shows what the unbounded explorer shows"
  else
    fail "budget 8: the $part differs"; diff "$SCRATCH/whole.$part" "$SCRATCH/small.$part" | head -10
  fi
done

if ((measure_memory)); then
  none=$(cat "$SCRATCH/none.anon") small=$(cat "$SCRATCH/small.anon") whole=$(cat "$SCRATCH/whole.anon")
  echo "anonymous resident memory: no copy $none KiB, budget 8 MiB $small KiB, budget 4096 MiB $whole KiB"
  # A few MiB of slack: the allocator's own rounding and the screen's thread.
  if ((small <= none + 8 * 1024 + 4 * 1024)); then
    pass "budget 8: the explorer takes at most the budget more than with no copy"
  else
    fail "budget 8: $small KiB against $none KiB with no copy: more than 8 MiB (+4) apart"
  fi
  # What the budget kept out is real: the unbounded index takes more.
  if ((whole > none + 16 * 1024)); then
    pass "the unbounded index takes more than the budget ($((whole - none)) KiB)"
  else
    fail "the unbounded explorer takes $whole KiB, no more than $none KiB + 16 MiB: the check above proves nothing"
  fi
fi
finish
