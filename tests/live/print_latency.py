#!/usr/bin/python3
"""Live --print on a terminal shows a lone event at once.

On an otherwise quiet machine (live tests run one at a time), this test opens
one uniquely named file every 0.7 s, eight times, while `tracetop --print`
runs on a pseudo-terminal filtered to those files; each line must be on the
terminal within 0.5 s of the open. It reads the terminal as it comes (no
process started per look), so looking adds no load. Today's failure mode was
a reader that handed events on only in batches and an output buffer flushed
only when full: a lone event never showed.
"""
import os
import pty
import select
import subprocess
import sys
import tempfile
import time

BOUND_S = 0.5 * float(os.environ.get("TRACETOP_TIME_SCALE", "1"))
ROUNDS = 8

if os.geteuid() != 0:
    print("SKIP: live capture needs root (BPF); run 'meson test --suite live' as root")
    sys.exit(77)

tracetop = os.environ["TRACETOP"]
scratch = tempfile.mkdtemp(prefix="ttlat")
mark = f"mark{os.getpid()}"
master, slave = pty.openpty()
err_path = os.path.join(scratch, "tracetop.err")
with open(err_path, "w") as err:
    proc = subprocess.Popen(
        [tracetop, "--print", "-p", "%fd.name", f"evt.type=openat and evt.dir=< and fd.name contains {mark}"],
        stdin=slave, stdout=slave, stderr=err, close_fds=True)
os.close(slave)

failures = []
try:
    deadline = time.monotonic() + 30
    while "capturing (" not in open(err_path).read():
        if proc.poll() is not None or time.monotonic() > deadline:
            print(f"FAIL: tracetop did not start capturing: {open(err_path).read()}")
            sys.exit(1)
        time.sleep(0.05)

    seen = b""
    for i in range(ROUNDS):
        time.sleep(0.7)  # quiet: nothing of ours in the rings
        path = os.path.join(scratch, f"{mark}-{i}")
        started = time.monotonic()
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        give_up = started + max(5.0, 4 * BOUND_S)
        while path.encode() not in seen and time.monotonic() < give_up:
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                seen += os.read(master, 65536)
        took = time.monotonic() - started
        if path.encode() not in seen:
            failures.append(f"open {i}: not on the terminal after {took:.2f} s")
        elif took > BOUND_S:
            failures.append(f"open {i}: on the terminal after {took:.3f} s (bound {BOUND_S} s)")
        else:
            print(f"ok: open {i} on the terminal after {took * 1000:.0f} ms")
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10 * float(os.environ.get("TRACETOP_TIME_SCALE", "1")))
    except subprocess.TimeoutExpired:
        proc.kill()
        failures.append("tracetop did not end within 10 s of SIGTERM")
    subprocess.run(["rm", "-rf", scratch])

for f in failures:
    print(f"FAIL: {f}")
sys.exit(1 if failures else 0)
