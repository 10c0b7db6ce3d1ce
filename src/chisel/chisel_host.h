// What a running chisel's Lua callbacks read and change: the run it is part
// of, the event being delivered, and the requests it made (filter, fields,
// interval, formatter, end of capture, a chisel to exec into). One per Lua
// state; the state holds a pointer to it (lua_api.cpp).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "event/header_records.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"
#include "filter/output_format.h"
#include "state/model.h"

namespace tracetop::chisel {

// The run as sysdig.* reports it; filled by the engine before on_init.
struct RunInfo {
    bool live = false;
    std::string source_name;  // the capture file; "" live (sysdig.get_evtsource_name)
    std::string filter;       // the command line's filter (sysdig.get_filter)
    std::optional<event::MachineInfo> machine;
    bool print_container = false;  // -pc
    std::string output_format = "normal";  // sysdig.get_output_format: normal or json
    std::string buffer_format = "normal";  // how buffers reach chisels (sysdig.set_output_format)
    // syscalltype (issue 14): prints a buffer's bytes in the run's format
    // when that is not normal: the command line's -A/-x/-X/-b, else the
    // chisels' set_output_format. The engine sets it; evt.field and the
    // event formatter use it alike, as sysdig's one buffer format. Unset:
    // render_buffer (chisel_fields.h).
    std::function<void(std::string_view raw, fmt::memory_buffer& out)> print_buffer;
    // How much of the capture file has been read, in percent (0 live, on
    // standard input, or unset), for sysdig.get_read_progress.
    std::function<double()> read_progress;
};

struct ChiselHost {
    RunInfo run;
    std::string file;  // the chisel's file, for messages

    // Set while the engine calls into the chisel.
    const state::Model* model = nullptr;
    const filter::FieldContext* event = nullptr;  // during on_event
    fmt::memory_buffer scratch;                   // text of fields evt.field renders

    // Requests.
    std::deque<filter::BoundField> fields;  // chisel.request_field handles index this
    std::optional<filter::CompiledFilter> filter;
    std::optional<filter::OutputFormat> formatter;
    uint64_t interval_ns = 0;
    uint64_t precise_interval_ns = 0;
    bool end_capture = false;
    std::optional<std::string> exec_name;  // chisel.exec
    std::vector<std::string> exec_args;
    std::optional<uint32_t> snaplen;          // sysdig.set_snaplen (live)
    std::optional<std::string> global_filter;  // sysdig.set_filter
    std::optional<std::string> run_again;      // sysdig.run_app: the next run's arguments

    // Times of the run so far (sysdig.get_firstevent_ts/get_lastevent_ts).
    uint64_t first_ts = 0;
    uint64_t last_ts = 0;
};

}  // namespace tracetop::chisel
