#!/usr/bin/env bash
# Containers on a docker host, against sysdig 0.29.3 and csysdig: the shared
# captures have none, so make_docker_capture (built by meson) writes copies
# of them with sysdig's container events at the start and docker cgroups on
# some processes: "web" (event 272), "db" (event 324, privileged, Kubernetes
# labels) and a container known only by its cgroups. On both files:
#   - the Containers view (--json -v containers) lists the containers csysdig
#     -v containers -j lists, with the same id, name, image, engine, process
#     and thread counts;
#   - container filters select the same events (evt.num lists) as sysdig -r;
#   - container fields print as sysdig prints them, with -D so that the
#     process-info events of host threads, containers and the cgroups-only
#     container all show;
#   - -pc and -pk print sysdig's lines, with and without -D.
source "$(dirname "$0")/lib.sh"
need_sysdig
: "${MAKE_DOCKER_CAPTURE:?run through meson test}"
command -v csysdig >/dev/null || { echo "FAIL: csysdig (the oracle) is not installed; ./setup.sh installs sysdig"; exit 1; }
PY=/usr/bin/python3

# curl_google: curl (17497) in web, its resolver thread (17498) in db; the
# others have no events. single_ipv6_conn: dockerd (1240) in web, two
# processes in db, init in the container without metadata.
"$MAKE_DOCKER_CAPTURE" "$CAPTURES/curl_google.scap" "$SCRATCH/curl.scap" 17497=0 tid:17498=1 1383=1 3199=2 ||
  { echo "FAIL: make_docker_capture curl_google"; exit 1; }
"$MAKE_DOCKER_CAPTURE" "$CAPTURES/single_ipv6_conn.scap" "$SCRATCH/ipv6.scap" 1240=0 1465=1 915=1 1=2 ||
  { echo "FAIL: make_docker_capture single_ipv6_conn"; exit 1; }
files=("$SCRATCH/curl.scap" "$SCRATCH/ipv6.scap")

# 1. The Containers view against csysdig's.
for f in "${files[@]}"; do
  name=$(basename "$f")
  "$TRACETOP" -r "$f" --json -v containers >"$SCRATCH/tt.json" 2>"$SCRATCH/tt.err" ||
    { fail "$name: tracetop --json -v containers: $(head -3 "$SCRATCH/tt.err")"; continue; }
  timeout 60 csysdig -r "$f" -v containers -j >"$SCRATCH/cs.json" 2>/dev/null ||
    { fail "$name: csysdig -v containers -j failed"; continue; }
  if out=$("$PY" - "$SCRATCH/tt.json" "$SCRATCH/cs.json" <<'PYEOF'
import json, sys
ours = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
# csysdig -j prints a list of slices; the last one holds the table.
slices = json.loads(text)["slices"]
theirs = {}
for s in slices:
    for row in s.get("data", []):
        d = row["d"]  # CPU PROCS THREADS VIRT RES FILE NET ENGINE IMAGE ID NAME
        theirs[d[9]] = {"name": d[10], "image": d[8], "engine": d[7], "procs": d[1], "threads": d[2]}
mine = {}
for r in ours["rows"]:
    v = r["values"]
    mine[v["id"]] = {"name": v["name"], "image": v["image"], "engine": v["engine"],
                     "procs": v["procs"], "threads": v["threads"]}
if len(theirs) < 2:
    print(f"csysdig lists {len(theirs)} containers; the test capture should give 2")
    sys.exit(1)
if mine != theirs:
    print(f"tracetop {mine}\n    csysdig  {theirs}")
    sys.exit(1)
print(", ".join(f"{v['name']} ({k}, {v['image']}, {v['procs']} procs, {v['threads']} threads)" for k, v in sorted(mine.items())))
PYEOF
  ); then pass "$name: Containers view = csysdig's: $out"; else fail "$name: Containers view: $out"; fi
done

# 1b. Drilling into a container scopes Processes to it (the drill-down term
#     is container.id = ID): the same processes as csysdig's procs view with
#     that filter, and a CONTAINER column naming the container, a column
#     Processes leaves out on a machine without containers.
for f in "${files[@]}"; do
  name=$(basename "$f")
  for id in 3ad7b26ded6d 9f2c1e4b7a10; do
    "$TRACETOP" -r "$f" --json -v procs "container.id = $id" >"$SCRATCH/tt.json" 2>&1
    timeout 60 csysdig -r "$f" -v procs -j "container.id = $id" >"$SCRATCH/cs.json" 2>/dev/null
    if out=$("$PY" - "$SCRATCH/tt.json" "$SCRATCH/cs.json" <<'PYEOF'
import json, sys
ours = json.load(open(sys.argv[1]))
theirs = sorted(row["k"] for s in json.loads(open(sys.argv[2]).read())["slices"] for row in s.get("data", []))
mine = sorted(r["key"] for r in ours["rows"])
names = {r["values"].get("container") for r in ours["rows"]}
if mine != theirs or not mine:
    print(f"tracetop {mine}, csysdig {theirs}")
    sys.exit(1)
if len(names) != 1 or None in names:
    print(f"CONTAINER column: {names}")
    sys.exit(1)
print(f"processes {' '.join(mine)} in {names.pop()}")
PYEOF
    ); then pass "$name: Processes scoped to $id: $out"; else fail "$name: Processes scoped to $id: $out"; fi
  done
done
"$TRACETOP" -r "$CAPTURES/curl_google.scap" --json -v procs | "$PY" -c '
import json, sys
sys.exit(any(c["id"] == "container" for c in json.load(sys.stdin)["columns"]))' &&
  pass "no CONTAINER column in Processes without containers" ||
  fail "Processes shows a CONTAINER column on a capture without containers"

# 2. Filters select the events sysdig selects. 'hits': some capture must give
#    sysdig at least one event, so a case cannot pass by selecting nothing.
cases=$(cat <<'EOF'
hits | container.name=web
hits | container.name!=web
hits | container.name != host
hits | container.name=host
hits | container.name contains db_db
hits | container.name in (web, k8s_db_db-0_shop_0123)
hits | container.image=nginx:1.21
hits | container.image!=postgres:14
hits | container.image contains postgres
hits | container.image exists
hits | container.id=3ad7b26ded6d
hits | container.id!=9f2c1e4b7a10
hits | container.id contains 9f2c
hits | container.id=host
hits | container.type=docker
hits | container.privileged=true
hits | container.image.id startswith 6ad7
hits | container.image.repository=nginx
hits | container.image.tag!=latest
hits | k8s.pod.name=db-0
hits | k8s.ns.name=shop
hits | k8s.pod.id=7d3e5a1c-2b4f-4c6d-8e9f-0a1b2c3d4e5f
hits | k8s.pod.label.tier=backend
hits | k8s.pod.labels contains app:db
hits | container.mount.dest[/var/lib/docker/*]=/var/lib/postgresql/data
hits | container.mount.rdwr[1]=false
hits | container.mounts contains /etc/localtime
hits | thread.cgroup.cpu contains docker
hits | thread.cgroups contains 3ad7b26ded6d
hits | fd.containername startswith 3ad7b26ded6d:/etc
hits | fd.containerdirectory=9f2c1e4b7a10:/etc
hits | container.name=web and evt.type=open
EOF
)
while IFS= read -r line; do
  expect=$(echo "${line%%|*}" | xargs)
  filter=$(echo "${line#*|}" | sed 's/^ *//')
  total=0
  for f in "${files[@]}"; do
    name=$(basename "$f")
    oracle -r "$f" -p '%evt.num' "$filter" >"$SCRATCH/s.txt"
    "$TRACETOP" -r "$f" --print -p '%evt.num' "$filter" >"$SCRATCH/t.txt" 2>"$SCRATCH/t.err" ||
      { fail "$name [$filter]: tracetop failed: $(head -2 "$SCRATCH/t.err")"; continue; }
    n=$(wc -l <"$SCRATCH/s.txt")
    total=$((total + n))
    if cmp -s "$SCRATCH/s.txt" "$SCRATCH/t.txt"; then
      pass "$name [$filter]: $n events, as sysdig"
    else
      fail "$name [$filter]: sysdig $n events, tracetop $(wc -l <"$SCRATCH/t.txt"); first difference: $(diff "$SCRATCH/s.txt" "$SCRATCH/t.txt" | sed -n 2p)"
    fi
  done
  if [ "$expect" = hits ] && [ "$total" -eq 0 ]; then fail "[$filter]: sysdig selects nothing: the case proves nothing"; fi
done <<<"$cases"

# 3. Every container field, as sysdig prints it, on every event (-D).
fmt='*%evt.num %proc.pid %container.id|%container.name|%container.image|%container.image.id|%container.image.repository|%container.image.tag|%container.image.digest|%container.type|%container.privileged|%k8s.pod.name|%k8s.ns.name|%fd.containername|%fd.containerdirectory|%thread.cgroups|%thread.cgroup.cpu|%thread.cgroup.blkio|%thread.cgroup.nosuch|%k8s.pod.id|%k8s.pod.labels|%k8s.pod.label.app|%k8s.pod.label.nosuch|%container.mounts|%container.mount[0]|%container.mount[/etc/*]|%container.mount[2]|%container.mount.source[/var/lib/postgresql*]|%container.mount.dest[1]|%container.mount.mode[/var/*]|%container.mount.rdwr[0]|%container.mount.propagation[/etc/localtime]'
for f in "${files[@]}"; do
  name=$(basename "$f")
  oracle -r "$f" -D -p "$fmt" >"$SCRATCH/s.txt"
  "$TRACETOP" -r "$f" --debug -p "$fmt" >"$SCRATCH/t.txt" 2>&1
  if cmp -s "$SCRATCH/s.txt" "$SCRATCH/t.txt" && [ -s "$SCRATCH/s.txt" ]; then
    pass "$name: container fields of $(wc -l <"$SCRATCH/s.txt") events as sysdig prints them"
  else
    fail "$name: container fields differ: $(diff "$SCRATCH/s.txt" "$SCRATCH/t.txt" | sed -n 2p | cut -c1-300)"
  fi
done

# 4. -pc and -pk: sysdig's container and Kubernetes lines.
for f in "${files[@]}"; do
  name=$(basename "$f")
  for mode in -pc -pk; do
    for debug in "" -D; do
      oracle -r "$f" $debug $mode >"$SCRATCH/s.txt"
      "$TRACETOP" -r "$f" $debug $mode >"$SCRATCH/t.txt" 2>&1
      if cmp -s "$SCRATCH/s.txt" "$SCRATCH/t.txt" && [ -s "$SCRATCH/s.txt" ]; then
        pass "$name $mode $debug: $(wc -l <"$SCRATCH/s.txt") lines as sysdig's"
      else
        fail "$name $mode $debug: lines differ: $(diff "$SCRATCH/s.txt" "$SCRATCH/t.txt" | sed -n 2p | cut -c1-300)"
      fi
    done
  done
done
# 5. A filtered recording keeps the container events (sysdig 0.29.3's drops
#    them): the recorded threads' containers read back by name, in tracetop
#    and in sysdig, as the original file names them.
recorded_some=0
for f in "${files[@]}"; do
  name=$(basename "$f")
  rm -f "$SCRATCH/w.scap"
  "$TRACETOP" -r "$f" -w "$SCRATCH/w.scap" 'container.name != host' 2>"$SCRATCH/w.err" ||
    { fail "$name: tracetop -w with a container filter: $(head -2 "$SCRATCH/w.err")"; continue; }
  want=$("$TRACETOP" -r "$f" -p '%container.name' 'container.name != host' | sort -u | tr '\n' ' ')
  got=$("$TRACETOP" -r "$SCRATCH/w.scap" -p '%container.name' | sort -u | tr '\n' ' ')
  theirs=$(oracle -r "$SCRATCH/w.scap" -p '%container.name' | sort -u | tr '\n' ' ')
  if [ -z "$want" ]; then echo "note: $name: no container activity outside process info to record"; continue; fi
  recorded_some=1
  if [ -n "$want" ] && [ "$got" = "$want" ] && [ "$theirs" = "$want" ]; then
    pass "$name: -w 'container.name != host' reads back as [$want] (tracetop and sysdig)"
  else
    fail "$name: -w 'container.name != host' reads back as [$got] (tracetop), [$theirs] (sysdig); want [$want]"
  fi
done
[ $recorded_some -eq 1 ] || fail "no capture had container activity to record: section 5 proves nothing"
finish
