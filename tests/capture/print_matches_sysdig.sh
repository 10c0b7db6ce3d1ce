#!/usr/bin/env bash
# `tracetop -r F --print` lists the same events as `sysdig -r F`: same count,
# and every line's evt.num, type, direction and thread id.
source "$(dirname "$0")/lib.sh"
need_sysdig

for f in "$CAPTURES"/*.scap; do
  name=$(basename "$f")
  oracle -r "$f" -p '*%evt.num %evt.type %evt.dir %thread.tid' >"$SCRATCH/want"
  oracle -r "$f" >"$SCRATCH/want_lines"
  "$TRACETOP" -r "$f" --print >"$SCRATCH/got_lines" || fail "$name: tracetop exited $?"
  # num time cpu proc.name (tid) dir type args...
  sed -E 's/^([0-9]+) [^ ]+ [0-9]+ .* \(([0-9]+)\) ([<>]) ([^ ]+) .*$/\1 \4 \3 \2/' \
    "$SCRATCH/got_lines" >"$SCRATCH/got"
  want_n=$(wc -l <"$SCRATCH/want_lines"); got_n=$(wc -l <"$SCRATCH/got_lines")
  [ "$want_n" -gt 0 ] || fail "$name: sysdig printed nothing"
  [ "$want_n" -eq "$got_n" ] && pass "$name: $got_n lines, as sysdig" || fail "$name: $got_n lines, sysdig $want_n"
  if diff -q "$SCRATCH/want" "$SCRATCH/got" >/dev/null; then
    pass "$name: evt.num, type, dir, tid equal sysdig's on every line"
  else
    fail "$name: num/type/dir/tid differ from sysdig:"; diff "$SCRATCH/want" "$SCRATCH/got" | head -20
  fi
done

# -n counts events read, shown or not, like sysdig's -n.
f="$CAPTURES/single_ipv6_conn.scap"
want=$(oracle -r "$f" -n 900 | wc -l); got=$("$TRACETOP" -r "$f" --print -n 900 | wc -l)
[ "$want" = "$got" ] && pass "-n 900: $got lines" || fail "-n 900: $got lines, sysdig $want"
# With a filter, -n counts the events the filter lets through (sysdig filters
# before it counts): ten opens, not the opens among the first ten events.
# Internal events the filter passes but -D does not show do not count; a
# -p line left out for a missing field does.
f="$CAPTURES/curl_google.scap"
for args in "-n 10 evt.type=open" "-n 30 evt.type=switch or evt.type=open" "-n 3 evt.type=procexit" \
            "-n 5 -p %fd.name evt.type=open or evt.type=brk" "-n 4 -j evt.type=open" \
            "-n 40 -p %evt.num.%fd.l4proto fd.num>=0"; do
  # shellcheck disable=SC2086
  oracle -r "$f" $args >"$SCRATCH/want_n"
  # shellcheck disable=SC2086
  "$TRACETOP" -r "$f" --print $args >"$SCRATCH/got_n" || fail "$args: tracetop exited $?"
  [ -s "$SCRATCH/want_n" ] || fail "$args: sysdig printed nothing"
  cmp -s "$SCRATCH/want_n" "$SCRATCH/got_n" && pass "$args: $(wc -l <"$SCRATCH/got_n") lines, as sysdig" ||
    fail "$args: $(wc -l <"$SCRATCH/got_n") lines, sysdig $(wc -l <"$SCRATCH/want_n")"
done

# -D shows internal events as sysdig -D does.
want=$(oracle -D -r "$f" | wc -l); got=$("$TRACETOP" -D -r "$f" --print | wc -l)
[ "$want" = "$got" ] && pass "-D: $got lines" || fail "-D: $got lines, sysdig $want"
# With -D and a filter, internal events pass the filter, as in sysdig (nc's
# threads have no name in this capture: only they are left).
for filter in 'proc.name=nc' 'evt.type=connect'; do
  oracle -D -r "$f" "$filter" | grep -Ev '^[0-9]{2}-[0-9]{2} [0-9:.]+ ' >"$SCRATCH/want"
  "$TRACETOP" -D -r "$f" --print "$filter" >"$SCRATCH/got"
  [ -s "$SCRATCH/want" ] && cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "-D '$filter': sysdig's $(wc -l <"$SCRATCH/got") lines" ||
    fail "-D '$filter': $(wc -l <"$SCRATCH/got") lines, sysdig $(wc -l <"$SCRATCH/want")"
done
finish
