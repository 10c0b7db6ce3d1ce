#!/usr/bin/env bash
# -S prints sysdig 0.29.3's table of event counts at the end, byte for byte
# on both shared captures: counts of every event read (internal ones too) or
# of those the filter accepts, and ties in sysdig's own order. -q prints no
# events: with -S only the table, alone nothing at all.
source "$(dirname "$0")/lib.sh"
need_sysdig

same_output "-S" -S
same_output "-S -q" -S -q
same_output "-S -D" -S -D
same_output "-S -q proc.name=curl" -S -q proc.name=curl
same_output "-S evt.is_io=true" -S evt.is_io=true
same_output "-S -q -D fd.type=ipv6" -S -q -D fd.type=ipv6

for f in "$CAPTURES"/*.scap; do
  name=$(basename "$f")
  out=$("$TRACETOP" -r "$f" -q | wc -c)
  [ "$out" = 0 ] && pass "$name -q: nothing printed" || fail "$name -q: printed $out bytes"
  "$TRACETOP" -r "$f" -q -w "$SCRATCH/q.scap" >"$SCRATCH/qw" 2>&1
  [ ! -s "$SCRATCH/qw" ] && [ "$(oracle -r "$SCRATCH/q.scap" | wc -l)" = "$(oracle -r "$f" | wc -l)" ] &&
    pass "$name -q -w: silent, the recording complete" || fail "$name -q -w: $(head -3 "$SCRATCH/qw")"
done
finish
