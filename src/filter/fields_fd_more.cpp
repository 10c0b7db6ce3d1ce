// More of sysdig 0.29.3's fd.* fields, and its fdlist.* fields (the fds of
// a poll), each printing what sysdig prints. Left out: fd.dev and its major
// and minor (sysdig prints memory it never set for every fd but files),
// fd.connected and fd.name_changed (state the model does not keep), syslog.*.
#include <iterator>
#include <string_view>

#include "filter/fd_type_of.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "event/tracetop_events.h"
#include "state/container_table.h"
#include "state/socket_names.h"

namespace tracetop::filter {
namespace {

using state::FdEntry;

// fd.uid: the thread id and fd.num written one after the other ("174973":
// thread 17497, fd 3; "17497-1" for an open's enter), where fd.num is.
void x_uid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.fd_related || !c.state.thread_known || state::ContainerTable::is_container_event(c.ev.type)) return;
    c.scratch->clear();
    fmt::format_to(std::back_inserter(*c.scratch), "{}{}", c.state.thread->tid, c.state.fd);
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
}

// fdlist.*: for poll and ppoll, one item per fd of their `fds` argument
// (a 16-bit count, then per fd its number in 8 bytes and its flags in 2),
// joined with commas. An fd the item has nothing for adds nothing (names
// say <NA>). The count is the capture's: the items read stop at the
// argument's end.
enum class ListItem { Nums, Names, ClientIps, ServerIps, ClientPorts, ServerPorts };

std::span<const uint8_t> poll_fds(const event::EventView& ev) {
    switch (ev.type) {
        case PPME_POLL_E:
        case PPME_PPOLL_E: return ev.param(0);
        case PPME_POLL_X:
        case PPME_PPOLL_X: return ev.param(1);
        default: return {};
    }
}

// One fd's item; false when it adds nothing.
bool append_item(ListItem item, int64_t fd, const FdEntry* e, fmt::memory_buffer& out) {
    const auto it = std::back_inserter(out);
    const bool v4 = e && e->type == state::FdType::Ipv4Socket;
    const bool v6 = e && e->type == state::FdType::Ipv6Socket;
    switch (item) {
        case ListItem::Nums: fmt::format_to(it, "{}", fd); return true;
        case ListItem::Names:
            if (e && !e->name.empty()) {
                out.append(e->name.view());
            } else {
                out.append(std::string_view("<NA>"));
            }
            return true;
        case ListItem::ClientIps:
        case ListItem::ServerIps: {
            const bool client = item == ListItem::ClientIps;
            if (v4 || v6) {
                const uint8_t* ip = client ? e->socket.sip.data() : e->socket.dip.data();
                v4 ? state::append_ipv4(ip, out) : state::append_ipv6(ip, out);
            } else if (!client && e && e->is_server_socket()) {
                // sysdig 0.29.3 prints an IPv6 listener's address as IPv4 too: its first 4 bytes.
                state::append_ipv4(e->socket.sip.data(), out);
            } else {
                return false;
            }
            return true;
        }
        case ListItem::ClientPorts:
        case ListItem::ServerPorts:
            if (!v4 && !v6) return false;
            fmt::format_to(it, "{}", item == ListItem::ClientPorts ? e->socket.sport : e->socket.dport);
            return true;
    }
    return false;
}

template <ListItem kItem>
void x_fdlist(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const std::span<const uint8_t> raw = poll_fds(c.ev);
    if (raw.size() < 2) return;
    const uint16_t count = event::load_le<uint16_t>(raw.data());
    c.scratch->clear();
    for (size_t i = 0, at = 2; i < count && at + 10 <= raw.size(); ++i, at += 10) {
        const auto fd = event::load_le<int64_t>(raw.data() + at);
        const FdEntry* e = c.state.thread_known ? c.model.find_fd(c.state.thread->tid, fd) : nullptr;
        if (append_item(kItem, fd, e, *c.scratch)) c.scratch->push_back(',');
    }
    if (c.scratch->size() == 0) return;
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size() - 1}));
}

constexpr FieldDef kFields[] = {
    {"fd.uid", FieldType::String, ArgKind::None, "the thread id followed by fd.num (one id per thread and fd)", x_uid,
     FieldDep::Context},
    {"fdlist.nums", FieldType::String, ArgKind::None, "for poll events, the fd numbers of their fds argument",
     x_fdlist<ListItem::Nums>},
    {"fdlist.names", FieldType::String, ArgKind::None, "for poll events, the names of their fds", x_fdlist<ListItem::Names>},
    {"fdlist.cips", FieldType::String, ArgKind::None, "for poll events, the client addresses of their connections",
     x_fdlist<ListItem::ClientIps>},
    {"fdlist.sips", FieldType::String, ArgKind::None, "for poll events, the server addresses of their connections",
     x_fdlist<ListItem::ServerIps>},
    {"fdlist.cports", FieldType::String, ArgKind::None, "for poll events, the client ports of their connections",
     x_fdlist<ListItem::ClientPorts>},
    {"fdlist.sports", FieldType::String, ArgKind::None, "for poll events, the server ports of their connections",
     x_fdlist<ListItem::ServerPorts>},
};

}  // namespace

std::span<const FieldDef> fd_more_fields() { return kFields; }

}  // namespace tracetop::filter
