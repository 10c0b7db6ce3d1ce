#!/usr/bin/env bash
# The views of issue 6 on screen, on a shared capture: each opens from the
# command line and from the views menu with rows; Errors drills to the
# processes failing with an error and on to their failed calls; a list view
# empties on `c`.
source "$(dirname "$0")/lib.sh"

start 160 40 -r "$CAPTURE" -v errors
check "Errors shows ENOENT with its meaning" "No such file or directory"
check "Errors shows EINPROGRESS" "Operation now in progress"
keys '/' 'ENOENT' Enter Enter
check "Enter on an error opens the processes failing with it" "Errors ▸ ENOENT ▸ Processes Errors"
check "curl fails with ENOENT on files" "curl -6 http://www.google.com"
keys Enter
check "Enter on a process opens its failed calls" "▸ Processes Errors ▸ curl (17497) ▸ Failed Calls"
check "the failed calls are ENOENT opens" "ENOENT"
keys BSpace BSpace
check "Backspace twice is back at Errors" "COUNT/s"

# Connections: IPv6 compressed, the process named.
start 160 40 -r "$CAPTURE" -v connections
check "Connections shows the remote IPv6 address compressed" "2607:f8b0:4004:802::2004"
check "Connections shows the DNS server" "2001:4860:4860::8888"

# A list: rows, then none after c.
start 160 40 -r "$CAPTURE" -v file_opens
check "File Opens lists the opens" "/etc/ld.so.cache"
keys c
check_gone "c clears the list" "/etc/ld.so.cache"
check "the list view stays after c" "NUM▲ TIME"

# The views menu lists the new views.
start 160 40 -r "$CAPTURE"
check "explorer started" "curl -6 http"
keys v
for name in "Files" "Directories" "I/O by Type" "Connections" "Server Ports" "Errors" "Processes Errors" \
            "Signals" "Slow I/O" "Executed Commands" "File Opens" "New Connections" "Signals Sent"; do
  check "views menu lists $name" "$name"
done
keys Escape
keys q
check "quit" "EXIT STATUS 0"
finish
