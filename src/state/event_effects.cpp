#include "state/event_effects.h"

#include <vector>

#include "state/event_codes.h"

namespace tracetop::state {
namespace {

// The open family's exits: they add an fd named from their enter.
bool opens_file(event::EventType type) {
    switch (type) {
        case codes::kOpenX:
        case codes::kCreatX:
        case codes::kOpenatOldX:
        case codes::kOpenatX:
        case codes::kOpenat2X: return true;
        default: return false;
    }
}

// Every type model_fd_events.cpp acts on; an addition there belongs here too
// (test_event_effects.cpp replays every type both ways to catch a miss).
bool changes_fds(event::EventType type) {
    if (opens_file(type)) return true;  // handle_file_event, as the first cases below
    switch (type) {
        // handle_file_event
        case codes::kCloseX:
        case codes::kDupX:
        case codes::kDup1X:
        case codes::kDup2X:
        case codes::kDup3X:
        case codes::kFcntlX:
        case codes::kPipeX:
        case codes::kPipe2X:
        case codes::kEventfdX:
        case codes::kEventfd2X:
        case codes::kSignalfdX:
        case codes::kSignalfd4X:
        case codes::kTimerfdCreateX:
        case codes::kInotifyInitX:
        case codes::kInotifyInit1X:
        case codes::kEpollCreateX:
        case codes::kEpollCreate1X:
        // handle_socket_event
        case codes::kSendtoE:
        case codes::kSocketX:
        case codes::kBindX:
        case codes::kConnectE:
        case codes::kConnectX:
        case codes::kSocketpairX:
        case codes::kRecvfromX:
        case codes::kRecvmsgX:
        case codes::kSendtoX:
        case codes::kSendmsgX:
        case codes::kSendmsgE:
        case codes::kAcceptOldX:
        case codes::kAccept4OldX:
        case codes::kAcceptX:
        case codes::kAccept4X:
        case codes::kAccept4NewX:
            return true;
        default:
            return false;
    }
}

EventEffect effect_of(event::EventType type) {
    switch (type) {
        case codes::kProcInfoE: return EventEffect::ProcInfo;
        case codes::kSwitchOldE:
        case codes::kSwitchOldX:
        case codes::kDropE:
        case codes::kDropX:
        case codes::kSysdigEventE:
        case codes::kContainerOldE:
        case codes::kCpuHotplugE:
        case codes::kK8sE:
        case codes::kMesosE:
        case codes::kNotificationE:
        case codes::kInfraE:
        case codes::kPageFaultE:
        case codes::kContainerJsonE:
        case codes::kContainerJson2E: return EventEffect::Meta;
        case codes::kSwitchE: return EventEffect::Switch;
        case codes::kClone11X:
        case codes::kClone16X:
        case codes::kClone17X:
        case codes::kClone20X:
        case codes::kFork16X:
        case codes::kFork17X:
        case codes::kFork20X:
        case codes::kVfork16X:
        case codes::kVfork17X:
        case codes::kVfork20X:
        case codes::kClone3X: return EventEffect::CloneExit;
        case codes::kExecve8X:
        case codes::kExecve13X:
        case codes::kExecve14X:
        case codes::kExecve15X:
        case codes::kExecve16X:
        case codes::kExecve17X:
        case codes::kExecve18X:
        case codes::kExecve19X:
        case codes::kExecveatX: return EventEffect::ExecveExit;
        case codes::kProcExitE:
        case codes::kProcExitOldE: return EventEffect::ProcExit;
        case codes::kChdirX:
        case codes::kFchdirX:
        case codes::kGetcwdX: return EventEffect::CwdChange;
        case codes::kBrkOldX:
        case codes::kBrkX:
        case codes::kMmapX:
        case codes::kMmap2X:
        case codes::kMunmapX: return EventEffect::MemoryExit;
        default: return changes_fds(type) ? EventEffect::FdOrSocket : EventEffect::None;
    }
}

// The exits whose handlers read current_enter_ (open family, fcntl, socket,
// sendto/sendmsg, execve for the executable's path).
bool reads_enter(event::EventType type) {
    if (opens_file(type)) return true;
    switch (type) {
        case codes::kFcntlX:
        case codes::kSocketX:
        case codes::kSendtoX:
        case codes::kSendmsgX: return true;
        default: return effect_of(type) == EventEffect::ExecveExit;
    }
}

int8_t fd_param_of(event::EventType type) {
    const event::EventInfo* info = event::event_info(type);
    if (info == nullptr || event::is_enter(type)) return -1;
    for (size_t i = 1; i < info->params.size() && i < 127; ++i) {
        if (info->params[i].name == "fd") return static_cast<int8_t>(i);
    }
    return -1;
}

std::vector<EventTraits> build_traits() {
    const size_t n = event::event_table_size();
    std::vector<EventTraits> table(n + 1);
    for (size_t t = 0; t < n; ++t) {
        const auto type = static_cast<event::EventType>(t);
        const event::EventInfo* info = event::event_info(type);
        const bool uses_fd = info != nullptr && (info->flags & event::kFlagUsesFd) != 0;
        table[t] = {effect_of(type), reads_enter(type), uses_fd, fd_param_of(type)};
    }
    return table;
}

}  // namespace

std::span<const EventTraits> event_traits_table() {
    static const std::vector<EventTraits> table = build_traits();
    return table;
}

}  // namespace tracetop::state
