// The Lua side of the chisel API as sysdig 0.29.3 defines it: the tables
// `chisel` (request_field, set_filter, set_event_formatter, set_interval_s,
// set_interval_ns, set_precise_interval_ns, exec), `sysdig` (get_machine_info,
// get_thread_table*, is_live, get_filter, end_capture, make_ts, ...) and
// `evt` (field, get_num, get_ts, get_type, get_cpuid).
#pragma once

#include <string>
#include <vector>

struct lua_State;

namespace tracetop::chisel {

struct ChiselHost;

// Registers the three tables in `ls`, bound to `host` (which must outlive
// the state), and puts each of `dirs` on package.path so that chisels
// `require` their shared modules (common.lua, ansiterminal.lua) from there.
void register_chisel_api(lua_State* ls, ChiselHost* host, const std::vector<std::string>& dirs);

}  // namespace tracetop::chisel
