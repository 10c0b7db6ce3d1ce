#!/usr/bin/env bash
# `-r -` on a pipe whose writer keeps it open (issue 15, stdin): every event
# that arrived is printed at once, not when the writer closes; a stop
# (SIGTERM) then ends the run with all of it printed or recorded, exit 0.
# Stopped before any byte came, it says so, never "not a scap capture";
# bytes that are no capture still get "not a scap capture" at once.
source "$(dirname "$0")/lib.sh"

curl="$CAPTURES/curl_google.scap"  # gzip, as the shared captures are
zcat "$curl" >"$SCRATCH/plain.scap"
"$TRACETOP" -r "$curl" --print >"$SCRATCH/want" || fail "tracetop -r F --print: exit $?"
want_lines=$(wc -l <"$SCRATCH/want")
[ "$want_lines" -gt 100 ] || fail "the reference prints only $want_lines lines"
fifo="$SCRATCH/in"
mkfifo "$fifo" || fail "mkfifo"

# wait_for SECONDS COMMAND...: true once COMMAND succeeds, false after SECONDS.
wait_for() {
  local tries=$(($1 * 20)); shift
  for _ in $(seq "$tries"); do "$@" && return 0; sleep 0.05; done
  return 1
}
lines_are() { [ "$(wc -l <"$1" 2>/dev/null || echo 0)" -eq "$2" ]; }
# Waits on its input (a pipe read, or the poll between ticks), where the kernel tells.
waiting() { case $(cat "/proc/$1/wchan" 2>/dev/null) in *pipe_read* | *pipe_wait* | *poll*) return 0 ;; esac; return 1; }
# stopped PID: SIGTERM, then its exit status (killed after 10 s: 137).
stopped() {
  kill -TERM "$1"
  wait_for 10 eval "! kill -0 $1 2>/dev/null" || kill -KILL "$1"
  wait "$1"
}

# feed_then_stop PID FILE: FILE down the open pipe to tracetop PID, which is
# stopped (SIGTERM) once it waits for more; its exit status in $status.
feed_then_stop() {
  exec 7>"$fifo"
  cat "$2" >&7
  sleep 0.5
  wait_for 10 waiting "$1"
  stopped "$1"; status=$?
  exec 7>&-
}

# all_lines_while_open LABEL ERRFILE...: every line -r FILE prints reaches
# $SCRATCH/got within 10 s, identical, while the writer keeps the pipe open.
all_lines_while_open() {
  local label=$1
  shift
  if wait_for 10 lines_are "$SCRATCH/got" "$want_lines"; then
    cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "$label: all $want_lines lines at once, as -r FILE prints" ||
      fail "$label: lines differ from -r FILE's"
  else
    fail "$label: $(wc -l <"$SCRATCH/got") of $want_lines lines after 10 s: $(head -c 300 "$@")"
  fi
}

for kind in plain gzip; do
  input="$SCRATCH/plain.scap"; [ "$kind" = gzip ] && input="$curl"
  # 1. --print: the lines while the writer stays, identical to -r FILE's; a clean end when it closes.
  "$TRACETOP" -r - --print <"$fifo" >"$SCRATCH/got" 2>"$SCRATCH/err" &
  pid=$!
  exec 7>"$fifo"
  cat "$input" >&7
  all_lines_while_open "$kind, pipe open" "$SCRATCH/err"
  exec 7>&-
  wait_for 10 eval "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid"
  wait "$pid"; status=$?
  [ "$status" -eq 0 ] && [ ! -s "$SCRATCH/err" ] && pass "$kind: writer closed: exit 0" ||
    fail "$kind: writer closed: exit $status: $(head -c 300 "$SCRATCH/err")"

  # 2. Stopped while the pipe stays open: everything read is printed, exit 0.
  "$TRACETOP" -r - --print <"$fifo" >"$SCRATCH/got" 2>"$SCRATCH/err" &
  pid=$!
  exec 7>"$fifo"
  cat "$input" >&7
  wait_for 10 lines_are "$SCRATCH/got" "$want_lines"
  stopped "$pid"; status=$?
  exec 7>&-
  if [ "$status" -eq 0 ] && cmp -s "$SCRATCH/want" "$SCRATCH/got" && ! grep -q "not a scap" "$SCRATCH/err"; then
    pass "$kind: SIGTERM on an open pipe: exit 0, all lines"
  else
    fail "$kind: SIGTERM on an open pipe: exit $status, $(wc -l <"$SCRATCH/got") lines: $(head -c 300 "$SCRATCH/err")"
  fi

  # 3. -w FILE from an open pipe, stopped: a complete capture that reads in full.
  rm -f "$SCRATCH/out.scap"
  "$TRACETOP" -r - -w "$SCRATCH/out.scap" <"$fifo" 2>"$SCRATCH/err" &
  feed_then_stop $! "$input"
  "$TRACETOP" -r "$SCRATCH/out.scap" --print >"$SCRATCH/got" 2>>"$SCRATCH/err"
  if [ "$status" -eq 0 ] && cmp -s "$SCRATCH/want" "$SCRATCH/got"; then
    pass "$kind: -w FILE, SIGTERM on an open pipe: exit 0, the file reads in full"
  else
    fail "$kind: -w FILE, SIGTERM on an open pipe: exit $status, $(wc -l <"$SCRATCH/got") lines read back: $(head -c 300 "$SCRATCH/err")"
  fi
  if command -v sysdig >/dev/null; then
    got=$(oracle -r "$SCRATCH/out.scap" | wc -l)
    sysdig_want=$(oracle -r "$curl" | wc -l)
    [ "$got" -eq "$sysdig_want" ] && pass "$kind: sysdig reads all $got events of the -w file" ||
      fail "$kind: sysdig reads $got events of the -w file, $sysdig_want of the input"
  fi
done

# A chain, the writer a tracetop that streams (-w -) what an open pipe brings:
# the reader prints every event while both stay open.
"$TRACETOP" -r - -w - <"$fifo" 2>"$SCRATCH/err1" | "$TRACETOP" -r - --print >"$SCRATCH/got" 2>"$SCRATCH/err" &
pid=$!
exec 7>"$fifo"
cat "$curl" >&7
all_lines_while_open "-r - -w - | -r - --print, pipe open" "$SCRATCH/err1" "$SCRATCH/err"
exec 7>&-
wait_for 10 eval "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid"
wait "$pid"; status=$?
[ "$status" -eq 0 ] && pass "the chain ends with its input, exit 0" || fail "the chain: exit $status: $(head -c 300 "$SCRATCH/err")"

# 4. --json, stopped on an open pipe: the table of what arrived.
"$TRACETOP" -r - --json <"$fifo" >"$SCRATCH/got.json" 2>"$SCRATCH/err" &
feed_then_stop $! "$curl"
"$TRACETOP" -r "$curl" --json >"$SCRATCH/want.json"
[ "$status" -eq 0 ] && [ -s "$SCRATCH/want.json" ] && cmp -s "$SCRATCH/want.json" "$SCRATCH/got.json" &&
  pass "--json, SIGTERM on an open pipe: exit 0, -r FILE's table" ||
  fail "--json, SIGTERM on an open pipe: exit $status: $(head -c 300 "$SCRATCH/err")"

# 5. Stopped before any byte came: the truth, not "not a scap capture".
"$TRACETOP" -r - --print <"$fifo" >"$SCRATCH/got" 2>"$SCRATCH/err" &
pid=$!
exec 7>"$fifo"
sleep 0.3
wait_for 10 waiting "$pid"
stopped "$pid"; status=$?
exec 7>&-
if grep -q "standard input: stopped before a capture arrived" "$SCRATCH/err" && ! grep -q "not a scap" "$SCRATCH/err" &&
  [ "$status" -le 1 ]; then
  pass "stopped before any byte: exit $status, $(cat "$SCRATCH/err")"
else
  fail "stopped before any byte: exit $status: $(head -c 300 "$SCRATCH/err")"
fi

# 6. Not a capture, the pipe still open: said as soon as the first bytes show it.
"$TRACETOP" -r - --print <"$fifo" >"$SCRATCH/got" 2>"$SCRATCH/err" &
pid=$!
exec 7>"$fifo"
echo "hello, this is not a capture at all" >&7
if wait_for 10 eval "! kill -0 $pid 2>/dev/null"; then
  wait "$pid"; status=$?
  [ "$status" -eq 1 ] && grep -q "standard input: not a scap capture" "$SCRATCH/err" &&
    pass "text on an open pipe: at once, $(cat "$SCRATCH/err")" || fail "text on an open pipe: exit $status: $(cat "$SCRATCH/err")"
else
  kill -KILL "$pid"; wait "$pid"
  fail "text on an open pipe: still running after 10 s"
fi
exec 7>&-
finish
