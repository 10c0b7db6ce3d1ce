#include "chisel/lua_api.h"

#include <arpa/inet.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include <lua.hpp>

#include "chisel/chisel_fields.h"
#include "chisel/chisel_host.h"
#include "event/arg_format.h"
#include "state/event_codes.h"
#include "state/fd_table.h"

namespace tracetop::chisel {
namespace {

using filter::FieldValue;

ChiselHost& host_of(lua_State* ls) {
    return *static_cast<ChiselHost*>(lua_touserdata(ls, lua_upvalueindex(1)));
}

// An API call that makes sense only inside a running chisel (not while -cl
// reads a chisel's description) stops the script with a message.
ChiselHost& running_host(lua_State* ls, const char* what) {
    ChiselHost& host = host_of(ls);
    if (host.model == nullptr) luaL_error(ls, "%s is not available here", what);
    return host;
}

const filter::FieldContext& current_event(lua_State* ls, const char* what) {
    ChiselHost& host = host_of(ls);
    if (host.event == nullptr) luaL_error(ls, "invalid call to %s outside on_event()", what);
    return *host.event;
}

void set_number(lua_State* ls, const char* key, double value) {
    lua_pushnumber(ls, value);
    lua_setfield(ls, -2, key);
}

void set_string(lua_State* ls, const char* key, std::string_view value) {
    lua_pushlstring(ls, value.data(), value.size());
    lua_setfield(ls, -2, key);
}

// Text read from the traced system (names, paths, arguments) reaches a
// chisel, and so the terminal, with every byte that is not printable ASCII
// shown as '.', as --print shows it. Buffers and raw arguments stay bytes.
void push_clean(lua_State* ls, std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) {
        lua_pushlstring(ls, text.data(), text.size());
        return;
    }
    fmt::memory_buffer clean;
    event::append_sanitized(text, clean);
    lua_pushlstring(ls, clean.data(), clean.size());
}

void set_clean(lua_State* ls, const char* key, std::string_view value) {
    push_clean(ls, value);
    lua_setfield(ls, -2, key);
}

// --- chisel.* ---

int l_request_field(lua_State* ls) {
    ChiselHost& host = host_of(ls);
    const char* name = lua_tostring(ls, 1);
    if (name == nullptr) return luaL_error(ls, "chisel requesting nil field");
    auto bound = resolve_chisel_field(name);
    if (!bound) return luaL_error(ls, "chisel requesting nonexistent field %s: %s", name, bound.error().message.c_str());
    host.fields.push_back(*bound);
    // The handle is the field's position, never a pointer evt.field trusts.
    lua_pushlightuserdata(ls, reinterpret_cast<void*>(static_cast<uintptr_t>(host.fields.size())));
    return 1;
}

// The filter text argument 1 holds, compiled; a Lua error naming the
// chisel when it does not compile. Empty text: nullopt.
std::optional<filter::CompiledFilter> filter_arg(lua_State* ls, ChiselHost& host) {
    const char* text = lua_tostring(ls, 1);
    if (text == nullptr || *text == '\0') return std::nullopt;
    auto compiled = filter::CompiledFilter::compile(text);
    if (!compiled) {
        luaL_error(ls, "invalid filter in chisel %s: %s", host.file.c_str(),
                   filter::describe_filter_error(text, compiled.error()).c_str());
    }
    return std::move(*compiled);
}

int l_set_filter(lua_State* ls) {
    ChiselHost& host = host_of(ls);
    host.filter = filter_arg(ls, host);
    return 0;
}

int l_set_event_formatter(lua_State* ls) {
    ChiselHost& host = host_of(ls);
    const char* text = lua_tostring(ls, 1);
    if (text == nullptr) return 0;
    auto compiled = filter::OutputFormat::compile(text);
    if (!compiled) return luaL_error(ls, "invalid formatter in chisel %s: %s", host.file.c_str(),
                                     compiled.error().message.c_str());
    host.formatter = std::move(*compiled);
    return 0;
}

int l_set_interval_ns(lua_State* ls) {
    host_of(ls).interval_ns = static_cast<uint64_t>(lua_tonumber(ls, 1));
    return 0;
}

int l_set_interval_s(lua_State* ls) {
    host_of(ls).interval_ns = static_cast<uint64_t>(lua_tonumber(ls, 1)) * 1000000000ULL;
    return 0;
}

int l_set_precise_interval_ns(lua_State* ls) {
    host_of(ls).precise_interval_ns = static_cast<uint64_t>(lua_tonumber(ls, 1));
    return 0;
}

int l_exec(lua_State* ls) {
    ChiselHost& host = host_of(ls);
    const char* name = lua_tostring(ls, 1);
    if (name == nullptr) return luaL_error(ls, "invalid exec field name in chisel %s", host.file.c_str());
    host.exec_name = name;
    host.exec_args.clear();
    for (int i = 2; i <= lua_gettop(ls); ++i) {
        const char* arg = lua_tostring(ls, i);
        if (arg == nullptr) break;
        host.exec_args.emplace_back(arg);
    }
    return 0;
}

// --- evt.* ---

// A field's value as sysdig hands it to Lua: numbers as numbers, flags as
// booleans, text and buffers as strings (bytes unchanged), addresses as text.
void push_value(lua_State* ls, const filter::FieldDef& def, const FieldValue& v, fmt::memory_buffer& scratch) {
    switch (v.kind) {
        case FieldValue::Kind::Int: lua_pushnumber(ls, static_cast<double>(v.i)); return;
        case FieldValue::Kind::Uint: lua_pushnumber(ls, static_cast<double>(v.u)); return;
        case FieldValue::Kind::Double: lua_pushnumber(ls, v.d); return;
        case FieldValue::Kind::Bool: lua_pushboolean(ls, v.u != 0); return;
        case FieldValue::Kind::String:
            if (def.type == filter::FieldType::String) {
                push_clean(ls, v.s);
            } else {
                lua_pushlstring(ls, v.s.data(), v.s.size());
            }
            return;
        case FieldValue::Kind::Ip:
            scratch.clear();
            filter::render_value(def, v, scratch);
            lua_pushlstring(ls, scratch.data(), scratch.size());
            return;
    }
}

int l_field(lua_State* ls) {
    ChiselHost& host = host_of(ls);
    const uintptr_t handle = reinterpret_cast<uintptr_t>(lua_touserdata(ls, 1));
    // Outside any event (on_capture_start, on_capture_end) there is nothing to read.
    if (host.event == nullptr || handle == 0 || handle > host.fields.size()) {
        lua_pushnil(ls);
        return 1;
    }
    const filter::BoundField& field = host.fields[handle - 1];
    if (is_buffer_field(field)) {
        const std::string_view raw = raw_buffer(*host.event);
        if (raw.data() == nullptr) {
            lua_pushnil(ls);
            return 1;
        }
        host.scratch.clear();
        if (host.run.print_buffer) {
            host.run.print_buffer(raw, host.scratch);
        } else {
            render_buffer(raw, host.run.buffer_format, host.scratch);
        }
        lua_pushlstring(ls, host.scratch.data(), host.scratch.size());
        return 1;
    }
    filter::FieldValues values;
    field.def->extract(*host.event, field.arg, values);
    if (values.empty()) {
        lua_pushnil(ls);
        return 1;
    }
    push_value(ls, *field.def, values[0], host.scratch);
    return 1;
}

int l_get_num(lua_State* ls) {
    lua_pushnumber(ls, static_cast<double>(current_event(ls, "evt.get_num()").ev.num));
    return 1;
}

int l_get_ts(lua_State* ls) {
    const uint64_t ts = current_event(ls, "evt.get_ts()").ev.ts;
    lua_pushinteger(ls, static_cast<lua_Integer>(static_cast<uint32_t>(ts / 1000000000ULL)));
    lua_pushinteger(ls, static_cast<lua_Integer>(static_cast<uint32_t>(ts % 1000000000ULL)));
    return 2;
}

int l_get_type(lua_State* ls) {
    const filter::FieldContext& ctx = current_event(ls, "evt.get_type()");
    const std::string_view name = event::display_type_name(ctx.ev, ctx.state.enter);
    lua_pushlstring(ls, name.data(), name.size());
    return 1;
}

int l_get_cpuid(lua_State* ls) {
    lua_pushinteger(ls, current_event(ls, "evt.get_cpuid()").ev.cpu);
    return 1;
}

// --- sysdig.* ---

int l_global_filter(lua_State* ls) {
    ChiselHost& host = host_of(ls);
    if (filter_arg(ls, host)) host.global_filter = lua_tostring(ls, 1);
    return 0;
}

int l_set_snaplen(lua_State* ls) {
    const lua_Integer n = lua_tointeger(ls, 1);
    if (n > 0) host_of(ls).snaplen = static_cast<uint32_t>(n);
    return 0;
}

int l_set_output_format(lua_State* ls) {
    const char* text = lua_tostring(ls, 1);
    const std::string_view f = text ? text : "";
    for (const char* known : {"normal", "json", "simple", "hex", "hexascii", "ascii", "base64", "jsonbase64"}) {
        if (f == known) {
            host_of(ls).run.output_format = f == "json" ? "json" : "normal";
            host_of(ls).run.buffer_format = std::string(f);
            return 0;
        }
    }
    return luaL_error(ls, "invalid set_output_format value in chisel %s", host_of(ls).file.c_str());
}

int l_ignore(lua_State*) { return 0; }

int l_is_live(lua_State* ls) {
    lua_pushboolean(ls, host_of(ls).run.live);
    return 1;
}

int l_is_tty(lua_State* ls) {
    lua_pushboolean(ls, isatty(STDOUT_FILENO));
    return 1;
}

int l_get_terminal_info(lua_State* ls) {
    winsize w{};
    const bool known = ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) != -1;
    lua_newtable(ls);
    set_number(ls, "width", known ? w.ws_col : -1);
    set_number(ls, "height", known ? w.ws_row : -1);
    return 1;
}

void push_string(lua_State* ls, std::string_view s) { lua_pushlstring(ls, s.data(), s.size()); }

int l_get_filter(lua_State* ls) {
    push_string(ls, host_of(ls).run.filter);
    return 1;
}

int l_get_machine_info(lua_State* ls) {
    const ChiselHost& host = host_of(ls);
    if (!host.run.machine) {
        return luaL_error(ls, "get_machine_info can only be called from the on_capture_start callback");
    }
    const event::MachineInfo& m = *host.run.machine;
    lua_newtable(ls);
    set_number(ls, "num_cpus", m.num_cpus);
    set_number(ls, "memory_size_bytes", static_cast<double>(m.memory_bytes));
    set_number(ls, "max_pid", static_cast<double>(m.max_pid));
    set_string(ls, "hostname", m.hostname);
    return 1;
}

// One fd as sysdig's thread table shows it: name and type, and for IP
// sockets both ends, the protocol and whether this process serves it.
void push_fd(lua_State* ls, const state::FdEntry& fd, bool barebone, std::string& text) {
    lua_newtable(ls);
    if (!barebone) {
        // sysdig leaves out what is not printable (a unix socket's NUL).
        text.clear();
        for (const char c : fd.name.view()) {
            if (c >= 0x20 && c < 0x7f) text += c;
        }
        set_string(ls, "name", text);
        const std::string_view type = state::fd_type_name(fd.type);
        set_string(ls, "type", type.empty() ? std::string_view("<NA>") : type);
    }
    if (!fd.is_ip_socket() && !fd.is_server_socket()) return;
    const bool v6 = fd.type == state::FdType::Ipv6Socket || fd.type == state::FdType::Ipv6Server;
    const int af = v6 ? AF_INET6 : AF_INET;
    char sip[INET6_ADDRSTRLEN] = "<NA>";
    char cip[INET6_ADDRSTRLEN] = "<NA>";
    if (fd.is_server_socket()) {
        inet_ntop(af, fd.socket.sip.data(), sip, sizeof sip);
        set_string(ls, "sip", sip);
        set_number(ls, "sport", fd.socket.sport);
        lua_pushboolean(ls, 1);
        lua_setfield(ls, -2, "is_server");
    } else {
        // The tuple reads source (client) first, as sysdig stores it.
        inet_ntop(af, fd.socket.sip.data(), cip, sizeof cip);
        inet_ntop(af, fd.socket.dip.data(), sip, sizeof sip);
        set_string(ls, "cip", cip);
        set_string(ls, "sip", sip);
        set_number(ls, "cport", fd.socket.sport);
        set_number(ls, "sport", fd.socket.dport);
        lua_pushboolean(ls, fd.role == state::SocketRole::Server);
        lua_setfield(ls, -2, "is_server");
    }
    const std::string_view l4 = state::l4proto_name(fd.reported_l4proto());
    set_string(ls, "l4proto", l4.empty() ? std::string_view("<NA>") : l4);
}

// NUL-separated items as an array.
void push_items(lua_State* ls, std::string_view items) {
    lua_newtable(ls);
    int n = 0;
    while (!items.empty()) {
        const size_t end = items.find('\0');
        push_clean(ls, items.substr(0, end));
        lua_rawseti(ls, -2, ++n);
        if (end == std::string_view::npos) break;
        items.remove_prefix(end + 1);
    }
}

// sysdig.get_thread_table(filter): by tid, each thread with its fds; with a
// filter, only the fds it accepts (tested as if each fd were read), and only
// threads with at least one.
int thread_table(lua_State* ls, bool with_fds, bool barebone) {
    ChiselHost& host = running_host(ls, "sysdig.get_thread_table()");
    std::optional<filter::CompiledFilter> fd_filter;
    if (const char* text = lua_tostring(ls, 1); text != nullptr && *text != '\0') {
        auto compiled = filter::CompiledFilter::compile(text);
        if (!compiled) {
            return luaL_error(ls, "invalid filter argument for get_thread_table in chisel %s: %s", host.file.c_str(),
                              compiled.error().message.c_str());
        }
        fd_filter = std::move(*compiled);
    }
    const state::Model& model = *host.model;
    // A read exit without parameters stands for "this fd in use".
    event::EventView probe;
    probe.ts = host.last_ts;
    probe.type = state::codes::kReadX;
    fmt::memory_buffer scratch;
    const auto accepts = [&](const state::ThreadInfo& t, state::Fd fd, const state::FdEntry& entry) {
        if (!fd_filter) return true;
        probe.tid = static_cast<uint64_t>(t.tid);
        state::EventContext ctx;
        ctx.thread = &t;
        ctx.main_thread = model.main_thread_of(t);
        ctx.thread_known = true;
        ctx.fd_related = true;
        ctx.fd = fd;
        ctx.fd_entry = &entry;
        const filter::FieldContext fields{probe, ctx, model, nullptr, &scratch, host.first_ts};
        return fd_filter->matches(fields);
    };
    std::string text;
    lua_newtable(ls);
    for (const auto& [tid, thread] : model.threads().threads()) {
        const state::ThreadInfo& t = *thread;
        const state::FdTable* fds = t.fds.get();
        if (fds == nullptr) continue;
        if (fd_filter) {
            bool any = false;
            for (const auto& [fd, entry] : fds->entries()) {
                if (accepts(t, fd, entry)) {
                    any = true;
                    break;
                }
            }
            if (!any) continue;
        }
        lua_newtable(ls);
        set_number(ls, "tid", static_cast<uint32_t>(t.tid));
        set_number(ls, "pid", static_cast<uint32_t>(t.pid));
        if (!barebone) {
            set_number(ls, "ptid", static_cast<uint32_t>(t.ptid));
            set_clean(ls, "comm", t.comm.view());
            set_clean(ls, "exe", t.exe.view());
            set_number(ls, "flags", t.flags);
            set_number(ls, "fdlimit", static_cast<uint32_t>(t.fdlimit));
            set_number(ls, "uid", t.uid);
            set_number(ls, "gid", t.gid);
            set_number(ls, "nchilds", t.nchilds);
            set_number(ls, "vmsize_kb", t.vmsize_kb);
            set_number(ls, "vmrss_kb", t.vmrss_kb);
            set_number(ls, "vmswap_kb", t.vmswap_kb);
            set_number(ls, "pfmajor", static_cast<uint32_t>(t.pfmajor));
            set_number(ls, "pfminor", static_cast<uint32_t>(t.pfminor));
            set_string(ls, "clone_ts", std::to_string(t.clone_ts));
            const event::UserRecord* user = model.user(t.uid);
            set_clean(ls, "username", user ? std::string_view(user->name) : std::string_view(""));
            push_items(ls, t.args.view());
            lua_setfield(ls, -2, "args");
            const state::ThreadInfo* main = model.main_thread_of(t);
            push_items(ls, (main ? main : &t)->env.view());
            lua_setfield(ls, -2, "env");
        }
        lua_newtable(ls);
        if (with_fds) {
            for (const auto& [fd, entry] : fds->entries()) {
                if (!accepts(t, fd, entry)) continue;
                push_fd(ls, entry, barebone, text);
                lua_rawseti(ls, -2, static_cast<int>(static_cast<uint32_t>(fd)));
            }
        }
        lua_setfield(ls, -2, "fdtable");
        lua_rawseti(ls, -2, static_cast<int>(static_cast<uint32_t>(t.tid)));
    }
    return 1;
}

int l_thread_table(lua_State* ls) { return thread_table(ls, true, false); }
int l_thread_table_nofds(lua_State* ls) { return thread_table(ls, false, false); }
int l_thread_table_barebone(lua_State* ls) { return thread_table(ls, true, true); }
int l_thread_table_barebone_nofds(lua_State* ls) { return thread_table(ls, false, true); }

// Containers are not modelled yet: an empty table, as sysdig gives on a
// machine without containers.
int l_container_table(lua_State* ls) {
    lua_newtable(ls);
    return 1;
}

int l_is_print_container_data(lua_State* ls) {
    lua_pushboolean(ls, host_of(ls).run.print_container);
    return 1;
}

int l_get_output_format(lua_State* ls) {
    push_string(ls, host_of(ls).run.output_format);
    return 1;
}

int l_get_evtsource_name(lua_State* ls) {
    const ChiselHost& host = host_of(ls);
    push_string(ls, host.run.live ? std::string_view() : std::string_view(host.run.source_name));
    return 1;
}

int l_get_firstevent_ts(lua_State* ls) {
    lua_pushstring(ls, std::to_string(host_of(ls).first_ts).c_str());
    return 1;
}

int l_get_lastevent_ts(lua_State* ls) {
    lua_pushstring(ls, std::to_string(host_of(ls).last_ts).c_str());
    return 1;
}

// Timestamps travel as decimal strings: a double cannot hold nanoseconds.
uint64_t ts_arg(lua_State* ls, int index) {
    const char* text = lua_tostring(ls, index);
    return text ? std::strtoull(text, nullptr, 10) : 0;
}

int l_make_ts(lua_State* ls) {
    const auto s = static_cast<uint32_t>(lua_tointeger(ls, 1));
    const auto ns = static_cast<uint32_t>(lua_tointeger(ls, 2));
    lua_pushstring(ls, std::to_string(static_cast<uint64_t>(s) * 1000000000ULL + ns).c_str());
    return 1;
}

int l_add_ts(lua_State* ls) {
    lua_pushstring(ls, std::to_string(ts_arg(ls, 1) + ts_arg(ls, 2)).c_str());
    return 1;
}

int l_subtract_ts(lua_State* ls) {
    lua_pushstring(ls, std::to_string(ts_arg(ls, 1) - ts_arg(ls, 2)).c_str());
    return 1;
}

int l_end_capture(lua_State* ls) {
    host_of(ls).end_capture = true;
    return 0;
}

int l_log(lua_State* ls) {
    const char* text = lua_tostring(ls, 1);
    if (text != nullptr) std::fprintf(stderr, "%s\n", text);
    return 0;
}

int l_get_read_progress(lua_State* ls) {
    const ChiselHost& host = host_of(ls);
    lua_pushnumber(ls, host.run.read_progress ? host.run.read_progress() : 0.0);
    return 1;
}

int l_run_app(lua_State* ls) {
    const char* args = lua_tostring(ls, 1);
    if (args == nullptr) return luaL_error(ls, "sysdig.run_app needs the arguments of the next run");
    host_of(ls).run_again = args;
    return 0;
}

struct Entry {
    const char* name;
    lua_CFunction fn;
};

constexpr Entry kChiselTable[] = {
    {"request_field", l_request_field},
    {"set_filter", l_set_filter},
    {"set_event_formatter", l_set_event_formatter},
    {"set_interval_ns", l_set_interval_ns},
    {"set_interval_s", l_set_interval_s},
    {"set_precise_interval_ns", l_set_precise_interval_ns},
    {"exec", l_exec},
};

constexpr Entry kEvtTable[] = {
    {"field", l_field}, {"get_num", l_get_num}, {"get_ts", l_get_ts}, {"get_type", l_get_type},
    {"get_cpuid", l_get_cpuid},
};

// set_fatfile_dump_mode, udp_* and push_metric do nothing here: fat files
// and metrics are sysdig's own machinery. run_app runs tracetop again once
// this run has ended (engine/run_again.h).
constexpr Entry kSysdigTable[] = {
    {"set_filter", l_global_filter},
    {"set_snaplen", l_set_snaplen},
    {"set_output_format", l_set_output_format},
    {"set_fatfile_dump_mode", l_ignore},
    {"is_live", l_is_live},
    {"is_tty", l_is_tty},
    {"get_terminal_info", l_get_terminal_info},
    {"get_filter", l_get_filter},
    {"get_machine_info", l_get_machine_info},
    {"get_thread_table", l_thread_table},
    {"get_thread_table_nofds", l_thread_table_nofds},
    {"get_thread_table_barebone", l_thread_table_barebone},
    {"get_thread_table_barebone_nofds", l_thread_table_barebone_nofds},
    {"get_container_table", l_container_table},
    {"is_print_container_data", l_is_print_container_data},
    {"get_output_format", l_get_output_format},
    {"get_evtsource_name", l_get_evtsource_name},
    {"get_firstevent_ts", l_get_firstevent_ts},
    {"get_lastevent_ts", l_get_lastevent_ts},
    {"make_ts", l_make_ts},
    {"add_ts", l_add_ts},
    {"subtract_ts", l_subtract_ts},
    {"run_app", l_run_app},
    {"end_capture", l_end_capture},
    {"log", l_log},
    {"udp_setpeername", l_ignore},
    {"udp_send", l_ignore},
    {"get_read_progress", l_get_read_progress},
    {"push_metric", l_ignore},
};

template <size_t N>
void register_table(lua_State* ls, const char* name, const Entry (&entries)[N], ChiselHost* host) {
    lua_newtable(ls);
    for (const Entry& e : entries) {
        lua_pushlightuserdata(ls, host);
        lua_pushcclosure(ls, e.fn, 1);
        lua_setfield(ls, -2, e.name);
    }
    lua_setglobal(ls, name);
}

}  // namespace

void register_chisel_api(lua_State* ls, ChiselHost* host, const std::vector<std::string>& dirs) {
    register_table(ls, "chisel", kChiselTable, host);
    register_table(ls, "evt", kEvtTable, host);
    register_table(ls, "sysdig", kSysdigTable, host);
    lua_getglobal(ls, "package");
    lua_getfield(ls, -1, "path");
    std::string path = lua_tostring(ls, -1) ? lua_tostring(ls, -1) : "";
    lua_pop(ls, 1);
    for (const std::string& dir : dirs) path += ";" + dir + "?.lua";
    lua_pushlstring(ls, path.data(), path.size());
    lua_setfield(ls, -2, "path");
    lua_pop(ls, 1);
}

}  // namespace tracetop::chisel
