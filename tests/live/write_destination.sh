# A capture destination that cannot be written gives one clear error naming
# it and a non-zero exit before capture starts; one that fills up mid-run (a
# 2 MiB tmpfs) stops the recording with an error that says so, exit status
# 1, and what was recorded stays a valid capture: tracetop -r and sysdig -r
# (0.29.3) both read it to the end without error and see the same events.
source "$(dirname "$0")/lib.sh"
need_root

# refused DEST PATTERN: -w DEST fails at once, one line naming DEST.
refused() {
  local dest=$1 pattern=$2 status
  timeout 30 "$TRACETOP" -w "$dest" >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
  if [ "$status" -ne 0 ] && [ "$status" -lt 124 ] && [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] &&
      grep -qF -- "$dest" "$SCRATCH/err" && grep -qE -- "$pattern" "$SCRATCH/err"; then
    pass "-w $dest: status $status, $(cat "$SCRATCH/err")"
  else
    fail "-w $dest: status $status, want one line naming it and /$pattern/: $(cat "$SCRATCH/err")"
  fi
}
refused "$SCRATCH/no/such/dir/x.scap" 'No such file'
mkdir "$SCRATCH/adir"
refused "$SCRATCH/adir" 'directory'
mnt="$SCRATCH/mnt"
mkdir "$mnt"
mount -t tmpfs -o ro,size=1m tracetop-test "$mnt" || { fail "cannot mount a tmpfs"; finish; }
refused "$mnt/x.scap" 'Read-only'
umount "$mnt"

# A destination that fills up.
mount -t tmpfs -o size=2m tracetop-test "$mnt" || { fail "cannot mount a tmpfs"; finish; }
trap 'umount "$mnt" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
"$TRACETOP" -w "$mnt/full.scap" 2>"$SCRATCH/tracetop.err" &
tt=$!
wait_until_capturing "$tt" "$SCRATCH/tracetop.err"
# Enough events to fill 2 MiB several times over (~100 bytes each), bounded.
"$GETPPID_LOOP" 200000 >/dev/null &
loop=$!
status=
for _ in $(seq 300); do
  if ! kill -0 "$tt" 2>/dev/null; then wait "$tt"; status=$?; break; fi
  sleep 0.1
done
kill "$loop" 2>/dev/null; wait "$loop" 2>/dev/null
if [ -z "$status" ]; then
  kill -INT "$tt"; wait "$tt"
  fail "tracetop kept running with its destination full: $(cat "$SCRATCH/tracetop.err")"
else
  [ "$status" -eq 1 ] && pass "a full destination stops the recording with status 1" ||
    fail "a full destination: exit status $status, want 1"
fi
cat "$SCRATCH/tracetop.err"
grep -F "$mnt/full.scap" "$SCRATCH/tracetop.err" | grep -q 'No space left' &&
  pass "the error names the file and the cause" || fail "no clear error naming the file and 'No space left'"
size=$(stat -c %s "$mnt/full.scap")
echo "recorded: $size bytes"
timeout 60 "$TRACETOP" -r "$mnt/full.scap" --print -D >"$SCRATCH/ours" 2>"$SCRATCH/ours.err"; ours=$?
[ "$ours" -eq 0 ] && [ ! -s "$SCRATCH/ours.err" ] && pass "tracetop -r reads the full file without error ($(wc -l <"$SCRATCH/ours") events)" ||
  fail "tracetop -r: status $ours: $(cat "$SCRATCH/ours.err")"
timeout 120 sysdig -r "$mnt/full.scap" >"$SCRATCH/theirs" 2>"$SCRATCH/theirs.err"; theirs=$?
[ "$theirs" -eq 0 ] && pass "sysdig -r reads it without error ($(wc -l <"$SCRATCH/theirs") lines)" ||
  fail "sysdig -r: status $theirs: $(tail -3 "$SCRATCH/theirs.err")"
if [ "$ours" -eq 0 ] && [ "$theirs" -eq 0 ]; then
  n_ours=$("$TRACETOP" -r "$mnt/full.scap" --print | wc -l)
  [ "$n_ours" -eq "$(wc -l <"$SCRATCH/theirs")" ] && [ "$n_ours" -gt 1000 ] &&
    pass "both see the same $n_ours events" || fail "tracetop sees $n_ours events, sysdig $(wc -l <"$SCRATCH/theirs")"
fi
finish
