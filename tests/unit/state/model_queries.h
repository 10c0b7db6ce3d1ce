// What the state tests ask of a Model, phrased the way sysdig shows it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "event_builder.h"
#include "state/model.h"
#include "state/model_arg_context.h"

namespace tracetop::state::test {

// fd.name of an event, or "<NA>" where sysdig prints that.
inline std::string name_of(const EventContext& ctx) {
    std::string_view n;
    if (!ctx.fd_name(n)) return "<NA>";
    return std::string(n);
}

// What --print shows after "fd=N" for thread `tid` right now ("<f>/etc/passwd"),
// or "-" when the fd is unknown. Any event of the thread serves as the probe;
// a read enter (type 6) carries the fd.
inline std::string describe(const Model& model, uint64_t tid, int64_t fd) {
    ModelArgContext actx(model);
    BuiltEvent ev(1, tid, 6, {i64(fd), u32(10)});
    event::OutBuffer out;
    if (!actx.describe_fd(ev.view(), fd, out)) return "-";
    return std::string(out.data(), out.size());
}

}  // namespace tracetop::state::test
