#!/usr/bin/env bash
# Live, through --json: a workload of known behaviour (tt_views.c) shows
# exactly its signals (SIGUSR1 and SIGTERM, sent by kill and delivered), its
# failed opens (ENOENT and EACCES), its loopback TCP connection with the
# bytes it moved, that I/O by type, and the command lines it executed with
# their exit status; a command whose name and arguments hold terminal escape
# sequences shows them neutralized, in JSON and on the screen.
source "$(dirname "$0")/lib.sh"
need_root
: "${VIEWS_WORKLOAD:?run through meson test}"
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to read JSON"; exit 1; }

# The workload re-executes itself through a link whose name holds an escape
# sequence; every process of it has a name starting with tt_views.
ESC_NAME=$(printf 'tt_views\033[31mx')
ln -s "$VIEWS_WORKLOAD" "$SCRATCH/$ESC_NAME"
# The workload runs in $SCRATCH and never leaves it: its cwd tells it from
# another copy of this test that may run at the same time on a shared machine.
FAMILY="proc.name startswith tt_views and proc.cwd startswith '$SCRATCH'"
VIEWS="signals errors connections io_types commands"

# --json prints no readiness line: give the five instances time to attach,
# and the workload (over 4 s: its sleeper sleeps 4 s) time to finish inside
# their window; both longer in sanitizer builds (TRACETOP_TIME_SCALE).
scale=${TRACETOP_TIME_SCALE:-1}
attach=$((scale == 1 ? 3 : 6))
pids=()
for v in $VIEWS; do
  "$TRACETOP" "${RINGS[@]}" --json -v "$v" --duration $((attach + 5 * scale)) "$FAMILY" >"$SCRATCH/$v.json" 2>"$SCRATCH/$v.err" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait_until_attached "$p"; done
(cd "$SCRATCH" && "$VIEWS_WORKLOAD" "$SCRATCH" "$SCRATCH/$ESC_NAME") >"$SCRATCH/report" || fail "the workload failed"
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || fail "tracetop --json -v $(echo $VIEWS | cut -d' ' -f$((i + 1))) failed: $(cat "$SCRATCH/$(echo $VIEWS | cut -d' ' -f$((i + 1))).err")"
done
[ -n "$(report pid)" ] || { fail "the workload reported nothing"; finish; }

# Each check is a python block over one view's JSON and the report.
check_view() {
  local view=$1 what=$2 code=$3
  if SCRATCH="$SCRATCH" python3 - "$SCRATCH/$view.json" "$SCRATCH/report" <<PY; then pass "$view: $what"; else fail "$view: $what"; echo "  json: $(head -c 3000 "$SCRATCH/$view.json")"; fi
import json, os, sys
d = json.load(open(sys.argv[1]))
rep = dict(l.rstrip("\n").split("=", 1) for l in open(sys.argv[2]) if "=" in l)
rows = [r["values"] for r in d["rows"]]
$code
PY
}

check_view signals "SIGUSR1 and SIGTERM from the workload to the sleeper, each sent by kill and delivered" '
pid, sl = int(rep["pid"]), int(rep["sleeper"])
# SIGCHLD is ignored by default, so never delivered: no other signal shows.
got = {(r["source_pid"], r["target_pid"], r["signal"]): r for r in rows}
assert set(got) == {(pid, sl, "SIGUSR1"), (pid, sl, "SIGTERM")}, sorted(got)
for r in got.values():
    assert (r["sent"], r["failed"], r["delivered"], r["count"]) == (1, 0, 1, 2), r
    assert r["via"] == "kill" and r["source"] == "tt_views" and r["target"] == "tt_views", r'

check_view errors "ENOENT and EACCES from the failed opens, with their meaning" '
got = {r["error"]: r for r in rows}
assert got["ENOENT"]["count"] == int(rep["enoent"]), got["ENOENT"]
assert got["ENOENT"]["meaning"] == "No such file or directory", got["ENOENT"]
assert got["EACCES"]["count"] == int(rep["eacces"]), got["EACCES"]
assert got["EACCES"]["meaning"] == "Permission denied", got["EACCES"]
assert set(got) <= {"ENOENT", "EACCES"}, sorted(got)'

check_view connections "both ends of the loopback connection with the bytes moved" '
cport, sport, pid = int(rep["client_port"]), int(rep["server_port"]), int(rep["pid"])
c2s, s2c = int(rep["c2s_bytes"]), int(rep["s2c_bytes"])
tup = "127.0.0.1:%d->127.0.0.1:%d" % (cport, sport)
assert len(rows) == 2 and all(r["tuple"] == tup and r["proto"] == "tcp" and r["pid"] == pid for r in rows), rows
ends = {r["lport"]: r for r in rows}
cl, sv = ends[cport], ends[sport]
assert (cl["lip"], cl["rip"], cl["rport"], cl["out"], cl["in"]) == ("127.0.0.1", "127.0.0.1", sport, c2s, s2c), cl
assert (sv["lip"], sv["rip"], sv["rport"], sv["in"], sv["out"]) == ("127.0.0.1", "127.0.0.1", cport, c2s, s2c), sv'

check_view io_types "ipv4 moved exactly the connection bytes; the pipe its four acknowledgements" '
got = {r["type"]: r for r in rows}
c2s, s2c = int(rep["c2s_bytes"]), int(rep["s2c_bytes"])
assert got["ipv4"]["bytes"] == 2 * (c2s + s2c), got["ipv4"]
assert got["ipv4"]["ops"] == 4, got["ipv4"]
# Two acknowledgements written by the sleeper, two read by the workload.
assert got["pipe"]["bytes"] == 4 and got["pipe"]["ops"] == 4, got["pipe"]
assert set(got) <= {"file", "ipv4", "ipv6", "unix", "pipe", "other"}, sorted(got)'

check_view commands "the sleeper and escape command lines, their parent and exit status" '
pid, sl, esc = int(rep["pid"]), int(rep["sleeper"]), int(rep["escape"])
got = {r["pid"]: r for r in rows}
s = got[sl]
# The command line as executed: argv[0] (the path the workload ran as) first.
assert s["cmd"] == "%s sleeper %s" % (os.environ["VIEWS_WORKLOAD"], rep["sleeper_fd"]), s
assert s["ppid"] == pid and s["parent"] == "tt_views" and s["exit"] == rep["sleeper_exit"], s
e = got[esc]
assert "\x1b" not in json.dumps(d) and "\\u001b" not in json.dumps(d), "an escape reached the output"
assert e["cmd"] == os.environ["SCRATCH"] + "/tt_views.[31mx escape .]0;pwned..[2J", e
assert e["exit"] == "0" and e["ppid"] == pid, e
w = got[pid]
assert w["exit"] == "0" and w["cmd"].startswith(os.environ["VIEWS_WORKLOAD"] + " "), w
# Rows come oldest first; the child that only forked (the EACCES opener)
# executed nothing, so its exit opens no row.
assert [r["pid"] for r in rows] == [pid, sl, esc], rows'

# On screen: the live Executed Commands view in tmux shows the escape
# command with its escapes as dots, and the terminal did not act on them
# (an ESC [2J would have wiped the header, an OSC 0 retitled the window).
if command -v tmux >/dev/null; then
  screen_start 200 -v commands -d 500 "$FAMILY"
  sleep "$attach"
  (cd "$SCRATCH" && "$VIEWS_WORKLOAD" "$SCRATCH" "$SCRATCH/$ESC_NAME") >"$SCRATCH/report2" || fail "the workload failed (screen run)"
  if screen_wait_for 'tt_views.[31mx escape .]0;pwned..[2J' 60 0.1 && screen_untouched; then
    pass "screen: the escape command shows its escapes as dots, the terminal untouched"
  else
    fail "screen: the escape command line"; cat "$SCREEN_FILE"
  fi
  # Let the interval that saw the workload's last exits be published before
  # clearing, then give the clear a few refreshes to show.
  sleep 1.5
  tm send-keys -t t c
  cleared=""
  for _ in $(seq 1 30); do
    sleep 0.2
    tm capture-pane -t t -p >"$SCREEN_FILE"
    if ! grep -qF 'tt_views.[31mx' "$SCREEN_FILE"; then cleared=1; break; fi
  done
  [ -n "$cleared" ] && pass "screen: c clears Executed Commands" || fail "screen: c did not clear Executed Commands"
  screen_stop
else
  echo "note: tmux not installed; the on-screen check is left out"
fi
finish
