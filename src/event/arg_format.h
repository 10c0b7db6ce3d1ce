// Renders event parameters the way sysdig's default output does
// ("fd=3(<f>/etc/passwd) flags=4097(O_RDONLY|O_CLOEXEC)"). Stateless: what
// needs the model (fd names, thread names) is asked of an ArgContext.
#pragma once

#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "event/event_view.h"

namespace tracetop::event {

using OutBuffer = fmt::memory_buffer;

// What argument rendering may ask of the model. All methods append to `out`
// and return false when they know nothing (the caller then prints the bare
// number).
class ArgContext {
public:
    virtual ~ArgContext() = default;
    // The "<f>/etc/passwd" part shown after an fd number, for the thread that
    // produced `ev`. `fd` is the value to describe.
    virtual bool describe_fd(const EventView& ev, int64_t fd, OutBuffer& out) const = 0;
    // The name shown after a pid/tid ("curl" in "tid=17497(curl)").
    virtual bool describe_thread(int64_t tid, OutBuffer& out) const = 0;
};

// Appends parameter `i` of `ev` in sysdig's rendering (value only, no name).
void format_arg(const EventView& ev, uint32_t i, const ArgContext* ctx, OutBuffer& out);

// Appends all parameters as "name=value " pairs, sysdig's evt.args.
void format_args(const EventView& ev, const ArgContext* ctx, OutBuffer& out);

// The displayed type name: the table name, or for the generic syscall events
// the name of the system call they carry (sysdig's evt.type).
std::string_view display_type_name(const EventView& ev);

// Appends `text` with every byte that is not printable ASCII replaced by '.',
// which is both sysdig's rendering and our guard against terminal escapes.
void append_sanitized(std::string_view text, OutBuffer& out);

}  // namespace tracetop::event
