#!/usr/bin/env bash
# The Echo pane, the process tree and the latency spectrogram on a shared
# capture, driven in tmux: what each shows is checked against the capture
# (sysdig 0.29.3 for the latencies behind a spectrogram box), and every pane
# gives the view back as it was. Also at 80x24, in monochrome, and resized
# down to 1x1 and back.
source "$(dirname "$0")/lib.sh"
need_sysdig

# The row of the screen (1 = top) holding TEXT, whole.
row_with() { screen | grep -F -- "$1" | head -1; }

start 140 40 -r "$CAPTURE"
check "started" "curl -6 http"

# --- Echo (e / F5) on curl: the HTTP request it wrote and the reply it read.
keys '/' 'curl -6' Enter
keys e
check "e opens the Echo pane of the selected process" "]: Processes: curl (17497)"
check_gone "the capture is read for it" "reading..."
check "the title gives the snap length" "Echo [ASCII, snaplen 80 B]"
check "and says captures keep only that much" "Only the first 80 bytes of each read/write are captured"
check "the HTTP request curl wrote" "> GET / HTTP/1.1"
check "its Host header" "> Host: www.google.com"
check "writes are marked as such, with the fd's connection" ">>> curl (17497) write 78 B (event 1312) to fd 4 2600:1f18"
check "the reply curl read, marked as a read" "< HTTP/1.1 200 OK"
check "a read cut at the snap length says so" "<<< curl (17497) read 6040 B (first 80 kept)"
if screen | grep -q $'\x1b'; then fail "no escape byte reaches the screen"; else pass "no escape byte reaches the screen"; fi
keys F2
check "F2 switches to hex" "Echo [hex,"
keys '/' 'GET / HTTP' Enter
check "the request in hex, with its ASCII" "> 0000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1.."
keys F2
check "F2 again: ASCII" "Echo [ASCII,"
check "switching keeps the place: the request is still on screen" "> GET / HTTP/1.1"
keys '/' 'host.conf' Enter
# The match is brought up near the top (third text line: screen line 5).
for ((i = 0; i < 40; i++)); do screen | sed -n 3,6p | grep -q 'host.conf' && break; sleep 0.05; done
screen | sed -n 3,6p | grep -q 'host.conf' && pass "/ finds text and scrolls to it" || fail "/ finds text and scrolls to it"
keys n
check "n looks for the next match" "Next"
keys End
check "End follows the end" "End Following"
raw "$(printf '\033[<64;10;10M')"  # wheel up (SGR report)
check_gone "the wheel scrolls up, which stops following" "End Following"
keys q
check_gone "q leaves the Echo pane (not the program)" "Echo ["
check "the view is back, as it was" "curl -6 http"
sel=$(tm capture-pane -t t -p -e | grep -F 'curl -6' | head -1)
case "$sel" in *$'\x1b['*) pass "curl's row is still selected" ;; *) fail "curl's row is still selected" ;; esac

# Echo of a row with no I/O says so; Esc returns too.
keys '/' 'sshd' Enter e
check "a selection without I/O says so" "No reads or writes with data in this selection"
keys Escape
check_gone "Esc leaves the Echo pane" "No reads or writes"

# --- Process tree (t): bash under sshd, curl under bash.
keys t
check "t shows the tree" "└── bash"
bash_line=$(row_with "3200    3199")
curl_line=$(row_with "17497    3200")
case "$bash_line" in *"└── bash"*) pass "bash (3200) is sshd's (3199) child" ;; *) fail "bash under sshd: $bash_line" ;; esac
# bash's children: curl, and sudo (idle, listed as htop lists idle processes) with sysdig under it.
case "$curl_line" in *"   ├── curl -6"*) pass "curl (17497) is indented under bash" ;; *) fail "curl under bash: $curl_line" ;; esac
sysdig_line=$(row_with "17496   17495")
case "$sysdig_line" in *"   └── sysdig"*) pass "sysdig (17496) is sudo's (17495) child" ;; *) fail "sysdig under sudo: $sysdig_line" ;; esac
sshd_line=$(row_with "3199    3111")
case "$sshd_line" in *"└── sshd"*) pass "sshd (3199) is under sshd (3111)" ;; *) fail "sshd under sshd: $sshd_line" ;; esac
keys '/' '3199' Enter '-'
check "- folds sshd" "+ sshd"
check_gone "its descendants are hidden" "── curl -6"
keys ' '
check "Space unfolds it" "├── curl -6"
keys t
check_gone "t again leaves the tree" "└── bash"

# --- Spectrogram (s / F12) of curl.
keys '/' 'curl -6' Enter s
check "s opens the spectrogram of the selection" "Latency spectrogram: Processes: curl (17497)"
check "with a latency axis" "|1ns"
check "the cursor box is described" "calls  Enter lists them"
grid=$(screen | sed -n '4,37p' | cut -c14- | tr -d ' _\n')
[ -n "$grid" ] && pass "the grid is not empty ($(printf %s "$grid" | wc -c) marked boxes)" || fail "the grid is not empty"
status=$(screen | sed -n 39p)
range=$(printf %s "$status" | sed -n 's/.*latency \([0-9.]*[nums]*s\) - \([0-9.]*[nums]*s\): \([0-9]*\) calls.*/\1 \2 \3/p')
[ -n "$range" ] && pass "status names the box: $range" || fail "status names the box ($status)"
keys Enter
check "Enter lists the events of the box" "curl (17497): latency"
check "in the Events view" "▸ Events"
wait_for "  curl  " 5
nums=$(screen | sed -n '6,38p' | awk '$1 ~ /^[0-9]+$/ {print $1}')
[ -n "$nums" ] && pass "the box has events ($(echo $nums | wc -w) on screen)" || fail "the box has events"
# Each listed event's latency (sysdig's) lies in the box's bucket: the bucket
# bounds are ceil(10^(i/6)) ns, and the status line's labels name one bucket.
sysdig -r "$CAPTURE" -p '%evt.num %evt.latency' "proc.pid=17497 and evt.dir='<'" > "$SCRATCH/lat" 2>/dev/null
verdict=$(python3 - "$SCRATCH/lat" $range $nums <<'PY'
import math, sys
lat = dict(l.split() for l in open(sys.argv[1]) if len(l.split()) == 2)
lo_label, hi_label, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
nums = sys.argv[5:]
bounds = [math.ceil(10 ** (i / 6) - 1e-6) for i in range(61)]
def label(ns):
    for unit, name in ((10**9, "s"), (10**6, "ms"), (10**3, "us"), (1, "ns")):
        if ns >= unit or unit == 1:
            v = ns / unit
            return f"{v:.0f}{name}" if v >= 10 or v == int(v) else f"{v:.1f}{name}"
buckets = [i for i in range(60) if label(bounds[i]) == lo_label and label(bounds[i + 1]) == hi_label]
if len(buckets) != 1: print(f"no bucket labelled {lo_label}-{hi_label}"); sys.exit()
lo, hi = bounds[buckets[0]], bounds[buckets[0] + 1]
bad = [n for n in nums if not (lo <= int(lat.get(n, -1)) < hi)]
if bad: print(f"events outside [{lo},{hi}): {bad[:5]}"); sys.exit()
if len(nums) > count: print(f"{len(nums)} events shown, box counted {count}"); sys.exit()
print("ok")
PY
)
[ "$verdict" = ok ] && pass "every listed event's latency is in the box's bucket (sysdig)" || fail "latencies in the bucket: $verdict"
keys BSpace
check "Backspace returns to the spectrogram" "Latency spectrogram: Processes: curl (17497)"
keys Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left
check "an empty box says what it is" ": 0 calls"
keys Enter
check "Enter on an empty box says so" "This box is empty."
keys Escape
check_gone "Esc leaves the spectrogram" "Latency spectrogram"
check "back on Processes" "SYSCALLS/"

# --- Help and the function bar list the new keys.
keys h
check "help lists Echo" "F5 e"
check "help lists the spectrogram" "F12 s"
check "help lists the tree" "Processes: tree of parents and children"
keys q
check "the bar shows F5 Echo" "F5 e Echo"
check "and F12 Spectro" "F12 s Spectro"
keys q
check "q quits" "EXIT STATUS 0"

# --- Echo of other rows: a connection (its four calls, as sysdig counts them),
# and one event of the Events list.
start 120 40 -r "$CAPTURE" -v connections
check "Connections view" "37140"
keys '/' '37140' Enter e
check "Echo of the HTTP connection" "]: Connections: curl"
check "the connection's four reads and writes" " 4 calls, 11.3K moved"
n=$(sysdig -r "$CAPTURE" "fd.lport=37140 and evt.dir='<' and (evt.type=sendto or evt.type=recvfrom)" 2>/dev/null | wc -l)
[ "$n" = 4 ] && pass "sysdig counts the same 4 calls" || fail "sysdig counts $n calls on the connection"
check "its request" "> GET / HTTP/1.1"
keys q d
check "its events" "▸ Events"
keys '/' 'res=78 data=GET' Enter e
check "Echo of one listed event" "]: Events: event 1312"
check "that call's bytes only" "1 call, 78B moved"
check "the request again" "> GET / HTTP/1.1"
keys q q
check "quits" "EXIT STATUS 0"

# --- 80x24, monochrome: both panes fit; resizing to 1x1 and back does not crash.
fresh_server
printf '%q ' "$TRACETOP" -r "$CAPTURE" > "$SCRATCH/cmd"
tm new-session -d -s t -x 80 -y 24 "NO_COLOR=1 TERM=vt100 LANG=C $(cat "$SCRATCH/cmd"); echo \"EXIT STATUS \$?\"; sleep 600"
check "80x24 monochrome started" "SYSCALLS/sv"
check "the bar keeps F5 Echo at 80 columns" "F5 e Echo"
keys '/' 'curl -6' Enter e
check "Echo at 80x24" "]: Processes: curl (17497)"
check_gone "the capture is read for it" "reading..."
keys '/' 'GET / HTTP' Enter
check "the request at 80x24" "> GET / HTTP/1.1"
tm resize-window -t t -x 1 -y 1
sleep 0.5
tm resize-window -t t -x 80 -y 24
check "Echo survives 1x1 and comes back" "]: Processes: curl"
keys q s
check "spectrogram at 80x24" "|100ms"
check "its box line" "calls  Enter lists them"
marks=$(screen | sed -n '4,21p' | cut -c14- | tr -cd '.:+#@' | wc -c)
[ "$marks" -gt 0 ] && pass "monochrome grid drawn with . : + # @ ($marks boxes)" || fail "monochrome grid characters"
tm resize-window -t t -x 1 -y 1
sleep 0.5
tm resize-window -t t -x 60 -y 20
check "too small: the usual message, no crash" "needs a terminal of at least 80x24"
tm resize-window -t t -x 80 -y 24
check "spectrogram is back" "Latency spectrogram"
keys q q
check "quits cleanly" "EXIT STATUS 0"

finish
