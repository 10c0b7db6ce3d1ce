// Times one replay of the explorer's in-memory copy through the model, whole
// and cut in two (issue 15, split), in one process: the copy is made once
// (the explorer's first pass), then each round replays the view both ways,
// fastest wall clock and process CPU time of the rounds, and checks that the
// two tables are the same.
//
//   split_replay_time CAPTURE VIEW [SCOPE] [ROUNDS] [FROM_PERCENT TO_PERCENT]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "analysis/timeline_counts.h"
#include "analysis/view_loader.h"
#include "engine/checkpoint_replay.h"
#include "engine/source_factory.h"
#include "engine/split_replay.h"

using namespace tracetop;

namespace {

double cpu_seconds(clockid_t clock = CLOCK_PROCESS_CPUTIME_ID) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::string table(engine::ViewPipeline& pipe) {
    pipe.add_idle_rows();
    analysis::Snapshot snap;
    pipe.aggregator()->fill(snap, pipe.span_seconds());
    std::string out;
    for (const analysis::Row& r : snap.rows) {
        out += r.key + " " + r.label;
        for (const analysis::Cell& c : r.cells) out += " " + c.text;
        out += "\n";
    }
    return out;
}

void run(engine::ViewPipeline& pipe) {
    while (pipe.run(engine::ViewPipeline::kBatch) == engine::ViewPipeline::Step::More) {
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CAPTURE VIEW [SCOPE] [ROUNDS] [FROM_PERCENT TO_PERCENT]\n", argv[0]);
        return 2;
    }
    const std::string scope = argc > 3 ? argv[3] : "";
    const int rounds = argc > 4 ? std::atoi(argv[4]) : 3;
    auto views = analysis::load_views("");
    if (!views) return 1;
    const analysis::ViewDef* view = views->find(argv[2]);
    if (!view) return 1;

    engine::Options o;
    o.read_file = argv[1];
    auto opened = engine::open_source(o);
    if (!opened) return 1;
    engine::EventStore store(1ULL << 40);
    engine::ContextRows rows;
    engine::ModelCheckpoints checkpoints;
    analysis::TimelineCounts timeline;
    engine::TimeRange range;
    {
        engine::ViewPipeline first(std::move(opened->source), argv[1], false);
        first.set_first_pass(&store, &timeline);
        first.keep_contexts(&rows);
        first.keep_checkpoints(&checkpoints);
        run(first);
        store.seal();
        if (argc > 6) {
            const uint64_t span = first.last_ts() - first.first_ts();
            range.from = first.first_ts() + span * std::strtoull(argv[5], nullptr, 10) / 100;
            range.to = first.first_ts() + span * std::strtoull(argv[6], nullptr, 10) / 100;
        }
    }
    const auto plan = engine::plan_split(store, checkpoints, range, 1000000);
    if (!plan) {
        std::fprintf(stderr, "no split for this range\n");
        return 1;
    }
    const engine::RangeGate gate = range.whole() ? engine::RangeGate() : engine::RangeGate(range);
    // [single, split][wall, cpu, the longer part's cpu: the wall time on two free cores]
    double best[2][3] = {{1e9, 1e9, 1e9}, {1e9, 1e9, 1e9}};
    std::string tables[2];
    for (int r = 0; r < rounds; ++r) {
        for (int split = 0; split < 2; ++split) {
            auto agg = analysis::Aggregator::create(*view, scope);
            if (!agg) return 1;
            const auto w0 = std::chrono::steady_clock::now();
            const double c0 = cpu_seconds();
            const double t0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
            std::unique_ptr<engine::ViewPipeline> pipe;
            std::unique_ptr<engine::SplitReplay> cut;
            if (split) {
                auto earlier = analysis::Aggregator::create(*view, scope);
                if (!earlier) return 1;
                cut = std::make_unique<engine::SplitReplay>(store, *plan, range, std::move(*earlier), "copy");
                pipe = cut->take_later();
            } else {
                pipe = engine::checkpoint_replay(store, &rows, checkpoints, range, agg->get(), false, "copy");
                if (!pipe) pipe = std::make_unique<engine::ViewPipeline>(store.replay(), "copy", false);
                pipe->set_range(gate);
            }
            pipe->set_aggregator(std::move(*agg));
            run(*pipe);
            if (cut && !cut->merge_into(*pipe)) return 1;
            tables[split] = table(*pipe);
            const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
            best[split][0] = std::min(best[split][0], wall);
            const double cpu = cpu_seconds() - c0, mine = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - t0;
            best[split][1] = std::min(best[split][1], cpu);
            // This thread ran the later part; the rest of the process's time is the earlier part's.
            best[split][2] = std::min(best[split][2], std::max(mine, cpu - mine));
        }
    }
    fmt::print("{} events, view {}, scope '{}', split at {} (from {})\n", store.events(), view->id, scope,
               plan->middle.point->at.index, plan->from.point ? plan->from.point->at.index : 0);
    fmt::print("single: wall {:.3f} s, cpu {:.3f} s\n", best[0][0], best[0][1]);
    fmt::print("split:  wall {:.3f} s, cpu {:.3f} s, longer part's cpu {:.3f} s\n", best[1][0], best[1][1],
               best[1][2]);
    fmt::print("split/single: wall {:.2f}, cpu {:.2f}, longer part's cpu against single cpu {:.2f}; tables {}\n",
               best[1][0] / best[0][0], best[1][1] / best[0][1], best[1][2] / best[0][1],
               tables[0] == tables[1] ? "same" : "DIFFERENT");
    return tables[0] == tables[1] ? 0 : 1;
}
