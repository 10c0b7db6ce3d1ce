// The -w file, of the batch modes and of the explorer (live, --explore):
// every event read, or with a filter on the command line only the events
// `--print -D` would print with it (DESIGN.md §1: the drain feeds the
// writer): as sysdig -w, internal events past the filter.
// The filter is the one given at start: filters typed in the explorer change
// what the views show, not what is being recorded.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "capture/scap_writer.h"
#include "engine/cli_options.h"
#include "event/header_records.h"
#include "event/result.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"

namespace tracetop::engine {

// Whether an event shown by default (or with -D) passes `filter` as it
// passes sysdig's: sysdig lets internal events (procinfo) past its filter
// when it shows them (-D), and its -w records them so with or without -D.
bool passes_filter(const filter::CompiledFilter& filter, const filter::FieldContext& fields, bool debug);

class EventRecorder {
public:
    // Creates options.write_file (-z: gzip) with `header` as its header
    // blocks. A destination that cannot be written is refused here, before
    // anything is drawn; so is a filter that does not compile.
    static Result<std::unique_ptr<EventRecorder>> create(const Options& options, const event::CaptureHeader& header);

    // One event, after the model has seen it (the filter asks the model).
    void offer(const filter::FieldContext& fields);

    // Without a filter every event is recorded, and the model need not see
    // it first: a plain recording records through record().
    bool filtered() const { return filter_.has_value(); }
    void record(const event::EventView& ev) { writer_->write(ev); }

    // Set once a write failed (a full disk): recording has stopped, and the
    // file keeps what was written before (ScapWriter).
    std::optional<std::string> problem() const;

    // Completes the file; the number of events it holds, or why it failed.
    Result<uint64_t> close() { return writer_->close(); }
    const std::string& path() const { return path_; }

private:
    EventRecorder() = default;

    std::string path_;
    std::unique_ptr<capture::ScapWriter> writer_;
    std::optional<filter::CompiledFilter> filter_;
    bool debug_ = false;
};

// How a recording ended: the events the file holds, or why it is
// incomplete; and the events the kernel dropped meanwhile (full rings).
struct RecordingEnd {
    Result<uint64_t> written;
    uint64_t drops = 0;
};

// Says on standard error what became of the explorer's recording (nothing
// when there was none) and returns the exit status: 1 if the file is
// incomplete (a full disk), else 0.
int report_recording(const Options& options, const std::optional<RecordingEnd>& recorded);

}  // namespace tracetop::engine
