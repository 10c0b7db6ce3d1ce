#!/usr/bin/python3
"""The live explorer shows a lone new file within one refresh.

The explorer runs in tmux on the File Opens view, refreshing every second
(-d 1000), filtered to files of this test. Eight times, on an otherwise quiet
machine, the test opens one uniquely named file and the screen must show it
within 1.5 s. The screen is read without polling: tmux pipes the pane's
output into a FIFO (pipe-pane) and a terminal emulator (pyte) replays it, so
looking starts no process and adds no load.
"""
import os
import random
import select
import subprocess
import sys
import tempfile
import time

import pyte

SCALE = float(os.environ.get("TRACETOP_TIME_SCALE", "1"))
BOUND_S = 1.5 * SCALE
ROUNDS = 8
COLS, LINES = 160, 40

if os.geteuid() != 0:
    print("SKIP: live capture needs root (BPF); run 'meson test --suite live' as root")
    sys.exit(77)

tracetop = os.environ["TRACETOP"]
scratch = tempfile.mkdtemp(prefix="ttfo")
sock = f"tracetop-opens-{os.getpid()}"
mark = f"op{os.getpid()}"
fifo = os.path.join(scratch, "pane")
os.mkfifo(fifo)


def tmux(*args):
    return subprocess.run(["tmux", "-L", sock, *args], check=True, capture_output=True, text=True).stdout


screen = pyte.Screen(COLS, LINES)
stream = pyte.ByteStream(screen)
failures = []


def screen_text():
    return "\n".join(screen.display)


def pump(until_s):
    """Feeds what the pane printed into the emulator, for at most until_s."""
    ready, _, _ = select.select([reader], [], [], max(0.0, until_s))
    if ready:
        data = os.read(reader, 65536)
        if data:
            stream.feed(data)


def wait_for(text, limit_s):
    """Seconds until the screen shows text, or None after limit_s."""
    started = time.monotonic()
    while text not in screen_text():
        left = started + limit_s - time.monotonic()
        if left <= 0:
            return None
        pump(min(left, 0.05))
    return time.monotonic() - started


try:
    # The pane waits for a line before starting tracetop, so the pipe sees
    # every byte from the first.
    command = (f"read go; TERM=xterm-256color LANG=C.UTF-8 exec {tracetop} -v file_opens -d 1000 "
               f"'fd.name contains {mark}'")
    tmux("new-session", "-d", "-s", "t", "-x", str(COLS), "-y", str(LINES), command)
    tmux("pipe-pane", "-t", "t", "-o", f"cat > {fifo}")
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    tmux("send-keys", "-t", "t", "Enter")
    if wait_for("Source: live", 30 * SCALE) is None:
        print("FAIL: the live explorer did not start:\n" + screen_text())
        sys.exit(1)
    wait_for("File Opens", 5 * SCALE)
    pump(1.5)  # the first refresh after the probe attached

    for i in range(ROUNDS):
        name = f"{mark}-{i}"
        # At a random moment of the refresh cycle, so the eight opens land at
        # different phases of it (the worst is just after a refresh).
        quiet_until = time.monotonic() + random.uniform(0.6, 1.4)
        while time.monotonic() < quiet_until:
            pump(quiet_until - time.monotonic())
        os.close(os.open(os.path.join(scratch, name), os.O_CREAT | os.O_WRONLY, 0o600))
        took = wait_for(name, BOUND_S)
        if took is None:
            failures.append(f"open {i}: {name} not on the screen within {BOUND_S} s")
        else:
            print(f"ok: open {i} on the screen after {took * 1000:.0f} ms")
    if failures:
        print("last screen:\n" + screen_text())
finally:
    subprocess.run(["tmux", "-L", sock, "send-keys", "-t", "t", "q"], capture_output=True)
    time.sleep(0.3)
    subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)
    subprocess.run(["rm", "-rf", scratch])

for f in failures:
    print(f"FAIL: {f}")
sys.exit(1 if failures else 0)
