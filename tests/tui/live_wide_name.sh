#!/usr/bin/env bash
# Display width live, as root (issue 16): a process whose name is four
# double-width characters (tt_echo_talk run under the name 大字大字, talking
# to itself over loopback TCP) shows in Connections with every column after
# its name where the titles say, counted in terminal cells.
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: live capture needs root (BPF); run 'meson test tui-live_wide_name' as root"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
: "${ECHO_TALK:?run through meson test}"

wide="$SCRATCH/大字大字"
cp "$ECHO_TALK" "$wide"
"$wide" "tracetop-wide-$$" 60 & talk_pid=$!
trap 'kill $talk_pid 2>/dev/null; cleanup' EXIT

start 140 30 -d 500 -v connections "proc.pid=$talk_pid"
if ! wait_for "大字大字" 30; then
  fail "the wide name shows in Connections"
  finish
fi
pass "the wide name shows in Connections"
sleep 1
# Cells, not characters: tmux prints a wide character once for its two cells.
screen > "$SCRATCH/screen"
/usr/bin/python3 - "$SCRATCH/screen" <<'PY'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def cell_of(line, text):
    i = line.find(text)
    if i < 0:
        return None
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i])
title = next((l for l in lines if " LIP " in l and "RIP" in l), None)
rows = [l for l in lines if "大字大字" in l]
bad = 0
if not title or not rows:
    print("FAIL: titles and the wide row on screen"); sys.exit(1)
for row in rows:
    for col, value in (("LIP", "127.0.0.1"), ("RIP", "127.0.0.1 ")):
        want = cell_of(title, col)
        got = cell_of(row, value) if col == "LIP" else cell_of(row[row.find("127.0.0.1") + 9:], "127.0.0.1")
        if col == "RIP" and got is not None:
            got += cell_of(row, "127.0.0.1") + 9
        ok = got == want
        bad += not ok
        print(("ok: " if ok else "FAIL: ") + f"{col} at cell {want}, the wide row's value at {got}: {row!r}")
    # The process column: name, then padding to the column's 12 cells.
    name_cell = cell_of(row, "大字大字")
    proc_cell = cell_of(title, "Process")
    ok = name_cell == proc_cell
    bad += not ok
    print(("ok: " if ok else "FAIL: ") + f"the name starts under its title (cell {proc_cell}, at {name_cell})")
sys.exit(1 if bad else 0)
PY
[ $? -eq 0 ] || failures=$((failures + 1))
quit_restores_terminal
finish
