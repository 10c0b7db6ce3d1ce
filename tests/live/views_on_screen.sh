#!/usr/bin/env bash
# Live, on the screen: the same workload as views_seen (tt_views.c), watched
# by four explorers in tmux, one a view: Signals shows SIGUSR1 and SIGTERM
# from the workload to its sleeper, sent by kill; Errors shows ENOENT and
# EACCES with their meanings; Connections shows the loopback tuple of the
# workload's own ports; I/O by Type shows ipv4 and pipe traffic. Live table
# views show one refresh interval at a time, so every capture of the screen
# is searched and a row counts once it has been seen in any of them.
source "$(dirname "$0")/lib.sh"
need_root
: "${VIEWS_WORKLOAD:?run through meson test}"
command -v tmux >/dev/null || { echo "FAIL: tmux is needed to drive the explorer"; exit 1; }

# Only this copy's workload: it runs in $SCRATCH (see views_seen.sh).
FAMILY="proc.name startswith tt_views and proc.cwd startswith '$SCRATCH'"
VIEWS="signals errors connections io_types"
scale=${TRACETOP_TIME_SCALE:-1}
for v in $VIEWS; do
  tm new-session -d -s "$v" -x 220 -y 30 "$TRACETOP" "${RINGS[@]}" -v "$v" -d 1000 "$FAMILY"
done
for v in $VIEWS; do
  pid=$(tm display -p -t "$v" '#{pane_pid}')
  [ -n "$pid" ] || { fail "$v: the explorer did not start"; finish; }
  wait_until_attached "$pid"
done

ln -s "$VIEWS_WORKLOAD" "$SCRATCH/tt_views_plain"
(cd "$SCRATCH" && "$VIEWS_WORKLOAD" "$SCRATCH" "$SCRATCH/tt_views_plain") >"$SCRATCH/report" ||
  fail "the workload failed"
rep() { sed -n "s/^$1=//p" "$SCRATCH/report"; }
pid=$(rep pid); sleeper=$(rep sleeper); cport=$(rep client_port); sport=$(rep server_port)

# What each view must show, as extended regexes over one screen line.
declare -A want=(
  [signals.usr1]="tt_views.* SIGUSR1 .*kill|kill.* SIGUSR1 "
  [signals.term]="tt_views.* SIGTERM .*kill|kill.* SIGTERM "
  [signals.pids]="\\b$pid\\b.*\\b$sleeper\\b"
  [errors.enoent]="ENOENT.*No such file or directory"
  [errors.eacces]="EACCES.*Permission denied"
  # PROTO LPORT RPORT ... LIP RIP tuple: the client's end, then the server's.
  [connections.client]="^tcp +$cport +$sport .*127\\.0\\.0\\.1 +127\\.0\\.0\\.1 +127\\.0\\.0\\.1:$cport->127\\.0\\.0\\.1:$sport"
  [connections.server]="^tcp +$sport +$cport .*127\\.0\\.0\\.1 +127\\.0\\.0\\.1 +127\\.0\\.0\\.1:$cport->127\\.0\\.0\\.1:$sport"
  [io_types.ipv4]=" ipv4 *$"
  [io_types.pipe]=" pipe *$"
)
declare -A seen=()
# The workload's last events reach the screen within a refresh or two.
deadline=$((SECONDS + 10 * scale))
while [ $SECONDS -lt $deadline ]; do
  for v in $VIEWS; do
    tm capture-pane -t "$v" -p > "$SCRATCH/screen.$v"
    for k in "${!want[@]}"; do
      [ "${k%%.*}" = "$v" ] && [ -z "${seen[$k]:-}" ] || continue
      if grep -qE -- "${want[$k]}" "$SCRATCH/screen.$v"; then seen[$k]=1; fi
    done
  done
  [ ${#seen[@]} = ${#want[@]} ] && break
  sleep 0.2
done
for k in $(printf '%s\n' "${!want[@]}" | sort); do
  if [ -n "${seen[$k]:-}" ]; then
    pass "screen: $k shows (/${want[$k]}/)"
  else
    fail "screen: $k never showed (/${want[$k]}/); last screen:"; cat "$SCRATCH/screen.${k%%.*}"
  fi
done

# The explorers quit on q and leave no process behind.
for v in $VIEWS; do tm send-keys -t "$v" q; done
for _ in $(seq 100); do [ -z "$(tm list-sessions 2>/dev/null)" ] && break; sleep 0.1; done
[ -z "$(tm list-sessions 2>/dev/null)" ] && pass "q quits every explorer" || fail "an explorer did not quit on q"
finish
