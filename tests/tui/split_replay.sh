#!/usr/bin/env bash
# issue 15 (split): on a churning capture of 1.1 M events (Processes and
# Threads replay through the model; model copies at 0, 512 Ki and 1 Mi
# events), replays of more than 100,000 events (TRACETOP_SPLIT=100000) are
# cut at the copies (session 8: in two; session 10: at every copy, in
# parts that are kept) and run on both cores. Each screen after Enter and
# the range keys must be the one the explorer shows without splitting
# (TRACETOP_SPLIT=0), also when keys come while a split replay runs (its
# earlier part is stopped); on exit it says how many replays were split.
source "$(dirname "$0")/lib.sh"
: "${MAKE_BIG_CAPTURE:?run through meson test}"
BIG="$SCRATCH/big.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURE" "$BIG" 1100000 > /dev/null || { echo "FAIL: make_big_capture"; exit 1; }

# screens SPLIT: the screen after each key, into $SCRATCH/screens.SPLIT; the exit line into $SCRATCH/exit.SPLIT.
screens() {
  export TRACETOP_SPLIT=$1
  local out="$SCRATCH/screens.$1" k
  : > "$out"
  start 200 40 -r "$BIG" -v procs
  wait_for "SYSCALLS" 60 || fail "Processes shows (split $1)"
  wait_gone "Loading" 120 || fail "the first pass ends (split $1)"
  # '{' ']' and '[' each select a range across a model copy: three replays
  # to split; '}' gives the whole capture back (its kept answer).
  for k in Enter '{' ']' '}' '{' '[' '=' BSpace; do
    keys "$k"
    sleep 0.3
    wait_gone "Loading" 60 || fail "'$k' is answered (split $1)"
    sleep 0.3
    { echo "== $k"; screen; } >> "$out"
  done
  # Keys while a replay runs: Enter, then Backspace and Enter again before it ends.
  keys Enter; keys BSpace; keys Enter; keys '{'; keys '='
  sleep 0.5
  wait_gone "Loading" 60 || fail "the keys typed ahead are answered (split $1)"
  sleep 0.5
  { echo "== typed ahead"; screen; } >> "$out"
  keys q
  wait_for "EXIT STATUS" 30 || fail "tracetop exits (split $1)"
  screen | grep -F "replays split" > "$SCRATCH/exit.$1"
  grep -q "EXIT STATUS 0" <(screen) || fail "tracetop exits with status 0 (split $1)"
}

screens 0
screens 100000
if cmp -s "$SCRATCH/screens.0" "$SCRATCH/screens.100000"; then
  pass "every screen with replays split is the screen without"
else
  fail "the screens differ with replays split"; diff "$SCRATCH/screens.0" "$SCRATCH/screens.100000" | head -20
fi
split=$(sed -n 's/.*tracetop: \([0-9]*\) replays split.*/\1/p' "$SCRATCH/exit.100000")
if [[ -n $split ]] && ((split >= 3)); then pass "replays were split ($split)"
else fail "replays were split (the exit says '$(cat "$SCRATCH/exit.100000")')"; fi
if grep -q "tracetop: 0 replays split" "$SCRATCH/exit.0"; then pass "TRACETOP_SPLIT=0 splits none"
else fail "TRACETOP_SPLIT=0 splits none ('$(cat "$SCRATCH/exit.0")')"; fi
finish
