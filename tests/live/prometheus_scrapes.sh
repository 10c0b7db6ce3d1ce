#!/usr/bin/env bash
# Live, through a real Prometheus: tracetop --serve (with a token) on one
# loopback port, Debian's prometheus on another scraping it every second,
# and a workload of known behaviour (tt_scrape.c: N getppid calls, N opens
# failing with ENOENT, K bytes written to a file). Prometheus's query API
# must show exactly those counts, a rate above zero, and a scrape that
# succeeded with the token; tracetop must refuse requests without it.
source "$(dirname "$0")/lib.sh"
need_root
: "${SCRAPE_WORKLOAD:?run through meson test}" "${DASHBOARD:?run through meson test}"
for tool in prometheus promtool curl; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed; ./setup.sh installs it"; exit 1; }
done

PIDS=()
# Our servers go first, then lib.sh's own clean-up (the scratch folder).
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
      [ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
TPORT=$(free_port)
PPORT=$(free_port)
[ "$TPORT" != "$PPORT" ] || PPORT=$(free_port)
N=2000
K=204800
scale=${TRACETOP_TIME_SCALE:-1}
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$SCRATCH/token"
TOKEN=$(cat "$SCRATCH/token")

# The workload runs in $SCRATCH: its cwd tells it from another copy of this
# test on the same machine.
"$TRACETOP" "${RINGS[@]}" --serve "127.0.0.1:$TPORT" --serve-token "$SCRATCH/token" \
  "proc.cwd startswith '$SCRATCH'" 2>"$SCRATCH/tracetop.err" &
TT=$!
PIDS+=("$TT")
# The endpoint answers once the probe is attached (it opens the capture first).
code=""
for i in $(seq 300); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$TPORT/metrics")
  [ "$code" = 401 ] && break
  kill -0 "$TT" 2>/dev/null || { fail "tracetop --serve ended: $(cat "$SCRATCH/tracetop.err")"; finish; }
  sleep 0.1
done
[ "$code" = 401 ] && pass "a request without the token is refused (401)" || { fail "without the token: HTTP $code"; finish; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN}x" "http://127.0.0.1:$TPORT/metrics")
[ "$code" = 401 ] && pass "a wrong token is refused (401)" || fail "with a wrong token: HTTP $code"
curl -s -D "$SCRATCH/headers" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$TPORT/metrics" >"$SCRATCH/plain.txt"
if grep -qi '^content-type: text/plain; version=0.0.4' "$SCRATCH/headers" && grep -q '^# TYPE tracetop_events_total counter' "$SCRATCH/plain.txt"; then
  pass "with the token: Prometheus text"
else
  fail "with the token: $(head -3 "$SCRATCH/headers") $(head -c 300 "$SCRATCH/plain.txt")"
fi
# promtool (Debian's prometheus package) lints the text format: help, types, names.
if lint=$(promtool check metrics <"$SCRATCH/plain.txt" 2>&1); then pass "promtool check metrics finds nothing"
else fail "promtool check metrics: $lint"; fi

cat >"$SCRATCH/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: tracetop
    authorization:
      type: Bearer
      credentials_file: $SCRATCH/token
    static_configs:
      - targets: ['127.0.0.1:$TPORT']
YML
prometheus --config.file="$SCRATCH/prometheus.yml" --storage.tsdb.path="$SCRATCH/tsdb" \
  --web.listen-address="127.0.0.1:$PPORT" >"$SCRATCH/prometheus.log" 2>&1 &
PROM=$!
PIDS+=("$PROM")
for i in $(seq 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PPORT/-/ready")" = 200 ] && break
  kill -0 "$PROM" 2>/dev/null || { fail "prometheus ended: $(tail -5 "$SCRATCH/prometheus.log")"; finish; }
  sleep 0.1
done

# One number from Prometheus's query API ("" when the query has no result).
query() {
  curl -s --get --data-urlencode "query=$1" "http://127.0.0.1:$PPORT/api/v1/query" |
    /usr/bin/python3 -c 'import json, sys
r = json.load(sys.stdin)["data"]["result"]
print(r[0]["value"][1] if r else "")'
}

# Prometheus finds its targets a few seconds after it starts: the workload
# runs once it scrapes, so that its counters rise across several scrapes.
for i in $(seq $((150 * scale))); do
  [ "$(query 'up{job="tracetop"}')" = 1 ] && break
  sleep 0.1
done
# The workload's child runs under this name (the kernel keeps 15 bytes of it).
HOSTILE="$SCRATCH/$(printf 'tt"\\\n\377\033[31m')"
ln -s "$SCRAPE_WORKLOAD" "$HOSTILE"
(cd "$SCRATCH" && "$SCRAPE_WORKLOAD" "$SCRATCH" "$N" "$K" "$HOSTILE") || fail "the workload failed"

# Wait until a scrape after the workload's end reached Prometheus: its
# last call is a write, so the bytes written are complete last.
for i in $(seq $((100 * scale))); do
  [ "$(query 'sum(tracetop_process_file_write_bytes_total{name="tt_scrape"})')" = "$K" ] && break
  sleep 0.2
done
check() {  # query, expected value, what
  local v
  v=$(query "$1")
  if [ "$v" = "$2" ]; then pass "$3 = $2"; else fail "$3: $1 gave '${v}', want $2"; fi
}
check 'tracetop_syscall_calls_total{syscall="getppid"}' "$N" "getppid calls"
check 'tracetop_syscall_latency_seconds_count{syscall="getppid"}' "$N" "getppid latency observations"
check 'tracetop_syscall_latency_seconds_bucket{syscall="getppid",le="+Inf"}' "$N" "getppid latency +Inf bucket"
check 'sum(tracetop_process_errors_total{name="tt_scrape",errno="ENOENT"})' "$N" "tt_scrape's ENOENT errors"
check 'sum(tracetop_process_file_write_bytes_total{name="tt_scrape"})' "$K" "tt_scrape's file bytes written"
check 'up{job="tracetop"}' 1 "Prometheus's scrape with the token succeeds"
calls=$(query 'sum(tracetop_process_syscalls_total{name="tt_scrape"})')
if [ -n "$calls" ] && [ "$calls" -ge $((2 * N + 20)) ]; then pass "tt_scrape's system calls ($calls >= $((2 * N + 20)))"
else fail "tt_scrape's system calls: '$calls', want at least $((2 * N + 20))"; fi
rate=$(query 'sum(rate(tracetop_process_syscalls_total{name="tt_scrape"}[20s]))')
if /usr/bin/python3 -c "import sys; sys.exit(0 if float('${rate:-0}') > 0 else 1)"; then pass "tt_scrape's call rate > 0 ($rate/s)"
else fail "tt_scrape's call rate: '$rate'"; fi

# The child with the hostile name: one series, the name escaped (quote,
# backslash, line feed) or replaced (the byte that is not UTF-8, ESC).
# (?s): the name holds a line feed, which "." does not match otherwise.
if curl -s --get --data-urlencode 'query=tracetop_process_syscalls_total{name=~"(?s)tt\".*"}' \
     "http://127.0.0.1:$PPORT/api/v1/query" | /usr/bin/python3 -c 'import json, sys
r = json.load(sys.stdin)["data"]["result"]
want = "tt\"\\\n\ufffd\ufffd[31m"
names = [s["metric"]["name"] for s in r]
sys.exit(0 if names == [want] and int(r[0]["value"][1]) >= 7 else print(names, r) or 1)'; then
  pass "a hostile process name reaches Prometheus escaped"
else
  fail "the hostile process name's series"
fi

# tidy (session 6): CPU time from /proc (the sampler's worker, asked every
# 5 s) reaches the series of a process the filter passes, and no other: a
# shell loop with no system calls burns CPU in $SCRATCH, while Prometheus and
# tracetop itself, outside it, get no CPU series.
(cd "$SCRATCH" && exec /bin/sh -c 'while :; do :; done') &
BURN=$!
PIDS+=("$BURN")
got=""
for i in $(seq $((100 * scale))); do
  got=$(query "sum(tracetop_process_cpu_seconds_total{pid=\"$BURN\"})")
  [ -n "$got" ] && /usr/bin/python3 -c "import sys; sys.exit(0 if float('$got') >= 0.3 else 1)" && break
  sleep 0.2
done
used=$(awk '{ sub(/.*\) /, ""); print ($12 + $13) / 100 }' "/proc/$BURN/stat")
kill "$BURN" 2>/dev/null
if /usr/bin/python3 -c "import sys; sys.exit(0 if 0.3 <= float('${got:-0}') <= $used + 0.05 else 1)"; then
  pass "the burner's CPU seconds from /proc ($got, /proc says $used)"
else
  fail "the burner's CPU seconds: '$got', /proc says $used"
fi
others=$(query 'count(tracetop_process_cpu_seconds_total{name=~"prometheus|tracetop"})')
[ -z "$others" ] && pass "no CPU series for processes the filter leaves out" ||
  fail "CPU series for processes outside the filter: $others"

# The Grafana dashboard's queries: each parses in this Prometheus, and every
# tracetop series it names is one tracetop serves.
if /usr/bin/python3 - "$DASHBOARD" "$SCRATCH/plain.txt" "$PPORT" <<'PY'; then pass "the Grafana dashboard's queries parse and name served series"; else fail "the Grafana dashboard"; fi
import json, re, sys, urllib.parse, urllib.request
dash = json.load(open(sys.argv[1]))
served = set(re.findall(r"^# TYPE (tracetop_\w+) ", open(sys.argv[2]).read(), re.M))
bad = []
for panel in dash["panels"]:
    for t in panel["targets"]:
        expr = t["expr"].replace("$__rate_interval", "5s").replace("$instance", ".*").replace("$top", "10")
        for name in re.findall(r"tracetop_\w+", expr):
            if name.removesuffix("_bucket") not in served:
                bad.append(f"{panel['title']}: {name} is not served")
        url = f"http://127.0.0.1:{sys.argv[3]}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        try:
            status = json.load(urllib.request.urlopen(url))["status"]
        except Exception as e:  # a 400 answer: the query did not parse
            status = str(e)
        if status != "success":
            bad.append(f"{panel['title']}: {expr}: {status}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
finish
