#!/usr/bin/env bash
# Capture sets (issue 15): a capture cut into three files (by tracetop
# itself, --to/--from -w) and opened as one -- the files given out of
# order, or the directory holding them -- browses like the file they were
# cut from: the same rows in every view, at the top level and a drill-down
# below it, and the same --print and --json.
source "$(dirname "$0")/lib.sh"

set_dir="$SCRATCH/set"
mkdir -p "$set_dir"
"$TRACETOP" -r "$CAPTURE" -w "$set_dir/part1.scap" --to +5.54 &&
  "$TRACETOP" -r "$CAPTURE" -w "$set_dir/part2.scap" --from +5.54 --to +5.587 &&
  "$TRACETOP" -r "$CAPTURE" -w "$set_dir/part3.scap" --from +5.587 || fail "cutting the capture in three"
for p in 1 2 3; do
  n=$("$TRACETOP" -r "$set_dir/part$p.scap" --print | wc -l)
  if ((n > 0)); then pass "part $p holds events ($n lines)"; else fail "part $p holds events"; fi
done

whole=$("$TRACETOP" -r "$CAPTURE" --print | md5sum)
parts=$("$TRACETOP" -r "$set_dir/part3.scap" -r "$set_dir/part1.scap" -r "$set_dir/part2.scap" --print | md5sum)
if [[ $whole == "$parts" ]]; then pass "--print of the set (given out of order) is the file's"; else fail "--print of the set is the file's"; fi
for v in procs syscalls files; do
  if [[ $("$TRACETOP" -r "$set_dir" --json -v $v | md5sum) == $("$TRACETOP" -r "$CAPTURE" --json -v $v | md5sum) ]]; then
    pass "--json -v $v of -r DIR is the file's"
  else
    fail "--json -v $v of -r DIR is the file's"
  fi
done

# Two files that overlap in time (cut by event number, not by time: each
# holds runs from the start to the end) are one capture in time order: the
# same events as the file (their numbers start at 1 in a cut file, so the
# first column is left out), with and without a range -- a --to that stops
# at the first later event sees every event before it.
"$TRACETOP" -r "$CAPTURE" -w "$set_dir/../early_late.scap" 'evt.num <= 500 or evt.num > 1000' &&
  "$TRACETOP" -r "$CAPTURE" -w "$set_dir/../middle.scap" 'evt.num > 500 and evt.num <= 1000' ||
  fail "cutting the capture by event number"
for range in "" "--to +5.56" "--from +5.3 --to +5.56"; do
  # shellcheck disable=SC2086 # the range is two words or none
  one=$("$TRACETOP" -r "$CAPTURE" --print $range | cut -d' ' -f2-)
  # shellcheck disable=SC2086
  two=$("$TRACETOP" -r "$set_dir/../middle.scap" -r "$set_dir/../early_late.scap" --print $range | cut -d' ' -f2-)
  if [[ -n $one && $one == "$two" ]]; then
    pass "two overlapping files print as the file they were cut from (${range:-whole})"
  else
    fail "two overlapping files print as the file they were cut from (${range:-whole})"
    diff <(echo "$one") <(echo "$two") | head -6
  fi
done
if [[ $("$TRACETOP" -r "$set_dir/../early_late.scap" -r "$set_dir/../middle.scap" --json -v procs --to +5.56 | md5sum) == \
  $("$TRACETOP" -r "$CAPTURE" --json -v procs --to +5.56 | md5sum) ]]; then
  pass "--json --to of two overlapping files is the file's"
else
  fail "--json --to of two overlapping files is the file's"
fi

# table VIEW ARGS...: the explorer's table (below the header) for VIEW,
# then the one a drill-down (Enter on the first row) shows.
table() {
  local view=$1
  shift
  start 140 60 "$@" -v "$view"
  wait_for "F1 h Help" 5
  wait_gone "Loading" 5
  sleep 0.3
  screen | sed -n '4,58p'
  keys Enter
  sleep 0.5
  wait_gone "Loading" 5
  echo "--- drilled"
  screen | sed -n '4,58p'
  keys q
}
for v in procs syscalls files; do
  table "$v" -r "$CAPTURE" > "$SCRATCH/table_one"
  table "$v" -r "$set_dir/part2.scap" -r "$set_dir/part3.scap" -r "$set_dir/part1.scap" > "$SCRATCH/table_set"
  if [[ $(grep -c . "$SCRATCH/table_one") -gt 4 ]] && cmp -s "$SCRATCH/table_one" "$SCRATCH/table_set"; then
    pass "the explorer's $v view and its drill-down: the set shows what the file shows"
  else
    fail "the explorer's $v view and its drill-down differ between the file and the set"
    diff "$SCRATCH/table_one" "$SCRATCH/table_set" | head -20
  fi
done

finish
