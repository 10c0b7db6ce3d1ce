#include "engine/event_recorder.h"

#include <fmt/format.h>

#include "engine/event_line.h"
#include "engine/source_factory.h"
#include "event/event_table.h"

namespace tracetop::engine {

bool passes_filter(const filter::CompiledFilter& filter, const filter::FieldContext& fields, bool debug) {
    return (debug && event::is_internal(fields.ev.type)) || filter.matches(fields);
}

Result<std::unique_ptr<EventRecorder>> EventRecorder::create(const Options& options,
                                                             const event::CaptureHeader& header) {
    std::unique_ptr<EventRecorder> rec(new EventRecorder());
    rec->path_ = options.write_file.value_or("");
    rec->debug_ = options.debug;
    if (!options.filter.empty()) {
        auto compiled = filter::CompiledFilter::compile(options.filter);
        if (!compiled) return Error(filter::describe_filter_error(options.filter, compiled.error()));
        rec->filter_ = std::move(*compiled);
    }
    auto created = capture::ScapWriter::create(rec->path_, header, capture::WriterOptions{options.compress});
    if (!created) return created.error();
    rec->writer_ = std::move(*created);
    return rec;
}

void EventRecorder::offer(const filter::FieldContext& fields) {
    if (writer_->failed()) return;
    if (filter_ && !(shown_by_default(fields.ev, debug_) && passes_filter(*filter_, fields, debug_))) {
        // Container records (ctrlive, issue 13): what names the containers of
        // the events kept; sysdig -w keeps such state events the filter
        // rejects as state-only records, so do we.
        if (!event::is_never_shown(fields.ev.type)) return;
        event::EventView state_only = fields.ev;
        state_only.block_flags |= event::kEventFlagStateOnly;
        writer_->write(state_only);
        return;
    }
    writer_->write(fields.ev);
}

std::optional<std::string> EventRecorder::problem() const {
    if (!writer_->failed()) return std::nullopt;
    return fmt::format("recording stopped: {}", writer_->error().value_or(Error("write failed")).message);
}

int report_recording(const Options& options, const std::optional<RecordingEnd>& recorded) {
    if (!recorded || !options.write_file) return 0;
    const std::string& path = *options.write_file;
    if (!recorded->written) {
        report_error(path, recorded->written.error());
        return 1;
    }
    const uint64_t written = recorded->written.value();
    // Drops are always said (DESIGN.md §3): the file lacks those events.
    const std::string drops =
        recorded->drops > 0 ? fmt::format("; {} events dropped while recording", recorded->drops) : "";
    if (written == 0) {
        // A header without events: readers refuse such a file (ScapWriter).
        fmt::print(stderr, "tracetop: {}: no event recorded{}{}\n", path,
                   options.filter.empty() ? "" : " (none matched the filter)", drops);
    } else {
        fmt::print(stderr, "tracetop: {}: {} events recorded{}\n", path, written, drops);
    }
    return 0;
}

}  // namespace tracetop::engine
