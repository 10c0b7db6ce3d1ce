// issue 15 (fastkeys): the explorer answers a key on a file from the first
// pass's frozen contexts (engine/context_rows.h) when the view reads only
// Context and Event fields. That answer must be the replay's, row for row
// and value for value: for every view that takes the fast path (shipped
// TOML views and the csysdig Lua views that load), on both shared captures
// and a docker-host copy of each (make_docker_capture), with no scope, with
// a user filter, with the drill terms of real rows, and over a range.
//
// A field classed too low fails it: a scratch run with evt.latency (or
// evt.failed) classed Context in fields_evt.cpp fails on syscalls.
//
// issue 15 (procsfast): Processes and Threads (idle rows, lookups through the
// model's user and container tables) are among them: also over a range open
// past the end (their idle rows are the model's at the end), with each
// view's drill-down target scoped to a row, on a capture set of two files,
// on a file of two sections whose headers name the users differently, and
// on a copy whose container events come in the middle.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "../unit/common/shared_captures.h"
#include "analysis/aggregator.h"
#include "analysis/drill_stack.h"
#include "analysis/timeline_counts.h"
#include "analysis/view_loader.h"
#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "engine/context_rows.h"
#include "engine/event_store.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"
#include "state/container_table.h"

using namespace tracetop;

namespace {

// The first pass as the explorer runs it: the copy, the timeline, the contexts.
struct FirstPass {
    engine::EventStore store{1ULL << 32};
    engine::ContextRows rows;
    analysis::TimelineCounts timeline;
    uint64_t first_ts = 0, last_ts = 0;

    explicit FirstPass(const std::string& file) {
        engine::Options o;
        o.read_file = file;
        // "a+b": a capture set of both files.
        if (const size_t plus = file.find('+'); plus != std::string::npos) {
            o.read_files = {file.substr(0, plus), file.substr(plus + 1)};
            o.read_file = o.read_files[0];
        }
        auto opened = engine::open_source(o);
        REQUIRE_MESSAGE(opened.ok(), file);
        engine::ViewPipeline pipe(std::move(opened->source), file, false);
        pipe.set_first_pass(&store, &timeline);
        pipe.keep_contexts(&rows);
        engine::ViewPipeline::Step step;
        while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
        }
        REQUIRE(step == engine::ViewPipeline::Step::End);
        store.seal();
        REQUIRE(store.usable());
        REQUIRE(rows.events() == store.events());
        first_ts = pipe.first_ts();
        last_ts = pipe.last_ts();
    }
};

struct Answer {
    analysis::Snapshot snap;
    bool memoisable = false;
    bool fast = false;  // answered from the contexts (a view with idle rows on a shorter range replays)
};

Answer answer(const FirstPass& pass, const analysis::ViewDef& view, const std::string& scope,
              const engine::RangeGate& range, bool fast) {
    Answer a;
    engine::ViewPipeline pipe(pass.store.replay(), "copy", false);
    pipe.set_range(range);
    auto agg = analysis::Aggregator::create(view, scope);
    REQUIRE_MESSAGE(agg.ok(), view.id << " / " << scope);
    a.memoisable = (*agg)->memoisable();
    if (fast && a.memoisable) pipe.use_contexts(&pass.rows);
    pipe.set_aggregator(std::move(*agg));
    engine::ViewPipeline::Step step;
    while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
    }
    REQUIRE(step == engine::ViewPipeline::Step::End);
    a.fast = pipe.uses_contexts();
    pipe.add_idle_rows();
    pipe.aggregator()->fill(a.snap, pipe.span_seconds());
    pipe.describe(a.snap.source);
    return a;
}

std::string cell_text(const analysis::Cell& c) {
    return fmt::format("{}|{}|{:.17g}|{}", c.present, c.is_number, c.number, c.text);
}

// The first difference between two answers, or "".
std::string difference(const analysis::Snapshot& replay, const analysis::Snapshot& fast) {
    if (replay.columns.size() != fast.columns.size()) return "number of columns";
    if (replay.rows.size() != fast.rows.size()) {
        return fmt::format("{} rows replayed, {} fast", replay.rows.size(), fast.rows.size());
    }
    for (size_t r = 0; r < replay.rows.size(); ++r) {
        const analysis::Row& a = replay.rows[r];
        const analysis::Row& b = fast.rows[r];
        if (a.key != b.key) return fmt::format("row {}: key {} / {}", r, a.key, b.key);
        if (a.key_terms != b.key_terms) return fmt::format("row {} ({}): drill terms", r, a.key);
        if (a.label != b.label) return fmt::format("row {} ({}): label {} / {}", r, a.key, a.label, b.label);
        for (size_t c = 0; c < a.cells.size(); ++c) {
            if (cell_text(a.cells[c]) != cell_text(b.cells[c])) {
                return fmt::format("row {} ({}), column {}: {} / {}", r, a.key, replay.columns[c].id,
                                   cell_text(a.cells[c]), cell_text(b.cells[c]));
            }
        }
    }
    for (size_t c = 0; c < replay.totals.size(); ++c) {
        if (cell_text(replay.totals[c]) != cell_text(fast.totals[c])) return fmt::format("total of column {}", c);
    }
    if (replay.sample_seconds != fast.sample_seconds) return "sample seconds";
    if (replay.source.events != fast.source.events || replay.source.first_ts != fast.source.first_ts ||
        replay.source.last_ts != fast.source.last_ts) {
        return "source facts (events, first and last time)";
    }
    return "";
}

// A copy of `in` whose header names every user differently and gives the
// machine twice the memory: a capture set of it after another file changes
// user.name and thread.mempct at the section's start.
void write_renamed_copy(const std::string& in, const std::string& out) {
    auto reader = capture::ScapReader::open(in);
    REQUIRE_MESSAGE(reader.ok(), in);
    event::CaptureHeader header = (*reader)->header();
    for (event::UserRecord& u : header.users) u.name = "u-" + u.name;
    if (header.machine) header.machine->memory_bytes *= 2;
    auto writer = capture::ScapWriter::create(out, header);
    REQUIRE_MESSAGE(writer.ok(), out);
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) (*writer)->write(ev);
    REQUIRE((*writer)->close().ok());
}

// A copy of a docker-host capture whose container events (at its start,
// stamped 0) come in the middle instead, stamped with the time there: the
// container table changes while the processes in containers run.
void write_late_containers(const std::string& in, const std::string& out) {
    auto reader = capture::ScapReader::open(in);
    REQUIRE_MESSAGE(reader.ok(), in);
    auto writer = capture::ScapWriter::create(out, (*reader)->header());
    REQUIRE_MESSAGE(writer.ok(), out);
    struct Held {
        std::vector<uint8_t> body;
        event::EventView ev;
    };
    std::vector<Held> containers;
    std::vector<Held> rest;
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) {
        Held& h = (state::ContainerTable::is_container_event(ev.type) ? containers : rest).emplace_back();
        const auto body = ev.body();
        h.body.assign(body.begin(), body.end());
        h.ev = ev;
    }
    REQUIRE(!containers.empty());
    for (size_t i = 0; i < rest.size(); ++i) {
        if (i == rest.size() / 2) {
            for (Held& c : containers) {
                c.ev.rebase(c.body.data());
                c.ev.ts = rest[i].ev.ts;
                (*writer)->write(c.ev);
            }
        }
        rest[i].ev.rebase(rest[i].body.data());
        (*writer)->write(rest[i].ev);
    }
    REQUIRE((*writer)->close().ok());
}

// The files: both shared captures and their docker-host copies.
std::vector<std::string> captures(std::string& dir) {
    std::vector<std::string> files = {test::shared_capture("curl_google.scap"),
                                      test::shared_capture("single_ipv6_conn.scap")};
    const char* maker = std::getenv("MAKE_DOCKER_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_DOCKER_CAPTURE is not set: run through meson test");
    dir = std::filesystem::temp_directory_path() / fmt::format("fastkeys.{}", getpid());
    std::filesystem::create_directories(dir);
    // The containers the containers test uses (tests/capture/containers_match_csysdig.sh).
    const std::string curl = dir + "/curl.scap", ipv6 = dir + "/ipv6.scap";
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 17497=0 tid:17498=1 1383=1 3199=2", maker, files[0], curl)
                            .c_str()) == 0);
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 1240=0 1465=1 915=1 1=2", maker, files[1], ipv6).c_str()) ==
            0);
    files.push_back(curl);
    files.push_back(ipv6);
    const std::string renamed = dir + "/ipv6-users.scap";
    write_renamed_copy(ipv6, renamed);
    files.push_back(curl + "+" + renamed);
    // One file of two sections (a section header block starts the second):
    // the users, the machine and the containers (events stamped 0 at the
    // second section's start) change in the middle.
    const std::string sections = dir + "/two-sections.scap";
    {
        std::ofstream out(sections, std::ios::binary);
        for (const std::string& part : {renamed, curl}) out << std::ifstream(part, std::ios::binary).rdbuf();
        REQUIRE(out.good());
    }
    files.push_back(sections);
    const std::string late = dir + "/late-containers.scap";
    write_late_containers(curl, late);
    files.push_back(late);
    return files;
}

}  // namespace

TEST_CASE("a key answered from the frozen contexts equals the replay, for every fast view") {
    auto views = analysis::load_views("", {"/usr/share/sysdig/chisels"});
    REQUIRE(views.ok());
    std::string dir;
    const std::vector<std::string> files = captures(dir);
    size_t compared = 0, fast_views = 0, idle_compared = 0;
    std::vector<std::string> fast_ids;
    for (const std::string& file : files) {
        const FirstPass pass(file);
        MESSAGE(file << ": " << pass.rows.events() << " events, " << pass.rows.contexts() << " contexts");
        const uint64_t span = pass.last_ts - pass.first_ts;
        const engine::TimeRange middle{pass.first_ts + span / 3, pass.first_ts + 2 * span / 3};
        const bool set = file.find('+') != std::string::npos;
        const std::string name = set ? "the capture set" : std::filesystem::path(file).filename().string();
        const engine::TimeRange last_half{pass.first_ts + span / 2, engine::TimeRange::kOpen};
        const auto compare = [&](const analysis::ViewDef& view, const std::string& scope) {
            for (const engine::TimeRange* r : {(const engine::TimeRange*)nullptr, &middle, &last_half}) {
                const engine::RangeGate range = r ? engine::RangeGate(*r) : engine::RangeGate();
                const Answer replay = answer(pass, view, scope, range, false);
                const Answer fast = answer(pass, view, scope, range, true);
                if (!fast.fast) continue;
                ++compared;
                if (view.idle_rows) ++idle_compared;
                const std::string diff = difference(replay.snap, fast.snap);
                const std::string where = r == &middle ? ", middle third" : r ? ", last half" : "";
                CHECK_MESSAGE(diff.empty(), name << ", view " << view.id << ", scope '" << scope << "'" << where
                                                 << ": " << diff);
            }
        };
        for (const analysis::ViewDef& view : views->views) {
            if (view.kind != analysis::ViewKind::Table) continue;
            const Answer whole = answer(pass, view, "", engine::RangeGate(), false);
            if (!whole.memoisable) continue;
            if (file == files[0]) {
                ++fast_views;
                fast_ids.push_back(view.id);
            }
            // Scopes: none, a user filter mixing Context and Event fields,
            // the drill terms of the first and the last row, the drill terms of
            // a row with a user filter.
            std::vector<std::string> scopes = {"", "fd.type = file or evt.failed = true", "evt.latency > 10000"};
            for (const analysis::Row* row : {whole.snap.rows.empty() ? nullptr : &whole.snap.rows.front(),
                                             whole.snap.rows.empty() ? nullptr : &whole.snap.rows.back()}) {
                if (!row || row->key_terms.empty()) continue;
                std::string terms;
                for (const std::string& t : row->key_terms) terms = analysis::join_filters(terms, t);
                scopes.push_back(terms);
                scopes.push_back(analysis::join_filters("evt.is_io = true", terms));
            }
            for (const std::string& scope : scopes) compare(view, scope);
            // The drill-down: its target scoped to the first and the last row.
            const analysis::ViewDef* target = views->find(view.drill_target);
            if (!target || target->kind != analysis::ViewKind::Table) continue;
            for (const analysis::Row* row : {whole.snap.rows.empty() ? nullptr : &whole.snap.rows.front(),
                                             whole.snap.rows.empty() ? nullptr : &whole.snap.rows.back()}) {
                if (!row || row->key_terms.empty()) continue;
                std::string terms;
                for (const std::string& t : row->key_terms) terms = analysis::join_filters(terms, t);
                compare(*target, terms);
            }
        }
    }
    MESSAGE(fast_views << " views take the fast path: " << fmt::format("{}", fmt::join(fast_ids, " ")));
    MESSAGE(compared << " answers compared, " << idle_compared << " of views listing idle processes");
    std::filesystem::remove_all(dir);
    // The bench's view and its drill-down must be among them, or the test compares little.
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "syscalls") != fast_ids.end());
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "syscall_callers") != fast_ids.end());
    CHECK(compared > 100);
    // issue 15 (procsfast): the default view and its drill-down.
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "procs") != fast_ids.end());
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "threads") != fast_ids.end());
    CHECK(idle_compared > 50);
}
