#!/usr/bin/env python3
"""Big captures at interactive speed (issue 15): one command for the figures.

    bench/big_keys.py [MILLIONS...]     # default 2 10; BUILD=dir (default build); CSYSDIG=0 skips csysdig;
                                        # EXTRA='--memory-budget 0' adds explorer options (here: no copy)
                                        # ONLY=csysdig: csysdig's part alone (a rerun)
                                        # VIEW=procs: the explorer (and csysdig) start in that view
                                        # BIG=FILE: that capture instead of one made (MILLIONS: its size, for rates)
                                        # POLL_MS=25: look at the screen less often (default 2: most of a core)

For each size, bench/make_big_capture repeats curl_google.scap until the
capture holds that many million events; then, in a detached 160x45 tmux
session, the real explorer (`tracetop -r BIG -v syscalls`):
  - time to the first screen (the first table row drawn) and to the end of
    the first pass (the header's "Loading" gone),
  - 20 keys (drill-down, Backspace, the Events view and back, sort, time
    range narrow/widen/move/whole), each timed from `tmux send-keys` until the
    screen changed and no longer says Loading; p50 and max,
  - the explorer's peak resident memory (VmHWM),
and csysdig on the same file: time to its first screen and its Enter,
Backspace and sort keys (it has no time range). Last, CPU time (user+sys,
fastest of 3 runs) of `tracetop --json -v procs` against `csysdig -j -v procs`.
"""
import os, resource, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.environ.get("BUILD", "build")
build = build if os.path.isabs(build) else os.path.join(here, build)
tt = os.path.join(build, "ui/tracetop")
make_big = os.path.join(build, "bench/make_big_capture")
src = os.path.join(here, "..", "shared", "captures", "curl_google.scap")
sizes = [float(a) for a in sys.argv[1:]] or [2, 10]
with_csysdig = os.environ.get("CSYSDIG", "1") != "0"
extra = os.environ.get("EXTRA", "")
only_csysdig = os.environ.get("ONLY") == "csysdig"  # a rerun of csysdig's part alone
given_big = os.environ.get("BIG")  # an existing capture (read only, kept)
view = os.environ.get("VIEW", "syscalls")  # the view the keys start from (procs: Enter drills to threads)
# issue 15 (split): the wait between two looks at the screen while a key is answered. Each look
# runs a tmux client; at 2 ms they take most of a core, which a replay on both cores then shares.
poll = float(os.environ.get("POLL_MS", "2")) / 1000
sockets = []  # one tmux server per session: a server still shutting down can take a new one with it
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")


def tmux(*args, sock=None):
    sock = sock or (sockets[-1] if sockets else f"big_keys_{os.getpid()}")
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True, env=env).stdout


def screen():
    return tmux("capture-pane", "-p", "-t", "bench")


def wait(pred, limit=600.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        s = screen()
        if pred(s):
            return time.monotonic() - t0
        time.sleep(0.005)
    return None


def loading(s):
    return "Loading" in s


def has_rows(s):
    # A table row: a line below the titles that starts with a number.
    lines = s.splitlines()
    return any(l.strip()[:1].isdigit() for l in lines[5:-1])


def press(key, settled):
    before = screen()
    t0 = time.monotonic()
    tmux("send-keys", "-t", "bench", key)
    while time.monotonic() - t0 < 120:
        s = screen()
        if s != before and settled(s):
            return (time.monotonic() - t0) * 1000
        time.sleep(poll)
    return float("nan")


def start(cmd):
    if sockets:
        tmux("kill-server")
    sockets.append(f"big_keys_{os.getpid()}_{len(sockets)}")
    tmux("new-session", "-d", "-s", "bench", "-x", "160", "-y", "45", cmd)
    return int(tmux("list-panes", "-t", "bench", "-F", "#{pane_pid}").strip())


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def report(name, times):
    ok = [t for t in times if t == t]
    if not ok:
        return f"{name}: no answer"
    return f"{name}: p50 {statistics.median(ok):.0f} ms, max {max(ok):.0f} ms ({len(ok)} keys)"


# The 20 keys: each with what the screen shows once it has answered.
settled = lambda s: not loading(s) and has_rows(s)
# Every one changes the screen (session 13: `}` back to the whole capture
# made a following `=` a no-op, which the count then left out).
KEYS = ["Enter", "BSpace", "F6", "BSpace", ">", "{", "[", "]", "}", "{",
        "Enter", "BSpace", "<", "{", "]", "[", "}", "}", "{", "="]


def cpu_seconds(cmd):
    best = None
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = t if best is None else min(best, t)
    return best


def explorer(big, n):
    t0 = time.monotonic()
    pid = start(f"{tt} -r {big} -v {view} {extra}")
    first = wait(has_rows)
    wait(lambda s: has_rows(s) and not loading(s))
    total = time.monotonic() - t0
    print(f"tracetop: first screen {first:.2f} s, first pass {total:.2f} s "
          f"({n / total / 1e6:.1f} M events/s)", flush=True)
    times = [press(k, settled) for k in KEYS]
    for k, t in zip(KEYS, times):
        print(f"  {k:7s} {t:8.0f} ms")
    print(report("tracetop keys", times))
    print(f"tracetop peak resident memory: {peak_rss_mb(pid):.0f} MB", flush=True)
    tmux("send-keys", "-t", "bench", "q")


def measure_csysdig(big):
    start(f"csysdig -r {big} -v {view}")
    first = wait(has_rows)
    print(f"csysdig: first screen {first:.2f} s" if first else "csysdig: no screen", flush=True)
    ctimes = [press(k, has_rows) for k in ["Enter", "BSpace", "F9", "Enter", "BSpace"]]
    print(report("csysdig keys (Enter, Backspace, sort)", ctimes), flush=True)
    tmux("send-keys", "-t", "bench", "q")
    ours = cpu_seconds(f"{tt} -r {big} --json -v procs")
    theirs = cpu_seconds(f"csysdig -r {big} -v procs -j")
    print(f"--json -v procs CPU {ours:.2f} s, csysdig -j {theirs:.2f} s: {theirs / ours:.1f}x", flush=True)


def main():
    work = tempfile.mkdtemp(prefix="big_keys.")
    try:
        for m in sizes:
            big = given_big or os.path.join(work, "big.scap")
            n = int(m * 1e6)
            if not given_big:
                subprocess.run([make_big, src, big, str(n)], check=True, stdout=subprocess.DEVNULL)
            size = os.path.getsize(big)
            print(f"== {m:g} M events ({size / 1e6:.0f} MB), view {view}", flush=True)
            subprocess.run(["cat", big], stdout=subprocess.DEVNULL)  # into the page cache, as for csysdig
            if not only_csysdig:
                explorer(big, n)
            if with_csysdig:
                measure_csysdig(big)
            if not given_big:
                os.unlink(big)
    finally:
        for s in sockets:
            tmux("kill-server", sock=s)
        subprocess.run(["rm", "-rf", work])


main()
