// issue 15 (checkpoints): a key the explorer answers by replaying its
// in-memory copy from a model checkpoint (the last one before the range,
// or, for the Events list, before the oldest event the list keeps) must
// show what the replay from the first event shows: the same rows, cells,
// totals and header figures, and Enter on a listed event the same fields.
// Both shared captures and their docker-host copies (make_docker_capture),
// the Events, Processes and Threads views, several scopes and ranges;
// checkpoints every few events so that every range has some before it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "analysis/view_loader.h"
#include "engine/checkpoint_replay.h"
#include "engine/split_replay.h"
#include "replay_copy.h"

using namespace tracetop;

using test::Copy;
using test::first_pass;
using test::kListRows;
using test::shown;
using test::capture_files;

TEST_CASE("a replay from a checkpoint shows what the replay from the first event shows") {
    auto views = analysis::load_views("");
    REQUIRE(views.ok());
    std::string dir;
    size_t compared = 0, late_starts = 0, list_starts = 0;
    for (const std::string& file : capture_files(dir)) {
        Copy copy;
        first_pass(file, copy);
        const uint64_t first = copy.first_ts, span = copy.last_ts - copy.first_ts;
        REQUIRE(span > 0);
        const std::vector<engine::TimeRange> ranges = {
            {},                                                    // the whole capture
            {first + span / 3, first + 2 * span / 3},              // the middle third
            {first + 2 * span / 3, engine::TimeRange::kOpen},      // the last third, open
            {first + span / 2, first + span / 2 + span / 50},      // narrow
            {first + span / 10, first + span / 5},                 // early
            {copy.last_ts, engine::TimeRange::kOpen},              // the last event alone
            {copy.last_ts + 1, engine::TimeRange::kOpen},          // nothing
        };
        for (const char* view_id : {"events", "procs", "threads"}) {
            const analysis::ViewDef* view = views->find(view_id);
            REQUIRE(view);
            // Scopes of every field class; user.* and container.* read the model's tables (their
            // class decides whether the list's start is found from the frozen contexts).
            for (const std::string scope : {"", "evt.type = read or fd.type = file", "proc.name = curl",
                                            "evt.latency > 10000", "thread.tid = 25886 or evt.dir = >",
                                            "user.name = root", "not user.name = root",
                                            "container.name != host and evt.dir = <"}) {
                for (const engine::TimeRange& range : ranges) {
                    CAPTURE(file);
                    CAPTURE(view_id);
                    CAPTURE(scope);
                    CAPTURE(range.from);
                    CAPTURE(range.to);
                    auto agg = analysis::Aggregator::create(*view, scope);
                    REQUIRE(agg.ok());
                    engine::ViewPipeline whole(copy.store.replay(), "copy", false);
                    whole.set_range(range.whole() ? engine::RangeGate() : engine::RangeGate(range));
                    const std::string want = shown(whole, std::move(*agg));
                    auto agg2 = analysis::Aggregator::create(*view, scope);
                    REQUIRE(agg2.ok());
                    auto pipe = engine::checkpoint_replay(copy.store, &copy.rows, copy.checkpoints, range, agg2->get(),
                                                          false, "copy", kListRows);
                    if (!pipe) continue;  // it would start at the first event: the plain replay
                    ++late_starts;
                    if (view->kind == analysis::ViewKind::List && !range.whole()) ++list_starts;
                    CHECK(shown(*pipe, std::move(*agg2)) == want);
                    ++compared;
                }
            }
        }
    }
    std::filesystem::remove_all(dir);
    MESSAGE(compared << " answers from a checkpoint compared");
    CHECK(compared > 100);
    CHECK(list_starts > 10);
}

// issue 15 (split): a replay cut in two at a checkpoint, its earlier part
// on a second thread and merged in as the earlier events, shows what the
// single replay from the first event shows: rows in the same order (ties
// sort the same), every cell, the totals, the header's figures. Views of
// every aggregation (first, last, distinct, per, avg, min, max, rate), with
// drill scopes and ranges, on the shared captures (a copy every 32 events,
// split however short) and on a capture made big (about 200,000 events,
// copies every 16 Ki events, split from 50,000).
namespace {

constexpr const char* kEveryAggregation = R"(id = "every_aggregation"
name = "Every aggregation"
keys = ["proc.name"]
label = "thread.tid"
[[columns]]
id = "first_type"
field = "evt.type"
aggregation = "first"
format = "text"
[[columns]]
id = "first_lat"
field = "evt.latency"
aggregation = "first"
when = "evt.dir = <"
[[columns]]
id = "last_fd"
field = "fd.name"
aggregation = "last"
format = "text"
[[columns]]
id = "last_res"
field = "evt.rawres"
aggregation = "last"
[[columns]]
id = "tids"
field = "thread.tid"
aggregation = "distinct"
[[columns]]
id = "fds"
field = "fd.num"
aggregation = "distinct"
[[columns]]
id = "avg_lat"
field = "evt.latency"
aggregation = "avg"
when = "evt.dir = <"
[[columns]]
id = "min_lat"
field = "evt.latency"
aggregation = "min"
when = "evt.dir = <"
[[columns]]
id = "max_per_tid"
field = "evt.latency"
aggregation = "max"
per = "thread.tid"
[[columns]]
id = "avg_per_tid"
field = "evt.buflen"
aggregation = "avg"
per = "thread.tid"
[[columns]]
id = "bytes"
field = "evt.buflen"
aggregation = "rate"
[[columns]]
id = "calls"
aggregation = "count"
when = "evt.dir = <"
)";

struct SplitCase {
    const char* view;
    const char* scope;
};

// Compares the split replays of `copy` against single replays; returns how many were split.
size_t compare_splits(const Copy& copy, const analysis::ViewSet& views, const analysis::ViewDef& every,
                      uint64_t min_events) {
    const uint64_t first = copy.first_ts, span = copy.last_ts - copy.first_ts;
    const std::vector<engine::TimeRange> ranges = {
        {},
        {first + span / 3, first + 2 * span / 3},
        {first + 2 * span / 3, engine::TimeRange::kOpen},
        {first, first + span / 2},
        {first + span / 10, first + 9 * span / 10},
        {copy.last_ts + 1, engine::TimeRange::kOpen},
    };
    const SplitCase cases[] = {
        {"procs", ""},
        {"procs", "evt.type = read or fd.type = file"},
        {"threads", "proc.name = curl"},
        {"threads", "proc.pid = 1240"},
        {"syscalls", ""},
        {"syscalls", "evt.latency > 10000"},
        {"files", ""},
        {"errors", ""},
        {"containers", ""},
        {"every_aggregation", ""},
        {"every_aggregation", "not proc.name = curl"},
    };
    size_t split = 0;
    for (const SplitCase& c : cases) {
        const analysis::ViewDef* view = std::string(c.view) == every.id ? &every : views.find(c.view);
        REQUIRE(view);
        for (const engine::TimeRange& range : ranges) {
            CAPTURE(c.view);
            CAPTURE(c.scope);
            CAPTURE(range.from);
            CAPTURE(range.to);
            const auto plan = engine::plan_split(copy.store, copy.checkpoints, range, min_events);
            if (!plan) continue;
            auto agg = analysis::Aggregator::create(*view, c.scope);
            REQUIRE(agg.ok());
            engine::ViewPipeline whole(copy.store.replay(), "copy", false);
            whole.set_range(range.whole() ? engine::RangeGate() : engine::RangeGate(range));
            const std::string want = shown(whole, std::move(*agg));
            auto earlier = analysis::Aggregator::create(*view, c.scope);
            auto later_agg = analysis::Aggregator::create(*view, c.scope);
            REQUIRE(earlier.ok());
            REQUIRE(later_agg.ok());
            engine::SplitReplay replay(copy.store, *plan, range, std::move(*earlier), "copy");
            auto later = replay.take_later();
            REQUIRE(later);
            CHECK(shown(*later, std::move(*later_agg), [&](engine::ViewPipeline& p) { return replay.merge_into(p); }) == want);
            ++split;
        }
    }
    return split;
}

}  // namespace

TEST_CASE("a replay split in two at a checkpoint shows what the single replay shows") {
    auto views = analysis::load_views("");
    REQUIRE(views.ok());
    auto every = analysis::parse_view(kEveryAggregation, "every_aggregation.toml");
    REQUIRE_MESSAGE(every, (every ? "" : every.error().message));
    std::string dir;
    size_t split = 0;
    for (const std::string& file : capture_files(dir)) {
        CAPTURE(file);
        Copy copy;
        first_pass(file, copy);
        split += compare_splits(copy, *views, *every, 1);
    }
    MESSAGE(split << " split replays compared on the shared captures");
    CHECK(split > 150);

    const char* maker = std::getenv("MAKE_BIG_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_BIG_CAPTURE is not set: run through meson test");
    const std::string big = dir + "/big.scap";
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 200000 >/dev/null", maker,
                                    test::shared_capture("curl_google.scap"), big)
                            .c_str()) == 0);
    Copy copy(1u << 14, 1u << 12);
    first_pass(big, copy);
    const size_t big_split = compare_splits(copy, *views, *every, 50000);
    MESSAGE(big_split << " split replays compared on a capture of " << copy.store.events() << " events");
    CHECK(big_split > 30);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a split replay dropped while its earlier part runs stops it and frees nothing in use") {
    std::string dir = std::filesystem::temp_directory_path() / fmt::format("split.{}", getpid());
    std::filesystem::create_directories(dir);
    const char* maker = std::getenv("MAKE_BIG_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_BIG_CAPTURE is not set: run through meson test");
    const std::string big = dir + "/big.scap";
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 400000 >/dev/null", maker,
                                    test::shared_capture("curl_google.scap"), big)
                            .c_str()) == 0);
    auto views = analysis::load_views("");
    REQUIRE(views.ok());
    const analysis::ViewDef* procs = views->find("procs");
    REQUIRE(procs);
    Copy copy(1u << 14, 1u << 12);
    first_pass(big, copy);
    const auto plan = engine::plan_split(copy.store, copy.checkpoints, engine::TimeRange{}, 100000);
    REQUIRE(plan);
    CHECK(plan->from.point == nullptr);  // the whole capture: from the first event
    // Near the middle: within a copy's spacing of it.
    const uint64_t middle = plan->middle.point->at.index, half = copy.store.events() / 2;
    CHECK(middle + (1u << 14) >= half);
    CHECK(middle <= half + (1u << 14));
    CHECK(!engine::plan_split(copy.store, copy.checkpoints, engine::TimeRange{}, copy.store.events() + 1));
    for (int round = 0; round < 20; ++round) {
        std::atomic<int> ended{0};
        auto agg = analysis::Aggregator::create(*procs, "");
        REQUIRE(agg.ok());
        const auto t0 = std::chrono::steady_clock::now();
        {
            engine::SplitReplay replay(copy.store, *plan, engine::TimeRange{}, std::move(*agg), "copy",
                                       [&] { ++ended; });
            auto later = replay.take_later();
            if (round % 2) later->run(engine::ViewPipeline::kBatch);  // the later part under way, then a new key
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        CHECK(ended == 1);
        CHECK(ms < 2000);  // one batch, not the 200,000 events (loose: the machine is shared)
    }
    // Stopped before its end, the earlier part has no table to give.
    auto agg = analysis::Aggregator::create(*procs, "");
    REQUIRE(agg.ok());
    engine::SplitReplay replay(copy.store, *plan, engine::TimeRange{}, std::move(*agg), "copy");
    replay.cancel();
    auto later = replay.take_later();
    auto later_agg = analysis::Aggregator::create(*procs, "");
    REQUIRE(later_agg.ok());
    later->set_aggregator(std::move(*later_agg));
    CHECK_FALSE(replay.merge_into(*later));
    CHECK(replay.done());
    std::filesystem::remove_all(dir);
}
