# Several --remote hosts as one capture (issue 17 items 3-4): two sshd
# servers of this test on 127.0.0.1 (two ports, keys made here) are two
# hosts. Both see the same machine, so the workload (getppid_loop) is on
# both: --print must show every call of it once per host, the Hosts view
# both hosts live with events, a host-scoped Processes only that host's
# rows, and the two hosts' copies of one pid must be two rows (one model
# per host). In the explorer in tmux both hosts show;
# killing one host's sshd session marks it gone with its reason while the
# other goes on; Enter on a host lists its processes. Only loopback is used.
source "$(dirname "$0")/lib.sh"
need_root
: "${GETPPID_LOOP:?run through meson test}"
source "$(dirname "$0")/loopback_sshd.sh"
need_ssh_tools
# The workload under a name of this run's own: another run's getppid_loop
# on the machine never matches the filters.
W="gph_$$"
ln -s "$GETPPID_LOOP" "$SCRATCH/$W"

SSHD_A="" SSHD_B="" LOOP_PID=""
trap 'for p in $SSHD_A $SSHD_B $LOOP_PID; do kill "$p" 2>/dev/null; done; [ -z "$SCREEN_USED" ] || tm kill-server 2>/dev/null;
      [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT

start_loopback_sshd "$SCRATCH/a" || { fail "no first sshd on 127.0.0.1"; finish; }
SSHD_A=$SSHD_PID PORT_A=$SSHD_PORT KEY_A=$SSHD_CLIENT_KEY
start_loopback_sshd "$SCRATCH/b" || { fail "no second sshd on 127.0.0.1"; finish; }
SSHD_B=$SSHD_PID PORT_B=$SSHD_PORT KEY_B=$SSHD_CLIENT_KEY
HOST_A="root@127.0.0.1:$PORT_A" HOST_B="root@127.0.0.1:$PORT_B"
# Each host's key is offered to both; the right one is taken. The remote
# side sends only the workload's events (and its process tables).
HOSTS=(--remote "$HOST_A" --remote "$HOST_B" --remote-tracetop "$TRACETOP" --remote-filter "proc.name=$W"
       --ssh-option StrictHostKeyChecking=no --ssh-option UserKnownHostsFile=/dev/null
       --ssh-option "IdentityFile=$KEY_A" --ssh-option "IdentityFile=$KEY_B" --ssh-option LogLevel=ERROR)

# 0. --print over both hosts: each host (the same machine) shows every
# getppid call of a workload run once, entry and exit, under its host.name.
# Drops (reported by the hosts) excuse missing calls, never extra ones.
W1="gp1_$$"
ln -s "$GETPPID_LOOP" "$SCRATCH/$W1"
CALLS=2000
timeout 60 "$TRACETOP" "${HOSTS[@]/proc.name=$W/proc.name=$W1}" "${RINGS[@]}" --print --duration 8 \
  -p '%host.name %evt.dir' "proc.name=$W1 and evt.type=getppid" >"$SCRATCH/print.out" 2>"$SCRATCH/print.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/print.err"
"$SCRATCH/$W1" "$CALLS" >/dev/null
wait "$tt"; status=$?
dropped=$(grep -oE '[0-9]+ dropped' "$SCRATCH/print.err" | grep -oE '^[0-9]+')
counts=""
ok=1
for h in "$HOST_A" "$HOST_B"; do
  for d in '>' '<'; do
    n=$(grep -cxF "$h $d" "$SCRATCH/print.out")
    counts="$counts $h$d$n"
    if [ "${dropped:-0}" -eq 0 ]; then [ "$n" -eq "$CALLS" ] || ok=0; else [ "$n" -gt 0 ] && [ "$n" -le "$CALLS" ] || ok=0; fi
  done
done
if [ "$status" -eq 0 ] && [ "$ok" -eq 1 ]; then
  pass "--print over two hosts: $CALLS getppid calls on each host ($counts; ${dropped:-0} dropped)"
else
  fail "--print over two hosts: status $status,$counts of $CALLS each, ${dropped:-?} dropped: $(cat "$SCRATCH/print.err")"
fi

# The --json windows: longer in sanitizer builds (TRACETOP_TIME_SCALE), where
# both hosts' ssh sessions and remote tracetops take seconds to start and a
# 3 s window once held only 0.6 s of events and failed.
window=$((3 * ${TRACETOP_TIME_SCALE:-1}))

# A workload that runs while the explorer or --json looks.
( while :; do "$SCRATCH/$W" 20000 >/dev/null; sleep 0.2; done ) &
LOOP_PID=$!

# 1. --json, Hosts: both hosts, live, with events and processes.
timeout 60 "$TRACETOP" "${HOSTS[@]}" "${RINGS[@]}" --json --duration "$window" -v hosts \
  >"$SCRATCH/hosts.json" 2>"$SCRATCH/hosts.err"; status=$?
if [ "$status" -eq 0 ] && /usr/bin/python3 - "$SCRATCH/hosts.json" "$HOST_A" "$HOST_B" <<'EOF'
import json, sys
rows = {r["values"]["host"]: r["values"] for r in json.load(open(sys.argv[1]))["rows"]}
ok = all(h in rows and rows[h]["state"] == "live" and rows[h]["syscalls"] > 0 and rows[h]["procs"] > 0
         for h in sys.argv[2:])
sys.exit(0 if ok and len(rows) == 2 else 1)
EOF
then pass "--json Hosts: $HOST_A and $HOST_B live, with system calls and processes"
else fail "--json Hosts: status $status: $(/usr/bin/python3 -c 'import json,sys; print([r["values"] for r in json.load(open(sys.argv[1]))["rows"]])' "$SCRATCH/hosts.json" 2>&1 | head -c 1500) $(cat "$SCRATCH/hosts.err")"; fi

# 2. --json, Processes over both hosts: keyed by host, so one pid seen by both
# hosts is two rows; and scoped to one host (host.name in the filter), only
# that host's rows.
timeout 60 "$TRACETOP" "${HOSTS[@]}" "${RINGS[@]}" --json --duration "$window" -v procs "proc.name=$W" \
  >"$SCRATCH/procs.json" 2>"$SCRATCH/procs.err"; status=$?
if [ "$status" -eq 0 ] && /usr/bin/python3 - "$SCRATCH/procs.json" "$HOST_A" "$HOST_B" <<'EOF'
import json, sys
rows = [r["values"] for r in json.load(open(sys.argv[1]))["rows"] if r["values"]["syscalls"] > 0]
hosts_of = {}
for r in rows: hosts_of.setdefault(r["pid"], set()).add(r["host"])
sys.exit(0 if any(h == set(sys.argv[2:]) for h in hosts_of.values()) else 1)
EOF
then pass "--json Processes: a getppid_loop pid is two rows, one per host"
else fail "--json Processes: no pid on both hosts: $(head -c 800 "$SCRATCH/procs.json") $(cat "$SCRATCH/procs.err")"; fi
timeout 60 "$TRACETOP" "${HOSTS[@]}" "${RINGS[@]}" --json --duration "$window" -v procs \
  "host.name = \"$HOST_B\" and proc.name=$W" >"$SCRATCH/scoped.json" 2>"$SCRATCH/scoped.err"; status=$?
if [ "$status" -eq 0 ] && /usr/bin/python3 - "$SCRATCH/scoped.json" "$HOST_B" <<'EOF'
import json, sys
rows = [r["values"] for r in json.load(open(sys.argv[1]))["rows"]]
sys.exit(0 if rows and all(r["host"] == sys.argv[2] for r in rows) and any(r["syscalls"] > 0 for r in rows) else 1)
EOF
then pass "--json Processes scoped to $HOST_B: only its rows, with system calls"
else fail "--json scoped Processes: $(head -c 800 "$SCRATCH/scoped.json") $(cat "$SCRATCH/scoped.err")"; fi

# 3. The explorer in tmux, Hosts: both hosts live; one host's session killed
# (its sshd's children): that line says gone with the reason, the other host
# goes on (its events keep coming); Enter on it lists its processes.
screen_start 200 "${HOSTS[@]}" -v hosts
host_live() { grep -qE "^$1 .* live" "$SCREEN_FILE"; }
if screen_wait_for "$HOST_B" 60 0.5 && screen_wait_for live 20 0.5 && screen_wait_for "$HOST_A" 20 0.5 &&
    host_live "$HOST_A" && host_live "$HOST_B"; then
  pass "explorer Hosts: $HOST_A and $HOST_B live"
else
  fail "explorer Hosts: not both hosts live: $(cat "$SCREEN_FILE")"
fi
sessions=$(ps --ppid "$SSHD_A" -o pid=)
[ -n "$sessions" ] && kill $sessions
if screen_wait_for gone 40 0.5 && grep -qE "^$HOST_A .* gone +the connection ended" "$SCREEN_FILE"; then
  pass "explorer Hosts: $HOST_A gone with its reason: $(grep -oE 'gone +.*' "$SCREEN_FILE" | head -1)"
else
  fail "explorer Hosts: $HOST_A not marked gone: $(cat "$SCREEN_FILE")"
fi
events_now() { grep -oE '^Events/s: [0-9]+ +Events: [0-9]+' "$SCREEN_FILE" | grep -oE '[0-9]+$'; }
before=$(events_now)
sleep 2
screen_wait_for "$HOST_B" 1 0
after=$(events_now)
if host_live "$HOST_B" && [ -n "$before" ] && [ -n "$after" ] && [ "$after" -gt "$before" ]; then
  pass "explorer Hosts: $HOST_B goes on (events $before, then $after)"
else
  fail "explorer Hosts: $HOST_B stopped (events $before, then $after): $(cat "$SCREEN_FILE")"
fi
# Enter on the live host (sorted by events, it is the first row).
tm send-keys -t t Home Enter
if screen_wait_for "$HOST_B ▸ Processes" 20 0.5 && screen_wait_for "$W" 20 0.5 &&
    ! grep -q "^$HOST_A" "$SCREEN_FILE"; then
  pass "explorer: Enter on $HOST_B lists its processes ($W), none of $HOST_A"
else
  fail "explorer: drill-down to $HOST_B's processes: $(cat "$SCREEN_FILE")"
fi
screen_stop

# 4. -w refuses several hosts, with one line.
"$TRACETOP" "${HOSTS[@]}" -w "$SCRATCH/x.scap" >/dev/null 2>"$SCRATCH/w.err"; status=$?
if [ "$status" -eq 2 ] && [ "$(wc -l <"$SCRATCH/w.err")" -eq 1 ] && grep -q 'records one host' "$SCRATCH/w.err"; then
  pass "-w with two hosts: refused, $(cat "$SCRATCH/w.err")"
else
  fail "-w with two hosts: status $status: $(cat "$SCRATCH/w.err")"
fi

# 5. Nothing left behind: each host's capture ends once its reader is gone
# (a filtered stream that matches nothing writes nothing, so only watching
# its standard output tells it the session ended).
left=""
for _ in $(seq 1 20); do
  left=$(pgrep -f -- "-w - .*proc.name=$W1" || true)
  [ -z "$left" ] && break
  sleep 0.25
done
if [ -z "$left" ]; then
  pass "no remote capture left running after the sessions ended"
else
  fail "remote captures still running after the sessions ended: $(ps -o pid,args -p "$(echo $left | tr ' ' ',')")"
  kill $left 2>/dev/null
fi
finish
