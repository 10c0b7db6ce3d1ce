# Shared by the capture tests: paths, a scratch folder, and pass/fail helpers.
# TRACETOP, SHARED and SOURCE_ROOT come from meson test (tests/meson.build).
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
: "${TRACETOP:?run through meson test}" "${SHARED:?run through meson test}"
CAPTURES="$SHARED/captures"
trap 'rm -rf "$SCRATCH"' EXIT
# sysdig prints its own progress lines on stderr; keep only stdout.
oracle() { sysdig "$@" 2>/dev/null; }
