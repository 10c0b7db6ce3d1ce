#!/usr/bin/env bash
# Several -c in one run (issue 14, lua14): the chisels run side by side on
# the same events, each event going through each chisel (its interval, then
# on_event) in the order given, as sysdig 0.29.3 runs them. Compared byte for
# byte with `sysdig -r FILE` and the same words on both shared captures.
# The chisels here print in a fixed order (no Lua pairs() order, see
# chisels_match_sysdig.sh), so the outputs must be equal as they are.
source "$(dirname "$0")/lib.sh"
need_sysdig
cd "$SCRATCH" || exit 1

# Three at once, one with its argument (spy_file R), two asking for a
# filter of their own with chisel.set_filter.
same_output "-c spy_file R -c proc_exec_time -c iobytes" -c spy_file R -c proc_exec_time -c iobytes
# Interval lines (iobytes_file) come between the other chisels' lines of
# the same event, after the chisels given before it.
same_output "-c spy_users -c echo_fds -c iobytes_file" -c spy_users -c echo_fds -c iobytes_file
same_output "-c iobytes_net -c spy_file W -c stdout" -c iobytes_net -c spy_file W -c stdout
# sysdig's rule reads the words after NAME as they stand: "proc.name=curl -c
# spy_users ..." is no filter, so echo_fds takes the word as its argument.
same_output "-c echo_fds proc.name=curl -c spy_users -c iobytes_net" \
  -c echo_fds proc.name=curl -c spy_users -c iobytes_net
# The last words make a filter: it applies to every chisel.
same_output "-c fdbytes_by fd.type -c spy_file R proc.name=curl" -c fdbytes_by fd.type -c spy_file R proc.name=curl

# A chisel that is not there stops the run before any output.
"$TRACETOP" -r "$CAPTURES/curl_google.scap" -c spy_file R -c no_such_chisel >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
[ $status -eq 2 ] && [ ! -s "$SCRATCH/out" ] && grep -q no_such_chisel "$SCRATCH/err" &&
  pass "-c no_such_chisel beside another: status 2, $(cat "$SCRATCH/err")" ||
  fail "-c no_such_chisel beside another: status $status, $(cat "$SCRATCH/err")"
finish
