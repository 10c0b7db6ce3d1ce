#!/usr/bin/env bash
# How long the Echo pane and the spectrogram take to open on a big capture,
# against the baseline of the same run: the explorer loading its first view
# (Processes) from the same file. Offline, a pane reads the whole capture
# again (with the view), so a ratio near 1 is the expectation.
#   bench/panes_open.sh [MIN_EVENTS]      (default 2,000,000; BUILD=dir)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
MIN=${1:-2000000}
BIG=$(mktemp -d)/big.scap
SOCK="panes-bench-$$"
tm() { tmux -L "$SOCK" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$(dirname "$BIG")"' EXIT
"$BUILD/bench/make_big_capture" ../shared/captures/curl_google.scap "$BIG" "$MIN"

now() { echo "$EPOCHREALTIME"; }
shows() { [[ "$(tm capture-pane -t t -p)" == *"$1"* ]]; }
until_shows() { until shows "$1"; do sleep 0.02; done; }
until_gone() { while shows "$1"; do sleep 0.02; done; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }

tm new-session -d -s t -x 120 -y 40 "TERM=xterm-256color LANG=C.UTF-8 $BUILD/ui/tracetop -r $BIG; sleep 600"
t0=$(now)
until_shows "curl -6"
until_gone "Loading:"
t1=$(now)
tm send-keys -t t '/' 'curl -6' Enter
sleep 0.3
tm send-keys -t t e
t2=$(now)
until_shows "Echo ["
sleep 0.1
until_gone "reading..."
t3=$(now)
tm send-keys -t t F2
t4=$(now)
until_shows "Echo [hex"
t5=$(now)
tm send-keys -t t q
until_gone "Echo ["
tm send-keys -t t s
t6=$(now)
until_shows "Latency spectrogram"
sleep 0.1
until_gone "reading..."
t7=$(now)
base=$(ms "$t0" "$t1")
echo "baseline: Processes view loaded in $base ms"
echo "Echo of curl (17497): $(ms "$t2" "$t3") ms ($(awk -v a="$(ms "$t2" "$t3")" -v b="$base" 'BEGIN { printf "%.2f", a / b }')x)"
echo "F2 to hex over the kept chunks: $(ms "$t4" "$t5") ms"
echo "spectrogram of curl: $(ms "$t6" "$t7") ms ($(awk -v a="$(ms "$t6" "$t7")" -v b="$base" 'BEGIN { printf "%.2f", a / b }')x)"
tm capture-pane -t t -p | head -2
