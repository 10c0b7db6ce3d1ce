# A filter that names event types narrows the capture in the kernel (the
# probe then runs on those calls' own tracepoints and the model's): it still
# sees every event it asks for, and the model keeps fds and threads right for
# them; a filter on a process keeps every call.
source "$(dirname "$0")/lib.sh"
need_root

# How the probe attached (TRACETOP_BPF_DEBUG's line) in the last run.
probe_mode() { sed -n 's/^tracetop: probe: \([a-z/ -]*\).*/\1/p' "$SCRATCH/tracetop.err"; }
# `< openat` lines of the last workload's processes (its report's pids: a
# workload of another test may run at the same time) in file $1.
openats() {
  local pids
  pids=$(printf '%s|%s|%s|%s' "$(report pid)" "$(report child)" "$(report execveat_child)" "$(report segv_child)")
  grep -cE "^[0-9]+ (tt_workload|tt_child) ($pids) [0-9]+ < openat " "$1"
}

export TRACETOP_BPF_DEBUG=1

# 1. The full capture (a filter on processes cannot be decided by type) as
# the reference.
full="$SCRATCH/full.txt"
run_workload_under "$full" --print -p "$FMT" --duration 6 "$FILTER"
case "$(probe_mode)" in
  raw*) pass "a proc.name filter keeps every call (raw dispatchers)" ;;
  *) fail "a proc.name filter narrowed the capture: $(probe_mode)" ;;
esac
want=$(openats "$full")
[ "$want" -gt 0 ] || fail "the reference run saw no openat of the workload"

# 2. evt.type=openat: the same openats, named by the model.
narrow="$SCRATCH/openat.txt"
run_workload_under "$narrow" --print -p "$FMT" --duration 6 'evt.type=openat'
case "$(probe_mode)" in
  per-syscall*) pass "evt.type=openat runs on per-syscall tracepoints" ;;
  *) fail "evt.type=openat did not narrow the capture: $(probe_mode)" ;;
esac
got=$(openats "$narrow")
if [ "$got" -eq "$want" ]; then pass "evt.type=openat saw all $want openats of the workload"
else fail "evt.type=openat saw $got openats of the workload, the full capture $want"; fi
pid=$(report pid); file=$(report file)
expect_line "$narrow" "^[0-9]+ tt_workload $pid $pid < openat $file fd=[0-9]+\(<f>$file\)" "openat of $file by tt_workload $pid"
expect_line "$narrow" "^[0-9]+ tt_child [0-9]+ [0-9]+ < openat " "openats of tt_child, named after its execve"
expect_no_drops

# 3. Writes of one process: the model still names their fds, opened by
# calls outside the filter (openat, connect, accept).
writes="$SCRATCH/write.txt"
run_workload_under "$writes" --print -p "$FMT" --duration 6 'evt.type=write and proc.name=tt_workload'
case "$(probe_mode)" in
  per-syscall*) pass "evt.type=write and proc.name=... runs on per-syscall tracepoints" ;;
  *) fail "evt.type=write and proc.name=... did not narrow the capture: $(probe_mode)" ;;
esac
pid=$(report pid); file=$(report file); bytes=$(report file_bytes)
sport=$(report server_port); cport=$(report client_port); ping=$(report ping_bytes)
tuple="127\.0\.0\.1:$cport->127\.0\.0\.1:$sport"
expect_line "$writes" "^[0-9]+ tt_workload $pid $pid < write $file res=$bytes " "write to $file names the file"
expect_line "$writes" "^[0-9]+ tt_workload $pid $pid < write $tuple res=$ping " "write on the connection names its tuple"
if grep -vE '^[0-9]+ tt_workload [0-9]+ [0-9]+ [<>] write ' "$writes" | grep -q .; then
  fail "lines other than the workload's writes: $(grep -vE ' [<>] write ' "$writes" | head -3)"
else pass "only the workload's writes printed"; fi

# 4. A process's every call: getppid (no filler, not in the model's set)
# seen exactly as often as the loop makes it. A name of this run's own: the
# benchmarks run getppid_loop too.
n=2000
loop="$SCRATCH/ppid$$"
cp "$GETPPID_LOOP" "$loop"
loop_out="$SCRATCH/loop.txt"
"$TRACETOP" "${RINGS[@]}" --print -p '%evt.dir %evt.type' --duration 4 "proc.name=ppid$$" >"$loop_out" 2>"$SCRATCH/tracetop.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/tracetop.err"
"$loop" "$n" >/dev/null
wait "$tt" || fail "tracetop failed: $(cat "$SCRATCH/tracetop.err")"
enters=$(grep -c '^> getppid$' "$loop_out"); exits=$(grep -c '^< getppid$' "$loop_out")
if [ "$enters" -eq "$n" ] && [ "$exits" -eq "$n" ]; then pass "proc.name=ppid$$ saw its $n getppid calls"
else fail "proc.name=ppid$$ saw $enters getppid enters and $exits exits of $n ($(grep 'events captured' "$SCRATCH/tracetop.err"))"; fi
finish
