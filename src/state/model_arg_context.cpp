#include "state/model_arg_context.h"

namespace tracetop::state {

bool ModelArgContext::describe_fd(const event::EventView& ev, int64_t fd, event::OutBuffer& out) const {
    if (fd < 0) return false;
    const FdEntry* entry = model_.find_fd(static_cast<Tid>(ev.tid), fd);
    if (entry == nullptr) return false;
    out.push_back('<');
    out.push_back(state::fd_type_char(entry->type));
    if (entry->is_ip_socket() || entry->is_server_socket()) {
        if (const char l4 = state::l4proto_char(entry->reported_l4proto()); l4 != 0) out.push_back(l4);
    }
    out.push_back('>');
    // sysdig drops bytes it cannot print from the name shown here.
    for (char c : entry->name.view()) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) out.push_back(c);
    }
    return true;
}

bool ModelArgContext::describe_thread(int64_t tid, event::OutBuffer& out) const {
    const ThreadInfo* t = model_.thread(tid);
    if (t == nullptr) return false;
    // Names come from the traced system: no control byte may reach a terminal.
    event::append_sanitized(t->comm.view(), out);
    return true;
}

char ModelArgContext::fd_type_char(const event::EventView& ev, int64_t fd) const {
    const FdEntry* entry = model_.find_fd(static_cast<Tid>(ev.tid), fd);
    return entry == nullptr ? '\0' : state::fd_type_char(entry->type);
}

bool ModelArgContext::base_dir(const event::EventView& ev, int64_t dirfd, event::OutBuffer& out) const {
    const ThreadInfo* t = model_.thread(static_cast<Tid>(ev.tid));
    if (t == nullptr) return false;
    if (dirfd == kAtFdCwd) {
        const ThreadInfo* main = model_.main_thread_of(*t);
        event::append_sanitized((main != nullptr ? main : t)->cwd.view(), out);
        return true;
    }
    if (const FdEntry* dir = model_.find_fd(t->tid, dirfd)) {
        event::append_sanitized(dir->name.view(), out);
        out.push_back('/');
    }
    return true;
}

bool ModelArgContext::describe_user(uint32_t uid, event::OutBuffer& out) const {
    const event::UserRecord* u = model_.user(uid);
    if (u == nullptr) return false;
    event::append_sanitized(u->name, out);
    return true;
}

bool ModelArgContext::describe_group(uint32_t gid, event::OutBuffer& out) const {
    const event::GroupRecord* g = model_.group(gid);
    if (g == nullptr) return false;
    event::append_sanitized(g->name, out);
    return true;
}

}  // namespace tracetop::state
