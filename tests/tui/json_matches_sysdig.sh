#!/usr/bin/env bash
# --json numbers against sysdig 0.29.3 on the shared captures:
#  - System Calls: calls and total latency per system call equal the full
#    tables of sysdig's topscalls / topscalls_time chisels (their top-30 cut
#    lifted), minus the rows that are not system calls (switch, procinfo),
#    which the view leaves out by design;
#  - per process: the procs view's event count and the events view's rows
#    equal the number of lines `sysdig -r F proc.pid=N` prints.
source "$(dirname "$0")/lib.sh"
need_sysdig
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to read JSON"; exit 1; }
oracle() { sysdig "$@" 2>/dev/null; }
csysdig_oracle() { TERM=xterm csysdig "$@" 2>/dev/null; }

# The stock chisels with the top-30 cut lifted (a copy in the scratch dir).
CHISELS=/usr/share/sysdig/chisels
for c in topscalls topscalls_time; do
  sed 's/^TOP_NUMBER = 30/TOP_NUMBER = 1000000/' "$CHISELS/$c.lua" > "$SCRATCH/${c}_all.lua"
done

for f in curl_google single_ipv6_conn; do
  cap="$SHARED/captures/$f.scap"
  "$TRACETOP" -r "$cap" --json -v syscalls > "$SCRATCH/sc.json" || { fail "$f: --json -v syscalls"; continue; }
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["rows"]: print(r["key"], r["values"]["calls"])' "$SCRATCH/sc.json" | sort > "$SCRATCH/ours_calls"
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["rows"]:
    if r["values"]["time"] > 0: print(r["key"], r["values"]["time"])' "$SCRATCH/sc.json" | sort > "$SCRATCH/ours_time"
  oracle -r "$cap" -c "$SCRATCH/topscalls_all.lua" | tail -n +3 | awk '{print $2, $1}' |
    grep -vE '^(switch|procinfo) ' | sort > "$SCRATCH/theirs_calls"
  oracle -r "$cap" -c "$SCRATCH/topscalls_time_all.lua" -j | python3 -c '
import json, sys
for k, v in json.load(sys.stdin)["data"]:
    if k not in ("switch", "procinfo"): print(k, v)' | sort > "$SCRATCH/theirs_time"
  if [ -s "$SCRATCH/theirs_calls" ] && diff "$SCRATCH/theirs_calls" "$SCRATCH/ours_calls"; then
    pass "$f: System Calls counts equal topscalls ($(wc -l < "$SCRATCH/ours_calls") rows)"
  else
    fail "$f: System Calls counts differ from topscalls"
  fi
  if [ -s "$SCRATCH/theirs_time" ] && diff "$SCRATCH/theirs_time" "$SCRATCH/ours_time"; then
    pass "$f: System Calls latencies equal topscalls_time ($(wc -l < "$SCRATCH/ours_time") rows)"
  else
    fail "$f: System Calls latencies differ from topscalls_time"
  fi

  "$TRACETOP" -r "$cap" --json -v procs > "$SCRATCH/procs.json" || { fail "$f: --json -v procs"; continue; }
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["view"] == "procs" and d["filter"] == ""
assert [c["id"] for c in d["columns"]][:2] == ["pid", "ppid"]
for r in d["rows"]:
    if r["values"]["events"] > 0: print(r["key"], r["values"]["events"])' "$SCRATCH/procs.json" > "$SCRATCH/pids"
  [ -s "$SCRATCH/pids" ] || fail "$f: no process with events"
  # Every process of the capture is listed, idle ones too, as csysdig's
  # procs view lists them; and no row is made of events without a process.
  # Lines: pid ppid threads.
  python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["rows"]:
    v = r["values"]
    print(r["key"], v["ppid"], int(v["threads"]))' "$SCRATCH/procs.json" | sort > "$SCRATCH/ours_procs"
  csysdig_oracle -r "$cap" -v procs -j > "$SCRATCH/cs.json"
  # csysdig's columns by their titles in its legend (PID PPID CPU USER TH ...).
  python3 -c '
import json, sys
last = json.load(open(sys.argv[1]))["slices"][-1]
at = {c["name"]: i for i, c in enumerate(last["info"]["legend"])}
for r in last["data"]:
    d = r["d"]
    print(r["k"], d[at["PPID"]], d[at["TH"]])' "$SCRATCH/cs.json" | sort > "$SCRATCH/theirs_procs"
  if [ -s "$SCRATCH/theirs_procs" ] &&
      diff <(cut -d' ' -f1,2 "$SCRATCH/theirs_procs") <(cut -d' ' -f1,2 "$SCRATCH/ours_procs"); then
    pass "$f: procs lists csysdig's $(wc -l < "$SCRATCH/ours_procs") processes with their parents"
  else
    fail "$f: procs rows differ from csysdig -v procs"
  fi
  # THR is csysdig's TH (the most threads in the sample) on every row; on
  # curl_google curl (17497) had a second thread that exited before the end.
  if [ -s "$SCRATCH/theirs_procs" ] &&
      diff <(cut -d' ' -f1,3 "$SCRATCH/theirs_procs") <(cut -d' ' -f1,3 "$SCRATCH/ours_procs"); then
    pass "$f: THR equals csysdig's TH on all $(wc -l < "$SCRATCH/ours_procs") rows"
  else
    fail "$f: THR differs from csysdig's TH (lines: pid threads)"
  fi
  # issue 16 (uiact): VIRT and RES equal csysdig's (thread.vmsize.b and
  # thread.vmrss.b, MAX per process) on every row. Lines: pid virt res.
  python3 -c '
import json, sys
last = json.load(open(sys.argv[1]))["slices"][-1]
at = {c["name"]: i for i, c in enumerate(last["info"]["legend"])}
for r in last["data"]:
    print(r["k"], int(r["d"][at["VIRT"]]), int(r["d"][at["RES"]]))' "$SCRATCH/cs.json" | sort > "$SCRATCH/theirs_mem"
  python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["rows"]:
    print(r["key"], int(r["values"]["virt"]), int(r["values"]["res"]))' "$SCRATCH/procs.json" | sort > "$SCRATCH/ours_mem"
  if [ -s "$SCRATCH/theirs_mem" ] && diff "$SCRATCH/theirs_mem" "$SCRATCH/ours_mem"; then
    pass "$f: VIRT and RES equal csysdig's on all $(wc -l < "$SCRATCH/ours_mem") rows"
  else
    fail "$f: VIRT/RES differ from csysdig's (lines: pid virt res)"
  fi
  while read -r pid n; do
    theirs=$(oracle -r "$cap" "proc.pid=$pid" | wc -l)
    rows=$("$TRACETOP" -r "$cap" --json -v events "proc.pid=$pid" |
      python3 -c 'import json, sys; print(len(json.load(sys.stdin)["rows"]))')
    if [ "$n" = "$theirs" ] && [ "$rows" = "$theirs" ]; then
      pass "$f: pid $pid: $n events, as sysdig proc.pid=$pid prints"
    else
      fail "$f: pid $pid: procs says $n, events view $rows, sysdig $theirs"
    fi
  done < "$SCRATCH/pids"
done

# The filter given is echoed, and a bad one is a usage error.
out=$("$TRACETOP" -r "$CAPTURE" --json -v threads 'proc.name = curl')
case "$out" in *'"filter":"proc.name = curl"'*'"key":"17497"'*) pass "--json echoes the filter" ;; *) fail "--json echoes the filter" ;; esac
"$TRACETOP" -r "$CAPTURE" --json -v nosuch >/dev/null 2>"$SCRATCH/err"; st=$?
[ $st = 2 ] && grep -q 'no view "nosuch"' "$SCRATCH/err" && pass "unknown view: status 2 and a message" || fail "unknown view"
"$TRACETOP" -r "$CAPTURE" --json 'proc.pid =' >/dev/null 2>"$SCRATCH/err"; st=$?
[ $st = 2 ] && grep -q '\^' "$SCRATCH/err" && pass "bad filter: status 2 and a caret" || fail "bad filter"
"$TRACETOP" --list-views | grep '^syscall_callers ' >/dev/null && pass "--list-views lists the views" || fail "--list-views"

# A user's malformed view is named with its line.
mkdir -p "$SCRATCH/cfg/tracetop/views"
printf 'id = "procs"\nname = \n' > "$SCRATCH/cfg/tracetop/views/procs.toml"
XDG_CONFIG_HOME="$SCRATCH/cfg" "$TRACETOP" --list-views >/dev/null 2>"$SCRATCH/err"; st=$?
[ $st = 2 ] && grep -q "views/procs.toml:2:" "$SCRATCH/err" && pass "malformed user view: file and line named" ||
  { cat "$SCRATCH/err"; fail "malformed user view"; }
finish
