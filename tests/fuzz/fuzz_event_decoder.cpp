// libFuzzer target: any bytes taken as one event (v2 header when the first
// input byte is odd, v1 otherwise) either parse into a view whose parameters
// lie inside the input, or are refused with a message; a parsed event renders
// (evt.type, evt.args, every argument alone, integer decodings) without
// reading outside the input, crashing or looping, and what it renders is
// printable: the text may reach a terminal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "event/arg_format.h"
#include "event/event_view.h"

namespace {

using tracetop::event::ArgContext;
using tracetop::event::EventView;
using tracetop::event::OutBuffer;

// A model that knows every fd, thread, user and directory, with hostile
// names: rendering must sanitize what the model hands it too.
class HostileContext final : public ArgContext {
public:
    bool describe_fd(const EventView&, int64_t fd, OutBuffer& out) const override {
        if (fd % 3 == 0) return false;
        tracetop::event::append_sanitized("<f>/tmp/\x1b[31mred\n", out);
        return true;
    }
    bool describe_thread(int64_t tid, OutBuffer& out) const override {
        if (tid % 2 == 0) return false;
        tracetop::event::append_sanitized("\x1b]0;title\x07", out);
        return true;
    }
    char fd_type_char(const EventView&, int64_t fd) const override { return fd % 2 ? 'f' : 0; }
    bool base_dir(const EventView&, int64_t dirfd, OutBuffer& out) const override {
        if (dirfd == 7) return false;
        tracetop::event::append_sanitized("/work/\x1b[2J/", out);
        return true;
    }
    bool describe_user(uint32_t uid, OutBuffer& out) const override {
        if (uid % 2) return false;
        out.append(std::string_view("root"));
        return true;
    }
    bool describe_group(uint32_t gid, OutBuffer& out) const override {
        if (gid % 2) return false;
        out.append(std::string_view("wheel"));
        return true;
    }
};

// Bytes the renderer may emit: printable ASCII only (no escape, no newline).
void check_printable(const OutBuffer& out) {
    for (char c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const bool v2 = (data[0] & 1) != 0;
    // A copy of exactly the event bytes, so that ASan sees any read past them.
    std::vector<uint8_t> bytes(data + 1, data + size);
    auto parsed = EventView::parse(bytes.data(), bytes.size(), v2);
    if (!parsed) {
        if (parsed.error().message.empty()) std::abort();
        return 0;
    }
    const EventView& ev = *parsed;
    const uint8_t* begin = bytes.data();
    const uint8_t* end = begin + bytes.size();
    if (ev.body().data() < begin || ev.body().data() + ev.body().size() > end) std::abort();
    for (uint32_t i = 0; i < ev.nparams() && i < tracetop::event::kMaxParams; ++i) {
        const auto p = ev.param(i);
        if (!p.empty() && (p.data() < begin || p.data() + p.size() > end)) std::abort();
        (void)tracetop::event::param_as_int(p, tracetop::event::ParamType{});
        (void)tracetop::event::param_as_uint(p, tracetop::event::ParamType{});
        (void)tracetop::event::param_as_string(p);
    }
    static const HostileContext hostile;
    for (const ArgContext* ctx : {static_cast<const ArgContext*>(nullptr), static_cast<const ArgContext*>(&hostile)}) {
        OutBuffer out;
        tracetop::event::format_args(ev, ctx, out);
        check_printable(out);
        for (uint32_t i = 0; i < ev.nparams(); ++i) {
            OutBuffer one;
            tracetop::event::format_arg(ev, i, ctx, one);
            check_printable(one);
        }
    }
    const auto name = tracetop::event::display_type_name(ev);
    for (char c : name) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) std::abort();
    }
    return 0;
}
