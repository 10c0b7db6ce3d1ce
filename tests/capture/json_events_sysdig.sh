#!/usr/bin/env bash
# -j prints events as sysdig 0.29.3's JSON lines, byte for byte on both
# shared captures: keys in sysdig's order, evt.info with buffers whole,
# proc.name null for threads sysdig does not know (-D), -A/-X buffers
# inside the JSON string, and a filter. --json stays the view's JSON.
source "$(dirname "$0")/lib.sh"
need_sysdig

same_output "-j" -j
same_output "-j -D" -j -D
same_output "-j -A" -j -A
same_output "-j -X" -j -X
same_output "-j -b" -j -b
same_output "-j evt.is_io=true" -j evt.is_io=true

f="$CAPTURES/curl_google.scap"
"$TRACETOP" -r "$f" --json -v procs | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); assert isinstance(d, dict)' &&
  pass "--json is still one JSON object (a view)" || fail "--json no longer prints a view"
"$TRACETOP" -r "$f" -j -p '%proc.name' >/dev/null 2>&1
rc=$?
[ "$rc" = 2 ] && pass "-j -p: refused" || fail "-j -p: exit $rc"
finish
