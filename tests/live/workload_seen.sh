# tracetop --print, live, sees the workload's file I/O, TCP exchange (plain
# and vectored), socket pair, children (fork+exec, fork+execveat, a fault),
# signals and exits with the right names, pids, paths, tuple, sizes, data and
# results.
source "$(dirname "$0")/lib.sh"
need_root

out="$SCRATCH/print.txt"
run_workload_under "$out" --print -p "$FMT" --duration 6 "$FILTER"

pid=$(report pid); child=$(report child); file=$(report file); renamed=$(report renamed)
bytes=$(report file_bytes); sport=$(report server_port); cport=$(report client_port)
ping=$(report ping_bytes); pong=$(report pong_bytes); status=$(report child_status)
iov=$(report iov_bytes); pair1=$(report pair_fd1); pair2=$(report pair_fd2)
ea=$(report execveat_child); segv=$(report segv_child)
[ -n "$pid" ] && [ -n "$child" ] || { fail "the workload reported nothing"; finish; }
tuple="127\.0\.0\.1:$cport->127\.0\.0\.1:$sport"
w="tt_workload $pid $pid"

expect_line "$out" "^[0-9]+ tt_workload $pid $pid < execve .*res=0 exe=$WORKLOAD" "execve of the workload, pid $pid"
expect_line "$out" "^[0-9]+ $w < openat $file fd=[0-9]+\(<f>$file\)" "openat of $file"
expect_line "$out" "^[0-9]+ $w < write $file res=$bytes " "write of $bytes bytes to $file"
expect_line "$out" "^[0-9]+ $w < rename .*res=0 oldpath=$file newpath=$renamed" "rename to $renamed"
expect_line "$out" "^[0-9]+ $w < unlink .*res=0 path=$renamed" "unlink of $renamed"
expect_line "$out" "^[0-9]+ $w < connect $tuple res=0 tuple=$tuple" "connect tuple $tuple"
expect_line "$out" "^[0-9]+ $w < accept $tuple fd=[0-9]+\(<4t>$tuple\) tuple=$tuple" "accept tuple $tuple"
expect_line "$out" "^[0-9]+ $w < write $tuple res=$ping " "write of $ping bytes on the connection"
expect_line "$out" "^[0-9]+ $w < read $tuple res=$ping " "read of $ping bytes on the connection"
expect_line "$out" "^[0-9]+ $w < write $tuple res=$pong " "write of $pong bytes back"
expect_line "$out" "^[0-9]+ $w < read $tuple res=$pong " "read of $pong bytes back"
expect_line "$out" "^[0-9]+ $w < clone .*res=$child\(" "clone returning child $child in the parent"
expect_line "$out" "^[0-9]+ tt_workload $child $child < clone .*res=0 .*ptid=$pid" "clone returning 0 in child $child"
expect_line "$out" "^[0-9]+ tt_child $child $child < execve .*res=0 exe=$CHILD .*ptid=$pid" "execve of tt_child as pid $child"
expect_line "$out" "^[0-9]+ $w > kill .*pid=$child\(tt_child\) sig=10\(SIGUSR1\)" "kill of $child with SIGUSR1"
expect_line "$out" "^[0-9]+ $w < kill .*res=0" "kill succeeded"
expect_line "$out" "^[0-9]+ tt_child $child $child > signaldeliver .*spid=$pid\(tt_workload\) dpid=$child\(tt_child\) sig=10\(SIGUSR1\)" "SIGUSR1 delivered from $pid to $child"
expect_line "$out" "^[0-9]+ tt_child $child $child > procexit .*ret=$status " "tt_child exits with status $status"
# Vectored calls: the data is gathered across iovecs, not the first one only.
data='iov-one\|iov-two\|iov-three'
expect_line "$out" "^[0-9]+ $w < writev $tuple res=$iov data=$data" "writev data across its three iovecs"
expect_line "$out" "^[0-9]+ $w < readv $tuple res=$iov size=[0-9]+ data=$data" "readv data across two iovecs"
expect_line "$out" "^[0-9]+ $w < sendmsg $tuple res=$iov data=$data" "sendmsg data across its three iovecs"
expect_line "$out" "^[0-9]+ $w < recvmsg $tuple res=$iov size=$iov data=$data tuple=$tuple" "recvmsg data across two iovecs"
expect_line "$out" "^[0-9]+ $w > socketpair .*domain=1\(AF_LOCAL\) type=1 proto=0" "socketpair enter with its arguments"
expect_line "$out" "^[0-9]+ $w < socketpair .*res=0 fd1=$pair1\(<u>\) fd2=$pair2\(<u>\) source=[1-9A-F][0-9A-F]* peer=[1-9A-F][0-9A-F]*" "socketpair fds $pair1 and $pair2 and both ends"
expect_line "$out" "^[0-9]+ tt_workload $ea $ea > execveat .*dirfd=-100\(AT_FDCWD\) pathname=$CHILD flags=0" "execveat enter in child $ea"
expect_line "$out" "^[0-9]+ tt_child $ea $ea < execveat .*res=0 exe=$CHILD args=quick" "execveat exit (not execve) of tt_child as pid $ea"
expect_line "$out" "^[0-9]+ tt_child $ea $ea > procexit .*ret=7 " "the execveat child exits with status 7"
# The working directory is in the process events themselves (the workload
# runs in $SCRATCH), not left empty for the reader to guess.
expect_line "$out" "^[0-9]+ tt_workload $child $child < clone .*res=0 .* cwd=$SCRATCH fdlimit=" "clone child $child carries its cwd"
expect_line "$out" "^[0-9]+ tt_child $child $child < execve .*res=0 .* cwd=$SCRATCH fdlimit=" "execve of $child carries its cwd"
# A fault's signal comes from the kernel: sender 0, not the faulting address.
expect_line "$out" "^[0-9]+ tt_workload $segv $segv > signaldeliver .*spid=0 dpid=$segv\(tt_workload\) sig=11\(SIGSEGV\)" "SIGSEGV of $segv delivered with sender 0"
expect_no_drops
finish
