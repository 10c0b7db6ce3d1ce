# Shared by the capture tests: paths, a scratch folder, and pass/fail helpers.
# TRACETOP, SHARED and SOURCE_ROOT come from meson test (tests/meson.build).
set -uo pipefail
: "${TRACETOP:?run through meson test}" "${SHARED:?run through meson test}"
CAPTURES="$SHARED/captures"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
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
# sysdig prints its own progress lines on stderr; keep only stdout.
oracle() { sysdig "$@" 2>/dev/null; }
