#include "engine/batch_run.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <chrono>

#include <poll.h>

#include "capture/merged_source.h"
#include "engine/buffer_print.h"
#include "engine/capture_summary.h"
#include "engine/chisel_run.h"
#include "engine/event_json.h"
#include "engine/event_line.h"
#include "engine/event_summary.h"
#include "engine/event_recorder.h"
#include "event/arg_format.h"
#include "engine/gone_thread_sweep.h"
#include "engine/model_report.h"
#include "engine/output_sink.h"
#include "engine/signal_stop.h"
#include "engine/source_factory.h"
#include "engine/syscall_interest.h"
#include "engine/time_range.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"
#include "filter/output_format.h"
#include "state/model.h"
#include "state/model_arg_context.h"

namespace tracetop::engine {
namespace {

// -w - down a pipe or socket whose reader went away (a --remote session cut,
// `| head` done): the write end then polls as an error or a hang-up. A
// filtered stream may write nothing for a long time, so waiting for a write
// to fail would leave the capture running with nobody reading it.
bool stream_reader_gone(int fd) {
    pollfd p{fd, POLLOUT, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

// For each type code (the last entry: codes past the table), whether an
// event of that type may be printed: shown by default and not refused by the
// filter on its type alone. The others only feed the model (Model::apply),
// which is most of a capture for a selective filter.
std::vector<uint8_t> printable_types(bool print, bool debug, const filter::CompiledFilter* filter) {
    const size_t n = event::event_table_size();
    std::vector<uint8_t> out(n + 1, 0);
    if (!print) return out;
    for (size_t t = 0; t < n; ++t) {
        const auto type = static_cast<event::EventType>(t);
        if (event::event_info(type) == nullptr) continue;
        if (!debug && event::is_internal(type)) continue;
        // Internal events pass the filter when shown (passes_filter).
        out[t] = filter == nullptr || event::is_internal(type) || filter->type_verdict(type) != 0;
    }
    return out;
}

}  // namespace

int run_batch(const Options& options) {
    std::optional<filter::CompiledFilter> event_filter;
    if (!options.filter.empty()) {
        auto compiled = filter::CompiledFilter::compile(options.filter);
        if (!compiled) {
            fmt::print(stderr, "tracetop: {}\n", filter::describe_filter_error(options.filter, compiled.error()));
            return 2;
        }
        event_filter = std::move(*compiled);
    }
    std::optional<filter::OutputFormat> format;
    if (!options.format.empty()) {
        auto compiled = filter::OutputFormat::compile(options.format);
        if (!compiled) {
            fmt::print(stderr, "tracetop: bad -p format: {}\n", compiled.error().message);
            return 2;
        }
        format = std::move(*compiled);
    }
    // syscalltype (issue 14): -A/-x/-X/-b print -p's %evt.buffer,
    // %evt.arg.data and the buffers in %evt.args in their layout too, as
    // sysdig's -p does.
    const chisel::BufferPrinter print_buffer = buffer_printer(options.buffer_format);
    const filter::OutputFormat::ValueOverride buffer_values =
        [&print_buffer, &options](const filter::BoundField& field, const filter::FieldContext& c,
                                  fmt::memory_buffer& out) {
            // evt.info is evt.args in sysdig's default line: the same layout.
            if (field.def->name != "evt.args" && field.def->name != "evt.info") {
                return chisel::print_buffer_field(field, c, print_buffer, out);
            }
            append_args(c.ev, c.args, options.buffer_format, out);
            return true;
        };
    const filter::OutputFormat::ValueOverride* format_values =
        options.buffer_format == BufferFormat::Dots ? nullptr : &buffer_values;

    auto opened = open_source(options, syscall_interest_for(options, event_filter ? &*event_filter : nullptr));
    if (!opened) {
        report_error(options.read_file.value_or("live capture"), opened.error());
        return 1;
    }
    capture::Source& reader = *opened->source;
    const std::string& in_path = opened->name;
    using Clock = std::chrono::steady_clock;
    const bool has_deadline = options.duration_s.has_value();
    const Clock::time_point deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(options.duration_s.value_or(0)));

    std::unique_ptr<EventRecorder> recorder;
    if (options.write_file) {
        // sysdig -w records internal events (procinfo) past its filter
        // with or without -D: as --print -D shows them.
        Options recording = options;
        recording.debug = true;
        auto created = EventRecorder::create(recording, reader.header());
        if (!created) {
            report_error(*options.write_file, created.error());
            return 1;
        }
        recorder = std::move(*created);
    }

    if (opened->live) {
        // Attached and /proc scanned: from here on nothing is missed. Scripts
        // wait for this line instead of sleeping.
        const auto& machine = reader.header().machine;
        fmt::print(stderr, "tracetop: capturing ({} CPUs)\n", machine ? machine->num_cpus : 0);
        std::fflush(stderr);
    }

    state::Model model0;
    model0.load_header(reader.header());
    const bool report = model_report_wanted();
    if (report) report_model(model0, "start");
    const state::ModelArgContext args0(model0);
    // issue 17 items 3-4: several --remote hosts merged; each has its own
    // model (their pid 1 are two processes), the first host's is model0.
    struct OtherHost {
        state::Model model;
        state::ModelArgContext args{model};
        filter::HostInfo info;
    };
    auto* merged = dynamic_cast<capture::MergedSource*>(&reader);
    filter::HostInfo host0;
    if (reader.header().machine) host0.machine = reader.header().machine->hostname;
    host0.name = options.remote || host0.machine.empty() ? in_path : host0.machine;
    host0.recorded = !opened->live;
    std::vector<std::unique_ptr<OtherHost>> other_hosts;
    if (merged) {
        model0.load_header(merged->host_header(0));
        host0.name = merged->host_status(0).name;
        if (merged->host_header(0).machine) host0.machine = merged->host_header(0).machine->hostname;
        for (size_t i = 1; i < merged->host_count(); ++i) {
            auto host = std::make_unique<OtherHost>();
            host->model.load_header(merged->host_header(i));
            host->info.name = merged->host_status(i).name;
            if (merged->host_header(i).machine) host->info.machine = merged->host_header(i).machine->hostname;
            other_hosts.push_back(std::move(host));
        }
    }
    uint64_t drops_told = 0;  // issue 17: the drops this -w - reported on stderr so far
    fmt::memory_buffer scratch;

    GoneThreadSweep sweep;
    OutputSink sink(stdout);
    EventTimestamp clock(options.time_format);
    const bool print = !options.quiet && (options.print || !recorder);
    // A filtered recording asks the filter, which asks the model, about every event.
    const bool record_filtered = recorder && recorder->filtered();
    // -S counts what the filter accepts (every event without one).
    std::optional<EventSummary> summary;
    if (options.summary) summary.emplace();
    const bool count_filtered = summary && event_filter;
    const std::vector<uint8_t> printable =
        printable_types(print, options.debug, event_filter ? &*event_filter : nullptr);
    const auto may_print = [&printable](event::EventType type) {
        return printable[std::min<size_t>(type, printable.size() - 1)] != 0;
    };
    // -P: the share of the file read, on stderr, as sysdig prints it ("\r12.34",
    // then "\r100.00\n" at the end); only for files of known size.
    double progress_shown = 0;
    const auto show_progress = [&](bool done) {
        const capture::SourceStats now = reader.stats();
        if (now.bytes_total == 0) return;
        const double pct = done ? 100.0 : 100.0 * static_cast<double>(now.bytes_read) / static_cast<double>(now.bytes_total);
        if (!done && pct - progress_shown <= 0.1) return;
        progress_shown = pct;
        fmt::print(stderr, "\r{:.2f}{}", pct, done ? "\n" : "");
        std::fflush(stderr);
    };
    int status = 0;
    uint64_t seen = 0;
    // -n with a filter counts the events it lets through, as sysdig 0.29.3
    // does (its filter runs before the count): `-n 10 evt.type=open` prints
    // ten opens. Without one, every event read counts, shown or not.
    const bool count_matches = options.max_events && event_filter && print;
    uint64_t matched = 0;
    uint64_t first_ts = 0;
    filter::FieldMemory field_memory;  // evt.deltatime, evt.latency.human
    RangeGate range(options.from, options.to);
    bool timed_inside = false;  // an event with a time inside --from/--to
    event::EventView ev;
    // Live, a stop (Ctrl-C, SIGTERM, --duration) detaches the probe and then
    // reads what the rings still hold; the source says End when they are empty.
    bool draining = false;
    const auto stop_or_drain = [&] {
        if (!opened->live) return true;
        reader.stop_producing();
        draining = true;
        return false;
    };
    const bool stream_out = recorder && options.write_file == "-";
    Clock::time_point next_stream_flush = Clock::now();
    for (;;) {
        if (!draining && stop_requested() && stop_or_drain()) break;
        if (options.max_events && !count_matches && seen >= *options.max_events) break;
        const capture::ReadStatus rs = reader.next(ev);
        if (rs == capture::ReadStatus::End) break;
        OtherHost* other = merged && merged->event_host() > 0 ? other_hosts[merged->event_host() - 1].get() : nullptr;
        state::Model& model = other ? other->model : model0;
        const state::ModelArgContext& args = other ? other->args : args0;
        const filter::HostInfo* host = other ? &other->info : &host0;
        // Live sources return Idle when nothing arrives for a moment, so the
        // deadline is seen even on a quiet machine; a busy one checks it every
        // few thousand events (the clock costs more than an event).
        if (!draining && has_deadline && (rs == capture::ReadStatus::Idle || (seen & 4095) == 0) &&
            Clock::now() >= deadline && stop_or_drain()) {
            break;
        }
        // issue 17: a remote host's threads are not in this machine's /proc.
        if (opened->live && !options.remote && (rs == capture::ReadStatus::Idle || (seen & 4095) == 0)) {
            sweep.maybe_sweep(model, reader.stats().drops, Clock::now());
        }
        // issue 17 (remote): a capture streamed to standard output goes out
        // in pieces a reader can decode at least every quarter second.
        if (stream_out && (rs == capture::ReadStatus::Idle || (seen & 1023) == 0) && Clock::now() >= next_stream_flush) {
            recorder->flush();
            next_stream_flush = Clock::now() + std::chrono::milliseconds(250);
            if (stream_reader_gone(1)) break;  // nobody reads the stream: the run is over
            // issue 17 items 3-4: the ring's drops reach the --remote reader
            // on stderr (the scap stream has no record for a drop count).
            if (const uint64_t drops = reader.stats().drops; drops > drops_told) {
                drops_told = drops;
                fmt::print(stderr, "tracetop: drops: {}\n", drops);
                std::fflush(stderr);
            }
        }
        if (rs == capture::ReadStatus::Idle) {
            // Nothing more to read for now: what was printed goes out, so a
            // lone event shows within a tick, on a terminal or down a pipe.
            if (!sink.flush()) break;
            continue;
        }
        if (rs == capture::ReadStatus::NewSection) {
            model.load_header(merged ? merged->host_header(merged->event_host()) : reader.header());
            continue;
        }
        // A stop request interrupts a blocked read (a pipe, a slow disk): that
        // is the user ending the run, not damaged input.
        if (rs == capture::ReadStatus::Failed && stop_requested()) break;
        if (rs == capture::ReadStatus::Failed) {
            sink.flush();
            report_error(in_path, reader.error().value_or(Error("read failed")));
            status = 1;
            break;
        }
        // The capture's first moment (evt.reltime, -t r): as sysdig, not
        // from state records (container records at the start are stamped 0).
        if (first_ts == 0 && ev.ts != 0 && !event::is_initial_state(ev.type)) {
            first_ts = ev.ts;
            clock.set_first_ts(first_ts);
        }
        // --from/--to: outside the range, events only keep the model right.
        if (range.active() && ev.ts != 0) {
            const RangeGate::Where where = range.place(ev.ts);
            if (where == RangeGate::Where::After) break;
            if (where == RangeGate::Where::Before) {
                if (print || record_filtered || count_filtered) model.apply(ev, false);
                continue;
            }
        }
        ++seen;
        timed_inside = timed_inside || ev.ts != 0;
        if (summary && !event_filter) summary->count(ev);
        if (options.progress && (seen & 1023) == 0) show_progress(false);
        if (recorder && !record_filtered) {
            recorder->record(ev);
            if (recorder->finished()) break;
            // A full disk ends the run with its error (reported at close);
            // recording on would only lose events silently.
            if (recorder->problem()) break;
        }
        // The model serves printing and the recording's filter only: a
        // plain recording skips it and drains faster.
        if (!print && !record_filtered && !count_filtered) continue;
        // An enter's parameters are kept only if its exit may be printed.
        // Generic system-call events carry their evt.type in a parameter.
        const bool generic = event_filter && event::has_dynamic_type_name(ev.type);
        const bool exit_printable = may_print(static_cast<event::EventType>(ev.type | 1u)) &&
                                    !(generic && event_filter->exit_verdict(ev) == 0);
        const bool printable_event = may_print(ev.type) && !(generic && event_filter->event_verdict(ev) == 0);
        if (!printable_event && !record_filtered && !count_filtered) {
            model.apply(ev, exit_printable);
            continue;
        }
        const state::EventContext& ctx = model.on_event(ev, exit_printable || record_filtered || count_filtered);
        const filter::FieldContext fields{ev, ctx, model, &args, &scratch, first_ts, host, &field_memory};
        if (record_filtered) {
            recorder->offer(fields);
            if (recorder->finished()) break;
            if (recorder->problem()) break;
        }
        if (count_filtered && passes_filter(*event_filter, fields, options.debug)) summary->count(ev);
        if (!print || !printable_event || !shown_by_default(ev, options.debug)) continue;
        if (event_filter && !passes_filter(*event_filter, fields, options.debug)) continue;
        const bool last_wanted = count_matches && ++matched >= *options.max_events;
        if (options.event_json) {
            const std::optional<std::string_view> name =
                ctx.thread_known ? std::optional(ctx.thread->comm.view()) : std::nullopt;
            append_event_json(ev, ctx.enter, name, &args, options.buffer_format, sink.buffer());
        } else if (format) {
            // A line with a missing field is not printed, but the event counts (-n).
            if (format->render(fields, sink.buffer(), format_values)) sink.buffer().push_back('\n');
        } else {
            const std::string_view name = ctx.thread_known ? ctx.thread->comm.view() : std::string_view("<NA>");
            // -t d shows the thread's latest latency even on procinfo events,
            // where the evt.latency field has none.
            const uint64_t latency = ctx.thread_known ? ctx.thread->latency : ctx.latency;
            append_default_line(ev, ctx.enter, latency, name, &args, clock, sink.buffer(), options.buffer_format);
        }
        if (!(options.unbuffered ? sink.flush() : sink.maybe_flush())) break;
        if (last_wanted) break;
    }
    if (summary) summary->append(sink.buffer());
    sink.flush();
    if (options.progress && status == 0) show_progress(true);
    if (report) report_model(model0, "end");
    if (const std::string note = empty_range_note(range, first_ts, timed_inside); !note.empty() && status == 0)
        fmt::print(stderr, "tracetop: {}\n", note);

    if (recorder) {
        auto closed = recorder->close();
        if (!closed) {
            report_error(recorder->path(), closed.error());
            status = 1;
        } else if (closed.value() == 0 && record_filtered) {
            // A header without events: readers refuse such a file (ScapWriter).
            fmt::print(stderr, "tracetop: {}: no event recorded (none matched the filter)\n", recorder->path());
        }
    }
    const capture::SourceStats stats = reader.stats();
    if (stats.skipped_unknown > 0) {
        fmt::print(stderr, "tracetop: skipped {} events of types this version does not know\n",
                   stats.skipped_unknown);
    }
    if (opened->live) {
        // Drops are always visible (DESIGN.md §3): a full ring loses events.
        fmt::print(stderr, "tracetop: {}\n", live_capture_summary(stats));
    }
    return status;
}

}  // namespace tracetop::engine
