#include "engine/json_run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/view_aliases.h"
#include "analysis/view_loader.h"
#include "engine/proc_sampler.h"
#include "engine/signal_stop.h"
#include "engine/source_factory.h"
#include "engine/host_views.h"
#include "engine/syscall_interest.h"
#include "engine/view_pipeline.h"
#include "filter/compiled_filter.h"

namespace tracetop::engine {
namespace {

nlohmann::json cell_json(const analysis::Cell& c) {
    if (!c.present) return nullptr;
    if (!c.is_number) return c.text;
    // Counts, bytes and nanoseconds are whole numbers: print them as such.
    if (c.number == std::floor(c.number) && std::fabs(c.number) < 9.0e15) return static_cast<int64_t>(c.number);
    return c.number;
}

}  // namespace

std::string snapshot_json(const analysis::Snapshot& snap, const std::string& filter) {
    nlohmann::ordered_json out;
    out["view"] = snap.view_id;
    out["filter"] = filter;
    // The sample the rates divide by: offline the first to the last event
    // that carries a time (ns since the epoch), live the wall-clock run.
    out["span"] = {{"first_ts", snap.source.first_ts}, {"last_ts", snap.source.last_ts},
                   {"seconds", snap.sample_seconds}};
    nlohmann::ordered_json cols = nlohmann::ordered_json::array();
    for (const auto& c : snap.columns) {
        cols.push_back({{"id", c.id}, {"title", c.title}, {"field", c.field},
                        {"aggregation", analysis::aggregation_name(c.aggregation)}});
    }
    out["columns"] = std::move(cols);
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& r : snap.rows) {
        nlohmann::ordered_json values = nlohmann::ordered_json::object();
        for (size_t i = 0; i < snap.columns.size() && i < r.cells.size(); ++i) {
            values[snap.columns[i].id] = cell_json(r.cells[i]);
        }
        rows.push_back({{"key", r.key}, {"values", std::move(values)}});
    }
    out["rows"] = std::move(rows);
    // Strings from the traced system were sanitized when rendered; replace
    // any invalid UTF-8 left rather than failing.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int run_list_views(const Options&) {
    auto views = analysis::load_views(analysis::default_user_view_dir());
    if (!views) {
        fmt::print(stderr, "tracetop: {}\n", views.error().message);
        return 2;
    }
    // Columns as wide as the longest id and name, so every description lines up.
    size_t id_width = 0, name_width = 0;
    for (const auto& v : views->views) {
        id_width = std::max(id_width, v.id.size());
        name_width = std::max(name_width, v.name.size());
    }
    for (const auto& v : views->views) {
        // csysdig's names for the view, and where a csysdig view came from.
        std::string also;
        for (std::string_view id : analysis::csysdig_ids_of(v.id)) also += fmt::format("{}{}", also.empty() ? "" : ", ", id);
        if (!also.empty()) also = fmt::format(" (csysdig: {})", also);
        if (v.origin.rfind("builtin:", 0) != 0 && v.origin.ends_with(".lua")) also += fmt::format(" (csysdig view from {})", v.origin);
        fmt::print("{:<{}}  {:<{}}  {}{}\n", v.id, id_width, v.name, name_width, v.description, also);
    }
    // csysdig views that could not load, or lost columns: on stderr, so the
    // list on stdout stays one usable view per line.
    std::string not_loaded;
    for (const auto& n : views->notes) {
        if (n.usable) fmt::print(stderr, "tracetop: {}\n", n.message);
        else not_loaded += fmt::format("{}{}", not_loaded.empty() ? "" : " ", n.id);
    }
    if (!not_loaded.empty()) {
        fmt::print(stderr, "tracetop: csysdig views that did not load (tracetop -v ID says why): {}\n", not_loaded);
    }
    return 0;
}

int run_json(const Options& options) {
    auto views = analysis::load_views(analysis::default_user_view_dir());
    if (!views) {
        fmt::print(stderr, "tracetop: {}\n", views.error().message);
        return 2;
    }
    if (options.remotes.size() > 1) key_views_by_host(*views);  // issue 17 items 3-4
    const std::string view_id = options.view.empty() ? "procs" : options.view;
    const analysis::ViewDef* view = views->find(view_id);
    if (!view) {
        fmt::print(stderr, "tracetop: {}\n", views->why_missing(view_id));
        return 2;
    }
    auto agg = analysis::Aggregator::create(*view, options.filter);
    if (!agg) {
        // The view compiled alone, so the user's filter is at fault.
        auto user = filter::CompiledFilter::compile(options.filter);
        fmt::print(stderr, "tracetop: {}\n",
                   user ? agg.error().message : filter::describe_filter_error(options.filter, user.error()));
        return 2;
    }
    // The view aggregates only what the user's filter passes.
    auto user_filter = filter::CompiledFilter::compile(options.filter);
    const filter::CompiledFilter* narrowing = !options.filter.empty() && user_filter ? &*user_filter : nullptr;
    auto opened = open_source(options, syscall_interest_for(options, narrowing));
    if (!opened) {
        report_error(options.read_file.value_or("live capture"), opened.error());
        return 1;
    }
    ViewPipeline pipe(std::move(opened->source), opened->name, opened->live);
    pipe.set_aggregator(std::move(*agg));
    pipe.set_range(RangeGate(options.from, options.to));

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(options.duration_s.value_or(0)));
    // Live CPU% and memory over the run, from /proc through the explorer's
    // sampler. The baseline is read before the first event, as the run's
    // clock starts: what it returns is only that baseline.
    std::optional<ProcSampler> proc;
    if (pipe.live() && !options.remote) {  // issue 17: not a remote host's /proc
        proc.emplace();
        proc->read_now({});
    }
    int status = 0;
    for (;;) {
        if (stop_requested()) break;
        const uint64_t budget = options.max_events ? *options.max_events - std::min(*options.max_events, pipe.events())
                                                   : 4096;
        if (options.max_events && budget == 0) break;
        const ViewPipeline::Step step = pipe.run(std::min<uint64_t>(budget, 4096));
        if (step == ViewPipeline::Step::End) break;
        if (step == ViewPipeline::Step::Failed) {
            report_error(pipe.name(), pipe.error().value_or(Error("read failed")));
            status = 1;
            break;
        }
        if (options.duration_s && Clock::now() >= deadline) break;
    }
    // Offline the capture's own time span is the sample; live, the wall clock.
    double seconds = pipe.live() ? std::chrono::duration<double>(Clock::now() - started).count()
                                 : pipe.span_seconds();
    if (proc) {
        if (std::optional<ProcSample> got = proc->read_now(pipe.memory_pids())) {
            got->scale_to(seconds);
            pipe.feed_cpu(got->cpu);
            pipe.apply_memory(got->memory);
        }
    }
    if (const std::string note = empty_range_note(pipe.range(), pipe.first_ts(), pipe.shown_first_ts() != 0);
        !note.empty())
        fmt::print(stderr, "tracetop: {}\n", note);
    pipe.add_idle_rows();
    analysis::Snapshot snap;
    pipe.aggregator()->fill(snap, seconds);
    pipe.describe(snap.source);
    std::fputs(snapshot_json(snap, options.filter).c_str(), stdout);
    std::fputc('\n', stdout);
    return status;
}

}  // namespace tracetop::engine
