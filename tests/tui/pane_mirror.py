#!/usr/bin/python3
"""Mirrors a tmux pane into a text file without polling tmux.

Usage: pane_mirror.py FIFO COLUMNS LINES OUT

tmux's pipe-pane writes every byte the pane prints into FIFO; a terminal
emulator (pyte) replays them, and whenever the output pauses the screen is
written to OUT (every row, trailing blanks removed: as capture-pane -p
prints it) by a rename, so a reader never sees half a screen. The live TUI tests read OUT
with shell builtins: looking at the screen starts no process on the traced
machine, so the explorer never sees the test's own polling (a tmux client
and a grep every 50 ms showed up in the live tables, and a grep's argument
was once the very text a test waited to disappear).

Ends when the pane's pipe closes (the tmux server went away).
"""
import os
import select
import sys

import pyte

# After a chunk, wait this long for more before writing: ncurses sends one
# refresh in several writes, and a screen written mid-refresh would show
# half the new frame.
SETTLE_S = 0.005


class MirrorScreen(pyte.Screen):
    """pyte's screen plus what ncurses sends an xterm-256color and pyte 0.8
    lacks: scrolling the region up and down (CSI n S, CSI n T) and
    repeating the last character (REP, CSI n b). Without them a table
    whose rows move or a run of blanks leaves stale cells in the mirror."""

    last_char = " "

    def draw(self, data):
        if data:
            self.last_char = data[-1]
        super().draw(data)

    def repeat_last(self, count=1, *_args, **_kwargs):
        self.draw(self.last_char * max(1, count))

    def _region(self):
        if self.margins:
            return self.margins.top, self.margins.bottom
        return 0, self.lines - 1

    def _scroll(self, count, row, step):
        """`step` (index or reverse_index) `count` times (at least once) with
        the cursor on `row`, the region's edge; the cursor then goes back."""
        y = self.cursor.y
        self.cursor.y = row
        for _ in range(max(1, count)):
            step()
        self.cursor.y = y

    def scroll_up(self, count=1, *_args, **_kwargs):
        self._scroll(count, self._region()[1], self.index)

    def scroll_down(self, count=1, *_args, **_kwargs):
        self._scroll(count, self._region()[0], self.reverse_index)


class MirrorStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down", b="repeat_last")


def write_screen(screen, out):
    lines = [line.rstrip() for line in screen.display]
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, out)


def main():
    fifo, cols, rows, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    screen = MirrorScreen(cols, rows)
    stream = MirrorStream(screen)
    write_screen(screen, out)
    fd = os.open(fifo, os.O_RDONLY)
    dirty = False
    while True:
        ready, _, _ = select.select([fd], [], [], SETTLE_S if dirty else None)
        if not ready:
            write_screen(screen, out)
            dirty = False
            continue
        data = os.read(fd, 65536)
        if not data:
            break
        stream.feed(data)
        dirty = True
    if dirty:
        write_screen(screen, out)


if __name__ == "__main__":
    main()
