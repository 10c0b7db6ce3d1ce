// Where an event type keeps the call's result: parameter 0 of exits when it
// is one (named res, or an errno, fd or pid the call returns). Decided once
// per type code, so evt.failed, evt.res and evt.rawres compare no parameter
// names per event, and a filter on them is decided by type for every type
// without a result (enters among them).
#pragma once

#include <cstdint>

#include "event/event_table.h"
#include "event/event_view.h"

namespace tracetop::filter {

// The result parameter of `type`, or null when its events carry none.
const event::ParamInfo* result_param(event::EventType type);

// The call's result as evt.rawres gives it: false when the event has none.
bool event_result(const event::EventView& ev, int64_t& res);

// evt.failed: the event has a result, and it is negative.
inline bool event_failed(const event::EventView& ev) {
    int64_t res = 0;
    return event_result(ev, res) && res < 0;
}

}  // namespace tracetop::filter
