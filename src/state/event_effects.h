// What the model does with each event type, decided once per type code so
// that the per-event path neither re-derives it nor does work no one reads.
// Model::apply() relies on it to skip, for an event nothing will describe,
// the fd lookups and handlers of types that change nothing but the thread's
// per-event bookkeeping (pairing, latency, last fd).
#pragma once

#include <cstdint>
#include <span>

#include "event/event_table.h"

namespace tracetop::state {

enum class EventEffect : uint8_t {
    None,        // state-neutral: only the thread's pairing, latency and last fd move
    Meta,        // an unpaired meta-event (sinsp's "skip parse reset" set): thread only looked up
    ProcInfo,    // a meta-event that updates the thread's CPU ticks
    Switch,      // context switch: the thread's page faults and memory
    CloneExit,   // makes a thread
    ExecveExit,  // renames a thread
    ProcExit,    // removes a thread (deferred)
    CwdChange,   // chdir, fchdir, getcwd exits
    FdOrSocket,  // opens, names, duplicates or closes fds (handle_file_event, handle_socket_event)
    MemoryExit,  // brk, mmap, mmap2, munmap exits: the thread's memory after the call
};

struct EventTraits {
    EventEffect effect = EventEffect::None;
    // An exit whose state handler reads its enter's parameters: the enter is
    // kept for it even when nobody describes the exit.
    bool exit_reads_enter = false;
    // The event's first fd parameter is the fd the call acts on (kFlagUsesFd).
    bool uses_fd = false;
    // Exits: index of the parameter named "fd" beyond the result, in layouts
    // that moved the fd from the enter into the exit; -1 if none.
    int8_t exit_fd_param = -1;
};

// Traits by type code; the last entry stands for codes past the table.
std::span<const EventTraits> event_traits_table();

// The traits of `type`; codes past the table share one state-neutral entry.
inline const EventTraits& event_traits(event::EventType type) {
    static const std::span<const EventTraits> table = event_traits_table();
    return table[type < table.size() ? type : table.size() - 1];
}

inline bool is_state_neutral(event::EventType type) { return event_traits(type).effect == EventEffect::None; }

}  // namespace tracetop::state
