#!/usr/bin/env bash
# -L lists the events sysdig 0.29.3 lists, byte for byte: its old layouts
# included (select, mkdir, dup, the first execve...), each with the
# parameters 0.29.3 listed (send's exit without the fd, size and tuple the
# probe writes since), and sysdig's type names (CHARBUF_PAIR_ARRAY).
source "$(dirname "$0")/lib.sh"
need_sysdig

oracle -L >"$SCRATCH/want"
"$TRACETOP" -L >"$SCRATCH/got" 2>"$SCRATCH/err" || fail "tracetop -L exited $?: $(head -3 "$SCRATCH/err")"
if [ "$(wc -l <"$SCRATCH/want")" -lt 200 ]; then
  fail "sysdig -L printed $(wc -l <"$SCRATCH/want") lines: no list to compare with"
elif cmp -s "$SCRATCH/want" "$SCRATCH/got"; then
  pass "-L: $(wc -l <"$SCRATCH/got") lines, byte for byte sysdig's"
else
  fail "-L differs from sysdig -L:"; diff "$SCRATCH/want" "$SCRATCH/got" | head -20
fi
grep -qx '< send(ERRNO res, BYTEBUF data)' "$SCRATCH/got" && pass "-L: send's exit as 0.29.3 listed it" ||
  fail "-L: send's exit is not 0.29.3's"
finish
