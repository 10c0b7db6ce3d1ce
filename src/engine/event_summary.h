// sysdig's -S: how many events of each type and direction were read, printed
// at the end as sysdig prints it:
//   ----------------------
//   Event           #Calls
//   ----------------------
//   > procinfo        315
//   < mmap            110
#pragma once

#include <cstdint>
#include <vector>

#include "event/arg_format.h"
#include "event/event_view.h"

namespace tracetop::engine {

class EventSummary {
public:
    EventSummary();

    void count(const event::EventView& ev);

    // The table, most frequent first. Equal counts come in the order sysdig
    // 0.29.3 shows them: its table (one row per event code it knows, then
    // one per system-call code and direction for the generic events) sorted
    // by std::sort, which is not stable; the same rows and the same sort
    // give the same order.
    void append(event::OutBuffer& out) const;

private:
    std::vector<uint64_t> counts_;
};

}  // namespace tracetop::engine
