# Shared by the live tests: root check, the workload run under tracetop, and
# pass/fail helpers. TRACETOP, WORKLOAD and CHILD come from meson test.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
: "${TRACETOP:?run through meson test}" "${WORKLOAD:?run through meson test}" "${CHILD:?run through meson test}"
# The tmux server of the screen helpers below, one per test run.
SCREEN_SOCK="tracetop-live-$$"
SCREEN_USED=""
# KEEP_SCRATCH=1 keeps the scratch directory for a look after a failure.
trap '[ -z "$SCREEN_USED" ] || tm kill-server 2>/dev/null; [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT
# meson counts exit 77 as skipped; say why, never skip silently.
need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: live capture needs root (BPF); run 'meson test --suite live' as root"
    exit 77
  fi
}

# Sanitizer builds (TRACETOP_TIME_SCALE > 1, set by setup.sh) drain several
# times slower: larger rings absorb what other work on a busy machine makes
# meanwhile, so that they report no drops a release build would not.
RINGS=()
if [ "${TRACETOP_TIME_SCALE:-1}" != 1 ]; then RINGS=(--buffer-mb 256); fi

# The format every live test prints: '*' keeps events whose fd is unknown.
FMT='*%evt.num %proc.name %proc.pid %thread.tid %evt.dir %evt.type %fd.name %evt.args'
FILTER='proc.name=tt_workload or proc.name=tt_child'

# Waits until tracetop (pid $1) says on stderr ($2) that it is attached and has
# scanned /proc; fails the test if it exits first or takes over 30 s.
wait_until_capturing() {
  local i
  for i in $(seq 600); do
    grep -q '^tracetop: capturing (' "$2" 2>/dev/null && return 0
    kill -0 "$1" 2>/dev/null || { fail "tracetop ended before capturing: $(cat "$2")"; finish; }
    sleep 0.05
  done
  fail "tracetop did not say it was capturing within 30 s: $(cat "$2")"; finish
}

# Waits until tracetop (pid $1) has attached its programs to the kernel (its
# BPF link fds are open), for modes that print no readiness line (--json);
# from then on its rings hold every event. Fails the test after 30 s.
wait_until_attached() {
  local i
  for i in $(seq 600); do
    [ "$(grep -l '^link_id' /proc/"$1"/fdinfo/* 2>/dev/null | wc -l)" -ge 2 ] && return 0
    kill -0 "$1" 2>/dev/null || { fail "tracetop ended before attaching"; finish; }
    sleep 0.05
  done
  fail "tracetop did not attach within 30 s"; finish
}

# Starts tracetop with "$@", waits until it is attached, runs the workload,
# waits for tracetop. Leaves the workload's report in $SCRATCH/report and
# tracetop's stderr in $SCRATCH/tracetop.err.
run_workload_under() {
  local out=$1; shift
  "$TRACETOP" "${RINGS[@]}" "$@" >"$out" 2>"$SCRATCH/tracetop.err" &
  local tt=$!
  wait_until_capturing "$tt" "$SCRATCH/tracetop.err"
  (cd "$SCRATCH" && "$WORKLOAD" "$SCRATCH" "$CHILD") >"$SCRATCH/report" || fail "the workload failed"
  wait "$tt"
  local rc=$?
  [ "$rc" -eq 0 ] || { fail "tracetop exited with $rc: $(cat "$SCRATCH/tracetop.err")"; finish; }
}

# A value from the workload's report (key=value lines).
report() { sed -n "s/^$1=//p" "$SCRATCH/report"; }

# Asserts that some line of $1 matches the extended regex $2.
expect_line() {
  if grep -Eq -- "$2" "$1"; then pass "$3"; else fail "$3 (no line matching: $2)"; fi
}

# The drop count tracetop prints at exit must be zero.
expect_no_drops() {
  local line
  line=$(grep -E 'events captured, [0-9]+ dropped' "$SCRATCH/tracetop.err")
  if [ -z "$line" ]; then fail "tracetop printed no capture summary"; return; fi
  if echo "$line" | grep -q ', 0 dropped'; then pass "no drops ($line)"; else fail "drops: $line"; fi
}

# The explorer on a screen: tmux on a server of this test's own.
tm() { SCREEN_USED=1; tmux -L "$SCREEN_SOCK" "$@"; }

# Starts session "t", $1 columns by 30 lines, running tracetop with the rest
# of the arguments; the session stays when tracetop ends, so its last screen
# can still be read.
screen_start() {
  local cols=$1; shift
  tm new-session -d -s t -x "$cols" -y 30 \
    "TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$TRACETOP" "${RINGS[@]}" "$@"); sleep 600"
}

# Looks at the screen up to $2 times, $3 seconds apart, until it shows the
# fixed string $1; runs the command in the remaining arguments (if any) before
# each look. The last look stays in $SCRATCH/screen.
screen_wait_for() {
  local text=$1 tries=$2 pause=$3 i
  shift 3
  for i in $(seq "$tries"); do
    [ $# -eq 0 ] || "$@"
    tm capture-pane -t t -p >"$SCREEN_FILE"
    grep -qF -- "$text" "$SCREEN_FILE" && return 0
    sleep "$pause"
  done
  return 1
}
SCREEN_FILE="$SCRATCH/screen"

# The last look is a live explorer's screen, and the terminal did not act on
# an escape sequence from the traced system (an OSC 0 would have retitled the
# window; an ESC [2J wiped the header).
screen_untouched() {
  grep -q '^Source: live' "$SCREEN_FILE" && [ "$(tm display -p -t t '#{pane_title}')" != pwned ]
}

# Quits the explorer with q and ends the tmux server.
screen_stop() {
  tm send-keys -t t q
  sleep 0.5
  tm kill-server 2>/dev/null
  SCREEN_USED=""
}
