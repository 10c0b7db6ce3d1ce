#!/usr/bin/env bash
# The Echo pane and the spectrogram live, as root: tt_echo_talk writes a
# unique string over a loopback TCP connection and reads it back; the Echo
# pane of its process shows the string both as a write and as a read, and
# keeps appending; its spectrogram fills rows as refreshes pass.
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: live capture needs root (BPF); run 'meson test tui-live_echo' as root"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
LOOK=mirror  # looking starts no process on the traced machine (lib.sh)
: "${ECHO_TALK:?run through meson test}"

message="tracetop-echo-$$-$RANDOM"
"$ECHO_TALK" "$message" 60 & talk_pid=$!
trap 'kill $talk_pid 2>/dev/null; cleanup' EXIT

start 140 40 -d 500
if ! wait_for "Source: live" 30; then
  fail "live capture started"
  finish
fi
pass "live capture started"
# Only the workload's row: the test's own greps carry its name in their
# command lines, so a text filter or search would find them too.
keys ':' "proc.pid = $talk_pid" Enter
check "the workload shows" "tt_echo_talk tracetop-ech"
# The unfiltered table (every process, idle ones too) stays on screen until
# the first filtered snapshot arrives: wait for the workload to be the only
# row, or Home could select another process.
table_rows() { screen | grep -cE '^ +[0-9]+ +[0-9]+ '; }
for ((i = 0; i < 40; i++)); do [ "$(table_rows)" = 1 ] && break; sleep 0.25; done
[ "$(table_rows)" = 1 ] && pass "the filter leaves only the workload's row" || fail "only the workload's row"
# Paused table: the pane still runs live.
keys p
check "the table is paused" "PAUSED"
keys Home e
check "e opens the Echo pane of the workload" "]: Processes: tt_echo_talk ($talk_pid)"
check "live, the title gives the -s snap length" "snaplen 80 B"
if wait_for "> $message" 10; then pass "the written string is on screen"; else fail "the written string is on screen"; fi
if wait_for "< $message" 5; then pass "and read back on the other end"; else fail "and read back on the other end"; fi
check "writes are marked with the process and the connection" ">>> tt_echo_talk ($talk_pid) write"
check "a TCP tuple" "127.0.0.1:"
# It keeps appending, though the table is paused: the call count grows.
count() { screen | sed -n 's/.* \([0-9]*\) calls,.*/\1/p' | head -1; }
# (The workload talks every 50 ms; a loaded machine may hold a refresh back,
# so the count gets up to 8 s to grow.)
first=$(count)
second=$first
for ((i = 0; i < 40; i++)); do
  sleep 0.2
  second=$(count)
  [ -n "$first" ] && [ -n "$second" ] && [ "$second" -gt "$first" ] && break
done
[ -n "$first" ] && [ -n "$second" ] && [ "$second" -gt "$first" ] && pass "live Echo keeps appending ($first -> $second calls)" \
  || fail "live Echo keeps appending (${first:-none} -> ${second:-none})"
keys F2
check "hex live" "Echo [hex,"
keys Escape
check_gone "Esc leaves the Echo pane" "Echo ["
check "back on the view" "tt_echo_talk tracetop-ech"
check "still paused" "PAUSED"
keys p
check_gone "resumed" "PAUSED"

keys s
check "s opens the live spectrogram" "Latency spectrogram: Processes: tt_echo_talk ($talk_pid)"
check "one row per refresh" "one row per refresh"
marks=0
for ((i = 0; i < 40; i++)); do
  marks=$(screen | sed -n '4,37p' | cut -c14- | tr -cd '.:+#@' | wc -c)
  [ "$marks" -gt 0 ] && break
  sleep 0.25
done
[ "$marks" -gt 0 ] && pass "live rows fill in ($marks boxes)" || fail "live rows fill in"
keys q
check_gone "q leaves the spectrogram" "Latency spectrogram"
keys q
check "q quits" "EXIT STATUS 0"
finish
