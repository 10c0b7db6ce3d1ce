#!/usr/bin/env bash
# -t h|a|r|d|D, the time column of event lines, equals sysdig 0.29.3's on
# every line of both shared captures: with and without -D (procinfo events
# show the thread's latest latency with -t d) and with a filter (-t D
# measures from the previous printed line, not the previous event read).
source "$(dirname "$0")/lib.sh"
need_sysdig

for t in h a r d D; do
  same_output "-t $t" -t "$t"
  same_output "-t $t -D" -t "$t" -D
done
same_output "-t D evt.dir=<" -t D "evt.dir=<"
same_output "-t r evt.is_io=true" -t r evt.is_io=true

# A letter sysdig does not know is a usage error, as in sysdig.
"$TRACETOP" -r "$CAPTURES/curl_google.scap" -t x >/dev/null 2>"$SCRATCH/err"
rc=$?
[ "$rc" = 2 ] && grep -q -- "-t takes h, a, r, d or D" "$SCRATCH/err" && pass "-t x: usage error" ||
  fail "-t x: exit $rc, $(cat "$SCRATCH/err")"
finish
