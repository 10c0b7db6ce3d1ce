#!/usr/bin/env bash
# The classic chisel live: `tracetop -c echo_fds fd.name=FILE` shows what a
# process writes to FILE and what another reads back, with the bytes.
source "$(dirname "$0")/lib.sh"
need_root
[ -f /usr/share/sysdig/chisels/echo_fds.lua ] || { fail "sysdig's chisels are not installed (./setup.sh)"; finish; }

target="$SCRATCH/echo_target.txt"
payload="chisel-payload-$$-$RANDOM"
"$TRACETOP" "${RINGS[@]}" -c echo_fds "fd.name=$target" >"$SCRATCH/out" 2>"$SCRATCH/err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/err"
/bin/sh -c "printf '%s\n' '$payload' >'$target'"
/bin/cat "$target" >/dev/null
# The chisel prints as events arrive; give the drain a moment, then stop.
for _ in $(seq 50); do grep -q "Read" "$SCRATCH/out" 2>/dev/null && break; sleep 0.1; done
kill -INT "$tt"; wait "$tt"; status=$?
[ "$status" -eq 0 ] && pass "tracetop -c echo_fds ended cleanly on SIGINT" || fail "exit status $status: $(cat "$SCRATCH/err")"

bytes=$(( ${#payload} + 1 ))
grep -q -- "------ Write ${bytes}B to .* $target (sh)" "$SCRATCH/out" &&
  pass "the write of $bytes bytes by sh is announced" || fail "no write line: $(head -c 600 "$SCRATCH/out")"
grep -q -- "------ Read ${bytes}B from .* $target (cat)" "$SCRATCH/out" &&
  pass "the read by cat is announced" || fail "no read line: $(head -c 600 "$SCRATCH/out")"
[ "$(grep -c -- "$payload" "$SCRATCH/out")" -ge 2 ] &&
  pass "the bytes written and read are shown" || fail "payload shown $(grep -c -- "$payload" "$SCRATCH/out") times"
other=$(grep -- '------ ' "$SCRATCH/out" | grep -vc -- "$target")
[ "$other" -eq 0 ] && pass "only FILE's I/O is shown (the filter)" || fail "$other lines about other fds"
finish
