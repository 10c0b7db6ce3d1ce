#!/usr/bin/env bash
# Bad input never crashes or hangs: exit status 1 and one clear line naming the
# file (and the byte offset for damaged data), after the events before it.
source "$(dirname "$0")/lib.sh"

# expect_error FILE PATTERN: tracetop exits 1 within 20 s and says PATTERN on stderr.
expect_error() {
  local file=$1 pattern=$2 status
  timeout 20 "$TRACETOP" -r "$file" --print >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
  if [ "$status" -ne 1 ]; then fail "$file: exit status $status, want 1"; cat "$SCRATCH/err"; return; fi
  if [ "$(wc -l <"$SCRATCH/err")" -ne 1 ]; then fail "$file: want one error line, got:"; cat "$SCRATCH/err"; return; fi
  if ! grep -qF -- "$file" "$SCRATCH/err"; then fail "$file: error does not name the file: $(cat "$SCRATCH/err")"; return; fi
  if ! grep -qE -- "$pattern" "$SCRATCH/err"; then fail "$file: error '$(cat "$SCRATCH/err")' lacks /$pattern/"; return; fi
  pass "$file: $(cat "$SCRATCH/err")"
}

: >"$SCRATCH/empty.scap"
expect_error "$SCRATCH/empty.scap" 'empty|not a scap'
echo "hello, this is not a capture at all" >"$SCRATCH/text.scap"
expect_error "$SCRATCH/text.scap" 'not a scap'
expect_error "$SCRATCH/missing.scap" 'No such file|does not exist|cannot open'
mkdir "$SCRATCH/dir.scap"
expect_error "$SCRATCH/dir.scap" 'directory'
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  cp "$CAPTURES/curl_google.scap" "$SCRATCH/private.scap"; chmod 600 "$SCRATCH/private.scap"
  chmod 755 "$SCRATCH"
  timeout 20 setpriv --reuid=65534 --regid=65534 --clear-groups "$TRACETOP" -r "$SCRATCH/private.scap" --print \
    >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
  [ "$status" -eq 1 ] && grep -q 'ermission' "$SCRATCH/err" && pass "unreadable: $(cat "$SCRATCH/err")" \
    || fail "unreadable file: status $status, $(cat "$SCRATCH/err")"
else
  echo "note: not root, the unreadable-file check needs to switch users; skipped"
fi

# Truncation at many offsets of the uncompressed stream: events before the
# damage are printed, then one error line with the offset.
raw="$SCRATCH/raw.scap"
zcat -f "$CAPTURES/single_ipv6_conn.scap" >"$raw"
size=$(stat -c %s "$raw")
full=$("$TRACETOP" -r "$raw" --print -D | wc -l)
prev_lines=0
for cut in 10 28 100 1000 4000 20000 $((size / 2)) $((size - 100)) $((size - 1)); do
  head -c "$cut" "$raw" >"$SCRATCH/cut.scap"
  timeout 20 "$TRACETOP" -r "$SCRATCH/cut.scap" --print -D >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
  lines=$(wc -l <"$SCRATCH/out")
  if [ "$status" -eq 1 ] && [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && [ "$lines" -le "$full" ] && [ "$lines" -ge "$prev_lines" ]; then
    pass "truncated at $cut: $lines events, then: $(cat "$SCRATCH/err")"
  else
    fail "truncated at $cut: status $status, $lines lines (full $full, previous cut $prev_lines): $(cat "$SCRATCH/err")"
  fi
  prev_lines=$lines
done
grep -q 'offset' "$SCRATCH/err" || fail "truncation error names no offset"

# Bit flips in the middle: never a crash or hang (exit 0 or 1, never a signal).
for seed in 1 2 3 4 5 6 7 8; do
  python3 - "$raw" "$SCRATCH/flip.scap" "$seed" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], 'rb').read())
rnd = random.Random(int(sys.argv[3]))
for _ in range(20):
    data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
open(sys.argv[2], 'wb').write(data)
PY
  timeout 20 "$TRACETOP" -r "$SCRATCH/flip.scap" --print -D >/dev/null 2>"$SCRATCH/err"; status=$?
  if [ "$status" -le 1 ]; then pass "bit flips (seed $seed): exit $status"; else fail "bit flips (seed $seed): exit $status"; cat "$SCRATCH/err"; fi
done

# Huge lengths: a block's length field (the second word of each block) set to
# values far beyond the file, on the process list and on an event block. A
# clear error with an offset, in bounded time and memory (the reader must not
# allocate what a length claims before the bytes are there).
for which in 4 40; do
  for len in 4294967280 2147483644 268435456 13; do
    python3 - "$raw" "$SCRATCH/huge.scap" "$which" "$len" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
pos, n = 0, 0
while pos + 8 <= len(data):
    blen = struct.unpack_from('<I', data, pos + 4)[0]
    if n == int(sys.argv[3]):
        struct.pack_into('<I', data, pos + 4, int(sys.argv[4]))
        break
    pos += blen; n += 1
open(sys.argv[2], 'wb').write(data)
PY
    /usr/bin/time -f '%M' -o "$SCRATCH/rss" timeout 20 "$TRACETOP" -r "$SCRATCH/huge.scap" --print -D >/dev/null 2>"$SCRATCH/err"
    status=$?
    rss_mb=$(( $(tail -1 "$SCRATCH/rss" | tr -dc 0-9) / 1024 ))
    if [ "$status" -eq 1 ] && grep -q 'offset' "$SCRATCH/err" && [ "$rss_mb" -lt 512 ]; then
      pass "block $which with length $len: exit 1, ${rss_mb} MiB, $(cat "$SCRATCH/err")"
    else
      fail "block $which with length $len: exit $status, ${rss_mb} MiB resident: $(cat "$SCRATCH/err")"
    fi
  done
done
finish
