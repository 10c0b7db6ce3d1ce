// The command line, in the sysdig tradition (DESIGN.md §6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/time_range.h"
#include "engine/buffer_print.h"
#include "engine/rotation_names.h"
#include "engine/timestamp_format.h"
#include "event/result.h"
#include "tracetop_shared.h"

namespace tracetop::engine {

struct Options {
    std::optional<std::string> read_file;   // -r: offline from a capture
    std::optional<std::string> write_file;  // -w: record to a capture
    bool print = false;                     // --print: event lines instead of the UI
    bool unbuffered = false;                // --unbuffered: write each printed line at once
    bool explore = false;                   // --explore: the explorer even with -w (records live)
    bool compress = false;                  // -z: gzip the -w file
    bool debug = false;                     // -D: also show internal events
    std::optional<uint64_t> max_events;     // -n: stop after this many events
    std::string format;                     // -p: output format with %field tokens
    std::optional<double> duration_s;       // --duration: stop after this many seconds (live)
    uint32_t snaplen = TRACETOP_DEFAULT_SNAPLEN;      // -s: bytes of I/O buffers captured (live)
    uint32_t buffer_mb = TRACETOP_DEFAULT_BUFFER_MB;  // --buffer-mb: per-CPU ring buffer (live)
    bool context_switches = false;          // --context-switches: also capture sched_switch (live)
    std::string filter;                     // trailing arguments, joined
    std::string view;                       // -v: start view (explorer) or the view --json prints
    bool json = false;                      // --json: print the view as one JSON object
    bool list_views = false;                // --list-views: list the views and exit
    uint32_t delay_ms = 1000;               // -d: explorer refresh interval (live)
    // issue 16 (uilook): what the command line says over the settings file.
    bool delay_given = false;               // -d was given
    std::optional<std::string> scheme;      // --scheme, --color, --no-color: the colour scheme
    // chisels (D): sysdig's Lua chisels. lua14: each -c NAME, in the
    // order given, with the word after NAME that sysdig's rule gives it;
    // they run side by side on the same events instead of printing.
    struct ChiselCall {
        std::string name;
        std::optional<std::string> args;
    };
    std::vector<ChiselCall> chisels;
    // Big captures, time ranges, capture sets (issue 15, part big).
    std::vector<std::string> read_files;    // every -r (read_file is the first): one capture set
    std::optional<TimeSpec> from;           // --from: the first moment of the range
    std::optional<TimeSpec> to;             // --to: the first moment after it
    std::optional<uint64_t> memory_budget_mb;  // --memory-budget: explorer's in-memory copy of a file
    // Part cli2 (issue 14): sysdig's output options.
    TimeFormat time_format = TimeFormat::Human;     // -t h|a|r|d|D: the time column of event lines
    BufferFormat buffer_format = BufferFormat::Dots;  // -A, -x, -X: byte buffers in event lines
    RotationPolicy rotation;                // -C, -e, -G, -W: rotate the -w file
    bool progress = false;                  // -P: progress reading a file, on stderr
    bool summary = false;                   // -S: a table of event counts at the end
    bool quiet = false;                     // -q: print no events (-S still prints its table)
    bool event_json = false;                // -j: events as JSON lines (sysdig's -j; --json is a view's)
    // issue 17 items 1-2 (serve): the OpenMetrics endpoint
    std::optional<std::string> serve;             // --serve [ADDR:]PORT
    std::optional<std::string> serve_token_file;  // --serve-token FILE
    size_t serve_max_processes = 1000;            // --serve-max-processes N
    double serve_grace_s = 30;                    // --serve-grace SECONDS
    // issue 17 items 3-4 (remote): capture on another host through ssh.
    std::optional<std::string> remote;      // --remote [user@]host[:port] (the first one)
    std::vector<std::string> remotes;       // every --remote, in order: several hosts as one capture
    std::string remote_tracetop = "tracetop";  // --remote-tracetop: the program run there
    std::vector<std::string> ssh_options;   // --ssh-option: ssh -o words, in order
    uint32_t remote_connect_timeout_s = 10; // --remote-timeout: ssh's ConnectTimeout
    std::string remote_filter;              // --remote-filter: what the remote side records
    // issue 15 live history (rewind): seconds of live events kept for the strip and rewind (0: none).
    uint32_t history_s = 300;               // --history SECONDS
};

// What parsing decided: run with options, or exit now (after --help,
// --version, or a usage error already printed) with a status.
struct CliOutcome {
    std::optional<Options> options;
    int exit_status = 0;
};

CliOutcome parse_command_line(int argc, const char* const* argv);

}  // namespace tracetop::engine
