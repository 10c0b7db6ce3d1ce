#!/usr/bin/env bash
# tracetop --remote's stream on the wire (issue 17, remote): an sshd of this
# script's own on 127.0.0.1 plays the host; getppid_loop makes a known rate
# of events there (RATE calls/s = 2 x RATE events/s, entry and exit) for
# SECONDS; the host records only them (--remote-filter), so the stream is
# the workload's. The ssh client's reads from its socket are the bytes on
# the wire, its writes to tracetop the scap stream itself; run once with
# ssh's compression (the default of --remote) and once without.
#
#   bench/remote_bandwidth.sh [RATE] [SECONDS]     (as root; default 50000 10)
source "$(dirname "$0")/lib.sh"
bench_init remote_bandwidth
need_root "the host's side is a live capture"
need_built "$TT" "$LOOP"
need_tools ssh ssh-keygen /usr/sbin/sshd
RATE=${1:-50000}
SECONDS_RUN=${2:-10}
make_work
SSHD_PID=""
bench_on_exit() { [ -z "$SSHD_PID" ] || kill "$SSHD_PID"; }
source "$HERE/tests/live/loopback_sshd.sh"
start_loopback_sshd "$work/ssh" || die "no sshd on 127.0.0.1"
port=$SSHD_PORT

# run LABEL [ssh options]: prints LABEL, events, wire bytes, stream bytes.
run() {
  local label=$1; shift
  "$TT" --remote "root@127.0.0.1:$port" --remote-tracetop "$TT" --ssh-option StrictHostKeyChecking=no \
    --ssh-option UserKnownHostsFile=/dev/null --ssh-option "IdentityFile=$SSHD_CLIENT_KEY" \
    --ssh-option LogLevel=ERROR "$@" --remote-filter 'proc.name=getppid_loop' \
    --print -q --duration $((SECONDS_RUN + 3)) 2>"$work/err" &
  local tt=$! ssh_pid="" io="" i
  for i in $(seq 300); do grep -q '^tracetop: capturing' "$work/err" && break; sleep 0.1; done
  ssh_pid=$(ps --ppid "$tt" -o pid=,comm= | awk '$2 == "ssh" {print $1}')
  "$LOOP" $((RATE * SECONDS_RUN)) "$RATE" >/dev/null &
  local loop=$!
  # The ssh client's counters, read until it ends (rchar: from the socket;
  # wchar: the scap stream handed to tracetop).
  while kill -0 "$tt" 2>/dev/null; do
    io=$(cat "/proc/$ssh_pid/io" 2>/dev/null) && last=$io
    sleep 0.2
  done
  wait "$loop"
  local rchar wchar events
  rchar=$(echo "$last" | awk '/^rchar/ {print $2}')
  wchar=$(echo "$last" | awk '/^wchar/ {print $2}')
  events=$(sed -n 's/^tracetop: \([0-9]*\) events captured.*/\1/p' "$work/err")
  echo "$label $events $rchar $wchar"
}
echo "host: 127.0.0.1 (loopback), $RATE getppid calls/s for $SECONDS_RUN s; load $(loadavg)"
{
  run compressed
  run uncompressed --ssh-option Compression=no
} | while read -r label events rchar wchar; do
  awk -v l="$label" -v e="$events" -v r="$rchar" -v w="$wchar" -v s="$SECONDS_RUN" -v rate="$RATE" 'BEGIN {
    evs = 2 * rate  # events per second while the loop ran
    printf "%-12s %d events; wire %.1f MB (%.2f MB/s, %.1f bytes/event); stream %.1f MB; per 100k events/s: %.2f MB/s on the wire\n",
      l, e, r / 1e6, r / 1e6 / s, r / e, w / 1e6, (r / e) * 100000 / 1e6 }'
done
