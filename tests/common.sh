# Sourced first by every shell test's lib.sh (capture, live, tui): strict
# mode, a scratch folder, and the pass/fail count each test ends with.
# The lib.sh that sources this sets its own trap to remove $SCRATCH.
set -uo pipefail
SCRATCH=$(mktemp -d)
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
  exit 0
}
need_sysdig() {
  command -v sysdig >/dev/null || { echo "FAIL: sysdig (the oracle) is not installed; ./setup.sh installs it"; exit 1; }
}
