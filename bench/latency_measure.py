#!/usr/bin/python3
"""The measuring half of bench/latency.sh (run that, not this).

For each load, two runs:
- drain: `tracetop --print --unbuffered` on a pipe, filtered to marker events;
  a marker's latency is the time this script reads its line minus the time
  the marker program took just before its system call (both CLOCK_REALTIME).
  It bounds the time to the drain thread from above: it adds formatting, one
  write and one pipe read. The filter names no event type, so the probe keeps
  every system call of the machine (the load is really carried).
- screen: the explorer in tmux (File Opens, -d 1000, the default refresh),
  its pane read through pipe-pane into a terminal emulator (pyte, no
  polling); this script makes one screen marker at a random moment every
  0.5-1.5 s on top of the load and times it to its first appearance.
Prints p50, p99 and max of each, in milliseconds.
"""
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time

import pyte

TT, MARKER, LOOP = sys.argv[1], sys.argv[2], sys.argv[3]
SCREEN_SAMPLES = int(os.environ.get("SCREEN_SAMPLES", "12"))
work = tempfile.mkdtemp(prefix="ttlatency")

# (label, markers per second, seconds of markers, getppid calls per second)
LOADS = [
    ("1/s", 1, 12, 0),
    ("100/s", 100, 6, 0),
    ("10k/s", 10_000, 4, 0),
    ("100/s + 1M calls/s", 100, 6, 1_000_000),
]


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def summary(values_ms):
    return (f"n={len(values_ms):6d}  p50 {percentile(values_ms, 50):7.1f}  p99 {percentile(values_ms, 99):7.1f}"
            f"  max {max(values_ms) if values_ms else float('nan'):7.1f}")


def wait_capturing(err_path, proc):
    deadline = time.monotonic() + 60
    while "capturing (" not in open(err_path).read():
        if proc.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"latency: tracetop did not start: {open(err_path).read()}")
        time.sleep(0.05)


def start_load(calls_per_s):
    """One paced getppid loop per CPU, together calls_per_s."""
    if calls_per_s == 0:
        return []
    cpus = os.cpu_count() or 1
    per = calls_per_s // cpus
    return [subprocess.Popen([LOOP, str(per * 600), str(per)], stdout=subprocess.DEVNULL) for _ in range(cpus)]


def stop(procs):
    for p in procs:
        p.kill()
        p.wait()


def drain_run(rate, seconds, load):
    tag = f"D{os.getpid()}"
    err = os.path.join(work, "drain.err")
    with open(err, "w") as e:
        tt = subprocess.Popen([TT, "--print", "--unbuffered", "-p", "%evt.arg.name",
                               f"evt.dir=< and evt.arg.name contains ttlm-{tag}-"], stdout=subprocess.PIPE, stderr=e)
    wait_capturing(err, tt)
    lat = []

    def read():
        for line in tt.stdout:
            arrived = time.time_ns()
            try:
                made = int(line.rsplit(b"-", 1)[1])
            except (IndexError, ValueError):
                continue
            lat.append((arrived - made) / 1e6)

    reader = threading.Thread(target=read)
    reader.start()
    loops = start_load(load)
    time.sleep(1 if loops else 0)
    subprocess.run([MARKER, str(rate), str(seconds), tag], stdout=subprocess.DEVNULL, check=True)
    time.sleep(0.5)
    stop(loops)
    tt.send_signal(signal.SIGINT)
    tt.wait()
    reader.join()
    stats = open(err).read().strip().splitlines()[-1]
    return lat, int(rate * seconds), stats


def screen_run(rate, seconds, load):
    tag = f"S{os.getpid()}"
    sock = f"ttlatency{os.getpid()}"
    fifo = os.path.join(work, "pane")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    cols, lines = 160, 40

    def tmux(*args):
        subprocess.run(["tmux", "-L", sock, *args], check=True, capture_output=True)

    screen = pyte.Screen(cols, lines)
    stream = pyte.ByteStream(screen)
    tmux("new-session", "-d", "-s", "t", "-x", str(cols), "-y", str(lines),
         f"read go; TERM=xterm-256color LANG=C.UTF-8 exec {TT} -v file_opens -d 1000 "
         f"'evt.arg.name contains ttlm-{tag}-'")
    tmux("pipe-pane", "-t", "t", "-o", f"cat > {fifo}")
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    tmux("send-keys", "-t", "t", "Enter")

    def pump(limit):
        ready, _, _ = select.select([fd], [], [], max(0.0, limit))
        if ready:
            data = os.read(fd, 1 << 16)
            if data:
                stream.feed(data)

    def shows(text):
        return any(text in row for row in screen.display)

    start = time.monotonic()
    while not shows("Source: live") and time.monotonic() - start < 60:
        pump(0.05)
    end = time.monotonic() + 2
    while time.monotonic() < end:
        pump(end - time.monotonic())
    loops = start_load(load)
    background = subprocess.Popen([MARKER, str(rate), str(seconds + SCREEN_SAMPLES * 1.6), f"B{tag}"],
                                  stdout=subprocess.DEVNULL)
    lat = []
    for i in range(SCREEN_SAMPLES):
        quiet = time.monotonic() + random.uniform(0.5, 1.5)
        while time.monotonic() < quiet:
            pump(quiet - time.monotonic())
        name = f"/nonexistent-ttlm-{tag}-{i}-x"
        t0 = time.monotonic()
        try:
            os.open(name, os.O_RDONLY)
        except FileNotFoundError:
            pass
        while not shows(name) and time.monotonic() - t0 < 10:
            pump(0.01)
        lat.append((time.monotonic() - t0) * 1000 if shows(name) else float("inf"))
    background.kill()
    background.wait()
    stop(loops)
    subprocess.run(["tmux", "-L", sock, "send-keys", "-t", "t", "q"], capture_output=True)
    time.sleep(0.3)
    subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)
    os.close(fd)
    return lat


print(f"latency: {os.cpu_count()} CPUs, load average {open('/proc/loadavg').read().split()[0]}")
for label, rate, seconds, load in LOADS:
    lat, made, stats = drain_run(rate, seconds, load)
    lost = made - len(lat)
    print(f"{label:20s} to drain  {summary(lat)}  ms  ({made} markers, {lost} not seen; {stats})")
    shot = screen_run(rate, seconds, load)
    print(f"{label:20s} to screen {summary(shot)}  ms")
subprocess.run(["rm", "-rf", work])
