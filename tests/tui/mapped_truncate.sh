#!/usr/bin/env bash
# issue 15 (pass2): the explorer reads a plain capture file through a
# read-only mapping, and its copy of the events is views of that mapping.
# Another program truncating the file meanwhile takes those pages away (a
# read of them raises SIGBUS): the explorer must then end with a message
# saying so and status 1, the terminal given back, not die of the signal
# with a core dump. Without the mapping nothing here ends it; without the
# handler it dies of SIGBUS (status 135). A file open for writing elsewhere
# is copied instead (a read lease is refused then).
source "$(dirname "$0")/lib.sh"
COPY="$SCRATCH/copy.scap"
# The shared captures are gzip (kept as a copy, not mapped): a plain one.
gzip -dc "$CAPTURE" > "$COPY"

start 200 50 -r "$COPY" -v syscalls
wait_for "CALLS" 30 || fail "System Calls shows"
wait_gone "Loading" 60 || fail "the first pass ends"
truncate -s 4096 "$COPY"
# The Events list replays the copy: every page of the file.
keys F6
check "the explorer says the file shrank under it" "shrank while tracetop was reading it"
check "it ends with status 1, not of the signal" "EXIT STATUS 1"
if grep -q ' icanon' "$SCRATCH/stty" && grep -q ' echo ' "$SCRATCH/stty"; then
  pass "terminal restored after the truncation"
else
  fail "terminal restored after the truncation"
fi

# A file some process still holds open for writing (a capture being
# recorded) is read and copied, not mapped: cut under the explorer, it
# changes nothing on the screen.
gzip -dc "$CAPTURE" > "$COPY"
exec 3>>"$COPY"
start 200 50 -r "$COPY" -v syscalls
wait_for "CALLS" 30 || fail "System Calls shows (file open for writing)"
wait_gone "Loading" 60 || fail "the first pass ends (file open for writing)"
truncate -s 4096 "$COPY"
keys F6
check "a file open for writing elsewhere is copied: the Events list shows after the truncation" "ARGUMENTS"
quit_restores_terminal
exec 3>&-
finish
