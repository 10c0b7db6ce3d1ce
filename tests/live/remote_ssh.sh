# tracetop --remote (issue 17, remote): Debian's sshd, started by this test
# on 127.0.0.1 with its own host key, config and a client key made here, runs
# the build's tracetop as the "remote" side. A known workload (getppid_loop)
# must show in --print (every call, counted), --json and the explorer in
# tmux, and in a local -w recording; a remote side that fails (no tracetop
# there, nobody listening, a key it refuses) gives one clear line and a
# non-zero status at once; a connection cut mid-stream (the sshd session
# killed) ends the run with one line, the events before it printed.
# Only loopback addresses are used.
source "$(dirname "$0")/lib.sh"
need_root
: "${GETPPID_LOOP:?run through meson test}"
# tidy (session 6): the workload runs under a name of this run's own (the
# kernel names a process after the path it was started by), so the same
# workload of another test run on the machine never matches the filters.
LOOP="gpl_$$"
ln -s "$GETPPID_LOOP" "$SCRATCH/$LOOP"
GETPPID_LOOP="$SCRATCH/$LOOP"
source "$(dirname "$0")/loopback_sshd.sh"
need_ssh_tools

SSHD_PID=""
trap '[ -z "$SSHD_PID" ] || kill "$SSHD_PID" 2>/dev/null; [ -z "$SCREEN_USED" ] || tm kill-server 2>/dev/null;
      [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT

start_loopback_sshd "$SCRATCH/ssh" || { fail "no sshd on 127.0.0.1"; finish; }
D="$SCRATCH/ssh"
PORT=$SSHD_PORT
SSH_OPTS=(--ssh-option StrictHostKeyChecking=no --ssh-option UserKnownHostsFile=/dev/null
          --ssh-option "IdentityFile=$SSHD_CLIENT_KEY" --ssh-option LogLevel=ERROR)
REMOTE=(--remote "root@127.0.0.1:$PORT" --remote-tracetop "$TRACETOP" "${SSH_OPTS[@]}" "${RINGS[@]}")

# 1. --print: every getppid call of the workload comes over, none twice.
CALLS=3000
timeout 60 "$TRACETOP" "${REMOTE[@]}" --print --duration 8 -p '%evt.dir %evt.type' \
  "proc.name=$LOOP and evt.type=getppid" >"$SCRATCH/print.out" 2>"$SCRATCH/print.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/print.err"
"$GETPPID_LOOP" "$CALLS" >/dev/null
wait "$tt"; status=$?
enters=$(grep -c '^> getppid$' "$SCRATCH/print.out")
exits=$(grep -c '^< getppid$' "$SCRATCH/print.out")
if [ "$status" -eq 0 ] && [ "$enters" -eq "$CALLS" ] && [ "$exits" -eq "$CALLS" ]; then
  pass "--remote --print: $CALLS getppid calls, entry and exit each"
else
  fail "--remote --print: status $status, $enters entries and $exits exits of $CALLS: $(cat "$SCRATCH/print.err")"
fi

# 1b. --remote-filter: the host sends only the workload's events; the stream
# still starts at once (its first event goes out state-only, so the header
# arrives before anything matches), and every call comes over.
timeout 60 "$TRACETOP" "${REMOTE[@]}" --remote-filter "proc.name=$LOOP" --print --duration 8 \
  -p '%proc.name %evt.dir %evt.type' 'evt.type=getppid' >"$SCRATCH/rf.out" 2>"$SCRATCH/rf.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/rf.err"
"$GETPPID_LOOP" "$CALLS" >/dev/null
wait "$tt"; status=$?
n=$(grep -c "^$LOOP [<>] getppid\$" "$SCRATCH/rf.out")
others=$(grep -vc "^$LOOP " "$SCRATCH/rf.out")
if [ "$status" -eq 0 ] && [ "$n" -eq $((2 * CALLS)) ] && [ "$others" -eq 0 ]; then
  pass "--remote-filter: $CALLS calls, named, nothing else"
else
  fail "--remote-filter: status $status, $n of $((2 * CALLS)) events, $others others: $(cat "$SCRATCH/rf.err")"
fi

# A workload that runs while the explorer or --json looks. Their windows
# are longer in sanitizer builds (TRACETOP_TIME_SCALE): the remote tracetop
# behind ssh, instrumented on two loaded cores, can take seconds to start,
# and a window that closes first sees nothing (live-remote_hosts, session 11).
scale=${TRACETOP_TIME_SCALE:-1}
workload_loop() { while :; do "$GETPPID_LOOP" 20000 >/dev/null; sleep 0.2; done; }

# 2. --json: the workload's process is a row of the Processes view.
workload_loop &
loop=$!
timeout 60 "$TRACETOP" "${REMOTE[@]}" --json --duration $((4 * scale)) -v procs "proc.name=$LOOP" \
  >"$SCRATCH/json.out" 2>"$SCRATCH/json.err"; status=$?
if [ "$status" -eq 0 ] && /usr/bin/python3 - "$SCRATCH/json.out" "$LOOP" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]
sys.exit(0 if any(r["values"].get("cmd", "").startswith(sys.argv[2]) and r["values"]["syscalls"] > 0
                  for r in rows) else 1)
EOF
then pass "--remote --json: getppid_loop is a row with system calls"
else fail "--remote --json: status $status, no getppid_loop row: $(head -c 600 "$SCRATCH/json.out") $(cat "$SCRATCH/json.err")"; fi

# 3. The explorer in tmux: the header names the host, the row shows.
# screen_start adds the ring options itself (RINGS, under the sanitizers).
screen_start 200 "${REMOTE[@]:0:${#REMOTE[@]}-${#RINGS[@]}}" "proc.name=$LOOP"
if screen_wait_for "$LOOP" 60 0.5 && grep -qF "Source: live root@127.0.0.1:$PORT" "$SCREEN_FILE"; then
  pass "--remote explorer: getppid_loop on screen, Source: live root@127.0.0.1:$PORT"
else
  fail "--remote explorer: no getppid_loop row or no host in the header: $(cat "$SCREEN_FILE")"
fi
screen_stop

# 4. -w FILE keeps the remote events locally: a capture tracetop reads back.
timeout 60 "$TRACETOP" "${REMOTE[@]}" -w "$SCRATCH/remote.scap" --duration $((3 * scale)) "proc.name=$LOOP" \
  2>"$SCRATCH/w.err"; status=$?
kill "$loop" 2>/dev/null; wait "$loop" 2>/dev/null
n=$(timeout 60 "$TRACETOP" -r "$SCRATCH/remote.scap" --print 'evt.type=getppid' 2>/dev/null | wc -l)
if [ "$status" -eq 0 ] && [ "$n" -gt 0 ]; then pass "--remote -w: the local file holds $n getppid events"
else fail "--remote -w: status $status, $n getppid events read back: $(cat "$SCRATCH/w.err")"; fi

# 5. Failures: one line, a non-zero status, no hang (timeout would say 124).
one_line_failure() {
  local label=$1 pattern=$2 status; shift 2
  timeout 30 "$TRACETOP" "$@" --json --duration 5 >"$SCRATCH/f.out" 2>"$SCRATCH/f.err"; status=$?
  if [ "$status" -ne 0 ] && [ "$status" -lt 124 ] && [ "$(wc -l <"$SCRATCH/f.err")" -eq 1 ] &&
      grep -qE -- "$pattern" "$SCRATCH/f.err"; then
    pass "$label: status $status, $(cat "$SCRATCH/f.err")"
  else
    fail "$label: status $status, want one line matching /$pattern/: $(cat "$SCRATCH/f.err")"
  fi
}
one_line_failure "no tracetop there" '/no/such/tracetop.*No such file' \
  --remote "root@127.0.0.1:$PORT" --remote-tracetop /no/such/tracetop "${SSH_OPTS[@]}"
one_line_failure "nobody listening" 'Connection refused' \
  --remote "root@127.0.0.1:$(free_loopback_port)" "${SSH_OPTS[@]}"
ssh-keygen -q -t ed25519 -N '' -f "$D/other_key"
one_line_failure "a key the host refuses" 'Permission denied' \
  --remote "root@127.0.0.1:$PORT" --remote-tracetop "$TRACETOP" --ssh-option StrictHostKeyChecking=no \
  --ssh-option UserKnownHostsFile=/dev/null --ssh-option "IdentityFile=$D/other_key" --ssh-option LogLevel=ERROR
one_line_failure "a host name that is no host" 'no host name' --remote ':22'

# 6. The connection cut mid-stream (sshd's session process killed): the run
# ends at once with one line saying so, the events before it printed.
timeout 60 "$TRACETOP" "${REMOTE[@]}" --print >"$SCRATCH/cut.out" 2>"$SCRATCH/cut.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/cut.err"
sleep 1
sessions=$(ps --ppid "$SSHD_PID" -o pid=)
[ -n "$sessions" ] && kill $sessions
wait "$tt"; status=$?
if [ "$status" -eq 1 ] && [ -s "$SCRATCH/cut.out" ] &&
    [ "$(grep -c 'the connection ended' "$SCRATCH/cut.err")" -eq 1 ]; then
  pass "cut connection: status 1, $(grep 'the connection ended' "$SCRATCH/cut.err")"
else
  fail "cut connection: status $status (124: a hang), $(wc -l <"$SCRATCH/cut.out") lines: $(cat "$SCRATCH/cut.err")"
fi
finish
