// A capture read from another program's standard output (issue 17, remote):
// the program (ssh running tracetop -w - elsewhere) writes a scap stream, a
// reader thread parses it, and next() hands the events on with the Idle
// ticks of a live source, so a quiet stream never freezes the caller.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "capture/source.h"

namespace tracetop::capture {

// A ProcessSource as the merge of several hosts sees it (issue 17 items
// 3-4): next() with the wait bounded by the caller, so one quiet host never
// holds up the others.
class StreamSource : public Source {
public:
    // As next(), but waits at most `wait` for an event (0: takes only what
    // is queued) and then says Idle.
    virtual ReadStatus next_within(event::EventView& out, std::chrono::milliseconds wait) = 0;
};

// Starts argv[0] (looked up in PATH) with standard input on /dev/null and
// reads its output until the header blocks are in. `name` (the host) starts
// every error. When the program writes no capture (it failed), the error is
// one line: the last line the program wrote on standard error, or how it
// ended. The program is stopped (SIGTERM, then SIGKILL) by stop_producing()
// and when the source is destroyed.
// The program's lines "tracetop: drops: N" on standard error (the remote
// tracetop's ring drops, see batch_run) set stats().drops.
Result<std::unique_ptr<StreamSource>> open_process_source(const std::vector<std::string>& argv, const std::string& name);

// The line of `stderr_text` that says best why the program failed: the last
// one starting "tracetop:" (the remote tracetop's own message), else the last
// non-empty one; control characters replaced, at most 300 bytes.
std::string summarise_stderr(const std::string& stderr_text);

// The count of a "tracetop: drops: N" line, or nullopt for any other line.
std::optional<uint64_t> parse_drops_line(std::string_view line);

}  // namespace tracetop::capture
