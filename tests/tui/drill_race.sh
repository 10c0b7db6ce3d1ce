#!/usr/bin/env bash
# Enter and Backspace faster than the refresh, on a capture big enough that
# every level takes a while to compute: the screen must never show a level
# other than the one its breadcrumb names, and must end where the keys lead.
#
# The first level (Processes) gets settings of its own first — a text filter
# and a sort — which must come back with it after every Backspace and never
# show on another level. Every capture of the screen taken while a key
# sequence settles is checked:
#   - the breadcrumb is one of the levels the keys can reach;
#   - the column headings are those of the view the breadcrumb ends with;
#   - the rows agree with the breadcrumb: curl's at Processes (the text
#     filter), curl's threads at Threads, curl's system calls at System
#     Calls, and at Events only the system call and thread it names;
#   - the text filter and sort shown are the level's own.
# Then the screen must settle at the level the keys lead to.
source "$(dirname "$0")/lib.sh"
: "${MAKE_BIG_CAPTURE:?run through meson test}"

scale=${TRACETOP_TIME_SCALE:-1}
secs() { awk -v s="$1" -v k="$scale" 'BEGIN { print s * k }'; }

# About 4 million events (copies of curl_google.scap): a pass over the file
# takes about a second here, much longer than the 200 ms between the
# snapshots of a loading file and than the keys below.
big="$SCRATCH/big.scap"
"$MAKE_BIG_CAPTURE" "$CAPTURE" "$big" 4000000 >/dev/null || { echo "FAIL: could not build the capture"; exit 1; }

# curl's system calls, as the --json of the same binary counts them on the
# original capture (the big one repeats it).
calls=$("$TRACETOP" -r "$CAPTURE" --json -v syscalls 'proc.pid=17497' |
  python3 -c 'import json, sys; print(" ".join(r["key"] for r in json.load(sys.stdin)["rows"]))')
[ -n "$calls" ] || { echo "FAIL: no system calls of curl in --json"; exit 1; }

W=150
H=40
ROOT="Processes"
THREADS="Processes ▸ curl (17497) ▸ Threads"
SYSCALLS="$THREADS ▸ System Calls"

# Prints the level a screen (on stdin) shows ("root", "threads", "syscalls",
# "events X"), or "BAD: why".
classify() {
  awk -v H="$H" -v calls="$calls" -v root="$ROOT" -v threads="$THREADS" -v syscalls="$SYSCALLS" '
    BEGIN { n = split(calls, c, " "); for (i = 1; i <= n; i++) is_call[c[i]] = 1 }
    { line[NR] = $0 }
    function rows_ok(kind, arg,    i, f, nf) {
      for (i = 6; i < H; i++) {
        if (line[i] ~ /^ *$/ || line[i] ~ /^  Loading\.\.\.$/) continue
        nf = split(line[i], f, " ")
        if (kind == "root" && index(line[i], "curl -6") == 0) return "a row without the text filter: " line[i]
        if (kind == "threads" && (f[2] != "17497" || (f[1] != "17497" && f[1] != "17498")))
          return "a row that is no thread of curl: " line[i]
        if (kind == "syscalls" && !(f[nf] in is_call)) return "a row that is no system call of curl: " line[i]
        if (kind == "events" && (f[7] != arg || f[5] != "17497")) return "a row that is no " arg " of thread 17497: " line[i]
      }
      return ""
    }
    END {
      crumb = line[4]; sub(/ +$/, "", crumb)
      head = line[5]
      tf = index(line[3], "Text filter:") > 0
      if (crumb == root) {
        if (head !~ /^ +PID +PPID USER/) { print "BAD: Processes with the headings " head; exit }
        if (!tf) { print "BAD: Processes without its text filter"; exit }
        if (index(head, "ERRORS/s▼") == 0) { print "BAD: Processes without its sort (ERRORS/▼)"; exit }
        why = rows_ok("root"); if (why != "") { print "BAD: Processes: " why; exit }
        print "root"; exit
      }
      if (tf) { print "BAD: the text filter of Processes below it, at " crumb; exit }
      if (crumb == threads) {
        if (head !~ /^ +TID +PID/) { print "BAD: Threads with the headings " head; exit }
        if (index(head, "SYSCALLS/s▼") == 0) { print "BAD: Threads not in their own sort"; exit }
        why = rows_ok("threads"); if (why != "") { print "BAD: Threads: " why; exit }
        print "threads"; exit
      }
      if (crumb == syscalls) {
        if (head !~ /^ +CALLS▼/) { print "BAD: System Calls with the headings " head; exit }
        why = rows_ok("syscalls"); if (why != "") { print "BAD: System Calls: " why; exit }
        print "syscalls"; exit
      }
      if (index(crumb, syscalls " ▸ ") == 1 && crumb ~ / ▸ Events$/) {
        call = substr(crumb, length(syscalls) + 1); sub(/^ ▸ /, "", call); sub(/ ▸ Events$/, "", call)
        if (!(call in is_call)) { print "BAD: Events of " call ", no system call of curl"; exit }
        if (head !~ /^ +NUM/) { print "BAD: Events with the headings " head; exit }
        why = rows_ok("events", call); if (why != "") { print "BAD: Events: " why; exit }
        print "events " call; exit
      }
      print "BAD: a breadcrumb no key here leads to: " crumb
    }'
}

# run NAME EXPECTED DELAY KEY...: sends the keys DELAY seconds apart (0: in
# one go), checks every screen until EXPECTED ("root", "threads", ...) has
# held for a second, and fails on the first inconsistent screen.
run() {
  local name=$1 want=$2 delay=$3
  shift 3
  local shots=0 bad="" got="" since=0 sender="" seen=""
  if [ "$delay" = 0 ]; then
    keys "$@"
  else
    (for k in "$@"; do keys "$k"; sleep "$delay"; done) &
    sender=$!
  fi
  local deadline=$((SECONDS + $(secs 20 | cut -d. -f1) + 1))
  # Keys typed ahead wait for the engine's answer to the one before (tens
  # of milliseconds): a level that holds for a second is where they ended.
  local hold_ms
  hold_ms=$(awk -v s="$scale" 'BEGIN { print int(1000 + 250 * (s - 1)) }')
  : > "$SCRATCH/shot"
  while [ $SECONDS -lt $deadline ]; do
    # A screen counts once it stands still: tmux may show the terminal in the
    # middle of one redraw (half the lines new), which the program never drew.
    mv "$SCRATCH/shot" "$SCRATCH/before"
    sleep 0.02
    screen > "$SCRATCH/shot"
    cmp -s "$SCRATCH/shot" "$SCRATCH/before" || continue
    shots=$((shots + 1))
    got=$(classify < "$SCRATCH/shot")
    case "$got" in
      BAD:*) bad=$got; break ;;
    esac
    case " $seen, " in *" $got, "*) ;; *) seen="$seen${seen:+, }$got" ;; esac
    local now
    now=$(( ${EPOCHREALTIME/./} / 1000 ))
    if [ "$got" = "$want" ] && { [ -z "$sender" ] || ! kill -0 "$sender" 2>/dev/null; }; then
      [ "$since" = 0 ] && since=$now
      [ $((now - since)) -ge "$hold_ms" ] && break
    else
      since=0
    fi
  done
  wait
  if [ -n "$bad" ]; then
    fail "$name: screen $shots: ${bad#BAD: }"
    cat "$SCRATCH/shot"
  elif [ "$got" != "$want" ]; then
    fail "$name: ends at '$got', not at '$want' ($shots screens)"
  else
    pass "$name: $shots screens (showing $seen), each one level as its breadcrumb names it, ends at $want"
  fi
}

start "$W" "$H" -r "$big"
wait_for "curl -6" "$(secs 20)" || fail "curl's row shows"
# The first level's own settings: only curl (text filter), sorted by errors.
keys '\' 'curl -6' Enter
keys '>'
check "Processes sorted by ERRORS/s" "ERRORS/s▼"
check "Processes with a text filter" "Text filter: curl -6"
[ "$(classify < <(screen))" = root ] || fail "Processes as set up: $(classify < <(screen))"

run "Enter Enter Backspace Enter Backspace Backspace at once" root 0 Enter Enter BSpace Enter BSpace BSpace
run "Enter Enter Enter Backspace at once" syscalls 0 Enter Enter Enter BSpace
run "Backspace Backspace at once" root 0 BSpace BSpace
run "Enter Backspace Enter Enter Backspace Enter, 60 ms apart" syscalls 0.06 Enter BSpace Enter Enter BSpace Enter
run "Backspace Enter Enter Backspace Backspace Backspace, 60 ms apart" root 0.06 BSpace Enter Enter BSpace BSpace BSpace
run "Enter Enter Enter at once" "events mmap" 0 Enter Enter Enter
run "Backspace Enter Backspace Backspace Backspace, 130 ms apart" root 0.13 BSpace Enter BSpace BSpace BSpace
run "Enter Enter Backspace Enter Backspace Backspace, 130 ms apart" root 0.13 Enter Enter BSpace Enter BSpace BSpace

keys q
check "q quits" "EXIT STATUS 0"
finish
