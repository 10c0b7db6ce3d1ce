# An sshd of the caller's own on 127.0.0.1 (issue 17, remote), for
# tests/live/remote_ssh.sh and bench/remote_bandwidth.sh: its own host key,
# config and client key in DIR, root allowed by that key only, no PAM.
#
#   start_loopback_sshd DIR   # sets SSHD_PID, SSHD_PORT, SSHD_CLIENT_KEY;
#                             # returns 1 (the reason on stderr) if it did not start
# The caller stops it (kill "$SSHD_PID") in its own exit trap.
start_loopback_sshd() {
  local dir=$1 i
  mkdir -p "$dir" /run/sshd
  chmod 700 "$dir"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" || return 1
  ssh-keygen -q -t ed25519 -N '' -f "$dir/client_key" || return 1
  cp "$dir/client_key.pub" "$dir/authorized_keys"
  SSHD_CLIENT_KEY="$dir/client_key"
  SSHD_PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $SSHD_PORT
HostKey $dir/host_key
PidFile none
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
CONF
  /usr/sbin/sshd -f "$dir/sshd_config" -D -e 2>"$dir/sshd.log" &
  SSHD_PID=$!
  for i in $(seq 100); do
    grep -q 'Server listening' "$dir/sshd.log" && return 0
    kill -0 "$SSHD_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "sshd did not start: $(cat "$dir/sshd.log")" >&2
  return 1
}

# A port on 127.0.0.1 nobody listens on (free a moment ago).
free_loopback_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Fails the test (and ends it) when sshd or the ssh client is missing.
need_ssh_tools() {
  local p
  for p in /usr/sbin/sshd ssh ssh-keygen; do
    command -v "$p" >/dev/null || { fail "$p is missing: ./setup.sh installs openssh-server and openssh-client"; finish; }
  done
}
