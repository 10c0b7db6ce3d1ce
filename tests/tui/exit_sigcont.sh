#!/usr/bin/env bash
# A SIGCONT while tracetop exits does not hang it (session 7, spin). In a
# sanitized build LeakSanitizer checks for leaks at exit by stopping the
# process with ptrace; a SIGCONT then (a hang-up sends one) discarded the
# stop its tracer waited for, and the process spun a core for ever
# (ui/leak_check_guard.h). Each run below exits under a storm of SIGCONT,
# sharing its CPU with a busy loop so the stop stays queued long enough to
# be discarded: before the fix about one run in four hung.
source "$(dirname "$0")/lib.sh"
: "${STORM:?run through meson test}"

if [[ ${LEAK_CHECK_AT_EXIT:-0} != 1 ]]; then
  echo "skip: not a sanitized build: no leak check runs at exit"
  exit 0
fi
if [[ $(nproc) -lt 2 ]] || ! command -v taskset >/dev/null; then
  echo "skip: needs two CPUs and taskset to hold the exit on one while the other sends SIGCONT"
  exit 0
fi
scale=${TRACETOP_TIME_SCALE:-1}
bound=$((2 * scale))
runs=20
busy=""
run_pid=""
trap 'kill -9 $busy $run_pid 2>/dev/null; cleanup' EXIT
taskset -c 1 bash -c 'while :; do :; done' &
busy=$!
# Whether PID still runs (a zombie waiting to be reaped has ended).
running() { kill -0 "$1" 2>/dev/null && [[ $(awk '{ sub(/.*\) /, ""); print $1 }' "/proc/$1/stat" 2>/dev/null) != Z ]]; }
hung=0
for ((i = 1; i <= runs; i++)); do
  taskset -c 1 "$TRACETOP" -r "$CAPTURE" --print > /dev/null 2>&1 &
  run_pid=$!
  taskset -c 0 "$STORM" "$run_pid" $((bound + 1)) &
  storm=$!
  for ((t = 0; t < bound * 20; t++)); do
    running "$run_pid" || break
    sleep 0.05
  done
  if running "$run_pid"; then
    hung=$((hung + 1))
    echo "run $i: still running ${bound} s later: $(ps -o stat=,time= -p "$run_pid")"
    kill -9 "$run_pid"
  fi
  wait "$run_pid" 2>/dev/null
  kill "$storm" 2>/dev/null
  wait "$storm" 2>/dev/null
  ((hung == 0)) || break  # one is enough to show it
done
kill "$busy"
busy=""
if ((hung == 0)); then
  pass "$runs exits under a SIGCONT storm all ended within ${bound} s"
else
  fail "an exit under a SIGCONT storm hung (run $i of $runs)"
fi
finish
