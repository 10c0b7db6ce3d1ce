#!/usr/bin/env bash
# Issue 16 on a capture (no root needed): the actions menu refuses what
# changes the system offline and says why, opens a row's open files as a
# drill-down level, copies a row; Space tags; htop's M and digits; an
# unbound key's hint; H in Threads; a bad ~/.config/tracetop/actions.toml is one clear line
# on the status line while the built-in actions stay.
source "$(dirname "$0")/lib.sh"

start 140 40 -r "$CAPTURE"
wait_for "curl -6" 10 || fail "the capture loaded"
keys 1 7 4 9 7; check "digits jump to curl" "PID 17497"
keys F8; check "F8 opens the actions on curl" "Actions on 17497"
check "the signal action is listed" "s  Send a signal to the process"
keys s; check "offline, signals are refused with the reason" "Send a signal to the process: only live"
keys F8 f; check "f opens its open files, a level down" "Processes ▸ curl ▸ Files"
check "curl's files" "libcurl-gnutls.so.4"
keys BSpace; check "Backspace returns" "SYSCALLS/"
# ui16: the mouse picks an action too (a click on its line).
keys F8; check "F8 again" "Actions on 17497"
y=$(($(line_of "Its open files") - 1))
click 3 "$y"
check "a click on an action runs it" "Processes ▸ curl ▸ Files"
keys BSpace; check "and Backspace returns" "SYSCALLS/"
keys M; check "M sorts by MEM%" "MEM%▼"
keys x; check "an unbound key says so" "x does nothing here: F1 lists the keys"
keys Space; check "Space tags the row" "1 tagged: F8 acts on them all"
[ "$(screen | grep -c '^\*')" = 1 ] && pass "the tagged row is marked" || fail "no * mark on the tagged row"
keys F8 Escape; check "Esc cancels" "cancelled"

# H in Threads: curl's second thread (17498) goes, the filter says why.
start 140 40 -r "$CAPTURE" -v threads
wait_for "17498" 10 || fail "Threads lists curl's second thread"
keys H; check "H puts the main-thread term in the filter" "thread.ismain = true"
check_gone "curl's second thread is hidden" "17498"
keys H; check "H again shows it" "17498"

# A bad user file: one line naming it, the built-in actions still there.
mkdir -p "$SCRATCH/config/tracetop"
printf '[[action]]\nid = "x"\nname = "X"\nkey = "x"\nkind = "explode"\n' > "$SCRATCH/config/tracetop/actions.toml"
export XDG_CONFIG_HOME="$SCRATCH/config"
start 140 40 -r "$CAPTURE"
check "a bad actions file is named on the status line" \
  "$SCRATCH/config/tracetop/actions.toml: action 1 (\"x\"): unknown kind \"explode\""
wait_for "curl -6" 10  # F8 needs a row under it (ui16: it flaked on a busy machine)
keys F8; check "the built-in actions stay" "Send a signal to the process"
keys Escape
quit_restores_terminal
finish
