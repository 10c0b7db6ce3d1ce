#!/usr/bin/env bash
# issue 15 (checkpoints): on a capture of 800 k events (one model checkpoint
# after the first, at 512 Ki events), the Events list of the busiest system
# call is replayed from that checkpoint; it must show the same lines as the
# explorer that keeps no copy of the capture (--memory-budget 0: every view
# reads the file from its start), and Enter on its oldest event the same fields.
source "$(dirname "$0")/lib.sh"
: "${MAKE_BIG_CAPTURE:?run through meson test}"
BIG="$SCRATCH/big.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURE" "$BIG" 800000 > /dev/null || { echo "FAIL: make_big_capture"; exit 1; }

# events_screen ARGS...: the Events list of the first row of System Calls, then Enter on its first event.
events_screen() {
  start 200 50 -r "$BIG" -v syscalls "$@"
  wait_for "CALLS" 60 || fail "System Calls shows ($*)"
  wait_gone "Loading" 120 || fail "the first pass ends ($*)"
  keys F6
  wait_for "ARGUMENTS" 60 || fail "F6 shows the Events list ($*)"
  wait_gone "Loading" 120 || fail "the Events list is complete ($*)"
  sleep 0.5
  # Below the header (its memory note differs): the breadcrumb and the list.
  screen | sed -n '/Events$/,$p' > "$SCRATCH/list.$1"
  keys Enter
  wait_for "evt.num=" 30 || fail "Enter shows the event's fields ($*)"
  sleep 0.3
  screen | sed -n '/Events/,$p' > "$SCRATCH/details.$1"
  keys q
}

events_screen --memory-budget=0
events_screen --memory-budget=4096
oldest=$(awk '$1 ~ /^[0-9]+$/ {print $1; exit}' "$SCRATCH/list.--memory-budget=4096")
if [[ -n $oldest ]] && ((oldest > 524288)); then pass "the list starts after the second checkpoint (event $oldest)"
else fail "the list starts after the second checkpoint (oldest '$oldest')"; fi
if cmp -s "$SCRATCH/list.--memory-budget=0" "$SCRATCH/list.--memory-budget=4096"; then
  pass "the Events list from a checkpoint shows what the read from the start shows"
else
  fail "the Events list from a checkpoint differs"; diff "$SCRATCH/list.--memory-budget=0" "$SCRATCH/list.--memory-budget=4096" | head -10
fi
if cmp -s "$SCRATCH/details.--memory-budget=0" "$SCRATCH/details.--memory-budget=4096"; then
  pass "Enter on its oldest event shows the same fields"
else
  fail "Enter's fields differ"; diff "$SCRATCH/details.--memory-budget=0" "$SCRATCH/details.--memory-budget=4096" | head -10
fi
finish
