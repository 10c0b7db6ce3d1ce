#!/usr/bin/env bash
# The explorer's first pass in wall-clock time (issue 15, drill): `tracetop
# -r BIG -v VIEW` in a detached tmux, from its start until the header's
# "Loading" is gone, looking at the screen every 50 ms (big_keys.py looks
# every POLL_MS, which on two cores takes part of the core the explorer's
# second pass uses). Rounds alternate between the binaries given, so load
# from elsewhere falls on all of them alike.
#   bench/first_pass_wall.sh BIG ROUNDS BINARY[:ENV=VALUE] ...
#   e.g. bench/first_pass_wall.sh /work/big/10m.scap 6 /work/base/tracetop9 build/ui/tracetop build/ui/tracetop:TRACETOP_SPLIT=0
set -euo pipefail
big=$1 rounds=$2
shift 2
view=${VIEW:-procs}
sock="first_pass_wall_$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
once() {  # BINARY[:ENV=VALUE]: seconds
  local bin=${1%%:*} envs=()
  [[ $1 == *:* ]] && envs=("${1#*:}")
  local start end screen
  start=$(date +%s%N)
  env "${envs[@]}" tmux -L "$sock" new-session -d -x 160 -y 45 "$bin -r $big -v $view"
  for _ in $(seq 2400); do
    screen=$(tmux -L "$sock" capture-pane -p -t 0 2>/dev/null || true)
    if grep -q "Source:" <<<"$screen" && ! grep -q Loading <<<"$screen"; then break; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  tmux -L "$sock" kill-server 2>/dev/null || true
  echo $(((end - start) / 1000000))
}
declare -A all
for ((r = 0; r < rounds; r++)); do
  for b in "$@"; do all[$b]+="$(once "$b") "; done
done
for b in "$@"; do
  sorted=$(tr ' ' '\n' <<<"${all[$b]}" | grep . | sort -n | tr '\n' ' ')
  n=$(wc -w <<<"$sorted")
  median=$(cut -d' ' -f$(((n + 1) / 2)) <<<"$sorted")
  echo "$b: median ${median} ms of ${n} (${sorted% })"
done
