#!/usr/bin/env bash
# A capture of a steady machine (issue 15, session 11), as a counterpart to
# make_big_capture's, which repeats one short-lived curl run (every copy
# starts processes, maps libraries and opens files anew, the worst case for
# the first pass's frozen contexts). Here four processes run for the whole
# capture: a file writer (dd), a file reader (cat), a TCP echo over
# loopback (python3, one connection, send and receive), and an allocator
# (python3). Recorded live with this build (root).
#   bench/steady_capture.sh OUT.scap [SECONDS]   (default 10; BUILD=dir)
set -euo pipefail
out=$(realpath -m "${1:?usage: bench/steady_capture.sh OUT.scap [SECONDS]}")
secs=${2:-10}
source "$(dirname "$0")/lib.sh"
bench_init steady_capture
need_root "a live capture"
need_built "$TT"
need_tools python3 dd
make_work
end=$((SECONDS + secs + 3))
( while [ $SECONDS -lt $end ]; do dd if=/dev/zero of="$work/file" bs=4k count=2000 status=none; done ) &
( while [ $SECONDS -lt $end ]; do cat "$work/file" >/dev/null 2>&1 || true; done ) &
python3 - "$((secs + 3))" <<'PY' &
import socket, sys, threading, time
stop = time.time() + float(sys.argv[1])
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
def echo():
    conn, _ = server.accept()
    while True:
        data = conn.recv(512)
        if not data:
            break
        conn.sendall(data)
threading.Thread(target=echo, daemon=True).start()
client = socket.create_connection(server.getsockname())
while time.time() < stop:
    client.sendall(b"x" * 200)
    client.recv(512)
PY
python3 -c "
import sys, time
stop = time.time() + float(sys.argv[1])
while time.time() < stop:
    blocks = [bytearray(200000) for _ in range(20)]
    del blocks
    time.sleep(0.001)
" "$((secs + 3))" &
sleep 1
"$TT" -w "$out" --duration "$secs"
wait
