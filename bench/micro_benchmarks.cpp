// The micro-benchmarks: each replays the fixture's events once per iteration.
// The "Iterate" loop is the floor every other figure is compared with, and
// "Model" is the floor for work that needs the state model (filters, lines).
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "engine/event_line.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"
#include "filter/output_format.h"
#include "micro_fixture.h"
#include "state/model.h"
#include "state/model_arg_context.h"

namespace tracetop::bench {
namespace {

// A five-clause filter of the kind people type: it touches the event, the
// thread and the fd table, a list, a negation and a string prefix.
constexpr const char* kFiveClauseFilter =
    "evt.type in (read, write, open, openat, close) and evt.dir=< and not evt.failed=true "
    "and proc.name=curl and fd.name startswith /usr";

void count_events(benchmark::State& state, size_t per_pass) {
    const double events = static_cast<double>(state.iterations()) * static_cast<double>(per_pass);
    state.SetItemsProcessed(static_cast<int64_t>(events));  // ns/event: see micro_main.cpp's summary
}

// Floor: touch each pre-parsed event and nothing else.
void BM_Iterate(benchmark::State& state) {
    const ReplayEvents& r = replay_events();
    for (auto _ : state) {
        for (const event::EventView& ev : r.views) benchmark::DoNotOptimize(ev.type);
    }
    count_events(state, r.views.size());
}

// Decoding: parse each event's header and parameter table from its bytes and
// read every parameter, as the reader does for each event of a file.
void BM_Decode(benchmark::State& state) {
    const ReplayEvents& r = replay_events();
    for (auto _ : state) {
        for (uint32_t off : r.offsets) {
            auto ev = event::EventView::parse_v2(r.bytes.data() + off, r.bytes.size() - off);
            size_t total = 0;
            for (uint32_t i = 0; i < ev->nparams(); ++i) total += ev->param(i).size();
            benchmark::DoNotOptimize(total);
        }
    }
    count_events(state, r.offsets.size());
}

// State model update: every event through Model::on_event. One model lives
// across passes, like one long capture.
template <class Pass>
void over_model(benchmark::State& state, Pass pass) {
    const ReplayEvents& r = replay_events();
    state::Model model;
    model.load_header(r.header);
    for (auto _ : state) pass(model, r.views);
    count_events(state, r.views.size());
}
void BM_Model(benchmark::State& state) {
    over_model(state, [](state::Model& model, const std::vector<event::EventView>& views) {
        for (const event::EventView& ev : views) benchmark::DoNotOptimize(&model.on_event(ev));
    });
}

// The state-only path: every event through Model::apply, as --print does for
// the events a selective filter refuses by type (none is described, no enter
// is kept for its exit unless the model itself needs it).
void BM_ModelApply(benchmark::State& state) {
    over_model(state, [](state::Model& model, const std::vector<event::EventView>& views) {
        for (const event::EventView& ev : views) model.apply(ev, false);
        benchmark::ClobberMemory();
    });
}

// Every pass feeds every event to one long-lived model and hands `use` the
// fields of each, with whether --print shows it (with `shown_only`, of
// those only).
template <class Use>
void over_fields(benchmark::State& state, bool shown_only, Use use) {
    const ReplayEvents& r = replay_events();
    state::Model model;
    model.load_header(r.header);
    const state::ModelArgContext args(model);
    fmt::memory_buffer scratch;
    for (auto _ : state) {
        for (size_t i = 0; i < r.views.size(); ++i) {
            const state::EventContext& ctx = model.on_event(r.views[i]);
            if (shown_only && !r.shown[i]) continue;
            const filter::FieldContext fields{r.views[i], ctx, model, &args, &scratch, r.views.front().ts};
            use(fields, r.shown[i] != 0);
        }
    }
    count_events(state, r.views.size());
}

// Model plus the five-clause filter on every event --print would show.
void BM_ModelFilter(benchmark::State& state) {
    auto filter = filter::CompiledFilter::compile(kFiveClauseFilter);
    if (!filter) {
        state.SkipWithError(filter.error().message.c_str());
        return;
    }
    uint64_t matched = 0;
    over_fields(state, true, [&](const filter::FieldContext& f, bool) { matched += filter->matches(f) ? 1 : 0; });
    benchmark::DoNotOptimize(matched);
    state.counters["matched/pass"] = static_cast<double>(matched) / static_cast<double>(state.iterations());
}

// Model plus sysdig's default --print line for every shown event.
void BM_ModelPrintLine(benchmark::State& state) {
    engine::EventTimestamp clock;
    event::OutBuffer out;
    over_fields(state, true, [&](const filter::FieldContext& f, bool) {
        out.clear();
        const std::string_view name = f.state.thread_known ? f.state.thread->comm.view() : std::string_view("<NA>");
        engine::append_default_line(f.ev, f.state.enter, f.state.latency, name, f.args, clock, out);
        benchmark::DoNotOptimize(out.data());
    });
}

// Model plus a -p format line for every shown event.
void BM_ModelPrintFormat(benchmark::State& state) {
    auto format = filter::OutputFormat::compile("*%evt.num %proc.name %proc.pid %thread.tid %fd.num %fd.type %fd.name");
    if (!format) {
        state.SkipWithError(format.error().message.c_str());
        return;
    }
    fmt::memory_buffer out;
    over_fields(state, true, [&](const filter::FieldContext& f, bool) {
        out.clear();
        benchmark::DoNotOptimize(format->render(f, out));
    });
}

// Model plus a view's aggregation (group by key, every column) on every event,
// as the explorer's drain thread and --json do.
void model_aggregate(benchmark::State& state, const char* view_id) {
    auto views = analysis::builtin_views();
    const analysis::ViewDef* view = views ? views->find(view_id) : nullptr;
    if (view == nullptr) {
        state.SkipWithError("no such built-in view");
        return;
    }
    auto agg = analysis::Aggregator::create(*view, "");
    if (!agg) {
        state.SkipWithError(agg.error().message.c_str());
        return;
    }
    over_fields(state, false, [&](const filter::FieldContext& f, bool shown) { agg.value()->on_event(f, !shown); });
    state.counters["rows"] = static_cast<double>(agg.value()->row_count());
}
void BM_ModelAggregateProcs(benchmark::State& state) { model_aggregate(state, "procs"); }
void BM_ModelAggregateSyscalls(benchmark::State& state) { model_aggregate(state, "syscalls"); }

}  // namespace

BENCHMARK(BM_Iterate);
BENCHMARK(BM_Decode);
BENCHMARK(BM_Model);
BENCHMARK(BM_ModelApply);
BENCHMARK(BM_ModelFilter);
BENCHMARK(BM_ModelPrintLine);
BENCHMARK(BM_ModelPrintFormat);
BENCHMARK(BM_ModelAggregateProcs);
BENCHMARK(BM_ModelAggregateSyscalls);

}  // namespace tracetop::bench
