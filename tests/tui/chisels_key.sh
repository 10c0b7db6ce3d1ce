#!/usr/bin/env bash
# X opens the chisels menu; Enter runs the chosen chisel on the scope on
# screen (filter and drill-down) over the capture, and its output opens in
# the pager, colours and control bytes removed. The chisel is the test's own
# (SYSDIG_CHISEL_DIR, listed first), so what it reports is known.
source "$(dirname "$0")/lib.sh"
# Listing the chisels loads each script, and the chisel runs in a child that
# reads the whole capture: slow under the sanitizers, so these wait longer.
check_slow() { if wait_for "$2" 60; then pass "$1"; else fail "$1 (expected '$2')"; fi; }

mkdir -p "$SCRATCH/chisels"
cat >"$SCRATCH/chisels/scope_probe.lua" <<'LUA'
description = "test"; short_description = "reports its filter and events"; category = "0 Test"; args = {}
local n = 0
function on_init() fname = chisel.request_field("proc.name") return true end
function on_event() n = n + 1; last = evt.field(fname) return true end
function on_capture_end()
  print("filter=[" .. sysdig.get_filter() .. "]")
  print(string.format("\27[31mevents=%d last=%s\27[0m", n, tostring(last)))
end
LUA
export SYSDIG_CHISEL_DIR="$SCRATCH/chisels"
want=$("$TRACETOP" -r "$CAPTURE" --print proc.name=curl | wc -l)

start 160 40 -r "$CAPTURE"
check "started" "curl -6 http"
keys ':'
raw 'proc.name=curl'
keys Enter
check "the filter applies" "proc.name=curl"
keys X
check_slow "X opens the chisels menu" "Chisels (on the current scope)"
check "the menu lists the user's chisel" "scope_probe"
check "and sysdig's" "echo_fds"
keys Enter
check_slow "the chisel's output opens in the pager, titled with the scope" "Chisel scope_probe on proc.name=curl"
check "the chisel got the scope as its filter" "filter=[proc.name=curl]"
check "it saw only the scope's events" "last=curl"
if screen | grep -q "events=$want "; then pass "as many events as --print shows ($want)"; else fail "events: want $want"; fi
if screen | grep -q '\[31m'; then fail "colour codes reach the screen"; else pass "colour codes are removed"; fi
keys Escape
check "Esc closes the pager" "curl -6 http"
finish
