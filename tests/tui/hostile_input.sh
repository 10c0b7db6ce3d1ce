#!/usr/bin/env bash
# Input a user or a traced system can get wrong, offline: broken view files in
# ~/.config/tracetop/views give one clear error naming the file and the line
# and a non-zero exit (batch modes and the explorer alike), never a crash;
# terminals from 1x1 up to just below the minimum show a clear message (or as
# much of it as fits), survive resizes down to 1x1 and back, and quit on q
# with the terminal given back.
source "$(dirname "$0")/lib.sh"

# --- view files -------------------------------------------------------------
export HOME="$SCRATCH/home" XDG_CONFIG_HOME=
views="$HOME/.config/tracetop/views"
mkdir -p "$views"

# bad_view NAME PATTERN LINE TEXT: with only NAME.toml (holding TEXT, printf
# escapes) in the user's views, --list-views, --json and the explorer exit non-zero with one line that
# names the file, its LINE and PATTERN.
bad_view() {
  local name=$1 pattern=$2 line=$3 file status
  rm -f "$views"/*.toml
  file="$views/$name.toml"
  printf "$4" >"$file"
  for mode in "--list-views" "-r $CAPTURE --json -v procs"; do
    # shellcheck disable=SC2086
    timeout 20 "$TRACETOP" $mode >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
    if [ "$status" -eq 0 ] || [ "$status" -ge 124 ]; then
      fail "$name ($mode): exit status $status, want a non-zero error status"; continue
    fi
    if [ "$(wc -l <"$SCRATCH/err")" -ne 1 ]; then fail "$name ($mode): want one error line, got: $(cat "$SCRATCH/err")"; continue; fi
    if ! grep -qF -- "$file:$line:" "$SCRATCH/err"; then
      fail "$name ($mode): error does not name $file:$line: $(cat "$SCRATCH/err")"; continue
    fi
    if ! grep -qE -- "$pattern" "$SCRATCH/err"; then fail "$name ($mode): '$(cat "$SCRATCH/err")' lacks /$pattern/"; continue; fi
    pass "$name ($mode): $(cat "$SCRATCH/err")"
  done
  # The explorer refuses before taking the screen: the message stays readable.
  start 100 30 -r "$CAPTURE"
  if wait_for "EXIT STATUS" 10; then
    local st
    st=$(screen | sed -n 's/.*EXIT STATUS \([0-9]*\).*/\1/p' | tail -1)
    if [ "${st:-0}" -ne 0 ] && screen | grep -qF -- "$name.toml:$line:"; then
      pass "$name (explorer): status $st, the error on the screen"
    else
      fail "$name (explorer): status $st, want non-zero and $name.toml:$line: on the screen"
    fi
  else
    fail "$name (explorer): still running with a broken view file"
  fi
}

bad_view unterminated_string 'string' 2 \
  'id = "x"\nname = "Broken\n[[columns]]\nid = "a"\n'
bad_view unknown_field 'nosuchfield' 7 \
  'id = "x"\nname = "X"\nkeys = ["proc.pid"]\n\n[[columns]]\nid = "a"\nfield = "proc.nosuchfield"\n'
bad_view bad_filter 'filter' 4 \
  'id = "x"\nname = "X"\nkeys = ["proc.pid"]\nfilter = "evt.type = = open"\n[[columns]]\nid = "a"\naggregation = "count"\n'
bad_view huge_number '' 7 \
  'id = "x"\nname = "X"\nkeys = ["proc.pid"]\n[[columns]]\nid = "a"\naggregation = "count"\nwidth = 99999999999999999999\n'
bad_view unknown_setting 'unknown setting' 7 \
  'id = "x"\nname = "X"\nkeys = ["proc.pid"]\n[[columns]]\nid = "a"\naggregation = "count"\ncolor = "red"\n'
# Binary junk: still one line naming the file (a line number is the parser's).
head -c 3000 /dev/urandom | tr -d '\n' >"$SCRATCH/junk"
rm -f "$views"/*.toml
cp "$SCRATCH/junk" "$views/junk.toml"
timeout 20 "$TRACETOP" --list-views >/dev/null 2>"$SCRATCH/err"; status=$?
if [ "$status" -ne 0 ] && [ "$status" -lt 124 ] && grep -qF "$views/junk.toml" "$SCRATCH/err" &&
    ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$SCRATCH/err"; then
  pass "binary junk as a view file: status $status, clean message naming the file"
else
  fail "binary junk as a view file: status $status: $(cat -v "$SCRATCH/err")"
fi
# A directory named like a view file, and an unreadable one (as root: not testable).
rm -f "$views"/*.toml
mkdir "$views/dir.toml"
timeout 20 "$TRACETOP" --list-views >/dev/null 2>"$SCRATCH/err"; status=$?
if [ "$status" -ne 0 ] && [ "$status" -lt 124 ] && grep -qF "$views/dir.toml: not a regular file" "$SCRATCH/err"; then
  pass "a directory called dir.toml: $(cat "$SCRATCH/err")"
else
  fail "a directory called dir.toml: status $status: $(cat "$SCRATCH/err")"
fi
rmdir "$views/dir.toml"

# --- terminal sizes ---------------------------------------------------------
for size in 1x1 2x1 1x2 3x3 10x2 40x10 79x24 80x23; do
  w=${size%x*} h=${size#*x}
  start "$w" "$h" -r "$CAPTURE"
  sleep 0.5
  # The message, or as much of its start as fits in the first line.
  want="tracetop needs a terminal of at least 80x24"
  want=${want:0:$w}
  if screen | head -1 | grep -qF -- "$want" && ! screen | grep -q "EXIT STATUS"; then
    keys q
    # The pane is too small to show the status line; widen it to read it.
    tm resize-window -t t -x 60 -y 5
    if wait_for "EXIT STATUS 0" 5; then pass "${size}: message, q quits with status 0"; else fail "${size}: q did not quit cleanly"; fi
  else
    fail "${size}: no size message (or tracetop died)"
  fi
done

# Resizes down to 1x1 and back while the table is shown.
start 120 40 -r "$CAPTURE"
check "the explorer starts at 120x40" "Processes"
for size in 1x1 80x24 1x30 200x1 2x2 120x40; do
  tm resize-window -t t -x "${size%x*}" -y "${size#*x}"
  sleep 0.3
done
check "back at 120x40 the table is shown again" "Processes"
if screen | grep -q "EXIT STATUS"; then fail "tracetop died while being resized"; else pass "resizes down to 1x1 and back"; fi
keys q
check "q quits after the resizes" "EXIT STATUS 0"
grep -q -- "-icanon" "$SCRATCH/stty" 2>/dev/null && fail "terminal left in raw mode" || pass "terminal given back"
finish
