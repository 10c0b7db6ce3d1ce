#!/usr/bin/env bash
# The views of files, connections and errors against sysdig 0.29.3 on the
# shared captures, each side by side with sysdig's own table:
#  - Connections: per (protocol, tuple), bytes summed over the rows of both
#    ends equal sysdig's full topconns table (its top-30 cut lifted);
#  - Files: bytes per file equal topfiles_bytes (its top-10 cut lifted);
#  - Errors: count per error equals sysdig's count of failed exits by evt.res.
source "$(dirname "$0")/lib.sh"
need_sysdig
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to read JSON"; exit 1; }
oracle() { sysdig "$@" 2>/dev/null; }

CHISELS=/usr/share/sysdig/chisels
for c in topconns topfiles_bytes; do
  sed -E "s/^TOP_NUMBER = [0-9]+/TOP_NUMBER = 1000000/" "$CHISELS/$c.lua" > "$SCRATCH/${c}_all.lua"
done
# table_generator -j rows: keys..., value; one line each, tab separated.
chisel_rows() {
  oracle -r "$1" -c "$2" -j | python3 -c '
import json, sys
for row in json.load(sys.stdin)["data"]: print("\t".join(str(x) for x in row))' | sort
}
# side_by_side NAME THEIRS OURS: equal and not empty, else both shown.
side_by_side() {
  if [ -s "$2" ] && diff -q "$2" "$3" >/dev/null; then
    pass "$1 ($(wc -l < "$3") rows)"
  else
    fail "$1"; echo "sysdig | tracetop:"; diff -y -W 200 "$2" "$3"
  fi
}

for f in curl_google single_ipv6_conn; do
  cap="$SHARED/captures/$f.scap"

  chisel_rows "$cap" "$SCRATCH/topconns_all.lua" > "$SCRATCH/theirs_conns"
  "$TRACETOP" -r "$cap" --json -v connections | python3 -c '
import json, sys
d = json.load(sys.stdin)
total = {}
for r in d["rows"]:
    v = r["values"]
    # Both ends of a connection on this machine are two rows of one tuple.
    k = (v["proto"], v["tuple"])
    total[k] = total.get(k, 0) + v["bytes"]
for (proto, tuple_), b in total.items(): print(f"{proto}\t{tuple_}\t{b}")' | sort > "$SCRATCH/ours_conns"
  side_by_side "$f: Connections tuples and bytes equal topconns" "$SCRATCH/theirs_conns" "$SCRATCH/ours_conns"

  # Local and remote ends are the tuple's, from the process's side.
  "$TRACETOP" -r "$cap" --json -v connections | python3 -c '
import json, sys
for r in json.load(sys.stdin)["rows"]:
    v = r["values"]
    l = "%s:%s" % (v["lip"], v["lport"])
    rem = "%s:%s" % (v["rip"], v["rport"])
    assert v["tuple"] in (l + "->" + rem, rem + "->" + l), (v, l, rem)
    assert v["bytes"] == v["in"] + v["out"], v' &&
    pass "$f: Connections local/remote ends match the tuple, in + out = bytes" || fail "$f: Connections ends"

  oracle -r "$cap" -c "$SCRATCH/topfiles_bytes_all.lua" -j | python3 -c '
import json, sys
for name, b in json.load(sys.stdin)["data"]: print(f"{name}\t{b}")' | sort > "$SCRATCH/theirs_files"
  "$TRACETOP" -r "$cap" --json -v files | python3 -c '
import json, sys
for r in json.load(sys.stdin)["rows"]:
    if r["values"]["bytes"] > 0: print("%s\t%s" % (r["key"], r["values"]["bytes"]))' | sort > "$SCRATCH/ours_files"
  if [ "$f" = single_ipv6_conn ]; then
    # No file I/O in this capture: both sides must be empty.
    [ ! -s "$SCRATCH/theirs_files" ] && [ ! -s "$SCRATCH/ours_files" ] &&
      pass "$f: Files: no file bytes, as topfiles_bytes" || fail "$f: Files bytes differ"
  else
    side_by_side "$f: Files bytes equal topfiles_bytes" "$SCRATCH/theirs_files" "$SCRATCH/ours_files"
  fi

  oracle -r "$cap" -p '%evt.res' 'evt.failed = true' | sort | uniq -c | awk '{print $2 "\t" $1}' | sort > "$SCRATCH/theirs_errors"
  "$TRACETOP" -r "$cap" --json -v errors | python3 -c '
import json, sys
for r in json.load(sys.stdin)["rows"]:
    v = r["values"]
    assert v["meaning"], r
    print("%s\t%s" % (r["key"], v["count"]))' | sort > "$SCRATCH/ours_errors"
  if [ "$f" = single_ipv6_conn ] && [ ! -s "$SCRATCH/theirs_errors" ]; then
    [ ! -s "$SCRATCH/ours_errors" ] && pass "$f: Errors: none, as sysdig" || fail "$f: Errors differ"
  else
    side_by_side "$f: Errors counts equal sysdig's failed exits per errno" "$SCRATCH/theirs_errors" "$SCRATCH/ours_errors"
  fi

  # Processes Errors splits the same failures by class: the totals agree.
  "$TRACETOP" -r "$cap" --json -v proc_errors | python3 -c '
import json, sys
n = 0
for r in json.load(sys.stdin)["rows"]:
    v = r["values"]
    assert v["total"] == v["file"] + v["net"] + v["memory"] + v["other"], v
    n += v["total"]
print(n)' > "$SCRATCH/proc_err_total" || fail "$f: Processes Errors classes do not add up"
  theirs=$(oracle -r "$cap" 'evt.failed = true' | wc -l)
  [ "$(cat "$SCRATCH/proc_err_total")" = "$theirs" ] && pass "$f: Processes Errors total = $theirs failed exits" ||
    fail "$f: Processes Errors total $(cat "$SCRATCH/proc_err_total"), sysdig $theirs"
done

# The ENOENT count of curl_google, printed in the test so a regression is plain.
n=$("$TRACETOP" -r "$CAPTURE" --json -v errors | python3 -c '
import json, sys
print({r["key"]: r["values"] for r in json.load(sys.stdin)["rows"]}["ENOENT"]["meaning"])')
[ "$n" = "No such file or directory" ] && pass "Errors: ENOENT means \"$n\"" || fail "Errors: ENOENT meaning '$n'"

# Every view answers --json on a capture with the columns it declares.
for v in $("$TRACETOP" --list-views | awk '{print $1}'); do
  "$TRACETOP" -r "$CAPTURE" --json -v "$v" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["view"] == sys.argv[1], d["view"]
ids = [c["id"] for c in d["columns"]]
for r in d["rows"]: assert list(r["values"]) == ids, r' "$v" && pass "--json -v $v" || fail "--json -v $v"
done
finish
