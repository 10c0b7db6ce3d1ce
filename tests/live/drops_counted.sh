# A ring that fills loses events, and every loss is counted: with 1 MiB rings
# and tracetop held still (SIGSTOP) while two getppid loops per CPU run, the
# capture lacks some of the loops' events, tracetop reports drops, and the
# loops' events it holds plus the drops account for at least every event the
# loops made (the drops may also include other processes' events). A loose
# guard on what overload costs the workload (the target itself is measured by
# bench/overload.sh): the loops' own CPU time per call, held full, stays under
# SLOWDOWN_BOUND (10) times that of the same loops run untraced just before.
# A probe that spins or stalls on a full ring fails it; noise does not.
source "$(dirname "$0")/lib.sh"
need_root
: "${GETPPID_LOOP:?run through meson test}"

calls=200000
writers=$((2 * $(nproc)))
cap="$SCRATCH/drops.scap"
# Runs the writers, each loop's report in $SCRATCH/$1.N; prints their CPU
# time over their calls in ns (getppid_loop times itself); fails if one did.
run_writers() {
  local i pids=() rc=0
  for i in $(seq "$writers"); do "$GETPPID_LOOP" "$calls" >"$SCRATCH/$1.$i" & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i" || rc=1; done
  cat "$SCRATCH/$1".* | awk '{cpu += $3 * $5; calls += $5} END {printf "%.1f\n", cpu / calls}'
  return "$rc"
}
untraced=$(run_writers untraced) || fail "an untraced getppid loop failed"
"$TRACETOP" -w "$cap" --buffer-mb 1 2>"$SCRATCH/tracetop.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/tracetop.err"
kill -STOP "$tt"
overloaded=$(run_writers overloaded) || fail "a getppid loop failed"
kill -INT "$tt"
kill -CONT "$tt"
wait "$tt" || { fail "tracetop failed: $(cat "$SCRATCH/tracetop.err")"; finish; }

drops=$(sed -n 's/.* events captured, \([0-9]*\) dropped.*/\1/p' "$SCRATCH/tracetop.err")
[ -n "$drops" ] || { fail "no capture summary: $(cat "$SCRATCH/tracetop.err")"; finish; }
made=$((2 * calls * writers))  # an enter and an exit event per call
# -D: every event, so the loops' start-up calls count as received too.
got=$("$TRACETOP" -r "$cap" -D -p '*%evt.num' 'proc.name=getppid_loop and evt.type=getppid' | wc -l)
[ "$drops" -gt 0 ] && pass "drops reported ($drops)" || fail "no drops reported with 1 MiB rings held full"
[ "$got" -lt "$made" ] && pass "the capture lacks some of the loops' events ($got of $made)" ||
  fail "the capture holds all $made loop events despite full rings"
[ $((got + drops)) -ge "$made" ] && pass "received + dropped ($got + $drops) >= made ($made)" ||
  fail "events unaccounted for: received $got + dropped $drops < made $made"
grep -Eq 'dropped \(cpu [0-9]+: [0-9]+' "$SCRATCH/tracetop.err" && pass "drops broken down per CPU" ||
  fail "no per-CPU breakdown: $(cat "$SCRATCH/tracetop.err")"
# The per-CPU figures add up to the total.
per_cpu_sum=$(grep -o 'cpu [0-9]*: [0-9]*' "$SCRATCH/tracetop.err" | awk -F': ' '{s += $2} END {print s + 0}')
[ "$per_cpu_sum" -eq "$drops" ] && pass "per-CPU drops add up to the total ($per_cpu_sum)" ||
  fail "per-CPU drops add up to $per_cpu_sum, the total says $drops"
# Tolerance: drops beyond the loops' missing events are other processes'
# events lost while tracetop was stopped; they cannot exceed what the loops
# made (the loops outnumber everything else here), which a double count would.
missing=$((made - got))
excess=$((drops - missing))
echo "made $made, received $got, missing $missing, dropped $drops: $excess drops of other processes"
[ "$excess" -le "$made" ] && pass "drops not explained by the loops ($excess) stay below what the loops made" ||
  fail "drops exceed the loops' missing events by $excess (more than the $made events they made)"
bound=${SLOWDOWN_BOUND:-10}
slowdown=$(awk -v a="$overloaded" -v b="$untraced" 'BEGIN {printf "%.2f", a / b}')
echo "the loops' CPU time per call: untraced $untraced ns, held full $overloaded ns = ${slowdown}x (bound ${bound}x)"
awk -v s="$slowdown" -v b="$bound" 'BEGIN {exit !(s < b)}' &&
  pass "overload slows the loops ${slowdown}x (under ${bound}x of their untraced cost)" ||
  fail "overload slows the loops ${slowdown}x, beyond ${bound}x of their untraced cost ($untraced -> $overloaded CPU ns/call)"
finish
