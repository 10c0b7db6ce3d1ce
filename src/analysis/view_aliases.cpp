#include "analysis/view_aliases.h"

#include <utility>

namespace tracetop::analysis {
namespace {

// csysdig id -> tracetop id. Only pairs that show the same thing: a csysdig
// view with no tracetop counterpart loads from its own v_*.lua instead.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"io_by_type", "io_types"},                // I/O by fd type
    {"sports", "server_ports"},                // traffic per server port
    {"procs_errors", "proc_errors"},           // errors per process, by class
    {"spy_users", "commands"},                 // commands users execute
    {"syscall_procs", "syscall_callers"},      // processes calling the syscalls in scope
    {"procs_cpu", "procs"},                    // processes by CPU use
};

}  // namespace

std::string_view view_for_csysdig_id(std::string_view csysdig_id) {
    for (const auto& [theirs, ours] : kAliases) {
        if (theirs == csysdig_id) return ours;
    }
    return {};
}

std::vector<std::string_view> csysdig_ids_of(std::string_view view_id) {
    std::vector<std::string_view> ids;
    for (const auto& [theirs, ours] : kAliases) {
        if (ours == view_id) ids.push_back(theirs);
    }
    return ids;
}

}  // namespace tracetop::analysis
