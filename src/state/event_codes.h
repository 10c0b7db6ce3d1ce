// The event type codes whose meaning the model acts on (scap-format.md §11,
// both the 2022 numbering sysdig 0.29.3 knows and the later additions): the
// model's names for the schema's codes (src/event/events.toml), no numbers.
#pragma once

#include "event/event_table.h"
#include "event/tracetop_events.h"

namespace tracetop::state::codes {

using event::EventType;

// Files
constexpr EventType kOpenE = PPME_OPEN_E, kOpenX = PPME_OPEN_X;
constexpr EventType kCloseE = PPME_CLOSE_E, kCloseX = PPME_CLOSE_X;
constexpr EventType kCreatE = PPME_CREAT_E, kCreatX = PPME_CREAT_X;
constexpr EventType kOpenatOldE = PPME_OPENAT_E, kOpenatOldX = PPME_OPENAT_X;  // exit carries only the fd
constexpr EventType kOpenatE = PPME_OPENAT_2_E, kOpenatX = PPME_OPENAT_2_X;
constexpr EventType kOpenat2E = PPME_OPENAT2_E, kOpenat2X = PPME_OPENAT2_X;
constexpr EventType kChdirX = PPME_CHDIR_X, kFchdirX = PPME_FCHDIR_X, kGetcwdX = PPME_GETCWD_X;
constexpr EventType kDupX = PPME_DUP_X;  // dup/dup2/dup3 up to 2022
constexpr EventType kDup2X = PPME_DUP2_X, kDup3X = PPME_DUP3_X, kDup1X = PPME_DUP_2_X;
constexpr EventType kFcntlX = PPME_FCNTL_X;
constexpr EventType kPipeX = PPME_PIPE_X, kPipe2X = PPME_PIPE2_X;
constexpr EventType kEventfdX = PPME_EVENTFD_X, kEventfd2X = PPME_EVENTFD2_X;
constexpr EventType kSignalfdX = PPME_SIGNALFD_X, kSignalfd4X = PPME_SIGNALFD4_X;
constexpr EventType kTimerfdCreateX = PPME_TIMERFD_CREATE_X;
constexpr EventType kInotifyInitX = PPME_INOTIFY_INIT_X, kInotifyInit1X = PPME_INOTIFY_INIT1_X;
constexpr EventType kEpollCreateX = PPME_EPOLL_CREATE_X, kEpollCreate1X = PPME_EPOLL_CREATE1_X;

// Network
constexpr EventType kSocketE = PPME_SOCKET_E, kSocketX = PPME_SOCKET_X;
constexpr EventType kBindX = PPME_BIND_X;
constexpr EventType kConnectE = PPME_CONNECT_E, kConnectX = PPME_CONNECT_X;
constexpr EventType kAcceptOldX = PPME_ACCEPT_X, kAccept4OldX = PPME_ACCEPT_2_X, kAcceptX = PPME_ACCEPT_3_X, kAccept4X = PPME_ACCEPT_4_X, kAccept4NewX = PPME_ACCEPT4_X;
constexpr EventType kSendtoE = PPME_SENDTO_E, kSendtoX = PPME_SENDTO_X;
constexpr EventType kRecvfromX = PPME_RECVFROM_X;
constexpr EventType kSocketpairX = PPME_SOCKETPAIR_X;
constexpr EventType kSendmsgE = PPME_SENDMSG_E, kSendmsgX = PPME_SENDMSG_X;
constexpr EventType kRecvmsgX = PPME_RECVMSG_X;

// Reads and writes whose exits may name a socket (sysdig's read/write family).
constexpr EventType kReadX = PPME_READ_X, kWriteX = PPME_WRITE_X, kSendX = PPME_SEND_X, kRecvX = PPME_RECV_X;
constexpr EventType kPreadX = PPME_PREAD_X, kPwriteX = PPME_PWRITE_X, kReadvX = PPME_READV_X, kWritevX = PPME_WRITEV_X, kPreadvX = PPME_PREADV_X, kPwritevX = PPME_PWRITEV_X;

// Processes
constexpr EventType kClone11X = PPME_CLONE_X, kClone16X = PPME_CLONE_2_X, kClone17X = PPME_CLONE_3_X, kClone20X = PPME_CLONE_4_X;
constexpr EventType kFork16X = PPME_FORK_X, kFork17X = PPME_FORK_2_X, kFork20X = PPME_FORK_3_X;
constexpr EventType kVfork16X = PPME_VFORK_X, kVfork17X = PPME_VFORK_2_X, kVfork20X = PPME_VFORK_3_X;
constexpr EventType kClone3X = PPME_CLONE3_X;
constexpr EventType kExecve8X = PPME_EXECVE_X, kExecve13X = PPME_EXECVE_2_X, kExecve14X = PPME_EXECVE_3_X, kExecve15X = PPME_EXECVE_4_X, kExecve16X = PPME_EXECVE_5_X;
constexpr EventType kExecve17X = PPME_EXECVE_6_X, kExecve18X = PPME_EXECVE_7_X, kExecve19X = PPME_EXECVE_8_X, kExecveatX = PPME_EXECVEAT_X;
constexpr EventType kProcExitOldE = PPME_PROCEXIT_E, kProcExitE = PPME_PROCEXIT_2_E;
// Exits that report the thread's memory after the call (vm_size, vm_rss, vm_swap after res;
// the old brk layout has res only).
constexpr EventType kBrkOldX = PPME_BRK_X, kBrkX = PPME_BRK_2_X, kMmapX = PPME_MMAP_X, kMmap2X = PPME_MMAP2_X, kMunmapX = PPME_MUNMAP_X;

// Scheduler and meta-events sinsp does not pair (its "skip parse reset" set).
// 147 is unassigned; sinsp skips it with its pair all the same.
constexpr EventType kSwitchOldE = PPME_SWITCH_E, kSwitchOldX = PPME_SWITCH_E + 1, kSwitchE = PPME_SWITCH_2_E;
constexpr EventType kDropE = PPME_DROP_E, kDropX = PPME_DROP_X;
constexpr EventType kSysdigEventE = PPME_SYSDIGEVENT_E, kSysdigEventX = PPME_SYSDIGEVENT_X;
constexpr EventType kContainerOldE = PPME_CONTAINER_E;
constexpr EventType kProcInfoE = PPME_PROCINFO_E;
constexpr EventType kCpuHotplugE = PPME_CPU_HOTPLUG_E;
constexpr EventType kK8sE = PPME_K8S_E, kMesosE = PPME_MESOS_E;
constexpr EventType kContainerJsonE = PPME_CONTAINER_2_E, kContainerJson2E = PPME_CONTAINER_3_E;
constexpr EventType kNotificationE = PPME_NOTIFICATION_E, kInfraE = PPME_INFRA_E, kPageFaultE = PPME_PAGE_FAULT_E;

// fcntl commands that duplicate an fd (PPM_FCNTL_*).
constexpr uint8_t kFcntlDupFd = 1, kFcntlDupFdCloexec = 26;

// PPM_O_DIRECTORY: an open that yields a directory fd.
constexpr uint32_t kOpenDirectory = 0x400;

}  // namespace tracetop::state::codes
