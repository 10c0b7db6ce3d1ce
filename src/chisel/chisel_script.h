// One chisel running: its Lua state, the host its callbacks talk to, and
// sysdig's order of calls — on_set_arg per argument, on_init (which may
// chisel.exec() into another chisel), on_capture_start, then per event the
// interval check, the chisel's filter, on_event and its formatter, and at
// the end on_capture_end.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chisel/chisel_desc.h"
#include "chisel/chisel_host.h"
#include "event/result.h"
#include "filter/field_context.h"

namespace tracetop::chisel {

class ChiselScript {
public:
    // Finds `name` in `dirs` (chisel_dirs.h) and runs the file.
    static Result<std::unique_ptr<ChiselScript>> load(std::string_view name, std::vector<std::string> dirs,
                                                      RunInfo run);

    const ChiselDesc& desc() const { return desc_; }
    ChiselHost& host() { return host_; }

    // The argument string from the command line, split as sysdig splits it.
    Result<bool> set_args(std::string_view text);
    Result<bool> set_args(const std::vector<std::string>& values);

    Result<bool> init();
    Result<bool> capture_start(const state::Model& model);

    // Every event of the run, before the run's own filter: intervals follow
    // the capture's clock even while nothing passes. on_interval reads the
    // event that crossed the boundary (sysdig's current event).
    Result<bool> tick(const filter::FieldContext& ctx);
    // An event that passed the run's filter (after tick). Appends what the
    // chisel's formatter prints to `out`.
    Result<bool> on_event(const filter::FieldContext& ctx, fmt::memory_buffer& out);
    // Whether the chisel asked to end the capture (sysdig.end_capture).
    bool wants_end() const { return host_.end_capture; }

    Result<bool> capture_end();

private:
    ChiselScript() = default;
    Result<bool> open(std::string_view name);
    // on_interval(seconds, nanoseconds, delta); false from it ends the run.
    Result<bool> call_on_interval(uint64_t ts, double delta);
    // Calls global `name` without arguments when the script defines it:
    // nullopt when it does not; else whether it returned a boolean, and which.
    struct Returned {
        bool boolean = false;
        bool value = false;
    };
    Result<std::optional<Returned>> call_if_defined(const char* name, const std::string& error_prefix);

    std::vector<std::string> dirs_;
    ChiselHost host_;
    LuaPtr ls_;
    ChiselDesc desc_;
    std::vector<std::string> arg_values_;  // kept for chisel.exec
    bool has_on_event_ = false;
    bool first_event_ = true;
    uint64_t interval_sample_ = 0;
    uint64_t interval_last_ts_ = 0;
};

}  // namespace tracetop::chisel
