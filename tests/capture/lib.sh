# Shared by the capture tests: paths, a scratch folder, and pass/fail helpers.
# TRACETOP, SHARED and SOURCE_ROOT come from meson test (tests/meson.build).
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
: "${TRACETOP:?run through meson test}" "${SHARED:?run through meson test}"
CAPTURES="$SHARED/captures"
trap 'rm -rf "$SCRATCH"' EXIT
# sysdig prints its own progress lines on stderr; keep only stdout.
oracle() { sysdig "$@" 2>/dev/null; }
# Part cli2 (issue 14): `same_output LABEL ARGS...` runs `sysdig -r F ARGS`
# and `tracetop -r F ARGS` on every shared capture and fails on any
# difference in stdout (sysdig's own log lines, which a filter sends to
# stdout, left out). An empty oracle output fails too: it would prove nothing.
same_output() {
  local label=$1; shift
  local f name
  for f in "$CAPTURES"/*.scap; do
    name=$(basename "$f")
    oracle -r "$f" "$@" | grep -Ev '^[0-9]{2}-[0-9]{2} [0-9:.]+ (starting|Creating|Mesos|Flushing|Capture)' >"$SCRATCH/want"
    "$TRACETOP" -r "$f" "$@" >"$SCRATCH/got" 2>"$SCRATCH/err" || { fail "$name $label: tracetop exited $?: $(head -3 "$SCRATCH/err")"; continue; }
    if [ ! -s "$SCRATCH/want" ]; then
      fail "$name $label: sysdig printed nothing"
    elif cmp -s "$SCRATCH/want" "$SCRATCH/got"; then
      pass "$name $label: $(wc -l <"$SCRATCH/got") lines, byte for byte sysdig's"
    else
      fail "$name $label: differs from sysdig:"; diff "$SCRATCH/want" "$SCRATCH/got" | head -10
    fi
  done
}
