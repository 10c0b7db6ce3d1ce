#include "engine/event_recorder.h"

#include <cstdio>
#include <ctime>

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
    rec->rotation_ = options.rotation;
    if (!rec->rotation_.active()) {
        auto created = capture::ScapWriter::create(rec->path_, header, capture::WriterOptions{options.compress});
        if (!created) return created.error();
        rec->writer_ = std::move(*created);
        return rec;
    }
    // The first file is opened at once so that a bad destination is refused
    // before anything runs; named by the time now (-G) until an event comes.
    rec->base_path_ = rec->path_;
    rec->header_ = header;
    rec->compress_ = options.compress;
    const auto now = static_cast<uint64_t>(std::time(nullptr)) * 1000000000ULL;
    if (auto failed = rec->open_file(now)) return *failed;
    return rec;
}

std::optional<Error> EventRecorder::open_file(uint64_t ts_ns) {
    path_ = rotated_file_name(base_path_, rotation_, files_opened_, ts_ns);
    auto created = capture::ScapWriter::create(path_, header_, capture::WriterOptions{compress_});
    if (!created) return created.error();
    writer_ = std::move(*created);
    ++files_opened_;
    fill_ = {0, 0, ts_ns};
    return std::nullopt;
}

bool EventRecorder::due_for_next_file(const event::EventView& ev) const {
    if (!rotation_.active() || fill_.events == 0) return false;
    if (rotation_.max_events && fill_.events >= rotation_.max_events) return true;
    if (rotation_.max_bytes && fill_.bytes >= rotation_.max_bytes) return true;
    return rotation_.max_seconds && ev.ts >= fill_.start_ts + rotation_.max_seconds * 1000000000ULL;
}

void EventRecorder::write(const event::EventView& ev) {
    if (finished_ || rotation_error_) return;
    if (fill_.events == 0 && files_opened_ == 1 && rotation_.max_seconds) {
        // The first file was opened before any event: its time is the first
        // event's (capture time, which from -r is not now), and so is its name.
        fill_.start_ts = ev.ts;
        const std::string named = rotated_file_name(base_path_, rotation_, 0, ev.ts);
        if (named != path_ && std::rename(path_.c_str(), named.c_str()) == 0) path_ = named;
    }
    if (due_for_next_file(ev)) {
        if (rotation_exhausted(base_path_, rotation_, files_opened_)) {
            finished_ = true;
            return;
        }
        auto closed = writer_->close();
        if (!closed) {
            rotation_error_ = closed.error();
            return;
        }
        earlier_files_events_ += closed.value();
        if (auto failed = open_file(ev.ts)) {
            rotation_error_ = failed;
            return;
        }
    }
    writer_->write(ev);
    ++fill_.events;
    // The size -C measures: the event blocks written, uncompressed.
    uint64_t bytes = event::kEventHeaderV2Size + 12;
    for (uint32_t i = 0; i < ev.nparams(); ++i) bytes += 2 + ev.param_len(i);
    fill_.bytes += bytes;
}

Result<uint64_t> EventRecorder::close() {
    if (rotation_error_) return *rotation_error_;
    auto closed = writer_->close();
    if (!closed) return closed;
    return earlier_files_events_ + closed.value();
}

void EventRecorder::offer(const filter::FieldContext& fields) {
    if (writer_->failed()) return;
    if (filter_ && !(shown_by_default(fields.ev, debug_) && passes_filter(*filter_, fields, debug_))) {
        // Container records (ctrlive, issue 13): what names the containers of
        // the events kept; sysdig -w keeps such state events the filter
        // rejects as state-only records, so do we.
        // issue 17 (remote): a reader of a stream (-w -) has the header only
        // once an event block follows it, so the first event goes out
        // state-only, lest a filter that matches nothing yet hold it back.
        const bool opens_stream = path_ == "-" && writer_->events_written() == 0;
        if (!event::is_initial_state(fields.ev.type) && !opens_stream) return;
        event::EventView state_only = fields.ev;
        state_only.block_flags |= event::kEventFlagStateOnly;
        write(state_only);
        return;
    }
    write(fields.ev);
}

std::optional<std::string> EventRecorder::problem() const {
    if (rotation_error_) return fmt::format("recording stopped: {}", rotation_error_->message);
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
