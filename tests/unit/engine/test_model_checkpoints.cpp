// issue 15 (checkpoints): a replay of the in-memory copy that starts at a
// model checkpoint of the first pass answers every field of every later
// event as a replay from the first event does: the model copy carries all
// the state (pending enters, latencies, socket roles, containers...), and
// the numbering, the times and the section come with the store position.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../common/shared_captures.h"
#include "analysis/timeline_counts.h"
#include "engine/context_rows.h"
#include "engine/event_store.h"
#include "engine/model_checkpoints.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"
#include "filter/field_registry.h"
#include "filter/field_value.h"
#include "filter/output_format.h"

using namespace tracetop;

namespace {

// The explorer's first pass, with a checkpoint every `every` events.
struct Pass {
    engine::EventStore store{1ULL << 32};
    engine::ContextRows rows;
    analysis::TimelineCounts timeline;
    engine::ModelCheckpoints checkpoints;

    // Several files: a capture set (a section each; the model reloads each one's header).
    Pass(const std::vector<std::string>& files, uint64_t every) : checkpoints(every, every) {
        const std::string& file = files.front();
        engine::Options o;
        o.read_file = file;
        if (files.size() > 1) o.read_files = files;
        auto opened = engine::open_source(o);
        REQUIRE(opened.ok());
        engine::ViewPipeline pipe(std::move(opened->source), file, false);
        pipe.set_first_pass(&store, &timeline);
        pipe.keep_contexts(&rows);
        pipe.keep_checkpoints(&checkpoints);
        engine::ViewPipeline::Step step;
        while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
        }
        REQUIRE(step == engine::ViewPipeline::Step::End);
        store.seal();
        REQUIRE(store.usable());
    }
};

// Every field of every event `pipe` shows, by event index from `from` on, and the pass's own figures.
struct Seen {
    std::vector<std::string> lines;
    uint64_t events = 0, first_ts = 0, last_ts = 0;
};

Seen every_field(engine::ViewPipeline& pipe, uint64_t from) {
    Seen seen;
    pipe.set_observer([&](const filter::FieldContext& ctx, bool internal) {
        std::string line = fmt::format("#{} {} ", pipe.events() - 1, internal);
        filter::FieldValues values;
        fmt::memory_buffer buf;
        for (const filter::FieldDef& def : filter::all_fields()) {
            if (def.arg != filter::ArgKind::None) continue;
            values.clear();
            def.extract(ctx, filter::BoundArg{}, values);
            line.append(def.name);
            line.push_back('=');
            for (const filter::FieldValue& v : values) {
                buf.clear();
                filter::render_value(def, v, buf, true);
                line.append(buf.data(), buf.size());
                line.push_back(' ');
            }
        }
        if (pipe.events() - 1 >= from) seen.lines.push_back(std::move(line));
    });
    engine::ViewPipeline::Step step;
    while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
    }
    REQUIRE(step == engine::ViewPipeline::Step::End);
    seen.events = pipe.events();
    seen.first_ts = pipe.first_ts();
    seen.last_ts = pipe.last_ts();
    return seen;
}

void check_every_checkpoint(const std::vector<std::string>& names, uint64_t every) {
    const std::string name = names.size() == 1 ? names[0] : "the set of " + names[0] + " and " + names[1];
    CAPTURE(name);
    std::vector<std::string> files;
    for (const std::string& n : names) files.push_back(test::shared_capture(n));
    const Pass pass(files, every);
    engine::ViewPipeline whole_pipe(pass.store.replay(), "copy", false);
    const Seen whole = every_field(whole_pipe, 0);
    REQUIRE(whole.lines.size() > 10);
    size_t compared = 0;
    for (const engine::PassPoint& mark : pass.checkpoints.marks()) {
        const auto start = pass.checkpoints.at_or_before(mark.at.index);
        REQUIRE(start.point == &mark);
        const uint64_t at = mark.at.index;
        CAPTURE(at);
        engine::ViewPipeline pipe(pass.store.replay_from(mark.at), "copy", false);
        pipe.start_at(mark, *start.model, pass.store.first_header());
        const Seen seen = every_field(pipe, 0);
        // The lines of the full replay from this event on.
        std::vector<std::string> want;
        for (const std::string& line : whole.lines) {
            if (std::stoull(line.substr(1)) >= at) want.push_back(line);
        }
        REQUIRE(seen.lines.size() == want.size());
        for (size_t i = 0; i < want.size(); ++i) {
            if (seen.lines[i] == want[i]) continue;
            // Where they part: the field before the first differing character.
            size_t p = 0;
            while (p < want[i].size() && p < seen.lines[i].size() && want[i][p] == seen.lines[i][p]) ++p;
            const size_t from = want[i].rfind(' ', p) == std::string::npos ? 0 : want[i].rfind(' ', p);
            FAIL_CHECK(want[i].substr(0, want[i].find(' ')) << " after checkpoint " << at << ": full replay '"
                                                           << want[i].substr(from, 60) << "', from the checkpoint '"
                                                           << seen.lines[i].substr(from, 60) << "'");
            break;
        }
        CHECK(seen.events == whole.events);
        CHECK(seen.first_ts == whole.first_ts);
        CHECK(seen.last_ts == whole.last_ts);
        ++compared;
    }
    MESSAGE(name << ": " << compared << " checkpoints compared over " << whole.lines.size() << " events");
    CHECK(compared * every >= pass.store.events());
}

}  // namespace

TEST_CASE("a replay from any checkpoint answers every field of every later event as a full replay does") {
    check_every_checkpoint({"curl_google.scap"}, 64);
    check_every_checkpoint({"single_ipv6_conn.scap"}, 16);
    // Checkpoints in both sections and at the boundary's neighbourhood.
    check_every_checkpoint({"single_ipv6_conn.scap", "curl_google.scap"}, 32);
}

// Threads and their files as text (the strings read through the pool that holds them).
std::string describe(const state::Model& m) {
    std::map<int64_t, std::string> threads;
    for (const auto& [tid, t] : m.threads().threads()) {
        std::string d = fmt::format("{} {} {} {} {}", t->pid, t->comm.view(), t->exepath.view(), t->cwd.view(),
                                    t->cgroups.view());
        std::map<int64_t, std::string> fds;
        if (t->fds) {
            for (const auto& [fd, e] : t->fds->entries()) fds[fd] = std::string(e.name.view());
        }
        for (const auto& [fd, name] : fds) d += fmt::format(" {}={}", fd, name);
        threads[tid] = d;
    }
    std::string out;
    for (const auto& [tid, d] : threads) out += fmt::format("{}: {}\n", tid, d);
    return out;
}

TEST_CASE("a model copy outlives the model it was copied from") {
    const Pass pass({test::shared_capture("curl_google.scap")}, 256);
    auto copy = std::make_unique<state::Model>();
    std::string original;
    {
        engine::ViewPipeline pipe(pass.store.replay(), "copy", false);
        while (pipe.run(engine::ViewPipeline::kBatch) == engine::ViewPipeline::Step::More) {
        }
        copy->load_copy(pipe.model());
        original = describe(pipe.model());
    }
    // The original and its string pool are gone: the copy's own strings read the same.
    CHECK(original.find("curl") != std::string::npos);
    CHECK(describe(*copy) == original);
}

TEST_CASE("checkpoints: a model copy on the multiples of its period, a mark on each of the mark's") {
    const Pass pass({test::shared_capture("curl_google.scap")}, 128);
    const auto& marks = pass.checkpoints.marks();
    REQUIRE(marks.size() >= 2);
    for (size_t i = 0; i < marks.size(); ++i) CHECK(marks[i].at.index == i * 128);
    CHECK(pass.checkpoints.models() == marks.size());
    engine::ModelCheckpoints sparse(512, 128);
    CHECK(sparse.due(0));
    CHECK(sparse.due(128));
    CHECK_FALSE(sparse.due(129));
}

TEST_CASE("over their memory cap the model copies thin out, and replays from those left stay exact") {
    const std::string file = test::shared_capture("curl_google.scap");
    // The same pass with copies every 16 events, capped at about three copies of this model.
    Pass pass({file}, 16);
    const Pass capped_ref({file}, 16);
    engine::ModelCheckpoints capped(16, 16, 3 * capped_ref.checkpoints.bytes() / capped_ref.checkpoints.models());
    {
        engine::EventStore store{1ULL << 32};
        engine::ContextRows rows;
        analysis::TimelineCounts timeline;
        engine::Options o;
        o.read_file = file;
        auto opened = engine::open_source(o);
        REQUIRE(opened.ok());
        engine::ViewPipeline pipe(std::move(opened->source), file, false);
        pipe.set_first_pass(&store, &timeline);
        pipe.keep_contexts(&rows);
        pipe.keep_checkpoints(&capped);
        while (pipe.run(engine::ViewPipeline::kBatch) == engine::ViewPipeline::Step::More) {
        }
    }
    CHECK(capped.models() >= 1);
    CHECK(capped.models() <= 4);
    CHECK(capped.model_every() > 16);
    CHECK(capped.marks().size() == pass.checkpoints.marks().size());
    // Each copy left is at a multiple of the period, and a replay from it equals the full one.
    engine::ViewPipeline whole_pipe(pass.store.replay(), "copy", false);
    const Seen whole = every_field(whole_pipe, 0);
    for (const engine::PassPoint& mark : capped.marks()) {
        const auto start = capped.at_or_before(mark.at.index);
        REQUIRE(start.point);
        CHECK(start.point->at.index % capped.model_every() == 0);
        if (start.point != &mark) continue;
        engine::ViewPipeline pipe(pass.store.replay_from(mark.at), "copy", false);
        pipe.start_at(mark, *start.model, pass.store.first_header());
        const Seen seen = every_field(pipe, 0);
        CHECK(seen.lines.size() <= whole.lines.size());
        const auto tail = whole.lines.end() - static_cast<std::ptrdiff_t>(seen.lines.size());
        CHECK(std::equal(seen.lines.begin(), seen.lines.end(), tail));
    }
}
