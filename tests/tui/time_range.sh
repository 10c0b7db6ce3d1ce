#!/usr/bin/env bash
# Time ranges (issue 15): a range selected on the timeline strip with the
# keys and with the mouse gives, row for row, the numbers `--json --from
# --to` prints for the range the header names; '=' gives the whole capture
# back. A tiny --memory-budget says the file is read again, and still works.
source "$(dirname "$0")/lib.sh"

# The header's "Range: +A to +B" as the two offsets "+A +B" (seconds, 9 decimals).
range_shown() { screen | head -1 | sed -n 's/.*Range: \(+[0-9.]*\)s to \(+[0-9.]*\)s.*/\1 \2/p'; }

# compare_with_json FROM TO: every row on the screen (calls, name) is the
# --json row of that name over the same range, and as many rows.
compare_with_json() {
  local what=$1 from=$2 to=$3
  "$TRACETOP" -r "$CAPTURE" --json -v syscalls --from "$from" --to "$to" > "$SCRATCH/json" || {
    fail "$what: --json --from $from --to $to runs"; return; }
  screen > "$SCRATCH/screen"
  if /usr/bin/python3 - "$SCRATCH/json" "$SCRATCH/screen" <<'PY'; then pass "$what: the screen shows what --json --from $from --to $to prints"; else fail "$what: the screen differs from --json --from $from --to $to"; fi
import json, sys
rows = {r["values"]["name"]: r["values"]["calls"] for r in json.load(open(sys.argv[1]))["rows"]}
lines = open(sys.argv[2]).read().splitlines()
start = next(i for i, l in enumerate(lines) if "CALLS" in l and "System Call" in l) + 1
seen = {}
for l in lines[start:]:
    parts = l.split()
    if len(parts) < 2 or not parts[0].isdigit():
        continue
    seen[parts[-1]] = int(parts[0])
if not rows or seen != rows:
    print("screen:", seen, "\njson:", rows)
    sys.exit(1)
PY
}

start 140 70 -r "$CAPTURE" -v syscalls
check "started" "clock_gettime"
# Narrowed and moved into the middle of curl's burst (+5.514 s to +5.588 s):
# the range cuts it, so its numbers are neither all nor nothing.
for k in '{' ']' '{' '{' '{' '[' '{' '[' '{'; do keys "$k"; sleep 0.1; done
wait_for "Range: " || fail "the header shows the range after the keys"
sleep 0.5
read -r from to <<< "$(range_shown)"
if [[ -n $from && -n $to ]]; then pass "keys select a range ($from to $to)"; else fail "keys select a range"; fi
check "the range holds part of curl's burst" "clock_gettime"
compare_with_json "keys" "$from" "$to"
calls() { /usr/bin/python3 -c 'import json, sys; print(sum(r["values"]["calls"] for r in json.load(sys.stdin)["rows"]))'; }
part=$("$TRACETOP" -r "$CAPTURE" --json -v syscalls --from "$from" --to "$to" | calls)
all=$("$TRACETOP" -r "$CAPTURE" --json -v syscalls | calls)
if ((part > 0 && part < all)); then pass "the range leaves events out ($part of $all calls)"; else fail "the range leaves events out ($part of $all calls)"; fi
# Half-open: --to X and --from X split the capture without losing or sharing a call.
early=$("$TRACETOP" -r "$CAPTURE" --json -v syscalls --to "$from" | calls)
late=$("$TRACETOP" -r "$CAPTURE" --json -v syscalls --from "$from" | calls)
if ((early > 0 && late > 0 && early + late == all)); then pass "--to X and --from X split the calls ($early + $late = $all)"
else fail "--to X and --from X split the calls ($early + $late, all $all)"; fi
# A range past the end, or ending before it starts, is said, not an empty table in silence.
note=$("$TRACETOP" -r "$CAPTURE" --json -v syscalls --from +100000 2>&1 >/dev/null)
if [[ $note == *"no event inside the range"* ]]; then pass "a range past the end is said ($note)"; else fail "a range past the end is said (got: $note)"; fi
"$TRACETOP" -r "$CAPTURE" --print --from +2 --to +1 >/dev/null 2>"$SCRATCH/inverted"; status=$?
if ((status == 2)) && grep -q -- "--to must be after --from" "$SCRATCH/inverted"; then pass "an inverted range is refused"
else fail "an inverted range is refused (status $status: $(cat "$SCRATCH/inverted"))"; fi

keys '='
check_gone "= gives the whole capture back" "Range: "
compare_with_json "whole" "+0" "+100"

# The mouse: press on the strip's tallest column and release two columns on.
strip_y=2
col=$(screen | sed -n "$((strip_y + 1))p" | /usr/bin/python3 -c 'import sys; l = sys.stdin.read().rstrip("\n"); print(l.index("\u2588"))')
raw "$(printf '\033[<0;%d;%dM' $((col + 1)) $((strip_y + 1)))"
raw "$(printf '\033[<0;%d;%dm' $((col + 3)) $((strip_y + 1)))"
wait_for "Range: " || fail "a drag on the strip selects a range"
sleep 0.5
read -r from to <<< "$(range_shown)"
if [[ -n $from && -n $to ]]; then pass "the mouse selects a range ($from to $to)"; else fail "the mouse selects a range"; fi
compare_with_json "mouse" "$from" "$to"
keys q
check "quits cleanly" "EXIT STATUS 0"

# A budget too small for the capture: a clear message, and the views still come.
start 140 70 -r "$CAPTURE" -v syscalls --memory-budget 0
check "tiny budget: the explorer starts" "clock_gettime"
check "tiny budget: the header says the file is read again" "larger than --memory-budget 0 MiB"
keys '{'
check "tiny budget: a range is still computed (from the file)" "Range: "
keys q
check "tiny budget: quits cleanly" "EXIT STATUS 0"

# A range past the capture's end: the header says the range is empty once loaded.
start 140 40 -r "$CAPTURE" -v syscalls --from +100000
check "a range past the end: the header says it holds nothing" "no events in the range"
keys q
check "a range past the end: quits cleanly" "EXIT STATUS 0"

finish
