// The event type codes whose meaning the model acts on (scap-format.md §11,
// both the 2022 numbering sysdig 0.29.3 knows and the later additions).
#pragma once

#include "event/event_table.h"

namespace tracetop::state::codes {

using event::EventType;

// Files
constexpr EventType kOpenE = 2, kOpenX = 3;
constexpr EventType kCloseE = 4, kCloseX = 5;
constexpr EventType kCreatE = 58, kCreatX = 59;
constexpr EventType kOpenatOldE = 102, kOpenatOldX = 103;  // exit carries only the fd
constexpr EventType kOpenatE = 306, kOpenatX = 307;
constexpr EventType kOpenat2E = 326, kOpenat2X = 327;
constexpr EventType kChdirX = 95, kFchdirX = 97, kGetcwdX = 93;
constexpr EventType kDupX = 125;  // dup/dup2/dup3 up to 2022
constexpr EventType kDup2X = 363, kDup3X = 365, kDup1X = 367;
constexpr EventType kFcntlX = 151;
constexpr EventType kPipeX = 61, kPipe2X = 393;
constexpr EventType kEventfdX = 63, kEventfd2X = 397;
constexpr EventType kSignalfdX = 127, kSignalfd4X = 399;
constexpr EventType kTimerfdCreateX = 137;
constexpr EventType kInotifyInitX = 139, kInotifyInit1X = 395;
constexpr EventType kEpollCreateX = 375, kEpollCreate1X = 377;

// Network
constexpr EventType kSocketE = 18, kSocketX = 19;
constexpr EventType kBindX = 21;
constexpr EventType kConnectE = 22, kConnectX = 23;
constexpr EventType kAcceptOldX = 27, kAccept4OldX = 57, kAcceptX = 247, kAccept4X = 249, kAccept4NewX = 389;
constexpr EventType kSendtoE = 30, kSendtoX = 31;
constexpr EventType kRecvfromX = 35;
constexpr EventType kSocketpairX = 43;
constexpr EventType kSendmsgE = 48, kSendmsgX = 49;
constexpr EventType kRecvmsgX = 53;

// Reads and writes whose exits may name a socket (sysdig's read/write family).
constexpr EventType kReadX = 7, kWriteX = 9, kSendX = 29, kRecvX = 33;
constexpr EventType kPreadX = 113, kPwriteX = 115, kReadvX = 117, kWritevX = 119, kPreadvX = 121, kPwritevX = 123;

// Processes
constexpr EventType kClone11X = 15, kClone16X = 157, kClone17X = 217, kClone20X = 223;
constexpr EventType kFork16X = 183, kFork17X = 219, kFork20X = 225;
constexpr EventType kVfork16X = 185, kVfork17X = 221, kVfork20X = 227;
constexpr EventType kClone3X = 335;
constexpr EventType kExecve8X = 13, kExecve13X = 155, kExecve14X = 173, kExecve15X = 215, kExecve16X = 231;
constexpr EventType kExecve17X = 283, kExecve18X = 289, kExecve19X = 293, kExecveatX = 331;
constexpr EventType kProcExitOldE = 16, kProcExitE = 186;

// Scheduler and meta-events sinsp does not pair (its "skip parse reset" set).
constexpr EventType kSwitchOldE = 146, kSwitchOldX = 147, kSwitchE = 152;
constexpr EventType kDropE = 148, kDropX = 149;
constexpr EventType kSysdigEventE = 196;
constexpr EventType kContainerOldE = 228;
constexpr EventType kProcInfoE = 234;
constexpr EventType kCpuHotplugE = 244;
constexpr EventType kK8sE = 260, kMesosE = 270;
constexpr EventType kContainerJsonE = 272, kContainerJson2E = 324;
constexpr EventType kNotificationE = 280, kInfraE = 286, kPageFaultE = 290;

// fcntl commands that duplicate an fd (PPM_FCNTL_*).
constexpr uint8_t kFcntlDupFd = 1, kFcntlDupFdCloexec = 26;

// PPM_O_DIRECTORY: an open that yields a directory fd.
constexpr uint32_t kOpenDirectory = 0x400;

}  // namespace tracetop::state::codes
