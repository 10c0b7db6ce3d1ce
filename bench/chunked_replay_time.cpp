// Times one replay of the explorer's in-memory copy through the model, whole
// and in parts (issue 15, chunks), in one process: the copy is made once
// (the explorer's first pass), then each round replays the view three ways:
// single (from the model copy before the range, as checkpoint_replay does),
// in parts cut at every model copy with nothing kept (the first key on a
// level), and in parts again with the parts the second way kept (a range
// key over kept parts: only the last part and any part not wholly inside
// are replayed). Fastest wall clock and process CPU time of the rounds; the
// three tables must be the same.
//
//   chunked_replay_time CAPTURE VIEW [SCOPE] [ROUNDS] [FROM_PERCENT TO_PERCENT [FROM2_PERCENT TO2_PERCENT]]
//
// FROM2/TO2: the third way's range (default: the same), as a range key
// moving after the first replay; it is then compared with a single replay of it.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "analysis/timeline_counts.h"
#include "analysis/view_loader.h"
#include "engine/checkpoint_replay.h"
#include "engine/chunked_replay.h"
#include "engine/source_factory.h"

using namespace tracetop;

namespace {

// As the explorer (ExplorerEngine::kSplitMinEvents): shorter replays are not cut.
constexpr uint64_t kMinEvents = 1000000;

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

// The parts' answers kept by their events, as the explorer keeps them (ExplorerEngine::keep_chunks).
using Kept = std::map<std::pair<uint64_t, uint64_t>, std::shared_ptr<const engine::ChunkAnswer>>;

struct Figures {
    double wall = 1e9, cpu = 1e9, longer = 1e9;  // longer: the busier thread's cpu, the wall time on two free cores
    size_t replayed = 0, parts = 0;              // parts replayed of the parts before the last
    void take(double w, double c, double mine) {
        wall = std::min(wall, w);
        cpu = std::min(cpu, c);
        // This thread ran the last part (and helped); the rest of the process's time is the second thread's.
        longer = std::min(longer, std::max(mine, c - mine));
    }
};

engine::TimeRange range_of(char** argv, int at, uint64_t first_ts, uint64_t last_ts) {
    const uint64_t span = last_ts - first_ts;
    return {first_ts + span * std::strtoull(argv[at], nullptr, 10) / 100,
            first_ts + span * std::strtoull(argv[at + 1], nullptr, 10) / 100};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: %s CAPTURE VIEW [SCOPE] [ROUNDS] [FROM_PERCENT TO_PERCENT [FROM2_PERCENT TO2_PERCENT]]\n",
                     argv[0]);
        return 2;
    }
    const std::string scope = argc > 3 ? argv[3] : "";
    const int rounds = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;
    auto views = analysis::load_views("");
    if (!views) return 1;
    const analysis::ViewDef* view = views->find(argv[2]);
    if (!view) {
        std::fprintf(stderr, "no view %s\n", argv[2]);
        return 1;
    }
    if (!analysis::Aggregator::mergeable(*view)) {
        std::fprintf(stderr, "view %s: its tables do not merge (the explorer replays it single)\n", argv[2]);
        return 1;
    }

    engine::Options o;
    o.read_file = argv[1];
    auto opened = engine::open_source(o);
    if (!opened) return 1;
    engine::EventStore store(1ULL << 40);
    engine::ContextRows rows;
    engine::ModelCheckpoints checkpoints;
    analysis::TimelineCounts timeline;
    engine::TimeRange range, range2;
    {
        engine::ViewPipeline first(std::move(opened->source), argv[1], false);
        first.set_first_pass(&store, &timeline);
        first.keep_contexts(&rows);
        first.keep_checkpoints(&checkpoints);
        run(first);
        store.seal();
        if (argc > 6) range = range_of(argv, 5, first.first_ts(), first.last_ts());
        range2 = argc > 8 ? range_of(argv, 7, first.first_ts(), first.last_ts()) : range;
    }
    const bool moved = range2.from != range.from || range2.to != range.to;
    const auto plan = engine::plan_chunks(store, checkpoints, range, kMinEvents);
    const auto plan2 = engine::plan_chunks(store, checkpoints, range2, kMinEvents);
    if (!plan || !plan2) {
        std::fprintf(stderr, "no replay in parts for this range (fewer than %llu events, or no model copy inside)\n",
                     static_cast<unsigned long long>(kMinEvents));
        return 1;
    }
    auto make_table = [&]() -> std::unique_ptr<analysis::Aggregator> {
        auto made = analysis::Aggregator::create(*view, scope);
        return made ? std::move(*made) : nullptr;
    };
    if (!make_table()) return 1;

    // Single over `r`: from the model copy before it, as the explorer without parts.
    auto single = [&](const engine::TimeRange& r, Figures& f) {
        auto agg = make_table();
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = cpu_seconds(), t0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
        auto pipe = engine::checkpoint_replay(store, &rows, checkpoints, r, agg.get(), false, "copy");
        if (!pipe) pipe = std::make_unique<engine::ViewPipeline>(store.replay(), "copy", false);
        pipe->set_range(r.whole() ? engine::RangeGate() : engine::RangeGate(r));
        pipe->set_aggregator(std::move(agg));
        run(*pipe);
        std::string out = table(*pipe);
        const double c = cpu_seconds() - c0;
        f.take(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count(), c,
               cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - t0);
        return out;
    };
    // In parts over `r`, the parts kept in `kept` merged instead of replayed;
    // as the explorer's loop: the last part, then help, then the merge. Keeps the parts it completed.
    auto in_parts = [&](const engine::ChunkPlan& p, const engine::TimeRange& r, Kept& kept, Figures& f,
                        std::string& out) {
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = cpu_seconds(), t0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
        std::vector<std::shared_ptr<const engine::ChunkAnswer>> known(p.earlier.size());
        for (size_t i = 0; i < p.earlier.size(); ++i) {
            const auto it = kept.find({p.earlier[i].begin, p.earlier[i].end});
            if (p.earlier[i].inside && it != kept.end()) known[i] = it->second;
        }
        engine::ChunkedReplay replay(store, p, r, std::move(known), make_table, "copy", true);
        auto pipe = replay.take_later();
        if (!pipe) return false;
        pipe->set_aggregator(make_table());
        run(*pipe);
        while (replay.help()) {
        }
        while (!replay.done()) std::this_thread::sleep_for(std::chrono::microseconds(200));
        if (!replay.merge_into(*pipe)) return false;
        out = table(*pipe);
        const double c = cpu_seconds() - c0;
        f.take(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count(), c,
               cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - t0);
        f.replayed = replay.replayed();
        f.parts = replay.parts();
        for (auto& [part, answer] : replay.kept_answers()) kept.emplace(replay.part_events(part), answer);
        return true;
    };

    Figures one, parts, single2, kept_parts;
    bool same = true;
    for (int round = 0; round < rounds; ++round) {
        const std::string want = single(range, one);
        Kept kept;
        std::string got;
        if (!in_parts(*plan, range, kept, parts, got)) return 1;
        same = same && got == want;
        const std::string want2 = moved ? single(range2, single2) : want;
        if (!in_parts(*plan2, range2, kept, kept_parts, got)) return 1;
        same = same && got == want2;
    }
    fmt::print("{} events, view {}, scope '{}', {} model copies; {} parts before the last, from {}\n", store.events(),
               view->id, scope, checkpoints.models(), plan->earlier.size(),
               plan->earlier.front().start.point ? plan->earlier.front().start.point->at.index : 0);
    fmt::print("{:<20}wall {:.3f} s, cpu {:.3f} s\n", "single:", one.wall, one.cpu);
    fmt::print("{:<20}wall {:.3f} s, cpu {:.3f} s, busier thread's cpu {:.3f} s ({} of {} replayed)\n", "parts:",
               parts.wall, parts.cpu, parts.longer, parts.replayed, parts.parts);
    if (moved) fmt::print("{:<20}wall {:.3f} s, cpu {:.3f} s\n", "single, moved:", single2.wall, single2.cpu);
    fmt::print("{:<20}wall {:.3f} s, cpu {:.3f} s, busier thread's cpu {:.3f} s ({} of {} replayed)\n",
               moved ? "parts kept, moved:" : "parts kept:", kept_parts.wall, kept_parts.cpu, kept_parts.longer,
               kept_parts.replayed, kept_parts.parts);
    const Figures& base2 = moved ? single2 : one;
    fmt::print("{:<20}wall {:.2f}, cpu {:.2f}, busier thread's cpu against single cpu {:.2f}\n", "parts/single:",
               parts.wall / one.wall, parts.cpu / one.cpu, parts.longer / one.cpu);
    fmt::print("{:<20}wall {:.2f}, cpu {:.2f}, busier thread's cpu against single cpu {:.2f}; tables {}\n",
               moved ? "kept/single, moved:" : "kept/single:", kept_parts.wall / base2.wall,
               kept_parts.cpu / base2.cpu, kept_parts.longer / base2.cpu, same ? "same" : "DIFFERENT");
    return same ? 0 : 1;
}
