// issue 15 (drill): the levels Enter opens from the Processes rows, made by
// a second pass beside the first (DrillPrefetch), are what the replay of
// each level shows: the same rows in the same order, every cell, the
// totals, the span. Each level's scope is the one Enter on that row makes
// (the terms of the row in the Processes table, pushed as navigate() does),
// so the explorer finds it under the key it asks for. Every shared capture
// and their docker-host copies, with scopes of every field class.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "analysis/view_loader.h"
#include "engine/drill_prefetch.h"
#include "engine/explorer_engine.h"
#include "replay_copy.h"

using namespace tracetop;

namespace {

// What the screen shows of a table: its rows, cells, totals and span.
std::string table_text(const analysis::Snapshot& snap) {
    std::string out = fmt::format("events {} first {} last {} seconds {:.9f}\n", snap.source.events,
                                  snap.source.first_ts, snap.source.last_ts, snap.sample_seconds);
    for (const analysis::Row& row : snap.rows) {
        out += fmt::format("{} [{}]:", row.key, row.label);
        for (const analysis::Cell& c : row.cells) out += fmt::format(" {}/{:.17g}/{}", c.present, c.number, c.text);
        out += '\n';
    }
    for (const analysis::Cell& c : snap.totals) out += fmt::format("total {}/{:.17g}/{}\n", c.present, c.number, c.text);
    return out;
}

// The whole copy replayed into `view` under `scope`, as the explorer ends a replay.
analysis::Snapshot replayed(const test::Copy& copy, const analysis::ViewDef& view, const std::string& scope) {
    auto agg = analysis::Aggregator::create(view, scope);
    REQUIRE(agg.ok());
    engine::ViewPipeline pipe(copy.store.replay(), "copy", false);
    pipe.set_aggregator(std::move(*agg));
    while (pipe.run(engine::ViewPipeline::kBatch) == engine::ViewPipeline::Step::More) {
    }
    pipe.add_idle_rows();
    analysis::Snapshot snap;
    pipe.aggregator()->fill(snap, pipe.span_seconds());
    pipe.describe(snap.source);
    return snap;
}

}  // namespace

TEST_CASE("the drill-downs made beside the first pass are the levels Enter replays") {
    auto views = analysis::load_views("");
    REQUIRE(views.ok());
    const analysis::ViewDef* procs = views->find("procs");
    const analysis::ViewDef* threads = views->find("threads");
    REQUIRE(procs);
    REQUIRE(threads);
    REQUIRE(engine::DrillPrefetch::applies(*procs, *threads));
    CHECK_FALSE(engine::DrillPrefetch::applies(*threads, *views->find("syscalls")));  // answered from contexts
    CHECK_FALSE(engine::DrillPrefetch::applies(*views->find("hosts"), *procs));        // a text key
    std::string dir;
    size_t levels = 0, rows_entered = 0;
    for (const std::string& file : test::capture_files(dir)) {
        test::Copy copy;
        test::first_pass(file, copy);
        for (const std::string filter : {"", "evt.type = read or fd.type = file", "not user.name = root",
                                         "container.name != host and evt.dir = <"}) {
            CAPTURE(file);
            CAPTURE(filter);
            engine::Navigation at;  // the first level, Processes, under the user's filter
            at.filter = filter;
            auto drill_scope = [&](const std::string& term) {
                engine::Navigation level = at;
                level.stack.push("threads", analysis::DrillFrame{{}, 0, {term}, procs->keys, {}});
                return level.scope();
            };
            engine::Options options;
            options.read_file = file;
            std::atomic<bool> ended{false};
            engine::DrillPrefetch prefetch(options, *procs, *threads, drill_scope, [&] { ended = true; });
            while (!prefetch.done()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
            CHECK(ended);
            std::map<std::string, std::shared_ptr<analysis::Snapshot>> by_scope;
            for (auto& level : prefetch.take_levels()) by_scope[level.scope] = level.snapshot;
            // Enter on each row of Processes: the scope navigate() makes from the row's terms.
            const analysis::Snapshot rows = replayed(copy, *procs, filter);
            size_t with_events = 0;
            for (const analysis::Row& row : rows.rows) {
                engine::Navigation level = at;
                level.stack.push("threads", analysis::DrillFrame{{}, 0, row.key_terms, procs->keys, {}});
                const auto it = by_scope.find(level.scope());
                if (it == by_scope.end()) continue;  // a process with no event (its idle row): not made
                ++with_events;
                CAPTURE(level.scope());
                CHECK(table_text(*it->second) == table_text(replayed(copy, *threads, level.scope())));
                ++rows_entered;
            }
            // A level is made at a process's first event, whether the filter passes it or not: the
            // levels with rows are those of the rows (the same events pass), each entered above.
            size_t with_rows = 0;
            for (const auto& [scope, snap] : by_scope) with_rows += snap->rows.empty() ? 0 : 1;
            CHECK(with_events >= with_rows);
            levels += with_rows;
        }
    }
    std::filesystem::remove_all(dir);
    MESSAGE(levels << " levels made beside the first pass, " << rows_entered << " compared with their replays");
    CHECK(levels > 50);
    CHECK(rows_entered >= levels);
}
