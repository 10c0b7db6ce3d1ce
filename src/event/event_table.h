// The scap event table: for every event type code, its name, category, flags
// and parameter schema (scap-format.md §11). Facts from the public scap
// format; the table itself is generated at build time from events.toml
// (gen_events.py).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "event/param_type.h"

namespace tracetop::event {

using EventType = uint16_t;

// One named value of a flag set or an enumeration (open flags, PROT_*, ...).
struct FlagName {
    uint32_t value;
    std::string_view name;
};

struct ParamInfo {
    std::string_view name;
    ParamType type;
    ParamFormat format;
    // Names for Flags*/EnumFlags*/Mode parameters; empty otherwise.
    std::span<const FlagName> flags;
    // FsRelPath: index of the dirfd parameter the path is relative to, -1 if none.
    int8_t dirfd_param = -1;
    // Dyn: the alternative types, picked by the value's leading index byte.
    const ParamInfo* dyn_types = nullptr;
    uint8_t dyn_count = 0;
};

// Event categories, the same bit values sysdig uses for evt.category.
enum EventCategory : uint32_t {
    kCatUnknown = 0,
    kCatOther = 1,
    kCatFile = 2,
    kCatNet = 3,
    kCatIpc = 4,
    kCatMemory = 5,
    kCatProcess = 6,
    kCatSleep = 7,
    kCatSystem = 8,
    kCatSignal = 9,
    kCatUser = 10,
    kCatTime = 11,
    kCatProcessing = 12,
    kCatIoRead = 32,
    kCatIoWrite = 33,
    kCatIoOther = 34,
    kCatWait = 64,
    kCatScheduler = 128,
    kCatInternal = 256,
};

// Low bits of EventCategory that name the class (everything below kCatWait).
constexpr uint32_t kCategoryClassMask = 0x3F;

enum EventFlag : uint32_t {
    kFlagNone = 0,
    kFlagCreatesFd = 1u << 0,     // the exit result is a new fd (open, socket, accept, ...)
    kFlagDestroysFd = 1u << 1,    // close
    kFlagUsesFd = 1u << 2,        // the event's first fd parameter is the fd it acts on
    kFlagOld = 1u << 3,           // no longer produced by current drivers
    kFlagLargePayload = 1u << 4,  // parameter lengths are u32, not u16
    kFlagUnused = 1u << 5,        // a table hole: the code was never assigned / is reserved
    kFlagModifiesState = 1u << 6,
    kFlagWaits = 1u << 7,         // a blocking call (poll, accept, read on sockets, ...)
};

struct EventInfo {
    std::string_view name;     // "open", "execve", ... (sysdig's evt.type)
    uint32_t category;         // EventCategory bits
    uint32_t flags;            // EventFlag bits
    std::span<const ParamInfo> params;
};

// Number of codes in the table (one past the highest known type).
EventType event_table_size();

// How many of the type's parameters sysdig 0.29.3 knew (later additions are
// after them); what the probe writes.
uint32_t sysdig_param_count(EventType type);

// sysdig -L (0.29.3) lists this type with its first N parameters, although
// the flags say otherwise (an old layout it still lists, a parameter added
// since): N; -1 when the flags say it all (events.toml sysdig_0293*).
int sysdig_0293_listed(EventType type);

namespace detail {
extern const std::span<const EventInfo> event_table;  // indexed by type; see event_info()
}

// The table entry for `type`, or nullptr when the type is unknown or unused.
// Inline: several calls per event on the hot path.
inline const EventInfo* event_info(EventType type) {
    if (type >= detail::event_table.size()) return nullptr;
    const EventInfo* info = &detail::event_table[type];
    return (info->flags & kFlagUnused) != 0 ? nullptr : info;
}

inline bool is_enter(EventType type) { return (type & 1u) == 0; }

// Events sysdig never prints by default (internal meta-events such as procinfo);
// `--debug` shows them.
inline bool is_internal(EventType type) {
    const EventInfo* info = event_info(type);
    return info != nullptr && (info->category & kCatInternal) != 0;
}

// State records (containers, users, groups): those at the start of a file
// sinsp consumes before the first event and never shows, even with -D; the
// reader marks them state-only (kEventFlagStateOnly). Later ones are events.
bool is_initial_state(EventType type);

// The lower-cased name of a PPM_SC system-call code (the ID parameter of the
// generic syscall events 0/1), or "" when the code is unknown.
std::string_view syscall_name(uint16_t ppm_sc);
// Codes below this may have a name; syscall_name() is empty for all others.
size_t syscall_name_count();

// The PPM_SC codes sysdig 0.29.3 knows: it crashes on larger ones (so the
// probe records later calls as code 0) and prints "<unknown syscall>".
constexpr uint16_t kPpmScCodesKnownToSysdig0293 = 329;
// The event type codes sysdig 0.29.3 knows (its PPM_EVENT_MAX).
constexpr uint16_t kEventCodesKnownToSysdig0293 = 336;

}  // namespace tracetop::event
