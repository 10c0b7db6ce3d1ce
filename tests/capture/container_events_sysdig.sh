#!/usr/bin/env bash
# Container events in the middle of a capture, as a live recording has them
# when a container starts while it runs: sysdig 0.29.3 never shows the ones
# at the start of a file (it reads them before its first event), shows the
# later ones, each with a process it makes up (tid and pid -1, virtual ids
# -2, named container:ID, in that container), and csysdig's views count
# them. make_docker_capture writes a copy of curl_google.scap with the
# container events at the start and again after its 300th event.
source "$(dirname "$0")/lib.sh"
need_sysdig
: "${MAKE_DOCKER_CAPTURE:?run through meson test}"
command -v csysdig >/dev/null || { echo "FAIL: csysdig (the oracle) is not installed; ./setup.sh installs sysdig"; exit 1; }
cap="$SCRATCH/late.scap"
"$MAKE_DOCKER_CAPTURE" "$CAPTURES/curl_google.scap" "$cap" late=300 17497=0 tid:17498=1 ||
  { echo "FAIL: make_docker_capture"; exit 1; }

# The default lines, with and without -D: byte for byte sysdig's, but for
# the newline that ends the container JSON, which sysdig prints raw and
# tracetop as a dot (README: control characters from the capture).
for debug in "" -D; do
  oracle $debug -r "$cap" | grep -Ev '^[0-9]{2}-[0-9]{2} [0-9:.]+ ' | perl -0pe 's/\}\n \n/}. \n/g' >"$SCRATCH/want"
  "$TRACETOP" $debug -r "$cap" --print >"$SCRATCH/got" 2>"$SCRATCH/err" || fail "tracetop $debug: $(head -3 "$SCRATCH/err")"
  late=$(grep -c ') > container json=' "$SCRATCH/got")
  if [ "$late" = 3 ] && cmp -s "$SCRATCH/want" "$SCRATCH/got"; then
    pass "print $debug: the 3 later container events shown, the 3 at the start not, as sysdig ($(wc -l <"$SCRATCH/got") lines)"
  else
    fail "print $debug: $late container events shown; against sysdig:"; diff "$SCRATCH/want" "$SCRATCH/got" | head -6
  fi
done

# The made-up process of a container event, field by field. Its parent and
# user are memory sysdig never set (0 and root in a plain run, anything under
# MALLOC_PERTURB_): tracetop gives 0 and root, checked on their own.
fmt='*%evt.num %thread.tid %proc.pid %proc.name %thread.vtid %proc.vpid %container.id %container.name %container.image %evt.type'
oracle -r "$cap" -p "$fmt" "evt.type=container" >"$SCRATCH/want"
"$TRACETOP" -r "$cap" -p "$fmt" "evt.type=container" >"$SCRATCH/got" 2>&1
if [ "$(wc -l <"$SCRATCH/want")" = 3 ] && grep -q '^304 -1 -1 container:3ad7b26ded6d -2 -2 3ad7b26ded6d web ' "$SCRATCH/got" &&
  [ "$("$TRACETOP" -r "$cap" -p '%proc.ppid %user.name' "evt.type=container" | sort -u)" = "0 root" ] &&
  cmp -s "$SCRATCH/want" "$SCRATCH/got"; then
  pass "a container event's process and container fields as sysdig's"
else
  fail "container event fields:"; diff "$SCRATCH/want" "$SCRATCH/got" | head -6
fi

# Filters on the made-up process select what sysdig's select.
for filter in "proc.name startswith container:" "thread.tid=-1" "container.name=web and evt.type=container"; do
  oracle -r "$cap" -p '%evt.num' "$filter" >"$SCRATCH/want"
  "$TRACETOP" -r "$cap" -p '%evt.num' "$filter" >"$SCRATCH/got" 2>&1
  [ -s "$SCRATCH/want" ] && cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "filter $filter: events $(tr '\n' ' ' <"$SCRATCH/want")" ||
    fail "filter $filter: sysdig $(tr '\n' ' ' <"$SCRATCH/want"), tracetop $(tr '\n' ' ' <"$SCRATCH/got" | head -c 200)"
done

# The capture's first moment is its first event's, not the container
# records' at the start (stamped 0): evt.reltime and -t r/d as sysdig's.
oracle -r "$cap" -p '*%evt.num %evt.reltime %evt.reltime.s' >"$SCRATCH/want"
"$TRACETOP" -r "$cap" -p '*%evt.num %evt.reltime %evt.reltime.s' >"$SCRATCH/got" 2>&1
cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "evt.reltime counts from the first event ($(head -1 "$SCRATCH/got"))" ||
  fail "evt.reltime: $(diff "$SCRATCH/want" "$SCRATCH/got" | head -3 | tr '\n' ' ')"
for t in r d; do
  oracle -r "$cap" -t $t | perl -0pe 's/\}\n \n/}. \n/g' >"$SCRATCH/want"
  "$TRACETOP" -r "$cap" --print -t $t >"$SCRATCH/got" 2>&1
  cmp -s "$SCRATCH/want" "$SCRATCH/got" && pass "-t $t: sysdig's lines" ||
    fail "-t $t: $(diff "$SCRATCH/want" "$SCRATCH/got" | head -3 | cut -c1-120 | tr '\n' ' ')"
done

# Every view csysdig has a counterpart of, on this file (the made-up
# process is a row of Processes and Threads, as in csysdig).
if /usr/bin/python3 "$(dirname "$0")/csysdig_views_compare.py" corresponding "$cap"; then
  pass "every compared view shows csysdig's rows"
else
  fail "a view differs from csysdig's (above)"
fi
finish
