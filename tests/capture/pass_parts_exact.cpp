// issue 15 (chunks): the explorer's first pass keeps its table in parts cut
// at the model copies (PassParts). Folded back at the end, the parts give
// the answer of the pass that was not cut; merged while the pass loads,
// what it read so far; kept, they serve replays in parts over any range
// (ChunkedReplay) as the parts it replays itself would: every answer the
// same as the single replay's. Processes, Threads and Hosts (the views the
// frozen contexts cannot answer over every range), with scopes, on the
// shared captures and their docker-host copies.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "analysis/view_loader.h"
#include "engine/chunked_replay.h"
#include "engine/pass_parts.h"
#include "replay_copy.h"

using namespace tracetop;

namespace {

std::unique_ptr<analysis::Aggregator> table_of(const analysis::ViewDef& view, const std::string& scope) {
    auto made = analysis::Aggregator::create(view, scope);
    REQUIRE(made.ok());
    return std::move(*made);
}

// The answer without the header's count of bytes read.
std::string without_bytes_read(std::string shown) {
    const size_t at = shown.find(" read ");
    REQUIRE(at != std::string::npos);
    shown.erase(at, shown.find(" seconds ", at) - at);
    return shown;
}

using Parts = std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::shared_ptr<const engine::ChunkAnswer>>>;

// The first pass as the explorer runs it with parts: returns the folded
// answer as shown; `parts`: its kept parts; `cuts`: counts the snapshots
// made while it loaded (the parts and the pipeline's table merged).
std::string pass_in_parts(const std::string& file, test::Copy& copy, const analysis::ViewDef& view,
                          const std::string& scope, Parts& parts, size_t& cuts,
                          size_t max_rows = engine::PassParts::kMaxRows, size_t* parts_at_stop = nullptr) {
    std::string answer;
    test::first_pass(file, copy, [&](engine::ViewPipeline& pipe) {
        pipe.set_aggregator(table_of(view, scope));
        engine::PassParts cut(copy.checkpoints.model_every(), [&] { return table_of(view, scope); }, max_rows);
        engine::ViewPipeline::Step step;
        while ((step = pipe.run(cut.batch(pipe, engine::ViewPipeline::kBatch))) ==
               engine::ViewPipeline::Step::More) {
            const size_t held = cut.parts();
            cut.after_batch(pipe);
            // Stopped now: 1 + the parts it held then.
            if (parts_at_stop && !cut.cutting() && *parts_at_stop == 0) *parts_at_stop = held + 1;
            // While loading: the parts merged hold every row seen so far.
            if (auto merged = cut.merged(pipe)) {
                ++cuts;
                CHECK(merged->row_count() >= pipe.aggregator()->row_count());
            }
        }
        REQUIRE(step == engine::ViewPipeline::Step::End);
        REQUIRE(cut.fold_into(pipe));
        std::vector<uint64_t> copies;
        for (const auto& c : copy.checkpoints.copies()) copies.push_back(c.point->at.index);
        parts = cut.answers(copies);
        // What the screen shows at the end, as test::shown does after its run.
        answer = test::shown(pipe, pipe.take_aggregator());
    });
    return answer;
}

}  // namespace

TEST_CASE("the first pass in parts answers as the single pass, and its parts as replayed ones") {
    auto views = analysis::load_views("");
    REQUIRE(views.ok());
    std::string dir;
    size_t passes = 0, cuts = 0, kept = 0, ranges_compared = 0, merged = 0;
    for (const std::string& file : test::capture_files(dir)) {
        for (const char* view_id : {"procs", "threads", "hosts"}) {
            const analysis::ViewDef* view = views->find(view_id);
            REQUIRE(view);
            for (const std::string scope : {"", "proc.name = curl", "evt.type = read or fd.type = file"}) {
                CAPTURE(file);
                CAPTURE(view_id);
                CAPTURE(scope);
                test::Copy copy;  // a copy every 32 events
                Parts parts;
                const std::string got = pass_in_parts(file, copy, *view, scope, parts, cuts);
                engine::ViewPipeline whole(copy.store.replay(), "copy", false);
                // The pass read the file (gzip: fewer bytes), the replay the copy: all else the same.
                CHECK(without_bytes_read(test::shown(whole, table_of(*view, scope))) == without_bytes_read(got));
                ++passes;
                kept += parts.size();
                std::map<std::pair<uint64_t, uint64_t>, std::shared_ptr<const engine::ChunkAnswer>> by_events(
                    parts.begin(), parts.end());
                const uint64_t first = copy.first_ts, span = copy.last_ts - copy.first_ts;
                const auto at = [&](double share) {
                    return first + static_cast<uint64_t>(static_cast<double>(span) * share);
                };
                // Ranges that start right after a copy's events: the part from there is inside, and
                // merged from the pass, its first time is the range's (as a replayed one's would be).
                const auto copies = copy.checkpoints.copies();
                REQUIRE(copies.size() > 3);
                const auto after_copy = [&](size_t share) { return copies[copies.size() * share / 4].point->last_ts + 1; };
                for (const engine::TimeRange range :
                     {engine::TimeRange{}, engine::TimeRange{at(0.25), at(0.75)},
                      engine::TimeRange{at(0.1), engine::TimeRange::kOpen}, engine::TimeRange{first, at(0.6)},
                      engine::TimeRange{after_copy(1), engine::TimeRange::kOpen},
                      engine::TimeRange{after_copy(2), after_copy(3)}}) {
                    CAPTURE(range.from);
                    CAPTURE(range.to);
                    const auto plan = engine::plan_chunks(copy.store, copy.checkpoints, range, 1);
                    if (!plan) continue;
                    std::vector<std::shared_ptr<const engine::ChunkAnswer>> known(plan->earlier.size());
                    for (size_t i = 0; i < plan->earlier.size(); ++i) {
                        const engine::ChunkPart& p = plan->earlier[i];
                        const auto it = by_events.find({p.begin, p.end});
                        if (p.inside && it != by_events.end()) {
                            known[i] = it->second;
                            ++merged;
                        }
                    }
                    engine::ViewPipeline single(copy.store.replay(), "copy", false);
                    single.set_range(range.whole() ? engine::RangeGate() : engine::RangeGate(range));
                    const std::string want = test::shown(single, table_of(*view, scope));
                    engine::ChunkedReplay replay(copy.store, *plan, range, known,
                                                 [&] { return table_of(*view, scope); }, "copy", true);
                    auto later = replay.take_later();
                    REQUIRE(later);
                    CHECK(test::shown(*later, table_of(*view, scope), [&](engine::ViewPipeline& p) {
                              while (replay.help()) {
                              }
                              while (!replay.done()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
                              return replay.merge_into(p);
                          }) == want);
                    ++ranges_compared;
                }
            }
        }
    }
    std::filesystem::remove_all(dir);
    MESSAGE(passes << " passes in parts (" << cuts << " snapshots while loading), " << kept << " parts kept, "
                   << ranges_compared << " replays in parts over them (" << merged << " parts merged)");
    CHECK(passes == 45);
    CHECK(cuts > 1000);
    CHECK(kept > 1000);
    CHECK(merged > 1000);
}

TEST_CASE("a first pass whose table outgrows its parts folds them back once and goes on whole") {
    auto views = analysis::load_views("");
    REQUIRE(views.ok());
    std::string dir;
    size_t stopped = 0;
    for (const std::string& file : test::capture_files(dir)) {
        for (const char* view_id : {"procs", "threads"}) {
            CAPTURE(file);
            CAPTURE(view_id);
            const analysis::ViewDef* view = views->find(view_id);
            REQUIRE(view);
            test::Copy copy;
            test::first_pass(file, copy);
            engine::ViewPipeline whole(copy.store.replay(), "copy", false);
            const std::string want = without_bytes_read(test::shown(whole, table_of(*view, "")));
            // Row limits that stop the cutting part way, with a few parts (of real events) made.
            for (const size_t max_rows : {24, 64, 160}) {
                CAPTURE(max_rows);
                test::Copy again;
                Parts parts;
                size_t cuts = 0, parts_at_stop = 0;
                const std::string got = pass_in_parts(file, again, *view, "", parts, cuts, max_rows, &parts_at_stop);
                CHECK(want == without_bytes_read(got));
                CHECK(parts.empty() == (parts_at_stop != 0));  // folded for good: none kept
                if (parts_at_stop >= 4) ++stopped;
            }
        }
    }
    std::filesystem::remove_all(dir);
    MESSAGE(stopped << " passes stopped cutting after 3 parts or more");
    CHECK(stopped >= 5);
}
