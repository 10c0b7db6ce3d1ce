#!/usr/bin/env bash
# The explorer as a user meets it, on a shared capture, in a 140x40 tmux pane:
# rows, sorting by key and by mouse, drilling three levels down and back,
# search, text filter, sysdig filter (valid and invalid), help, views menu,
# pause, resize, quit, and the terminal given back in every case.
source "$(dirname "$0")/lib.sh"

start 140 40 -r "$CAPTURE"
check "header shows the source file" "curl_google.scap"
check "header shows the time range" "2018-08-17"
check "breadcrumb starts at Processes" "Processes"
check "curl's row is shown" "curl -6 http"
check "the default sort column is marked" "SYSCALLS/s▼"
first_row=$(screen | sed -n 6p)
case "$first_row" in *17497*) pass "busiest process first" ;; *) fail "busiest process first" ;; esac

# Sorting by keys: > moves the sort to the next column, I inverts.
keys '>'
check "> sorts by the next column" "ERRORS/s▼"
keys I
check "I inverts the direction" "ERRORS/s▲"
keys '<' '<' '<' '<' '<' '<' '<' '<' '<'  # past SYSCALLS, MEM%, RES, VIRT, CPU%, THR, USER, PPID
check "< sorts by earlier columns (PID, ascending inverted to descending)" "PID▼"
row6=$(screen | sed -n 6p)
case "$row6" in *17497*) pass "PID descending puts the highest pid first" ;; *) fail "PID descending" ;; esac
keys I
check "PID ascending" "PID▲"
row6=$(screen | sed -n 6p)
case "$row6" in *"     1 "*) pass "PID ascending puts pid 1 first" ;; *) fail "PID ascending puts pid 1 first" ;; esac

# Mouse: a click on a column title sorts by it, a second click inverts.
y=$(($(line_of "PPID") - 1))
x=$(screen | sed -n "$((y + 1))p" | grep -bo "USER" | head -1 | cut -d: -f1)
click "$x" "$y"
if wait_for "USER▲"; then
  pass "click on a title sorts by it"
  click "$x" "$y"
  check "a second click inverts" "USER▼"
else
  fail "click on a title sorts by it (mouse reports through tmux)"
fi

# Search: / finds curl, the selection moves there.
keys '/' 'curl -6' Enter
sleep 0.2
keys F6  # events of the selection: only curl's
check "F6 opens the events of the selected row" "▸ Events"
check "those events are curl's" "curl"
check "events come oldest first" "NUM▲"
keys I
check "I turns a view sorted ascending by default at the first press" "NUM▼"
keys BSpace
check_gone "Backspace leaves the events" "▸ Events"

# Drill down three levels: Processes > Threads > System Calls > Events.
keys '/' 'curl -6' Enter Enter
check "Enter drills into threads" "Processes ▸ curl (17497) ▸ Threads"
keys '/' '17498' Enter Enter
check "Enter on a thread opens its system calls" "▸ Threads ▸ curl (17498) ▸ System Calls"
keys '/' 'connect' Enter Enter
check "Enter on a system call opens its events (one process: no callers list)" "▸ System Calls ▸ connect ▸ Events"
check "the events are connect events" "connect      fd="
keys Enter
check "Enter on an event shows all its fields" "evt.type=connect"
keys q
check "q closes the field list only" "▸ Events"
keys BSpace
check "back to System Calls" "▸ curl (17498) ▸ System Calls"
keys BSpace
check "back to Threads" "▸ curl (17497) ▸ Threads"
sel=$(screen | grep -F "17498" | head -1)
[ -n "$sel" ] && pass "the thread row is still there" || fail "the thread row is still there"
keys BSpace
check_gone "back to Processes" "▸ Threads"
check "the user's sort came back" "USER▼"

# Text filter: \ keeps matching rows; Esc clears it.
keys '\' 'dhclient' Enter
check "text filter shown in the header" "Text filter: dhclient"
check_gone "rows without the text are hidden" "systemd-logind"
keys Escape
check_gone "Esc clears the text filter" "Text filter:"
check "rows are back" "systemd-logind"

# Sysdig filter: an invalid one keeps the prompt open with the error.
keys ':' 'evt.type = open and' Enter
check "an invalid filter shows the error" "expected an expression"
check "the prompt stays open" "Sysdig filter: evt.type = open and"
keys C-u 'evt.type = open' Enter
check "a valid filter is shown in the header" "Filter: evt.type = open"
check_gone "the prompt closed" "Sysdig filter:"
keys ':' C-u Enter
check_gone "an empty filter clears it" "Filter: evt.type"

# Help: F1/h/?; q and Esc close the help only.
keys h
check "h opens help" "incremental search"
keys q
check_gone "q closes help (and does not quit)" "incremental search"
check "still running after q in help" "Processes"
keys '?'
check "? opens help" "incremental search"
keys Escape
check_gone "Esc closes help" "incremental search"

# Views menu: F2/v, Esc cancels, Enter opens.
keys v
check "v opens the views menu" "Views: Enter opens"
keys Escape
check_gone "Esc cancels the menu" "Views: Enter opens"
check "still on Processes" "SYSCALLS/s"
keys v Down Down Enter
check "the menu opens System Calls" "System Call"
check "System Calls counts" "CALLS▼"

# Pause.
keys p
check "p shows PAUSED" "PAUSED"
keys p
check_gone "p again resumes" "PAUSED"

# Resize: too small gives a clear message; back to normal redraws.
tm resize-window -t t -x 60 -y 20
check "a small terminal gets a clear message" "needs a terminal of at least 80x24"
tm resize-window -t t -x 80 -y 24
check "at 80x24 the table is back" "CALLS"
check "and the function bar" "F10 q"

# Quit, and the terminal is restored (sane, echoing, canonical).
quit_restores_terminal

# Ctrl-C and SIGTERM end it cleanly too.
start 140 40 -r "$CAPTURE"
check "started again" "curl -6"
keys C-c
check "Ctrl-C quits with status 0" "EXIT STATUS 0"
grep -q ' icanon' "$SCRATCH/stty" && pass "terminal restored after Ctrl-C" || fail "terminal restored after Ctrl-C"
start 140 40 -r "$CAPTURE"
check "started again" "curl -6"
pkill -TERM -f "^$TRACETOP -r $CAPTURE" 2>/dev/null || kill -TERM "$(tm list-panes -t t -F '#{pane_pid}' | xargs pgrep -P | head -1)"
check "SIGTERM quits" "EXIT STATUS 0"
grep -q ' icanon' "$SCRATCH/stty" && pass "terminal restored after SIGTERM" || fail "terminal restored after SIGTERM"

# A crash gives the terminal back as well (SIGSEGV sent from outside).
start 140 40 -r "$CAPTURE"
check "started again" "curl -6"
kill -SEGV "$(tm list-panes -t t -F '#{pane_pid}' | xargs pgrep -P | head -1)"
check "a crash ends it" "EXIT STATUS 139"
grep -q ' icanon' "$SCRATCH/stty" && pass "terminal restored after a crash" || fail "terminal restored after a crash"

# NO_COLOR works the same.
fresh_server
printf '%q ' "$TRACETOP" -r "$CAPTURE" > "$SCRATCH/cmd"
tm new-session -d -s t -x 120 -y 40 "NO_COLOR=1 TERM=vt100 LANG=C $(cat "$SCRATCH/cmd"); echo \"EXIT STATUS \$?\"; sleep 600"
check "monochrome, ASCII terminal works" "SYSCALLS/sv"
check "ASCII breadcrumb" "Processes"
keys q
check "and quits" "EXIT STATUS 0"

finish
