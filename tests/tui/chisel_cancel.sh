#!/usr/bin/env bash
# A chisel started with X runs in a child while the explorer goes on: the
# status line says it runs and for how long, keys still work (the help
# opens and closes), Esc on the table cancels it (the child is gone), and q
# while one runs ends the explorer and the child with it. The chisel is the
# test's own: it spins for a minute at the end of the capture, so the screen
# would freeze for that minute if the explorer waited for it.
source "$(dirname "$0")/lib.sh"
check_slow() { if wait_for "$2" 60; then pass "$1"; else fail "$1 (expected '$2')"; fi; }

mkdir -p "$SCRATCH/chisels"
cat >"$SCRATCH/chisels/slow_probe.lua" <<'LUA'
description = "test"; short_description = "takes a minute"; category = "0 Test"; args = {}
function on_init() return true end
function on_event() return true end
function on_capture_end()
  local t = os.time()
  while os.time() - t < 60 do end
  print("slow_probe finished")
end
LUA
export SYSDIG_CHISEL_DIR="$SCRATCH/chisels"
# The child's command line names the chisel: -c slow_probe.
child_running() { pgrep -f -- "-c slow_probe" >/dev/null; }
# child_gone NAME: pass when the child is gone within 5 s.
child_gone() {
  local _
  for _ in $(seq 50); do
    if ! child_running; then pass "$1"; return; fi
    nap 0.1
  done
  fail "$1 (the chisel's child still runs)"
}

start 160 40 -r "$CAPTURE"
check "started" "curl -6 http"
keys X
check_slow "X opens the chisels menu" "Chisels (on the current scope)"
check "the menu lists the test's chisel first" "slow_probe"
keys Enter
check "the status line says the chisel runs" "Running chisel slow_probe"
check "and for how long" "slow_probe (2 s)"
if child_running; then pass "the chisel runs in a child"; else fail "no child runs the chisel"; fi
keys F1
check "keys still work while it runs: F1 opens the help" "Keys"
keys Escape
check "Esc closes the help" "curl -6 http"
check "the chisel still runs" "Running chisel slow_probe"
keys Escape
check "Esc on the table cancels it" "Chisel slow_probe cancelled"
child_gone "the child is gone"
# With nothing running, Esc is the table's own again: back from a drill-down.
keys Enter
check "Enter drills down" "curl (17497) ▸ Threads"
keys Escape
check_gone "and Esc goes back up, as without a chisel" "▸ Threads"

# q while a chisel runs: the explorer ends, and the child with it.
keys X
check_slow "X again" "Chisels (on the current scope)"
keys Enter
check "it runs again" "Running chisel slow_probe"
keys q
check "q quits while a chisel runs" "EXIT STATUS 0"
child_gone "quitting ended the chisel's child"
finish
