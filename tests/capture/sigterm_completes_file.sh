#!/usr/bin/env bash
# SIGTERM, Ctrl-C or a hang-up (SIGHUP) while recording: tracetop stops at an
# event boundary, completes the -w file and exits 0; sysdig reads every event
# it holds. Printing an input that never ends (a pipe whose writer stays),
# the same signals end it at once, with every event read printed.
source "$(dirname "$0")/lib.sh"
need_sysdig
: "${MAKE_BIG_CAPTURE:?run through meson test}"
# Run under nohup, SIGHUP reaches tracetop ignored, and stays so (as nohup
# asks): nothing to test then.
hup_ignored() { (( 0x$(awk '/^SigIgn/ {print $2}' /proc/$$/status) & 1 )); }
skip_hup() { [ "$1" = HUP ] && hup_ignored && { pass "SIGHUP: not tested: ignored by the test's parent (nohup)"; }; }

# A capture large enough that re-recording it takes a few seconds.
big="$SCRATCH/big.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURES/curl_google.scap" "$big" 3000000 >/dev/null || fail "could not build the input"
total=$("$TRACETOP" -r "$big" --print -D | wc -l)

for sig in TERM INT HUP; do
  skip_hup "$sig" && continue
  out="$SCRATCH/out-$sig.scap"
  "$TRACETOP" -r "$big" -w "$out" 2>"$SCRATCH/err" &
  pid=$!
  # Signal once recording is well under way (a fixed sleep is too short on a
  # loaded machine and too long on a fast one).
  for _ in $(seq 200); do
    [ "$(stat -c %s "$out" 2>/dev/null || echo 0)" -gt 8000000 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -"$sig" "$pid"
  wait "$pid"; status=$?
  [ "$status" -eq 0 ] && pass "SIG$sig: exit 0" || fail "SIG$sig: exit $status: $(cat "$SCRATCH/err")"
  sysdig -r "$out" -D >"$SCRATCH/sysdig.txt" 2>/dev/null; sysdig_status=$?
  got=$(wc -l <"$SCRATCH/sysdig.txt")
  ours=$("$TRACETOP" -r "$out" --print -D | wc -l)
  if [ "$sysdig_status" -eq 0 ] && [ "$got" -gt 0 ] && [ "$got" -lt "$total" ] && [ "$got" -eq "$ours" ]; then
    pass "SIG$sig: stopped early and the file is complete: sysdig and tracetop read $got of $total events"
  else
    fail "SIG$sig: sysdig exit $sysdig_status read $got events, tracetop $ours, of $total"
  fi
done

# --print, blocked reading a pipe that stays open: the signal ends the read.
small="$SCRATCH/small.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURES/curl_google.scap" "$small" 200000 >/dev/null || fail "could not build the small input"
small_total=$("$TRACETOP" -r "$small" --print -D | wc -l)
mkfifo "$SCRATCH/in" || fail "mkfifo"
for sig in TERM INT HUP; do
  skip_hup "$sig" && continue
  printed="$SCRATCH/print-$sig.txt"
  "$TRACETOP" -r - --print -D <"$SCRATCH/in" >"$printed" 2>"$SCRATCH/err" &
  pid=$!
  exec 7>"$SCRATCH/in"  # held open: the input never ends
  cat "$small" >&7      # returns once tracetop has read all but a pipe's worth
  # Signal once it waits for more (wchan says so where the kernel tells).
  waiting=0
  for _ in $(seq 200); do
    case $(cat "/proc/$pid/wchan" 2>/dev/null) in *pipe_read* | *pipe_wait*) waiting=1; break ;; esac
    sleep 0.05
  done
  start=$SECONDS
  kill -"$sig" "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then
    fail "SIG$sig: --print on an endless pipe still running 5 s after the signal"
    kill -9 "$pid"
  fi
  wait "$pid"; status=$?
  exec 7>&-
  got=$(wc -l <"$printed")
  # Signalled before it had read everything (no wchan), it stops early.
  if [ "$status" -eq 0 ] && { [ "$got" -eq "$small_total" ] || { [ "$waiting" -eq 0 ] && [ "$got" -gt 0 ]; }; }; then
    pass "SIG$sig: --print on an endless pipe ends in $((SECONDS - start)) s, exit 0, all $got events printed"
  else
    fail "SIG$sig: --print on an endless pipe: exit $status, $got of $small_total events printed: $(head -c 300 "$SCRATCH/err")"
  fi
done
finish
