# tracetop -w, live: sysdig 0.29.3 and tracetop -r read the recording with
# the same number of events and the same file names and tuples.
source "$(dirname "$0")/lib.sh"
need_root
command -v sysdig >/dev/null || { echo "FAIL: sysdig (the oracle) is not installed; ./setup.sh installs it"; exit 1; }

cap="$SCRATCH/live.scap"
run_workload_under "$SCRATCH/stdout.txt" -w "$cap" --duration 6
[ -s "$cap" ] || { fail "no capture written"; finish; }
pid=$(report pid); file=$(report file); sport=$(report server_port); cport=$(report client_port)

sysdig -r "$cap" -p '*%evt.num %evt.type' >"$SCRATCH/sysdig.all" 2>"$SCRATCH/sysdig.err" ||
  fail "sysdig -r failed: $(tail -1 "$SCRATCH/sysdig.err")"
"$TRACETOP" -r "$cap" -p '*%evt.num %evt.type' >"$SCRATCH/tracetop.all" 2>&1 || fail "tracetop -r failed"
n_sysdig=$(wc -l <"$SCRATCH/sysdig.all"); n_tracetop=$(wc -l <"$SCRATCH/tracetop.all")
if [ "$n_sysdig" -gt 0 ] && [ "$n_sysdig" -eq "$n_tracetop" ]; then
  pass "same event count ($n_sysdig)"
else
  fail "event counts differ: sysdig $n_sysdig, tracetop $n_tracetop"
fi
if cmp -s "$SCRATCH/sysdig.all" "$SCRATCH/tracetop.all"; then pass "same event types in the same order"; else
  fail "event types differ: $(diff "$SCRATCH/sysdig.all" "$SCRATCH/tracetop.all" | head -3)"; fi

# The workload's names: files and tuples, as each reader resolves them.
names_filter="proc.pid=$pid and evt.dir=< and (evt.type=openat or evt.type=rename or evt.type=unlink or evt.type=connect or evt.type=accept or evt.type=write or evt.type=read)"
sysdig -r "$cap" -p '*%evt.num %evt.type %fd.name %evt.res' "$names_filter" >"$SCRATCH/sysdig.names" 2>/dev/null
"$TRACETOP" -r "$cap" -p '*%evt.num %evt.type %fd.name %evt.res' "$names_filter" >"$SCRATCH/tracetop.names" 2>&1
if [ -s "$SCRATCH/sysdig.names" ] && cmp -s "$SCRATCH/sysdig.names" "$SCRATCH/tracetop.names"; then
  pass "same file names and tuples ($(wc -l <"$SCRATCH/sysdig.names") events)"
else
  fail "names differ: $(diff "$SCRATCH/sysdig.names" "$SCRATCH/tracetop.names" | head -4)"
fi
expect_line "$SCRATCH/sysdig.names" " openat $file " "sysdig sees the openat of $file"
expect_line "$SCRATCH/sysdig.names" " connect 127\.0\.0\.1:$cport->127\.0\.0\.1:$sport " "sysdig sees the connect tuple"
# Events of the calls and cases added for issue 4 (vectored data, socket
# pairs, execveat, kernel-sent signals): sysdig shows the same arguments.
segv=$(report segv_child); ea=$(report execveat_child)
args_filter="(proc.name=tt_workload or proc.name=tt_child) and evt.type in (writev, readv, sendmsg, recvmsg, socketpair, execveat, signaldeliver)"
sysdig -r "$cap" -p '*%evt.num %thread.tid %evt.type %evt.args' "$args_filter" >"$SCRATCH/sysdig.args" 2>/dev/null
"$TRACETOP" -r "$cap" --print -p '*%evt.num %thread.tid %evt.type %evt.args' "$args_filter" >"$SCRATCH/tracetop.args" 2>&1
if [ -s "$SCRATCH/sysdig.args" ] && cmp -s "$SCRATCH/sysdig.args" "$SCRATCH/tracetop.args"; then
  pass "same arguments for vectored I/O, socketpair, execveat, signals ($(wc -l <"$SCRATCH/sysdig.args") events)"
else
  fail "arguments differ: $(diff "$SCRATCH/sysdig.args" "$SCRATCH/tracetop.args" | head -4 | cut -c1-300)"
fi
expect_line "$SCRATCH/sysdig.args" " writev res=[0-9]+ data=iov-one\|iov-two\|iov-three" "sysdig sees writev data across iovecs"
expect_line "$SCRATCH/sysdig.args" " socketpair res=0 fd1=" "sysdig sees the socketpair exit"
expect_line "$SCRATCH/sysdig.args" "^[0-9]+ $ea execveat res=0 exe=$CHILD " "sysdig sees the execveat exit"
expect_line "$SCRATCH/sysdig.args" "^[0-9]+ $segv signaldeliver spid=0 dpid=$segv" "sysdig sees SIGSEGV with sender 0"
expect_no_drops
finish
