// Short, bounds-safe reads of event parameters by position, for the handlers.
// A parameter that is missing or of the wrong size reads as the fallback.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "event/event_view.h"

namespace tracetop::state {

inline bool has_param(const event::EventView& ev, uint32_t i) { return i < ev.nparams(); }

inline int64_t int_param(const event::EventView& ev, uint32_t i, int64_t fallback = 0) {
    return event::param_as_int(ev.param(i), event::ParamType::Int64, fallback);
}

inline uint64_t uint_param(const event::EventView& ev, uint32_t i, uint64_t fallback = 0) {
    return event::param_as_uint(ev.param(i), event::ParamType::Uint64, fallback);
}

inline std::string_view string_param(const event::EventView& ev, uint32_t i) {
    return event::param_as_string(ev.param(i));
}

// A NUL-separated list parameter (args, env, cgroups) as stored: all bytes.
inline std::string_view list_param(const event::EventView& ev, uint32_t i) {
    const auto raw = ev.param(i);
    return {reinterpret_cast<const char*>(raw.data()), raw.size()};
}

}  // namespace tracetop::state
