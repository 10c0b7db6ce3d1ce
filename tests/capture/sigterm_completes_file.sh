#!/usr/bin/env bash
# SIGTERM or Ctrl-C while recording: tracetop stops at an event boundary,
# completes the -w file and exits 0; sysdig reads every event it holds.
source "$(dirname "$0")/lib.sh"
need_sysdig
: "${MAKE_BIG_CAPTURE:?run through meson test}"

# A capture large enough that re-recording it takes a few seconds.
big="$SCRATCH/big.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURES/curl_google.scap" "$big" 3000000 >/dev/null || fail "could not build the input"
total=$("$TRACETOP" -r "$big" --print -D | wc -l)

for sig in TERM INT; do
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
finish
