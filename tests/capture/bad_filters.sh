#!/usr/bin/env bash
# A bad filter stops tracetop before it reads anything: exit status 2, nothing
# on stdout, and on stderr a message naming the problem and the column, then
# the filter with a caret under that column.
source "$(dirname "$0")/lib.sh"
capture="$CAPTURES/curl_google.scap"

# expect_bad COLUMN PATTERN FILTER: the error points at COLUMN (1-based) and
# its message matches PATTERN.
expect_bad() {
  local column=$1 pattern=$2 filter=$3 status caret_line
  "$TRACETOP" -r "$capture" --print "$filter" >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
  if [ "$status" -ne 2 ]; then fail "[$filter]: exit status $status, want 2"; cat "$SCRATCH/err"; return; fi
  if [ -s "$SCRATCH/out" ]; then fail "[$filter]: printed events despite the error"; return; fi
  if ! head -1 "$SCRATCH/err" | grep -q "column $column:"; then
    fail "[$filter]: error does not point at column $column: $(head -1 "$SCRATCH/err")"; return
  fi
  if ! grep -qE -- "$pattern" "$SCRATCH/err"; then fail "[$filter]: '$(head -1 "$SCRATCH/err")' lacks /$pattern/"; return; fi
  # Line 2 repeats the filter, line 3 has the caret, both indented by two.
  if [ "$(sed -n 2p "$SCRATCH/err")" != "  $filter" ]; then fail "[$filter]: the filter is not repeated"; return; fi
  caret_line=$(sed -n 3p "$SCRATCH/err")
  if [ "$caret_line" != "$(printf '%*s^' $((column + 1)) '')" ]; then
    fail "[$filter]: caret line '$caret_line' is not under column $column"; return
  fi
  pass "[$filter]: $(head -1 "$SCRATCH/err")"
}

expect_bad 1  'unknown field .evt\.tipe'        'evt.tipe=open'
expect_bad 15 'unknown field .file\.nam'        'evt.num>3 and file.nam=x'
expect_bad 11 'expected a value'                'proc.name='
expect_bad 18 'expected a value'                'evt.type contains'
expect_bad 10 'expected an operator'            'proc.name'
expect_bad 1  'unbalanced parenthesis'          '(evt.type=open'
expect_bad 14 'unbalanced parenthesis'          'evt.type=open)'
expect_bad 13 'unbalanced parenthesis'          'evt.type in (open'
expect_bad 15 'bad regular expression'          "fd.name regex 'a(b'"
expect_bad 8  'prefix length must be 0 to 32'   'fd.net=10.0.0.0/33'
expect_bad 8  'prefix length must be 0 to 128'  'fd.net=2001:db8::/129'
expect_bad 8  'not an IP address'               'fd.net=10.0.0.300/8'
expect_bad 8  'not a network'                   'fd.net=10.0.0.0'
expect_bad 9  "'abc' is not a number"           'evt.num>abc'
expect_bad 27 "'12x' is not a number"           'evt.type=open and evt.num<12x'
expect_bad 9  'neither a port number nor'       'fd.port=nosuchservice'
expect_bad 12 'not a boolean'                   'evt.failed=maybe'
expect_bad 1  'not a text field'                'evt.num contains 3'
expect_bad 1  'needs an argument'               'evt.arg=3'
expect_bad 18 'expected an expression'          'evt.type=open and'
finish
