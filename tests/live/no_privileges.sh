# Without root or CAP_BPF+CAP_PERFMON, live capture fails with one clear line
# that names what is missing and points to -r FILE.
source "$(dirname "$0")/lib.sh"
need_root  # dropping privileges needs them first
command -v setpriv >/dev/null || { echo "FAIL: setpriv (util-linux) is needed to drop privileges"; exit 1; }

setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
  "$TRACETOP" --print --duration 1 >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -ne 0 ] && pass "non-zero exit ($rc)" || fail "exit status 0 without privileges"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && pass "one line on stderr" || fail "stderr: $(cat "$SCRATCH/err")"
expect_line "$SCRATCH/err" "CAP_BPF" "names the missing capability"
expect_line "$SCRATCH/err" "-r FILE" "suggests -r FILE"
finish
