#!/usr/bin/env bash
# -w rotation (-e, -C, -W, -G) from -r, on both shared captures: the files
# sysdig names (FILE0, FILE1, ...; a ring of -W; strftime names with -G),
# every file readable by sysdig 0.29.3, and the files' events, concatenated,
# the unrotated capture's (time, type, direction, thread of each event).
# sysdig 0.29.3 itself cannot read the files its own rotation writes from -r
# ("corrupted interface list"), so its file sizes are no oracle here.
source "$(dirname "$0")/lib.sh"
need_sysdig

events_of() { oracle -r "$1" -D -p '%evt.rawtime %evt.type %evt.dir %thread.tid'; }

for f in "$CAPTURES"/*.scap; do
  name=$(basename "$f")
  total=$(events_of "$f" | wc -l)
  per=$(( (total + 3) / 4 ))
  dir="$SCRATCH/$name.e"; mkdir -p "$dir"
  "$TRACETOP" -r "$f" -w "$dir/out.scap" -e "$per" 2>"$SCRATCH/err" || fail "$name -e $per: exit $?: $(cat "$SCRATCH/err")"
  got=$(cd "$dir" && ls | tr '\n' ' ')
  [ "$got" = "out.scap0 out.scap1 out.scap2 out.scap3 " ] && pass "$name -e $per: $got" || fail "$name -e $per: files $got"
  : >"$SCRATCH/concat"
  for i in 0 1 2 3; do
    n=$(events_of "$dir/out.scap$i" | tee -a "$SCRATCH/concat" | wc -l)
    [ "$n" -gt 0 ] && [ "$n" -le "$per" ] && pass "$name: out.scap$i read by sysdig, $n events" ||
      fail "$name: out.scap$i: sysdig reads $n events (want 1..$per)"
  done
  events_of "$f" >"$SCRATCH/whole"
  cmp -s "$SCRATCH/whole" "$SCRATCH/concat" && pass "$name -e: the files hold the capture's $total events in order" ||
    { fail "$name -e: the files' events differ from the capture's"; diff "$SCRATCH/whole" "$SCRATCH/concat" | head -5; }

  # -W 2: a ring of two files, holding the last two parts.
  dir="$SCRATCH/$name.W"; mkdir -p "$dir"
  "$TRACETOP" -r "$f" -w "$dir/out.scap" -e "$per" -W 2 || fail "$name -W 2: exit $?"
  got=$(cd "$dir" && ls | tr '\n' ' ')
  [ "$got" = "out.scap0 out.scap1 " ] && pass "$name -e -W 2: $got" || fail "$name -e -W 2: files $got"
  { events_of "$dir/out.scap0"; events_of "$dir/out.scap1"; } >"$SCRATCH/ring"
  tail -n "$(wc -l <"$SCRATCH/ring")" "$SCRATCH/whole" | cmp -s - "$SCRATCH/ring" &&
    pass "$name -W 2: the ring holds the last parts" || fail "$name -W 2: the ring's events are not the last parts"

  # -C 1: the shared captures hold less than a million bytes: one file, FILE0.
  dir="$SCRATCH/$name.C"; mkdir -p "$dir"
  "$TRACETOP" -r "$f" -w "$dir/out.scap" -C 1 || fail "$name -C 1: exit $?"
  got=$(cd "$dir" && ls | tr '\n' ' ')
  [ "$got" = "out.scap0 " ] && events_of "$dir/out.scap0" | cmp -s - "$SCRATCH/whole" &&
    pass "$name -C 1: out.scap0, the whole capture" || fail "$name -C 1: files $got"
done

# -G: every S seconds of capture time; a strftime name, and -W ends the run.
f="$CAPTURES/single_ipv6_conn.scap"
dir="$SCRATCH/G"; mkdir -p "$dir"
TZ=UTC "$TRACETOP" -r "$f" -w "$dir/out-%H%M%S.scap" -G 2 -W 3 || fail "-G 2 -W 3: exit $?"
got=$(cd "$dir" && ls | tr '\n' ' ')
first=$(TZ=UTC oracle -r "$f" -D -p '%evt.time' | head -1 | cut -c1-8 | tr -d :)
case "$got" in
  "out-$first.scap "*) [ "$(echo $got | wc -w)" = 3 ] && pass "-G 2 -W 3: $got" || fail "-G 2 -W 3: files $got" ;;
  *) fail "-G 2 -W 3: files $got (first should be out-$first.scap)" ;;
esac
for g in "$dir"/*; do
  [ "$(events_of "$g" | wc -l)" -gt 0 ] || fail "-G: $(basename "$g") unreadable by sysdig"
done

"$TRACETOP" -r "$f" -e 10 >/dev/null 2>&1
[ $? = 2 ] && pass "-e without -w: usage error" || fail "-e without -w accepted"
finish
