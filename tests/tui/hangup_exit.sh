#!/usr/bin/env bash
# A terminal that goes away ends the explorer at once, whatever is open on
# it, and without spinning a core on the way out (session 7, spin): its tmux
# server is killed after a drill-down, with a prompt open, with the help
# open, right after q, and live. Each state is tried twice: under a shell
# that dies of the hang-up, so the explorer gets SIGHUP, and under one that
# ignores it, so the explorer gets no signal at all and has only the dead
# terminal to go by (curses then reads end-of-file at once, forever).
source "$(dirname "$0")/lib.sh"

scale=${TRACETOP_TIME_SCALE:-1}
# Well under the 15 s stop net (ui/terminal.cpp): the net must not be what ends it.
bound=$(awk -v s="$scale" 'BEGIN { b = 2 * s; if (b > 10) b = 10; print b }')
ticks=$(getconf CLK_TCK)
# An explorer this test could not end is killed with the test.
current_shell=""
trap 'if [[ -n $current_shell ]]; then pkill -9 -P "$current_shell"; kill -9 "$current_shell"; fi 2>/dev/null; cleanup' EXIT

# CPU time (user + system, clock ticks) of PID; empty once it is gone. An
# explorer whose shell died first waits, a zombie, for init to reap it
# (which can take a second or more here): it has ended.
cpu_ticks() { awk '{ sub(/.*\) /, ""); if ($1 != "Z" && $1 != "X") print $12 + $13 }' "/proc/$1/stat" 2>/dev/null; }

# run_case NAME SHELL_PREFIX KEYS... -- ARGS...: the explorer under a shell
# that runs SHELL_PREFIX first; KEYS (tmux key names, "wait:TEXT" waits for
# TEXT) put it in the state; then the tmux server is killed.
run_case() {
  local name=$1 prefix=$2
  shift 2
  local steps=()
  while [[ $1 != -- ]]; do steps+=("$1"); shift; done
  shift
  fresh_server
  printf '%q ' "$TRACETOP" "$@" > "$SCRATCH/cmd"
  tm new-session -d -s t -x 140 -y 50 "$prefix TERM=xterm-256color LANG=C.UTF-8 $(cat "$SCRATCH/cmd"); sleep 600"
  local shell_pid pid=""
  shell_pid=$(tm display-message -p -t t '#{pane_pid}')
  local i
  for ((i = 0; i < 100; i++)); do
    pid=$(pgrep -P "$shell_pid" -x tracetop | head -1)
    [[ -n $pid ]] && break
    sleep 0.05
  done
  current_shell=$shell_pid
  if [[ -z $pid ]]; then fail "$name: the explorer started"; return; fi
  if ! wait_for "F1 h Help" $((5 * scale)); then fail "$name: the explorer drew its screen"; kill -9 "$pid"; return; fi
  wait_gone "Loading" $((5 * scale))
  local s
  for s in "${steps[@]}"; do
    if [[ $s == wait:* ]]; then
      wait_for "${s#wait:}" $((5 * scale)) || { fail "$name: '${s#wait:}' shown"; kill -9 "$pid"; return; }
    elif [[ $s == now:* ]]; then
      keys "${s#now:}"  # the hang-up follows at once, as fresh_server does after q
    else
      keys "$s"
      sleep 0.3
    fi
  done
  local before after
  before=$(cpu_ticks "$pid")
  tm kill-server
  local start_ns gone="" last=""
  start_ns=$(date +%s%N)
  while (($(date +%s%N) - start_ns < ${bound%.*} * 1000000000)); do
    after=$(cpu_ticks "$pid")
    if [[ -z $after ]]; then gone=1; break; fi
    last=$after
    sleep 0.05
  done
  if [[ -n $gone ]]; then
    local spent=$((${last:-$before} - before))
    pass "$name: the explorer ended $((($(date +%s%N) - start_ns) / 1000000)) ms after the hang-up (bound ${bound} s; CPU $((spent * 1000 / ticks)) ms meanwhile)"
  else
    sleep 1
    local spin=$(($(cpu_ticks "$pid") - after))
    fail "$name: the explorer still runs ${bound} s after its terminal went away (CPU $((spin * 1000 / ticks)) ms in the last second)"
    kill -9 "$pid" 2>/dev/null
  fi
  # The shell that ignored the hang-up is still sleeping: it belongs to this test.
  pkill -P "$shell_pid" -x sleep 2>/dev/null
  kill "$shell_pid" 2>/dev/null
}

states() {
  local how=$1 prefix=$2
  run_case "$how, after a drill-down" "$prefix" Enter "wait:▸" -- -r "$CAPTURE" -v files
  run_case "$how, a filter prompt open" "$prefix" '\' "wait:Filter rows:" -- -r "$CAPTURE" -v files
  # A sanitized build's leak check at exit once lost its stop to the hang-up's SIGCONT (ui/leak_check_guard.h).
  run_case "$how, q and the hang-up together" "$prefix" Enter "wait:▸" now:q -- -r "$CAPTURE" -v files
  run_case "$how, the help open" "$prefix" F1 "wait:this help (q or Esc closes it)" -- -r "$CAPTURE" -v procs
  if [[ $EUID -eq 0 ]]; then
    run_case "$how, live" "$prefix" -- -v procs
  else
    echo "skip: $how, live: needs root (BPF)"
  fi
}
states "SIGHUP" ""
states "no signal (the shell ignores the hang-up)" "trap '' HUP;"

finish
