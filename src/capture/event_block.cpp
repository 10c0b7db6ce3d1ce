#include "capture/event_block.h"

#include <fmt/format.h>

#include "capture/byte_cursor.h"

namespace tracetop::capture::detail {

EventBlockStatus decode_event_block(const BlockInfo& info, std::span<const uint8_t> body, event::EventView& out,
                                    std::string& error) {
    ByteCursor c(body);
    const uint16_t cpu = c.u16();
    const uint32_t flags = info.has_flags ? c.u32() : 0;
    const bool v2 = info.version >= 2;
    const size_t header_size = v2 ? event::kEventHeaderV2Size : event::kEventHeaderV1Size;
    if (!c.ok() || c.remaining() < header_size) {
        error = fmt::format("event block of {} bytes is too short for an event header", body.size());
        return EventBlockStatus::Malformed;
    }
    const uint8_t* ev = c.data();
    const auto type = event::load_le<uint16_t>(ev + 20);
    // Types past this build's table are skipped like sysdig does (§9.1).
    if (event::event_info(type) == nullptr) return EventBlockStatus::UnknownType;

    // The event's own length says where it ends; bytes after it (padding,
    // editcap's comment options) are ignored.
    if (!event::EventView::parse_into(out, ev, c.remaining(), v2, error)) return EventBlockStatus::Malformed;
    out.cpu = cpu;
    out.block_flags = flags;
    return EventBlockStatus::Ok;
}

}  // namespace tracetop::capture::detail
