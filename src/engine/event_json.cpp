#include "engine/event_json.h"

#include <fmt/format.h>

#include "event/event_table.h"

namespace tracetop::engine {

void append_json_string(std::string_view text, event::OutBuffer& out) {
    out.push_back('"');
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out.append(std::string_view("\\\"")); break;
            case '\\': out.append(std::string_view("\\\\")); break;
            case '\b': out.append(std::string_view("\\b")); break;
            case '\f': out.append(std::string_view("\\f")); break;
            case '\n': out.append(std::string_view("\\n")); break;
            case '\r': out.append(std::string_view("\\r")); break;
            case '\t': out.append(std::string_view("\\t")); break;
            default:
                // Other control bytes, and bytes that are not ASCII (names
                // from the traced system are untrusted, maybe not UTF-8).
                if (c < 0x20 || c >= 0x7f) {
                    fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

void append_event_json(const event::EventView& ev, const event::EventView* enter,
                       std::optional<std::string_view> proc_name, const event::ArgContext* ctx,
                       BufferFormat buffers, event::OutBuffer& out) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "{{\"evt.cpu\":{},\"evt.dir\":\"{}\",\"evt.info\":", ev.cpu, event::is_enter(ev.type) ? '>' : '<');
    fmt::memory_buffer info;
    append_args(ev, ctx, buffers == BufferFormat::Dots ? BufferFormat::WholeDots : buffers, info);
    append_json_string(std::string_view(info.data(), info.size()), out);
    fmt::format_to(it, ",\"evt.num\":{},\"evt.outputtime\":{},\"evt.type\":", ev.num, ev.ts);
    append_json_string(event::display_type_name(ev, enter), out);
    out.append(std::string_view(",\"proc.name\":"));
    if (proc_name) {
        append_json_string(*proc_name, out);
    } else {
        out.append(std::string_view("null"));
    }
    fmt::format_to(it, ",\"thread.tid\":{}}}\n", ev.tid);
}

}  // namespace tracetop::engine
