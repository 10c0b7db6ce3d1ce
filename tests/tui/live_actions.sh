#!/usr/bin/env bash
# Issue 16, live as root: actions on rows, the memory columns and htop's keys.
# tt_mem_hog processes of known memory sleep while tracetop watches:
#   - typing a PID jumps to its row; VIRT and RES of a 64 MiB one match
#     /proc/PID/status (within 10 %);
#   - M, P, T sort (the title's arrow moves), K hides kernel threads (the
#     filter shows it), H in Processes says where it works,
#     u opens the filter prompt with the row's user, an unbound key says so;
#   - F8 s Enter y sends SIGTERM (the child dies of it); F8 n renices one
#     (/proc/PID/stat's nice); two rows tagged with Space die together;
#     F8 Y copies the command line (OSC 52: tmux's buffer holds it);
#   - the explorer run as an unprivileged user (setpriv, with only CAP_BPF and
#     CAP_PERFMON) gets EPERM signalling a root process, on the status line.
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: live capture needs root (BPF); run 'meson test tui-live_actions' as root"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
LOOK=mirror  # looking starts no process on the traced machine (lib.sh)
: "${MEM_HOG:?run through meson test}"
command -v setpriv >/dev/null || { echo "FAIL: setpriv (util-linux) is needed to drop privileges"; exit 1; }

"$MEM_HOG" 64 100 & big=$!
"$MEM_HOG" 1 100 & victim=$!
"$MEM_HOG" 1 100 & nice_one=$!
"$MEM_HOG" 1 100 & tag1=$!
"$MEM_HOG" 1 100 & tag2=$!
trap 'kill $big $victim $nice_one $tag1 $tag2 2>/dev/null; cleanup' EXIT
sleep 0.5  # every page touched

# The table line of PID $1 (first field).
row_of() { screen | awk -v p="$1" '$1 == p' | head -1; }
# Size as the table prints it ("64.3M", "512K", "1.2G") in kB.
kb() { awk -v v="$1" 'BEGIN { m = 1 / 1024; if (v ~ /K$/) m = 1; if (v ~ /M$/) m = 1024; if (v ~ /G$/) m = 1048576; sub(/[KMGB]$/, "", v); printf "%d", v * m }'; }
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(b > 0 && d <= b / 10) }'; }
# Types a number digit by digit (one tmux key each: a blank would be Space).
jump() { keys $(printf '%s' "$1" | sed 's/./& /g'); }

start 200 50 -d 500
wait_for "Source: live" 30 || fail "live capture started"

# Digits jump to the PID's row.
jump "$big"
check "typing a PID jumps to it" "PID $big"
screen | tail -1 | grep -q "^PID $big *\$" && pass "the status line says the PID typed" ||
  fail "status line: $(screen | tail -1)"
wait_for "tt_mem_hog" 5
line=$(row_of "$big")
[ -n "$line" ] && pass "the row of $big is on screen" || fail "no row for $big"
virt=$(kb "$(awk '{print $6}' <<<"$line")")
res=$(kb "$(awk '{print $7}' <<<"$line")")
want_virt=$(awk '/^VmSize:/ {print $2}' /proc/$big/status)
want_res=$(awk '/^VmRSS:/ {print $2}' /proc/$big/status)
near "$virt" "$want_virt" && pass "VIRT ${virt} kB ~ /proc VmSize ${want_virt} kB" ||
  fail "VIRT ${virt} kB, /proc says ${want_virt} kB"
near "$res" "$want_res" && pass "RES ${res} kB ~ /proc VmRSS ${want_res} kB" ||
  fail "RES ${res} kB, /proc says ${want_res} kB"
[ "$res" -ge 60000 ] && pass "RES holds the 64 MiB touched" || fail "RES ${res} kB < 64 MiB"

# htop's sort keys: the arrow moves to the column.
keys M; check "M sorts by MEM%" "MEM%▼"
keys P; check "P sorts by CPU%" "CPU%▼"
keys M; check "M again" "MEM%▼"
keys T; check "T sorts by CPU time (CPU% here)" "CPU%▼"
keys x; check "an unbound key gives a hint" "x does nothing here: F1 lists the keys"
keys H; check "H in Processes says where it works" "H hides user threads in the Threads view"

# K: the kernel-thread term in the filter (the header shows it), and out
# again. (The process list has no kernel threads to begin with, as sysdig's;
# the term hides the events kernel threads make.)
keys K; check "K puts the kernel-thread term in the filter" "Filter: (not (proc.pid = 2 or proc.ppid = 2))"
keys K; check_gone "K again takes it out" "Filter: (not (proc.pid = 2"

# u: the filter prompt with the row's user (root here); Esc leaves it.
jump "$big"; wait_for "PID $big" 3
keys u; check "u prompts for the user's filter" 'user.name = "root"'
keys Escape

# SIGTERM through the menu, after the confirmation.
sleep 1.6
jump "$victim"; check "jump to the victim" "PID $victim"
keys F8; check "F8 opens the actions" "Send a signal to the process"
keys s; check "s lists the signals, SIGTERM first" "15 SIGTERM"
keys Enter; check "a signal asks first" "y or Enter confirms"
keys y; check "the result on the status line" "SIGTERM sent to $victim"
wait "$victim"; st=$?
[ "$st" = 143 ] && pass "the child died of SIGTERM" || fail "victim's exit status $st, not 143"

# Renice to 10.
sleep 1.6
jump "$nice_one"; wait_for "PID $nice_one" 3
keys F8 n; check "renice lists nice values" "Nice value for $nice_one"
keys Up Up Enter; check "renice asks first" "Renice to 10"
keys y; check "renice result" "$nice_one reniced to 10"
nice=$(awk '{print $19}' /proc/$nice_one/stat)
[ "$nice" = 10 ] && pass "/proc says nice 10" || fail "/proc/$nice_one/stat nice $nice"

# Copy the command line (OSC 52 into tmux's buffer).
tm set-option -g set-clipboard on
keys F8 Y; check "copy says where it went" "copied to the terminal's clipboard (OSC 52)"
sleep 0.3
tm show-buffer 2>/dev/null | grep -q "tt_mem_hog 1 100" && pass "tmux's buffer holds the command line" ||
  fail "tmux buffer: $(tm show-buffer 2>&1 | head -c 200)"

# Two tagged rows receive one action together.
sleep 1.6
jump "$tag1"; wait_for "PID $tag1" 3
keys Space; check "Space tags" "1 tagged"
sleep 0.2
jump "$tag2"; wait_for "PID $tag2" 3
keys Space; check "a second tag" "2 tagged"
keys F8 s Enter y
check "both signalled" "SIGTERM sent to $tag1; SIGTERM sent to $tag2"
wait "$tag1"; st1=$?
wait "$tag2"; st2=$?
[ "$st1" = 143 ] && [ "$st2" = 143 ] && pass "both tagged children died" || fail "exit statuses $st1 $st2"

# ui16: following a process's events (F8 e) keeps the selection on the
# newest row, at the bottom of a full table, as events come (the busy loop
# makes more events an interval than the screen holds); Up lets go, End
# follows again.
bash -c 'while :; do : >/dev/null; sleep 0.01; done' & busy=$!
trap 'kill $big $nice_one $busy 2>/dev/null; cleanup' EXIT
sleep 1.6
jump "$busy"; wait_for "PID $busy" 3
keys F8 e; check "the follow action opens its events, following" "[Following]"
# The screen line of the selected event (the selection's colours before its NUM).
selected_line() { tm capture-pane -t t -p -e | grep -nE $'^(\e\\[[0-9;]*m)*\e\\[([0-9;]*;)?46m *[0-9]+ ' | head -1 | cut -d: -f1; }
# Five looks a refresh apart: the selection on the table's last line in most
# (a look may catch a redraw half done when the machine is busy).
at_bottom() {
  local i l n=0 seen=""
  for i in 1 2 3 4 5; do
    sleep 0.5; l=$(selected_line); seen="$seen ${l:-none}"
    [ -n "$l" ] && [ "$l" -ge 48 ] && n=$((n + 1))
  done
  [ "$n" -ge 3 ] || { echo "selection on lines:$seen"; tm capture-pane -t t -p -e | tail -4 | cut -c1-60 | cat -v; return 1; }
}
sleep 1
at_bottom && pass "following: the newest event stays selected at the bottom" || fail "following: not at the newest row"
keys Up; check "Up lets go" "[End follows]"
keys End; check "End follows again" "[Following]"
at_bottom && pass "End: the newest event selected again" || fail "End: not at the newest row"
kill $busy
keys BSpace

# ui16: the refresh interval chosen on the setup screen applies at once (the
# header's Interval is the length of the last sample): 500 ms, then 2000.
check "the interval of -d 500" "Interval: 0.5 s"
keys S; check "the setup screen" "Refresh interval   500 ms"
keys Right Right; check "refresh stepped to 2000 ms" "Refresh interval   2000 ms"
keys Escape
# Then every look for 4 s shows 2 s samples (a busy machine may once stretch a 0.5 s one).
short=0
if wait_for "Interval: 2.0 s" 8; then
  # (the header's line only: the table lists this very grep's command line)
  for _ in $(seq 1 16); do screen | sed -n 2p | grep -qF "Interval: 0." && short=$((short + 1)); sleep 0.25; done
fi
[ "$short" = 0 ] && screen | grep -qF "Interval: 2.0 s" && pass "the new interval applies without a restart" ||
  fail "the new interval applies without a restart ($short looks at a shorter one)"
quit_restores_terminal

# EPERM: the explorer as nobody (CAP_BPF and CAP_PERFMON only) signalling root's process.
START_PREFIX=(env HOME=/nonexistent setpriv --reuid=65534 --regid=65534 --clear-groups
  --inh-caps=+bpf,+perfmon --ambient-caps=+bpf,+perfmon)
start 200 50 -d 500
wait_for "Source: live" 30 || fail "live capture started as nobody"
jump "$big"; check "jump as nobody" "PID $big"
keys F8 s Enter y
check "EPERM on the status line" "SIGTERM to $big: EPERM (Operation not permitted)"
kill -0 "$big" && pass "root's process lives on" || fail "$big died"
keys q
finish
