#!/usr/bin/env bash
# Issue 16 (uilook) on a shared capture: the table scrolled right to columns
# a 100-column terminal leaves out, a sort picked from the sort menu, the
# column chooser, settings saved on the setup screen and found at the next
# start, a bad settings file, and colour schemes (monochrome, NO_COLOR) read
# from the escapes tmux captures.
source "$(dirname "$0")/lib.sh"

rc="$XDG_CONFIG_HOME/tracetop/tracetoprc"
# The escapes of the screen: does it set any colour (SGR 30-37, 40-47,
# 90-97, 100-107, 38;5;N or 48;5;N)?
coloured() {
  tm capture-pane -t t -p -e | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m'
}

# --- Across the columns, at 100 columns: the connection tuple is out of sight.
start 100 30 -r "$CAPTURE" -v connections
check "Connections shown" "PROTO LPORT"
if screen | grep -qF "Connection "; then fail "the tuple column is out of sight at 100 columns"; else pass "the tuple column is out of sight at 100 columns"; fi
check "a mark says more columns are to the right" "»"
for _ in 1 2 3 4 5 6 7 8 9 10 11; do keys Right; done
check "Right reaches the tuple column" "Connection"
check "the whole tuple shows once scrolled to" "9a47:d29e:37140->2607:f8b0:4004:802::2004:80"
check "a mark says columns are out of sight to the left" "«"
keys C-a
check "Ctrl-A goes back to the first column" "PROTO LPORT"
check_gone "no left mark at the first column" "«"
# ui16: Ctrl-E goes to the last column (the tuple), Ctrl-A back again.
keys C-e
check "Ctrl-E reaches the last column" "9a47:d29e:37140->2607:f8b0:4004:802::2004:80"
keys C-a
check "and Ctrl-A back" "PROTO LPORT"

# --- The sort menu: LPORT descending puts the udp row (40251) first.
first=$(screen | sed -n 6p)
case "$first" in tcp*) pass "tcp first by bytes" ;; *) fail "tcp first by bytes" ;; esac
keys o
check "o opens the sort menu" "Sort by:"
# ui16: each menu's function bar says its own words, not the views menu's.
bar_says() {
  local bar; bar=$(screen | tail -1)
  if grep -qF -- "$2" <<<"$bar" && ! grep -qF "Open" <<<"$bar"; then pass "$1"; else fail "$1: bar '$bar'"; fi
}
bar_says "the sort menu's bar" "Enter Sort"
check "the menu starts on the sorted column" "▼ BYTES"
keys Home Down Enter
check "the menu sorts by LPORT, its mark beside the whole title" "LPORT▼"
check "other titles untouched" "BYTES  "
first=$(screen | sed -n 6p)
case "$first" in udp*40251*) pass "the order follows the menu's column" ;; *) fail "the order follows the menu's column: $first" ;; esac
keys o I Escape
check "I in the menu inverts" "LPORT▲"
first=$(screen | sed -n 6p)
case "$first" in tcp*37140*) pass "inverted order" ;; *) fail "inverted order: $first" ;; esac

# The mouse: a click on a column in the menu sorts by it.
keys o
check "the sort menu again" "Sort by:"
y=$(($(line_of "   RPORT") - 1))
click 5 "$y"
check "a click in the menu sorts by RPORT" "RPORT▼"
first=$(screen | sed -n 6p)
case "$first" in tcp*37140*) pass "RPORT descending puts port 80 first" ;; *) fail "RPORT descending: $first" ;; esac

# --- The column chooser: PROTO hidden, RPORT moved first; saved on close.
keys C
check "C opens the column chooser" "Columns of connections"
bar_says "the chooser's bar" "Space Show/Hide"
keys Space Down Down F7 F7
# A click on a line shows or hides that column: OUT off, then on again.
y=$(($(line_of "] OUT") - 1))
click 3 "$y"
check "a click hides a column" "[ ] OUT"
click 3 "$y"
check "a second click shows it again" "[x] OUT"
keys Escape
check "the chooser's choice applies at once" "RPORT▼LPORT"
if screen | sed -n 5p | grep -q PROTO; then fail "PROTO hidden"; else pass "PROTO hidden"; fi
check "the choice is saved" "Settings saved to"
if grep -q "'connections' = \['rport', 'lport'" "$rc"; then pass "columns in the settings file"; else fail "columns in the settings file: $(cat "$rc")"; fi

# --- The setup screen: monochrome, default view Server Ports, refresh 2000.
if coloured; then pass "colours by default"; else fail "colours by default"; fi
keys S
check "S opens the setup screen" "Setup:"
bar_says "the setup screen's bar" "Esc q Save"
keys Right Down Right Down
for _ in $(seq 1 30); do
  screen | grep -q "Default view *server_ports" && break
  keys Right; sleep 0.05
done
check "the default view is chosen" "server_ports"
check "the scheme is chosen" "monochrome"
keys Escape
check "closing the setup screen saves" "Settings saved to"
if coloured; then fail "monochrome applies at once: $(tm capture-pane -t t -p -e | head -6 | cat -v)"; else pass "monochrome applies at once"; fi
for want in "refresh_ms = 2000" "color_scheme = 'monochrome'" "default_view = 'server_ports'"; do
  if grep -qF "$want" "$rc"; then pass "saved: $want"; else fail "saved: $want ($(cat "$rc"))"; fi
done
quit_restores_terminal

# --- The next start finds them: the view, its columns, no colours.
start 100 30 -r "$CAPTURE"
check "the saved default view opens" "Server Ports"
if coloured; then fail "the saved monochrome scheme applies"; else pass "the saved monochrome scheme applies"; fi
# The command line wins over the file.
start 100 30 -r "$CAPTURE" -v connections --scheme default
check "-v wins over the default view" "RPORT LPORT"
if coloured; then pass "--scheme wins over the file"; else fail "--scheme wins over the file"; fi

# --- NO_COLOR (no-color.org): no colour, unless the command line asks.
rm -f "$rc"
export NO_COLOR=1
start 100 30 -r "$CAPTURE"
check "started under NO_COLOR" "Processes"
if coloured; then fail "NO_COLOR: no colour attributes"; else pass "NO_COLOR: no colour attributes"; fi
start 100 30 -r "$CAPTURE" --color
check "started with --color" "Processes"
if coloured; then pass "--color wins over NO_COLOR"; else fail "--color wins over NO_COLOR"; fi
unset NO_COLOR

# --- ui16: the 256-colour scheme uses the xterm palette (38;5;N / 48;5;N).
start 100 30 -r "$CAPTURE" --scheme 256
check "started with --scheme 256" "Processes"
if tm capture-pane -t t -p -e | grep -qE $'\e\\[([0-9;]*;)?[34]8;5;[0-9]+'; then
  pass "--scheme 256 draws with 256-colour escapes"
else
  fail "--scheme 256 draws with 256-colour escapes"
fi
# ui16: --help and the man page name the settings file.
if "$TRACETOP" --help 2>&1 | grep -qF "tracetop/tracetoprc"; then pass "--help names the settings file"; else fail "--help names the settings file"; fi
if grep -qF "tracetop/tracetoprc" "$(dirname "$0")/../../man/tracetop.8"; then pass "the man page names the settings file"; else fail "the man page names the settings file"; fi

# --- tidy (session 6): at 120 columns Processes gives its Command column a
# useful share (was 7 cells) and keeps every column and value on screen.
start 120 30 -r "$CAPTURE"
check "Processes at 120 columns" "SYSCALLS/s"
check "the command line shows 16 cells and more" "curl -6 http://w"
line=$(screen | grep -F "PID" | head -1)
for title in "PPID" "USER" "VIRT" "MEM%" "FILE IN" "NET IN" "NET OUT" "EVENTS" "Command"; do
  [[ "$line" == *"$title"* ]] || fail "at 120 columns the title $title is still shown: $line"
done
row=$(screen | grep -E "^ *17497 ")
[[ "$row" == *" 31.4K "*" 11.3K "*" 110B "*" 1221 curl"* ]] && pass "the curl row keeps every value" ||
  fail "the curl row: $row"

# --- A bad settings file: one warning line, the defaults, no crash.
mkdir -p "$(dirname "$rc")"
printf 'refresh_ms = "soon"\ndefault_view = "server_ports"\n' > "$rc"
start 100 30 -r "$CAPTURE"
check "a bad file is named with its line" "tracetoprc:1: refresh_ms"
check "the defaults: Processes" "Processes"
keys Down
check_gone "the warning goes at the next key" "tracetoprc:1"
printf 'default_view = "no_such_view"\n' > "$rc"
start 100 30 -r "$CAPTURE"
check "a default view that is gone: a warning" "no view \"no_such_view\""
check "and the default view" "Processes"
quit_restores_terminal
finish
