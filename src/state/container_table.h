// The containers a capture or a live session knows: the metadata sysdig's
// container events carry (272/324 JSON, the oldest 228), by container id.
// Threads are bound to a container id through their cgroups (ThreadInfo::
// container_id), independently of this table, so the order in which a
// thread and its container's event arrive does not matter. A container seen
// only through cgroups has an id and a runtime but no entry here: sysdig
// 0.29.3 then prints its id and type, and <NA> for its name and image.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "event/container_record.h"
#include "event/event_view.h"

namespace tracetop::state {

class ContainerTable {
public:
    using Map = std::map<std::string, event::ContainerRecord, std::less<>>;

    // Container events (CONTAINER_E 228, CONTAINER_2_E 272, CONTAINER_3_E 324).
    static bool is_container_event(event::EventType type);

    // Reads one container event into the table (a newer event for an id
    // replaces the older). Bad payloads are counted and otherwise ignored.
    // The record the event gave (null: a malformed event, or the table full).
    const event::ContainerRecord* apply(const event::EventView& ev);

    const event::ContainerRecord* find(std::string_view id) const {
        auto it = containers_.find(id);
        return it == containers_.end() ? nullptr : &it->second;
    }
    const Map& all() const { return containers_; }
    size_t size() const { return containers_.size(); }
    uint64_t bad_events() const { return bad_events_; }
    void clear() {
        containers_.clear();
        bad_events_ = 0;
    }

    // A bound on what the traced system can make us keep.
    static constexpr size_t kMaxContainers = 65536;

private:
    Map containers_;
    uint64_t bad_events_ = 0;
};

}  // namespace tracetop::state
