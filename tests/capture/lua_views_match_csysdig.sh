#!/usr/bin/env bash
# csysdig's views (issue 14): its view ids and its own v_*.lua files, against
# csysdig 0.29.3 -j on the shared captures.
#  - the views tracetop's TOML views stand for (same id or an alias such as
#    io_by_type) show csysdig's rows: a difference fails;
#  - every shipped v_*.lua that applies to a capture without containers,
#    Kubernetes, Mesos or tracers loads as a view (under the id lua_ID, so
#    the TOML view of the same id does not hide it) and must show
#    csysdig's rows; the few not yet equal are listed, each with its
#    reason, in csysdig_views_compare.py (NOT_YET_EQUAL): any other
#    difference fails, and so does a listed view that has become equal;
#  - a user's own v_*.lua in SYSDIG_CHISEL_DIR is a view, equal to csysdig's;
#  - a file that is no view gives a clear reason, and the other views stay.
source "$(dirname "$0")/lib.sh"
need_sysdig
command -v csysdig >/dev/null || { echo "FAIL: csysdig (sysdig's package) is not installed"; exit 1; }
export COMPARE="$(cd "$(dirname "$0")" && pwd)/csysdig_views_compare.py"
CAPTURE="$CAPTURES/curl_google.scap"
CHISELS=/usr/share/sysdig/chisels
# csysdig refuses to start without a terminal type, even for -j.
export TERM=${TERM:-xterm}
# Views come from the chisel directories and ~: keep the user's out.
export HOME="$SCRATCH/home"
mkdir -p "$HOME"
unset SYSDIG_CHISEL_DIR XDG_CONFIG_HOME

# The views csysdig ships whose fields or filters need what a plain capture
# has not (orchestrators, tracer spans), or that tracetop cannot draw
# (spectrograms), or that sysdig itself disabled (v_cpus.lua names its table
# view_infoz), or that filter on syscall.type, a field tracetop does not have
# (syscalls, syscall_procs). The container views load (container.* fields): on these
# captures both sides show no rows.
NOT_APPLICABLE=" kubernetes_controllers kubernetes_deployments kubernetes_namespaces
 kubernetes_pods kubernetes_replicasets kubernetes_services marathon_apps marathon_groups mesos_frameworks mesos_tasks
 spans_list spans_summary traces_list traces_summary spectro_all spectro_file spectro_traces cpus spy_users_wsysdig
 syscalls syscall_procs "

LUA_DIR="$SCRATCH/lua"
mkdir -p "$LUA_DIR"
ids=()
for f in "$CHISELS"/v_*.lua; do
  id=$(basename "$f" .lua)
  id=${id#v_}
  sed -E "s/^(\s*id\s*=\s*)\"$id\"/\1\"lua_$id\"/" "$f" > "$LUA_DIR/v_lua_$id.lua"
  case " $(echo $NOT_APPLICABLE) " in *" $id "*) continue ;; esac
  ids+=("$id")
done
[ ${#ids[@]} -ge 20 ] && pass "${#ids[@]} shipped views apply to the shared captures" || fail "only ${#ids[@]} views apply"

for cap in "$CAPTURES"/curl_google.scap "$CAPTURES"/single_ipv6_conn.scap; do
  /usr/bin/python3 "$COMPARE" corresponding "$cap" || failures=$((failures + 1))
  /usr/bin/python3 "$COMPARE" lua "$cap" "$LUA_DIR" "${ids[@]}" || failures=$((failures + 1))
done

# The ids csysdig users type reach a view, and --list-views names both.
for id in io_by_type sports procs_errors spy_users syscall_procs procs_cpu procs threads syscalls files directories \
          connections incoming_connections port_bindings errors file_opens slow_io procs_fd_usage; do
  "$TRACETOP" -r "$CAPTURE" --json -v "$id" > "$SCRATCH/out.json" 2> "$SCRATCH/err" &&
    pass "-v $id opens a view" || fail "-v $id: $(cat "$SCRATCH/err")"
done
"$TRACETOP" --list-views 2>/dev/null | grep -E '^io_types .*\(csysdig: io_by_type\)' >/dev/null &&
  pass "--list-views: io_types says csysdig calls it io_by_type" || fail "--list-views does not name io_by_type"
"$TRACETOP" --list-views 2>/dev/null | grep -E "^port_bindings .*v_port_bindings.lua" >/dev/null &&
  pass "--list-views: port_bindings comes from csysdig's v_port_bindings.lua" || fail "--list-views lacks port_bindings"

# A user's own csysdig view, as csysdig's documentation shows them.
mkdir -p "$SCRATCH/mine"
cat > "$SCRATCH/mine/v_my_calls.lua" <<'LUA'
view_info =
{
  id = "my_calls",
  name = "My Calls",
  description = "Exits per system call, with the bytes they moved and the time they took.",
  view_type = "table",
  applies_to = {"", "proc.pid"},
  use_defaults = true,
  filter = "evt.dir=<",
  columns =
  {
    { name = "NA", field = "evt.type", is_key = true },
    { name = "CALLS", field = "evt.count", aggregation = "SUM", is_sorting = true, colsize = 8 },
    { name = "BYTES", field = "evt.buflen", aggregation = "SUM", colsize = 10 },
    { name = "MAXLAT", field = "evt.latency", aggregation = "MAX", colsize = 10 },
    { name = "SYSCALL", field = "evt.type", colsize = 0 },
  }
}
LUA
for cap in "$CAPTURES"/curl_google.scap "$CAPTURES"/single_ipv6_conn.scap; do
  SYSDIG_CHISEL_DIR="$SCRATCH/mine" "$TRACETOP" --list-views 2>/dev/null | grep '^my_calls ' >/dev/null &&
    pass "$(basename "$cap"): a v_*.lua in SYSDIG_CHISEL_DIR is listed" || fail "my_calls is not listed"
  # Only views found in SYSDIG_CHISEL_DIR: csysdig reads it too.
  SYSDIG_CHISEL_DIR="$SCRATCH/mine" /usr/bin/python3 - "$cap" <<'PY' || fail "$(basename "$cap"): my_calls differs from csysdig"
import json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.environ["COMPARE"]))
import csysdig_views_compare as c
cap = sys.argv[1]
_, theirs = c.csysdig(cap, "my_calls", dict(os.environ))
_, ours, _ = c.tracetop(cap, "my_calls", dict(os.environ))
# csysdig's sample-end "sysdigevent" (one per thread it knows) is an exit
# too: both sides have its row.
t = {k: (d["CALLS"], d["BYTES"], d["MAXLAT"]) for k, d in theirs}
if "sysdigevent" not in t:
    sys.exit("csysdig has no sysdigevent row: the comparison would not see the sample-end events")
o = {k: (v["calls"], v["bytes"], v["maxlat"]) for k, v in ours}
sys.exit(0 if c.compare(os.path.basename(cap) + ": the user's v_my_calls.lua equals csysdig's", t, o) else 1)
PY
done

# A broken file is reported with its reason; every other view still loads.
printf 'view_info = { id = "broken", columns = { { name = "X", field = "evt.type", is_key = true },\n  { name = "N", field = "evt.count", aggregation = "MEDIAN" } } }\n' \
  > "$SCRATCH/mine/v_broken.lua"
printf 'while true do end\n' > "$SCRATCH/mine/v_spin.lua"
SYSDIG_CHISEL_DIR="$SCRATCH/mine" "$TRACETOP" -r "$CAPTURE" --json -v broken > /dev/null 2> "$SCRATCH/err"
grep -q 'unknown aggregation "MEDIAN"' "$SCRATCH/err" && pass "-v broken: $(cat "$SCRATCH/err")" ||
  fail "-v broken: $(cat "$SCRATCH/err")"
SYSDIG_CHISEL_DIR="$SCRATCH/mine" timeout 20 "$TRACETOP" -r "$CAPTURE" --json -v spin > /dev/null 2> "$SCRATCH/err"
grep -q 'runs too long' "$SCRATCH/err" && pass "-v spin: $(cat "$SCRATCH/err")" || fail "-v spin: $(cat "$SCRATCH/err")"
SYSDIG_CHISEL_DIR="$SCRATCH/mine" "$TRACETOP" -r "$CAPTURE" --json -v my_calls > /dev/null &&
  pass "my_calls still loads beside the broken files" || fail "a broken v_*.lua stops the others"
finish
