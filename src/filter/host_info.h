// What the host.* fields say about the host an event came from (issue 17
// items 3-4): several --remote hosts are one capture, each with its own
// model; the engine keeps one HostInfo per host up to date.
#pragma once

#include <cstdint>
#include <string>

#include "event/arg_format.h"
#include "state/model.h"

namespace tracetop::filter {

struct HostInfo {
    std::string name;     // what the user typed after --remote ("root@db1:2222"), or the machine's name
    std::string machine;  // the hostname the host's capture header gives (its machine record)
    bool gone = false;    // its stream ended: the connection was cut, ssh or the remote tracetop died
    bool recorded = false;  // a capture file's machine: neither live nor gone
    std::string reason;   // why it is gone, one line
    uint64_t drops = 0;   // events the host's kernel ring dropped, as its tracetop reported them
    // The host's own model, for a kept event described later (Aggregator::event_details).
    const state::Model* model = nullptr;
    const event::ArgContext* args = nullptr;
};

}  // namespace tracetop::filter
