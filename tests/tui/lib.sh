# Shared by the TUI tests: drive the real binary inside a private tmux server
# (its own socket, so a user's sessions are never touched) and read the screen.
# TRACETOP and SHARED come from meson test (tests/meson.build).
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
: "${TRACETOP:?run through meson test}" "${SHARED:?run through meson test}"
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed; ./setup.sh installs it"; exit 1; }
CAPTURE="$SHARED/captures/curl_google.scap"
SOCKET="tracetop-test-$$"
tm() { tmux -L "$SOCKET" "$@"; }
cleanup() { tm kill-server 2>/dev/null; stop_mirror; rm -rf "$SCRATCH"; }
trap cleanup EXIT
# issue 16 (uilook): the explorer reads a settings file (default view,
# columns, colours) and user views from here: a scratch folder, never the
# user's ~/.config, so what a developer saved cannot change a test.
export XDG_CONFIG_HOME="$SCRATCH/config"

# A failure here shows the screen it was seen on.
fail() { echo "FAIL: $*"; echo "--- screen:"; screen; echo "---"; failures=$((failures + 1)); }

# start W H ARGS...: runs tracetop in a fresh session; when it exits, the
# shell prints its status and keeps the pane open for inspection.
# Ends the current tmux server and moves to a fresh socket: a server still
# shutting down on the old one can take a new session down with it ("server
# exited unexpectedly").
fresh_server() {
  tm kill-server 2>/dev/null
  stop_mirror
  starts=$((${starts:-0} + 1))
  SOCKET="tracetop-test-$$-$starts"
}

# LOOK=mirror (the live tests set it): the screen is read from a mirror of
# the pane (pane_mirror.py: tmux's pipe-pane into a terminal emulator), with
# shell builtins only, so looking starts no process on the traced machine.
# Otherwise every look is a tmux client (capture-pane), fine offline.
MIRROR_PID=
stop_mirror() {
  [ -n "$MIRROR_PID" ] && kill "$MIRROR_PID" 2>/dev/null
  MIRROR_PID=
}
start() {
  local w=$1 h=$2 hold=
  shift 2
  fresh_server
  rm -f "$SCRATCH/stty"
  # START_PREFIX (an array): words before tracetop, e.g. env or setpriv.
  printf '%q ' ${START_PREFIX[@]+"${START_PREFIX[@]}"} "$TRACETOP" "$@" > "$SCRATCH/cmd"
  # Mirrored, the pane waits for a line before starting tracetop, so the
  # pipe sees every byte from the first.
  [ "${LOOK:-}" = mirror ] && hold='read -r _go; '
  # The terminal settings are saved before the exit status is shown, so a
  # test that sees the status finds the complete settings file.
  tm new-session -d -s t -x "$w" -y "$h" \
    "${hold}TERM=xterm-256color LANG=C.UTF-8 $(cat "$SCRATCH/cmd"); st=\$?; stty -a > $SCRATCH/stty.tmp; mv $SCRATCH/stty.tmp $SCRATCH/stty; echo \"EXIT STATUS \$st\"; sleep 600"
  if [ -n "$hold" ]; then
    rm -f "$SCRATCH/pane.fifo" "$SCRATCH/screen.txt"
    mkfifo "$SCRATCH/pane.fifo"
    # Debian's python3, which has python3-pyte (setup.sh installs it). Ahead
    # of any load a test makes (overload_keys runs loops at nice -10): the
    # eye must not be what lags.
    nice -n -15 /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/pane_mirror.py" "$SCRATCH/pane.fifo" "$w" "$h" "$SCRATCH/screen.txt" &
    MIRROR_PID=$!
    tm pipe-pane -t t -o "cat > $SCRATCH/pane.fifo"
    local i
    for ((i = 0; i < 200; i++)); do
      [ -e "$SCRATCH/screen.txt" ] && break
      kill -0 "$MIRROR_PID" 2>/dev/null || break
      nap
    done
    if [ ! -e "$SCRATCH/screen.txt" ]; then
      echo "FAIL: the pane mirror (tests/tui/pane_mirror.py) did not start"
      exit 1
    fi
    tm send-keys -t t Enter
  fi
}
# nap [SECONDS]: 50 ms (or SECONDS) without starting a process (read's timeout on a pipe nobody
# writes), for the wait loops.
mkfifo "$SCRATCH/nap.fifo"
exec {NAP_FD}<>"$SCRATCH/nap.fifo"
nap() { read -r -t "${1:-0.05}" -u "$NAP_FD" _ || true; }
# read_screen VAR: the screen into VAR (builtins only when mirrored).
read_screen() {
  if [ -n "$MIRROR_PID" ]; then
    IFS= read -r -d '' "$1" < "$SCRATCH/screen.txt" || true
  else
    printf -v "$1" '%s' "$(tm capture-pane -t t -p)"
  fi
}
screen() {
  if [ -n "$MIRROR_PID" ]; then
    local s
    read_screen s
    printf '%s' "$s"
  else
    tm capture-pane -t t -p
  fi
}
keys() { tm send-keys -t t "$@"; }
# Literal bytes (mouse reports, characters tmux would treat as key names).
raw() { tm send-keys -t t -l "$1"; }

# screen_has TEXT: the screen shows TEXT (fixed string). Matched inside the
# shell, never by a grep given TEXT: a live Processes table shows command
# lines, and a grep whose argument is TEXT would put TEXT on the screen
# itself (CI saw "grep -qF -- not (proc.pid = 2" keep a filter term "shown").
screen_has() { local s; read_screen s; [[ $s == *"$1"* ]]; }
# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
  local text=$1 limit=${2:-5} i
  for ((i = 0; i < limit * 20; i++)); do
    screen_has "$text" && return 0
    nap
  done
  return 1
}
# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
  local text=$1 limit=${2:-5} i
  for ((i = 0; i < limit * 20; i++)); do
    screen_has "$text" || return 0
    nap
  done
  return 1
}
# check NAME TEXT: pass when TEXT shows up.
check() { if wait_for "$2"; then pass "$1"; else fail "$1 (expected '$2')"; fi; }
check_gone() { if wait_gone "$2"; then pass "$1"; else fail "$1 (still shows '$2')"; fi; }

# The line of the screen showing TEXT (1 = top), for mouse clicks.
line_of() {
  local n=0 l
  while IFS= read -r l; do
    n=$((n + 1))
    [[ $l == *"$1"* ]] && { echo "$n"; return; }
  done <<<"$(screen)"
}
# click X Y (0-based cell): an xterm SGR (1006) mouse press and release,
# the report ncurses asks xterm-256color terminals for.
click() {
  raw "$(printf '\033[<0;%d;%dM' $(($1 + 1)) $(($2 + 1)))"
  raw "$(printf '\033[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)))"
}

# q ends the explorer with status 0 and gives the terminal back: canonical
# and echoing again (the settings saved once it exited, see start).
quit_restores_terminal() {
  keys q
  check "q quits with status 0" "EXIT STATUS 0"
  if grep -q ' icanon' "$SCRATCH/stty" && grep -q ' echo ' "$SCRATCH/stty"; then
    pass "terminal restored after q"
  else
    fail "terminal restored after q"
  fi
}
