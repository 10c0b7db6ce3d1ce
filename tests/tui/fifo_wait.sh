#!/usr/bin/env bash
# `tracetop -r FIFO`: the kernel's open() of a FIFO waits for a writer, and
# until then the explorer has no screen of its own (session 11 saw a blank
# terminal on which q did nothing). It must say what it waits for and how to
# quit, then browse what the writer sends as it would the file; Ctrl-C must
# end a wait no writer ends.
source "$(dirname "$0")/lib.sh"
scale=${TRACETOP_TIME_SCALE:-1}
FIFO="$SCRATCH/capture.fifo"
mkfifo "$FIFO"

start 160 45 -r "$FIFO" -v syscalls
check "a FIFO without a writer: the explorer says it waits, and how to quit" "waiting for a writer to open it (Ctrl-C quits)"
# The writer: the shared capture (gzip), sent whole, then the FIFO closed.
cat "$CAPTURE" > "$FIFO" &
writer=$!
if wait_for "CALLS" $((30 * scale)); then pass "the writer's capture shows"; else fail "the writer's capture shows"; fi
wait_gone "Loading" $((30 * scale)) || fail "the first pass ends"
wait "$writer"
# The same numbers as the file gives: System Calls' busiest call and its count, on one line.
read -r name calls < <("$TRACETOP" -r "$CAPTURE" --json -v syscalls | /usr/bin/python3 -c '
import json, sys
top = max(json.load(sys.stdin)["rows"], key=lambda r: r["values"]["calls"])
print(top["key"], top["values"]["calls"])')
row_shown() {
  local s line
  read_screen s
  while IFS= read -r line; do
    [[ $line == *" $calls "* && $line == *"$name"* ]] && return 0
  done <<<"$s"
  return 1
}
if [[ -n $name ]] && row_shown; then pass "the busiest call as the file has it: $name, $calls calls"; else fail "the row $name with $calls calls"; fi
quit_restores_terminal

# No writer ever: Ctrl-C ends the wait (the pane's shell goes with it).
start 160 45 -r "$FIFO" -v syscalls
check "waiting again" "waiting for a writer"
waiting=$(pgrep -f -x "$(printf '%s ' "$TRACETOP" -r "$FIFO" -v syscalls | sed 's/ $//')" | head -1)
keys C-c
gone=0
for ((i = 0; i < 100 * scale; i++)); do
  if [[ -z $waiting ]] || ! kill -0 "$waiting" 2>/dev/null; then gone=1; break; fi
  nap
done
if [[ -n $waiting && $gone == 1 ]]; then pass "Ctrl-C ends the wait"; else fail "Ctrl-C ends the wait (pid '${waiting}')"; fi
finish
