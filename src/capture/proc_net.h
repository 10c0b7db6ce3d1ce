// Sockets of the scanning process's network namespace, by inode, from
// /proc/net/{tcp,tcp6,udp,udp6,unix}: what an fd list entry needs to name
// a socket fd found under /proc/PID/fd.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "event/header_records.h"

namespace tracetop::capture {

// Inode -> an FdRecord with type and addresses filled (fd and ino left 0).
using SocketsByInode = std::unordered_map<uint64_t, event::FdRecord>;

SocketsByInode read_proc_net_sockets(size_t max_file_bytes);

}  // namespace tracetop::capture
