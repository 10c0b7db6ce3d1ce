#include "state/container_table.h"

#include "event/tracetop_events.h"
#include "state/param_access.h"

namespace tracetop::state {

bool ContainerTable::is_container_event(event::EventType type) {
    return type == PPME_CONTAINER_E || type == PPME_CONTAINER_2_E || type == PPME_CONTAINER_3_E;
}

const event::ContainerRecord* ContainerTable::apply(const event::EventView& ev) {
    std::optional<event::ContainerRecord> record;
    if (ev.type == PPME_CONTAINER_E) {
        if (ev.nparams() >= 4 && ev.param_len(1) == 4) {
            record = event::container_from_legacy(string_param(ev, 0), event::load_le<uint32_t>(ev.param(1).data()),
                                                  string_param(ev, 2), string_param(ev, 3));
            if (record->id.empty()) record.reset();
        }
    } else if (ev.nparams() >= 1) {
        auto p = ev.param(0);
        record = event::decode_container_json({reinterpret_cast<const char*>(p.data()), p.size()});
    }
    if (!record) {
        ++bad_events_;
        return nullptr;
    }
    if (containers_.size() >= kMaxContainers && !containers_.contains(record->id)) {
        ++bad_events_;
        return nullptr;
    }
    std::string id = record->id;
    return &containers_.insert_or_assign(std::move(id), std::move(*record)).first->second;
}

}  // namespace tracetop::state
