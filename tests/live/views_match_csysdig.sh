#!/usr/bin/env bash
# The views csysdig users know, on a recording of this machine: tracetop's
# TOML views against csysdig 0.29.3 -j on the same file, as
# tests/capture/lua_views_match_csysdig.sh does on the shared captures (which
# are old: no openat, no directory listed, no unconnected socket's send).
# The workload is a loopback HTTP server and its clients, an unconnected UDP
# send (its enter names no tuple yet), a receive on a socket bound to port 0
# (its enter names only that), directories listed, files written and read,
# opens that fail, a connection that moves no byte, a long-named program and
# a script executed. Every row of every compared view must be equal.
source "$(dirname "$0")/lib.sh"
need_root
need_sysdig
command -v csysdig >/dev/null || { echo "FAIL: csysdig (sysdig's package) is not installed"; exit 1; }
COMPARE="$(cd "$(dirname "$0")/../capture" && pwd)/csysdig_views_compare.py"
# csysdig refuses to start without a terminal type, even for -j; views come
# from ~ too: keep the user's out.
export TERM=${TERM:-xterm} HOME="$SCRATCH/home"
mkdir -p "$HOME" "$SCRATCH/work/listed/sub"
unset SYSDIG_CHISEL_DIR XDG_CONFIG_HOME

cap="$SCRATCH/views.scap"
"$TRACETOP" "${RINGS[@]}" -w "$cap" --duration 4 2>"$SCRATCH/rec.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/rec.err"
(cd "$SCRATCH/work" && /usr/bin/python3 - <<'PY' >"$SCRATCH/workload.out" 2>&1)
import http.server, os, socket, threading, urllib.request
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
threading.Thread(target=server.serve_forever, daemon=True).start()
port = server.server_address[1]
for path in ("/", "/listed/", "/missing"):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
    except Exception:
        pass
server.shutdown()
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.sendto(b"q", ("127.0.0.1", 9))
udp.close()
# A receiver bound to port 0: its first receive's enter knows only that.
rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tx.sendto(b"q", rx.getsockname())
rx.recvfrom(4)
for d in (".", "listed", "listed/sub"):
    os.listdir(d)
with open("listed/data", "wb") as f:
    f.write(b"x" * 100000)
with open("listed/data", "rb") as f:
    f.read()
for missing in ("nope", "listed/nope"):
    try:
        open(missing)
    except OSError:
        pass
# A connection that never moves a byte: a row of Connections and Server
# Ports all the same, as in csysdig.
idle_server = socket.socket()
idle_server.bind(("127.0.0.1", 0))
idle_server.listen(1)
idle_client = socket.socket()
idle_client.connect(idle_server.getsockname())
idle_client.close()
idle_server.close()
# Executions: a program whose name is longer than the kernel's 15-character
# name, and a script (its command line is its interpreter's).
import shutil, subprocess
shutil.copy("/bin/true", "a_program_named_at_length")
subprocess.run(["./a_program_named_at_length", "--quietly"], check=True)
with open("listed/run.sh", "w") as f:
    f.write("#!/bin/sh\nexit 0\n")
os.chmod("listed/run.sh", 0o755)
subprocess.run(["./listed/run.sh", "arg"], check=True)
print("done")
PY
wait "$tt" || fail "tracetop -w failed: $(cat "$SCRATCH/rec.err")"
grep -q done "$SCRATCH/workload.out" || fail "the workload failed: $(tail -3 "$SCRATCH/workload.out")"

# The workload's own marks, so a comparison of two empty views cannot pass.
if "$TRACETOP" -r "$cap" --json -v files | grep -q "\"$SCRATCH/work/listed\""; then
  pass "the Files view lists a directory the workload listed"
else
  fail "the Files view does not list $SCRATCH/work/listed"
fi
if "$TRACETOP" -r "$cap" --json -v commands | grep -q '"cmd":"./a_program_named_at_length --quietly"'; then
  pass "Executed Commands shows a long program name whole, with its arguments"
else
  fail "Executed Commands has no row ./a_program_named_at_length --quietly"
fi
idle_port=$(sysdig -r "$cap" -p '%fd.sport' "proc.name contains python and evt.type=connect and evt.dir=< and fd.rip=127.0.0.1" 2>/dev/null | tail -1)
if [ -n "$idle_port" ] && "$TRACETOP" -r "$cap" --json -v connections |
  /usr/bin/python3 -c 'import json, sys; sys.exit(not any(r["values"]["rport"] == int(sys.argv[1]) and r["values"]["bytes"] == 0 for r in json.load(sys.stdin)["rows"]))' "$idle_port"; then
  pass "Connections lists the connection that moved no byte (port $idle_port)"
else
  fail "Connections has no row for the idle connection (port ${idle_port:-unknown})"
fi
incomplete=$("$TRACETOP" -r "$cap" --json -v connections | /usr/bin/python3 -c '
import json, sys
rows = json.load(sys.stdin)["rows"]
print(sum(1 for r in rows if not r["values"]["tuple"] or r["values"]["proto"] is None or r["values"]["lip"] is None))')
if [ "$incomplete" = 0 ]; then
  pass "the Connections view has no row without a tuple, protocol or address"
else
  fail "the Connections view has $incomplete rows without a tuple, protocol or address"
fi
if /usr/bin/python3 "$COMPARE" live "$cap"; then
  pass "every compared view shows csysdig's rows"
else
  fail "a view differs from csysdig's (above)"
fi
finish
