#include "engine/chisel_run.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "chisel/chisel_catalog.h"
#include "chisel/chisel_dirs.h"
#include "chisel/chisel_script.h"
#include "engine/capture_summary.h"
#include "engine/event_line.h"
#include "engine/gone_thread_sweep.h"
#include "engine/run_again.h"
#include "engine/signal_stop.h"
#include "engine/source_factory.h"
#include "filter/compiled_filter.h"
#include "state/model.h"
#include "state/model_arg_context.h"

namespace tracetop::engine {
namespace {

// A set_output_format name as a buffer format; Dots for the formats whose
// buffers print as normal (normal, json, simple).
BufferFormat buffer_format_named(std::string_view name) {
    if (name == "ascii") return BufferFormat::Ascii;
    if (name == "hex") return BufferFormat::Hex;
    if (name == "hexascii") return BufferFormat::HexAscii;
    if (name == "base64" || name == "jsonbase64") return BufferFormat::Base64;
    return BufferFormat::Dots;
}

}  // namespace

Result<std::optional<std::string>> chisel_args_at(const std::string& name, const std::vector<std::string>& words,
                                                  size_t from) {
    auto script = chisel::ChiselScript::load(name, chisel::chisel_dirs(), {});
    if (!script) return script.error();
    const auto compiles = [](const std::string& text) { return filter::CompiledFilter::compile(text).ok(); };
    const std::vector<std::string> after(words.begin() + static_cast<std::ptrdiff_t>(std::min(from, words.size())),
                                         words.end());
    auto n = chisel::chisel_words((*script)->desc().args, after, compiles);
    if (!n) return Error(n.error().message + " " + name);
    if (*n == 0) return std::optional<std::string>();
    return std::optional<std::string>(after.front());
}

chisel::BufferPrinter buffer_printer(BufferFormat format) {
    return [format](std::string_view raw, fmt::memory_buffer& out) {
        if (raw.empty()) return;  // an empty buffer is "" in every format, as in sysdig
        append_buffer({reinterpret_cast<const uint8_t*>(raw.data()), raw.size()}, format, out);
    };
}

int print_chisel_list() {
    const std::string text = chisel::format_chisel_list(chisel::list_chisels(chisel::chisel_dirs()), true);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

int print_chisel_info(const std::string& name) {
    if (const auto c = chisel::find_chisel(name, chisel::chisel_dirs())) {
        const std::string text = chisel::format_chisel_info(*c);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    fmt::print(stderr, "tracetop: chisel {} not found - use -cl to list them.\n", name);
    return 1;
}

std::vector<ChiselEntry> explorer_chisels() {
    auto all = chisel::list_chisels(chisel::chisel_dirs());
    std::sort(all.begin(), all.end(), [](const chisel::ChiselDesc& a, const chisel::ChiselDesc& b) {
        return a.category == b.category ? a.name < b.name : a.category < b.category;
    });
    std::vector<ChiselEntry> out;
    for (chisel::ChiselDesc& c : all) out.push_back({c.name, c.category, c.short_description, std::move(c.args)});
    return out;
}

std::optional<std::string> join_chisel_args(const std::vector<std::string>& values) {
    size_t n = values.size();
    while (n > 0 && values[n - 1].empty()) --n;
    if (n == 0) return std::nullopt;
    std::string out;
    for (size_t i = 0; i < n; ++i) {
        const std::string& v = values[i];
        if (i) out += ' ';
        if (!v.empty() && v.find(' ') == std::string::npos) {
            out += v;
        } else {
            // sysdig's argument text has no escape: ' and ` in a value
            // quote as well, so they cannot be passed, there as here.
            out += '\'';
            out += v;
            out += '\'';
        }
    }
    return out;
}

namespace {

void report_chisel_error(const Error& err) { fmt::print(stderr, "tracetop: {}\n", err.message); }

// A command line that cannot run: said once, exit status 2.
int report_unusable(const std::string& message) {
    fmt::print(stderr, "tracetop: {}\n", message);
    return 2;
}

}  // namespace

int run_chisel(const Options& given) {
    Options options = given;
    chisel::RunInfo run;
    run.live = !options.read_file.has_value();
    run.source_name = options.read_file.value_or("");
    run.filter = options.filter;
    // lua14: each -c is its own script with its own state; on_init runs in
    // the order given, as sysdig's.
    std::vector<std::unique_ptr<chisel::ChiselScript>> scripts;
    for (const Options::ChiselCall& call : options.chisels) {
        auto loaded = chisel::ChiselScript::load(call.name, chisel::chisel_dirs(), run);
        if (!loaded) return report_unusable(loaded.error().message);
        chisel::ChiselScript& script = **loaded;
        if (call.args) {
            if (auto set = script.set_args(*call.args); !set) return report_unusable(set.error().message);
        }
        if (auto inited = script.init(); !inited) return report_unusable(inited.error().message);
        scripts.push_back(std::move(*loaded));
    }
    // What on_init asked of the run. sysdig.set_filter and
    // sysdig.set_output_format set the one run's filter (when the command
    // line has none) and buffer format, so with several chisels the last
    // one asking decides for all, as in sysdig; a larger snap length live.
    const chisel::RunInfo* buffers_from = nullptr;
    for (auto& script : scripts) {
        const chisel::ChiselHost& host = script->host();
        if (options.filter.empty() && host.global_filter) options.filter = *host.global_filter;
        if (host.run.buffer_format != "normal") buffers_from = &host.run;
        if (host.snaplen && *host.snaplen > options.snaplen) options.snaplen = std::min<uint32_t>(*host.snaplen, 65000);
    }
    if (buffers_from) {
        const chisel::RunInfo chosen = *buffers_from;
        for (auto& script : scripts) {
            script->host().run.buffer_format = chosen.buffer_format;
            script->host().run.output_format = chosen.output_format;
        }
    }
    // syscalltype: buffers print in one format for evt.field and the event
    // formatters alike; the command line's -A/-x/-X/-b win over
    // set_output_format, as sysdig applies them after the chisels' on_init.
    BufferFormat buffers = options.buffer_format;
    if (buffers == BufferFormat::Dots && buffers_from) buffers = buffer_format_named(buffers_from->buffer_format);
    if (buffers != BufferFormat::Dots) {
        for (auto& script : scripts) script->host().run.print_buffer = buffer_printer(buffers);
    }

    std::optional<filter::CompiledFilter> run_filter;
    if (!options.filter.empty()) {
        auto compiled = filter::CompiledFilter::compile(options.filter);
        if (!compiled) return report_unusable(filter::describe_filter_error(options.filter, compiled.error()));
        run_filter = std::move(*compiled);
    }
    // Live, every call is captured as sysdig does: events the filter refuses
    // still move a chisel's intervals on (tick below).
    auto opened = open_source(options);
    if (!opened) {
        report_error(options.read_file.value_or("live capture"), opened.error());
        return 1;
    }
    capture::Source& source = *opened->source;
    if (opened->live) {
        const auto& machine = source.header().machine;
        fmt::print(stderr, "tracetop: capturing ({} CPUs)\n", machine ? machine->num_cpus : 0);
        std::fflush(stderr);
    }

    state::Model model;
    model.load_header(source.header());
    const bool live = opened->live;
    for (auto& script : scripts) {
        script->host().run.machine = source.header().machine;
        script->host().run.read_progress = [&source, live] {
            const capture::SourceStats s = source.stats();
            if (live || s.bytes_total == 0) return 0.0;
            return std::min(100.0, 100.0 * static_cast<double>(s.bytes_read) / static_cast<double>(s.bytes_total));
        };
        if (auto started = script->capture_start(model); !started) {
            report_chisel_error(started.error());
            return 1;
        }
    }
    const state::ModelArgContext args(model);
    fmt::memory_buffer scratch;
    fmt::memory_buffer out;
    const auto flush = [&out] {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
        std::fflush(stdout);
    };
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(options.duration_s.value_or(0)));
    GoneThreadSweep sweep;
    uint64_t seen = 0;
    uint64_t delivered = 0;  // -n counts the events that pass the filter, as sysdig's does
    uint64_t first_ts = 0;
    filter::FieldMemory field_memory;
    bool draining = false;
    int status = 0;
    // A chisel that asked to end (chisel.end_capture?) gets no more events;
    // the run ends when every one has.
    std::vector<bool> ended(scripts.size(), false);
    size_t running = scripts.size();
    event::EventView ev;
    for (;;) {
        if (!draining && stop_requested()) {
            if (!opened->live) break;
            source.stop_producing();
            draining = true;
        }
        if (options.max_events && delivered >= *options.max_events) break;
        const capture::ReadStatus rs = source.next(ev);
        if (rs == capture::ReadStatus::End) break;
        if (opened->live && !draining && options.duration_s && Clock::now() >= deadline) {
            source.stop_producing();
            draining = true;
        }
        if (opened->live && (rs == capture::ReadStatus::Idle || (seen & 4095) == 0)) {
            sweep.maybe_sweep(model, source.stats().drops, Clock::now());
        }
        if (rs == capture::ReadStatus::Idle) {
            flush();
            continue;
        }
        if (rs == capture::ReadStatus::NewSection) {
            model.load_header(source.header());
            continue;
        }
        if (rs == capture::ReadStatus::Failed) {
            if (stop_requested()) break;
            report_error(opened->name, source.error().value_or(Error("read failed")));
            status = 1;
            break;
        }
        if (seen++ == 0) first_ts = ev.ts;
        const state::EventContext& ctx = model.on_event(ev);
        // Records that only carry state are no events to a chisel.
        if (!shown_by_default(ev, true)) continue;
        // Each use of a field keeps what it saw (thread.exectime's switch
        // times for topprocs_cpu, evt.deltatime) for the whole run.
        const filter::FieldContext fields{ev, ctx, model, &args, &scratch, first_ts, nullptr, &field_memory};
        // Each chisel in turn: its interval, then the event, as sysdig
        // gives each -c the event before the next one gets it.
        const bool passes = !run_filter || run_filter->matches(fields);
        if (passes) ++delivered;
        bool failed = false;
        for (size_t i = 0; i < scripts.size() && !failed; ++i) {
            if (ended[i]) continue;
            if (auto ticked = scripts[i]->tick(fields); !ticked) {
                report_chisel_error(ticked.error());
                failed = true;
                break;
            }
            if (!passes) continue;
            if (auto handled = scripts[i]->on_event(fields, out); !handled) {
                report_chisel_error(handled.error());
                failed = true;
            }
            // Straight after what on_event printed (Lua's print goes to stdout too).
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
            if (!failed && scripts[i]->wants_end()) {
                ended[i] = true;
                --running;
            }
        }
        if (failed) {
            status = 1;
            break;
        }
        if (running == 0) break;
    }
    flush();
    for (auto& script : scripts) {
        if (auto done = script->capture_end(); !done) {
            report_chisel_error(done.error());
            status = 1;
        }
        std::fflush(stdout);
    }
    if (opened->live) fmt::print(stderr, "tracetop: {}\n", live_capture_summary(source.stats()));
    // A chisel asked for another run (sysdig.run_app): the first that asked.
    for (auto& script : scripts) {
        if (status == 0 && script->host().run_again) return run_tracetop_again(*script->host().run_again);
    }
    return status;
}

}  // namespace tracetop::engine
