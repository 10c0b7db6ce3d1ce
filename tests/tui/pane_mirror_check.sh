#!/usr/bin/env bash
# The live TUI tests read the screen from a mirror of the pane
# (pane_mirror.py: pipe-pane into pyte) rather than from tmux. This checks
# the eye itself: while the live explorer refreshes every 300 ms and keys
# move rows, sort, filter, open menus and help, the mirror must show exactly
# what tmux's own capture-pane shows. (pyte 0.8 alone fails it on every look:
# ncurses scrolls regions and repeats characters with sequences pyte lacks.)
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: live capture needs root (BPF); run 'meson test tui-pane_mirror_check' as root"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
LOOK=mirror

# same_screen: the mirror equals capture-pane. The two reads are not at the
# same instant, so a difference is read again after the screen settles.
same_screen() {
  local a b i
  for i in 1 2 3 4 5; do
    a=$(screen)
    b=$(tm capture-pane -t t -p)
    [ "$a" = "$b" ] && return 0
    nap 0.1
  done
  echo "--- mirror / capture-pane differ:"
  diff <(echo "$a") <(echo "$b") | head -10
  return 1
}

start 160 45 -d 300
wait_for "Source: live" 30 || { fail "live capture started"; finish; }
steps=("" M "" ':' "" Escape "" F2 Down Down Escape F5 Down Down Down PPage Home '<' '>' h q "" '/' Escape "")
bad=0
for k in "${steps[@]}"; do
  [ -n "$k" ] && keys "$k"
  nap 0.35
  same_screen || bad=$((bad + 1))
done
if [ "$bad" = 0 ]; then pass "the mirror showed what tmux shows at ${#steps[@]} looks"; else fail "the mirror differed from tmux at $bad of ${#steps[@]} looks"; fi
quit_restores_terminal
finish
