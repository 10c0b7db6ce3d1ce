#!/usr/bin/env bash
# Standard input and output as sysdig users use them: with no mode chosen
# and standard output not a terminal, tracetop prints events (and ends when
# the reader of the pipe goes away); the explorer refuses to run without a
# terminal; `-r -` reads a capture from standard input, `-w -` writes one to
# standard output.
source "$(dirname "$0")/lib.sh"
need_sysdig

curl="$CAPTURES/curl_google.scap"
ipv6="$CAPTURES/single_ipv6_conn.scap"
cd "$SCRATCH" || exit 1  # a tracetop that took "-" for a name writes it here

# 1. | head: sysdig's first lines, and an end as soon as head has them, even
# on an endless input (the capture again and again down a pipe).
oracle -r "$curl" | head -5 >"$SCRATCH/want"
timeout 20 "$TRACETOP" -r "$curl" | head -5 >"$SCRATCH/got"
cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "tracetop -r F | head: sysdig's first lines" ||
  { fail "tracetop -r F | head: not sysdig's first lines"; diff "$SCRATCH/want" "$SCRATCH/got" | head -5; }
start=$SECONDS
(while cat "$curl"; do :; done) | timeout 20 "$TRACETOP" -r - 2>"$SCRATCH/err" | head -3 >"$SCRATCH/got"
statuses=("${PIPESTATUS[@]}")
if [ "${statuses[1]}" -ne 124 ] && [ "$(wc -l <"$SCRATCH/got")" -eq 3 ]; then
  pass "an endless capture | head -3: ends with head ($((SECONDS - start)) s, status ${statuses[1]})"
else
  fail "an endless capture | head -3: status ${statuses[1]} (124: still running after 20 s): $(head -c 300 "$SCRATCH/err")"
fi
# Into a file: the lines --print prints.
timeout 20 "$TRACETOP" -r "$ipv6" >"$SCRATCH/got" 2>"$SCRATCH/err" || fail "tracetop -r F > file: exit $?"
"$TRACETOP" -r "$ipv6" --print >"$SCRATCH/want"
[ -s "$SCRATCH/want" ] && cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "tracetop -r F > file: --print's lines" ||
  fail "tracetop -r F > file: not --print's lines ($(wc -l <"$SCRATCH/got") lines)"

# 2. The explorer without a terminal: a message and status 2 at once, no spin.
refused() {  # refused WHAT COMMAND...: runs COMMAND, expects the refusal
  local what=$1; shift
  timeout 10 "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"; local status=$?
  if [ "$status" -eq 2 ] && grep -q "needs a terminal" "$SCRATCH/err"; then
    pass "$what: refused ($(cat "$SCRATCH/err"))"
  else
    fail "$what: status $status (124: still running after 10 s): $(head -c 300 "$SCRATCH/err")"
  fi
}
refused "--explore into a pipe" "$TRACETOP" -r "$curl" --explore
# A terminal on standard output (script's pseudo-terminal) but not on input.
command -v script >/dev/null || fail "script (util-linux) is needed for a pseudo-terminal"
timeout 10 script -qec "$(printf '%q ' "$TRACETOP" -r "$curl") </dev/null 2>$SCRATCH/err" /dev/null >/dev/null
status=$?
[ "$status" -eq 2 ] && grep -q "needs a terminal" "$SCRATCH/err" && pass "explorer, input not a terminal: refused" ||
  fail "explorer, input not a terminal: status $status (124: still running): $(head -c 300 "$SCRATCH/err")"

# 3. -r -: standard input, gzip (as the shared captures are) or raw.
for f in "$curl" "$ipv6"; do
  name=$(basename "$f")
  oracle -r "$f" >"$SCRATCH/want"
  "$TRACETOP" -r - --print <"$f" >"$SCRATCH/got" 2>"$SCRATCH/err"
  [ -s "$SCRATCH/want" ] && cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "$name: -r - (gzip) prints what sysdig -r prints" ||
    fail "$name: -r - (gzip): $(wc -l <"$SCRATCH/got") lines, sysdig $(wc -l <"$SCRATCH/want"): $(head -c 300 "$SCRATCH/err")"
  zcat "$f" | "$TRACETOP" -r - --print >"$SCRATCH/got" 2>"$SCRATCH/err"
  cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "$name: -r - (raw, a pipe) prints what sysdig -r prints" ||
    fail "$name: -r - (raw): $(wc -l <"$SCRATCH/got") lines: $(head -c 300 "$SCRATCH/err")"

  # 4. -w -: the capture, and nothing else, on standard output.
  for z in "" -z; do
    "$TRACETOP" -r "$f" -w - $z >"$SCRATCH/out.scap" 2>"$SCRATCH/err" || fail "$name: -w - $z: exit $?"
    oracle -r "$SCRATCH/out.scap" -D >"$SCRATCH/got"
    oracle -r "$f" -D >"$SCRATCH/want_d"
    [ -s "$SCRATCH/want_d" ] && cmp -s "$SCRATCH/want_d" "$SCRATCH/got" && pass "$name: -w - $z: sysdig reads what it reads in F" ||
      fail "$name: -w - $z: sysdig reads $(wc -l <"$SCRATCH/got") events: $(head -c 300 "$SCRATCH/err")"
  done
  [ -e ./- ] && fail "$name: -w - created a file named -"
  # Round trip through pipes, filter applied on the way: as -w FILE.
  "$TRACETOP" -r "$f" -w "$SCRATCH/file.scap" 'evt.type=connect'
  "$TRACETOP" -r - -w - 'evt.type=connect' <"$f" | timeout 20 "$TRACETOP" -r - -D >"$SCRATCH/got"
  "$TRACETOP" -r "$SCRATCH/file.scap" -D --print >"$SCRATCH/want"
  [ -s "$SCRATCH/want" ] && cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "$name: -r - -w - FILTER | -r -: as -w FILE" ||
    fail "$name: -r - -w - FILTER | -r -: $(wc -l <"$SCRATCH/got") lines, -w FILE $(wc -l <"$SCRATCH/want")"
done

# -w - gets standard output to itself: not with --print, not onto a terminal.
"$TRACETOP" -r "$curl" -w - --print >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
[ "$status" -eq 2 ] && [ ! -s "$SCRATCH/out" ] && pass "-w - --print: refused" || fail "-w - --print: status $status"
timeout 10 script -qec "$(printf '%q ' "$TRACETOP" -r "$curl" -w -) 2>$SCRATCH/err" /dev/null >"$SCRATCH/out"
status=$?
[ "$status" -eq 2 ] && grep -q "terminal" "$SCRATCH/err" && pass "-w - onto a terminal: refused" ||
  fail "-w - onto a terminal: status $status: $(head -c 300 "$SCRATCH/err")"
finish
