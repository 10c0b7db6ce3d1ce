#!/usr/bin/env bash
# -A, -x, -X and -b print byte buffers (I/O data, argv, env, cgroups) as sysdig
# 0.29.3 does, byte for byte on both shared captures: whole instead of cut at
# 80 characters; -A keeps printable bytes and line ends; -x rows of 2-byte
# groups (an odd last byte alone); -X the same padded, with the text beside;
# -b base64.
source "$(dirname "$0")/lib.sh"
need_sysdig

for flag in -A -x -X -b; do
  same_output "$flag" "$flag"
  same_output "$flag -D" "$flag" -D
  same_output "$flag evt.is_io=true" "$flag" evt.is_io=true
done
same_output "-X -t r" -X -t r
# syscalltype (issue 14): -p's buffer fields and %evt.args take the format too.
for flag in -A -x -X -b; do
  same_output "$flag -p buffers" "$flag" -p '*%evt.num %evt.buffer|%evt.arg.data|%evt.args' evt.is_io=true
done

"$TRACETOP" -r "$CAPTURES/curl_google.scap" -A -x >/dev/null 2>"$SCRATCH/err"
rc=$?
[ "$rc" = 2 ] && pass "-A -x: refused (one buffer format)" || fail "-A -x: exit $rc"
finish
