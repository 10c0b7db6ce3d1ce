#!/usr/bin/env bash
# Issue 14 (lua14): X offers the chisels that take arguments too. Enter on
# one asks for each argument in turn with the line editor, showing its name
# and the description the chisel's -i gives; a required argument left empty
# is refused with its name; Esc goes back to the list. The chisel then runs
# on the scope on screen with the arguments typed, its output in the pager.
# The chisel is the test's own (SYSDIG_CHISEL_DIR, listed first), so what it
# reports is known; sysdig's spy_file is offered too.
source "$(dirname "$0")/lib.sh"
check_slow() { if wait_for "$2" 60; then pass "$1"; else fail "$1 (expected '$2')"; fi; }

mkdir -p "$SCRATCH/chisels"
cat >"$SCRATCH/chisels/arg_probe.lua" <<'LUA'
description = "test"; short_description = "reports its arguments and events"; category = "0 Test"
args = {
  { name = "greeting", description = "the words to print back", argtype = "string" },
  { name = "times", description = "how often to print them", argtype = "int", optional = true },
}
local greeting, times, n = "", "1", 0
function on_set_arg(name, val)
  if name == "greeting" then greeting = val else times = val end
  return true
end
function on_init() return true end
function on_event() n = n + 1 return true end
function on_capture_end()
  for i = 1, tonumber(times) do print("greeting=[" .. greeting .. "]") end
  print(string.format("times=%s events=%d filter=[%s]", times, n, sysdig.get_filter()))
end
LUA
# The scope this time comes from the command line's filter.
scope=proc.name=curl
export SYSDIG_CHISEL_DIR="$SCRATCH/chisels"
start 160 40 -r "$CAPTURE" "$scope"
check "started with the filter" "$scope"
keys X
check_slow "X opens the chisels menu" "Chisels (on the current scope)"
check "the menu offers the test's chisel, saying it takes arguments" "arg_probe            0 Test           (2 args)"
check "and sysdig's spy_file, which takes some" "spy_file"
keys Enter
check "Enter asks for the first argument" "Chisel arg_probe: argument 1 of 2"
check "with its description from the chisel" "the words to print back"
check "the line editor holds the prompt" "greeting:"
keys Enter
check "an empty required argument is refused" "greeting needs a value"
keys Escape
check "Esc goes back to the list" "Chisels (on the current scope)"
keys Enter
check "Enter asks again" "Chisel arg_probe: argument 1 of 2"
raw 'hello world'
keys Enter
check "then the second argument" "Chisel arg_probe: argument 2 of 2"
check "the first value is shown" "greeting [string] = hello world"
check "the optional one says so" "times (optional):"
raw '2'
keys Enter
check_slow "the chisel runs; its output opens in the pager, titled with the arguments" \
  "Chisel arg_probe 'hello world' 2 on proc.name=curl"
check "it got the first argument, spaces kept" "greeting=[hello world]"
if [ "$(screen | grep -c 'greeting=\[hello world\]')" = 2 ]; then pass "and the second (printed twice)"
else fail "the second argument did not arrive"; fi
want=$("$TRACETOP" -r "$CAPTURE" --print "$scope" | wc -l)
check "it saw the scope's events" "times=2 events=$want filter=[$scope]"
keys Escape
check "Esc closes the pager" "curl -6 http"
finish
