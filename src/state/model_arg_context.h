// The model as event::ArgContext, so --print renders "fd=3(<f>/etc/passwd)"
// and "tid=17497(curl)" the way sysdig does.
#pragma once

#include "event/arg_format.h"
#include "state/model.h"

namespace tracetop::state {

class ModelArgContext final : public event::ArgContext {
public:
    explicit ModelArgContext(const Model& model) : model_(model) {}

    // "<" type letter [t|u|i|r for IP sockets whose protocol is known] ">" name,
    // for an fd the event's thread has open; false for unknown or negative fds.
    bool describe_fd(const event::EventView& ev, int64_t fd, event::OutBuffer& out) const override;
    // The thread's comm, when the thread is known.
    bool describe_thread(int64_t tid, event::OutBuffer& out) const override;
    // The type letter of an open fd (FDLIST entries), 0 when unknown.
    char fd_type_char(const event::EventView& ev, int64_t fd) const override;
    // The cwd (dirfd AT_FDCWD) or the directory fd's path, with a trailing '/'.
    bool base_dir(const event::EventView& ev, int64_t dirfd, event::OutBuffer& out) const override;
    bool describe_user(uint32_t uid, event::OutBuffer& out) const override;
    bool describe_group(uint32_t gid, event::OutBuffer& out) const override;

private:
    const Model& model_;
};

}  // namespace tracetop::state
