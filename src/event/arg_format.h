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

    // Added for the remaining stateful parts of sysdig's rendering; the
    // defaults mean "unknown", which renders as sysdig does without state.

    // The one-letter fd type ('f', '4', 'p', ...) shown in FDLIST entries
    // ("4:61"); 0 when the fd is unknown (rendered as '?').
    virtual char fd_type_char(const EventView& ev, int64_t fd) const {
        (void)ev;
        (void)fd;
        return 0;
    }
    // The directory a relative path of `ev`'s thread is resolved against,
    // appended with its trailing '/': the cwd when `dirfd` is kAtFdcwd, else
    // the path of directory fd `dirfd` (append nothing when that is unknown).
    // False when the thread is unknown: the path is then shown unresolved.
    virtual bool base_dir(const EventView& ev, int64_t dirfd, OutBuffer& out) const {
        (void)ev;
        (void)dirfd;
        (void)out;
        return false;
    }
    // User / group names for UID/GID parameters; false shows the bare id.
    virtual bool describe_user(uint32_t uid, OutBuffer& out) const {
        (void)uid;
        (void)out;
        return false;
    }
    virtual bool describe_group(uint32_t gid, OutBuffer& out) const {
        (void)gid;
        (void)out;
        return false;
    }
};

// The dirfd value meaning "relative to the current directory" (PPM_AT_FDCWD).
constexpr int64_t kAtFdcwd = -100;

// sysdig's default cap on a rendered byte buffer (evt.args data=, args=,
// env=): longer values keep their first 77 characters and end in "...".
constexpr size_t kMaxBufferRender = 80;

// Appends parameter `i` of `ev` in sysdig's rendering (value only, no name).
void format_arg(const EventView& ev, uint32_t i, const ArgContext* ctx, OutBuffer& out);

// Appends all parameters as "name=value " pairs, sysdig's evt.args.
void format_args(const EventView& ev, const ArgContext* ctx, OutBuffer& out);

// The displayed type name: the table name, or for the generic syscall events
// the name of the system call they carry (sysdig's evt.type). A generic event
// of code 0 is named by the native number its enter carries: `enter` is the
// exit's enter event, when it was seen.
std::string_view display_type_name(const EventView& ev, const EventView* enter = nullptr);

// True for the generic system-call events, whose shown type comes from their
// first parameter; every other type's display name is fixed by the table.
bool has_dynamic_type_name(EventType type);

// Appends `text` with every byte that is not printable ASCII replaced by '.',
// which is both sysdig's rendering and our guard against terminal escapes.
void append_sanitized(std::string_view text, OutBuffer& out);

// issue 16 (uilook): the same, but well-formed UTF-8 of printable characters
// (U+00A0 and up) is kept, for the explorer's tables, which fit text by the
// terminal's cell widths; C1 controls and malformed bytes still become '.'.
void append_sanitized_utf8(std::string_view text, OutBuffer& out);

}  // namespace tracetop::event
