// fd.* fields: the file, socket or pipe the event acts on.
#include <cstring>
#include <string_view>

#include "filter/fd_type_of.h"
#include "filter/host_names.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"

namespace tracetop::filter {
namespace {

using state::FdEntry;
using state::FdType;
using state::SocketRole;

bool is_file_like(const FdEntry& e) { return e.type == FdType::File || e.type == FdType::Directory; }

IpValue ip_from(const std::array<uint8_t, 16>& bytes, bool v6) {
    IpValue ip;
    std::memcpy(ip.bytes.data(), bytes.data(), v6 ? 16 : 4);
    ip.v6 = v6;
    return ip;
}

// A connection's ends as sysdig names them: the model stores every tuple
// client -> server (s = client, d = server); a server socket keeps its bound
// address in s.
enum class End { Client, Server, Local, Remote };

bool end_is_client(const FdEntry& e, End end, bool& ok) {
    ok = true;
    switch (end) {
        case End::Client: return true;
        case End::Server: return false;
        case End::Local:
        case End::Remote:
            if (e.role == SocketRole::None) {
                ok = false;
                return false;
            }
            return (e.role == SocketRole::Client) == (end == End::Local);
    }
    return false;
}

// `any_role`: fd.ip/fd.port/fd.net compare both ends of a socket whatever its
// role; the named ends (cip, sport...) are <NA> until the role is known.
void push_ip(const FdEntry& e, End end, FieldValues& out, bool any_role = false) {
    const bool v6 = e.type == FdType::Ipv6Socket || e.type == FdType::Ipv6Server;
    if (e.is_server_socket()) {
        if (end == End::Server || end == End::Local) out.push(FieldValue::of_ip(ip_from(e.socket.sip, v6)));
        return;
    }
    if (!e.is_ip_socket()) return;
    if (e.role == SocketRole::None && !any_role) return;
    bool ok = false;
    const bool client = end_is_client(e, end, ok);
    if (ok) out.push(FieldValue::of_ip(ip_from(client ? e.socket.sip : e.socket.dip, v6)));
}

void push_port(const FdEntry& e, End end, FieldValues& out, bool any_role = false) {
    if (e.is_server_socket()) {
        if (end == End::Server || end == End::Local) out.push(FieldValue::of_uint(e.socket.sport));
        return;
    }
    if (!e.is_ip_socket()) return;
    if (e.role == SocketRole::None && !any_role) return;
    bool ok = false;
    const bool client = end_is_client(e, end, ok);
    if (ok) out.push(FieldValue::of_uint(client ? e.socket.sport : e.socket.dport));
}

void x_num(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.state.fd_related) out.push(FieldValue::of_int(c.state.fd));
}
void x_type(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const auto type = fd_type_of(c)) out.push(FieldValue::of_string(state::fd_type_name(*type)));
}
void x_typechar(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.fd_related) return;
    const FdEntry* e = related_fd_entry(c);
    static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?";
    const char letter = e ? state::fd_type_char(e->type) : c.state.fallback_typechar;
    const char* at = std::strchr(kLetters, letter);
    if (at && *at) out.push(FieldValue::of_string(std::string_view(at, 1)));
}
void x_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    std::string_view name;
    if (c.state.fd_name(name)) out.push(FieldValue::of_string(name));
}
// The directory part of a path as sysdig cuts it: no '/' (or only a leading
// one) gives "/".
std::string_view directory_of(std::string_view path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string_view::npos || slash == 0) return "/";
    return path.substr(0, slash);
}

void x_directory(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) {
        // No entry: sysdig cuts whatever fd.name shows (the path a failed open
        // names, or "" which gives "/").
        std::string_view name;
        if (c.state.fd_name(name)) out.push(FieldValue::of_string(directory_of(name)));
        return;
    }
    if (!is_file_like(*e)) return;
    const std::string_view name = e->name.view();
    if (e->type == FdType::Directory) {
        out.push(FieldValue::of_string(name));
        return;
    }
    // A path ending in '/' is kept whole, as sysdig does.
    const size_t slash = name.rfind('/');
    const bool trailing = slash != std::string_view::npos && slash != 0 && slash + 1 == name.size();
    out.push(FieldValue::of_string(trailing ? name : directory_of(name)));
}
void x_filename(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e || e->type != FdType::File) return;
    const std::string_view name = e->name.view();
    // sysdig: no '/' gives "/"; a trailing '/' keeps the whole path.
    const size_t slash = name.rfind('/');
    if (slash == std::string_view::npos) {
        out.push(FieldValue::of_string("/"));
    } else {
        out.push(FieldValue::of_string(slash + 1 < name.size() ? name.substr(slash + 1) : name));
    }
}

template <End kEnd>
void x_ip(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const FdEntry* e = related_fd_entry(c)) push_ip(*e, kEnd, out);
}
// fd.cip.name and its kin: the end's address, with the host name a filter
// resolved to it (host_names.h). Connected sockets only, as in sysdig.
template <End kEnd>
void x_ip_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e || !e->is_ip_socket()) return;
    FieldValues ip;
    push_ip(*e, kEnd, ip);
    if (ip.empty()) return;
    FieldValue v = ip[0];
    v.s = host_name_of(v.ip).value_or(std::string_view());
    out.push(v);
}
template <End kEnd>
void x_port(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const FdEntry* e = related_fd_entry(c)) push_port(*e, kEnd, out);
}
// fd.ip / fd.port / fd.net: either end matches.
void x_any_ip(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    push_ip(*e, End::Client, out, true);
    push_ip(*e, End::Server, out, true);
}
void x_any_port(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    push_port(*e, End::Client, out, true);
    push_port(*e, End::Server, out, true);
}
void x_l4proto(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    const std::string_view name = state::l4proto_name(e->reported_l4proto());
    // sysdig 0.29.3 gives an fd of no known protocol the text "<NA>" as its
    // value: `fd.l4proto exists` holds, `fd.l4proto = '<NA>'` matches, and
    // a -p line without '*' is printed.
    out.push(FieldValue::of_string(name.empty() ? std::string_view("<NA>") : name));
}
void x_sockfamily(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    if (e->is_ip_socket() || e->is_server_socket()) {
        out.push(FieldValue::of_string("ip"));
    } else if (e->type == FdType::Unix) {
        out.push(FieldValue::of_string("unix"));
    }
}
void x_is_server(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    out.push(FieldValue::of_bool(e->is_server_socket() || e->role == SocketRole::Server));
}

void x_connected(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    out.push(FieldValue::of_bool(e->connected));
}

// Whether this event renamed its fd: a value of the event, not of the fd
// entry, so it is a Model field (the frozen contexts cannot tell it).
void x_name_changed(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!related_fd_entry(c)) return;
    out.push(FieldValue::of_bool(c.state.fd_name_changed));
}

// fd.dev and its parts: the device holding a file or directory, as the
// open's exit gave it (the kernel's encoding, major and minor as glibc reads
// it; 0 when the open had no such parameter). sysdig 0.29.3 prints memory
// it never set for other fds and for fds whose open the capture lacks;
// tracetop has none there.
enum class DevPart { Whole, Major, Minor };
template <DevPart kPart>
void x_dev(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e || (e->type != FdType::File && e->type != FdType::Directory) || !e->dev_known) return;
    const uint64_t dev = e->dev;
    switch (kPart) {
        case DevPart::Whole: out.push(FieldValue::of_uint(dev)); break;
        case DevPart::Major: out.push(FieldValue::of_uint(((dev >> 8) & 0xfff) | ((dev >> 32) & ~uint64_t{0xfff}))); break;
        case DevPart::Minor: out.push(FieldValue::of_uint((dev & 0xff) | ((dev >> 12) & ~uint64_t{0xff}))); break;
    }
}

// fd.cproto and its kin: a port as text, as sysdig 0.29.3 prints it without
// name resolution (which it leaves off). Its quirks kept: a socket that is not
// an IP connection but has a role gives "" for the client's, a listening
// socket "" for the server's; where the port itself is <NA>, so is this.
template <End kEnd>
void x_proto(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const FdEntry* e = related_fd_entry(c);
    if (!e) return;
    if (!e->is_ip_socket()) {
        if (kEnd == End::Client && e->role != SocketRole::None) out.push(FieldValue::of_string(""));
        if (kEnd == End::Server && e->is_server_socket()) out.push(FieldValue::of_string(""));
        return;
    }
    if (e->role == SocketRole::None) return;
    FieldValues port;
    push_port(*e, kEnd, port);
    if (port.empty()) return;
    c.scratch->clear();
    fmt::format_to(std::back_inserter(*c.scratch), "{}", port[0].u);
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
}

constexpr FieldDef kFdFields[] = {
    {"fd.num", FieldType::Int64, ArgKind::None, "number of the file descriptor", x_num, FieldDep::Context},
    {"fd.type", FieldType::String, ArgKind::None, "type of fd: file, directory, ipv4, ipv6, unix, pipe, event, ...",
     x_type, FieldDep::Context},
    {"fd.typechar", FieldType::String, ArgKind::None, "type of fd as one letter (f, d, 4, 6, u, p, e, ...)",
     x_typechar, FieldDep::Context},
    {"fd.name", FieldType::String, ArgKind::None, "full name: file path, or connection tuple cip:cport->sip:sport",
     x_name, FieldDep::Context},
    {"fd.directory", FieldType::String, ArgKind::None, "for files, the directory holding it",
     x_directory, FieldDep::Context},
    {"fd.filename", FieldType::String, ArgKind::None, "for files, the file name without its directory",
     x_filename, FieldDep::Context},
    {"fd.ip", FieldType::IpAddr, ArgKind::None, "either end's IP address (matches client or server)",
     x_any_ip, FieldDep::Context},
    {"fd.cip", FieldType::IpAddr, ArgKind::None, "client IP address", x_ip<End::Client>, FieldDep::Context},
    {"fd.sip", FieldType::IpAddr, ArgKind::None, "server IP address", x_ip<End::Server>, FieldDep::Context},
    {"fd.lip", FieldType::IpAddr, ArgKind::None, "local IP address", x_ip<End::Local>, FieldDep::Context},
    {"fd.rip", FieldType::IpAddr, ArgKind::None, "remote IP address", x_ip<End::Remote>, FieldDep::Context},
    {"fd.cip.name", FieldType::HostName, ArgKind::None,
     "host name of the client address, as a filter on it named it (fd.cip.name=example.com)",
     x_ip_name<End::Client>, FieldDep::Context},
    {"fd.sip.name", FieldType::HostName, ArgKind::None, "host name of the server address, as a filter named it",
     x_ip_name<End::Server>, FieldDep::Context},
    {"fd.lip.name", FieldType::HostName, ArgKind::None, "host name of the local address, as a filter named it",
     x_ip_name<End::Local>, FieldDep::Context},
    {"fd.rip.name", FieldType::HostName, ArgKind::None, "host name of the remote address, as a filter named it",
     x_ip_name<End::Remote>, FieldDep::Context},
    {"fd.port", FieldType::Port, ArgKind::None, "either end's port (matches client or server)",
     x_any_port, FieldDep::Context},
    {"fd.cport", FieldType::Port, ArgKind::None, "client port", x_port<End::Client>, FieldDep::Context},
    {"fd.sport", FieldType::Port, ArgKind::None, "server port", x_port<End::Server>, FieldDep::Context},
    {"fd.lport", FieldType::Port, ArgKind::None, "local port", x_port<End::Local>, FieldDep::Context},
    {"fd.rport", FieldType::Port, ArgKind::None, "remote port", x_port<End::Remote>, FieldDep::Context},
    {"fd.l4proto", FieldType::String, ArgKind::None, "IP protocol: tcp, udp, icmp or raw",
     x_l4proto, FieldDep::Context},
    {"fd.sockfamily", FieldType::String, ArgKind::None, "socket family: ip or unix", x_sockfamily, FieldDep::Context},
    {"fd.is_server", FieldType::Bool, ArgKind::None, "true when this process is the server end of the connection",
     x_is_server, FieldDep::Context},
    {"fd.connected", FieldType::Bool, ArgKind::None,
     "true for a socket whose connect succeeded or is under way, that accept returned, or that a read or "
     "write succeeded on", x_connected, FieldDep::Model},
    {"fd.name_changed", FieldType::Bool, ArgKind::None,
     "true when this event changed the name of its fd (open, accept, connect, bind...)", x_name_changed,
     FieldDep::Model},
    {"fd.net", FieldType::IpNet, ArgKind::None, "matches either end's address against a network (fd.net=10.0.0.0/8)",
     x_any_ip, FieldDep::Context},
    {"fd.cnet", FieldType::IpNet, ArgKind::None, "matches the client's address against a network (filters only)",
     x_ip<End::Client>, FieldDep::Context},
    {"fd.snet", FieldType::IpNet, ArgKind::None, "matches the server's address against a network (filters only)",
     x_ip<End::Server>, FieldDep::Context},
    {"fd.lnet", FieldType::IpNet, ArgKind::None, "matches the local address against a network (filters only)",
     x_ip<End::Local>, FieldDep::Context},
    {"fd.rnet", FieldType::IpNet, ArgKind::None, "matches the remote address against a network (filters only)",
     x_ip<End::Remote>, FieldDep::Context},
    {"fd.cproto", FieldType::String, ArgKind::None, "client port as text (sysdig resolves no service names)",
     x_proto<End::Client>, FieldDep::Context},
    {"fd.sproto", FieldType::String, ArgKind::None, "server port as text", x_proto<End::Server>, FieldDep::Context},
    {"fd.lproto", FieldType::String, ArgKind::None, "local port as text", x_proto<End::Local>, FieldDep::Context},
    {"fd.rproto", FieldType::String, ArgKind::None, "remote port as text", x_proto<End::Remote>, FieldDep::Context},
    // sysdig 0.29.3 compares fd.proto exactly as fd.port.
    {"fd.proto", FieldType::Port, ArgKind::None, "either end's port, as fd.port (filters)",
     x_any_port, FieldDep::Context},
    {"fd.dev", FieldType::Hex, ArgKind::None, "device (major and minor) holding the file, in hexadecimal",
     x_dev<DevPart::Whole>, FieldDep::Context},
    {"fd.dev.major", FieldType::Uint64, ArgKind::None, "major number of the device holding the file",
     x_dev<DevPart::Major>, FieldDep::Context},
    {"fd.dev.minor", FieldType::Uint64, ArgKind::None, "minor number of the device holding the file",
     x_dev<DevPart::Minor>, FieldDep::Context},
};

}  // namespace

std::optional<state::FdType> fd_type_of(const FieldContext& c) {
    const FdEntry* e = related_fd_entry(c);
    if (!e || state::fd_type_name(e->type).empty()) return std::nullopt;
    return e->type;
}

std::span<const FieldDef> fd_fields() { return kFdFields; }

}  // namespace tracetop::filter
