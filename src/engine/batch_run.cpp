#include "engine/batch_run.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "engine/event_line.h"
#include "engine/output_sink.h"
#include "engine/signal_stop.h"

namespace tracetop::engine {
namespace {

void report_error(const std::string& file, const Error& err) {
    if (err.offset) {
        fmt::print(stderr, "tracetop: {}: {} (at byte offset {})\n", file, err.message, *err.offset);
    } else {
        fmt::print(stderr, "tracetop: {}: {}\n", file, err.message);
    }
}

bool shown_by_default(const event::EventView& ev, bool debug) {
    if (event::is_never_shown(ev.type)) return false;
    if (ev.block_flags & event::kEventFlagStateOnly) return false;
    return debug || !event::is_internal(ev.type);
}

}  // namespace

int run_batch(const Options& options) {
    if (!options.read_file) {
        fmt::print(stderr, "tracetop: live capture is not available in this build yet; read a capture with -r FILE\n");
        return 2;
    }
    const std::string& in_path = *options.read_file;
    auto opened = capture::ScapReader::open(in_path);
    if (!opened) {
        report_error(in_path, opened.error());
        return 1;
    }
    capture::ScapReader& reader = **opened;

    std::unique_ptr<capture::ScapWriter> writer;
    if (options.write_file) {
        auto created = capture::ScapWriter::create(*options.write_file, reader.header(),
                                                   capture::WriterOptions{options.compress});
        if (!created) {
            report_error(*options.write_file, created.error());
            return 1;
        }
        writer = std::move(*created);
    }

    OutputSink sink(stdout);
    WallClockFormatter clock;
    const bool print = options.print || !writer;
    int status = 0;
    uint64_t seen = 0;
    event::EventView ev;
    for (;;) {
        if (stop_requested()) break;
        if (options.max_events && seen >= *options.max_events) break;
        const capture::ReadStatus rs = reader.next(ev);
        if (rs == capture::ReadStatus::End) break;
        if (rs == capture::ReadStatus::NewSection) continue;
        if (rs == capture::ReadStatus::Failed) {
            sink.flush();
            report_error(in_path, reader.error().value_or(Error{"read failed"}));
            status = 1;
            break;
        }
        ++seen;
        if (writer) writer->write(ev);
        if (print && shown_by_default(ev, options.debug)) {
            append_default_line(ev, "<NA>", nullptr, clock, sink.buffer());
            if (!sink.maybe_flush()) break;
        }
    }
    sink.flush();

    if (writer) {
        auto closed = writer->close();
        if (!closed) {
            report_error(*options.write_file, closed.error());
            status = 1;
        }
    }
    const capture::SourceStats stats = reader.stats();
    if (stats.skipped_unknown > 0) {
        fmt::print(stderr, "tracetop: skipped {} events of types this version does not know\n",
                   stats.skipped_unknown);
    }
    return status;
}

}  // namespace tracetop::engine
