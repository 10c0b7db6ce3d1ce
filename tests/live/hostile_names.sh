# Process names and paths from the traced system may hold terminal control
# sequences: a program run through a link named "tt_esc<ESC>[2J" opens a file
# whose name holds an OSC title sequence, a BEL, a newline and a tab. --print
# (default line and -p), --json and the explorer's screen show them as dots
# and never pass a control byte on.
source "$(dirname "$0")/lib.sh"
need_root

ESC_NAME=$(printf 'tt_esc\033[2J')
ESC_FILE=$(printf 'hostile-\033]0;pwned\007-\n-\t-end')
SHOWN_NAME='tt_esc.[2J'
SHOWN_FILE='hostile-.]0;pwned.-.-.-end'
ln -s "$(command -v cat)" "$SCRATCH/$ESC_NAME"
echo data >"$SCRATCH/$ESC_FILE"
FAMILY='proc.name startswith tt_esc'
run_hostile() { "$SCRATCH/$ESC_NAME" "$SCRATCH/$ESC_FILE" >/dev/null; }

# no_control FILE WHAT: FILE holds no byte below 0x20 other than newline.
no_control() {
  if LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$1"; then
    fail "$2: a control byte got through: $(grep -a "$SHOWN_NAME\|hostile" "$1" | head -3 | cat -v)"
  else
    pass "$2: no control byte"
  fi
}

"$TRACETOP" "${RINGS[@]}" --print "$FAMILY" >"$SCRATCH/print" 2>"$SCRATCH/print.err" &
p1=$!
"$TRACETOP" "${RINGS[@]}" --print -p '%proc.name|%fd.name|%evt.args' "$FAMILY and evt.type=openat" >"$SCRATCH/fmt" 2>"$SCRATCH/fmt.err" &
p2=$!
"$TRACETOP" "${RINGS[@]}" --json -v files --duration 6 "$FAMILY" >"$SCRATCH/files.json" 2>"$SCRATCH/json.err" &
p3=$!
wait_until_capturing "$p1" "$SCRATCH/print.err"
wait_until_capturing "$p2" "$SCRATCH/fmt.err"
sleep 2
run_hostile
sleep 1
kill -INT "$p1" "$p2"
wait "$p1" || fail "tracetop --print failed: $(cat "$SCRATCH/print.err")"
wait "$p2" || fail "tracetop -p failed: $(cat "$SCRATCH/fmt.err")"
wait "$p3" || fail "tracetop --json failed: $(cat "$SCRATCH/json.err")"

grep -qF "$SHOWN_NAME" "$SCRATCH/print" && grep -qF "$SHOWN_FILE" "$SCRATCH/print" &&
  pass "--print shows the name and the path with dots" || fail "--print: no '$SHOWN_NAME' / '$SHOWN_FILE': $(head -5 "$SCRATCH/print" | cat -v)"
no_control "$SCRATCH/print" "--print"
grep -qF "$SHOWN_NAME|$SCRATCH/$SHOWN_FILE|" "$SCRATCH/fmt" &&
  pass "-p shows %proc.name and %fd.name with dots" || fail "-p: $(head -5 "$SCRATCH/fmt" | cat -v)"
no_control "$SCRATCH/fmt" "-p"
if python3 - "$SCRATCH/files.json" "$SCRATCH/$SHOWN_FILE" <<'PY'; then pass "--json: the path with dots, no escape"; else fail "--json: $(head -c 2000 "$SCRATCH/files.json" | cat -v)"; fi
import json, sys
text = open(sys.argv[1]).read()
assert "\\u001b" not in text and "\\u0007" not in text and "\x1b" not in text, "an escape reached the JSON"
d = json.load(open(sys.argv[1]))
assert any(sys.argv[2] in json.dumps(r) for r in d["rows"]), "the file is not listed"
PY
no_control "$SCRATCH/files.json" "--json"

# On the screen: the Files view, live, in tmux.
if command -v tmux >/dev/null; then
  screen_start 220 -v files -d 500 "$FAMILY"
  sleep 3
  if screen_wait_for "$SHOWN_FILE" 40 0.2 run_hostile && screen_untouched; then
    pass "screen: the path shows its escapes as dots, the terminal untouched"
  else
    fail "screen: the hostile path"; cat -v "$SCREEN_FILE"
  fi
  screen_stop
else
  fail "tmux is not installed; ./setup.sh installs it"
fi
finish
