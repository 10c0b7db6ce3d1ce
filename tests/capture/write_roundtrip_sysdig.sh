#!/usr/bin/env bash
# `tracetop -r F -w out.scap`: sysdig reads out.scap and prints exactly what
# it prints for F; the file is private (0600); -z writes gzip.
source "$(dirname "$0")/lib.sh"
need_sysdig

for f in "$CAPTURES"/*.scap; do
  name=$(basename "$f")
  for z in "" "-z"; do
    out="$SCRATCH/out$z.scap"
    "$TRACETOP" -r "$f" -w "$out" $z >"$SCRATCH/stdout" || fail "$name $z: tracetop exited $?"
    [ -s "$SCRATCH/stdout" ] && fail "$name $z: -w without --print printed events"
    mode=$(stat -c %a "$out")
    [ "$mode" = 600 ] && pass "$name $z: mode 0600" || fail "$name $z: mode $mode"
    magic=$(head -c 2 "$out" | od -An -tx1 | tr -d ' ')
    if [ -n "$z" ]; then
      [ "$magic" = 1f8b ] && pass "$name -z: gzip" || fail "$name -z: not gzip ($magic)"
    else
      [ "$magic" = 0a0d ] && pass "$name: raw" || fail "$name: not a raw capture ($magic)"
    fi
    for args in "" "-D" "-c lsof" "-c ps"; do
      oracle -r "$f" $args >"$SCRATCH/want"
      oracle -r "$out" $args >"$SCRATCH/got"
      if [ -s "$SCRATCH/want" ] && cmp -s "$SCRATCH/want" "$SCRATCH/got"; then
        pass "$name $z: sysdig $args output identical ($(wc -l <"$SCRATCH/got") lines)"
      else
        fail "$name $z: sysdig $args output differs"; diff "$SCRATCH/want" "$SCRATCH/got" | head -10
      fi
    done
  done
done
finish
