#!/usr/bin/env bash
# Outside the binding table (keymap, key_names) and the line editor's text
# entry, no ui file compares raw key codes: curses' KEY_* names, getmouse,
# character literals after `case` or `==`, or the bare codes of Esc, Del,
# Backspace and Ctrl keys next to a key variable.
: "${SOURCE_ROOT:?run through meson test}"
cd "$SOURCE_ROOT/ui" || exit 1
allowed='^(keymap|key_names|line_editor)\.(cpp|h)$'
bad=0
for f in *.cpp *.h; do
  [[ $f =~ $allowed ]] && continue
  # terminal.cpp sets keys up (define_key) and reads mouse reports (getmouse).
  hits=$(grep -nE "\bKEY_[A-Z0-9_]+|\bgetmouse\b|case *'(\\\\.|.)'|\b(ch|key|code|keycode) *(==|!=) *('|[0-9])|case (8|12|21|27|127):" "$f" |
    grep -vE '^[0-9]+: *//' )
  if [ "$f" = terminal.cpp ]; then hits=$(printf '%s\n' "$hits" | grep -vE 'define_key|getmouse' | grep -v '^$'); fi
  if [ -n "$hits" ]; then
    echo "FAIL: $f compares raw key codes:"
    printf '%s\n' "$hits" | sed 's/^/  /'
    bad=1
  fi
done
[ "$bad" = 0 ] && echo "ok: no raw key codes outside the binding table and the line editor"
exit "$bad"
