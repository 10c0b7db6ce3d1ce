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
#include "engine/rotation_names.h"
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
    void record(const event::EventView& ev) { write(ev); }

    // Sends what is buffered on (a stream, -w -: issue 17, remote).
    void flush() { writer_->flush(); }

    // Set once a write failed (a full disk): recording has stopped, and the
    // file keeps what was written before (ScapWriter).
    std::optional<std::string> problem() const;

    // Completes the file; the number of events it holds (all files' with
    // rotation), or why it failed.
    Result<uint64_t> close();
    const std::string& path() const { return path_; }

    // With -G -W and a time format: the last file is complete, stop.
    bool finished() const { return finished_; }

private:
    EventRecorder() = default;

    // Writes `ev`, first moving to the next file when the rotation says so.
    void write(const event::EventView& ev);
    bool due_for_next_file(const event::EventView& ev) const;
    std::optional<Error> open_file(uint64_t ts_ns);

    std::string path_;
    // Rotation (-C, -e, -G, -W): each file starts with the capture's header
    // blocks, as the first one.
    std::string base_path_;
    RotationPolicy rotation_;
    event::CaptureHeader header_;
    bool compress_ = false;
    uint64_t files_opened_ = 0;
    uint64_t earlier_files_events_ = 0;  // what the closed files hold
    // The open file: what -e, -C and -G measure.
    struct FileFill {
        uint64_t events = 0, bytes = 0, start_ts = 0;
    } fill_;
    std::optional<Error> rotation_error_;
    bool finished_ = false;
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
