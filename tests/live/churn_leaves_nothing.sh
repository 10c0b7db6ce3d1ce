# Churn: while tracetop captures, 10,000 short-lived processes (a quarter with
# a second thread, a tenth exec'ing) come and go. Afterwards the model holds
# no more than before, within a margin for what the rest of the machine did
# meanwhile: threads and processes +64, fds +256, interned strings +256, heap
# +4 MiB (10,000 processes leave nothing behind if these hold; one leaked
# thread each would be 10,000). No drops allowed in that run. Then the same
# with drops: 1 MiB rings and tracetop stopped (SIGSTOP) while 3,000
# processes come and go, so that many exits are lost; the threads and fds of
# processes gone from /proc must be swept from the model all the same.
source "$(dirname "$0")/lib.sh"
need_root
: "${CHURN:?run through meson test}"

export TRACETOP_MODEL_STATS=1
# A filter nothing matches: every event goes through the model, nothing is printed.
"$TRACETOP" "${RINGS[@]}" --print 'proc.name=no-such-process-xyz' >"$SCRATCH/out" 2>"$SCRATCH/tracetop.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/tracetop.err"
for _ in $(seq 100); do grep -q 'model at start' "$SCRATCH/tracetop.err" && break; sleep 0.05; done
start_ts=$(date +%s.%N)
"$CHURN" 10000 8 >"$SCRATCH/report" || fail "the churn workload failed: $(cat "$SCRATCH/report")"
took=$(echo "$(date +%s.%N) - $start_ts" | bc)
kill -INT "$tt"
wait "$tt" || { fail "tracetop failed: $(cat "$SCRATCH/tracetop.err")"; finish; }
echo "churn: $(cat "$SCRATCH/report") in ${took}s"
cat "$SCRATCH/tracetop.err"
expect_no_drops
# The churn was seen: each process makes a few dozen events (fork, open, socket, exit...).
events=$(sed -n 's/.*tracetop: \([0-9]*\) events captured.*/\1/p' "$SCRATCH/tracetop.err")
[ "${events:-0}" -ge 100000 ] && pass "the churn was captured ($events events)" ||
  fail "only ${events:-no} events captured: the churn was not seen"

# field N WHEN: the number before the Nth label on the "model at WHEN" line.
field() { sed -n "s/.*model at $2: .*\b\([0-9][0-9]*\) $1.*/\1/p" "$SCRATCH/tracetop.err"; }
for what in "threads:64" "processes:64" "fds:256" "strings:256"; do
  name=${what%%:*} margin=${what#*:}
  before=$(field "$name" start) after=$(field "$name" end)
  if [ -z "$before" ] || [ -z "$after" ]; then fail "no model $name in the report"; continue; fi
  if [ "$after" -le $((before + margin)) ]; then
    pass "$name: $before before, $after after (margin $margin)"
  else
    fail "$name grew from $before to $after (margin $margin) across 10,000 processes"
  fi
done
before=$(sed -n 's/.*model at start: .*heap \([0-9]*\) KiB/\1/p' "$SCRATCH/tracetop.err")
after=$(sed -n 's/.*model at end: .*heap \([0-9]*\) KiB/\1/p' "$SCRATCH/tracetop.err")
if [ -z "$before" ] || [ -z "$after" ]; then
  fail "no heap figure in the report"
elif [ "$before" -eq 0 ]; then
  echo "note: the heap figure is 0 (a sanitizer's allocator answers mallinfo2 with nothing); not checked"
elif [ "$after" -le $((before + 4096)) ]; then
  pass "heap: $before KiB before, $after KiB after (margin 4096 KiB)"
else
  fail "heap grew from $before KiB to $after KiB (margin 4096 KiB)"
fi

# With drops.
"$TRACETOP" --buffer-mb 1 --print 'proc.name=no-such-process-xyz' >"$SCRATCH/out" 2>"$SCRATCH/drops.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/drops.err"
for _ in $(seq 100); do grep -q 'model at start' "$SCRATCH/drops.err" && break; sleep 0.05; done
kill -STOP "$tt"
"$CHURN" 3000 8 >"$SCRATCH/report" || fail "the churn workload failed: $(cat "$SCRATCH/report")"
kill -CONT "$tt"
sleep 12  # two sweeps (every 5 s): one may come before the backlog is read
kill -INT "$tt"
wait "$tt" || { fail "tracetop failed: $(cat "$SCRATCH/drops.err")"; finish; }
cat "$SCRATCH/drops.err"
grep -qE ', [1-9][0-9]* dropped' "$SCRATCH/drops.err" || fail "no drops with 1 MiB rings held still"
dfield() { sed -n "s/.*model at $2: .*\b\([0-9][0-9]*\) $1.*/\1/p" "$SCRATCH/drops.err"; }
for what in "threads:64" "processes:64" "fds:256"; do
  name=${what%%:*} margin=${what#*:}
  before=$(dfield "$name" start) after=$(dfield "$name" end)
  if [ -n "$before" ] && [ -n "$after" ] && [ "$after" -le $((before + margin)) ]; then
    pass "with drops, $name: $before before, $after after (margin $margin)"
  else
    fail "with drops, $name grew from ${before:-?} to ${after:-?} (margin $margin): lost exits stay in the model"
  fi
done
finish
