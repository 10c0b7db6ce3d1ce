#!/usr/bin/env bash
# How long the Echo pane and the spectrogram take to open on a big capture,
# against the baseline of the same run: the explorer loading its first view
# (Processes) from the same file. Offline, a pane reads the whole capture
# again (with the view), so a ratio near 1 is the expectation.
#   bench/panes_open.sh [MIN_EVENTS]      (default 2,000,000; BUILD=dir)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init panes_open
MIN=${1:-2000000}
SOCK="panes-bench-$$"
tm() { tmux -L "$SOCK" "$@"; }
bench_on_exit() { tm kill-server 2>/dev/null; }
make_work
big_capture "$MIN"

now() { echo "$EPOCHREALTIME"; }
shows() { [[ "$(tm capture-pane -t t -p)" == *"$1"* ]]; }
until_shows() { until shows "$1"; do sleep 0.02; done; }
until_gone() { while shows "$1"; do sleep 0.02; done; }
# Sends KEY, waits until a pane titled TITLE is on the screen and done reading
# the capture; prints the milliseconds that took.
open_pane() {
  local t0
  tm send-keys -t t "$1"
  t0=$(now)
  until_shows "$2"
  sleep 0.1
  until_gone "reading..."
  ms "$t0" "$(now)"
}

tm new-session -d -s t -x 120 -y 40 "TERM=xterm-256color LANG=C.UTF-8 $TT -r $BIG; sleep 600"
t0=$(now)
until_shows "curl -6"
until_gone "Loading:"
base=$(ms "$t0" "$(now)")
tm send-keys -t t '/' 'curl -6' Enter
sleep 0.3
echo_ms=$(open_pane e "Echo [")
tm send-keys -t t F2
t4=$(now)
until_shows "Echo [hex"
hex_ms=$(ms "$t4" "$(now)")
tm send-keys -t t q
until_gone "Echo ["
spectrum_ms=$(open_pane s "Latency spectrogram")
echo "baseline: Processes view loaded in $base ms"
echo "Echo of curl (17497): $echo_ms ms ($(ratio "$echo_ms" "$base")x)"
echo "F2 to hex over the kept chunks: $hex_ms ms"
echo "spectrogram of curl: $spectrum_ms ms ($(ratio "$spectrum_ms" "$base")x)"
tm capture-pane -t t -p | head -2
