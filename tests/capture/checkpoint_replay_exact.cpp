// issue 15 (checkpoints): a key the explorer answers by replaying its
// in-memory copy from a model checkpoint (the last one before the range,
// or, for the Events list, before the oldest event the list keeps) must
// show what the replay from the first event shows: the same rows, cells,
// totals and header figures, and Enter on a listed event the same fields.
// Both shared captures and their docker-host copies (make_docker_capture),
// the Events, Processes and Threads views, several scopes and ranges;
// checkpoints every few events so that every range has some before it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/view_loader.h"
#include "engine/checkpoint_replay.h"
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
