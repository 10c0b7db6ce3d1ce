#!/usr/bin/env python3
"""Per-key response of the live explorer (issue 5), as root:

    bench/key_each.py [PRESSES] [tracetop options...]   # BUILD=dir (default build); e.g. 6 -v events

Like key_response.sh, but for every key the explorer answers and timed from
Python (no process per look, which the live procs view would list): tracetop
runs live in a detached 160x45 tmux session beside `getppid_loop` at 1 M
calls/s. The screen is paused first (p), so that any change of the pane
(capture-pane -e, which also shows where the selection is) is the key's own
answer; the prompt, pause and help keys wait for their text instead. Prints
median and max per key, and median/p95 over all of them.
"""
import os, statistics, subprocess, sys, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.environ.get("BUILD", "build")
build = build if os.path.isabs(build) else os.path.join(here, build)
tt, loop = os.path.join(build, "ui/tracetop"), os.path.join(build, "bench/getppid_loop")
presses = int(sys.argv[1]) if len(sys.argv) > 1 else 6
extra = sys.argv[2:]
if os.geteuid() != 0:
    sys.exit("key_each: needs root (live capture)")
sock = f"key_each_{os.getpid()}"
MARK = "q or Esc closes it"  # a line of the help pager


def tmux(*args):
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout


def screen():
    return tmux("capture-pane", "-e", "-p", "-t", "bench")


def press(key, done=None):
    """Milliseconds from send-keys until done(screen), or until the screen changed."""
    before = screen()
    t0 = time.monotonic()
    tmux("send-keys", "-t", "bench", key)
    while True:
        s = screen()
        if (done(s) if done else s != before):
            ms = 1000 * (time.monotonic() - t0)
            time.sleep(0.2)
            return ms
        if time.monotonic() - t0 > 10:
            sys.exit(f"key_each: {key}: no screen change within 10 s")


load = subprocess.Popen([loop, "100000000000", "1000000"], stdout=subprocess.DEVNULL)
res = {}
try:
    time.sleep(1)
    tmux("new-session", "-d", "-s", "bench", "-x", "160", "-y", "45", tt, *extra)
    deadline = time.monotonic() + 30
    while "Help" not in screen():
        if time.monotonic() > deadline:
            sys.exit("key_each: explorer did not start")
        time.sleep(0.2)
    time.sleep(3)  # past start-up work
    for _ in range(presses):
        tmux("send-keys", "-t", "bench", "Home")  # untimed: after I the selection may sit on the last row
        time.sleep(0.3)
        res.setdefault("p (pause)", []).append(press("p", lambda s: "PAUSED" in s))
        for key, name in (("Down", "Down"), ("Up", "Up"), (">", "> sort"), ("<", "< sort"), ("I", "I invert")):
            res.setdefault(name, []).append(press(key))
        res.setdefault("/ (search prompt)", []).append(press("/", lambda s: "Search:" in s))
        res.setdefault("Esc (prompt closes)", []).append(press("Escape", lambda s: "Search:" not in s))
        res.setdefault("p (resume)", []).append(press("p", lambda s: "PAUSED" not in s))
        res.setdefault("h (help opens)", []).append(press("h", lambda s: MARK in s))
        res.setdefault("q (help closes)", []).append(press("q", lambda s: MARK not in s))
finally:
    tmux("kill-server")
    load.kill()
every = []
for name, v in res.items():
    v.sort()
    every += v
    print(f"{name:22} median {statistics.median(v):6.1f} ms  max {v[-1]:6.1f} ms")
every.sort()
p95 = every[min(len(every) - 1, round(0.95 * (len(every) - 1)))]
print(f"{'every key':22} median {statistics.median(every):6.1f} ms  p95 {p95:6.1f} ms  max {every[-1]:6.1f} ms  ({len(every)} keys)")
