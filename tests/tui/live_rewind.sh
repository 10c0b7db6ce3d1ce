#!/usr/bin/env bash
# Live rewind (issue 15) as root: tracetop watches the machine with a
# history of 120 s and records with -w while a workload runs in two phases
# under two names: tt_rw_alpha makes 400 failing rmdir() calls and exits,
# then tt_rw_beta makes 300 and stays. [ selects the older half of the
# history: the header says the range is paused, the Processes view shows
# alpha and not beta; ] and [ move the range later and back; alpha's System
# Calls show exactly its 800 rmdir events (enter and exit) and 400 errors.
# While the past range is shown, a third process (beta again, 7 calls)
# runs: the view stays on the past, and -w records it. L returns to live:
# beta is there. A click on the strip selects a past range too.
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: live capture needs root (BPF); run 'meson test tui-live_rewind' as root"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
LOOK=mirror  # looking starts no process on the traced machine (lib.sh)
: "${REWIND_ALPHA:?run through meson test}" "${REWIND_BETA:?run through meson test}"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; cleanup' EXIT

# field N of the first screen line holding TEXT (whitespace-separated).
# check_replayed NAME TEXT: as check, with time for a replay of the range
# (seconds of a busy machine's events, slower under the sanitizers).
check_replayed() { if wait_for "$2" 30; then pass "$1"; else fail "$1 (expected '$2')"; fi; }
field_of() { screen | grep -F -- "$1" | head -1 | awk -v n="$2" '{print $n}'; }
range_text() { screen | sed -n 's/.*Range: \([0-9:. -]*[0-9]\).*/\1/p' | head -1; }

start 160 40 -d 500 --history 120 --explore -w "$SCRATCH/rec.scap"
if ! wait_for "Source: live" 30; then
  fail "live capture started"
  finish
fi
pass "live capture started"
# The strip on the header's third line: the history's events per slot.
for ((i = 0; i < 40; i++)); do
  screen | sed -n 3p | grep -q '[▁▂▃▄▅▆▇█]' && break
  sleep 0.25
done
if screen | sed -n 3p | grep -q '[▁▂▃▄▅▆▇█]'; then pass "the timeline strip shows live"; else fail "the timeline strip shows live"; fi
keys '\' 'tt_rw_' Enter
check "text filter shown" "Text filter: tt_rw_"

# Phase A, then phase B.
"$REWIND_ALPHA" 400 3 & alpha=$!
pids+=("$alpha")
check "phase A shows live" "tt_rw_alpha"
wait "$alpha"
"$REWIND_BETA" 300 60 & beta=$!
pids+=("$beta")
check "phase B shows live" "tt_rw_beta"
sleep 1

# [ from now: the older half of the history, which holds all of phase A and
# ends before phase B began.
keys '['
check "a past range selected with [ pauses at it" "paused at past range - L returns to live"
# wait_range_change FROM: until the header's range is another one; prints it.
wait_range_change() {
  local i now
  for ((i = 0; i < 100; i++)); do
    now=$(range_text)
    [ -n "$now" ] && [ "$now" != "$1" ] && break
    sleep 0.1
  done
  echo "$now"
}
first=$(range_text)
check_replayed "the older half shows phase A's process" "tt_rw_alpha"
check_gone "the older half does not show phase B's process" "tt_rw_beta"
# ] moves it later by half its width, [ back where it was.
keys ']'
later=$(wait_range_change "$first")
if [ -n "$later" ] && [ "$later" != "$first" ]; then pass "] moves the past range later ($first -> $later)"; else fail "] moves the past range later"; fi
keys '['
back=$(wait_range_change "$later")
if [ "$back" = "$first" ]; then pass "[ moves it back earlier ($later -> $back)"; else fail "[ moves it back earlier ($later -> '$back', expected $first)"; fi
check "the header says the past range" "Range: "
check_replayed "the past range shows phase A's process" "tt_rw_alpha"
check_gone "the past range does not show phase B's process" "tt_rw_beta"

# While the past is shown, capture goes on: a process now is recorded, not shown.
"$REWIND_BETA" 7 0 &
pids+=($!)
wait $!
sleep 1
check_gone "the paused past range stays past while capture goes on" "tt_rw_beta"

# Phase A's exact calls in the past range: Threads, then System Calls.
keys '/' 'tt_rw_alpha' Enter Enter
check "Enter drills into phase A's threads" "tt_rw_alpha ($alpha) ▸ Threads"
# The thread's row (its command line) once the replay of the range has it.
check_replayed "the past range's threads show phase A's thread" "tt_rw_alpha 400 3"
keys Enter
check_replayed "Enter opens its system calls" "Threads ▸ System Calls"
if wait_for " rmdir" 30; then
  calls=$(field_of " rmdir" 1)
  errors=$(field_of " rmdir" 3)
  if [ "$calls" = 800 ] && [ "$errors" = 400 ]; then
    pass "phase A's rmdir calls in the past range: 800 events, 400 errors"
  else
    fail "phase A's rmdir calls in the past range: 800 events, 400 errors (got $calls, $errors)"
  fi
else
  fail "phase A's rmdir calls in the past range"
fi
keys BSpace BSpace
check "Backspace returns to Processes" "tt_rw_alpha"

# L: live again.
keys L
check_gone "L leaves the past range" "paused at past range"
check "live again: phase B's process shows" "tt_rw_beta"
# The mouse: a click on the strip's first column (160 columns: the strip is
# the 64 before the last) selects that moment of the past; L again.
click 95 2
check "a click on the strip selects a past range" "paused at past range - L returns to live"
keys L
check_gone "L leaves it" "paused at past range"

quit_restores_terminal
# -w went on while the past range was shown: both beta processes' calls are in the file.
got=$("$TRACETOP" -r "$SCRATCH/rec.scap" "proc.name=tt_rw_beta and evt.type=rmdir and evt.dir=<" 2>&1 | wc -l)
if [ "$got" = 307 ]; then
  pass "-w recorded every rmdir exit of both beta processes (307), also while rewound"
else
  fail "-w recorded every rmdir exit of both beta processes (307; got $got)"
fi
finish
