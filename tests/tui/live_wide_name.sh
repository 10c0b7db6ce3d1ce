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
LOOK=mirror  # looking starts no process on the traced machine (lib.sh)
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

# ui16: the check above holds even if widths were counted in code points
# (each cell is drawn at its own column, and the next one covers an
# overflow). Here the wide text is cut: a user view puts the command line
# (大字大字 tracetop-wide-...) in 20 cells and the name (8 cells) in 6, each
# before a number column. Counted in code points, the command line's cut
# would fall 4 cells too far, into the gap before PID.
mkdir -p "$XDG_CONFIG_HOME/tracetop/views"
cat > "$XDG_CONFIG_HOME/tracetop/views/wide_cells.toml" <<'TOML'
id = "wide_cells"
name = "Wide cells"
description = "Test view (live_wide_name): wide text cut in narrow columns."
keys = ["proc.pid"]
label = "proc.name"
sort = "pid"

[[columns]]
id = "cmd"
title = "CMDLINE"
field = "proc.cmdline"
aggregation = "last"
width = 20
format = "text"

[[columns]]
id = "pid"
title = "PID"
field = "proc.pid"
aggregation = "last"
width = 7
format = "number"

[[columns]]
id = "name"
title = "NAME"
field = "proc.name"
aggregation = "last"
width = 6
format = "text"

[[columns]]
id = "tid"
title = "TID"
field = "thread.tid"
aggregation = "last"
width = 7
format = "number"
TOML
start 140 30 -d 500 -v wide_cells "proc.pid=$talk_pid"
if wait_for "tracetop-wi" 30; then
  pass "the wide command line shows in a user view"
  sleep 1
  screen > "$SCRATCH/screen2"
  /usr/bin/python3 - "$SCRATCH/screen2" "$talk_pid" <<'PY'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
pid = sys.argv[2]
def cells(line):
    """The character drawn at each terminal cell ('' for a wide one's second cell)."""
    out = []
    for c in line:
        out.append(c)
        if unicodedata.east_asian_width(c) in "WF":
            out.append("")
    return out
def cell_of(line, text):
    i = line.find(text)
    return None if i < 0 else len(cells(line[:i]))
title = next((l for l in lines if "CMDLINE" in l and " NAME" in l), None)
row = next((l for l in lines if "tracetop-wi" in l), None)
if not title or not row:
    print("FAIL: titles and the wide row on screen"); sys.exit(1)
bad = 0
def check(ok, what):
    global bad
    bad += not ok
    print(("ok: " if ok else "FAIL: ") + what + f": {row!r}")
rc = cells(row) + [" "] * 200
cmd_x, name_x = cell_of(title, "CMDLINE"), cell_of(title, "NAME")
# The command line: exactly its 20 cells, the column gap after them blank
# (cut 4 cells too late, "de-" would spill into the gap).
check("".join(rc[cmd_x:cmd_x + 20]) == "大字大字 tracetop-wi", "the command line fills its 20 cells")
check(rc[cmd_x + 20] == " ", f"the gap after the command line is blank (cell {cmd_x + 20}: {rc[cmd_x + 20]!r})")
# The PID column (sorted by: its arrow takes the title's last cell): the
# number right-aligned in its 7 cells after the gap, under its title.
pid_end = cmd_x + 21 + 7
check(cell_of(title, "PID") + 4 == pid_end, "the PID title and its arrow end the column")
check("".join(rc[pid_end - len(pid):pid_end]) == pid, f"PID ends at cell {pid_end}")
# The name: 8 cells cut to 6, three wide characters, the gap blank.
check("".join(rc[name_x:name_x + 6]) == "大字大" and rc[name_x + 6] == " ", "the name is cut to its 6 cells")
tid_end = cell_of(title, "TID") + 3
check("".join(rc[tid_end - len(pid):tid_end]) == pid, f"TID ends at cell {tid_end}")
sys.exit(1 if bad else 0)
PY
  [ $? -eq 0 ] || failures=$((failures + 1))
else
  fail "the wide command line shows in a user view"
fi
quit_restores_terminal
finish
