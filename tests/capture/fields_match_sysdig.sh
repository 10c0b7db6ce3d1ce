#!/usr/bin/env bash
# Every field tracetop lists (`tracetop -l`) prints what sysdig 0.29.3 prints,
# event for event, on both shared captures: `-p '*%evt.num %FIELD'` (the
# leading * prints events where the field is missing too, as <NA>).
#
# What may differ is declared below and checked as strictly as the rest:
#   - fields sysdig does not print: its filter-only fields, and tracetop's own
#     (sysdig must refuse them, so a field it learns is compared again);
#   - the differences the README lists under "Fields in -p", each as the exact
#     events where it shows: those lines must differ, all others must match,
#     so the README's list stays exact.
# Fields with an argument are checked through a fixed set of arguments. All
# of it with and without -D.
source "$(dirname "$0")/lib.sh"
need_sysdig
# sysdig 0.29.3 reads fd.cport of an IPv6 listening socket from memory it never
# set (0 in a normal run); meson's MALLOC_PERTURB_ would make that garbage.
unset MALLOC_PERTURB_
export TZ=UTC

# sysdig 0.29.3 refuses these as display fields ("filter only").
filter_only=" fd.ip fd.port fd.proto fd.net fd.cnet fd.snet fd.lnet fd.rnet "
# tracetop's own fields; sysdig 0.29.3 has none of them.
ours_only=" signal.name signal.num signal.source_pid signal.source_name signal.target_pid signal.target_name
  signal.via signal.delivered signal.result error.name error.code error.meaning error.class fd.ioclass
  proc.exit_status thread.mempct
  container.ip "  # container.ip: issue 13 (ctrmodel); newer libs have it, sysdig 0.29.3 does not
ours_only+=" host.name host.machine host.state host.reason host.drops "  # issue 17 items 3-4 (hosts): no host field in sysdig
# Fields with an argument, as they are used.
with_argument="evt.arg.fd evt.arg.res evt.arg.name evt.arg.data evt.arg.flags evt.arg.tuple evt.arg.ID
  evt.arg[0] evt.arg[1] evt.rawarg.res evt.rawarg.size"

# CAPTURE FIELD: the events (evt.num) where tracetop deliberately prints
# something else (README, "Fields in -p").
declare -A differs=(
  # both ends of the connection are local addresses: sysdig takes the
  # client's view for both sockets (README: fd.lip ... of a connection whose
  # two ends are both addresses of the capturing machine)
  ["single_ipv6_conn fd.lip"]="851 852 853 1153 1347 1348 1539 1540"
  ["single_ipv6_conn fd.lport"]="851 852 853 1153 1347 1348 1539 1540"
  ["single_ipv6_conn fd.rip"]="1153 1347 1348 1539 1540"
  ["single_ipv6_conn fd.rport"]="1153 1347 1348 1539 1540"
  ["single_ipv6_conn fd.lproto"]="1153 1347 1348 1539 1540"  # fd.lport as text
  ["single_ipv6_conn fd.rproto"]="1153 1347 1348 1539 1540"
  ["single_ipv6_conn fd.is_server"]="849 850 1149 1150 1151 1152 1154 1345 1346"
  # IPv6 sockets not yet connected: sysdig matches :: against ::1's prefix
  ["curl_google fd.is_server"]="1010 1011 1012 1187 1188 1259 1266 1267 1268 1269 1272"
  # fd.cport of an IPv6 listening socket (README)
  ["single_ipv6_conn fd.cport"]="851 852 853"
  # evt.rawarg of a 32-bit unsigned argument: sysdig prints <NA>, tracetop
  # the number (README); every differing line must be exactly that
  ["curl_google evt.rawarg.size"]="NA-vs-number"
  ["single_ipv6_conn evt.rawarg.size"]="NA-vs-number"
  # group.gid: sysdig 0.29.3 adds memory it never set (the thread's child
  # count times 2^32) to the gid; every differing line must be exactly that
  ["curl_google group.gid"]="gid-plus-garbage"
  ["single_ipv6_conn group.gid"]="gid-plus-garbage"
  # fd.dev and its parts: sysdig 0.29.3 prints memory it never set for fds
  # that are no file and for files whose open the capture lacks; an open
  # without the device (these old captures') gives 0; tracetop has <NA>
  # where sysdig's value is unset, and every
  # differing line must be exactly that (live-write_matches_sysdig compares
  # the values on a recording whose opens carry them)
  ["curl_google fd.dev"]="ours-NA" ["single_ipv6_conn fd.dev"]="ours-NA"
  ["curl_google fd.dev.major"]="ours-NA" ["single_ipv6_conn fd.dev.major"]="ours-NA"
  ["curl_google fd.dev.minor"]="ours-NA" ["single_ipv6_conn fd.dev.minor"]="ours-NA"
)

not_in_sysdig=" $(echo $filter_only $ours_only) "
fields=$("$TRACETOP" -l | awk '/^  [a-z]/ { sub(",", "", $1); print $1 }' | grep -v '\.NAME$' | grep -v '\[N\]$')
[ "$(wc -w <<<"$fields")" -ge 60 ] || fail "tracetop -l listed only $(wc -w <<<"$fields") fields"

compared=0
# -D: internal events too. sysdig then also logs to stdout (lines that start
# with the date, "MM-DD hh:mm:ss"); they are dropped.
for f in "$CAPTURES"/*.scap; do
 for debug in "" -D; do
  cap=$(basename "$f" .scap)
  for field in $fields $with_argument; do
    sysdig $debug -r "$f" -p "*%evt.num %$field" 2>"$SCRATCH/want_err" | grep -v '^[0-9][0-9]-[0-9][0-9] ' >"$SCRATCH/want"
    if [[ "$not_in_sysdig" == *" $field "* ]]; then
      # Must be refused by sysdig, and print something in tracetop.
      if [ -s "$SCRATCH/want" ] && ! grep -q 'filter only\|invalid formatting token\|invalid' "$SCRATCH/want" "$SCRATCH/want_err"; then
        fail "$cap: sysdig now prints $field: compare it (remove it from the lists)"
      fi
      "$TRACETOP" $debug -r "$f" --print -p "*%evt.num %$field" >"$SCRATCH/got" || fail "$cap: tracetop refused $field"
      continue
    fi
    "$TRACETOP" $debug -r "$f" --print -p "*%evt.num %$field" >"$SCRATCH/got" 2>&1 || fail "$cap $debug: tracetop refused $field"
    compared=$((compared + 1))
    # Events where the two differ, by number.
    diff_nums=$(diff <(cat -n "$SCRATCH/want") <(cat -n "$SCRATCH/got") | awk '/^</ { print $3 }' | sort -un | tr '\n' ' ')
    diff_nums=${diff_nums% }
    expected=${differs["$cap $field"]:-}
    if [ "$(wc -l <"$SCRATCH/want")" -ne "$(wc -l <"$SCRATCH/got")" ]; then
      fail "$cap $debug $field: $(wc -l <"$SCRATCH/got") lines, sysdig $(wc -l <"$SCRATCH/want")"
      diff "$SCRATCH/want" "$SCRATCH/got" | head -6
    elif [ "$expected" = NA-vs-number ]; then
      bad=$(paste -d'|' "$SCRATCH/want" "$SCRATCH/got" | awk -F'|' '$1 != $2 {
              split($1, w, " "); split($2, g, " ")
              if (w[1] != g[1] || w[2] != "<NA>" || g[2] !~ /^[0-9]+$/) print }' | head -3)
      [ -n "$diff_nums" ] || fail "$cap $debug $field: no longer differs from sysdig (update the README and this list)"
      [ -z "$bad" ] || fail "$cap $debug $field: differs other than <NA> against a number: $bad"
    elif [ "$expected" = ours-NA ]; then
      # fd.dev's 0 is a value sysdig set (an open without the device
      # parameter), never its unset memory here: tracetop must print it too.
      bad=$(paste -d'|' "$SCRATCH/want" "$SCRATCH/got" | awk -F'|' -v whole=$([ "$field" = fd.dev ] && echo 1) '$1 != $2 {
              split($1, w, " "); split($2, g, " "); if (w[1] != g[1] || g[2] != "<NA>" || (whole && w[2] == "0")) print }' | head -3)
      [ -z "$bad" ] || fail "$cap $debug $field: differs other than <NA> where sysdig has no value: $bad"
    elif [ "$expected" = gid-plus-garbage ]; then
      bad=$(paste -d'|' "$SCRATCH/want" "$SCRATCH/got" | awk -F'|' '$1 != $2 {
              split($1, w, " "); split($2, g, " ")
              if (w[1] != g[1] || g[2] !~ /^[0-9]+$/ || w[2] % 4294967296 != g[2]) print }' | head -3)
      [ -z "$bad" ] || fail "$cap $debug $field: differs other than sysdig's high bits: $bad"
    elif [ "$diff_nums" != "$expected" ]; then
      fail "$cap $debug $field: differs from sysdig on events [${diff_nums}], expected [${expected}]"
      diff "$SCRATCH/want" "$SCRATCH/got" | head -6
    fi
  done
 done
done
[ "$compared" -ge 240 ] && pass "$compared field/capture pairs print as sysdig, apart from the declared differences" \
  || fail "only $compared field/capture pairs compared"
finish
